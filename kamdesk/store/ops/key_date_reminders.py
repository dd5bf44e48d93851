"""Write the reminder tasks that upcoming key dates and contract renewals call for.

What is called for is planned by :mod:`kamdesk.store.queries.reminder_plan`; these
operations make the tasks table agree with the plan. Running them is idempotent and
cheap enough for every start and once a day:

* ``source_key`` ('keydate:{id}:{year}', 'coop:{customer}:{year}',
  'founded:{customer}:{year}', 'renewal:{contract}:{end year}') is unique, so a
  second run finds the task instead of adding one;
* an open task follows its source: edit a key date and the task's day, reminder and
  facts move with it (a moved reminder fires again); a done task is never touched or
  recreated;
* an open generated task inside the plan's window whose source is gone (key date
  deleted, customer no longer tier A, contract ended early) is removed. Past key-date
  tasks stay, as a record of the date that was missed.

Generated tasks store a title code and facts (``title_code``/``title_params``), not
words, so the language of the session that runs the sync does not matter: the title
and the greeting are rendered when shown (:mod:`kamdesk.domain.task_titles`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from kamdesk.domain.reminder_settings import ReminderSettings
from kamdesk.store.models import Task
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.versions import bumped
from kamdesk.store.queries.reminder_plan import (
    Plan,
    key_date_plan,
    load_reminder_settings,
    renewal_plan,
)
from kamdesk.store.queries.sql_values import in_chunks

# Fields a sync owns on an open generated task; anything else (snooze, owner) is the user's.
OWNED = ("title", "title_code", "title_params", "notes", "kind", "customer_id", "person_id",
         "due_at", "remind_at", "priority")


@dataclass(frozen=True)
class SyncResult:
    created: int = 0
    updated: int = 0
    removed: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.removed)

    def __add__(self, other: SyncResult) -> SyncResult:
        return SyncResult(self.created + other.created, self.updated + other.updated,
                          self.removed + other.removed)


def _changes(result: SyncResult, ids: set[int]) -> Changes:
    if not result.changed:
        return Changes(value=result)
    # Bulk inserts do not report their ids: then the task ids are not tracked.
    return Changes({"tasks": None if result.created else frozenset(ids)}, value=result)


def _apply(session: Session, source: str, plan: Plan, now: dt.datetime) -> Changes:
    # Plain rows, not ORM objects: a big book compares thousands of tasks per run and
    # almost none of them change.
    cols = [getattr(Task, f) for f in OWNED]
    existing: dict[str, tuple[Any, ...]] = {}
    keys = sorted(plan.tasks)
    for chunk in in_chunks(keys):
        for row in session.execute(select(Task.source_key, Task.id, Task.done_at, *cols)
                                   .where(Task.source_key.in_(chunk))):
            existing[str(row[0])] = tuple(row)
    updated: set[int] = set()
    new_rows: list[dict[str, Any]] = []
    for key in keys:
        want = plan.tasks[key].columns()
        found = existing.get(key)
        if found is None:
            new_rows.append({**want, "source": source, "source_key": key,
                             "created_at": now, "updated_at": now})
            continue
        task_id, done_at = found[1], found[2]
        current = dict(zip(OWNED, found[3:], strict=True))
        if done_at is not None:
            continue
        changes = {f: v for f, v in want.items() if current[f] != v}
        if not changes:
            continue
        if "remind_at" in changes or "due_at" in changes:
            # A moved date is a new reminder: let it fire even if the old one was shown.
            changes["notified_at"] = None
            changes["snoozed_until"] = None
        changes["updated_at"] = now
        session.execute(update(Task).where(Task.id == task_id)
                        .values(**changes, **bumped(Task)))  # tasks
        updated.add(task_id)
    for batch in in_chunks(new_rows):
        session.execute(insert(Task), list(batch))  # tasks
    # Open generated tasks (inside the plan's window) whose source no longer wants them.
    q = select(Task.id, Task.source_key).where(
        Task.source == source, Task.done_at.is_(None), Task.source_key.is_not(None))
    if plan.window is not None:
        q = q.where(Task.due_at >= plan.window[0], Task.due_at < plan.window[1])
    if plan.key_prefix is not None:
        q = q.where(Task.source_key.startswith(plan.key_prefix, autoescape=True))
    stale = [tid for tid, key in session.execute(q) if key not in plan.tasks]
    for ids in in_chunks(stale):
        session.execute(delete(Task).where(Task.id.in_(ids)))  # tasks
    session.flush()
    result = SyncResult(len(new_rows), len(updated), len(stale))
    return _changes(result, updated | set(stale))


def sync_key_date_tasks(
    session: Session,
    today: dt.date,
    lang: str | None = None,
    horizon_days: int | None = None,
    settings: ReminderSettings | None = None,
    now: dt.datetime | None = None,
) -> Changes:
    """Create or update one reminder task per key-date occurrence in the next
    ``horizon_days`` days (today included); ``value`` is the :class:`SyncResult`.

    ``lang`` is ignored: stored tasks no longer depend on the language (accepted so
    callers written before that keep running).
    """
    conn = session.connection()
    settings = settings or load_reminder_settings(conn)
    plan = key_date_plan(conn, today, settings, horizon_days)
    return _apply(session, "key_date", plan, now or dt.datetime.combine(today, dt.time(0)))


def sync_contract_tasks(
    session: Session,
    today: dt.date,
    lang: str | None = None,
    horizon_days: int | None = None,
    settings: ReminderSettings | None = None,
    now: dt.datetime | None = None,
) -> Changes:
    """One task per live contract whose renewal notice day falls within the horizon
    (or has passed while the contract still runs), due on the notice day; ``value`` is
    the :class:`SyncResult`. ``lang`` is ignored, as for :func:`sync_key_date_tasks`."""
    conn = session.connection()
    settings = settings or load_reminder_settings(conn)
    plan = renewal_plan(conn, today, settings, horizon_days)
    return _apply(session, "contract", plan, now or dt.datetime.combine(today, dt.time(0)))


def sync_renewal_task(session: Session, contract_id: int, today: dt.date,
                      now: dt.datetime | None = None) -> Changes:
    """Bring one contract's renewal reminder in step with the contract at once (what
    :func:`sync_contract_tasks` would do for it at the next daily run): a live contract
    whose notice day is near gets its task, one renewed, terminated or archived loses
    its open task. ``value`` is the :class:`SyncResult`."""
    conn = session.connection()
    plan = renewal_plan(conn, today, load_reminder_settings(conn), contract_id=contract_id)
    return _apply(session, "contract", plan, now or dt.datetime.combine(today, dt.time(0)))


def sync_reminder_tasks(session: Session, today: dt.date, lang: str | None = None,
                        now: dt.datetime | None = None) -> Changes:
    """Both generators with one settings read; what the app runs at start and daily.
    ``value`` is the summed :class:`SyncResult`."""
    settings = load_reminder_settings(session.connection())
    key_dates = sync_key_date_tasks(session, today, settings=settings, now=now)
    renewals = sync_contract_tasks(session, today, settings=settings, now=now)
    result = key_dates.value + renewals.value
    merged = key_dates | renewals
    return Changes(merged.tables, value=result)


def sync_stage_target_tasks(session: Session, now: dt.datetime,
                            opportunity_id: int | None = None) -> Changes:
    """Bring the pipeline's stage-target reminders in step with the deals (one task per
    open deal with a target date, on that day; see
    :func:`kamdesk.store.queries.reminder_plan.stage_target_plan`); with
    ``opportunity_id`` only that deal's. ``value`` is the :class:`SyncResult`."""
    from kamdesk.store.queries.reminder_plan import STAGE_TARGET_SOURCE, stage_target_plan

    conn = session.connection()
    plan = stage_target_plan(conn, load_reminder_settings(conn), opportunity_id)
    return _apply(session, STAGE_TARGET_SOURCE, plan, now)
