"""Lunar conversions, checked against dates printed on Chinese calendars."""

from __future__ import annotations

import datetime as dt

import pytest

from kamdesk.domain.lunar import (
    LunarDate,
    leap_month,
    lunar_day_label,
    lunar_day_name_zh,
    lunar_label_zh,
    lunar_month_days,
    lunar_month_name_zh,
    lunar_to_solar,
    solar_to_lunar,
)


@pytest.mark.parametrize(
    ("lunar", "solar"),
    [
        ((2025, 1, 1, False), dt.date(2025, 1, 29)),
        ((2025, 8, 15, False), dt.date(2025, 10, 6)),
        ((2025, 6, 1, True), dt.date(2025, 7, 25)),  # 闰六月初一
        ((2023, 2, 1, True), dt.date(2023, 3, 22)),  # 闰二月初一
        ((2020, 4, 1, True), dt.date(2020, 5, 23)),  # 闰四月初一
        ((2020, 4, 8, True), dt.date(2020, 5, 30)),
        ((1901, 1, 1, False), dt.date(1901, 2, 19)),
        ((2024, 12, 29, False), dt.date(2025, 1, 28)),  # 除夕 of lunar 2024
    ],
)
def test_round_trip(lunar: tuple[int, int, int, bool], solar: dt.date) -> None:
    assert lunar_to_solar(*lunar) == solar
    assert solar_to_lunar(solar) == LunarDate(*lunar)


def test_leap_months_of_recent_years() -> None:
    assert {y: leap_month(y) for y in range(2019, 2032) if leap_month(y)} == {
        2020: 4,
        2023: 2,
        2025: 6,
        2028: 5,
        2031: 3,
    }


def test_invalid_days_raise_value_error() -> None:
    assert lunar_month_days(2025, 6, leap=True) == 29
    with pytest.raises(ValueError, match="only 29 days"):
        lunar_to_solar(2025, 6, 30, leap=True)
    with pytest.raises(ValueError, match="no leap month"):
        lunar_to_solar(2025, 4, 1, leap=True)
    with pytest.raises(ValueError):
        lunar_to_solar(2025, 13, 1)
    with pytest.raises(ValueError):
        lunar_to_solar(2025, 1, 31)


def test_labels() -> None:
    assert lunar_label_zh(8, 15, False) == "八月十五"
    assert lunar_label_zh(4, 8, True) == "闰四月初八"
    assert lunar_label_zh(1, 1) == "正月初一"
    assert lunar_label_zh(12, 30) == "腊月三十"
    assert lunar_month_name_zh(11) == "冬月"
    names = [lunar_day_name_zh(d) for d in (1, 10, 11, 19, 20, 21, 29, 30)]
    assert names == ["初一", "初十", "十一", "十九", "二十", "廿一", "廿九", "三十"]
    assert LunarDate(2020, 4, 8, True).label_zh() == "闰四月初八"


def test_grid_label_zh() -> None:
    assert lunar_day_label(dt.date(2025, 10, 6), "zh_CN") == "中秋"
    assert lunar_day_label(dt.date(2025, 1, 28), "zh_CN") == "除夕"
    assert lunar_day_label(dt.date(2025, 7, 25), "zh_CN") == "闰六月"  # first day of 闰六月
    assert lunar_day_label(dt.date(2025, 8, 23), "zh_CN") == "七月"
    assert lunar_day_label(dt.date(2025, 7, 29), "zh_CN") == "初五"
    assert lunar_day_label(dt.date(2025, 1, 1), "zh_CN") == "元旦"


def test_grid_label_en_and_solar_terms() -> None:
    assert lunar_day_label(dt.date(2025, 10, 6), "en") == "Mid-Autumn"
    assert lunar_day_label(dt.date(2025, 7, 25), "en") == "Leap Month 6"
    assert lunar_day_label(dt.date(2025, 7, 29), "en") == "L6/5"
    assert lunar_day_label(dt.date(2025, 10, 7), "en") == "8/16"
    # 2025-08-23 is both 七月初一 and 处暑: the term shows only when asked for.
    assert lunar_day_label(dt.date(2025, 8, 23), "zh_CN", solar_terms=True) == "处暑"


def test_shared_day_shows_traditional_festival() -> None:
    # 2020-10-01 was both 国庆 and 中秋.
    assert lunar_day_label(dt.date(2020, 10, 1), "zh_CN") == "中秋"
