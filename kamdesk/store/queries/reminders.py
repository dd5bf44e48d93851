"""Reminders as the scheduler, the pop-ups and ``kamdesk due`` read them.

:func:`reminder_states` is what the scheduler arms its one timer from;
:func:`reminder_rows` what a pop-up shows; :func:`due_reminders` everything the app
would raise in a window — stored tasks, the key-date and renewal reminders the
generator calls for but has not written yet, and customers whose maintenance touch
falls due — so the command line sees what the GUI would show. Titles and notes of
generated tasks are rendered in ``lang`` (:mod:`kamdesk.domain.task_titles`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, or_, select, text

from kamdesk.domain import task_titles
from kamdesk.domain.reminders import ReminderState
from kamdesk.store.models import Customer, Task
from kamdesk.store.queries.reminder_plan import (
    PlannedTask,
    key_date_plan,
    load_reminder_settings,
    renewal_plan,
    stage_target_plan,
)
from kamdesk.store.queries.sql_values import as_date, as_datetime, as_json, in_chunks


def reminder_states(conn: Connection, until: dt.datetime) -> list[ReminderState]:
    """Open reminders whose time (reminder or snooze) is at or before ``until`` and not
    shown yet for that time: what the scheduler may have to fire or arm a timer for.

    Bounded by ``until`` and by the "not yet notified" test in SQL, so the answer stays
    small however many old, already-shown reminders the book holds.
    """
    pending = or_(Task.notified_at.is_(None), Task.notified_at < Task.remind_at,
                  Task.notified_at < Task.snoozed_until)
    q = select(Task.id, Task.remind_at, Task.snoozed_until, Task.done_at, Task.notified_at).where(
        Task.done_at.is_(None),
        or_(Task.remind_at <= until, Task.snoozed_until <= until),
        pending,
    )
    return [ReminderState(r[0], as_datetime(r[1]), as_datetime(r[2]), None,
                          as_datetime(r[4])) for r in conn.execute(q)]


@dataclass(frozen=True, slots=True)
class ReminderRow:
    """A reminder as a pop-up or the ``due`` command shows it.

    ``task_id`` is None for a reminder not written as a task yet (a key date the
    generator has not reached, a customer's maintenance touch); ``source_key`` then
    says what it stands for.
    """

    task_id: int | None
    title: str
    kind: str
    notes: str | None
    due_at: dt.datetime | None
    remind_at: dt.datetime | None
    snoozed_until: dt.datetime | None
    notified_at: dt.datetime | None
    done: bool
    customer_id: int | None
    customer_code: str | None
    customer_name: str | None
    source: str
    source_key: str | None = None
    version: int = 1  # of the stored task: what an edit names (ops.versions)

    @property
    def when(self) -> dt.datetime | None:
        """The moment the reminder is about: the due time, else the reminder time."""
        return self.due_at or self.snoozed_until or self.remind_at

    def overdue(self, now: dt.datetime) -> bool:
        return not self.done and self.due_at is not None and self.due_at < now


_REMINDER_COLUMNS = (
    Task.id, Task.title, Task.kind, Task.notes, Task.due_at, Task.remind_at, Task.snoozed_until,
    Task.notified_at, Task.done_at, Task.customer_id, Customer.code, Customer.name, Task.source,
    Task.source_key, Task.title_code, Task.title_params, Task.version,
)


def _reminder_row(r, lang: str) -> ReminderRow:  # type: ignore[no-untyped-def]
    code, params = r[14], as_json(r[15])
    return ReminderRow(
        r[0], task_titles.render_title(code, params, lang, r[1]), r[2],
        task_titles.render_notes(code, params, lang, r[3]), as_datetime(r[4]),
        as_datetime(r[5]), as_datetime(r[6]), as_datetime(r[7]), r[8] is not None, r[9], r[10],
        r[11], r[12], r[13], int(r[16] or 1))


def reminder_rows(conn: Connection, task_ids: Iterable[int], lang: str = "en"
                  ) -> list[ReminderRow]:
    """Rows for the given tasks, in the order asked."""
    ids = list(dict.fromkeys(task_ids))
    found: dict[int, ReminderRow] = {}
    for chunk in in_chunks(ids):
        q = (select(*_REMINDER_COLUMNS).outerjoin(Customer, Customer.id == Task.customer_id)
             .where(Task.id.in_(chunk)))
        for r in conn.execute(q):
            found[r[0]] = _reminder_row(r, lang)
    return [found[i] for i in ids if i in found]


def _by_time(rows: list[ReminderRow], until: dt.datetime) -> list[ReminderRow]:
    return sorted(rows, key=lambda r: (r.when or until, r.task_id is None, r.task_id or 0,
                                       r.source_key or ""))


def due_task_reminders(conn: Connection, now: dt.datetime, within: dt.timedelta,
                       lang: str = "en") -> list[ReminderRow]:
    """Open *stored* tasks due, or with a reminder time, before ``now + within`` —
    overdue ones included, however old — ordered by time."""
    until = now + within
    q = (
        select(*_REMINDER_COLUMNS).outerjoin(Customer, Customer.id == Task.customer_id)
        .where(Task.done_at.is_(None),
               or_(Task.due_at <= until, Task.remind_at <= until, Task.snoozed_until <= until))
    )
    return _by_time([_reminder_row(r, lang) for r in conn.execute(q)], until)


def due_reminders(conn: Connection, now: dt.datetime, within: dt.timedelta,
                  lang: str = "en") -> list[ReminderRow]:
    """Every reminder the app would raise before ``now + within``, overdue ones
    included, ordered by time — what ``kamdesk due`` prints:

    * open tasks due or reminded in the window (:func:`due_task_reminders`), except
      cadence snoozes, which the touch rows below stand for;
    * key-date, renewal and stage-target reminders the generator calls for
      (:mod:`kamdesk.store.queries.reminder_plan`) but has not written yet;
    * customers whose maintenance touch is overdue by the end of the window and not
      snoozed past it, as Today lists them: from the day after their next-due day.
    """
    until = now + within
    rows = [r for r in due_task_reminders(conn, now, within, lang) if r.source != "cadence"]
    rows += _planned_reminders(conn, now.date(), until, lang)
    rows += _cadence_reminders(conn, until, lang)
    return _by_time(rows, until)


def _planned_reminders(conn: Connection, today: dt.date, until: dt.datetime,
                       lang: str) -> list[ReminderRow]:
    settings = load_reminder_settings(conn)
    planned: dict[str, PlannedTask] = {}
    plans = [key_date_plan(conn, today, settings), renewal_plan(conn, today, settings)]
    plans.append(stage_target_plan(conn, settings))  # pipeline stage target dates
    for plan in plans:
        planned.update({k: p for k, p in plan.tasks.items()
                        if p.due_at <= until or p.remind_at <= until})
    keys = sorted(planned)
    for chunk in in_chunks(keys):
        for (key,) in conn.execute(select(Task.source_key).where(Task.source_key.in_(chunk))):
            planned.pop(str(key), None)  # written already (open: listed above; done: not due)
    return [
        ReminderRow(None, task_titles.render_title(p.title_code, p.title_params, lang),
                    "task", task_titles.render_notes(p.title_code, p.title_params, lang),
                    p.due_at, p.remind_at, None, None, False, p.customer_id, p.customer_code,
                    p.customer_name, p.source, p.source_key)
        for p in planned.values()
    ]


def _cadence_reminders(conn: Connection, until: dt.datetime, lang: str) -> list[ReminderRow]:
    rows = []
    for r in conn.execute(text(
        "SELECT m.customer_id, c.code, c.name, m.next_due_on, m.due_action, "
        "(SELECT max(s.snoozed_until) FROM tasks s WHERE s.customer_id = m.customer_id "
        " AND s.source = 'cadence' AND s.done_at IS NULL AND s.due_at IS NULL) "
        "FROM customer_metrics m JOIN customers c ON c.id = m.customer_id "
        "WHERE m.next_due_on < :last AND c.status != 'archived'"),
            {"last": until.date().isoformat()}):
        due_day = as_date(r[3])
        assert due_day is not None
        snoozed = as_datetime(r[5])
        if snoozed is not None and snoozed > until:
            continue
        params = {"action": r[4], "company": r[2]}
        rows.append(ReminderRow(
            None, task_titles.render_title(task_titles.CADENCE, params, lang), "call", None,
            dt.datetime.combine(due_day + dt.timedelta(days=1), dt.time(0)), None, snoozed,
            None, False, r[0], r[1], r[2], "cadence", f"cadence:{r[0]}"))
    return rows

