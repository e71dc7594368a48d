"""The demo municipality's KCC data (DEMO.md): kennisbank, contacts, terugbelverzoeken."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from klantregie.models import Kennisartikel, Klantcontact, Terugbelverzoek, Vraag
from klantregie.selectors import kennisartikelen_zoeken
from organisatie.models import User
from zaken.models import Zaak

pytestmark = pytest.mark.django_db


def _tellingen():
    return (
        Kennisartikel.objects.count(),
        Klantcontact.objects.count(),
        Vraag.objects.count(),
        Terugbelverzoek.objects.count(),
        Zaak.objects.count(),
    )


def test_seed_demo_loads_the_kcc_demo_idempotently():
    call_command("seed_demo", force=True)
    eerste = _tellingen()
    call_command("seed_demo", force=True)
    assert _tellingen() == eerste

    assert Kennisartikel.objects.count() >= 20
    verlies = Kennisartikel.objects.get(vraag="Verlies van reisdocument")
    assert "paspoort" in verlies.trefwoorden_lijst and verlies.zaaktype_identificatie == "PASPOORT"
    assert Kennisartikel.objects.filter(vraag__icontains="milieustraat").exists()
    assert kennisartikelen_zoeken("paspoort kwijt")[0] == verlies
    assert kennisartikelen_zoeken("milieustraat")[0].vraag == "Openingstijden milieustraat"

    kanalen = set(Klantcontact.objects.values_list("kanaal", flat=True))
    assert {"telefoon", "balie", "email", "chat", "website"} <= kanalen
    vandaag = timezone.localdate()
    open_verzoeken = Terugbelverzoek.objects.filter(status__in=Terugbelverzoek.OPEN_STATUSSEN)
    assert open_verzoeken.filter(deadline__lt=vandaag).count() == 1
    assert open_verzoeken.filter(deadline__gte=vandaag).exists()
    assert Terugbelverzoek.objects.filter(status="afgehandeld").exists()
    pip = Vraag.objects.get(klantcontact__kanaal="website", zaak__identificatie="ZAAK-DEMO-0002")
    assert pip.is_open and pip.zaak.identificatie == "ZAAK-DEMO-0002"
    assert Vraag.objects.filter(
        resultaat="zaak_afgehandeld", zaak__einddatum__isnull=False
    ).exists()

    redacteur = User.objects.get(username="redacteur")
    assert redacteur.check_password("demo") and redacteur.is_staff
    assert redacteur.has_perm("klantregie.change_kennisartikel")
    assert not redacteur.has_perm("klantregie.add_klantcontact")
