"""The contact log across all customers (表2 客户沟通记录表) as pages of plain rows.

Same shape as :mod:`kamdesk.store.customer_list`: the Qt model asks for a count and
then for the page under the viewport. A page costs two statements whatever its
size — one for the interactions with their customer, one for the people of exactly
those interactions — so a long log never turns into a query per row.

Newest first on ``occurred_at`` walks ``ix_interactions_when`` (or
``ix_interactions_customer_when`` when one customer is picked) instead of sorting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.sql.elements import ColumnElement

from kamdesk.store.dialect import ci_like
from kamdesk.store.models import Customer, Interaction, Person, interaction_people

_I = Interaction.__table__.c
_C = Customer.__table__.c
_P = Person.__table__.c
_IP = interaction_people.c


@dataclass(frozen=True)
class LogQuery:
    """``date_to`` is inclusive: a manager filtering "to 23 Nov" means the whole day."""

    date_from: date | None = None
    date_to: date | None = None
    channel: str | None = None
    owner: str | None = None
    customer_id: int | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class LogRow:
    id: int
    customer_id: int
    customer_code: str
    customer_name: str
    occurred_at: datetime
    channel: str
    topic: str
    feedback: str | None
    issue: str | None
    next_action: str | None
    owner: str | None
    deadline: date | None
    satisfaction: int | None
    people: tuple[str, ...] = ()
    person_ids: tuple[int, ...] = ()
    version: int = 1  # what an edit names as the version it was read at (ops.versions)


@dataclass(frozen=True, slots=True)
class PersonChoice:
    id: int
    name: str
    title: str | None
    is_primary: bool


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _conditions(q: LogQuery) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if q.date_from is not None:
        out.append(_I.occurred_at >= datetime.combine(q.date_from, time()))
    if q.date_to is not None:
        out.append(_I.occurred_at < datetime.combine(q.date_to + timedelta(days=1), time()))
    if q.channel:
        out.append(_I.channel == q.channel)
    if q.owner:
        out.append(_I.owner == q.owner)
    if q.customer_id:
        out.append(_I.customer_id == q.customer_id)
    # Every word must appear somewhere in what was written down, so "折扣 新品" finds a
    # call where the discount came up in the feedback and the new range in the topic.
    for word in q.text.split():
        pattern = _like(word)
        out.append(or_(*(ci_like(col, pattern, "\\") for col in (
            _I.topic, _I.feedback, _I.issue, _I.next_action))))
    return out


def count(conn: Connection, q: LogQuery) -> int:
    stmt = select(func.count()).select_from(Interaction.__table__)
    conds = _conditions(q)
    if conds:
        stmt = stmt.where(and_(*conds))
    return int(conn.execute(stmt).scalar_one())


@dataclass(frozen=True, slots=True)
class AnyDate:
    """What the other filters find at any date: how many contacts, the first and last day."""

    count: int
    first: date | None
    last: date | None


def at_any_date(conn: Connection, q: LogQuery) -> AnyDate:
    """The contacts ``q`` finds when its dates are left out. A freshly imported log is
    usually older than the screen's default range (the last 90 days), and "0 contacts"
    would read as a lost import; the screen offers to widen the dates instead."""
    conds = _conditions(replace(q, date_from=None, date_to=None))
    stmt = select(func.count(), func.min(_I.occurred_at), func.max(_I.occurred_at))
    if conds:
        stmt = stmt.where(and_(*conds))
    n, first, last = conn.execute(stmt).one()
    return AnyDate(int(n), _day(first), _day(last))


def _day(value: datetime | str | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):  # a raw aggregate on SQLite
        value = datetime.fromisoformat(value)
    return value.date()


_ROW_COLUMNS = (
    _I.id, _I.customer_id, _C.code, _C.name, _I.occurred_at, _I.channel, _I.topic, _I.feedback,
    _I.issue, _I.next_action, _I.owner, _I.deadline, _I.satisfaction, _I.version,
)


def _people_of(conn: Connection, interaction_ids: Sequence[int]
               ) -> dict[int, list[tuple[int, str]]]:
    """The page's people in one statement; primary contact first, then by name."""
    out: dict[int, list[tuple[int, str]]] = {}
    if not interaction_ids:
        return out
    stmt = (select(_IP.interaction_id, _P.id, _P.name)
            .join(Person.__table__, _P.id == _IP.person_id)
            .where(_IP.interaction_id.in_(list(interaction_ids)))
            .order_by(_IP.interaction_id, _P.is_primary.desc(), _P.name))
    for iid, pid, name in conn.execute(stmt):
        out.setdefault(iid, []).append((pid, name))
    return out


def _rows(conn: Connection, stmt) -> list[LogRow]:  # type: ignore[no-untyped-def]
    raw = conn.execute(stmt).all()
    people = _people_of(conn, [r[0] for r in raw])
    out: list[LogRow] = []
    for r in raw:
        ppl = people.get(r[0], [])
        out.append(LogRow(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12],
            tuple(name for _pid, name in ppl), tuple(pid for pid, _name in ppl), r[13],
        ))
    return out


def fetch_page(conn: Connection, q: LogQuery, offset: int, limit: int) -> list[LogRow]:
    stmt = (select(*_ROW_COLUMNS)
            .join(Customer.__table__, _C.id == _I.customer_id)
            .order_by(_I.occurred_at.desc(), _I.id.desc())
            .limit(limit).offset(offset))
    conds = _conditions(q)
    if conds:
        stmt = stmt.where(and_(*conds))
    return _rows(conn, stmt)


def fetch_one(conn: Connection, interaction_id: int) -> LogRow | None:
    """One interaction as the edit dialog shows it."""
    stmt = (select(*_ROW_COLUMNS)
            .join(Customer.__table__, _C.id == _I.customer_id)
            .where(_I.id == interaction_id))
    rows = _rows(conn, stmt)
    return rows[0] if rows else None


def owners(conn: Connection) -> list[str]:
    """Names for the owner filter: whoever logged a contact, and the customers' owners.

    ``interactions.owner`` has no index, so this reads the whole log (about 0.1 s
    per 300k contacts); callers ask only when the list is about to be looked at.
    """
    logged = select(_I.owner).where(_I.owner.is_not(None))
    assigned = select(_C.owner).where(_C.owner.is_not(None))
    stmt = select(logged.union(assigned).subquery().c.owner).order_by("owner")
    return [r[0] for r in conn.execute(stmt)]


def people_to_involve(conn: Connection, customer_id: int,
                      also: Sequence[int] = ()) -> list[PersonChoice]:
    """The customer's active people, primary contact first; ``also`` keeps people an
    existing interaction already names even if they have since been archived."""
    cond: ColumnElement[bool] = _P.archived.is_(False)
    if also:
        cond = or_(cond, _P.id.in_(list(also)))
    stmt = (select(_P.id, _P.name, _P.title, _P.is_primary)
            .where(_P.customer_id == customer_id, cond)
            .order_by(_P.is_primary.desc(), _P.name, _P.id))
    return [PersonChoice(r[0], r[1], r[2], bool(r[3])) for r in conn.execute(stmt)]

