"""Festival dates against published calendars (国务院 holiday notices, printed 万年历)."""

from __future__ import annotations

import datetime as dt

import pytest

from kamdesk.domain.festivals import (
    FESTIVALS,
    festival_name,
    festival_on,
    festivals_between,
    festivals_in_year,
    festivals_on,
)

D = dt.date
# Published dates, 2020–2030. Each was cross-checked against lunar_python's computation
# and, for 清明, against the independent day-of-term formula below.
PUBLISHED: dict[str, dict[int, dt.date]] = {
    "spring_festival": {
        2020: D(2020, 1, 25),
        2021: D(2021, 2, 12),
        2022: D(2022, 2, 1),
        2023: D(2023, 1, 22),
        2024: D(2024, 2, 10),
        2025: D(2025, 1, 29),
        2026: D(2026, 2, 17),
        2027: D(2027, 2, 6),
        2028: D(2028, 1, 26),
        2029: D(2029, 2, 13),
        2030: D(2030, 2, 3),
    },
    "mid_autumn": {
        2020: D(2020, 10, 1),
        2021: D(2021, 9, 21),
        2022: D(2022, 9, 10),
        2023: D(2023, 9, 29),
        2024: D(2024, 9, 17),
        2025: D(2025, 10, 6),
        2026: D(2026, 9, 25),
        2027: D(2027, 9, 15),
        2028: D(2028, 10, 3),
        2029: D(2029, 9, 22),
        2030: D(2030, 9, 12),
    },
    "dragon_boat": {
        2020: D(2020, 6, 25),
        2021: D(2021, 6, 14),
        2022: D(2022, 6, 3),
        2023: D(2023, 6, 22),
        2024: D(2024, 6, 10),
        2025: D(2025, 5, 31),
        2026: D(2026, 6, 19),
        2027: D(2027, 6, 9),
        2028: D(2028, 5, 28),
        2029: D(2029, 6, 16),
        2030: D(2030, 6, 5),
    },
    "qingming": {
        2020: D(2020, 4, 4),
        2021: D(2021, 4, 4),
        2022: D(2022, 4, 5),
        2023: D(2023, 4, 5),
        2024: D(2024, 4, 4),
        2025: D(2025, 4, 4),
        2026: D(2026, 4, 5),
        2027: D(2027, 4, 5),
        2028: D(2028, 4, 4),
        2029: D(2029, 4, 4),
        2030: D(2030, 4, 5),
    },
    "lantern": {
        2024: D(2024, 2, 24),
        2025: D(2025, 2, 12),
        2026: D(2026, 3, 3),
        2027: D(2027, 2, 20),
        2028: D(2028, 2, 9),
        2029: D(2029, 2, 27),
        2030: D(2030, 2, 17),
    },
    "lunar_new_years_eve": {
        2024: D(2024, 2, 9),
        2025: D(2025, 1, 28),
        2026: D(2026, 2, 16),
        2027: D(2027, 2, 5),
        2028: D(2028, 1, 25),
        2029: D(2029, 2, 12),
        2030: D(2030, 2, 2),
    },
}


def _by_key(year: int) -> dict[str, dt.date]:
    return {f.key: f.date for f in festivals_in_year(year, include_optional=True)}


@pytest.mark.parametrize(("key", "year"), [(k, y) for k, years in PUBLISHED.items() for y in years])
def test_published_dates(key: str, year: int) -> None:
    assert _by_key(year)[key] == PUBLISHED[key][year]


def test_solar_festivals_and_order() -> None:
    fests = festivals_in_year(2026)
    assert [f.key for f in fests] == [
        "new_year",
        "spring_festival",
        "lantern",
        "qingming",
        "dragon_boat",
        "mid_autumn",
        "national_day",
    ]
    assert fests[0].date == D(2026, 1, 1) and fests[-1].date == D(2026, 10, 1)
    assert [f.name_zh for f in fests] == ["元旦", "春节", "元宵", "清明", "端午", "中秋", "国庆"]
    assert all(f.name_en for f in fests)


def test_new_years_eve_is_optional() -> None:
    assert "lunar_new_years_eve" not in {f.key for f in festivals_in_year(2025)}
    eve = [f for f in festivals_in_year(2025, include_optional=True) if f.optional]
    assert [(f.key, f.name_zh, f.date) for f in eve] == [
        ("lunar_new_years_eve", "除夕", D(2025, 1, 28))
    ]


def _qingming_by_formula(year: int) -> dt.date:
    # Independent check: the common 21st-century rule of thumb for the day of 清明,
    # [Y*0.2422 + C] - [Y/4] with C = 4.81 and Y the last two digits of the year.
    y = year % 100
    return D(year, 4, int(y * 0.2422 + 4.81) - y // 4)


@pytest.mark.parametrize("year", range(2001, 2100))
def test_qingming_matches_formula(year: int) -> None:
    assert _by_key(year)["qingming"] == _qingming_by_formula(year)


@pytest.mark.parametrize("year", [1901, 1950, 2000, 2033, 2099])
def test_whole_range_is_consistent(year: int) -> None:
    dates = _by_key(year)
    assert dates["lantern"] - dates["spring_festival"] == dt.timedelta(days=14)
    assert dates["spring_festival"] - dates["lunar_new_years_eve"] == dt.timedelta(days=1)
    assert D(year, 1, 21) <= dates["spring_festival"] <= D(year, 2, 20)
    assert D(year, 4, 3) <= dates["qingming"] <= D(year, 4, 6)
    assert D(year, 5, 28) <= dates["dragon_boat"] <= D(year, 6, 25)
    assert D(year, 9, 7) <= dates["mid_autumn"] <= D(year, 10, 8)


def test_between_is_inclusive_and_spans_years() -> None:
    found = festivals_between(D(2025, 10, 1), D(2026, 2, 17))
    assert [(f.key, f.date) for f in found] == [
        ("national_day", D(2025, 10, 1)),
        ("mid_autumn", D(2025, 10, 6)),
        ("new_year", D(2026, 1, 1)),
        ("spring_festival", D(2026, 2, 17)),
    ]
    assert festivals_between(D(2026, 1, 2), D(2026, 1, 1)) == []


def test_shared_day_and_lookup() -> None:
    assert [f.key for f in festivals_on(D(2020, 10, 1))] == ["mid_autumn", "national_day"]
    found = festival_on(D(2025, 10, 6))
    assert found is not None and found.key == "mid_autumn"
    assert festival_on(D(2025, 10, 7)) is None
    assert festival_on(D(2025, 1, 28)) is not None
    assert festival_on(D(2025, 1, 28), include_optional=False) is None


def test_names() -> None:
    assert festival_name("mid_autumn", "zh_CN") == "中秋"
    assert festival_name("mid_autumn", "en") == "Mid-Autumn Festival"
    assert set(FESTIVALS) >= {"new_year", "spring_festival", "qingming", "national_day"}
    with pytest.raises(KeyError, match="unknown festival"):
        festival_name("halloween", "en")
