"""Chinese lunar calendar (农历) for key dates and the calendar grid.

Many customers keep their birthday by the lunar calendar, so a greeting sent on the
solar date of the birth year would be weeks off. ``lunar_python`` does the astronomy;
it is imported inside the functions so that starting the app does not pay for it.

Months are numbered 1–12 with a separate ``leap`` flag (``lunar_python`` itself uses
negative numbers for leap months; that convention stays inside this module).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from kamdesk.domain.vocab import is_zh

# 十一月 and 十二月 are called 冬月 and 腊月 in everyday speech and on printed calendars.
_MONTH_NAMES_ZH: tuple[str, ...] = (
    "正",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "冬",
    "腊",
)
_DIGITS_ZH: tuple[str, ...] = ("", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


@dataclass(frozen=True, slots=True)
class LunarDate:
    """A day of the lunar calendar; ``leap`` marks a leap month (闰月)."""

    year: int
    month: int
    day: int
    leap: bool = False

    def label_zh(self) -> str:
        """Convenience for display, e.g. '闰四月初八'."""
        return lunar_label_zh(self.month, self.day, self.leap)


def _check_month_day(month: int, day: int) -> None:
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month must be 1–12, got {month}")
    if not 1 <= day <= 30:
        raise ValueError(f"lunar day must be 1–30, got {day}")


@lru_cache(maxsize=512)
def leap_month(year: int) -> int:
    """Number of the leap month in lunar ``year``, 0 when the year has none."""
    from lunar_python import LunarYear

    return int(LunarYear.fromYear(year).getLeapMonth())


@lru_cache(maxsize=4096)
def lunar_month_days(year: int, month: int, leap: bool = False) -> int:
    """29 or 30: lunar months have no fixed length, so 三十 may not exist in a given year."""
    from lunar_python import LunarMonth

    if not 1 <= month <= 12:
        raise ValueError(f"lunar month must be 1–12, got {month}")
    if leap and leap_month(year) != month:
        raise ValueError(f"lunar year {year} has no leap month {month}")
    lunar_month = LunarMonth.fromYm(year, -month if leap else month)
    if lunar_month is None:  # pragma: no cover - guarded above
        raise ValueError(f"no lunar month {month} (leap={leap}) in {year}")
    return int(lunar_month.getDayCount())


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> dt.date:
    """Solar date of a lunar day; raises ValueError for a day that does not exist.

    Callers that want "the closest existing day" (birthdays on 三十, leap-month
    birthdays in ordinary years) apply those rules in ``key_dates``; here an invalid
    day is an error so that a wrong conversion is never silent.
    """
    from lunar_python import Lunar

    _check_month_day(month, day)
    days = lunar_month_days(year, month, leap)  # also rejects a missing leap month
    if day > days:
        raise ValueError(
            f"lunar {year} {lunar_month_name_zh(month, leap)} has only {days} days, not {day}"
        )
    try:
        solar = Lunar.fromYmd(year, -month if leap else month, day).getSolar()
    except Exception as exc:  # lunar_python raises bare Exception
        raise ValueError(str(exc)) from exc
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def solar_to_lunar(d: dt.date) -> LunarDate:
    """Lunar date of a solar day (a datetime counts by its date part)."""
    from lunar_python import Solar

    lunar = Solar.fromYmd(d.year, d.month, d.day).getLunar()
    month = int(lunar.getMonth())
    return LunarDate(int(lunar.getYear()), abs(month), int(lunar.getDay()), month < 0)


def lunar_month_name_zh(month: int, leap: bool = False) -> str:
    """'八月', '闰四月', '正月', '腊月'."""
    if not 1 <= month <= 12:
        raise ValueError(f"lunar month must be 1–12, got {month}")
    return ("闰" if leap else "") + _MONTH_NAMES_ZH[month - 1] + "月"


def lunar_day_name_zh(day: int) -> str:
    """'初一' … '初十', '十一' … '二十', '廿一' … '廿九', '三十'."""
    if not 1 <= day <= 30:
        raise ValueError(f"lunar day must be 1–30, got {day}")
    if day <= 10:
        return "初" + _DIGITS_ZH[day]
    if day < 20:
        return "十" + _DIGITS_ZH[day - 10]
    if day == 20:
        return "二十"
    if day < 30:
        return "廿" + _DIGITS_ZH[day - 20]
    return "三十"


def lunar_label_zh(month: int, day: int, leap: bool = False) -> str:
    """Full month-and-day label as people write it: '八月十五', '闰四月初八'."""
    return lunar_month_name_zh(month, leap) + lunar_day_name_zh(day)


def lunar_day_label(d: dt.date, lang: str = "zh_CN", *, solar_terms: bool = False) -> str:
    """Short text shown under a date in a month grid.

    Order of precedence, as on printed Chinese calendars: a festival (including the
    optional 除夕) wins, then — only if ``solar_terms`` — a solar term (节气), then the
    month name on the first day of a lunar month, else the lunar day.
    English: festival short name, 'Month 8' / 'Leap Month 4' on a first day, else
    'M/D' (e.g. '8/15'), because a bare day number under a solar date misleads.
    """
    from kamdesk.domain.festivals import festival_on

    festival = festival_on(d, include_optional=True)
    zh = is_zh(lang)
    if festival is not None:
        return festival.name_zh if zh else festival.short_en
    if solar_terms:
        term = solar_term_on(d)
        if term is not None:
            return term if zh else _SOLAR_TERMS_EN.get(term, term)
    lunar = solar_to_lunar(d)
    if zh:
        if lunar.day == 1:
            return lunar_month_name_zh(lunar.month, lunar.leap)
        return lunar_day_name_zh(lunar.day)
    if lunar.day == 1:
        return f"Leap Month {lunar.month}" if lunar.leap else f"Month {lunar.month}"
    return f"{'L' if lunar.leap else ''}{lunar.month}/{lunar.day}"


def solar_term_on(d: dt.date) -> str | None:
    """Chinese name of the solar term (节气) that begins on ``d``, if any."""
    from lunar_python import Solar

    name = Solar.fromYmd(d.year, d.month, d.day).getLunar().getJieQi()
    return name or None


_SOLAR_TERMS_EN: dict[str, str] = {
    "立春": "Start of Spring",
    "雨水": "Rain Water",
    "惊蛰": "Awakening",
    "春分": "Spring Equinox",
    "清明": "Qingming",
    "谷雨": "Grain Rain",
    "立夏": "Start of Summer",
    "小满": "Grain Buds",
    "芒种": "Grain in Ear",
    "夏至": "Summer Solstice",
    "小暑": "Minor Heat",
    "大暑": "Major Heat",
    "立秋": "Start of Autumn",
    "处暑": "End of Heat",
    "白露": "White Dew",
    "秋分": "Autumn Equinox",
    "寒露": "Cold Dew",
    "霜降": "Frost",
    "立冬": "Start of Winter",
    "小雪": "Minor Snow",
    "大雪": "Major Snow",
    "冬至": "Winter Solstice",
    "小寒": "Minor Cold",
    "大寒": "Major Cold",
}
