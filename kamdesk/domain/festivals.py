"""Holidays on which a key-account manager greets customers (节日问候).

Computed offline from the lunar calendar and the solar terms, so the app needs no
holiday feed and works for any year ``lunar_python`` covers (tested 1901–2099).
Official days off (调休) are not modelled: a greeting goes out on the festival itself.

This module asks ``lunar_python`` directly rather than :mod:`kamdesk.domain.lunar`:
the lunar module labels grid days with festival names, so it depends on this one,
and the arrow must not point back (the festival days always exist, so none of the
lunar module's "closest existing day" rules are needed here).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from kamdesk.domain.vocab import is_zh


class FestivalInfo(NamedTuple):
    """Names of a festival; ``optional`` ones are not greeting days by default."""

    name_zh: str
    name_en: str
    short_en: str
    optional: bool


# Insertion order is the order of the year; keys are stable identifiers stored in the
# database and used by ``greetings`` — never rename one.
FESTIVALS: dict[str, FestivalInfo] = {
    "new_year": FestivalInfo("元旦", "New Year's Day", "New Year", False),
    "lunar_new_years_eve": FestivalInfo("除夕", "Lunar New Year's Eve", "LNY Eve", True),
    "spring_festival": FestivalInfo("春节", "Spring Festival", "Spring Fest.", False),
    "lantern": FestivalInfo("元宵", "Lantern Festival", "Lantern", False),
    "qingming": FestivalInfo("清明", "Qingming Festival", "Qingming", False),
    "dragon_boat": FestivalInfo("端午", "Dragon Boat Festival", "Dragon Boat", False),
    "mid_autumn": FestivalInfo("中秋", "Mid-Autumn Festival", "Mid-Autumn", False),
    "national_day": FestivalInfo("国庆", "National Day", "National Day", False),
}


@dataclass(frozen=True, slots=True)
class Festival:
    """One festival on its date in a given year."""

    key: str
    name_zh: str
    name_en: str
    date: dt.date
    optional: bool = False

    @property
    def short_en(self) -> str:
        """Fits under a date in a month grid."""
        return FESTIVALS[self.key].short_en

    def name(self, lang: str) -> str:
        return self.name_zh if is_zh(lang) else self.name_en


def festival_name(key: str, lang: str) -> str:
    """Display name for a festival key; KeyError names the unknown key."""
    try:
        info = FESTIVALS[key]
    except KeyError:
        raise KeyError(f"unknown festival key {key!r}; known: {', '.join(FESTIVALS)}") from None
    return info.name_zh if is_zh(lang) else info.name_en


def _make(key: str, day: dt.date) -> Festival:
    info = FESTIVALS[key]
    return Festival(key, info.name_zh, info.name_en, day, info.optional)


@lru_cache(maxsize=256)
def _all_in_year(year: int) -> tuple[Festival, ...]:
    # Cached because the calendar grid asks for every visible day.
    from lunar_python import Lunar

    def lunar_to_solar(lunar_year: int, month: int, day: int) -> dt.date:
        # Ordinary months, days 1–15: they exist in every lunar year.
        solar = Lunar.fromYmd(lunar_year, month, day).getSolar()
        return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())

    spring = lunar_to_solar(year, 1, 1)
    qingming_solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()["清明"]
    qingming = dt.date(qingming_solar.getYear(), qingming_solar.getMonth(), qingming_solar.getDay())
    found = [
        _make("new_year", dt.date(year, 1, 1)),
        # The eve of the lunar new year that starts in this solar year, so it is in the
        # same solar year (the lunar new year is never earlier than 21 January).
        _make("lunar_new_years_eve", spring - dt.timedelta(days=1)),
        _make("spring_festival", spring),
        _make("lantern", lunar_to_solar(year, 1, 15)),
        _make("qingming", qingming),
        _make("dragon_boat", lunar_to_solar(year, 5, 5)),
        _make("mid_autumn", lunar_to_solar(year, 8, 15)),
        _make("national_day", dt.date(year, 10, 1)),
    ]
    found.sort(key=lambda f: f.date)  # stable: on a shared day 中秋 stays before 国庆
    return tuple(found)


def festivals_in_year(year: int, include_optional: bool = False) -> list[Festival]:
    """Festivals of solar ``year`` in date order; 除夕 only with ``include_optional``."""
    return [f for f in _all_in_year(year) if include_optional or not f.optional]


def festivals_between(
    start: dt.date, end: dt.date, include_optional: bool = False
) -> list[Festival]:
    """Festivals with ``start <= date <= end`` (both ends included), in date order."""
    if end < start:
        return []
    return [
        f
        for year in range(start.year, end.year + 1)
        for f in festivals_in_year(year, include_optional)
        if start <= f.date <= end
    ]


def festivals_on(day: dt.date, include_optional: bool = True) -> list[Festival]:
    """All festivals on ``day``: 中秋 and 国庆 share 1 October in some years (2001, 2020)."""
    if isinstance(day, dt.datetime):
        day = day.date()
    return [f for f in festivals_in_year(day.year, include_optional) if f.date == day]


def festival_on(day: dt.date, include_optional: bool = True) -> Festival | None:
    """The one festival to show for ``day``; on a shared day the traditional one wins."""
    found = festivals_on(day, include_optional)
    return found[0] if found else None
