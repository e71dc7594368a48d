"""Who performs a service call. Every service takes `actor=`; the audit trail records it and
permission checks ask it.

A medewerker acts through Django permissions; an API application through its ZGW
authorisations (scopes per zaaktype, up to a maximum vertrouwelijkheidaanduiding); a burger or
ondernemer through the BSN or KvK-nummer of the session; the system itself (timers, imports)
may do everything and says so in the trail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


class Bron:
    WEB = "web"
    PIP = "pip"
    API = "api"
    BEHEER = "beheer"
    SYSTEEM = "systeem"


@dataclass(frozen=True)
class Actor:
    user: Any = None
    bron: str = Bron.WEB
    applicatie: str = ""  # ZGW client id
    weergave: str = ""  # user_representation
    user_id: str = ""  # ZGW user_id claim
    bsn: str = ""  # PIP: logged-in burger
    kvk_nummer: str = ""  # PIP: logged-in ondernemer
    vestigingsnummer: str = ""
    systeem: bool = False
    # API applications: callable(scope, zaaktype, vertrouwelijkheidaanduiding) -> bool
    autorisatie: Callable[..., bool] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def for_user(cls, user, bron: str = Bron.WEB) -> Actor:
        naam = (user.get_full_name() or user.get_username()) if user else ""
        return cls(user=user, bron=bron, weergave=naam, user_id=user.get_username() if user else "")

    @classmethod
    def from_request(cls, request, bron: str = Bron.WEB) -> Actor:
        return cls.for_user(request.user if request.user.is_authenticated else None, bron=bron)

    @classmethod
    def system(cls, weergave: str = "Zaakstroom") -> Actor:
        return cls(bron=Bron.SYSTEEM, weergave=weergave, systeem=True)

    @classmethod
    def burger(cls, bsn: str, user=None, weergave: str = "") -> Actor:
        return cls(user=user, bron=Bron.PIP, bsn=bsn, weergave=weergave or "Aanvrager (DigiD)")

    @classmethod
    def ondernemer(
        cls, kvk_nummer: str, vestigingsnummer: str = "", user=None, weergave: str = ""
    ) -> Actor:
        return cls(
            user=user,
            bron=Bron.PIP,
            kvk_nummer=kvk_nummer,
            vestigingsnummer=vestigingsnummer,
            weergave=weergave or "Aanvrager (eHerkenning)",
        )

    @property
    def is_medewerker(self) -> bool:
        return bool(self.user is not None and getattr(self.user, "is_medewerker", False))

    def may(
        self, scope: str, *, zaaktype=None, vertrouwelijkheidaanduiding: str | None = None
    ) -> bool:
        """May this actor perform `scope` (a ZGW scope such as ``zaken.heropenen``)?

        Scopes double as Django permission names (app label ``zaken``, codename after the
        first dot), so one vocabulary serves staff and API clients."""
        if self.systeem:
            return True
        if self.autorisatie is not None:
            return self.autorisatie(scope, zaaktype, vertrouwelijkheidaanduiding)
        if self.user is not None and self.user.is_active and self.is_medewerker:
            if not self.user.has_perm(scope):
                return False
            if vertrouwelijkheidaanduiding is not None:
                from core.vertrouwelijkheid import rang

                return rang(vertrouwelijkheidaanduiding) <= rang(self.user.max_vertrouwelijkheid)
            return True
        return False

    def display(self) -> str:
        if self.weergave:
            return self.weergave
        if self.user is not None:
            return self.user.get_full_name() or self.user.get_username()
        return self.applicatie or "onbekend"
