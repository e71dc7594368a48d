"""Who is logged in on the PIP: a burger (BSN, DigiD) or an ondernemer (KvK-nummer and optionally
a vestiging, eHerkenning). Everything the PIP reads or writes is keyed by this identity."""

from __future__ import annotations

from dataclasses import dataclass

from core.actor import Actor


@dataclass(frozen=True)
class PipIdentiteit:
    soort: str  # "burger" | "ondernemer"
    bsn: str = ""
    kvk_nummer: str = ""
    vestigingsnummer: str = ""
    naam: str = ""
    user: object | None = None

    @property
    def is_burger(self) -> bool:
        return self.soort == "burger"

    @property
    def is_ondernemer(self) -> bool:
        return self.soort == "ondernemer"

    @property
    def betrokkene(self) -> dict[str, str]:
        """Keyword arguments for zaken.selectors.zaken_voor_betrokkene / betrokkene_q."""
        if self.is_burger:
            return {"bsn": self.bsn}
        return {"kvk_nummer": self.kvk_nummer, "vestigingsnummer": self.vestigingsnummer}

    def actor(self) -> Actor:
        if self.is_burger:
            return Actor.burger(self.bsn, user=self.user, weergave=self._weergave("DigiD"))
        return Actor.ondernemer(
            self.kvk_nummer,
            self.vestigingsnummer,
            user=self.user,
            weergave=self._weergave("eHerkenning"),
        )

    def _weergave(self, middel: str) -> str:
        return f"{self.naam or 'Aanvrager'} ({middel})"

    def past_bij_rol(self, rol) -> bool:
        """Is this identity the betrokkene of `rol`? The same rule as zaken.selectors.betrokkene_q:
        a login without vestiging speaks for the whole KvK-nummer."""
        if self.is_burger:
            return bool(self.bsn) and rol.bsn == self.bsn
        if not self.kvk_nummer or rol.kvk_nummer != self.kvk_nummer:
            return False
        return not self.vestigingsnummer or rol.vestigingsnummer in ("", self.vestigingsnummer)


def identiteit_van(user) -> PipIdentiteit | None:
    """The PIP identity of a logged-in account, or None for medewerkers and anonymous users."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    naam = user.get_full_name()
    if user.soort == "burger" and user.bsn:
        return PipIdentiteit(soort="burger", bsn=user.bsn, naam=naam, user=user)
    if user.soort == "ondernemer" and user.kvk_nummer:
        return PipIdentiteit(
            soort="ondernemer",
            kvk_nummer=user.kvk_nummer,
            vestigingsnummer=user.vestigingsnummer,
            naam=naam,
            user=user,
        )
    return None
