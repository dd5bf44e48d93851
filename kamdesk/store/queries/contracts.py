"""Reading contracts (合同): a customer's contracts, one contract, its dated history and
the book-wide list ``kamdesk contracts`` prints. Plain frozen rows out.

The renewal windows Today and the calendar show are read by
:mod:`kamdesk.store.queries.renewals`; the rules of a contract's life (which states are
live, which moves are allowed) live in :mod:`kamdesk.domain.contract_life`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Row, Select, select
from sqlalchemy.orm import aliased

from kamdesk.domain.contract_life import LIVE_STATES, is_live
from kamdesk.store.models import Contract, ContractEvent, Customer

__all__ = ["ContractRow", "ContractEventRow", "BookContract", "contracts", "contract",
           "contract_events", "contract_numbers", "book_contracts"]

_k = Contract.__table__.c
_e = ContractEvent.__table__.c
_c = Customer.__table__.c


@dataclass(frozen=True, slots=True)
class ContractRow:
    id: int
    number: str
    title: str
    start_on: date | None
    end_on: date | None
    value_cents: int | None
    status: str
    renewal_notice_days: int
    file_path: str | None
    notes: str | None
    parties: str | None = None
    payment_terms: str | None = None
    previous_contract_id: int | None = None
    #: the number of the contract this one renews (None: not a renewal)
    previous_number: str | None = None
    customer_id: int | None = None
    version: int = 1  # what an edit names as the version it read (ops.versions)

    def days_to_end(self, today: date) -> int | None:
        return None if self.end_on is None else (self.end_on - today).days

    def renewal_due(self, today: date) -> bool:
        """Inside the renewal window of a contract still running."""
        left = self.days_to_end(today)
        return (left is not None and 0 <= left <= self.renewal_notice_days
                and is_live(self.status))


def _select() -> Select[Any]:
    prev = aliased(Contract.__table__)
    return (select(_k.id, _k.number, _k.title, _k.start_on, _k.end_on, _k.value_cents,
                   _k.status, _k.renewal_notice_days, _k.file_path, _k.notes, _k.parties,
                   _k.payment_terms, _k.previous_contract_id, prev.c.number, _k.customer_id,
                   _k.version)
            .outerjoin(prev, prev.c.id == _k.previous_contract_id))


def _row(r: Row[Any]) -> ContractRow:
    t = tuple(r)
    return ContractRow(t[0], t[1], t[2], t[3], t[4], t[5], t[6], int(t[7] or 0), t[8], t[9],
                       t[10], t[11], t[12], t[13], t[14], int(t[15] or 1))


def contracts(conn: Connection, customer_id: int) -> list[ContractRow]:
    """Latest ending first; contracts without an end date (still being drafted) on top."""
    return [_row(r) for r in conn.execute(
        _select().where(_k.customer_id == customer_id)
        .order_by(_k.end_on.is_(None).desc(), _k.end_on.desc(), _k.id.desc()))]


def contract(conn: Connection, contract_id: int) -> ContractRow | None:
    r = conn.execute(_select().where(_k.id == contract_id)).first()
    return None if r is None else _row(r)


def contract_numbers(conn: Connection) -> frozenset[str]:
    """Every number in use (a suggested renewal number must not clash)."""
    return frozenset(str(n) for n in conn.execute(select(_k.number)).scalars())


@dataclass(frozen=True, slots=True)
class ContractEventRow:
    """One dated move of a contract between states, with the user's note."""

    id: int
    contract_id: int
    changed_on: date
    from_status: str | None
    to_status: str
    note: str | None


def contract_events(conn: Connection, contract_id: int) -> list[ContractEventRow]:
    """The contract's history, oldest first (the order it happened in)."""
    return [ContractEventRow(r.id, r.contract_id, r.changed_on, r.from_status, r.to_status,
                             r.note)
            for r in conn.execute(
                select(_e.id, _e.contract_id, _e.changed_on, _e.from_status, _e.to_status,
                       _e.note)
                .where(_e.contract_id == contract_id).order_by(_e.changed_on, _e.id))]


@dataclass(frozen=True, slots=True)
class BookContract:
    """One line of ``kamdesk contracts``."""

    number: str
    customer_code: str
    title: str
    status: str
    start_on: date | None
    end_on: date | None
    value_cents: int | None
    #: days from today to the end (negative: ended); None without an end date
    days_to_end: int | None


def book_contracts(conn: Connection, today: date, customer_code: str | None = None,
                   expiring_days: int | None = None) -> list[BookContract]:
    """Every contract (or one customer's), by end date. With ``expiring_days``, only live
    contracts ending between today and that many days from now."""
    q = (select(_k.number, _c.code, _k.title, _k.status, _k.start_on, _k.end_on,
                _k.value_cents)
         .join(Customer.__table__, _c.id == _k.customer_id))
    if customer_code is not None:
        q = q.where(_c.code == customer_code)
    if expiring_days is not None:
        q = q.where(_k.status.in_(LIVE_STATES), _k.end_on >= today,
                    _k.end_on <= today + timedelta(days=expiring_days))
    q = q.order_by(_k.end_on.is_(None), _k.end_on, _k.number)
    return [BookContract(r[0], r[1], r[2], r[3], r[4], r[5], r[6],
                         None if r[5] is None else (r[5] - today).days)
            for r in conn.execute(q)]
