"""Every task, filtered and paged: what the Tasks screen lists (任务清单).

Today shows the top of the user's own commitments; "see all" opens this list with
the same filter, so the badge on Today and the count here are one query
(:func:`count_tasks` with :data:`TODAY_COMMITMENTS`). The filter is a frozen
:class:`TaskQuery` — state, due bucket, customer text, kind, source, owner — turned into
one WHERE clause; the list reads a page at a time (``ui/paged_model``), so a book of
100,000 tasks opens as fast as one of ten.

The "snoozed" rule is the one Today and the reminders use (a snooze counts unless the
reminder was moved after it, :func:`kamdesk.domain.reminders.effective_due`), shared
here as :data:`SNOOZED_SQL`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from sqlalchemy import Connection, text

from kamdesk.domain import task_titles
from kamdesk.store.queries.sql_values import as_datetime, as_json, sql_timestamp

TaskState = Literal["open", "snoozed", "done", "all"]
DueBucket = Literal["any", "by_today", "overdue", "today", "week", "later", "none"]
TASK_STATES: tuple[TaskState, ...] = ("open", "snoozed", "done", "all")
DUE_BUCKETS: tuple[DueBucket, ...] = ("any", "by_today", "overdue", "today", "week", "later",
                                      "none")
#: what the user committed to: a task typed in, a next action from a logged contact, a
#: plan action. Generated reminders (key dates, renewals, complaint deadlines) have
#: cards of their own on Today.
COMMITMENT_SOURCES: tuple[str, ...] = ("manual", "interaction", "plan")

#: an open task hidden by a snooze that still holds at ``:now``
SNOOZED_SQL = ("(t.snoozed_until IS NOT NULL AND t.snoozed_until > :now "
               "AND (t.remind_at IS NULL OR t.snoozed_until > t.remind_at))")
#: the task's time: its due time, else its reminder time
_WHEN = "coalesce(t.due_at, t.remind_at)"


@dataclass(frozen=True, slots=True)
class TaskQuery:
    state: TaskState = "open"
    due: DueBucket = "any"
    #: part of the customer's name or code
    customer_text: str = ""
    customer_id: int | None = None
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    #: None: anyone; "": nobody assigned; else that owner
    owner: str | None = None


#: Today's "Your commitments" card: open, not snoozed, due or reminded by tonight
TODAY_COMMITMENTS = TaskQuery(state="open", due="by_today", sources=COMMITMENT_SOURCES)


@dataclass(frozen=True, slots=True)
class TaskRow:
    id: int
    title: str
    kind: str
    priority: int
    source: str
    customer_id: int | None
    customer_name: str | None
    owner: str | None
    due_at: datetime | None
    remind_at: datetime | None
    snoozed_until: datetime | None
    done_at: datetime | None
    #: open and past its due time (or, without one, its reminder time)
    overdue: bool


def _end_of(d: date) -> datetime:
    return datetime.combine(d, time.max)


def _where(q: TaskQuery, now: datetime) -> tuple[str, dict[str, Any]]:
    today = now.date()
    p: dict[str, Any] = {
        "now": sql_timestamp(now),
        "start": sql_timestamp(datetime.combine(today, time.min)),
        "end": sql_timestamp(_end_of(today)),
        "week": sql_timestamp(_end_of(today + timedelta(days=7))),
    }
    parts: list[str] = []
    if q.state == "open":
        parts.append(f"t.done_at IS NULL AND NOT {SNOOZED_SQL}")
    elif q.state == "snoozed":
        parts.append(f"t.done_at IS NULL AND {SNOOZED_SQL}")
    elif q.state == "done":
        parts.append("t.done_at IS NOT NULL")
    # A cadence snooze (no time, source 'cadence') is bookkeeping for Today, not a task.
    parts.append("NOT (t.source = 'cadence' AND t.due_at IS NULL AND t.remind_at IS NULL)")
    if q.due == "by_today":
        parts.append("(t.due_at <= :end OR t.remind_at <= :end)")
    elif q.due == "overdue":
        parts.append(f"{_WHEN} < :now")
    elif q.due == "today":
        parts.append(f"{_WHEN} >= :now AND {_WHEN} <= :end")
    elif q.due == "week":
        parts.append(f"{_WHEN} > :end AND {_WHEN} <= :week")
    elif q.due == "later":
        parts.append(f"{_WHEN} > :week")
    elif q.due == "none":
        parts.append("t.due_at IS NULL AND t.remind_at IS NULL")
    if q.customer_id is not None:
        parts.append("t.customer_id = :cid")
        p["cid"] = q.customer_id
    if q.customer_text.strip():
        # lower() on both sides: SQLite's LIKE ignores Latin case, PostgreSQL's does not
        parts.append("t.customer_id IN (SELECT c.id FROM customers c WHERE "
                     "lower(c.name) LIKE lower(:ct) OR lower(c.code) LIKE lower(:ct) "
                     "OR lower(c.short_name) LIKE lower(:ct))")
        p["ct"] = f"%{q.customer_text.strip()}%"
    for name, values in (("kind", q.kinds), ("source", q.sources)):
        if values:
            keys = [f"{name}{i}" for i in range(len(values))]
            parts.append(f"t.{name} IN ({', '.join(':' + k for k in keys)})")
            p.update(zip(keys, values, strict=True))
    if q.owner == "":
        parts.append("(t.owner IS NULL OR t.owner = '')")
    elif q.owner is not None:
        parts.append("t.owner = :owner")
        p["owner"] = q.owner
    return " AND ".join(parts) or "1=1", p


def count_tasks(conn: Connection, query: TaskQuery, now: datetime) -> int:
    where, p = _where(query, now)
    return int(conn.execute(text(f"SELECT count(*) FROM tasks t WHERE {where}"), p).scalar_one())


def task_page(conn: Connection, query: TaskQuery, now: datetime, offset: int, limit: int,
              lang: str = "en") -> list[TaskRow]:
    """One page of the list: open work by when it needs attention (no time last), done
    work most recent first."""
    where, p = _where(query, now)
    p.update(offset=offset, limit=limit)
    order = ("t.done_at DESC, t.id DESC" if query.state == "done"
             else f"{_WHEN} IS NULL, {_WHEN}, t.priority, t.id")
    rows = []
    for r in conn.execute(text(
        "SELECT t.id, t.title, t.kind, t.priority, t.source, t.customer_id, c.name, t.owner, "
        "t.due_at, t.remind_at, t.snoozed_until, t.done_at, t.title_code, t.title_params "
        f"FROM (SELECT t.* FROM tasks t WHERE {where} ORDER BY {order} "
        "LIMIT :limit OFFSET :offset) t LEFT JOIN customers c ON c.id = t.customer_id "
        f"ORDER BY {order}"), p):
        due, remind, done = as_datetime(r[8]), as_datetime(r[9]), as_datetime(r[11])
        rows.append(TaskRow(
            id=r[0], title=task_titles.render_title(r[12], as_json(r[13]), lang, r[1]),
            kind=r[2], priority=int(r[3] or 2), source=r[4], customer_id=r[5],
            customer_name=r[6], owner=r[7], due_at=due, remind_at=remind,
            snoozed_until=as_datetime(r[10]), done_at=done,
            overdue=done is None and (due or remind or now) < now,
        ))
    return rows


def task_owners(conn: Connection) -> list[str]:
    """Everyone a task or a customer is assigned to, for the owner filter and Reassign."""
    return [r[0] for r in conn.execute(text(
        "SELECT owner FROM tasks WHERE owner IS NOT NULL AND owner != '' "
        "UNION SELECT owner FROM customers WHERE owner IS NOT NULL AND owner != '' "
        "ORDER BY 1"))]


def with_customer(query: TaskQuery, customer_id: int | None) -> TaskQuery:
    return replace(query, customer_id=customer_id)
