"""Keyset pages of the customer list are the OFFSET pages, row for row.

A jump into a long list reads ``fetch_page(..., after=key)`` from a page key
(``page_keys``) instead of counting rows with OFFSET. On a generated book with NULLs
and ties in every sortable column, for every sort column and direction and with
filters, every page read after its key (and any offset after any key) must be exactly
what OFFSET paging reads.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

import factories as customer_ops
from kamdesk.store.queries.customers import (
    SORT_COLUMNS, CustomerQuery, count, fetch_page, page_keys,
)

SIZE = 7  # small pages: many page boundaries, runs of NULLs and ties across them


@pytest.fixture(scope="module")
def book(module_db):
    """The generated book, filled once for the module."""
    rnd = random.Random(15)

    def maybe(values, nulls=0.3):  # type: ignore[no-untyped-def]
        return None if rnd.random() < nulls else rnd.choice(values)

    with module_db.session() as s:
        ids = []
        for i in range(90):
            c = customer_ops.create_customer(
                s, name=rnd.choice(["华星科技", "中国移动", "Acme", "acme", "丰源制造"]) + str(i % 4),
                industry=maybe(["制造", "零售", "IT"]), owner=maybe(["王", "李"]),
                cooperation_start=maybe([date(2020, 1, 1), date(2021, 6, 1), date(2024, 3, 1)]),
                explicit_needs=maybe(["降本", "交期", "质量"]),
                credit_limit_cents=maybe([0, 100_000, 500_000], 0.4))
            ids.append(c.id)
        s.flush()
        for cid in ids:
            s.execute(text(
                "UPDATE customer_metrics SET revenue_12m_cents = :rev, value_tier = :tier, "
                "activity = :act, key_contact_name = :kc, key_contact_phone = :ph, "
                "last_interaction_at = :last, health = :health, r_score = :r, f_score = :f, "
                "m_score = :m, next_due_on = :due, outstanding_cents = :owed "
                "WHERE customer_id = :id"), dict(
                    id=cid, rev=rnd.choice([0, 0, 1000, 5000, 5000, 90000]),
                    tier=rnd.choice("ABC"), act=rnd.choice(["active", "silent"]),
                    kc=maybe(["王伟", "李娜"]), ph=maybe(["138", "139"]),
                    last=maybe([datetime(2026, 11, 1, 9), datetime(2026, 10, 1, 9)]),
                    health=rnd.choice([40, 80, 100]), r=rnd.randint(1, 2), f=rnd.randint(1, 2),
                    m=rnd.randint(1, 2), due=maybe([date(2026, 11, 23) + timedelta(days=d)
                                                    for d in (0, 7)]),
                    owed=maybe([0, 50_000, 200_000])))
        for cid in rnd.sample(ids, 8):
            customer_ops.set_archived(s, cid, True)
        s.commit()
    return module_db


QUERIES = [CustomerQuery(), CustomerQuery(include_archived=True), CustomerQuery(industry="制造"),
           CustomerQuery(value_tier="A", include_archived=True)]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", sorted(SORT_COLUMNS))
def test_keyset_pages_are_the_offset_pages(book, sort, descending):
    rnd = random.Random(f"{sort}{descending}")
    with book.engine.connect() as conn:
        for base in QUERIES:
            q = CustomerQuery(**{**base.__dict__, "sort": sort, "descending": descending})
            total = count(conn, q)
            whole = [r.id for r in fetch_page(conn, q, 0, total + 5)]
            assert len(whole) == total
            keys = page_keys(conn, q, SIZE)
            assert len(keys) == total // SIZE
            for n, key in enumerate(keys):
                assert key[1] == whole[(n + 1) * SIZE - 1]
                page = [r.id for r in fetch_page(conn, q, 0, SIZE, after=key)]
                assert page == whole[(n + 1) * SIZE:(n + 2) * SIZE], (q, n)
            for _ in range(6):  # an offset after a key, across runs of NULLs too
                n = rnd.randrange(len(keys)) if keys else None
                skip, limit = rnd.randrange(0, 3 * SIZE), rnd.randrange(1, 2 * SIZE)
                after = keys[n] if n is not None else None
                start = (n + 1) * SIZE + skip if n is not None else skip
                got = [r.id for r in fetch_page(conn, q, skip, limit, after=after)]
                assert got == whole[start:start + limit], (q, n, skip, limit)
