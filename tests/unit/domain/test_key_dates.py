"""Key-date recurrence, including the awkward cases: 29 February, 三十, leap months."""

from __future__ import annotations

import datetime as dt

import pytest

from kamdesk.domain.key_dates import (
    KeyDateRule,
    cooperation_anniversary,
    next_occurrence,
    occurrence_in_year,
    occurrences_between,
    reminder_date,
    years_since,
)

D = dt.date

MID_AUTUMN = {
    2025: D(2025, 10, 6),
    2026: D(2026, 9, 25),
    2027: D(2027, 9, 15),
    2028: D(2028, 10, 3),
    2029: D(2029, 9, 22),
    2030: D(2030, 9, 12),
}


def test_lunar_birthday_on_mid_autumn() -> None:
    rule = KeyDateRule("lunar", 8, 15)
    assert {y: occurrence_in_year(rule, y) for y in MID_AUTUMN} == MID_AUTUMN
    assert occurrences_between(rule, D(2025, 1, 1), D(2030, 12, 31)) == list(MID_AUTUMN.values())


def test_next_occurrence_lunar() -> None:
    rule = KeyDateRule("lunar", 8, 15)
    assert next_occurrence(rule, D(2025, 10, 6)) == D(2025, 10, 6)
    assert next_occurrence(rule, D(2025, 10, 7)) == D(2026, 9, 25)


def test_leap_month_birthday() -> None:
    # Born 2025 闰六月初十 (2025-08-03); 2026 has no leap month, so 六月初十 is kept.
    rule = KeyDateRule("lunar", 6, 10, leap_month=True, year=2025)
    assert occurrence_in_year(rule, 2025) == D(2025, 8, 3)
    assert occurrence_in_year(rule, 2026) == D(2026, 7, 23)
    assert occurrence_in_year(rule, 2024) is None  # before the birth year
    assert years_since(rule, D(2026, 7, 23)) == 1
    # The ordinary 六月初十 of 2025 is a different day, a month earlier.
    assert occurrence_in_year(KeyDateRule("lunar", 6, 10), 2025) == D(2025, 7, 4)


def test_leap_fourth_month_in_other_years() -> None:
    # 闰四月初八 2020 = 2020-05-30; 2023 has 闰二月, not 闰四月, so 四月初八 is used.
    rule = KeyDateRule("lunar", 4, 8, leap_month=True)
    assert occurrence_in_year(rule, 2020) == D(2020, 5, 30)
    assert occurrence_in_year(rule, 2023) == occurrence_in_year(KeyDateRule("lunar", 4, 8), 2023)
    assert occurrence_in_year(rule, 2023) == D(2023, 5, 26)


def test_lunar_thirtieth_in_short_month() -> None:
    rule = KeyDateRule("lunar", 2, 30)  # 二月 of 2025 has 29 days
    assert occurrence_in_year(rule, 2025) == D(2025, 3, 29) - dt.timedelta(days=1)
    # …and a 30-day 正月 keeps the real 三十.
    assert occurrence_in_year(KeyDateRule("lunar", 1, 30), 2025) == D(2025, 2, 27)


def test_twelfth_month_falls_in_next_solar_year() -> None:
    rule = KeyDateRule("lunar", 12, 8)  # 腊八
    assert occurrence_in_year(rule, 2024) == D(2025, 1, 7)
    assert occurrences_between(rule, D(2025, 1, 1), D(2025, 12, 31)) == [D(2025, 1, 7)]
    assert next_occurrence(rule, D(2025, 1, 1)) == D(2025, 1, 7)
    assert next_occurrence(rule, D(2025, 1, 8)) == D(2026, 1, 26)


def test_solar_feb_29() -> None:
    rule = KeyDateRule("solar", 2, 29)
    assert occurrence_in_year(rule, 2024) == D(2024, 2, 29)
    assert occurrence_in_year(rule, 2025) == D(2025, 2, 28)
    assert occurrence_in_year(rule, 2100) == D(2100, 2, 28)  # not a leap year
    assert next_occurrence(rule, D(2025, 3, 1)) == D(2026, 2, 28)
    assert occurrences_between(rule, D(2027, 1, 1), D(2028, 12, 31)) == [
        D(2027, 2, 28),
        D(2028, 2, 29),
    ]


def test_once_only_in_its_year() -> None:
    rule = KeyDateRule("solar", 6, 18, year=2026, recurrence="once")
    assert occurrence_in_year(rule, 2026) == D(2026, 6, 18)
    assert occurrence_in_year(rule, 2027) is None
    assert next_occurrence(rule, D(2026, 1, 1)) == D(2026, 6, 18)
    assert next_occurrence(rule, D(2026, 6, 19)) is None
    assert occurrences_between(rule, D(2020, 1, 1), D(2030, 1, 1)) == [D(2026, 6, 18)]


def test_yearly_with_future_start_year() -> None:
    rule = KeyDateRule("solar", 3, 1, year=2030)
    assert next_occurrence(rule, D(2025, 1, 1)) == D(2030, 3, 1)


def test_founding_years() -> None:
    rule = KeyDateRule("solar", 9, 1, year=2015)
    occ = next_occurrence(rule, D(2025, 6, 1))
    assert occ == D(2025, 9, 1) and years_since(rule, occ) == 10
    assert years_since(KeyDateRule("solar", 9, 1), occ) is None


@pytest.mark.parametrize(
    "kwargs",
    [
        {"calendar": "solar", "month": 2, "day": 30},
        {"calendar": "solar", "month": 4, "day": 31},
        {"calendar": "solar", "month": 13, "day": 1},
        {"calendar": "lunar", "month": 1, "day": 31},
        {"calendar": "solar", "month": 1, "day": 1, "leap_month": True},
        {"calendar": "julian", "month": 1, "day": 1},
        {"calendar": "solar", "month": 1, "day": 1, "recurrence": "once"},
        {"calendar": "solar", "month": 1, "day": 1, "recurrence": "monthly"},
    ],
)
def test_invalid_rules(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        KeyDateRule(**kwargs)  # type: ignore[arg-type]


def test_cooperation_anniversary() -> None:
    start = D(2019, 5, 20)
    assert cooperation_anniversary(start, D(2025, 5, 20)) == (D(2025, 5, 20), 6)
    assert cooperation_anniversary(start, D(2025, 5, 21)) == (D(2026, 5, 20), 7)
    assert cooperation_anniversary(start, D(2019, 5, 20)) == (D(2020, 5, 20), 1)
    assert cooperation_anniversary(start, D(2010, 1, 1)) == (D(2020, 5, 20), 1)
    assert cooperation_anniversary(D(2020, 2, 29), D(2021, 1, 1)) == (D(2021, 2, 28), 1)
    assert cooperation_anniversary(D(2020, 2, 29), D(2024, 1, 1)) == (D(2024, 2, 29), 4)


def test_reminder_date() -> None:
    assert reminder_date(D(2025, 10, 6)) == D(2025, 10, 3)
    assert reminder_date(D(2025, 10, 6), 0) == D(2025, 10, 6)
    assert reminder_date(D(2025, 1, 2), 7) == D(2024, 12, 26)
    with pytest.raises(ValueError):
        reminder_date(D(2025, 10, 6), -1)
