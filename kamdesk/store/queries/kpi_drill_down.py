"""The customers behind a KPI figure of a review period (drill-down, 数据下钻).

A rate is only useful when the user can see *who* is behind it: the detractors behind
an NPS, the complaints answered late, the customers who churned, the A-tier accounts
not contacted on cadence. :func:`drill_down` lists, for one KPI and one period, every
row the figure was computed from (its basis), with ``flagged`` set on the rows that
pull the figure the wrong way — the ones to act on — which come first. The
definitions match :mod:`kamdesk.store.queries.kpi_review` row for row, so counting the
rows gives back the figure's basis (``docs/kpis.md`` lists what each drill-down holds).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection

from kamdesk.domain.review_kpis import KPI_CODES
from kamdesk.domain.review_periods import Period
from kamdesk.store.dialect import shifted_date_sql
from kamdesk.store.queries.kpi_review import NEXT_DAY, book_facts, customer_flags
from kamdesk.store.queries.metric_facts import raw_fetcher

__all__ = ["DrillRow", "drill_down"]

_ARCHIVED = "SELECT id FROM customers WHERE status = 'archived'"


@dataclass(frozen=True, slots=True)
class DrillRow:
    """One row behind a figure.

    ``what`` is a code for the row's standing (words are the UI's): ``promoter`` /
    ``passive`` / ``detractor``, ``answer`` (CSAT), ``repeat`` / ``first_time``,
    ``churned`` / ``kept``, ``new``, ``customer`` (LTV), ``buyer`` (AOV), ``on_time`` /
    ``late`` / ``pending`` (follow-ups and complaints), ``resolved`` / ``unresolved``,
    ``attended`` / ``absent``, ``on_cadence`` / ``behind``. ``value`` is the row's number
    (a score, orders in the period, net or order fen, contacts in the period), ``on`` its
    day, ``ref_table`` / ``ref_id`` the source row (a survey, contact, complaint or
    event) when the row is not the customer itself.
    """

    customer_id: int
    customer_code: str
    customer_name: str
    flagged: bool
    what: str
    value: int | float | None = None
    on: date | None = None
    ref_table: str | None = None
    ref_id: int | None = None


def _day(value: Any) -> date | None:
    return None if value is None else date.fromisoformat(str(value)[:10])


def _params(period: Period, as_of: date) -> dict[str, Any] | None:
    end = period.clipped_end(as_of)
    if end is None:
        return None
    return {"lo": period.start.isoformat(), "hi": (end + timedelta(days=1)).isoformat()}


def _names(conn: Connection) -> dict[int, tuple[str, str]]:
    return {int(r[0]): (str(r[1]), str(r[2])) for r in raw_fetcher(conn)(
        "SELECT id, code, name FROM customers WHERE status != 'archived'", {})}


def _row_reads(conn: Connection, code: str, p: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(customer_id, flagged, what, value, on, ref_table, ref_id) for the KPIs whose rows
    are surveys, contacts, complaints or invitations."""
    fetch = raw_fetcher(conn)
    not_archived = f"customer_id NOT IN ({_ARCHIVED})"
    if code == "nps":
        return [(cid, nps <= 6, "promoter" if nps >= 9 else "passive" if nps >= 7 else
                 "detractor", nps, _day(on), "survey_responses", rid)
                for rid, cid, nps, on in fetch(
                    "SELECT id, customer_id, nps, responded_on FROM survey_responses "
                    "WHERE nps IS NOT NULL AND responded_on >= :lo AND responded_on < :hi "
                    f"AND {not_archived}", p)]
    if code == "csat_avg":
        return [(cid, score <= 3, "answer", score, _day(on), table, rid)
                for table, rid, cid, score, on in fetch(
                    "SELECT 'survey_responses', id, customer_id, csat, responded_on "
                    "FROM survey_responses WHERE csat IS NOT NULL AND responded_on >= :lo "
                    f"AND responded_on < :hi AND {not_archived} UNION ALL "
                    "SELECT 'interactions', id, customer_id, satisfaction, occurred_at "
                    "FROM interactions WHERE satisfaction IS NOT NULL AND occurred_at >= :lo "
                    f"AND occurred_at < :hi AND {not_archived}", p)]
    if code == "contact_timeliness":
        return [(cid, not done, "on_time" if done else "late", None, _day(deadline),
                 "interactions", rid)
                for rid, cid, deadline, done in fetch(
                    "SELECT i.id, i.customer_id, i.deadline, EXISTS (SELECT 1 FROM "
                    " interactions j WHERE j.customer_id = i.customer_id AND "
                    " j.occurred_at > i.occurred_at AND j.occurred_at < "
                    f"{shifted_date_sql(conn, 'i.deadline', NEXT_DAY)}) "
                    "FROM interactions i WHERE i.deadline >= :lo "
                    f"AND i.deadline < :hi AND i.{not_archived}", p)]
    if code in ("response_timeliness", "resolution_rate"):
        rows = fetch(
            "SELECT id, customer_id, received_at, "
            " (response_deadline IS NOT NULL AND responded_at IS NOT NULL "
            "  AND responded_at < :hi AND responded_at <= response_deadline), "
            " (response_deadline IS NOT NULL AND ("
            "  (responded_at IS NOT NULL AND responded_at < :hi "
            "   AND responded_at > response_deadline) "
            "  OR ((responded_at IS NULL OR responded_at >= :hi) "
            "   AND response_deadline < :hi))), "
            " (status IN ('resolved', 'closed') AND (resolved_at IS NULL OR resolved_at < :hi))"
            " FROM complaints WHERE received_at >= :lo AND received_at < :hi "
            f"AND {not_archived}", p)
        if code == "resolution_rate":
            return [(cid, not done, "resolved" if done else "unresolved", None, _day(on),
                     "complaints", rid) for rid, cid, on, _t, _l, done in rows]
        return [(cid, bool(late), "late" if late else "on_time", None, _day(on),
                 "complaints", rid) for rid, cid, on, on_time, late, _d in rows
                if on_time or late]
    # participation_rate
    return [(cid, not attended, "attended" if attended else "absent", None, _day(on),
             "events", eid)
            for eid, cid, on, attended in fetch(
                "SELECT e.id, a.customer_id, e.held_on, a.attended FROM event_attendance a "
                "JOIN events e ON e.id = a.event_id WHERE a.invited AND e.held_on >= :lo "
                f"AND e.held_on < :hi AND a.{not_archived}", p)]


_ROW_KPIS = ("nps", "csat_avg", "contact_timeliness", "response_timeliness",
             "resolution_rate", "participation_rate")


def drill_down(conn: Connection, code: str, period: Period, as_of: date) -> list[DrillRow]:
    """The rows behind KPI ``code`` in ``period`` as lived by ``as_of``, flagged rows
    first (then by day and customer code). KeyError for an unknown code; empty for a
    period not yet begun.

    Per KPI: ``csat_avg`` every answer (flagged: 1–3); ``nps`` every answer (flagged:
    detractors); ``repurchase_rate`` the buyers (flagged: no earlier or second order);
    ``churn_rate`` the customers not churned the day before the period (flagged: churned
    by its end); ``new_customers`` the new customers (all flagged); ``ltv`` the customers
    with orders up to the end (value: their net fen); ``aov`` and ``aov_growth`` the
    buyers (value: their order fen in the period); ``contact_timeliness`` the contacts
    whose next-action deadline fell in the period (flagged: no contact by then);
    ``response_timeliness`` the complaints due (flagged: late); ``resolution_rate`` the
    complaints received (flagged: unresolved); ``participation_rate`` the invitations
    (flagged: absent); ``a_on_cadence`` the A-tier customers (flagged: behind; value:
    their contacts in the period).
    """
    if code not in KPI_CODES:
        raise KeyError(code)
    p = _params(period, as_of)
    if p is None:
        return []
    names = _names(conn)
    raw: list[tuple[Any, ...]]
    if code in _ROW_KPIS:
        raw = _row_reads(conn, code, p)
    else:
        facts = book_facts(conn, period.last_n(1), as_of)
        flags = customer_flags(conn, facts).get(period, {})
        key = period.code
        raw = []
        for cid, f in flags.items():
            c = facts.customers[cid]
            if code == "repurchase_rate" and f.buyer:
                raw.append((cid, not f.repeat_buyer, "repeat" if f.repeat_buyer
                            else "first_time", c.orders.get(key, 0), None, None, None))
            elif code == "churn_rate" and f.in_churn_base:
                raw.append((cid, f.churned, "churned" if f.churned else "kept", None, None,
                            None, None))
            elif code == "new_customers" and f.new:
                raw.append((cid, True, "new", None, c.won_on, None, None))
            elif code == "ltv" and f.has_ltv:
                raw.append((cid, False, "customer", f.ltv_net_cents, c.first_order, None,
                            None))
            elif code in ("aov", "aov_growth") and f.buyer:
                raw.append((cid, False, "buyer", c.order_cents.get(key, 0), None, None,
                            None))
            elif code == "a_on_cadence" and f.a_tier:
                raw.append((cid, not f.a_on_cadence, "on_cadence" if f.a_on_cadence
                            else "behind", f.contacts, None, None, None))
    rows = [DrillRow(int(cid), *names.get(int(cid), ("", "")), bool(flag), what, value, on,
                     table, None if ref is None else int(ref))
            for cid, flag, what, value, on, table, ref in raw]
    rows.sort(key=lambda r: (not r.flagged, r.on or date.min, r.customer_code,
                             r.ref_id or 0))
    return rows
