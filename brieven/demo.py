"""Demo letters: the defaults (migration 0002) serve most demo zaaktypen; a klacht, a melding and
a bezwaarschrift get their own afhandelbrief (no bezwaar against those, beroep after a bezwaar)."""

from brieven.models import Bezwaar, BriefSjabloon, BriefSoort
from brieven.services import briefsjabloon_opslaan
from core.actor import Actor

KLACHT_AFGEHANDELD = """Geachte {{ aanvrager.naam }},

Op {{ zaak.registratiedatum }} ontvingen wij uw klacht ({{ zaak.omschrijving }}). Wij hebben uw klacht onderzocht en afgehandeld.

# Uitkomst
{{ resultaat.omschrijving }}

{{ resultaat.toelichting }}

Bent u niet tevreden over hoe wij uw klacht hebben afgehandeld? Dan kunt u zich wenden tot de Nationale ombudsman. Heeft u eerst nog vragen, neem dan contact op met {{ contact.naam }}, telefoon {{ contact.telefoon }}. Noem het zaaknummer {{ zaak.identificatie }}."""

MELDING_AFGEHANDELD = """Geachte {{ aanvrager.naam }},

Op {{ zaak.registratiedatum }} ontvingen wij uw melding ({{ zaak.omschrijving }}). Wij hebben uw melding afgehandeld.

# Uitkomst
{{ resultaat.omschrijving }}

{{ resultaat.toelichting }}

Is het probleem niet opgelost? Neem dan contact op met {{ contact.naam }}, telefoon {{ contact.telefoon }}, en noem het zaaknummer {{ zaak.identificatie }}.

Dank u wel voor uw melding: zo houden wij Voorbeeldstad samen schoon, heel en veilig."""

BESLISSING_OP_BEZWAAR = """Geachte {{ aanvrager.naam }},

Op {{ zaak.registratiedatum }} ontvingen wij uw bezwaarschrift ({{ zaak.omschrijving }}). Wij hebben uw bezwaar beoordeeld en daarover op {{ resultaat.datum }} besloten.

# Beslissing op uw bezwaar
{{ resultaat.omschrijving }}

{{ resultaat.toelichting }}

# Vragen?
Neem contact op met {{ contact.naam }}, telefoon {{ contact.telefoon }}. Noem dan het zaaknummer {{ zaak.identificatie }}."""

BEROEP = """Tegen deze beslissing op uw bezwaar kunt u geen bezwaar meer maken. Bent u het er niet mee eens, dan kunt u binnen zes weken na de datum van deze brief beroep instellen bij de rechtbank. Hoe dat gaat, leest u op www.rechtspraak.nl. Voor beroep betaalt u griffierecht."""

SJABLONEN = [
    # zaaktype, soort, onderwerp, tekst, bezwaar, bezwaartekst, documentsoort
    (
        "KLACHT",
        BriefSoort.AFHANDELING,
        "Afhandeling van uw klacht",
        KLACHT_AFGEHANDELD,
        Bezwaar.NOOIT,
        "",
        "Correspondentie",
    ),
    (
        "MELDING-OR",
        BriefSoort.AFHANDELING,
        "Uw melding is afgehandeld",
        MELDING_AFGEHANDELD,
        Bezwaar.NOOIT,
        "",
        "Correspondentie",
    ),
    (
        "BEZWAAR",
        BriefSoort.AFHANDELING,
        "Beslissing op uw bezwaarschrift",
        BESLISSING_OP_BEZWAAR,
        Bezwaar.ALTIJD,
        BEROEP,
        "Besluit",
    ),
]


def seed_sjablonen() -> str:
    actor = Actor.system("Demo")
    nieuw = 0
    for ident, soort, onderwerp, tekst, bezwaar, bezwaartekst, iot in SJABLONEN:
        if BriefSjabloon.objects.filter(soort=soort, zaaktype_identificatie=ident).exists():
            continue
        briefsjabloon_opslaan(
            actor=actor,
            sjabloon=BriefSjabloon(
                soort=soort,
                zaaktype_identificatie=ident,
                onderwerp=onderwerp,
                tekst=tekst,
                bezwaar=bezwaar,
                bezwaartekst=bezwaartekst,
                informatieobjecttype_omschrijving=iot,
            ),
        )
        nieuw += 1
    return f"{nieuw} briefsjablonen"
