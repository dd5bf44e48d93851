"""Key dates counted and capped per day in SQL (a calendar page) are the key dates the
rule engine finds, capped the same way.

A generated book with solar and lunar rules of every kind the engine knows (29
February, 三十 in 29-day months, leap months, one-off dates, first years after the
window, archived customers and people, derived anniversaries) is read for windows
across several years, leap lunar months included; the capped read must keep the same
occurrences, in the same order, with the same count of every day, as the uncapped
engine read cut to the same limit.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import text

import factories as customer_ops
from kamdesk.domain.key_dates import RuleWindow, rule_slots
from kamdesk.store.models import KeyDate
from kamdesk.store.queries.key_dates import DayCap, key_date_occurrences


@pytest.fixture(scope="module")
def book(module_db):
    """The generated book, filled once for the module."""
    rnd = random.Random(8)
    with module_db.session() as s:
        customers = [customer_ops.create_customer(
            s, name=f"客户{i}", cooperation_start=rnd.choice(
                [None, date(2020, 2, 29), date(2019, 1, 31), date(2024, 12, 15)]),
            founded_on=rnd.choice([None, date(2001, 1, 5), date(2016, 2, 29)]))
            for i in range(30)]
        s.flush()
        people = [customer_ops.create_person(s, rnd.choice(customers).id, name=f"联系人{i}")
                  for i in range(20)]
        for _i in range(700):
            c = rnd.choice(customers)
            lunar = rnd.random() < 0.45
            month = rnd.randint(1, 12)
            if lunar:
                day, leap = rnd.choice([rnd.randint(1, 30), 29, 30, 1]), rnd.random() < 0.2
            else:
                day, leap = rnd.choice([rnd.randint(1, 28), 29, 30, 31, 28]), False
                if month == 2:
                    day = rnd.choice([28, 29, 1, 14])
                if day > (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31):
                    day = 28
            once = rnd.random() < 0.15
            year = rnd.choice([2023, 2024, 2025, 2026]) if once else \
                rnd.choice([None, None, 1980, 2024, 2025, 2027])
            person = rnd.choice([None, None, *[p for p in people if p.customer_id == c.id]])
            s.add(KeyDate(customer_id=c.id, person_id=person.id if person else None,
                          kind=rnd.choice(["birthday", "anniversary", "founding", "custom"]),
                          calendar="lunar" if lunar else "solar", month=month, day=day,
                          leap_month=leap, year=year, recurrence="once" if once else "yearly"))
        s.flush()
        for c in rnd.sample(customers, 3):
            customer_ops.set_archived(s, c.id, True)
        for p in rnd.sample(people, 4):
            customer_ops.set_person_archived(s, p.id, True)
        s.execute(text("UPDATE customer_metrics SET value_tier = 'A' WHERE customer_id % 3 = 0"))
        s.commit()
    return module_db


# Windows over several years: common and leap solar years (2024), lunar years with a
# leap month (2023: 闰二月, 2025: 闰六月), year ends and Chinese New Year.
STARTS = [date(2023, 2, 20), date(2023, 3, 20), date(2024, 1, 29), date(2024, 2, 26),
          date(2025, 2, 24), date(2025, 7, 21), date(2025, 12, 29), date(2026, 10, 26),
          date(2027, 1, 25), date(2028, 6, 26)]


@pytest.mark.parametrize("start", STARTS)
@pytest.mark.parametrize("limit", [1, 2, 5])
def test_capped_in_sql_is_the_engine_capped(book, start, limit):
    end = start + timedelta(days=41)
    wide = start + timedelta(days=9)
    with book.engine.connect() as conn:
        everything = key_date_occurrences(conn, start, end, per_day_limit=None)
        cap = DayCap(limit, wide, limit + 3)
        capped = key_date_occurrences(conn, start, end, cap=cap)
    expected, totals, kept = [], {}, {}
    for o in everything:  # sorted by (day, customer, source, id), like the cap
        totals[o.date] = totals.get(o.date, 0) + 1
        if kept.get(o.date, 0) < (limit + 3 if o.date == wide else limit):
            kept[o.date] = kept.get(o.date, 0) + 1
            expected.append(o)
    assert [(o.source_key, o.date, o.years) for o in capped] == \
        [(o.source_key, o.date, o.years) for o in expected]
    assert capped == expected
    assert cap.totals == totals
    assert any(o.calendar == "lunar" for o in everything)


@pytest.mark.parametrize("start", STARTS)
def test_rule_slots_find_what_the_window_finds(start):
    """The pure inverse: a rule falls on a day exactly when a slot of that day takes it."""
    end = start + timedelta(days=41)
    window = RuleWindow(start, end)
    slots = rule_slots(start, end)
    rnd = random.Random(start.toordinal())
    for _ in range(400):
        cal = rnd.choice(["solar", "lunar"])
        month = rnd.randint(1, 12)
        day = rnd.randint(1, 30 if cal == "lunar" else 31)
        leap = cal == "lunar" and rnd.random() < 0.3
        once = rnd.random() < 0.2
        year = rnd.choice([start.year - 1, start.year, start.year + 1]) if once else \
            rnd.choice([None, 1990, start.year, start.year + 1])
        rule = (cal, month, day, leap, year, "once" if once else "yearly")
        found = {occ for _y, occ in window.occurrences(rule)}
        matched = {s.date for s in slots
                   if (s.calendar, s.month, s.day) == (cal, month, day)
                   and (s.leap is None or s.leap == int(leap))
                   and ((not once and (year is None or year <= s.year))
                        or (once and year == s.year))}
        assert matched == found, rule
