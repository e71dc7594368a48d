"""The default letters (empty zaaktype = for every zaaktype without its own letter). The texts
are frozen here; the functioneel beheerder changes them in the admin."""

from django.db import migrations

ONTVANGSTBEVESTIGING = """Geachte {{ aanvrager.naam }},

Op {{ zaak.registratiedatum }} hebben wij uw aanvraag ontvangen. Dank u wel. In deze brief leest u wat wij hebben ontvangen, wanneer u van ons hoort en met wie u contact kunt opnemen.

# Wat hebben wij ontvangen?
Soort aanvraag: {{ zaak.zaaktype }}
Omschrijving: {{ zaak.omschrijving }}
Zaaknummer: {{ zaak.identificatie }}

# Wanneer hoort u van ons?
Wij willen u uiterlijk {{ termijn.gepland }} laten weten wat wij besluiten. Volgens de wet moeten wij uiterlijk {{ termijn.uiterlijk }} beslissen. Hebben wij meer tijd of meer informatie van u nodig, dan laten wij u dat weten.

# Met wie kunt u contact opnemen?
Uw aanvraag wordt behandeld door {{ contact.naam }}. U bereikt ons op telefoonnummer {{ contact.telefoon }} of via {{ contact.email }}. Noem dan het zaaknummer {{ zaak.identificatie }}.

Op {{ gemeente.website }} kunt u bij Mijn zaken zien hoe het met uw aanvraag staat."""

AFHANDELING = """Geachte {{ aanvrager.naam }},

Op {{ zaak.registratiedatum }} ontvingen wij uw aanvraag {{ zaak.zaaktype }} ({{ zaak.omschrijving }}). Wij hebben uw aanvraag afgehandeld. In deze brief leest u wat wij hebben besloten.

# Ons besluit
{{ resultaat.omschrijving }}

{{ resultaat.toelichting }}

Datum van het besluit: {{ resultaat.datum }}

# Vragen?
Neem contact op met {{ contact.naam }}, telefoon {{ contact.telefoon }}, e-mail {{ contact.email }}. Noem dan het zaaknummer {{ zaak.identificatie }}."""

BEZWAAR = """Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Dat moet binnen zes weken na de datum van deze brief.

Stuur uw bezwaarschrift naar {{ gemeente.naam }}, {{ gemeente.adres }}, of dien het in via {{ gemeente.website }}. Zet in uw bezwaarschrift uw naam en adres, de datum, het zaaknummer {{ zaak.identificatie }} en waarom u het niet eens bent met het besluit. Vergeet niet het te ondertekenen.

Bezwaar maken schort het besluit niet op. Is de zaak spoedeisend, dan kunt u de voorzieningenrechter van de rechtbank vragen om een voorlopige voorziening."""


def standaard(apps, schema_editor):
    BriefSjabloon = apps.get_model("brieven", "BriefSjabloon")
    BriefSjabloon.objects.get_or_create(
        soort="ontvangstbevestiging",
        zaaktype_identificatie="",
        defaults={
            "onderwerp": "Ontvangstbevestiging van uw aanvraag {{ zaak.zaaktype }}",
            "tekst": ONTVANGSTBEVESTIGING,
            "informatieobjecttype_omschrijving": "Ontvangstbevestiging",
        },
    )
    BriefSjabloon.objects.get_or_create(
        soort="afhandeling",
        zaaktype_identificatie="",
        defaults={
            "onderwerp": "Besluit op uw aanvraag {{ zaak.zaaktype }}",
            "tekst": AFHANDELING,
            "bezwaar": "automatisch",
            "bezwaartekst": BEZWAAR,
            "informatieobjecttype_omschrijving": "Besluit",
        },
    )


class Migration(migrations.Migration):
    dependencies = [("brieven", "0001_initial")]

    operations = [migrations.RunPython(standaard, migrations.RunPython.noop)]
