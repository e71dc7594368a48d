from datetime import date, timedelta

import pytest

from zaken.kalender import Duur, Termijnkalender, feestdagen, get_kalender, paasdatum
from zaken.models import Sluitingsdag


@pytest.mark.parametrize(
    ("year", "pasen", "hemelvaart", "pinksteren"),
    [
        (2025, date(2025, 4, 20), date(2025, 5, 29), date(2025, 6, 8)),
        (2026, date(2026, 4, 5), date(2026, 5, 14), date(2026, 5, 24)),
        (2027, date(2027, 3, 28), date(2027, 5, 6), date(2027, 5, 16)),
    ],
)
def test_moveable_feasts(year, pasen, hemelvaart, pinksteren):
    assert paasdatum(year) == pasen
    days = feestdagen(year)
    assert days[pasen] == "Eerste Paasdag"
    assert days[pasen + timedelta(days=1)] == "Tweede Paasdag"
    assert days[hemelvaart] == "Hemelvaartsdag"
    assert days[pinksteren] == "Eerste Pinksterdag"
    assert days[pinksteren + timedelta(days=1)] == "Tweede Pinksterdag"


def test_holidays_2025_complete():
    assert feestdagen(2025, bevrijdingsdag="lustrum") == {
        date(2025, 1, 1): "Nieuwjaarsdag",
        date(2025, 4, 20): "Eerste Paasdag",
        date(2025, 4, 21): "Tweede Paasdag",
        date(2025, 4, 26): "Koningsdag",  # 27 April 2025 was a Sunday
        date(2025, 5, 5): "Bevrijdingsdag",  # 2025 is a lustrum year
        date(2025, 5, 29): "Hemelvaartsdag",
        date(2025, 6, 8): "Eerste Pinksterdag",
        date(2025, 6, 9): "Tweede Pinksterdag",
        date(2025, 12, 25): "Eerste Kerstdag",
        date(2025, 12, 26): "Tweede Kerstdag",
    }


def test_koningsdag_sunday_rule():
    assert date(2025, 4, 27).weekday() == 6
    assert date(2025, 4, 26) in feestdagen(2025)
    assert date(2025, 4, 27) not in feestdagen(2025)
    assert date(2026, 4, 27) in feestdagen(2026)
    assert date(2027, 4, 27) in feestdagen(2027)
    assert date(2031, 4, 26) in feestdagen(2031)  # 27 April 2031 is a Sunday too


def test_goede_vrijdag_and_bevrijdingsdag_settings():
    assert date(2026, 4, 3) not in feestdagen(2026)
    assert feestdagen(2026, goede_vrijdag=True)[date(2026, 4, 3)] == "Goede Vrijdag"
    assert date(2026, 5, 5) not in feestdagen(2026, bevrijdingsdag="lustrum")
    assert date(2026, 5, 5) in feestdagen(2026, bevrijdingsdag="jaarlijks")
    assert date(2030, 5, 5) in feestdagen(2030, bevrijdingsdag="lustrum")


def test_add_werkdagen_across_weekend_and_holiday():
    kal = Termijnkalender()
    # Thursday 2 April 2026; Easter Monday 6 April is a holiday. Fri 3 = 1, (weekend), Mon 6 holiday,
    # Tue 7 = 2, Wed 8 = 3.
    assert kal.add_werkdagen(date(2026, 4, 2), 3) == date(2026, 4, 8)
    # With Goede Vrijdag counted as a closing day Friday 3 April is skipped too.
    assert Termijnkalender(goede_vrijdag=True).add_werkdagen(date(2026, 4, 2), 3) == date(
        2026, 4, 9
    )
    # Christmas 2026: Thursday 24 December + 2 werkdagen -> Monday 28 (25, 26 holidays; 27 Sunday) and Tuesday 29.
    assert kal.add_werkdagen(date(2026, 12, 24), 2) == date(2026, 12, 29)
    assert kal.add_werkdagen(date(2026, 12, 29), -2) == date(2026, 12, 24)
    assert kal.add_werkdagen(date(2026, 4, 2), 0) == date(2026, 4, 2)


def test_werkdagen_tussen_counts_like_add():
    kal = Termijnkalender()
    assert kal.werkdagen_tussen(date(2026, 4, 2), date(2026, 4, 8)) == 3
    assert kal.werkdagen_tussen(date(2026, 4, 8), date(2026, 4, 2)) == -3
    assert kal.werkdagen_tussen(date(2026, 4, 8), date(2026, 4, 8)) == 0


def test_add_duur_units_and_termijnenwet():
    kal = Termijnkalender()
    # 8 weeks from Monday 2 March 2026 is Monday 27 April 2026: Koningsdag, so the deadline moves
    # to Tuesday 28 April (Algemene termijnenwet).
    assert kal.add_duur(date(2026, 3, 2), "P8W") == date(2026, 4, 28)
    assert kal.add_duur(date(2026, 3, 2), "P8W", naar_werkdag=False) == date(2026, 4, 27)
    # 10 werkdagen from Friday 15 May 2026: Mon 18 .. Fri 22 (5), Mon 25 is Pinkstermaandag, Tue 26 .. Mon 1 June.
    assert kal.add_duur(date(2026, 5, 15), "P10D", "werkdagen") == date(2026, 6, 1)
    # Weeks in werkdagen are five werkdagen each.
    assert kal.add_duur(date(2026, 5, 15), "P2W", "werkdagen") == date(2026, 6, 1)
    # Months are calendar months; 31 January + 1 month clamps to 28 February.
    assert kal.add_duur(date(2026, 1, 31), "P1M", naar_werkdag=False) == date(2026, 2, 28)


def test_duur_parse_messages():
    assert Duur.parse("P1Y2M3W4D") == Duur(1, 2, 3, 4)
    with pytest.raises(ValueError, match="geen geldige termijn"):
        Duur.parse("8 weken")
    with pytest.raises(ValueError):
        Duur.parse("P")


@pytest.mark.django_db
def test_closing_days_from_the_database(settings):
    settings.TERMIJN_GOEDE_VRIJDAG = False
    Sluitingsdag.objects.create(datum=date(2026, 4, 3), omschrijving="Gemeentehuis dicht")
    kal = get_kalender()
    assert kal.reden_geen_werkdag(date(2026, 4, 3)) == "Gemeentehuis dicht"
    assert kal.add_werkdagen(date(2026, 4, 2), 1) == date(2026, 4, 7)
