"""Zaakstroom's own resources klantcontact and terugbelverzoek (camelCase, full URLs, like the
ZGW resources beside them). Serializers check the shape and resolve references; every rule is in
`klantregie.services`.

A klant is named by its number (BSN, or KvK-nummer with vestigingsnummer), a team by its code and
a medewerker by their gebruikersnaam, as in the betrokkeneIdentificatie of a ZGW rol. What a
contact or verzoek says about a zaak the application may not see is `afgeschermd`: the onderwerp
stays, the question, the answer and the zaak are left out."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import CATALOGI, ZAKEN, RefField, SelfUrlField, build_url
from klantregie.models import CONTACT_KANALEN, Terugbelpoging, Terugbelverzoek
from klantregie.services.contacten import KCC_RESULTATEN, MAX_VRAGEN
from organisatie.models import Team
from zaken.models import Resultaattype, Zaak, Zaaktype

VRAAG_RESULTATEN = [(r.value, r.label) for r in KCC_RESULTATEN]
URI_OF_NULL = {"type": "string", "format": "uri", "nullable": True, "readOnly": True}
TEKST_OF_NULL = {"type": "string", "nullable": True, "readOnly": True}


def _request(serializer):
    return serializer.context.get("request")


def _url(serializer, root: str, resource: str, obj) -> str | None:
    return build_url(_request(serializer), root, resource, obj.uuid) if obj is not None else None


# --- references -----------------------------------------------------------------------------
@extend_schema_field({"type": "string", "maxLength": 24, "nullable": True})
class TeamField(serializers.SlugRelatedField):
    """A team, by its code (as `identificatie` of an organisatorische eenheid)."""

    default_error_messages = {
        "does_not_exist": "Er is geen team met de code '{value}'.",
        "invalid": "Geef de code van het team als tekst.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Team.objects.all())
        super().__init__(slug_field="code", **kwargs)


@extend_schema_field({"type": "string", "maxLength": 150, "nullable": True})
class MedewerkerField(serializers.SlugRelatedField):
    """An active medewerker, by gebruikersnaam (as `identificatie` of a medewerker)."""

    default_error_messages = {
        "does_not_exist": "Er is geen actieve medewerker met de gebruikersnaam '{value}'.",
        "invalid": "Geef de gebruikersnaam van de medewerker als tekst.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "queryset", get_user_model().objects.filter(is_active=True, soort="medewerker")
        )
        super().__init__(slug_field="username", **kwargs)


def zaak_ref(**kwargs) -> RefField:
    return RefField(
        root=ZAKEN,
        resource="zaken",
        queryset=Zaak.objects.select_related("zaaktype"),
        soort="zaak",
        required=False,
        allow_null=True,
        **kwargs,
    )


class KlantNummerSerializer(serializers.Serializer):
    """Who the klant is: a BSN, or a KvK-nummer (with a vestigingsnummer). Zaakstroom finds the
    klant, or registers a new one with only this number."""

    bsn = serializers.CharField(max_length=9, required=False, allow_blank=True)
    kvkNummer = serializers.CharField(max_length=8, required=False, allow_blank=True)
    vestigingsnummer = serializers.CharField(max_length=12, required=False, allow_blank=True)


class KlantSerializer(serializers.Serializer):
    soort = serializers.CharField(help_text="persoon of organisatie")
    bsn = serializers.SerializerMethodField()
    kvkNummer = serializers.CharField(source="kvk_nummer")
    vestigingsnummer = serializers.CharField()
    naam = serializers.CharField(help_text="Leeg als Zaakstroom alleen het nummer kent.")

    def get_bsn(self, obj) -> str:
        return obj.bsn or ""


# --- klantcontacten -------------------------------------------------------------------------
class TerugbelInvoerSerializer(serializers.Serializer):
    team = TeamField(required=False, allow_null=True, help_text="Code van het team dat belt.")
    medewerker = MedewerkerField(
        required=False, allow_null=True, help_text="Of: de medewerker die belt."
    )
    telefoon = serializers.CharField(
        max_length=20,
        required=False,
        allow_blank=True,
        help_text="Leeg: het telefoonnummer van de klant.",
    )
    bereikbaarheid = serializers.CharField(max_length=200, required=False, allow_blank=True)
    naam = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="Naam van de beller."
    )


class VraagInvoerSerializer(serializers.Serializer):
    onderwerp = serializers.CharField(max_length=200)
    resultaat = serializers.ChoiceField(
        choices=VRAAG_RESULTATEN,
        help_text="Wat er met de vraag gebeurde. `statusinformatie` noemt de zaak; "
        "`zaak_gestart` en `zaak_afgehandeld` starten een zaak van het zaaktype voor de klant "
        "(scope zaken.aanmaken); `terugbelverzoek` stuurt er een (scope "
        "terugbelverzoeken.aanmaken).",
    )
    vraag = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    antwoord = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    zaak = zaak_ref(help_text="De zaak waarover de vraag ging (van de klant).")
    zaaktype = RefField(
        root=CATALOGI,
        resource="zaaktypen",
        queryset=Zaaktype.objects.all(),
        soort="zaaktype",
        required=False,
        allow_null=True,
        help_text="Het zaaktype van de zaak die wordt gestart.",
    )
    resultaattype = RefField(
        root=CATALOGI,
        resource="resultaattypen",
        queryset=Resultaattype.objects.all(),
        soort="resultaattype",
        required=False,
        allow_null=True,
        help_text="Bij `zaak_afgehandeld`: het resultaat van de zaak.",
    )
    terugbelverzoek = TerugbelInvoerSerializer(required=False, allow_null=True)


class KlantcontactInvoerSerializer(serializers.Serializer):
    kanaal = serializers.ChoiceField(choices=CONTACT_KANALEN)
    klant = KlantNummerSerializer(
        required=False, allow_null=True, help_text="Leeg: een anonieme beller."
    )
    gestartOp = serializers.DateTimeField(
        required=False, allow_null=True, help_text="Standaard: het einde."
    )
    beeindigdOp = serializers.DateTimeField(
        required=False, allow_null=True, help_text="Standaard: nu."
    )
    sleutel = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="Idempotentiesleutel: hetzelfde contact met dezelfde sleutel nog eens sturen "
        "legt het niet twee keer vast (het antwoord is het eerste contact).",
    )
    vragen = VraagInvoerSerializer(
        many=True,
        min_length=1,
        max_length=MAX_VRAGEN,
        error_messages={
            "min_length": "Leg minstens één vraag vast.",
            "max_length": f"Leg hoogstens {MAX_VRAGEN} vragen per contact vast.",
            "empty": "Leg minstens één vraag vast.",
        },
    )


class VraagSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    volgnummer = serializers.IntegerField()
    onderwerp = serializers.CharField()
    vraag = serializers.CharField()
    antwoord = serializers.CharField()
    resultaat = serializers.CharField()
    status = serializers.CharField(help_text="open (gesteld op de PIP) of beantwoord")
    beantwoordOp = serializers.DateTimeField(source="beantwoord_op", allow_null=True)
    zaak = serializers.SerializerMethodField()
    zaaktype = serializers.SerializerMethodField()
    terugbelverzoek = serializers.SerializerMethodField()
    afgeschermd = serializers.BooleanField(
        help_text="Over een zaak die uw applicatie niet mag zien: alleen het onderwerp."
    )

    @extend_schema_field(URI_OF_NULL)
    def get_zaak(self, obj):
        return None if obj.afgeschermd else _url(self, ZAKEN, "zaken", obj.zaak)

    @extend_schema_field(URI_OF_NULL)
    def get_zaaktype(self, obj):
        return None if obj.afgeschermd else _url(self, CATALOGI, "zaaktypen", obj.zaaktype)

    @extend_schema_field(URI_OF_NULL)
    def get_terugbelverzoek(self, obj):
        verzoek = getattr(obj, "terugbelverzoek", None)
        return _url(self, ZAKEN, "terugbelverzoeken", verzoek)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if instance.afgeschermd:
            data["vraag"] = ""
            data["antwoord"] = ""
        return data


class KlantcontactSerializer(serializers.Serializer):
    url = SelfUrlField(root=ZAKEN, resource="klantcontacten")
    uuid = serializers.UUIDField()
    kanaal = serializers.CharField()
    klant = KlantSerializer(allow_null=True)
    medewerker = serializers.CharField(
        source="medewerker_weergave", help_text="Wie het contact had (naam of applicatie)."
    )
    gestartOp = serializers.DateTimeField(source="gestart_op")
    beeindigdOp = serializers.DateTimeField(source="beeindigd_op")
    duurSeconden = serializers.IntegerField(source="duur_seconden")
    antwoordInKennisbank = serializers.BooleanField(source="antwoord_in_kennisbank")
    vragen = VraagSerializer(many=True, source="vragen_lijst")


# --- terugbelverzoeken ----------------------------------------------------------------------
class TerugbelverzoekInvoerSerializer(TerugbelInvoerSerializer):
    onderwerp = serializers.CharField(max_length=200)
    vraag = serializers.CharField(
        max_length=4000, required=False, allow_blank=True, help_text="Wat de klant vroeg."
    )
    klant = KlantNummerSerializer(required=False, allow_null=True)
    zaak = zaak_ref(help_text="De zaak waarover teruggebeld wordt (van de klant).")


class TerugbelpogingInvoerSerializer(serializers.Serializer):
    uitkomst = serializers.ChoiceField(choices=Terugbelpoging.Uitkomst.choices)
    notitie = serializers.CharField(max_length=500, required=False, allow_blank=True)


class TerugbelverzoekAfhandelenSerializer(serializers.Serializer):
    resultaat = serializers.ChoiceField(
        choices=Terugbelverzoek.Resultaat.choices,
        help_text="`niet_bereikt` kan pas na een poging met uitkomst niet_bereikt.",
    )
    toelichting = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class TerugbelpogingSerializer(serializers.Serializer):
    tijdstip = serializers.DateTimeField()
    uitkomst = serializers.CharField()
    notitie = serializers.CharField()
    medewerker = serializers.CharField(source="medewerker_weergave")


class TerugbelverzoekSerializer(serializers.Serializer):
    url = SelfUrlField(root=ZAKEN, resource="terugbelverzoeken")
    uuid = serializers.UUIDField()
    onderwerp = serializers.CharField()
    vraag = serializers.CharField(source="vraag_tekst")
    naam = serializers.CharField(help_text="Naam van de beller.")
    telefoon = serializers.CharField()
    bereikbaarheid = serializers.CharField()
    klant = KlantSerializer(allow_null=True)
    zaak = serializers.SerializerMethodField()
    klantcontact = serializers.SerializerMethodField()
    team = serializers.SerializerMethodField()
    medewerker = serializers.SerializerMethodField()
    normWerkdagen = serializers.IntegerField(source="norm_werkdagen")
    deadline = serializers.DateField(help_text="Uiterlijk terugbellen op (norm in werkdagen).")
    teLaat = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=Terugbelverzoek.Status.choices)
    behandelaar = serializers.SerializerMethodField()
    opgepaktOp = serializers.DateTimeField(source="opgepakt_op", allow_null=True)
    resultaat = serializers.CharField(help_text="Leeg zolang het verzoek open is.")
    resultaatToelichting = serializers.CharField(source="resultaat_toelichting")
    afgehandeldOp = serializers.DateTimeField(source="afgehandeld_op", allow_null=True)
    verzondenOp = serializers.DateTimeField(source="verzonden_op")
    verstuurdDoor = serializers.CharField(source="aangevraagd_door_weergave")
    pogingen = TerugbelpogingSerializer(many=True)
    afgeschermd = serializers.BooleanField(
        help_text="Over een zaak die uw applicatie niet mag zien: vraag en zaak zijn leeg."
    )

    @extend_schema_field(URI_OF_NULL)
    def get_zaak(self, obj):
        return None if obj.afgeschermd else _url(self, ZAKEN, "zaken", obj.zaak)

    @extend_schema_field(URI_OF_NULL)
    def get_klantcontact(self, obj):
        vraag = obj.vraag
        return _url(self, ZAKEN, "klantcontacten", vraag.klantcontact) if vraag else None

    @extend_schema_field(TEKST_OF_NULL)
    def get_team(self, obj):
        return obj.team.code if obj.team_id else None

    @extend_schema_field(TEKST_OF_NULL)
    def get_medewerker(self, obj):
        return obj.medewerker.username if obj.medewerker_id else None

    @extend_schema_field(TEKST_OF_NULL)
    def get_behandelaar(self, obj):
        return obj.behandelaar.username if obj.behandelaar_id else None

    @extend_schema_field({"type": "boolean", "readOnly": True})
    def get_teLaat(self, obj) -> bool:
        return obj.is_te_laat()

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if instance.afgeschermd:
            data["vraag"] = ""
        return data
