"""The first typed-in key dates of each day of a window, and every day's count, in SQL.

A six-week page of a 100k-customer book holds some 12,000 birthdays and other key
dates; a month cell shows a few of each day and says "+N more". Reading all of them
into Python to evaluate their rules, sort and count them took most of the Calendar's
read. Here the rules are turned around (:func:`kamdesk.domain.key_dates.rule_slots`:
which stored (calendar, month, day) falls on each day), so one query joins those slots
to ``ix_key_dates_rules`` (migration 0015), applies the year, recurrence and leap-month
rules and the archived filters, counts each day and numbers its rows in SQL, and hands
back only the rows a page keeps.

The indexes it walks (migration 0015; measured at 100k, CPU of this query: 90 ms with
none, 36 ms with the first two, 20 ms with all three): ``customers (status)``,
``people (archived)`` and the covering ``key_dates (calendar, month, day, leap_month,
recurrence, year, customer_id, person_id)``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Connection, text

from kamdesk.domain.key_dates import rule_slots
from kamdesk.store.queries.sql_values import as_date

#: (day, customer id, 'keydate', key date id, year it belongs to, which anniversary)
StoredFound = tuple[dt.date, int, str, int, int, int | None]

#: "every row" for a day read without a limit
_NO_LIMIT = 1 << 30
#: windows this long or longer are read the older way (the slots are per day)
MAX_DAYS = 120


def _slot_values(start: dt.date, end: dt.date) -> str:
    rows = []
    for s in rule_slots(start, end):
        need = "NULL" if s.leap is None else str(int(s.leap))
        calendar = "'lunar'" if s.calendar == "lunar" else "'solar'"
        rows.append(f"('{s.date.isoformat()}', {calendar}, {int(s.month)}, {int(s.day)}, "
                    f"{need}, {int(s.year)})")
    return ", ".join(rows)


def stored_in_days(conn: Connection, start: dt.date, end: dt.date, customer_id: int | None,
                   limit: int, wide_day: dt.date | None = None, wide_limit: int | None = None
                   ) -> tuple[list[StoredFound], dict[dt.date, int]]:
    """The first ``limit`` typed-in key dates of each day of ``[start, end]`` by
    (customer id, id) — ``wide_day`` to ``wide_limit`` (None: all) — and the count of
    each day, with the rules and filters of
    :func:`kamdesk.store.queries.key_dates.key_date_occurrences`."""
    if (end - start).days >= MAX_DAYS:
        raise ValueError("stored_in_days reads windows shorter than MAX_DAYS")
    mine = "AND kd.customer_id = :cid " if customer_id is not None else ""
    sql = (
        f"WITH slot(day, cal, m, d, need, y) AS (VALUES {_slot_values(start, end)}) "
        "SELECT day, id, cid, y, first, rec, n, total FROM ("
        " SELECT slot.day AS day, kd.id AS id, kd.customer_id AS cid, slot.y AS y,"
        " kd.year AS first, kd.recurrence AS rec,"
        " row_number() OVER (PARTITION BY slot.day ORDER BY kd.customer_id, kd.id) AS n,"
        " count(*) OVER (PARTITION BY slot.day) AS total"
        " FROM slot JOIN key_dates kd"
        " ON kd.calendar = slot.cal AND kd.month = slot.m AND kd.day = slot.d"
        # The archived are few: looked up once as lists (through an index on status /
        # archived where the book has one), not per key date through the big rows.
        " WHERE kd.customer_id NOT IN (SELECT id FROM customers WHERE status = 'archived')"
        " AND (kd.person_id IS NULL"
        "  OR kd.person_id NOT IN (SELECT id FROM people WHERE archived = 1))"
        " AND (slot.need IS NULL OR kd.leap_month = slot.need)"
        " AND ((kd.recurrence = 'yearly' AND (kd.year IS NULL OR kd.year <= slot.y))"
        "  OR (kd.recurrence = 'once' AND kd.year = slot.y)) "
        f"{mine}) WHERE n = 1 OR n <= CASE WHEN day = :wide THEN :wide_limit ELSE :limit END"
    )
    params = {"cid": customer_id, "limit": limit,
              "wide": wide_day.isoformat() if wide_day is not None else None,
              "wide_limit": wide_limit if wide_limit is not None else _NO_LIMIT}
    found: list[StoredFound] = []
    totals: dict[dt.date, int] = {}
    for day_text, kd_id, cid, year, first, recurrence, n, total in conn.execute(text(sql),
                                                                              params):
        day = as_date(day_text)
        assert day is not None
        totals[day] = int(total)
        if n > (wide_limit if day == wide_day and wide_limit is not None else
                _NO_LIMIT if day == wide_day else limit):
            continue  # the first row of a day kept out by a limit of 0: counted only
        years = int(year) - int(first) if first is not None and recurrence == "yearly" \
            else None
        found.append((day, int(cid), "keydate", int(kd_id), int(year),
                      years if years is not None and years > 0 else None))
    return found, totals
