"""Today's "this week" cards: key dates and festivals of the coming days, each with a
draft greeting matched to the customer's value tier.

Key dates come from the one occurrence reader (:mod:`kamdesk.store.queries.key_dates`),
the same the Calendar and the reminder generator use, so all of them agree on which
day a birthday falls and on which anniversaries are derived (value tier A by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Connection, text

from kamdesk.domain.greetings import suggest_greeting
from kamdesk.domain.key_date_text import key_date_greeting
from kamdesk.domain.key_dates import DEFAULT_ANNIVERSARY_TIERS
from kamdesk.store.queries.key_dates import KeyDateOccurrence, key_date_occurrences
from kamdesk.store.queries.listing import Listing

WINDOW_DAYS = 7  # key dates and festivals: today and the six days after it
TIERS = ("A", "B", "C")
#: value tiers whose cooperation anniversaries and founding days are derived
DERIVED_TIERS = DEFAULT_ANNIVERSARY_TIERS


@dataclass(frozen=True, slots=True)
class KeyDateDue:
    #: None for a cooperation anniversary derived from the customer's start date
    key_date_id: int | None
    customer_id: int
    customer_name: str
    value_tier: str
    person_id: int | None
    person_name: str | None
    kind: str  # birthday | anniversary | founding | custom
    title: str | None
    on: date
    days_until: int
    years: int | None
    greeting: str


@dataclass(frozen=True, slots=True)
class FestivalDue:
    key: str
    name: str
    on: date
    days_until: int
    #: a draft per value tier, (tier, text), since a festival concerns every customer
    greetings: tuple[tuple[str, str], ...]
    #: how many current customers each tier has, (tier, count)
    customers_by_tier: tuple[tuple[str, int], ...]

    def greeting(self, tier: str) -> str:
        return dict(self.greetings)[tier]


@dataclass(frozen=True, slots=True)
class KeyDay:
    """One day of the key-dates card: its date, how many key dates fall on it (in the
    tiers asked for) and the first of them."""

    on: date
    total: int
    rows: tuple[KeyDateDue, ...]


#: the key-date tier filters Today offers: all, high value only, high and middle value
TIER_FILTERS: dict[str, tuple[str, ...] | None] = {"all": None, "A": ("A",), "AB": ("A", "B")}


def _key_dates(conn: Connection, today: date, days: int,
               tiers: tuple[str, ...] | None) -> list[KeyDateOccurrence]:
    """Every key date of the window in the tiers asked for (all when None), soonest
    first and high-value customers first on one day (greetings are drafted only for
    the rows shown)."""
    found = key_date_occurrences(conn, today, today + timedelta(days=days - 1),
                                 anniversary_tiers=DERIVED_TIERS)
    if tiers is not None:
        found = [o for o in found if (o.value_tier or "C") in tiers]
    found.sort(key=lambda o: (o.date, o.value_tier or "C", o.customer_name,
                              o.key_date_id if o.key_date_id is not None else -o.customer_id))
    return found


def _due(o: KeyDateOccurrence, today: date, lang: str) -> KeyDateDue:
    tier = o.value_tier or "C"
    return KeyDateDue(
        o.key_date_id, o.customer_id, o.customer_name, tier, o.person_id, o.person_name,
        o.kind, o.stored_title, o.date, (o.date - today).days, o.years,
        key_date_greeting(o.kind, tier, lang, o.person_name, o.customer_name, o.years))


def key_dates_ahead(conn: Connection, today: date, lang: str, days: int = WINDOW_DAYS,
                    limit: int = 50, tiers: tuple[str, ...] | None = None,
                    ) -> Listing[KeyDateDue]:
    """Birthdays, anniversaries and other key dates from today through ``days - 1`` days
    ahead, soonest first and high-value customers first on one day, each with a draft
    greeting matched to the customer's value tier; only customers of ``tiers`` when given.

    Cooperation anniversaries (合作周年) and founding days are also derived from the
    customer record for the tiers in :data:`DERIVED_TIERS`, unless the customer has a
    key date of that kind typed in.
    """
    found = _key_dates(conn, today, days, tiers)
    return Listing(tuple(_due(o, today, lang) for o in found[:limit]), len(found))


def key_days_ahead(conn: Connection, today: date, lang: str, days: int = WINDOW_DAYS,
                   per_day: int = 30, tiers: tuple[str, ...] | None = None,
                   ) -> tuple[KeyDay, ...]:
    """The key dates of :func:`key_dates_ahead` grouped by day (days without one left
    out), each day with its full count and its first ``per_day`` rows."""
    return _by_day(_key_dates(conn, today, days, tiers), today, lang, per_day)


def key_dates_and_days(conn: Connection, today: date, lang: str,
                       tiers: tuple[str, ...] | None = None,
                       ) -> tuple[Listing[KeyDateDue], tuple[KeyDay, ...]]:
    """:func:`key_dates_ahead` and :func:`key_days_ahead` of one read (Today's card)."""
    found = _key_dates(conn, today, WINDOW_DAYS, tiers)
    return (Listing(tuple(_due(o, today, lang) for o in found[:50]), len(found)),
            _by_day(found, today, lang, 30))


def _by_day(occurrences: list[KeyDateOccurrence], today: date, lang: str,
            per_day: int) -> tuple[KeyDay, ...]:
    by_day: dict[date, list[KeyDateOccurrence]] = {}
    for o in occurrences:
        by_day.setdefault(o.date, []).append(o)
    return tuple(KeyDay(on, len(found), tuple(_due(o, today, lang) for o in found[:per_day]))
                 for on, found in sorted(by_day.items()))


def default_metrics_rows(conn: Connection) -> int:
    """Metrics rows still at their defaults (never computed, or archived at the last
    recompute): they are tier C by default but belong to no tier yet."""
    return int(conn.execute(text(
        "SELECT count(*) FROM customer_metrics WHERE next_due_on IS NULL")).scalar_one())


def festivals_ahead(conn: Connection, today: date, lang: str,
                    days: int = WINDOW_DAYS) -> tuple[FestivalDue, ...]:
    """Festivals of the coming week, each with a draft greeting per value tier and how
    many customers each tier has (a festival concerns the whole book)."""
    from kamdesk.domain.festivals import festivals_between

    found = festivals_between(today, today + timedelta(days=days - 1))
    if not found:
        return ()
    counts = dict.fromkeys(TIERS, 0)
    for tier, n in conn.execute(text(
            "SELECT value_tier, count(*) FROM customer_metrics GROUP BY value_tier")):
        if tier in counts:
            counts[tier] = int(n)
    counts["C"] = max(0, counts["C"] - default_metrics_rows(conn))  # defaults are tier C
    return tuple(
        FestivalDue(
            f.key, f.name(lang), f.date, (f.date - today).days,
            tuple((t, suggest_greeting("festival", t, lang, None, "",  # type: ignore[arg-type]
                                       festival_key=f.key)) for t in TIERS),
            tuple(counts.items()),
        )
        for f in found
    )
