"""The term calendar: werkdagen, Dutch public holidays and the municipality's closing days.

Every deadline in Zaakstroom goes through this module. A werkdag is a day that is not a
Saturday or Sunday, not a Dutch public holiday and not a closing day added by the beheerder.

Public holidays (computed for any year):
  Nieuwjaarsdag; Goede Vrijdag (setting TERMIJN_GOEDE_VRIJDAG); Eerste en Tweede Paasdag;
  Koningsdag on 27 April, or Saturday 26 April when the 27th is a Sunday (before 2014:
  Koninginnedag 30 April, or the 29th when the 30th is a Sunday); Bevrijdingsdag on 5 May every
  year or only in lustrum years (setting TERMIJN_BEVRIJDINGSDAG = "jaarlijks" | "lustrum");
  Hemelvaartsdag; Eerste en Tweede Pinksterdag; Eerste en Tweede Kerstdag.

Durations are ISO-8601 date durations (``P10D``, ``P8W``, ``P6M``, ``P1Y2M``). In the unit
*kalenderdagen* they are added on the calendar; a deadline that then falls on a day that is not
a werkdag moves to the next werkdag (Algemene termijnenwet, art. 1). In the unit *werkdagen*
days count as werkdagen and a week as five werkdagen; months and years are added on the
calendar and then moved to the next werkdag.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

KALENDERDAGEN = "kalenderdagen"
WERKDAGEN = "werkdagen"

_DURATION_RE = re.compile(r"^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


@dataclass(frozen=True)
class Duur:
    jaren: int = 0
    maanden: int = 0
    weken: int = 0
    dagen: int = 0

    @classmethod
    def parse(cls, value: str) -> Duur:
        """Parse an ISO-8601 date duration. Raises ValueError with a Dutch message."""
        match = _DURATION_RE.match((value or "").strip().upper())
        if not match:
            raise ValueError(
                f"'{value}' is geen geldige termijn. Gebruik ISO-8601, bijvoorbeeld P10D "
                "(10 dagen), P8W (8 weken) of P6M (6 maanden)."
            )
        return cls(*(int(g or 0) for g in match.groups()))

    @property
    def is_leeg(self) -> bool:
        return not (self.jaren or self.maanden or self.weken or self.dagen)

    def __str__(self) -> str:
        return (
            "P"
            + "".join(
                f"{n}{u}"
                for n, u in (
                    (self.jaren, "Y"),
                    (self.maanden, "M"),
                    (self.weken, "W"),
                    (self.dagen, "D"),
                )
                if n
            )
            if not self.is_leeg
            else "P0D"
        )


def is_valid_duration(value: str) -> bool:
    try:
        Duur.parse(value)
    except ValueError:
        return False
    return True


def _add_months(d: date, months: int) -> date:
    month_index = d.month - 1 + months
    year = d.year + month_index // 12
    month = month_index % 12 + 1
    day = min(d.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def paasdatum(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the Meeus/Jones/Butcher computation)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon_correction = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_correction + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    offset = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * offset + 114, 31)
    return date(year, month, day + 1)


def koningsdag(year: int) -> date:
    if year >= 2014:
        d = date(year, 4, 27)
        return d - timedelta(days=1) if d.weekday() == 6 else d
    d = date(year, 4, 30)
    return d - timedelta(days=1) if d.weekday() == 6 else d


@lru_cache(maxsize=512)
def feestdagen(
    year: int, *, goede_vrijdag: bool = False, bevrijdingsdag: str = "lustrum"
) -> dict[date, str]:
    """The Dutch public holidays of `year` as {date: name}."""
    pasen = paasdatum(year)
    days = {
        date(year, 1, 1): "Nieuwjaarsdag",
        pasen: "Eerste Paasdag",
        pasen + timedelta(days=1): "Tweede Paasdag",
        koningsdag(year): "Koningsdag" if year >= 2014 else "Koninginnedag",
        pasen + timedelta(days=39): "Hemelvaartsdag",
        pasen + timedelta(days=49): "Eerste Pinksterdag",
        pasen + timedelta(days=50): "Tweede Pinksterdag",
        date(year, 12, 25): "Eerste Kerstdag",
        date(year, 12, 26): "Tweede Kerstdag",
    }
    if goede_vrijdag:
        days[pasen - timedelta(days=2)] = "Goede Vrijdag"
    if bevrijdingsdag == "jaarlijks" or (bevrijdingsdag == "lustrum" and year % 5 == 0):
        days[date(year, 5, 5)] = "Bevrijdingsdag"
    return dict(sorted(days.items()))


class Termijnkalender:
    def __init__(
        self,
        *,
        goede_vrijdag: bool = False,
        bevrijdingsdag: str = "lustrum",
        sluitingsdagen: dict[date, str] | None = None,
    ):
        if bevrijdingsdag not in ("jaarlijks", "lustrum"):
            raise ValueError("bevrijdingsdag moet 'jaarlijks' of 'lustrum' zijn")
        self.goede_vrijdag = goede_vrijdag
        self.bevrijdingsdag = bevrijdingsdag
        self.sluitingsdagen = dict(sluitingsdagen or {})

    # --- what kind of day -------------------------------------------------------------------
    def feestdagen(self, year: int) -> dict[date, str]:
        return feestdagen(
            year, goede_vrijdag=self.goede_vrijdag, bevrijdingsdag=self.bevrijdingsdag
        )

    def reden_geen_werkdag(self, d: date) -> str | None:
        """Why `d` is not a werkdag (``"zaterdag"``, ``"Tweede Paasdag"``, ...), or None."""
        if d.weekday() == 5:
            return "zaterdag"
        if d.weekday() == 6:
            return "zondag"
        naam = self.feestdagen(d.year).get(d)
        if naam:
            return naam
        return self.sluitingsdagen.get(d)

    def is_werkdag(self, d: date) -> bool:
        return self.reden_geen_werkdag(d) is None

    def werkdag_op_of_na(self, d: date) -> date:
        while not self.is_werkdag(d):
            d += timedelta(days=1)
        return d

    # --- arithmetic -------------------------------------------------------------------------
    def add_werkdagen(self, start: date, n: int) -> date:
        """The date n werkdagen after `start` (before it when n < 0). Day 1 is the first
        werkdag after `start`; with n == 0 the result is `start` itself."""
        step = 1 if n >= 0 else -1
        d = start
        remaining = abs(n)
        while remaining:
            d += timedelta(days=step)
            if self.is_werkdag(d):
                remaining -= 1
        return d

    def add_kalenderdagen(self, start: date, n: int, *, naar_werkdag: bool = False) -> date:
        d = start + timedelta(days=n)
        return self.werkdag_op_of_na(d) if naar_werkdag else d

    def add_duur(
        self,
        start: date,
        duur: str | Duur,
        eenheid: str = KALENDERDAGEN,
        *,
        naar_werkdag: bool = True,
    ) -> date:
        """Add an ISO-8601 duration to `start` in the given unit (see the module docstring)."""
        if isinstance(duur, str):
            duur = Duur.parse(duur)
        if eenheid not in (KALENDERDAGEN, WERKDAGEN):
            raise ValueError(f"Onbekende termijneenheid {eenheid!r}")
        d = _add_months(start, duur.jaren * 12 + duur.maanden)
        if eenheid == WERKDAGEN:
            if duur.jaren or duur.maanden:
                d = self.werkdag_op_of_na(d)
            return self.add_werkdagen(d, duur.weken * 5 + duur.dagen)
        d += timedelta(days=duur.weken * 7 + duur.dagen)
        return self.werkdag_op_of_na(d) if naar_werkdag else d

    def werkdagen_tussen(self, start: date, eind: date) -> int:
        """The number of werkdagen d with start < d <= eind (negative when eind < start)."""
        if eind < start:
            return -self.werkdagen_tussen(eind, start)
        count = 0
        d = start
        while d < eind:
            d += timedelta(days=1)
            if self.is_werkdag(d):
                count += 1
        return count

    def dagen_tussen(self, start: date, eind: date, eenheid: str) -> int:
        if eenheid == WERKDAGEN:
            return self.werkdagen_tussen(start, eind)
        return (eind - start).days

    def verschuif(self, d: date, dagen: int, eenheid: str) -> date:
        """Move a deadline by `dagen` days of the unit (used when a zaak resumes)."""
        if eenheid == WERKDAGEN:
            return self.add_werkdagen(d, dagen)
        return self.add_kalenderdagen(d, dagen, naar_werkdag=True)


def get_kalender() -> Termijnkalender:
    """The municipality's term calendar: settings plus the closing days in the database."""
    from django.conf import settings

    from zaken.models import Sluitingsdag

    return Termijnkalender(
        goede_vrijdag=settings.TERMIJN_GOEDE_VRIJDAG,
        bevrijdingsdag=settings.TERMIJN_BEVRIJDINGSDAG,
        sluitingsdagen=dict(Sluitingsdag.objects.values_list("datum", "omschrijving")),
    )
