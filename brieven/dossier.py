"""The zaakdossier: an overview of one zaak as a PDF for staff (statuses, betrokkenen, documents,
klantcontacten, terugbelverzoeken, internal notes, opschortingen and the letters made). Made on
demand, not stored; reading it is a read of personal data and is audited."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone

from brieven.models import Brief
from brieven.services import briefhoofd, datum_nl
from core.actor import Actor
from core.audit import audit_read
from core.errors import NotFound
from core.pdf import render_pdf
from zaken.permissions import VOLLEDIG
from zaken.selectors import zaak_detail_voor_medewerker


def zaakdossier_pdf(*, actor: Actor, uuid) -> tuple[object, bytes]:
    """(zaak, pdf) for a medewerker with full access to the zaak; NotFound otherwise (also for
    the restricted view of a zaak above their vertrouwelijkheid). A fixed number of queries."""
    user = actor.user
    zaak, toegang = zaak_detail_voor_medewerker(user, uuid)
    if toegang != VOLLEDIG:
        raise NotFound("Deze zaak bestaat niet of u heeft er geen toegang toe.")
    from klantregie.selectors import terugbelverzoeken_voor_actor, vragen_voor_zaak

    klantvragen, terugbelverzoeken = [], []
    if user.has_perm("klantregie.view_klantcontact"):
        klantvragen = vragen_voor_zaak(zaak)
    if user.has_perm("klantregie.view_terugbelverzoek"):
        # Through klantregie's read path (its right check); the zaak is fully visible here.
        terugbelverzoeken = list(
            terugbelverzoeken_voor_actor(actor, zaak=zaak).order_by("verzonden_op", "id")[:100]
        )
    context = {
        **briefhoofd(),
        "zaak": zaak,
        "klantvragen": klantvragen,
        "terugbelverzoeken": terugbelverzoeken,
        "brieven": list(Brief.objects.filter(zaak=zaak).order_by("aangemaakt", "id")),
        "gemaakt_op": timezone.localtime(),
        "gemaakt_door": actor.display(),
        "datum": datum_nl(timezone.localdate()),
    }
    pdf = render_pdf(render_to_string("brieven/zaakdossier.html", context))
    audit_read(actor, obj=zaak, zaak=zaak, toelichting="Zaakdossier (PDF) gedownload")
    return zaak, pdf
