"""The letters panel on the zaak detail page (see core.panels): the letters made for the zaak and
the zaakdossier download. Two queries whatever the number of letters."""

from brieven.models import Brief
from zaken.permissions import VOLLEDIG


def zaak_brieven(request, *, zaak, toegang, **_):
    if toegang != VOLLEDIG:
        return None
    brieven = list(
        Brief.objects.filter(zaak=zaak).select_related("document").order_by("aangemaakt", "id")
    )
    return {"brieven": brieven}
