"""Contracts coming up for renewal: their notice and end days (Calendar, reminder
generation) and the contracts inside their notice period (Today).

The notice day is ``end_on - renewal_notice_days``: when the manager must start the
renewal talk so the contract does not lapse. Only live contracts count (signed, in
force or amended: :data:`kamdesk.domain.contract_life.LIVE_STATES`); drafts are not
binding and the rest are over.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Connection, bindparam, func, select, text

from kamdesk.domain.contract_life import LIVE_STATES
from kamdesk.store.dialect import days_between_sql
from kamdesk.store.models import Contract, Customer, CustomerMetrics
from kamdesk.store.queries.key_dates import DayCap
from kamdesk.store.queries.listing import Listing
from kamdesk.store.queries.sql_values import as_date, in_chunks, latest_datetime

LIVE_CONTRACT_STATUSES = LIVE_STATES
#: a contract still marked active shortly after its end is news too
LAPSED_CONTRACT_DAYS = 30


def renewal_task_key(contract_id: int, end_on: dt.date) -> str:
    """Source key of the reminder task for one contract term: a renewal that moves the
    end date to a later year starts a new task instead of reviving the done one."""
    return f"renewal:{contract_id}:{end_on.year}"


@dataclass(frozen=True, slots=True)
class RenewalDate:
    """A contract's renewal notice day ('renewal:ID') or its last day ('contract_end:ID')."""

    key: str
    contract_id: int
    subkind: str  # notice | end
    date: dt.date
    end_on: dt.date
    notice_days: int
    number: str
    title: str
    status: str
    customer_id: int
    customer_name: str
    customer_short: str | None
    customer_code: str
    value_tier: str | None
    updated: dt.datetime | None


def renewal_dates(conn: Connection, start: dt.date, end: dt.date,
                  customer_id: int | None = None, cap: DayCap | None = None
                  ) -> list[RenewalDate]:
    """Notice days and end days of live contracts inside ``[start, end]``, by day."""
    where: list[ColumnElement[bool]] = [Contract.status.in_(LIVE_CONTRACT_STATUSES),
                                        Contract.end_on.is_not(None)]
    if customer_id is not None:
        where.append(Contract.customer_id == customer_id)
    # The notice lead time varies per contract; bound the index range by the longest.
    # Over the whole table for the whole book: a plain scan of one column (~5 ms at 50k
    # contracts) costs a tenth of finding the longest among the live contracts ending
    # after ``start`` through the end_on index (a row lookup each); a longer bound only
    # widens the range, whose rows are checked one by one anyway.
    lead = conn.execute(select(func.max(Contract.renewal_notice_days)).where(
        *where, Contract.end_on >= start) if customer_id is not None else
        select(func.max(Contract.renewal_notice_days))).scalar() or 0
    # First the dates alone (walks the end_on index), then details for those kept.
    found: list[tuple[dt.date, int, str, dt.date, int]] = []
    for cid, raw_end, raw_days in conn.execute(
        select(Contract.id, Contract.end_on, Contract.renewal_notice_days).where(
            *where, Contract.end_on >= start,
            Contract.end_on <= end + dt.timedelta(days=max(0, int(lead))))
    ):
        end_on = as_date(raw_end)
        assert end_on is not None
        notice_days = max(0, int(raw_days or 0))
        notice = end_on - dt.timedelta(days=notice_days)
        if notice_days and start <= notice <= end:
            found.append((notice, cid, "notice", end_on, notice_days))
        if start <= end_on <= end:
            found.append((end_on, cid, "end", end_on, notice_days))
    found.sort()
    if cap is not None:
        found = [f for f in found if cap.keep(f[0], "renewal")]
    details: dict[int, Any] = {}
    for chunk in in_chunks(sorted({f[1] for f in found})):
        for r in conn.execute(
            select(Contract.id, Contract.number, Contract.title, Contract.status,
                   Contract.customer_id, Customer.name, Customer.short_name, Customer.code,
                   CustomerMetrics.value_tier, Contract.updated_at, Customer.updated_at)
            .join(Customer, Customer.id == Contract.customer_id)
            .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Contract.customer_id)
            .where(Contract.id.in_(chunk))
        ):
            details[r[0]] = tuple(r)
    out: list[RenewalDate] = []
    for day, cid, subkind, end_on, notice_days in found:
        r = details[cid]
        out.append(RenewalDate(
            key=f"renewal:{cid}" if subkind == "notice" else f"contract_end:{cid}",
            contract_id=cid, subkind=subkind, date=day, end_on=end_on,
            notice_days=notice_days, number=str(r[1]), title=str(r[2]), status=str(r[3]),
            customer_id=int(r[4]), customer_name=str(r[5]), customer_short=r[6],
            customer_code=str(r[7]), value_tier=r[8], updated=latest_datetime(r[9], r[10]),
        ))
    return out


@dataclass(frozen=True, slots=True)
class RenewalDue:
    id: int
    customer_id: int
    customer_name: str
    number: str
    title: str
    end_on: dt.date
    #: negative for a contract that has already ended but is still marked active
    days_left: int
    value_cents: int | None
    status: str


def renewals_due(conn: Connection, today: dt.date, limit: int = 50) -> Listing[RenewalDue]:
    """Live contracts ending within their own renewal notice period (Today).

    Each contract has its own notice (default 60 days), so the index range runs to the
    longest notice on file and the per-row notice is checked on that short range. A
    contract that ended up to 30 days ago but is still marked active is listed too
    (negative days left): nobody has renewed or closed it.
    """
    live: BindParameter[list[str]] = bindparam("live", expanding=True)
    longest = conn.execute(text(
        "SELECT max(renewal_notice_days) FROM contracts WHERE status IN :live"
    ).bindparams(live), {"live": list(LIVE_CONTRACT_STATUSES)}).scalar()
    if longest is None:
        return Listing((), 0)
    p = {"from": (today - dt.timedelta(days=LAPSED_CONTRACT_DAYS)).isoformat(),
         "to": (today + dt.timedelta(days=int(longest))).isoformat(),
         "today": today.isoformat(), "limit": limit, "live": list(LIVE_CONTRACT_STATUSES)}
    where = ("k.end_on >= :from AND k.end_on <= :to AND k.status IN :live "
             f"AND {days_between_sql(conn, 'k.end_on', ':today')} <= k.renewal_notice_days")
    total = conn.execute(text(f"SELECT count(*) FROM contracts k WHERE {where}")
                         .bindparams(live), p).scalar_one()
    rows = []
    for r in conn.execute(text(
        "SELECT k.id, k.customer_id, c.name, k.number, k.title, k.end_on, k.value_cents, "
        "k.status FROM contracts k JOIN customers c ON c.id = k.customer_id "
        f"WHERE {where} ORDER BY k.end_on, k.id LIMIT :limit").bindparams(live), p):
        end = as_date(r[5])
        assert end is not None
        rows.append(RenewalDue(r[0], r[1], r[2], r[3], r[4], end, (end - today).days, r[6],
                               r[7]))
    return Listing(tuple(rows), int(total))
