"""Zaken API 1.7 at /zaken/api/v1/, plus Zaakstroom's process actions on a zaak. Thin: the
API selectors read (limited to the application's autorisaties), `zaken.services` write."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from api import selectors
from api.base import (
    ACCEPT_CRS,
    AUDIT_TOELICHTING,
    CONTENT_CRS,
    CONTENT_CRS_OPTIONAL,
    IF_NONE_MATCH,
    ZgwViewSet,
    atomic,
)
from api.fields import CATALOGI, DOCUMENTEN, ZAKEN, build_url, parse_url
from api.zaken import filters
from api.zaken import serializers as s
from api.zaken.betrokkene import betrokkene_uit_api
from core.audit import audit_read
from core.models import AuditRecord
from processen import services as proces_services
from zaken import services
from zaken.kalender import Duur
from zaken.models import Kanaal

LEZEN = ["zaken.lezen"]
BIJWERKEN = ["zaken.bijwerken", "zaken.geforceerd-bijwerken"]


class ZakenViewSet(ZgwViewSet):
    api_version = "1.7.0"

    def zaak_uit_body(self, zaak):
        """A zaak referred to in a request body: an application without read rights on it
        gets 403 (zrc-006)."""
        if not self.autorisatie("zaken.lezen", zaak.zaaktype, zaak.vertrouwelijkheidaanduiding):
            raise exceptions.PermissionDenied(
                "Uw applicatie heeft geen autorisatie voor het zaaktype of de "
                "vertrouwelijkheidaanduiding van deze zaak."
            )
        return zaak

    def _url_param(self, name: str, root: str, resource: str):
        value = self.request.query_params.get(name)
        if not value:
            return None
        key = parse_url(value, root, resource)
        if key is None:
            raise serializers.ValidationError(
                {name: [f"Geef de volledige URL ({root}/{resource}/<uuid>)."]}
            )
        return key


def _q(name: str, description: str, type_=str, enum=None) -> OpenApiParameter:
    return OpenApiParameter(
        name=name,
        type=type_,
        location=OpenApiParameter.QUERY,
        required=False,
        description=description,
        enum=enum,
    )


# --- zaken --------------------------------------------------------------------------------------
class ProcesgegevensSerializer(serializers.Serializer):
    """Zaakstroom's process state of a zaak, beside the ZGW resource."""

    zaak = serializers.URLField(read_only=True)
    opschorting = serializers.DictField(read_only=True)
    opschortingen = serializers.ListField(child=serializers.DictField(), read_only=True)
    verlenging = serializers.DictField(read_only=True)
    politiekGevoelig = serializers.BooleanField(read_only=True)
    klantregisseur = serializers.DictField(read_only=True, allow_null=True)
    einddatumGepland = serializers.DateField(read_only=True, allow_null=True)
    uiterlijkeEinddatumAfdoening = serializers.DateField(read_only=True, allow_null=True)


class OpschortenSerializer(serializers.Serializer):
    reden = serializers.CharField(max_length=200, help_text="Waarom de termijn stilstaat.")
    wachtOpAanvrager = serializers.BooleanField(
        default=False, help_text="De zaak wacht op de aanvrager (de PIP toont 'actie nodig')."
    )
    datum = serializers.DateField(required=False, help_text="Standaard vandaag.")


class HervattenSerializer(serializers.Serializer):
    datum = serializers.DateField(required=False, help_text="Standaard vandaag.")
    toelichting = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class VerlengenSerializer(serializers.Serializer):
    duur = serializers.CharField(max_length=20, help_text="ISO-8601, bijvoorbeeld P2W.")
    reden = serializers.CharField(max_length=200)


class PolitiekGevoeligSerializer(serializers.Serializer):
    politiekGevoelig = serializers.BooleanField(default=True)
    reden = serializers.CharField(max_length=1000, required=False, allow_blank=True)


class KlantregisseurSerializer(serializers.Serializer):
    klantregisseur = serializers.CharField(
        max_length=150,
        help_text="Gebruikersnaam van een klantregisseur van een klantregieteam.",
        error_messages={
            "null": "Een zaak houdt haar klantregisseur; geef de gebruikersnaam van een andere "
            "klantregisseur."
        },
    )
    reden = serializers.CharField(max_length=500, help_text="Waarom deze klantregisseur.")


def _proces_actie(summary: str, request_serializer):
    return extend_schema(
        summary=summary,
        tags=["zaakstroom-procesacties"],
        request=request_serializer,
        responses={200: ProcesgegevensSerializer},
        parameters=[AUDIT_TOELICHTING],
    )


@extend_schema_view(
    list=extend_schema(
        summary="Alle zaken opvragen.",
        description="Alleen zaken van de zaaktypen en tot de vertrouwelijkheidaanduiding waarvoor "
        "uw applicatie geautoriseerd is (zrc-006). `count` is exact tot 10.000 en daarboven een "
        "schatting (ADR 0030).",
        tags=["zaken"],
        parameters=filters.query_parameters(),
    ),
    retrieve=extend_schema(
        summary="Een specifieke zaak opvragen.",
        tags=["zaken"],
        parameters=[IF_NONE_MATCH, ACCEPT_CRS, CONTENT_CRS_OPTIONAL],
    ),
    create=extend_schema(
        summary="Maak een zaak aan.",
        tags=["zaken"],
        request=s.ZaakWriteSerializer,
        responses={201: s.ZaakSerializer},
        parameters=[ACCEPT_CRS, CONTENT_CRS, AUDIT_TOELICHTING],
    ),
    update=extend_schema(
        summary="Werk een zaak in zijn geheel bij.",
        tags=["zaken"],
        request=s.ZaakWriteSerializer,
        responses={200: s.ZaakSerializer},
        parameters=[ACCEPT_CRS, CONTENT_CRS, AUDIT_TOELICHTING],
    ),
    partial_update=extend_schema(
        summary="Werk een zaak deels bij.",
        tags=["zaken"],
        request=s.ZaakWriteSerializer,
        responses={200: s.ZaakSerializer},
        parameters=[ACCEPT_CRS, CONTENT_CRS, AUDIT_TOELICHTING],
    ),
    destroy=extend_schema(
        summary="Verwijder een zaak, met alles wat erbij hoort (zrc-023).",
        tags=["zaken"],
        parameters=[AUDIT_TOELICHTING],
    ),
)
class ZaakViewSet(ZakenViewSet):
    serializer_class = s.ZaakSerializer
    required_scopes = {
        "list": LEZEN,
        "zoek": LEZEN,
        "retrieve": LEZEN,
        "create": ["zaken.aanmaken"],
        "update": BIJWERKEN,
        "partial_update": BIJWERKEN,
        "destroy": ["zaken.verwijderen"],
        "procesgegevens": LEZEN,
        "opschorten": BIJWERKEN,
        "hervatten": BIJWERKEN,
        "verlengen": BIJWERKEN,
        "politiek_gevoelig": BIJWERKEN,
        "klantregisseur": BIJWERKEN,
    }
    query_params = {"list": set(filters.FILTERS)}
    paginated_actions = {"list", "zoek"}
    accept_crs_actions = {"list", "zoek", "retrieve", "create", "update", "partial_update"}
    content_crs_actions = {"zoek", "create", "update", "partial_update"}

    def _zaak(self, uuid):
        return selectors.zaak_voor_applicatie(self.autorisatie, uuid)

    def _lijst(self, params: dict):
        qs = filters.apply(selectors.zaken_lijst(self.autorisatie), params)
        bsn = filters.filters_bsn(params)
        if bsn:
            audit_read(
                self.actor,
                object_type="zaak",
                toelichting=f"API: zaken opgevraagd van BSN {bsn}",
            )
        return self.list_response(qs)

    def list(self, request):
        return self._lijst(filters.validate(request.query_params))

    @extend_schema(
        summary="Zoek zaken met de filters in de body.",
        tags=["zaken"],
        request=filters.ZaakZoekBodySerializer,
        responses={200: s.ZaakSerializer(many=True)},
        parameters=[ACCEPT_CRS, CONTENT_CRS],
    )
    def zoek(self, request):
        if not isinstance(request.data, dict):
            raise serializers.ValidationError(
                {"nonFieldErrors": ["Stuur de zoekvraag als JSON-object."]}
            )
        return self._lijst(filters.validate(request.data, zoek=True))

    def retrieve(self, request, uuid=None):
        zaak = self._zaak(uuid)
        audit_read(self.actor, obj=zaak, zaak=zaak, toelichting="API: zaak opgevraagd")
        return self.detail_response(self.get_serializer(zaak).data)

    def _respond(self, zaak, created=False):
        data = self.get_serializer(self._zaak(zaak.uuid)).data
        return self.created(data) if created else self.detail_response(data)

    EXTRA = (
        "publicatiedatum",
        "communicatiekanaal",
        "producten_of_diensten",
        "selectielijstklasse",
        "archiefnominatie",
        "archiefactiedatum",
    )

    @atomic
    def create(self, request):
        serializer = s.ZaakWriteSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        hoofdzaak = data.get("hoofdzaak")
        if hoofdzaak is not None:
            self.zaak_uit_body(hoofdzaak)
        extra = {k: data[k] for k in (*self.EXTRA, "archiefstatus") if k in data}
        if extra.get("archiefnominatie") is None:
            extra.pop("archiefnominatie", None)
        zaak = services.zaak_create(
            actor=self.actor,
            zaaktype=data["zaaktype"],
            omschrijving=data.get("omschrijving", ""),
            toelichting=data.get("toelichting", ""),
            startdatum=data["startdatum"],
            registratiedatum=data.get("registratiedatum"),
            kanaal=Kanaal.API,
            bronorganisatie=data["bronorganisatie"],
            verantwoordelijke_organisatie=data["verantwoordelijke_organisatie"],
            identificatie=data.get("identificatie") or None,
            vertrouwelijkheidaanduiding=data.get("vertrouwelijkheidaanduiding"),
            hoofdzaak=hoofdzaak,
            extra=extra,
            einddatum_gepland=data.get("einddatum_gepland"),
            uiterlijke_einddatum_afdoening=data.get("uiterlijke_einddatum_afdoening"),
        )
        self._groepen(zaak, data)
        return self._respond(zaak, created=True)

    # Fields a client may send but that do not change here: a different value is passed to the
    # service, which refuses it with a message that names the field.
    VAST = (
        "identificatie",
        "bronorganisatie",
        "zaaktype",
        "startdatum",
        "registratiedatum",
        "hoofdzaak",
        "einddatum_gepland",
        "uiterlijke_einddatum_afdoening",
    )
    BEREKEND = ("einddatum_gepland", "uiterlijke_einddatum_afdoening")
    WIJZIGBAAR = (
        "omschrijving",
        "toelichting",
        "vertrouwelijkheidaanduiding",
        "verantwoordelijke_organisatie",
        "archiefstatus",
        *EXTRA,
    )

    @atomic
    def update(self, request, uuid=None, partial=False):
        zaak = self._zaak(uuid)
        serializer = s.ZaakWriteSerializer(
            data=request.data, partial=partial, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        changes = {}
        for veld in (*self.VAST, *self.WIJZIGBAAR):
            if veld not in data:
                continue
            nieuw = data[veld]
            if veld == "archiefnominatie" and nieuw is None:
                nieuw = ""
            if veld == "identificatie" and not nieuw:
                continue
            if veld in self.BEREKEND and nieuw is None:
                continue  # left empty: Zaakstroom computes it
            if nieuw != getattr(zaak, veld):
                changes[veld] = nieuw
        if changes:
            services.zaak_update(
                actor=self.actor, zaak=zaak, reden=self.audit_toelichting(), **changes
            )
            zaak.refresh_from_db()
        self._groepen(zaak, data)
        return self._respond(zaak)

    def partial_update(self, request, uuid=None):
        return self.update(request, uuid=uuid, partial=True)

    def _groepen(self, zaak, data):
        """The group attributes opschorting and verlenging, through their services."""
        opschorting = data.get("opschorting")
        if opschorting is not None:
            if opschorting["indicatie"] and not zaak.opschorting_indicatie:
                services.zaak_opschorten(actor=self.actor, zaak=zaak, reden=opschorting["reden"])
            elif not opschorting["indicatie"] and zaak.opschorting_indicatie:
                services.zaak_hervatten(
                    actor=self.actor, zaak=zaak, toelichting=opschorting.get("reden", "")
                )
            zaak.refresh_from_db()
        verlenging = data.get("verlenging")
        if verlenging is not None and verlenging.get("duur"):
            try:
                gelijk = str(Duur.parse(verlenging["duur"])) == zaak.verlenging_duur
            except ValueError:
                gelijk = False
            if not gelijk:
                services.zaak_verlengen(
                    actor=self.actor,
                    zaak=zaak,
                    duur=verlenging["duur"],
                    reden=verlenging.get("reden", ""),
                )

    @atomic
    def destroy(self, request, uuid=None):
        zaak = self._zaak(uuid)
        services.zaak_delete(actor=self.actor, zaak=zaak, reden=self.audit_toelichting())
        return Response(status=204)

    # --- Zaakstroom's own process actions -------------------------------------------------
    def _procesgegevens(self, zaak):
        zaak = (
            selectors.zaken_voor_applicatie(self.autorisatie)
            .select_related("klantregisseur")
            .prefetch_related("opschortingen")
            .get(pk=zaak.pk)
        )
        regisseur = zaak.klantregisseur
        data = {
            "zaak": build_url(self.request, ZAKEN, "zaken", zaak.uuid),
            "opschorting": {
                "indicatie": zaak.opschorting_indicatie,
                "reden": zaak.opschorting_reden,
                "wachtOpAanvrager": zaak.opschorting_wacht_op_aanvrager,
            },
            "opschortingen": [
                {
                    "reden": o.reden,
                    "wachtOpAanvrager": o.wacht_op_aanvrager,
                    "begindatum": o.begindatum.isoformat(),
                    "einddatum": o.einddatum.isoformat() if o.einddatum else None,
                    "dagen": o.dagen,
                    "eenheid": o.eenheid,
                }
                for o in sorted(zaak.opschortingen.all(), key=lambda o: (o.begindatum, o.pk))
            ],
            "verlenging": {"duur": zaak.verlenging_duur or None, "reden": zaak.verlenging_reden},
            "politiekGevoelig": zaak.politiek_gevoelig,
            "klantregisseur": {
                "identificatie": regisseur.username,
                "naam": regisseur.get_full_name() or regisseur.username,
            }
            if regisseur
            else None,
            "einddatumGepland": zaak.einddatum_gepland,
            "uiterlijkeEinddatumAfdoening": zaak.uiterlijke_einddatum_afdoening,
        }
        return self.detail_response(ProcesgegevensSerializer(data).data)

    @extend_schema(
        summary="Zaakstroom: procesgegevens van een zaak (opschorting, verlenging, politiek "
        "gevoelig, klantregisseur).",
        tags=["zaakstroom-procesacties"],
        responses={200: ProcesgegevensSerializer},
        parameters=[IF_NONE_MATCH],
    )
    @action(detail=True, methods=["get"])
    def procesgegevens(self, request, uuid=None):
        return self._procesgegevens(self._zaak(uuid))

    def _body(self, serializer_class):
        serializer = serializer_class(data=request_data(self.request))
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @_proces_actie("Zaakstroom: schort de zaak op (de termijn staat stil).", OpschortenSerializer)
    @action(detail=True, methods=["post"])
    @atomic
    def opschorten(self, request, uuid=None):
        zaak = self._zaak(uuid)
        data = self._body(OpschortenSerializer)
        services.zaak_opschorten(
            actor=self.actor,
            zaak=zaak,
            reden=data["reden"],
            wacht_op_aanvrager=data["wachtOpAanvrager"],
            datum=data.get("datum"),
        )
        return self._procesgegevens(zaak)

    @_proces_actie(
        "Zaakstroom: hervat de zaak; de termijnen schuiven op met de dagen van opschorting.",
        HervattenSerializer,
    )
    @action(detail=True, methods=["post"])
    @atomic
    def hervatten(self, request, uuid=None):
        zaak = self._zaak(uuid)
        data = self._body(HervattenSerializer)
        services.zaak_hervatten(
            actor=self.actor,
            zaak=zaak,
            datum=data.get("datum"),
            toelichting=data.get("toelichting", ""),
        )
        return self._procesgegevens(zaak)

    @_proces_actie(
        "Zaakstroom: verleng de zaak (één keer, binnen de verlengingstermijn).", VerlengenSerializer
    )
    @action(detail=True, methods=["post"])
    @atomic
    def verlengen(self, request, uuid=None):
        zaak = self._zaak(uuid)
        data = self._body(VerlengenSerializer)
        services.zaak_verlengen(actor=self.actor, zaak=zaak, duur=data["duur"], reden=data["reden"])
        return self._procesgegevens(zaak)

    @_proces_actie(
        "Zaakstroom: markeer de zaak als politiek gevoelig (of haal die markering weg).",
        PolitiekGevoeligSerializer,
    )
    @action(detail=True, methods=["post"], url_path="politiek-gevoelig")
    @atomic
    def politiek_gevoelig(self, request, uuid=None):
        zaak = self._zaak(uuid)
        data = self._body(PolitiekGevoeligSerializer)
        services.zaak_politiek_gevoelig_set(
            actor=self.actor,
            zaak=zaak,
            reden=data.get("reden", ""),
            gevoelig=data["politiekGevoelig"],
        )
        return self._procesgegevens(zaak)

    @_proces_actie(
        "Zaakstroom: wijs een (andere) klantregisseur aan. Zoals op het scherm van de "
        "teamleider: een klantregisseur van een klantregieteam, met een reden; de stap "
        "'aanvrager informeren' gaat mee.",
        KlantregisseurSerializer,
    )
    @action(detail=True, methods=["post"])
    @atomic
    def klantregisseur(self, request, uuid=None):
        zaak = self._zaak(uuid)
        data = self._body(KlantregisseurSerializer)
        regisseur = (
            get_user_model().objects.filter(username=data["klantregisseur"], is_active=True).first()
        )
        if regisseur is None:
            raise serializers.ValidationError(
                {"klantregisseur": ["Er is geen actieve medewerker met deze gebruikersnaam."]}
            )
        proces_services.klantregisseur_wijzigen(
            actor=self.actor, zaak=zaak, klantregisseur=regisseur, reden=data["reden"]
        )
        return self._procesgegevens(zaak)


def request_data(request):
    data = request.data
    if not isinstance(data, dict):
        raise serializers.ValidationError({"nonFieldErrors": ["Stuur een JSON-object."]})
    return data


# --- statussen --------------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(
        summary="Alle statussen van zaken opvragen.",
        tags=["statussen"],
        parameters=[
            _q("zaak", "URL van de zaak."),
            _q("statustype", "URL van het statustype."),
            _q("indicatieLaatstGezetteStatus", "Alleen de huidige status van elke zaak.", bool),
        ],
    ),
    retrieve=extend_schema(
        summary="Een specifieke status opvragen.", tags=["statussen"], parameters=[IF_NONE_MATCH]
    ),
    create=extend_schema(
        summary="Zet een status. De eindstatus sluit de zaak (er moet een resultaat zijn); een "
        "status op een afgesloten zaak heropent die (scope zaken.heropenen).",
        tags=["statussen"],
        parameters=[AUDIT_TOELICHTING],
    ),
)
class StatusViewSet(ZakenViewSet):
    serializer_class = s.StatusSerializer
    required_scopes = {
        "list": LEZEN,
        "retrieve": LEZEN,
        "create": ["zaken.aanmaken", "zaken.statussen.toevoegen", "zaken.heropenen"],
    }
    query_params = {"list": {"zaak", "statustype", "indicatieLaatstGezetteStatus"}}

    def get_queryset(self):
        return selectors.statussen(self.autorisatie).order_by("zaak_id", "datum_status_gezet", "id")

    def list(self, request):
        qs = self.get_queryset()
        zaak = self._url_param("zaak", ZAKEN, "zaken")
        if zaak:
            qs = qs.filter(zaak__uuid=zaak)
        statustype = self._url_param("statustype", CATALOGI, "statustypen")
        if statustype:
            qs = qs.filter(statustype__uuid=statustype)
        laatste = request.query_params.get("indicatieLaatstGezetteStatus")
        if laatste is not None:
            if laatste not in ("true", "false"):
                raise serializers.ValidationError(
                    {"indicatieLaatstGezetteStatus": ["Gebruik true of false."]}
                )
            from django.db.models import F

            qs = (
                qs.filter(zaak__status_id=F("id"))
                if laatste == "true"
                else qs.exclude(zaak__status_id=F("id"))
            )
        return self.list_response(qs)

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "status")
        return self.detail_response(self.get_serializer(obj).data)

    @atomic
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        zaak = self.zaak_uit_body(data["zaak"])
        status = services.zaak_status_set(
            actor=self.actor,
            zaak=zaak,
            statustype=data["statustype"],
            datum=data["datum_status_gezet"],
            toelichting=data.get("statustoelichting", ""),
            heropenen=zaak.einddatum is not None,
        )
        obj = selectors.get_or_404(self.get_queryset(), status.uuid)
        return self.created(self.get_serializer(obj).data)


# --- rollen -----------------------------------------------------------------------------------
ROL_FILTERS = {
    "zaak": None,
    "betrokkene": None,
    "betrokkeneType": "betrokkene_type",
    "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "bsn",
    "betrokkeneIdentificatie__natuurlijkPersoon__anpIdentificatie": "betrokkene_identificatie__anpIdentificatie",
    "betrokkeneIdentificatie__natuurlijkPersoon__inpA_nummer": "betrokkene_identificatie__inpA_nummer",
    "betrokkeneIdentificatie__nietNatuurlijkPersoon__innNnpId": "rsin",
    "betrokkeneIdentificatie__nietNatuurlijkPersoon__annIdentificatie": "betrokkene_identificatie__annIdentificatie",
    "betrokkeneIdentificatie__vestiging__vestigingsNummer": "vestigingsnummer",
    "betrokkeneIdentificatie__organisatorischeEenheid__identificatie": "team__code",
    "betrokkeneIdentificatie__medewerker__identificatie": "medewerker__username",
    "roltype": None,
    "omschrijving": "omschrijving",
    "omschrijvingGeneriek": "omschrijving_generiek",
}


@extend_schema_view(
    list=extend_schema(
        summary="Alle rollen bij zaken opvragen.",
        tags=["rollen"],
        parameters=[_q(name, name.replace("__", " ")) for name in ROL_FILTERS],
    ),
    retrieve=extend_schema(
        summary="Een specifieke rol opvragen.", tags=["rollen"], parameters=[IF_NONE_MATCH]
    ),
    create=extend_schema(
        summary="Voeg een rol toe aan een zaak.", tags=["rollen"], parameters=[AUDIT_TOELICHTING]
    ),
    destroy=extend_schema(
        summary="Verwijder een rol van een zaak.", tags=["rollen"], parameters=[AUDIT_TOELICHTING]
    ),
)
class RolViewSet(ZakenViewSet):
    serializer_class = s.RolSerializer
    required_scopes = {"list": LEZEN, "retrieve": LEZEN, "create": BIJWERKEN, "destroy": BIJWERKEN}
    query_params = {"list": set(ROL_FILTERS)}

    def get_queryset(self):
        return selectors.rollen(self.autorisatie).order_by("zaak_id", "registratiedatum", "id")

    def list(self, request):
        qs = self.get_queryset()
        params = request.query_params
        zaak = self._url_param("zaak", ZAKEN, "zaken")
        if zaak:
            qs = qs.filter(zaak__uuid=zaak)
        roltype = self._url_param("roltype", CATALOGI, "roltypen")
        if roltype:
            qs = qs.filter(roltype__uuid=roltype)
        if params.get("betrokkene"):
            qs = qs.none()
        lookups = {
            lookup: params[name]
            for name, lookup in ROL_FILTERS.items()
            if lookup and params.get(name)
        }
        if lookups:
            qs = qs.filter(**lookups)
        audit_read(self.actor, object_type="rol", toelichting="API: rollen opgevraagd")
        return self.list_response(qs)

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "rol")
        audit_read(self.actor, obj=obj, zaak=obj.zaak, toelichting="API: rol opgevraagd")
        return self.detail_response(self.get_serializer(obj).data)

    @atomic
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        zaak = self.zaak_uit_body(data["zaak"])
        betrokkene = betrokkene_uit_api(
            data["betrokkene_type"],
            data.get("betrokkene_identificatie") or {},
            data.get("contactpersoon") or {},
        )
        rol = services.rol_add(
            actor=self.actor,
            zaak=zaak,
            betrokkene=betrokkene,
            roltype=data["roltype"],
            toelichting=data.get("roltoelichting", ""),
            indicatie_machtiging=data.get("indicatie_machtiging", ""),
        )
        obj = selectors.get_or_404(self.get_queryset(), rol.uuid)
        return self.created(self.get_serializer(obj).data)

    @atomic
    def destroy(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "rol")
        services.rol_remove(actor=self.actor, rol=obj, reden=self.audit_toelichting())
        return Response(status=204)


# --- resultaten -------------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(
        summary="Alle resultaten van zaken opvragen.",
        tags=["resultaten"],
        parameters=[
            _q("zaak", "URL van de zaak."),
            _q("resultaattype", "URL van het resultaattype."),
        ],
    ),
    retrieve=extend_schema(
        summary="Een specifiek resultaat opvragen.", tags=["resultaten"], parameters=[IF_NONE_MATCH]
    ),
    create=extend_schema(
        summary="Leg het resultaat van een zaak vast.",
        tags=["resultaten"],
        parameters=[AUDIT_TOELICHTING],
    ),
    update=extend_schema(
        summary="Wijzig het resultaat van een zaak.",
        tags=["resultaten"],
        parameters=[AUDIT_TOELICHTING],
    ),
    partial_update=extend_schema(
        summary="Wijzig het resultaat van een zaak deels.",
        tags=["resultaten"],
        parameters=[AUDIT_TOELICHTING],
    ),
    destroy=extend_schema(
        summary="Verwijder het resultaat van een zaak.",
        tags=["resultaten"],
        parameters=[AUDIT_TOELICHTING],
    ),
)
class ResultaatViewSet(ZakenViewSet):
    serializer_class = s.ResultaatSerializer
    required_scopes = {
        "list": LEZEN,
        "retrieve": LEZEN,
        "create": BIJWERKEN,
        "update": BIJWERKEN,
        "partial_update": BIJWERKEN,
        "destroy": BIJWERKEN,
    }
    query_params = {"list": {"zaak", "resultaattype"}}

    def get_queryset(self):
        return selectors.resultaten(self.autorisatie).order_by("id")

    def list(self, request):
        qs = self.get_queryset()
        zaak = self._url_param("zaak", ZAKEN, "zaken")
        if zaak:
            qs = qs.filter(zaak__uuid=zaak)
        resultaattype = self._url_param("resultaattype", CATALOGI, "resultaattypen")
        if resultaattype:
            qs = qs.filter(resultaattype__uuid=resultaattype)
        return self.list_response(qs)

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "resultaat")
        return self.detail_response(self.get_serializer(obj).data)

    @atomic
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        zaak = self.zaak_uit_body(data["zaak"])
        resultaat = services.zaak_resultaat_set(
            actor=self.actor,
            zaak=zaak,
            resultaattype=data["resultaattype"],
            toelichting=data.get("toelichting", ""),
        )
        obj = selectors.get_or_404(self.get_queryset(), resultaat.uuid)
        return self.created(self.get_serializer(obj).data)

    @atomic
    def update(self, request, uuid=None, partial=False):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "resultaat")
        serializer = self.get_serializer(obj, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "zaak" in data and data["zaak"].pk != obj.zaak_id:
            raise serializers.ValidationError(
                {"zaak": ["Een resultaat verhuist niet naar een andere zaak."]}
            )
        services.zaak_resultaat_set(
            actor=self.actor,
            zaak=obj.zaak,
            resultaattype=data.get("resultaattype", obj.resultaattype),
            toelichting=data.get("toelichting", obj.toelichting),
        )
        fresh = selectors.get_or_404(self.get_queryset(), uuid)
        return self.detail_response(self.get_serializer(fresh).data)

    def partial_update(self, request, uuid=None):
        return self.update(request, uuid=uuid, partial=True)

    @atomic
    def destroy(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "resultaat")
        services.zaak_resultaat_delete(actor=self.actor, resultaat=obj)
        return Response(status=204)


# --- zaakeigenschappen ------------------------------------------------------------------------
ZAAK_UUID = OpenApiParameter(
    name="zaak_uuid", type=OpenApiTypes.UUID, location=OpenApiParameter.PATH, required=True
)


@extend_schema_view(
    list=extend_schema(
        summary="Alle eigenschappen van een zaak.",
        tags=["zaakeigenschappen"],
        parameters=[ZAAK_UUID],
    ),
    retrieve=extend_schema(
        summary="Een specifieke eigenschap van een zaak.",
        tags=["zaakeigenschappen"],
        parameters=[ZAAK_UUID, IF_NONE_MATCH],
    ),
    create=extend_schema(
        summary="Geef een eigenschap een waarde.",
        tags=["zaakeigenschappen"],
        parameters=[ZAAK_UUID],
    ),
    update=extend_schema(
        summary="Wijzig de waarde van een eigenschap.",
        tags=["zaakeigenschappen"],
        parameters=[ZAAK_UUID],
    ),
    partial_update=extend_schema(
        summary="Wijzig de waarde van een eigenschap.",
        tags=["zaakeigenschappen"],
        parameters=[ZAAK_UUID],
    ),
    destroy=extend_schema(
        summary="Verwijder een eigenschap van een zaak.",
        tags=["zaakeigenschappen"],
        parameters=[ZAAK_UUID],
    ),
)
class ZaakEigenschapViewSet(ZakenViewSet):
    serializer_class = s.ZaakEigenschapSerializer
    pagination_class = None
    paginated_actions: set[str] = set()
    required_scopes = {
        "list": LEZEN,
        "retrieve": LEZEN,
        "create": BIJWERKEN,
        "update": BIJWERKEN,
        "partial_update": BIJWERKEN,
        "destroy": BIJWERKEN,
    }

    def _parent(self):
        return selectors.zaak_voor_applicatie(self.autorisatie, self.kwargs["zaak_uuid"])

    def get_queryset(self):
        return selectors.zaakeigenschappen(self.autorisatie, self._parent()).order_by("id")

    def list(self, request, zaak_uuid=None):
        return Response(self.get_serializer(self.get_queryset(), many=True).data)

    def retrieve(self, request, zaak_uuid=None, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "zaakeigenschap")
        return self.detail_response(self.get_serializer(obj).data)

    def _check_zaak(self, data, zaak):
        if "zaak" in data and data["zaak"].pk != zaak.pk:
            raise serializers.ValidationError(
                {"zaak": ["Deze zaak hoort niet bij de URL; gebruik de zaak uit het pad."]}
            )

    @atomic
    def create(self, request, zaak_uuid=None):
        zaak = self._parent()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        self._check_zaak(data, zaak)
        obj = services.zaakeigenschap_set(
            actor=self.actor, zaak=zaak, eigenschap=data["eigenschap"], waarde=data["waarde"]
        )
        fresh = selectors.get_or_404(self.get_queryset(), obj.uuid)
        return self.created(self.get_serializer(fresh).data)

    @atomic
    def update(self, request, zaak_uuid=None, uuid=None, partial=False):
        zaak = self._parent()
        obj = selectors.get_or_404(self.get_queryset(), uuid, "zaakeigenschap")
        serializer = self.get_serializer(obj, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        self._check_zaak(data, zaak)
        if "eigenschap" in data and data["eigenschap"].pk != obj.eigenschap_id:
            raise serializers.ValidationError(
                {"eigenschap": ["De eigenschap wijzigt niet; voeg een nieuwe zaakeigenschap toe."]}
            )
        services.zaakeigenschap_set(
            actor=self.actor,
            zaak=zaak,
            eigenschap=obj.eigenschap,
            waarde=data.get("waarde", obj.waarde),
        )
        fresh = selectors.get_or_404(self.get_queryset(), uuid)
        return self.detail_response(self.get_serializer(fresh).data)

    def partial_update(self, request, zaak_uuid=None, uuid=None):
        return self.update(request, zaak_uuid=zaak_uuid, uuid=uuid, partial=True)

    @atomic
    def destroy(self, request, zaak_uuid=None, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "zaakeigenschap")
        services.zaakeigenschap_delete(actor=self.actor, zaakeigenschap=obj)
        return Response(status=204)


# --- zaakinformatieobjecten -------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(
        summary="Alle documenten bij zaken (zaakinformatieobjecten).",
        tags=["zaakinformatieobjecten"],
        parameters=[
            _q("zaak", "URL van de zaak."),
            _q("informatieobject", "URL van het document."),
        ],
    ),
    retrieve=extend_schema(
        summary="Een specifiek zaakinformatieobject.",
        tags=["zaakinformatieobjecten"],
        parameters=[IF_NONE_MATCH],
    ),
    create=extend_schema(
        summary="Koppel een document aan een zaak; het verschijnt ook op de zaak in Zaakstroom.",
        tags=["zaakinformatieobjecten"],
        parameters=[AUDIT_TOELICHTING],
    ),
    update=extend_schema(
        summary="Wijzig titel of beschrijving van de koppeling (zaak en document blijven).",
        tags=["zaakinformatieobjecten"],
        parameters=[AUDIT_TOELICHTING],
    ),
    partial_update=extend_schema(
        summary="Wijzig titel of beschrijving van de koppeling (zaak en document blijven).",
        tags=["zaakinformatieobjecten"],
        parameters=[AUDIT_TOELICHTING],
    ),
    destroy=extend_schema(
        summary="Ontkoppel een document van een zaak.",
        tags=["zaakinformatieobjecten"],
        parameters=[AUDIT_TOELICHTING],
    ),
)
class ZaakInformatieObjectViewSet(ZakenViewSet):
    serializer_class = s.ZaakInformatieObjectSerializer
    pagination_class = None
    paginated_actions: set[str] = set()
    required_scopes = {
        "list": LEZEN,
        "retrieve": LEZEN,
        "create": ["zaken.aanmaken", "zaken.bijwerken", "zaken.geforceerd-bijwerken"],
        "update": BIJWERKEN,
        "partial_update": BIJWERKEN,
        "destroy": [*BIJWERKEN, "zaken.verwijderen"],
    }
    query_params = {"list": {"zaak", "informatieobject"}}

    def get_queryset(self):
        return selectors.zaakdocumenten(self.autorisatie).order_by("id")

    def list(self, request):
        qs = self.get_queryset()
        zaak = self._url_param("zaak", ZAKEN, "zaken")
        if zaak:
            qs = qs.filter(zaak__uuid=zaak)
        document = self._url_param("informatieobject", DOCUMENTEN, "enkelvoudiginformatieobjecten")
        if document:
            qs = qs.filter(document__uuid=document)
        return Response(self.get_serializer(qs, many=True).data)

    def retrieve(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "zaakinformatieobject")
        return self.detail_response(self.get_serializer(obj).data)

    @atomic
    def create(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        zaak = self.zaak_uit_body(data["zaak"])
        if not selectors.documenten(self.autorisatie).filter(pk=data["document"].pk).exists():
            raise serializers.ValidationError(
                {"informatieobject": ["Het informatieobject met deze URL bestaat niet."]}
            )
        link = services.zaakdocument_add(
            actor=self.actor,
            zaak=zaak,
            document=data["document"],
            titel=data.get("titel", ""),
            beschrijving=data.get("beschrijving", ""),
        )
        obj = selectors.get_or_404(self.get_queryset(), link.uuid)
        return self.created(self.get_serializer(obj).data)

    @atomic
    def update(self, request, uuid=None, partial=False):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "zaakinformatieobject")
        serializer = self.get_serializer(obj, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if ("zaak" in data and data["zaak"].pk != obj.zaak_id) or (
            "document" in data and data["document"].pk != obj.document_id
        ):
            raise serializers.ValidationError(
                {
                    "nonFieldErrors": [
                        "De zaak en het informatieobject van een koppeling wijzigen niet "
                        "(zrc-004); maak een nieuwe koppeling."
                    ]
                }
            )
        services.zaakdocument_update(
            actor=self.actor,
            zaakdocument=obj,
            titel=data.get("titel"),
            beschrijving=data.get("beschrijving"),
        )
        fresh = selectors.get_or_404(self.get_queryset(), uuid)
        return self.detail_response(self.get_serializer(fresh).data)

    def partial_update(self, request, uuid=None):
        return self.update(request, uuid=uuid, partial=True)

    @atomic
    def destroy(self, request, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "zaakinformatieobject")
        services.zaakdocument_remove(
            actor=self.actor, zaakdocument=obj, reden=self.audit_toelichting()
        )
        return Response(status=204)


# --- audit trail ------------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(
        summary="De audit trail van een zaak.", tags=["audittrails"], parameters=[ZAAK_UUID]
    ),
    retrieve=extend_schema(
        summary="Een regel uit de audit trail van een zaak.",
        tags=["audittrails"],
        parameters=[ZAAK_UUID],
    ),
)
class AuditTrailViewSet(ZakenViewSet):
    serializer_class = s.AuditTrailSerializer
    pagination_class = None
    paginated_actions: set[str] = set()
    required_scopes = {"list": ["audittrails.lezen"], "retrieve": ["audittrails.lezen"]}

    def get_queryset(self):
        zaak = selectors.zaak_voor_applicatie(self.autorisatie, self.kwargs["zaak_uuid"])
        if not self.autorisatie(
            "audittrails.lezen", zaak.zaaktype, zaak.vertrouwelijkheidaanduiding
        ):
            raise exceptions.PermissionDenied(
                "Uw applicatie mag de audit trail van deze zaak niet lezen."
            )
        return (
            AuditRecord.objects.filter(zaak_uuid=zaak.uuid)
            .exclude(actie=AuditRecord.Actie.LEZEN)
            .order_by("tijdstip", "id")
        )

    def list(self, request, zaak_uuid=None):
        return Response(self.get_serializer(self.get_queryset(), many=True).data)

    def retrieve(self, request, zaak_uuid=None, uuid=None):
        obj = selectors.get_or_404(self.get_queryset(), uuid, "auditregel")
        return Response(self.get_serializer(obj).data)
