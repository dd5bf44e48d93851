"""A team book for tests (issue #17): a throwaway PostgreSQL database with the schema, a
team set up by ``init_team``, two managers and a lead, each a LOGIN role of its own, and
a customer with a person, a contact and an order for each manager.

The schema is built the way the app builds a fresh server book (ensure_schema); once the
migrations run on PostgreSQL this becomes the migrated schema. Every role name starts
with ``team_`` and a random part: roles are cluster-wide, and other runs share the server.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pg_support


@dataclass
class TeamBook:
    admin_url: str
    group: str
    leads: str
    alice: str
    bob: str
    lead: str
    customers: dict[str, int] = field(default_factory=dict)   # role -> customer id
    people: dict[str, int] = field(default_factory=dict)
    interactions: dict[str, int] = field(default_factory=dict)
    trades: dict[str, int] = field(default_factory=dict)

    def url_as(self, role: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.admin_url).set(username=role, password=None).render_as_string(
            hide_password=False)

    def engine_as(self, role: str):  # type: ignore[no-untyped-def]
        from sqlalchemy import create_engine

        return create_engine(self.url_as(role))


def _insert(conn: Any, table: str, **values: Any) -> int:
    from sqlalchemy import insert

    from kamdesk.store.models import Base

    t = Base.metadata.tables[table]
    return int(conn.execute(insert(t).values(**values).returning(t.c.id)).scalar_one())


def add_account(conn: Any, owner: str | None, code: str) -> dict[str, int]:
    """A customer of ``owner`` with one person, one contact (with that person) and one
    order; returns their ids."""
    from sqlalchemy import insert

    from kamdesk.store.models import Base

    cid = _insert(conn, "customers", code=code, name=f"Account {code}", owner=owner)
    conn.execute(insert(Base.metadata.tables["customer_metrics"]).values(customer_id=cid))
    pid = _insert(conn, "people", customer_id=cid, name=f"Person of {code}")
    iid = _insert(conn, "interactions", customer_id=cid, occurred_at=datetime(2026, 11, 2, 10),
                  channel="phone", topic=f"call {code}")
    conn.execute(insert(Base.metadata.tables["interaction_people"]).values(
        interaction_id=iid, person_id=pid))
    tid = _insert(conn, "trades", customer_id=cid, occurred_on=date(2026, 10, 1),
                  amount_cents=100_00)
    return {"customer": cid, "person": pid, "interaction": iid, "trade": tid}


def create_schema(engine: Any) -> None:
    """The book's schema at head, the way a fresh book on a server gets it
    (:func:`kamdesk.store.migrate.ensure_schema`)."""
    from pathlib import Path

    from kamdesk.store.migrate import ensure_schema

    ensure_schema(engine, Path("."))


@contextmanager
def team_book() -> Iterator[TeamBook]:
    from sqlalchemy import create_engine

    from kamdesk.store.team.admin import add_member, init_team

    pg_support.require_pg()
    tag = "team_" + uuid.uuid4().hex[:8]
    url = pg_support.create_database(tag)
    book = TeamBook(url, f"{tag}_grp", f"{tag}_leads", f"{tag}_alice", f"{tag}_bob",
                    f"{tag}_lead")
    engine = create_engine(url)
    try:
        create_schema(engine)
        with engine.begin() as conn:
            init_team(conn, book.group, book.leads)
            add_member(conn, book.alice)
            add_member(conn, book.bob)
            add_member(conn, book.lead, lead=True)
            for n, role in enumerate((book.alice, book.bob), start=1):
                ids = add_account(conn, role, f"C{n:03d}")
                book.customers[role] = ids["customer"]
                book.people[role] = ids["person"]
                book.interactions[role] = ids["interaction"]
                book.trades[role] = ids["trade"]
        yield book
    finally:
        engine.dispose()
        pg_support.drop_database(url)
        drop_roles(book.alice, book.bob, book.lead, book.group, book.leads)


def drop_roles(*roles: str) -> None:
    """Roles outlive databases (they are the cluster's): drop the test's own."""
    from sqlalchemy import create_engine

    admin = create_engine(pg_support.require_pg(), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for role in roles:
                conn.exec_driver_sql(f'DROP ROLE IF EXISTS "{role}"')
    finally:
        admin.dispose()
