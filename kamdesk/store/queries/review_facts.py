"""What happened in a review period besides the KPIs: tier movements, the complaints
received, and the work left undone — the facts the monthly review (月度复盘) PDF puts
beside its KPI table so the meeting can talk about customers, not only rates.

Tier movements come from ``tier_changes`` (written whenever the figures are recomputed
and a customer's value tier or activity state moved); complaints from ``complaints``;
overdue work from ``plan_actions`` and unanswered complaints. Archived customers count
nowhere, as in :mod:`kamdesk.store.queries.kpi_review`. Plain frozen rows out; the
words are the report's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Final

from sqlalchemy import Connection, text

from kamdesk.domain.review_periods import Period

__all__ = ["ComplaintFact", "MovedCustomer", "OverdueAction", "TierMove", "TierMovements",
           "complaints_in_period", "is_downward", "overdue_plan_actions",
           "tier_movements", "unanswered_complaints"]

_ARCHIVED = "SELECT id FROM customers WHERE status = 'archived'"
#: rank of each value tier and activity state: a higher number is worse
_RANK: Final[dict[str, dict[str, int]]] = {
    "value_tier": {"A": 0, "B": 1, "C": 2},
    "activity": {"active": 0, "silent": 1, "churned": 2},
}
_SEVERITY_RANK: Final = {"critical": 0, "high": 1, "medium": 2, "low": 3}
#: complaint states that no longer need work (resolved or followed up)
_SETTLED: Final = ("resolved", "closed")


def is_downward(dimension: str, old: str | None, new: str) -> bool:
    """Whether a move is for the worse (A→B, B→C, active→silent, silent→churned…); a
    first tier (``old`` None) or an unknown value is not a move down."""
    ranks = _RANK.get(dimension, {})
    if old is None or old not in ranks or new not in ranks:
        return False
    return ranks[new] > ranks[old]


@dataclass(frozen=True, slots=True)
class TierMove:
    """How many customers moved from ``old`` to ``new`` on one ``dimension``
    (``value_tier`` or ``activity``) in the period; ``old`` None for a first tier."""

    dimension: str
    old: str | None
    new: str
    customers: int
    downward: bool


@dataclass(frozen=True, slots=True)
class MovedCustomer:
    """A customer whose last move in the period on ``dimension`` was for the worse."""

    customer_id: int
    customer_code: str
    customer_name: str
    dimension: str
    old: str
    new: str
    changed_on: date
    value_tier: str | None  # the customer's value tier now (an A moving down matters most)


@dataclass(frozen=True, slots=True)
class TierMovements:
    moves: tuple[TierMove, ...]  # largest counts first, per dimension (value tier first)
    moved_down: tuple[MovedCustomer, ...]  # value tier first, out of (or in) A first, latest
    moved_down_total: int  # all who moved down (``moved_down`` may be cut at ``limit``)


def _bounds(period: Period, as_of: date) -> tuple[str, str] | None:
    end = period.clipped_end(as_of)
    if end is None:
        return None
    return period.start.isoformat(), (end + timedelta(days=1)).isoformat()


def _day(value: Any) -> date:
    return date.fromisoformat(str(value)[:10])


def _when(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def tier_movements(conn: Connection, period: Period, as_of: date,
                   limit: int = 12) -> TierMovements:
    """The tier and activity moves recorded in ``period`` (up to ``as_of``): counts per
    ``old → new``, and the customers whose net move in the period was downward (their
    first old value against their last new one, so A→B→A is no move)."""
    bounds = _bounds(period, as_of)
    if bounds is None:
        return TierMovements((), (), 0)
    rows = conn.execute(text(
        "SELECT t.customer_id, t.dimension, t.old_value, t.new_value, t.changed_on, "
        "c.code, c.name, m.value_tier FROM tier_changes t "
        "JOIN customers c ON c.id = t.customer_id "
        "LEFT JOIN customer_metrics m ON m.customer_id = t.customer_id "
        f"WHERE t.changed_on >= :lo AND t.changed_on < :hi AND t.customer_id NOT IN ({_ARCHIVED}) "
        "ORDER BY t.changed_on, t.id"), {"lo": bounds[0], "hi": bounds[1]}).all()
    counts: dict[tuple[str, str | None, str], int] = {}
    net: dict[tuple[int, str], list[Any]] = {}
    for cid, dim, old, new, on, code, name, tier in rows:
        counts[(dim, old, new)] = counts.get((dim, old, new), 0) + 1
        key = (int(cid), dim)
        if key in net:
            net[key][3], net[key][4] = new, _day(on)
        else:
            net[key] = [code or "", name or "", old, new, _day(on), tier]
    moves = sorted((TierMove(d, o, n, k, is_downward(d, o, n))
                    for (d, o, n), k in counts.items()),
                   key=lambda m: (m.dimension != "value_tier", -m.customers, m.old or "",
                                  m.new))
    down = [MovedCustomer(cid, v[0], v[1], dim, v[2], v[3], v[4], v[5])
            for (cid, dim), v in net.items() if is_downward(dim, v[2], v[3])]
    down.sort(key=lambda m: (m.dimension != "value_tier", m.old != "A" and m.value_tier != "A",
                             -m.changed_on.toordinal(), m.customer_code))
    return TierMovements(tuple(moves), tuple(down[:max(0, limit)]), len(down))


@dataclass(frozen=True, slots=True)
class ComplaintFact:
    """One complaint for the review. ``timeliness``: ``on_time`` (answered by the
    deadline), ``late`` (answered after it, or unanswered past it on the review day) or
    ``pending`` (unanswered, deadline not yet passed — or no deadline)."""

    id: int
    customer_id: int
    customer_code: str
    customer_name: str
    received_at: datetime
    severity: str
    status: str
    category: str | None
    description: str
    owner: str | None
    response_deadline: datetime | None
    responded_at: datetime | None
    timeliness: str

    @property
    def settled(self) -> bool:
        return self.status in _SETTLED


def _timeliness(deadline: datetime | None, responded: datetime | None,
                now: datetime) -> str:
    if deadline is None:
        return "on_time" if responded is not None else "pending"
    if responded is not None:
        return "on_time" if responded <= deadline else "late"
    return "late" if deadline < now else "pending"


_COMPLAINT_SQL = (
    "SELECT q.id, q.customer_id, c.code, c.name, q.received_at, q.severity, q.status, "
    "q.category, q.description, q.owner, q.response_deadline, q.responded_at "
    "FROM complaints q JOIN customers c ON c.id = q.customer_id "
    f"WHERE q.customer_id NOT IN ({_ARCHIVED}) ")


def _facts(rows: Any, now: datetime) -> list[ComplaintFact]:
    out = []
    for r in rows:
        received = _when(r[4])
        assert received is not None
        deadline, responded = _when(r[10]), _when(r[11])
        out.append(ComplaintFact(int(r[0]), int(r[1]), r[2] or "", r[3] or "", received,
                                 r[5], r[6], r[7], r[8] or "", r[9], deadline, responded,
                                 _timeliness(deadline, responded, now)))
    return out


def _rank(c: ComplaintFact) -> tuple[Any, ...]:
    """Unsettled first, then late, then by severity, then the oldest."""
    return (c.settled, c.timeliness != "late", _SEVERITY_RANK.get(c.severity, 9),
            c.received_at, c.id)


def complaints_in_period(conn: Connection, period: Period,
                         as_of: date) -> list[ComplaintFact]:
    """The complaints received in ``period`` (up to ``as_of``), the ones that need the
    meeting's attention first: not yet resolved, answered late, most severe, oldest."""
    bounds = _bounds(period, as_of)
    if bounds is None:
        return []
    rows = conn.execute(text(_COMPLAINT_SQL + "AND q.received_at >= :lo AND q.received_at < :hi"),
                        {"lo": bounds[0], "hi": bounds[1]}).all()
    return sorted(_facts(rows, _end_of(as_of)), key=_rank)


def _end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), datetime.min.time())


def unanswered_complaints(conn: Connection, as_of: date) -> list[ComplaintFact]:
    """Every complaint still without a first answer whose deadline had passed by the end
    of ``as_of``, whenever it was received (most severe, then oldest, first)."""
    now = _end_of(as_of)
    rows = conn.execute(text(
        _COMPLAINT_SQL + "AND q.responded_at IS NULL AND q.status = 'open' "
        "AND q.response_deadline IS NOT NULL AND q.response_deadline < :now "
        "AND q.received_at < :now"), {"now": now.isoformat(sep=" ")}).all()
    return sorted(_facts(rows, now), key=_rank)


@dataclass(frozen=True, slots=True)
class OverdueAction:
    """An account-plan action not done (nor dropped) whose due day has passed."""

    id: int
    customer_id: int
    customer_code: str
    customer_name: str
    action: str
    owner: str | None
    due: date
    days_late: int


def overdue_plan_actions(conn: Connection, as_of: date) -> list[OverdueAction]:
    """Open and in-progress plan actions due before ``as_of``, the longest overdue first."""
    rows = conn.execute(text(
        "SELECT a.id, p.customer_id, c.code, c.name, a.action, a.owner, a.due "
        "FROM plan_actions a JOIN account_plans p ON p.id = a.plan_id "
        "JOIN customers c ON c.id = p.customer_id "
        "WHERE a.status IN ('open', 'in_progress') AND a.due IS NOT NULL AND a.due < :d "
        f"AND p.customer_id NOT IN ({_ARCHIVED}) ORDER BY a.due, c.code, a.id"),
        {"d": as_of.isoformat()}).all()
    return [OverdueAction(int(r[0]), int(r[1]), r[2] or "", r[3] or "", r[4] or "", r[5],
                          _day(r[6]), (as_of - _day(r[6])).days) for r in rows]
