"""ZGW authentication (JWT, HS256, signed with the application's secret) and authorisation.

A request carries ``Authorization: Bearer <JWT>``. The token names its application in the
``client_id`` claim (or ``iss``); Zaakstroom looks the application up, checks the signature with
its secret, requires ``iat`` and refuses a token older than ``ZGW_JWT_EXPIRY`` seconds (or past
its ``exp``). The request then acts as an `core.actor.Actor` with ``bron="api"``, the client id
as ``applicatie``, ``user_id``/``user_representation`` from the token and an ``autorisatie``
callable that answers "may this application do `scope` on this zaaktype at this
vertrouwelijkheidaanduiding?" - the same question `zaken.permissions.require` asks of staff."""

from __future__ import annotations

import time
from dataclasses import dataclass

import jwt
from django.conf import settings
from django.db.models import Q
from rest_framework import authentication, exceptions

from api.models import Applicatie, Component
from core.actor import Actor, Bron
from core.vertrouwelijkheid import rang, tot_en_met

# A scope that is also granted by another one (the spec's "zaken.bijwerken |
# zaken.geforceerd-bijwerken" on every change of a zaak and its parts).
IMPLIED_BY = {"zaken.bijwerken": {"zaken.geforceerd-bijwerken"}}

COMPONENT_OF_PREFIX = {
    "zaken": Component.ZRC,
    "audittrails": Component.ZRC,
    "catalogi": Component.ZTC,
    "documenten": Component.DRC,
    "klantcontacten": Component.KCC,
    "terugbelverzoeken": Component.KCC,
}


def component_of(scope: str) -> str:
    return COMPONENT_OF_PREFIX.get(scope.split(".", 1)[0], "")


@dataclass(frozen=True)
class _Regel:
    component: str
    scopes: frozenset
    zaaktype_key: tuple | None  # (catalogus_id, identificatie): every version of the zaaktype
    informatieobjecttype_id: int | None
    max_rang: int | None
    max_niveau: str

    def heeft(self, scope: str) -> bool:
        return scope in self.scopes or bool(IMPLIED_BY.get(scope, set()) & self.scopes)


class ApplicatieAutorisatie:
    """The authorisations of one application, loaded once per request. Called as
    ``autorisatie(scope, type, vertrouwelijkheidaanduiding)``: `type` is the zaaktype for
    Zaken/Catalogi scopes and the informatieobjecttype for Documenten scopes; None means "for
    any". Also builds the database filters that limit lists to what the application may see."""

    def __init__(self, applicatie: Applicatie, autorisaties=None):
        self.applicatie = applicatie
        self.alle = applicatie.heeft_alle_autorisaties
        rows = autorisaties if autorisaties is not None else applicatie.autorisaties.all()
        self.regels = [
            _Regel(
                component=a.component,
                scopes=frozenset(a.scopes or []),
                zaaktype_key=(a.zaaktype.catalogus_id, a.zaaktype.identificatie)
                if a.zaaktype_id
                else None,
                informatieobjecttype_id=a.informatieobjecttype_id,
                max_rang=rang(a.max_vertrouwelijkheidaanduiding)
                if a.max_vertrouwelijkheidaanduiding
                else None,
                max_niveau=a.max_vertrouwelijkheidaanduiding,
            )
            for a in rows
        ]

    # --- questions ----------------------------------------------------------------------------
    def heeft_scope(self, scope: str) -> bool:
        """Does the application have `scope` for at least something?"""
        return self.alle or any(r.heeft(scope) for r in self.regels)

    def __call__(self, scope: str, type_=None, vertrouwelijkheidaanduiding=None) -> bool:
        if self.alle:
            return True
        component = component_of(scope)
        for regel in self.regels:
            if regel.component != component or not regel.heeft(scope):
                continue
            if type_ is not None and not self._type_past(regel, type_):
                continue
            if (
                vertrouwelijkheidaanduiding
                and regel.max_rang is not None
                and rang(vertrouwelijkheidaanduiding) > regel.max_rang
            ):
                continue
            return True
        return False

    @staticmethod
    def _type_past(regel: _Regel, type_) -> bool:
        if regel.component == Component.DRC:
            return regel.informatieobjecttype_id in (None, type_.pk)
        if regel.zaaktype_key is None:
            return True
        return regel.zaaktype_key == (type_.catalogus_id, type_.identificatie)

    # --- filters for lists --------------------------------------------------------------------
    def zaken_q(self, scope: str = "zaken.lezen", prefix: str = "") -> Q | None:
        """A filter on zaken (or, with `prefix="zaak__"`, on rows of a zaak) to what the
        application may see with `scope`; None when it may see everything."""
        if self.alle:
            return None
        from zaken.models import Zaaktype

        q = Q(pk__in=[])
        for regel in self.regels:
            if regel.component != Component.ZRC or not regel.heeft(scope):
                continue
            if regel.zaaktype_key is None:
                continue
            catalogus_id, identificatie = regel.zaaktype_key
            zaaktypen = Zaaktype.objects.filter(
                catalogus_id=catalogus_id, identificatie=identificatie
            ).values("id")
            deel = Q(**{f"{prefix}zaaktype_id__in": zaaktypen})
            if regel.max_niveau:
                deel &= Q(
                    **{f"{prefix}vertrouwelijkheidaanduiding__in": tot_en_met(regel.max_niveau)}
                )
            q |= deel
        return q

    def zaaktypen_q(self, prefix: str = "") -> Q | None:
        """Catalogue reads: None (all) unless every catalogi.lezen autorisatie names a
        zaaktype; clients reading with zaken.lezen see the zaaktypen of their zaken."""
        if self.alle:
            return None
        q = Q(pk__in=[])
        for regel in self.regels:
            if not (
                (regel.component == Component.ZTC and regel.heeft("catalogi.lezen"))
                or (regel.component == Component.ZRC and regel.heeft("zaken.lezen"))
            ):
                continue
            if regel.zaaktype_key is None:
                if regel.component == Component.ZTC:
                    return None
                continue
            catalogus_id, identificatie = regel.zaaktype_key
            q |= Q(
                **{f"{prefix}catalogus_id": catalogus_id, f"{prefix}identificatie": identificatie}
            )
        return q

    def documenten_q(self, scope: str = "documenten.lezen", prefix: str = "") -> Q | None:
        if self.alle:
            return None
        q = Q(pk__in=[])
        for regel in self.regels:
            if regel.component != Component.DRC or not regel.heeft(scope):
                continue
            deel = Q()
            if regel.informatieobjecttype_id is not None:
                deel &= Q(**{f"{prefix}informatieobjecttype_id": regel.informatieobjecttype_id})
            if regel.max_niveau:
                deel &= Q(
                    **{f"{prefix}vertrouwelijkheidaanduiding__in": tot_en_met(regel.max_niveau)}
                )
            q |= deel
        return q


class ApiClient:
    """`request.user` for an API call: the application, not a person."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_staff = False
    is_superuser = False
    is_medewerker = False
    pk = None

    def __init__(self, applicatie: Applicatie, claims: dict, autorisatie: ApplicatieAutorisatie):
        self.applicatie = applicatie
        self.claims = claims
        self.autorisatie = autorisatie
        self.actor = Actor(
            bron=Bron.API,
            applicatie=applicatie.client_id,
            user_id=str(claims.get("user_id") or "")[:255],
            weergave=str(claims.get("user_representation") or applicatie.label)[:255],
            autorisatie=autorisatie,
        )

    def __str__(self):
        return self.applicatie.client_id

    def has_perm(self, perm, obj=None) -> bool:
        return False

    def get_username(self) -> str:
        return self.applicatie.client_id


def _expiry() -> int:
    return int(getattr(settings, "ZGW_JWT_EXPIRY", 3600))


def _leeway() -> int:
    return int(getattr(settings, "ZGW_JWT_LEEWAY", 30))


class ZGWJWTAuthentication(authentication.BaseAuthentication):
    """``Authorization: Bearer <JWT>`` as the ZGW standard describes. Failures answer 401 with
    a Dutch message that says what is wrong with the token."""

    keyword = "Bearer"

    def authenticate_header(self, request):
        return 'Bearer realm="zaakstroom"'

    def authenticate(self, request):
        header = request.META.get("HTTP_AUTHORIZATION", "")
        if not header:
            return None
        parts = header.split()
        if len(parts) != 2 or parts[0].lower() != "bearer":
            raise exceptions.AuthenticationFailed(
                "Stuur het token als 'Authorization: Bearer <JWT>'.", code="invalid-header"
            )
        token = parts[1]
        try:
            unverified = jwt.decode(token, options={"verify_signature": False})
            header_alg = jwt.get_unverified_header(token).get("alg")
        except jwt.PyJWTError as exc:
            raise exceptions.AuthenticationFailed(
                "Het token is geen geldig JWT.", code="invalid-token"
            ) from exc
        if not isinstance(unverified, dict):
            raise exceptions.AuthenticationFailed(
                "Het token is geen geldig JWT.", code="invalid-token"
            )
        if header_alg != "HS256":
            raise exceptions.AuthenticationFailed(
                "Het token moet met HS256 zijn ondertekend.", code="invalid-algorithm"
            )
        client_id = unverified.get("client_id") or unverified.get("iss")
        if not client_id or not isinstance(client_id, str):
            raise exceptions.AuthenticationFailed(
                "Het token noemt geen client_id.", code="missing-client-identifier"
            )
        applicatie = (
            Applicatie.objects.filter(client_id=client_id, actief=True)
            .prefetch_related("autorisaties__zaaktype")
            .first()
        )
        if applicatie is None:
            raise exceptions.AuthenticationFailed(
                "Deze client_id is niet bekend of niet actief.", code="unknown-client"
            )
        try:
            claims = jwt.decode(
                token,
                applicatie.secret,
                algorithms=["HS256"],
                options={"require": ["iat"], "verify_aud": False},
                leeway=_leeway(),
            )
        except jwt.ExpiredSignatureError as exc:
            raise exceptions.AuthenticationFailed(
                "Het token is verlopen.", code="jwt-expired"
            ) from exc
        except jwt.MissingRequiredClaimError as exc:
            raise exceptions.AuthenticationFailed(
                "Het token mist de claim 'iat'.", code="jwt-missing-iat"
            ) from exc
        except jwt.ImmatureSignatureError as exc:
            raise exceptions.AuthenticationFailed(
                "Het token is uitgegeven in de toekomst. Controleer de klok.", code="jwt-iat-future"
            ) from exc
        except jwt.InvalidSignatureError as exc:
            raise exceptions.AuthenticationFailed(
                "De handtekening van het token klopt niet.", code="invalid-signature"
            ) from exc
        except jwt.PyJWTError as exc:
            raise exceptions.AuthenticationFailed(
                f"Het token is ongeldig: {exc}.", code="invalid-token"
            ) from exc
        iat = claims.get("iat")
        if not isinstance(iat, int | float):
            raise exceptions.AuthenticationFailed(
                "De claim 'iat' moet een tijdstip in seconden zijn.", code="jwt-missing-iat"
            )
        now = time.time()
        if iat > now + _leeway():
            raise exceptions.AuthenticationFailed(
                "Het token is uitgegeven in de toekomst. Controleer de klok.", code="jwt-iat-future"
            )
        if iat + _expiry() + _leeway() < now:
            raise exceptions.AuthenticationFailed(
                f"Het token is verlopen: het is ouder dan {_expiry()} seconden. Maak een nieuw token.",
                code="jwt-expired",
            )
        autorisatie = ApplicatieAutorisatie(applicatie, list(applicatie.autorisaties.all()))
        return ApiClient(applicatie, claims, autorisatie), claims
