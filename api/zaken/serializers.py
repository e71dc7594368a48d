"""Zaken API 1.7 resources (camelCase, full URLs). Serializers check shape and resolve URLs;
every rule is in `zaken.services`."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.fields import (
    CATALOGI,
    DOCUMENTEN,
    ZAKEN,
    LeegOfUrlField,
    NietOndersteund,
    RefField,
    SelfUrlField,
    UrlListField,
    build_url,
)
from core.vertrouwelijkheid import Vertrouwelijkheid
from zaken.models import (
    Archiefnominatie,
    BetrokkeneType,
    Document,
    Eigenschap,
    Resultaattype,
    Roltype,
    Statustype,
    Zaak,
    Zaaktype,
)

URI_LIST = {"type": "array", "items": {"type": "string", "format": "uri"}, "readOnly": True}
STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}


def _request(serializer):
    return serializer.context.get("request")


def _related_uuid(zaak, naam: str):
    """The uuid of a related object: annotated by the list selector (`<naam>_uuid`), else
    read through the relation."""
    annotated = f"{naam}_uuid"
    if annotated in zaak.__dict__:
        return zaak.__dict__[annotated]
    try:
        related = getattr(zaak, naam)
    except Zaak.resultaat.RelatedObjectDoesNotExist:
        return None
    return related.uuid if related is not None else None


def zaakeigenschap_url(request, zaak_uuid, uuid) -> str:
    return build_url(request, ZAKEN, "zaken", zaak_uuid, "zaakeigenschappen", uuid)


class OpschortingSerializer(serializers.Serializer):
    indicatie = serializers.BooleanField(
        help_text="Opgeschort: de termijn staat stil tot de zaak wordt hervat."
    )
    reden = serializers.CharField(max_length=200, allow_blank=True)


class VerlengingSerializer(serializers.Serializer):
    reden = serializers.CharField(max_length=200, allow_blank=True)
    duur = serializers.CharField(
        max_length=20,
        allow_null=True,
        allow_blank=True,
        help_text="ISO-8601, bijvoorbeeld P2W. Een zaak wordt ten hoogste één keer verlengd, "
        "binnen de verlengingstermijn van het zaaktype.",
    )


class ZaakSerializer(serializers.Serializer):
    """The Zaak resource. `einddatumGepland` and `uiterlijkeEinddatumAfdoening` are computed
    from the zaaktype through the term calendar: left empty they are computed, sent they must
    be the computed value (a different one is refused, on create and on update)."""

    url = SelfUrlField(root=ZAKEN, resource="zaken")
    uuid = serializers.UUIDField(read_only=True)
    identificatie = serializers.CharField(
        max_length=40,
        required=False,
        allow_blank=True,
        help_text="Leeg: Zaakstroom kent een unieke identificatie toe (ZAAK-<jaar>-<nummer>).",
    )
    bronorganisatie = serializers.CharField(max_length=9)
    omschrijving = serializers.CharField(max_length=80, required=False, allow_blank=True)
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    zaaktype = serializers.SerializerMethodField()
    registratiedatum = serializers.DateField(required=False)
    verantwoordelijkeOrganisatie = serializers.CharField(
        source="verantwoordelijke_organisatie", max_length=9
    )
    startdatum = serializers.DateField()
    einddatum = serializers.DateField(read_only=True, allow_null=True)
    einddatumGepland = serializers.DateField(
        source="einddatum_gepland",
        required=False,
        allow_null=True,
        help_text="Berekend uit de servicenorm van het zaaktype met de termijnkalender. Laat "
        "het leeg, of stuur de berekende datum.",
    )
    uiterlijkeEinddatumAfdoening = serializers.DateField(
        source="uiterlijke_einddatum_afdoening",
        required=False,
        allow_null=True,
        help_text="Berekend uit de doorlooptijd van het zaaktype met de termijnkalender. Laat "
        "het leeg, of stuur de berekende datum.",
    )
    publicatiedatum = serializers.DateField(required=False, allow_null=True)
    communicatiekanaal = LeegOfUrlField(max_length=1000, required=False, allow_blank=True)
    productenOfDiensten = serializers.ListField(
        source="producten_of_diensten",
        child=serializers.URLField(max_length=1000),
        required=False,
    )
    vertrouwelijkheidaanduiding = serializers.ChoiceField(
        choices=Vertrouwelijkheid.choices, required=False
    )
    betalingsindicatie = NietOndersteund(
        leeg="",
        neutraal=("nvt",),
        schema={
            "type": "string",
            "enum": ["", "nvt"],
            "description": "Zaakstroom legt geen betalingen vast: leeg, of `nvt` (er zijn geen "
            "kosten).",
        },
        melding="Zaakstroom legt geen betalingen vast. Laat betalingsindicatie leeg of weg, of "
        "stuur 'nvt' (geen kosten).",
    )
    betalingsindicatieWeergave = serializers.SerializerMethodField()
    laatsteBetaaldatum = NietOndersteund(
        leeg=None, schema={"type": "string", "format": "date-time", "nullable": True}
    )
    zaakgeometrie = NietOndersteund(leeg=None, schema={"type": "object", "nullable": True})
    verlenging = serializers.SerializerMethodField()
    opschorting = serializers.SerializerMethodField()
    selectielijstklasse = LeegOfUrlField(max_length=1000, required=False, allow_blank=True)
    hoofdzaak = serializers.SerializerMethodField()
    deelzaken = UrlListField(root=ZAKEN, resource="zaken")
    relevanteAndereZaken = NietOndersteund(
        leeg=list, schema={"type": "array", "items": {"type": "object"}}
    )
    eigenschappen = serializers.SerializerMethodField()
    rollen = UrlListField(root=ZAKEN, resource="rollen")
    status = serializers.SerializerMethodField()
    zaakinformatieobjecten = UrlListField(
        root=ZAKEN, resource="zaakinformatieobjecten", source="zaakdocumenten"
    )
    zaakobjecten = serializers.SerializerMethodField()
    kenmerken = NietOndersteund(leeg=list, schema={"type": "array", "items": {"type": "object"}})
    archiefnominatie = serializers.ChoiceField(
        choices=Archiefnominatie.choices, required=False, allow_blank=True, allow_null=True
    )
    archiefstatus = serializers.ChoiceField(choices=Zaak.Archiefstatus.choices, required=False)
    archiefactiedatum = serializers.DateField(required=False, allow_null=True)
    resultaat = serializers.SerializerMethodField()
    opdrachtgevendeOrganisatie = NietOndersteund(leeg="", schema=STRING)
    processobjectaard = NietOndersteund(leeg=None, schema=NULLABLE_STRING)
    startdatumBewaartermijn = NietOndersteund(
        leeg=None, schema={"type": "string", "format": "date", "nullable": True}
    )
    processobject = NietOndersteund(leeg=None, schema={"type": "object", "nullable": True})

    @extend_schema_field({"type": "string", "readOnly": True})
    def get_betalingsindicatieWeergave(self, obj) -> str:
        return ""

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {
                "reden": {"type": "string", "maxLength": 200},
                "duur": {
                    "type": "string",
                    "description": "ISO-8601-duur, bijvoorbeeld P2W; leeg zonder verlenging.",
                },
            },
        }
    )
    def get_verlenging(self, obj):
        # The group is always answered (zrc-012); without a verlenging `duur` is empty.
        return {"reden": obj.verlenging_reden, "duur": obj.verlenging_duur}

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {
                "indicatie": {"type": "boolean"},
                "reden": {"type": "string", "maxLength": 200},
            },
        }
    )
    def get_opschorting(self, obj):
        return {"indicatie": obj.opschorting_indicatie, "reden": obj.opschorting_reden}

    @extend_schema_field(URI_LIST)
    def get_eigenschappen(self, obj) -> list:
        request = _request(self)
        return [zaakeigenschap_url(request, obj.uuid, e.uuid) for e in obj.eigenschappen.all()]

    @extend_schema_field(URI_LIST)
    def get_zaakobjecten(self, obj) -> list:
        return []

    @extend_schema_field({"type": "string", "format": "uri", "maxLength": 1000})
    def get_zaaktype(self, obj) -> str:
        return build_url(_request(self), CATALOGI, "zaaktypen", _related_uuid(obj, "zaaktype"))

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_hoofdzaak(self, obj):
        key = _related_uuid(obj, "hoofdzaak")
        return build_url(_request(self), ZAKEN, "zaken", key) if key else None

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True, "readOnly": True})
    def get_status(self, obj):
        key = _related_uuid(obj, "status")
        return build_url(_request(self), ZAKEN, "statussen", key) if key else None

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True, "readOnly": True})
    def get_resultaat(self, obj):
        key = _related_uuid(obj, "resultaat")
        return build_url(_request(self), ZAKEN, "resultaten", key) if key else None

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["archiefnominatie"] = instance.archiefnominatie or None
        # No geometry is kept: the key is left out rather than null, which the standard's
        # schema (allOf GeoJSONGeometry) does not allow.
        data.pop("zaakgeometrie", None)
        return data


class ZaakWriteSerializer(ZaakSerializer):
    """Create or change a zaak. The group attributes `opschorting` and `verlenging` (zrc-012)
    are carried out by the services: opschorten / hervatten and verlengen (once, within the
    zaaktype's verlengingstermijn)."""

    zaaktype = RefField(
        root=CATALOGI, resource="zaaktypen", queryset=Zaaktype.objects.all(), soort="zaaktype"
    )
    hoofdzaak = RefField(
        root=ZAKEN,
        resource="zaken",
        queryset=Zaak.objects.all(),
        soort="zaak",
        required=False,
        allow_null=True,
    )
    verlenging = VerlengingSerializer(required=False, allow_null=True)
    opschorting = OpschortingSerializer(required=False, allow_null=True)


class StatusSerializer(serializers.Serializer):
    url = SelfUrlField(root=ZAKEN, resource="statussen")
    uuid = serializers.UUIDField(read_only=True)
    zaak = RefField(root=ZAKEN, resource="zaken", queryset=Zaak.objects.all(), soort="zaak")
    statustype = RefField(
        root=CATALOGI,
        resource="statustypen",
        queryset=Statustype.objects.all(),
        soort="statustype",
    )
    datumStatusGezet = serializers.DateTimeField(source="datum_status_gezet")
    statustoelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    indicatieLaatstGezetteStatus = serializers.SerializerMethodField()
    gezetdoor = NietOndersteund(leeg=None, schema={"type": "string", "format": "uri"})
    zaakinformatieobjecten = UrlListField(
        root=ZAKEN, resource="zaakinformatieobjecten", source="zaakdocumenten"
    )

    @extend_schema_field({"type": "boolean", "readOnly": True})
    def get_indicatieLaatstGezetteStatus(self, obj) -> bool:
        return obj.zaak.status_id == obj.pk

    def to_representation(self, instance):
        data = super().to_representation(instance)
        if data.get("gezetdoor") is None:
            data.pop("gezetdoor", None)
        return data


class ResultaatSerializer(serializers.Serializer):
    url = SelfUrlField(root=ZAKEN, resource="resultaten")
    uuid = serializers.UUIDField(read_only=True)
    zaak = RefField(root=ZAKEN, resource="zaken", queryset=Zaak.objects.all(), soort="zaak")
    resultaattype = RefField(
        root=CATALOGI,
        resource="resultaattypen",
        queryset=Resultaattype.objects.all(),
        soort="resultaattype",
    )
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)


BETROKKENE_IDENTIFICATIE = {
    "type": "object",
    "nullable": True,
    "description": "Afhankelijk van betrokkeneType: natuurlijk_persoon (inpBsn, geslachtsnaam, "
    "voornamen, ...), niet_natuurlijk_persoon (innNnpId, statutaireNaam, ...), vestiging "
    "(vestigingsNummer, kvkNummer, handelsnaam), medewerker (identificatie = gebruikersnaam), "
    "organisatorische_eenheid (identificatie = teamcode).",
    "additionalProperties": True,
}


class RolSerializer(serializers.Serializer):
    url = SelfUrlField(root=ZAKEN, resource="rollen")
    uuid = serializers.UUIDField(read_only=True)
    zaak = RefField(root=ZAKEN, resource="zaken", queryset=Zaak.objects.all(), soort="zaak")
    betrokkene = NietOndersteund(leeg="", schema={"type": "string", "format": "uri"})
    betrokkeneType = serializers.ChoiceField(
        source="betrokkene_type", choices=BetrokkeneType.choices
    )
    afwijkendeNaamBetrokkene = NietOndersteund(leeg="", schema=STRING)
    roltype = RefField(
        root=CATALOGI, resource="roltypen", queryset=Roltype.objects.all(), soort="roltype"
    )
    omschrijving = serializers.CharField(read_only=True)
    omschrijvingGeneriek = serializers.CharField(source="omschrijving_generiek", read_only=True)
    roltoelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)
    registratiedatum = serializers.DateTimeField(read_only=True)
    indicatieMachtiging = serializers.ChoiceField(
        source="indicatie_machtiging",
        choices=[("gemachtigde", "gemachtigde"), ("machtiginggever", "machtiginggever")],
        required=False,
        allow_blank=True,
    )
    contactpersoonRol = serializers.DictField(
        source="contactpersoon", required=False, allow_null=True
    )
    statussen = serializers.SerializerMethodField()
    betrokkeneIdentificatie = serializers.DictField(
        source="betrokkene_identificatie", required=False, allow_null=True
    )

    @extend_schema_field(URI_LIST)
    def get_statussen(self, obj) -> list:
        return []

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["betrokkeneIdentificatie"] = betrokkene_identificatie(instance)
        data["contactpersoonRol"] = instance.contactpersoon or None
        data.pop("betrokkene", None)
        return data


extend_schema_field(BETROKKENE_IDENTIFICATIE)(
    RolSerializer._declared_fields["betrokkeneIdentificatie"]
)
extend_schema_field(
    {
        "type": "object",
        "nullable": True,
        "properties": {
            "emailadres": {"type": "string"},
            "functie": {"type": "string"},
            "telefoonnummer": {"type": "string"},
            "naam": {"type": "string"},
        },
    }
)(RolSerializer._declared_fields["contactpersoonRol"])


def betrokkene_identificatie(rol) -> dict:
    """The ZGW betrokkeneIdentificatie of a rol, from its indexed columns and the extra
    attributes it was given."""
    extra = dict(rol.betrokkene_identificatie or {})
    soort = rol.betrokkene_type
    if soort == BetrokkeneType.NATUURLIJK_PERSOON:
        extra["inpBsn"] = rol.bsn
        if rol.naam and not extra.get("geslachtsnaam"):
            extra["geslachtsnaam"] = rol.naam[:200]
    elif soort == BetrokkeneType.NIET_NATUURLIJK_PERSOON:
        extra["innNnpId"] = rol.rsin
        extra.setdefault("statutaireNaam", rol.naam)
        if rol.kvk_nummer:
            extra["kvkNummer"] = rol.kvk_nummer
    elif soort == BetrokkeneType.VESTIGING:
        extra["vestigingsNummer"] = rol.vestigingsnummer
        extra["kvkNummer"] = rol.kvk_nummer
        extra.setdefault("handelsnaam", [rol.naam] if rol.naam else [])
    elif soort == BetrokkeneType.MEDEWERKER:
        if rol.medewerker_id:
            user = rol.medewerker
            extra["identificatie"] = user.username
            extra["achternaam"] = user.last_name[:200]
            extra["voorletters"] = "".join(p[:1] + "." for p in user.first_name.split())[:20]
        extra.setdefault("identificatie", "")
    elif soort == BetrokkeneType.ORGANISATORISCHE_EENHEID:
        if rol.team_id:
            extra["identificatie"] = rol.team.code[:24]
            extra["naam"] = rol.team.naam[:50]
        extra.setdefault("identificatie", "")
    return extra


class ZaakEigenschapSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    uuid = serializers.UUIDField(read_only=True)
    zaak = RefField(root=ZAKEN, resource="zaken", queryset=Zaak.objects.all(), soort="zaak")
    eigenschap = RefField(
        root=CATALOGI,
        resource="eigenschappen",
        queryset=Eigenschap.objects.all(),
        soort="eigenschap",
    )
    naam = serializers.CharField(read_only=True)
    waarde = serializers.CharField(allow_blank=True)

    @extend_schema_field({"type": "string", "format": "uri", "readOnly": True})
    def get_url(self, obj) -> str:
        return zaakeigenschap_url(_request(self), obj.zaak.uuid, obj.uuid)


class StatusVanKoppeling(NietOndersteund):
    """The status of a zaakinformatieobject: answered as its URL; Zaakstroom does not link a
    document to a status, so a request may only leave it empty."""

    def get_attribute(self, instance):
        return instance.status

    def to_representation(self, value):
        if value is None:
            return None
        return build_url(_request(self), ZAKEN, "statussen", value.uuid)


class ZaakInformatieObjectSerializer(serializers.Serializer):
    url = SelfUrlField(root=ZAKEN, resource="zaakinformatieobjecten")
    uuid = serializers.UUIDField(read_only=True)
    informatieobject = RefField(
        root=DOCUMENTEN,
        resource="enkelvoudiginformatieobjecten",
        queryset=Document.objects.all(),
        soort="informatieobject",
        source="document",
    )
    zaak = RefField(root=ZAKEN, resource="zaken", queryset=Zaak.objects.all(), soort="zaak")
    aardRelatieWeergave = serializers.SerializerMethodField()
    titel = serializers.CharField(max_length=200, required=False, allow_blank=True)
    beschrijving = serializers.CharField(required=False, allow_blank=True)
    registratiedatum = serializers.DateTimeField(read_only=True)
    vernietigingsdatum = NietOndersteund(
        leeg=None, schema={"type": "string", "format": "date-time", "nullable": True}
    )
    status = StatusVanKoppeling(
        leeg=None,
        schema={"type": "string", "format": "uri", "nullable": True},
        melding="Zaakstroom koppelt een document niet aan een status. Laat status leeg of weg.",
    )

    @extend_schema_field(
        {
            "type": "string",
            "enum": ["Hoort bij, omgekeerd: kent"],
            "readOnly": True,
        }
    )
    def get_aardRelatieWeergave(self, obj) -> str:
        return "Hoort bij, omgekeerd: kent"


class AuditTrailSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    bron = serializers.SerializerMethodField()
    applicatieId = serializers.CharField(source="applicatie")
    applicatieWeergave = serializers.CharField(source="applicatie")
    gebruikersId = serializers.SerializerMethodField()
    gebruikersWeergave = serializers.CharField(source="gebruiker_weergave")
    actie = serializers.CharField()
    actieWeergave = serializers.SerializerMethodField()
    resultaat = serializers.SerializerMethodField()
    hoofdObject = serializers.SerializerMethodField()
    resource = serializers.CharField(source="object_type")
    resourceUrl = serializers.SerializerMethodField()
    toelichting = serializers.CharField()
    resourceWeergave = serializers.SerializerMethodField()
    aanmaakdatum = serializers.DateTimeField(source="tijdstip")
    wijzigingen = serializers.SerializerMethodField()

    RESULTAAT = {"create": 201, "destroy": 204}
    RESOURCES = {
        "zaak": "zaken",
        "status": "statussen",
        "rol": "rollen",
        "resultaat": "resultaten",
        "zaakdocument": "zaakinformatieobjecten",
        # Zaakstroom's own resources (a terugbelpoging is recorded on its verzoek)
        "klantcontact": "klantcontacten",
        "terugbelverzoek": "terugbelverzoeken",
        "terugbelpoging": "terugbelverzoeken",
    }

    @extend_schema_field({"type": "string", "enum": ["zrc"]})
    def get_bron(self, obj) -> str:
        return "zrc"

    def get_gebruikersId(self, obj) -> str:
        return obj.gebruiker_id_extern or (str(obj.gebruiker_id) if obj.gebruiker_id else "")

    def get_actieWeergave(self, obj) -> str:
        return (obj.actie_weergave or obj.get_actie_display())[:200]

    @extend_schema_field({"type": "integer"})
    def get_resultaat(self, obj) -> int:
        return self.RESULTAAT.get(obj.actie, 200)

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_hoofdObject(self, obj) -> str:
        return build_url(_request(self), ZAKEN, "zaken", obj.zaak_uuid)

    @extend_schema_field({"type": "string", "format": "uri"})
    def get_resourceUrl(self, obj) -> str:
        request = _request(self)
        if obj.object_uuid is None:
            return build_url(request, ZAKEN, "zaken", obj.zaak_uuid)
        if obj.object_type == "zaakeigenschap":
            return zaakeigenschap_url(request, obj.zaak_uuid, obj.object_uuid)
        if obj.object_type == "document":
            return build_url(request, DOCUMENTEN, "enkelvoudiginformatieobjecten", obj.object_uuid)
        resource = self.RESOURCES.get(obj.object_type)
        if resource is None:
            return build_url(request, ZAKEN, "zaken", obj.zaak_uuid)
        return build_url(request, ZAKEN, resource, obj.object_uuid)

    def get_resourceWeergave(self, obj) -> str:
        return (obj.object_weergave or obj.object_type)[:200]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {
                "oud": {"type": "object", "nullable": True, "additionalProperties": True},
                "nieuw": {"type": "object", "nullable": True, "additionalProperties": True},
            },
        }
    )
    def get_wijzigingen(self, obj) -> dict:
        return {
            "oud": obj.oud if isinstance(obj.oud, dict) else None,
            "nieuw": obj.nieuw if isinstance(obj.nieuw, dict) else None,
        }
