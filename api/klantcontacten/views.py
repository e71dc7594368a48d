"""Zaakstroom's own endpoints at /zaken/api/v1/ for klantcontacten and terugbelverzoeken, in the
Zaken schema beside the process actions. Thin: `klantregie.selectors` read (limited to what the
application may see), `klantregie.services` write; the application's scopes stand for the
permissions a KCC-medewerker has (`klantregie.rechten`, ADR 0033)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.decorators import action

from api import selectors as api_selectors
from api.base import AUDIT_TOELICHTING, IF_NONE_MATCH, atomic
from api.fields import ZAKEN, parse_url
from api.klantcontacten import serializers as s
from api.zaken.views import ZakenViewSet
from core.audit import audit_read
from core.errors import DomainError
from klantregie import selectors, services
from klantregie.models import CONTACT_KANALEN, Terugbelverzoek
from organisatie.models import Team

KC_LEZEN = ["klantcontacten.lezen"]
KC_AANMAKEN = ["klantcontacten.aanmaken"]
TB_LEZEN = ["terugbelverzoeken.lezen"]
TB_AANMAKEN = ["terugbelverzoeken.aanmaken"]
TB_BIJWERKEN = ["terugbelverzoeken.bijwerken"]

# Field names of the klantregie services -> the names in the request body.
TERUGBEL_VELDEN = {
    "terugbel_team": "team",
    "terugbel_medewerker": "medewerker",
    "terugbel_telefoon": "telefoon",
    "terugbel_bereikbaarheid": "bereikbaarheid",
    "vraag_tekst": "vraag",
}
KLANT_VELDEN = {"bsn": "bsn", "kvk_nummer": "kvkNummer", "vestigingsnummer": "vestigingsnummer"}


def _hernoem(exc: DomainError, veld: str | None) -> DomainError:
    exc.field = veld
    return exc


def _veld_in_vraag(exc: DomainError) -> str | None:
    """`vragen.<n>.<veld>` for an error about the n-th question of a contact."""
    index = getattr(exc, "vraag_index", None)
    veld = exc.field
    if index is None:
        return veld
    if veld in TERUGBEL_VELDEN:
        veld = f"terugbelverzoek.{TERUGBEL_VELDEN[veld]}"
    return f"vragen.{index}.{veld}" if veld else f"vragen.{index}"


def _klant(actor, data: dict | None, prefix: str = "klant"):
    """The klant named in a body (found, or registered with only its number)."""
    if not data or not any(data.values()):
        return None
    try:
        return services.klant_bij_nummer(
            actor=actor,
            bsn=data.get("bsn", ""),
            kvk_nummer=data.get("kvkNummer", ""),
            vestigingsnummer=data.get("vestigingsnummer", ""),
        )
    except DomainError as exc:
        veld = KLANT_VELDEN.get(exc.field or "")
        raise _hernoem(exc, f"{prefix}.{veld}" if veld else prefix) from exc


# --- list filters -------------------------------------------------------------------------------
class KlantFilterMixin(serializers.Serializer):
    klant__bsn = serializers.RegexField(
        r"^\d{9}$",
        required=False,
        error_messages={"invalid": "Een BSN heeft 9 cijfers."},
    )
    klant__kvkNummer = serializers.RegexField(
        r"^\d{8}$",
        required=False,
        error_messages={"invalid": "Een KvK-nummer heeft 8 cijfers."},
    )
    klant__vestigingsnummer = serializers.RegexField(
        r"^\d{12}$",
        required=False,
        error_messages={"invalid": "Een vestigingsnummer heeft 12 cijfers."},
    )
    zaak = serializers.CharField(required=False, max_length=1000)

    def validate_zaak(self, value):
        key = parse_url(value, ZAKEN, "zaken")
        if key is None:
            raise serializers.ValidationError(f"Geef de volledige URL ({ZAKEN}/zaken/<uuid>).")
        return key

    def validate(self, attrs):
        if attrs.get("klant__vestigingsnummer") and not attrs.get("klant__kvkNummer"):
            raise serializers.ValidationError(
                {"klant__vestigingsnummer": ["Een vestigingsnummer hoort bij klant__kvkNummer."]}
            )
        if attrs.get("klant__bsn") and attrs.get("klant__kvkNummer"):
            raise serializers.ValidationError(
                {"klant__kvkNummer": ["Filter op een BSN of op een KvK-nummer, niet allebei."]}
            )
        return attrs


class KlantcontactFilterSerializer(KlantFilterMixin):
    kanaal = serializers.ChoiceField(choices=CONTACT_KANALEN, required=False)
    gestartOp__gte = serializers.DateTimeField(required=False)
    gestartOp__lt = serializers.DateTimeField(required=False)


class TerugbelverzoekFilterSerializer(KlantFilterMixin):
    status = serializers.ChoiceField(choices=Terugbelverzoek.Status.choices, required=False)
    team = serializers.CharField(required=False, max_length=24)
    medewerker = serializers.CharField(required=False, max_length=150)
    deadline__lt = serializers.DateField(required=False)

    def validate_team(self, value):
        team = Team.objects.filter(code=value).first()
        if team is None:
            raise serializers.ValidationError(f"Er is geen team met de code '{value}'.")
        return team

    def validate_medewerker(self, value):
        user = get_user_model().objects.filter(username=value, soort="medewerker").first()
        if user is None:
            raise serializers.ValidationError(
                f"Er is geen medewerker met de gebruikersnaam '{value}'."
            )
        return user


def _q(name, description, type_=str, enum=None, fmt=None) -> OpenApiParameter:
    schema_type = {"type": "string", "format": fmt} if fmt else type_
    return OpenApiParameter(
        name=name,
        type=schema_type,
        location=OpenApiParameter.QUERY,
        required=False,
        description=description,
        enum=enum,
    )


KLANT_PARAMETERS = [
    _q("klant__bsn", "Van de klant met dit BSN."),
    _q("klant__kvkNummer", "Van de klant (organisatie) met dit KvK-nummer."),
    _q("klant__vestigingsnummer", "Met klant__kvkNummer: van deze vestiging."),
    _q("zaak", "Over deze zaak (URL).", fmt="uri"),
]


class KlantregieViewSet(ZakenViewSet):
    """Shared by both resources: the filters on klant and zaak, and which zaken the
    application may see (the rest is shielded)."""

    filter_serializer: type[serializers.Serializer]

    def zichtbare_zaken(self):
        return api_selectors.zichtbare_zaken(self.autorisatie)

    def filters(self) -> dict:
        serializer = self.filter_serializer(data=self.request.query_params.dict())
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def klant_en_zaak(self, params: dict):
        """The klant and zaak the list is filtered on; `False` when one of them does not exist
        (for this application): the list is empty."""
        klant = zaak = None
        if params.get("klant__bsn") or params.get("klant__kvkNummer"):
            klant = selectors.klant_met_nummer(
                self.actor,
                bsn=params.get("klant__bsn", ""),
                kvk_nummer=params.get("klant__kvkNummer", ""),
                vestigingsnummer=params.get("klant__vestigingsnummer", ""),
            )
            if klant is None:
                return False, None
        if params.get("zaak"):
            zaak = (
                api_selectors.zaken_voor_applicatie(self.autorisatie)
                .filter(uuid=params["zaak"])
                .first()
            )
            if zaak is None:
                return False, None
        return klant, zaak

    @staticmethod
    def lees_toelichting(soort: str, params: dict) -> str:
        wie = params.get("klant__bsn") or params.get("klant__kvkNummer")
        return f"API: {soort} opgevraagd" + (f" van {wie}" if wie else "")


# --- klantcontacten -----------------------------------------------------------------------------
@extend_schema_view(
    list=extend_schema(
        summary="Zaakstroom: klantcontacten opvragen, per klant of per zaak.",
        description="Nieuwste eerst, met hun vragen. Een vraag over een zaak die uw applicatie "
        "niet mag zien is afgeschermd: alleen het onderwerp. Elk opvragen staat in de audit "
        "trail.",
        tags=["zaakstroom-klantcontacten"],
        parameters=[
            *KLANT_PARAMETERS,
            _q("kanaal", "Via dit kanaal.", enum=[k for k, _ in CONTACT_KANALEN]),
            _q("gestartOp__gte", "Begonnen op of na dit tijdstip.", fmt="date-time"),
            _q("gestartOp__lt", "Begonnen voor dit tijdstip.", fmt="date-time"),
        ],
    ),
    retrieve=extend_schema(
        summary="Zaakstroom: een klantcontact opvragen.",
        tags=["zaakstroom-klantcontacten"],
        parameters=[IF_NONE_MATCH],
    ),
    create=extend_schema(
        summary="Zaakstroom: leg een klantcontact vast, met zijn vragen.",
        description="Per vraag kan een zaak worden genoemd, gestart of direct afgehandeld, of een "
        "terugbelverzoek worden verstuurd, zoals op het contactscherm van het KCC. Alles of "
        "niets: gaat één vraag mis, dan wordt niets vastgelegd.",
        tags=["zaakstroom-klantcontacten"],
        request=s.KlantcontactInvoerSerializer,
        responses={201: s.KlantcontactSerializer},
        parameters=[AUDIT_TOELICHTING],
    ),
)
class KlantcontactViewSet(KlantregieViewSet):
    serializer_class = s.KlantcontactSerializer
    filter_serializer = KlantcontactFilterSerializer
    required_scopes = {"list": KC_LEZEN, "retrieve": KC_LEZEN, "create": KC_AANMAKEN}
    query_params = {"list": set(KlantcontactFilterSerializer().fields)}

    def get_queryset(self, **filters):
        return selectors.klantcontacten_voor_actor(
            self.actor, zichtbare_zaken=self.zichtbare_zaken(), **filters
        )

    def list(self, request):
        params = self.filters()
        klant, zaak = self.klant_en_zaak(params)
        if klant is False:
            qs = self.get_queryset().none()
        else:
            qs = self.get_queryset(
                klant=klant,
                zaak=zaak,
                kanaal=params.get("kanaal", ""),
                vanaf=params.get("gestartOp__gte"),
                tot=params.get("gestartOp__lt"),
            )
        audit_read(
            self.actor,
            object_type="klantcontact",
            zaak=zaak or None,
            klant_id=klant.pk if klant else None,
            toelichting=self.lees_toelichting("klantcontacten", params),
        )
        return self.list_response(qs)

    def retrieve(self, request, uuid=None):
        contact = api_selectors.get_or_404(self.get_queryset(), uuid, "klantcontact")
        audit_read(
            self.actor,
            obj=contact,
            klant_id=contact.klant_id,
            toelichting="API: klantcontact opgevraagd",
        )
        return self.detail_response(self.get_serializer(contact).data)

    def _vraag(self, data: dict) -> services.VraagInvoer:
        zaak = data.get("zaak")
        terugbel = data.get("terugbelverzoek")
        return services.VraagInvoer(
            onderwerp=data["onderwerp"],
            resultaat=data["resultaat"],
            vraag=data.get("vraag", ""),
            antwoord=data.get("antwoord", ""),
            zaak=self.zaak_uit_body(zaak) if zaak is not None else None,
            zaaktype=data.get("zaaktype"),
            resultaattype=data.get("resultaattype"),
            terugbel=services.TerugbelInvoer(**terugbel) if terugbel else None,
        )

    @atomic
    def create(self, request):
        serializer = s.KlantcontactInvoerSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        klant = _klant(self.actor, data.get("klant"))
        vragen = [self._vraag(vraag) for vraag in data["vragen"]]
        try:
            contact = services.klantcontact_log(
                actor=self.actor,
                kanaal=data["kanaal"],
                vragen=vragen,
                klant=klant,
                gestart_op=data.get("gestartOp"),
                beeindigd_op=data.get("beeindigdOp"),
                sleutel=data.get("sleutel"),
            )
        except DomainError as exc:
            raise _hernoem(exc, _veld_in_vraag(exc)) from exc
        contact = selectors.klantcontact_zoals_vastgelegd(
            contact, zichtbare_zaken=self.zichtbare_zaken()
        )
        return self.created(self.get_serializer(contact).data)


# --- terugbelverzoeken --------------------------------------------------------------------------
def _terugbel_actie(summary: str, request_serializer, status_code: int = 200):
    return extend_schema(
        summary=summary,
        tags=["zaakstroom-terugbelverzoeken"],
        request=request_serializer,
        responses={status_code: s.TerugbelverzoekSerializer},
        parameters=[AUDIT_TOELICHTING],
    )


@extend_schema_view(
    list=extend_schema(
        summary="Zaakstroom: terugbelverzoeken opvragen.",
        description="Op deadline (uiterlijk terugbellen op), met de pogingen. Bijvoorbeeld de "
        "open verzoeken van een team: `?team=kcc&status=open`; te laat: "
        "`deadline__lt=<vandaag>`.",
        tags=["zaakstroom-terugbelverzoeken"],
        parameters=[
            *KLANT_PARAMETERS,
            _q("status", "Met deze status.", enum=Terugbelverzoek.Status.values),
            _q("team", "Gericht aan het team met deze code."),
            _q("medewerker", "Gericht aan de medewerker met deze gebruikersnaam."),
            _q("deadline__lt", "Met een deadline voor deze datum.", fmt="date"),
        ],
    ),
    retrieve=extend_schema(
        summary="Zaakstroom: een terugbelverzoek opvragen.",
        tags=["zaakstroom-terugbelverzoeken"],
        parameters=[IF_NONE_MATCH],
    ),
    create=extend_schema(
        summary="Zaakstroom: verstuur een terugbelverzoek naar een team of medewerker.",
        description="De deadline is de terugbelnorm van het team in werkdagen (standaard 2), "
        "berekend met de termijnkalender.",
        tags=["zaakstroom-terugbelverzoeken"],
        request=s.TerugbelverzoekInvoerSerializer,
        responses={201: s.TerugbelverzoekSerializer},
        parameters=[AUDIT_TOELICHTING],
    ),
)
class TerugbelverzoekViewSet(KlantregieViewSet):
    serializer_class = s.TerugbelverzoekSerializer
    filter_serializer = TerugbelverzoekFilterSerializer
    required_scopes = {
        "list": TB_LEZEN,
        "retrieve": TB_LEZEN,
        "create": TB_AANMAKEN,
        "pogingen": TB_BIJWERKEN,
        "afhandelen": TB_BIJWERKEN,
    }
    query_params = {"list": set(TerugbelverzoekFilterSerializer().fields)}

    def get_queryset(self, **filters):
        return selectors.terugbelverzoeken_voor_actor(
            self.actor, zichtbare_zaken=self.zichtbare_zaken(), **filters
        )

    def _verzoek(self, uuid):
        """For the caller that sends or handles it (the service decides whether it may)."""
        return selectors.terugbelverzoek_zoals_vastgelegd(
            uuid, zichtbare_zaken=self.zichtbare_zaken()
        )

    def _antwoord(self, verzoek, status_code=200):
        verzoek = self._verzoek(verzoek.uuid)
        data = self.get_serializer(verzoek).data
        if status_code == 201:
            return self.created(data)
        return self.detail_response(data, status_code=status_code)

    def list(self, request):
        params = self.filters()
        klant, zaak = self.klant_en_zaak(params)
        if klant is False:
            qs = self.get_queryset().none()
        else:
            qs = self.get_queryset(
                klant=klant,
                zaak=zaak,
                status=params.get("status", ""),
                team=params.get("team"),
                medewerker=params.get("medewerker"),
                deadline_voor=params.get("deadline__lt"),
            )
        audit_read(
            self.actor,
            object_type="terugbelverzoek",
            zaak=zaak or None,
            klant_id=klant.pk if klant else None,
            toelichting=self.lees_toelichting("terugbelverzoeken", params),
        )
        return self.list_response(qs)

    def retrieve(self, request, uuid=None):
        verzoek = api_selectors.get_or_404(self.get_queryset(), uuid, "terugbelverzoek")
        audit_read(
            self.actor,
            obj=verzoek,
            zaak=verzoek.zaak,
            klant_id=verzoek.klant_id,
            toelichting="API: terugbelverzoek opgevraagd",
        )
        return self.detail_response(self.get_serializer(verzoek).data)

    @atomic
    def create(self, request):
        serializer = s.TerugbelverzoekInvoerSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        zaak = data.get("zaak")
        if zaak is not None:
            self.zaak_uit_body(zaak)
        klant = _klant(self.actor, data.get("klant"))
        try:
            verzoek = services.terugbelverzoek_send(
                actor=self.actor,
                onderwerp=data["onderwerp"],
                telefoon=data.get("telefoon", ""),
                team=data.get("team"),
                medewerker=data.get("medewerker"),
                klant=klant,
                zaak=zaak,
                vraag_tekst=data.get("vraag", ""),
                naam=data.get("naam", ""),
                bereikbaarheid=data.get("bereikbaarheid", ""),
            )
        except DomainError as exc:
            raise _hernoem(exc, TERUGBEL_VELDEN.get(exc.field, exc.field)) from exc
        return self._antwoord(verzoek, status_code=201)

    @_terugbel_actie(
        "Zaakstroom: leg een belpoging vast (bereikt of niet bereikt).",
        s.TerugbelpogingInvoerSerializer,
        status_code=201,
    )
    @action(detail=True, methods=["post"])
    @atomic
    def pogingen(self, request, uuid=None):
        verzoek = self._verzoek(uuid)
        serializer = s.TerugbelpogingInvoerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.terugbelpoging_add(actor=self.actor, verzoek=verzoek, **serializer.validated_data)
        return self._antwoord(verzoek, status_code=201)

    @_terugbel_actie(
        "Zaakstroom: handel het terugbelverzoek af, met het resultaat.",
        s.TerugbelverzoekAfhandelenSerializer,
    )
    @action(detail=True, methods=["post"])
    @atomic
    def afhandelen(self, request, uuid=None):
        verzoek = self._verzoek(uuid)
        serializer = s.TerugbelverzoekAfhandelenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.terugbelverzoek_close(
            actor=self.actor, verzoek=verzoek, **serializer.validated_data
        )
        return self._antwoord(verzoek)
