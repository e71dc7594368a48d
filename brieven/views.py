from django.http import Http404, HttpResponse

from brieven.dossier import zaakdossier_pdf
from core.actor import Actor
from core.decorators import medewerker_required
from core.errors import NotFound


@medewerker_required
def zaakdossier(request, uuid):
    try:
        zaak, pdf = zaakdossier_pdf(actor=Actor.from_request(request), uuid=uuid)
    except NotFound as exc:
        raise Http404 from exc
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="zaakdossier-{zaak.identificatie}.pdf"'
    response["Cache-Control"] = "no-store"
    return response
