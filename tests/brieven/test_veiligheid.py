"""Acceptance 3: text from a zaak, a resultaat or a template edited by a beheerder never makes
the renderer fetch a URL or read a file; the template language reaches no object."""

import pytest

from brieven import services, sjabloontaal
from brieven.models import BriefSjabloon, BriefSoort
from core.actor import Actor
from core.outbox import outbox_deliver
from core.pdf import pdf_text
from tests.core.test_pdf import geheim, http_server  # noqa: F401  (fixtures)
from tests.factories import ZaakFactory
from zaken import services as zaken_services
from zaken.models import ZaakDocument

pytestmark = pytest.mark.usefixtures("brieven_aan")


def _pdf(link) -> bytes:
    with link.document.inhoud.open("rb") as f:
        return f.read()


def test_urls_and_files_in_zaak_text_and_template_cause_no_fetch(
    brief_zaaktype,
    http_server,  # noqa: F811
    geheim,  # noqa: F811
):
    basis, verzoeken = http_server
    _css, tekst = geheim
    BriefSjabloon.objects.create(
        soort=BriefSoort.AFHANDELING,
        zaaktype_identificatie=brief_zaaktype.identificatie,
        onderwerp=f'Besluit <img src="{basis}/onderwerp.png">',
        tekst=(
            f'<img src="{basis}/sjabloon.png"><img src="file://{tekst}">'
            f'<link rel="stylesheet" href="{basis}/x.css">\n\n'
            "Zaak {{ zaak.identificatie }}: {{ zaak.omschrijving }}\n\n"
            "{{ resultaat.toelichting }}"
        ),
        bezwaartekst=f'<iframe src="file://{tekst}"></iframe> Bezwaar binnen zes weken.',
        informatieobjecttype_omschrijving="Besluit",
    )
    zaak = ZaakFactory(
        zaaktype=brief_zaaktype, omschrijving=f'<img src="{basis}/omschrijving.png">'[:80]
    )
    zaken_services.zaak_close(
        actor=Actor.system("test"),
        zaak=zaak,
        resultaattype=brief_zaaktype.resultaattypen.get(omschrijving="Verleend"),
        toelichting=f'<img src="file://{tekst}"><img src="{basis}/toelichting.png"> Verleend.',
    )
    outbox_deliver()
    links = list(ZaakDocument.objects.filter(zaak=zaak).select_related("document"))
    assert len(links) == 2  # the ontvangstbevestiging and the afhandelbrief
    assert verzoeken == []
    for link in links:
        pdf = _pdf(link)
        assert b"GEHEIME-INHOUD-42" not in pdf
        assert "GEHEIME-INHOUD-42" not in pdf_text(pdf)
    afhandeling = next(link for link in links if link.document.bestandsnaam.startswith("afh"))
    tekst_pdf = " ".join(pdf_text(_pdf(afhandeling)).split())
    # The markup is shown as the text it is, not followed.
    assert "<img src=" in tekst_pdf
    assert zaak.identificatie in tekst_pdf


def test_the_template_language_only_knows_its_placeholders():
    waarden = {"zaak.identificatie": "ZAAK-1", "aanvrager.naam": "<b>Jan</b>"}
    html = sjabloontaal.render_html(
        "Beste {{aanvrager.naam}}\n{{ zaak.identificatie }} {{ zaak.__class__ }} {% include 'x' %}",
        waarden,
    )
    assert "&lt;b&gt;Jan&lt;/b&gt;" in html
    assert "ZAAK-1" in html
    assert "{{ zaak.__class__ }}" in html  # left as text, never looked up
    assert "{% include &#x27;x&#x27; %}" in html


@pytest.mark.parametrize(
    "tekst, bericht",
    [
        ("{{ zaak.__class__ }}", "Onbekende plaatshouder(s): {{ zaak.__class__ }}"),
        ("{{ aanvrager.bsn }}", "Onbekende plaatshouder(s): {{ aanvrager.bsn }}"),
        ("{{ settings.SECRET_KEY }}", "Onbekende plaatshouder(s): {{ settings.SECRET_KEY }}"),
        ("{% include 'brieven/brief.html' %}", "Opdrachten tussen {% en %} zijn niet toegestaan"),
        ("{{ zaak.identificatie }", "onvolledige plaatshouder"),
        ("{{ resultaat.omschrijving }}", "kan alleen in een afhandelbrief"),
    ],
)
def test_unknown_or_misplaced_placeholders_are_refused(tekst, bericht):
    fouten = sjabloontaal.fouten(tekst, BriefSoort.ONTVANGSTBEVESTIGING)
    assert any(bericht in f for f in fouten), fouten


def test_the_seeded_defaults_are_valid(db):
    for sjabloon in BriefSjabloon.objects.all():
        assert services.briefsjabloon_fouten(sjabloon) == {}, sjabloon
    assert set(
        BriefSjabloon.objects.filter(zaaktype_identificatie="").values_list("soort", flat=True)
    ) == {
        BriefSoort.ONTVANGSTBEVESTIGING,
        BriefSoort.AFHANDELING,
    }
