"""Turn upcoming key dates and contract renewals into reminder tasks.

A birthday is only useful to a manager if it shows up *before* the day, with time to
buy a gift or book a visit. So every occurrence inside the horizon (default 30 days)
gets a Task whose ``remind_at`` is the occurrence minus the lead time for its kind,
and whose notes carry a tier-aware draft greeting. The reminder scheduler then treats
it like any other task.

Running the sync is idempotent and cheap enough for every start and once a day:

* ``source_key`` ('keydate:{id}:{year}', 'coop:{customer}:{year}',
  'founded:{customer}:{year}', 'renewal:{contract}:{end year}') is unique, so a
  second run finds the task instead of adding one;
* an open task follows its source: edit a key date and the task's day, reminder
  and text move with it (a moved reminder fires again); a done task is never
  touched or recreated;
* an open generated task inside the horizon whose source is gone (key date deleted,
  customer no longer tier A, contract ended early) is removed. Past ones stay, as a
  record of the date that was missed.

Remind times are computed, never clamped to "now": a birthday entered the day before
gets a reminder already due, which fires at once — exactly the nudge wanted.

The lead times live in ``app_settings`` under :data:`kamdesk.store.settings.REMINDER_KEY`
as JSON, for example::

    {"days_before": {"birthday": 3, "anniversary": 7, "founding": 7, "custom": 3},
     "default_days_before": 3, "time": "09:00", "horizon_days": 30,
     "anniversary_tiers": ["A"]}

Every field is optional; per-kind numbers may also sit at the top level
(``{"birthday": 5}``). A key date's own ``remind_days_before`` beats the setting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from kamdesk.store.calendar_queries import (
    DEFAULT_ANNIVERSARY_TIERS, LIVE_CONTRACT_STATUSES, KeyDateOccurrence, _as_date, _chunks,
    key_date_occurrences, occurrence_title, renewal_task_key,
)
from kamdesk.store.models import Contract, Customer, CustomerMetrics, Task

KEY_DATE_KINDS = ("birthday", "anniversary", "founding", "custom")
DEFAULT_DAYS_BEFORE = 3
DEFAULT_HORIZON_DAYS = 30
DEFAULT_REMIND_TIME = dt.time(9, 0)
_MAX_DAYS_BEFORE = 366


@dataclass(frozen=True)
class ReminderSettings:
    days_before: Mapping[str, int] = field(default_factory=dict)
    default_days_before: int = DEFAULT_DAYS_BEFORE
    remind_time: dt.time = DEFAULT_REMIND_TIME
    horizon_days: int = DEFAULT_HORIZON_DAYS
    anniversary_tiers: tuple[str, ...] = DEFAULT_ANNIVERSARY_TIERS

    def days_for(self, kind: str, own: int | None = None) -> int:
        """Lead time for one key date: its own setting, else its kind's, else the default."""
        if own is not None and own >= 0:
            return min(int(own), _MAX_DAYS_BEFORE)
        return self.days_before.get(kind, self.default_days_before)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> ReminderSettings:
        """Lenient: a hand-edited or older settings value never stops reminders."""
        data = data if isinstance(data, Mapping) else {}

        def days(value: object) -> int | None:
            try:
                n = int(value)  # type: ignore[call-overload]
            except (TypeError, ValueError):
                return None
            return n if 0 <= n <= _MAX_DAYS_BEFORE else None

        per_kind: dict[str, int] = {}
        nested = data.get("days_before")
        for kind in (*KEY_DATE_KINDS, "renewal"):
            for source in (data, nested if isinstance(nested, Mapping) else {}):
                n = days(source.get(kind))
                if n is not None:
                    per_kind[kind] = n
        default = days(data.get("default_days_before"))
        if isinstance(nested, int | str) and days(nested) is not None:
            default = days(nested)
        remind_time = DEFAULT_REMIND_TIME
        try:
            remind_time = dt.time.fromisoformat(str(data.get("time", "")))
        except ValueError:
            pass
        horizon = days(data.get("horizon_days")) or DEFAULT_HORIZON_DAYS
        tiers_raw = data.get("anniversary_tiers", DEFAULT_ANNIVERSARY_TIERS)
        tiers = tuple(t for t in (tiers_raw or ()) if t in ("A", "B", "C")) \
            if isinstance(tiers_raw, list | tuple) else DEFAULT_ANNIVERSARY_TIERS
        return cls(per_kind, DEFAULT_DAYS_BEFORE if default is None else default,
                   remind_time.replace(second=0, microsecond=0), horizon, tiers)


def load_reminder_settings(conn) -> ReminderSettings:  # type: ignore[no-untyped-def]
    from kamdesk.store.settings import REMINDER_KEY, get_json

    return ReminderSettings.from_dict(get_json(conn, REMINDER_KEY, {}) or {})


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


# Fields a sync owns on an open generated task; anything else (snooze, owner) is the user's.
_OWNED = ("title", "notes", "kind", "customer_id", "person_id", "due_at", "remind_at",
          "priority")
_PRIORITY_BY_TIER = {"A": 1, "B": 2, "C": 3}


def _greeting_notes(o: KeyDateOccurrence, lang: str) -> str:
    from kamdesk.domain.greetings import suggest_greeting, suggested_action

    tier = o.value_tier if o.value_tier in ("A", "B", "C") else "C"
    lang_code = "zh_CN" if lang.lower().startswith("zh") else "en"
    company = o.customer_short or o.customer_name
    person = o.person_name if o.kind == "birthday" else None
    greeting = suggest_greeting(o.kind, tier, lang_code, person, company,  # type: ignore[arg-type]
                                years=o.years if o.kind in ("anniversary", "founding") else None)
    action = suggested_action(tier, lang_code)  # type: ignore[arg-type]
    heading = "建议祝福语：" if lang_code == "zh_CN" else "Suggested greeting:"
    return f"{action}\n\n{heading}\n{greeting}"


def _key_date_row(o: KeyDateOccurrence, settings: ReminderSettings, lang: str) -> dict[str, Any]:
    due = dt.datetime.combine(o.date, settings.remind_time)
    lead = settings.days_for(o.kind, o.remind_days_before)
    who = o.customer_short or o.customer_name
    title = occurrence_title(o, lang)
    if who and who not in title:
        title = f"{title} · {who}"
    return {
        "title": title[:300], "notes": _greeting_notes(o, lang), "kind": "task",
        "customer_id": o.customer_id, "person_id": o.person_id, "due_at": due,
        "remind_at": due - dt.timedelta(days=lead),
        "priority": _PRIORITY_BY_TIER.get(o.value_tier or "", 2),
    }


def _apply(session: Session, source: str, wanted: dict[str, dict[str, Any]],
           window: tuple[dt.datetime, dt.datetime] | None, now: dt.datetime) -> SyncResult:
    # Plain rows, not ORM objects: a big book compares thousands of tasks per run and
    # almost none of them change.
    cols = [getattr(Task, f) for f in _OWNED]
    existing: dict[str, tuple[Any, ...]] = {}
    keys = sorted(wanted)
    for chunk in _chunks(keys):
        for row in session.execute(select(Task.source_key, Task.id, Task.done_at, *cols)
                                   .where(Task.source_key.in_(chunk))):
            existing[row[0]] = tuple(row)
    created = updated = 0
    new_rows = []
    for key in keys:
        want = wanted[key]
        row = existing.get(key)
        if row is None:
            new_rows.append({**want, "source": source, "source_key": key,
                             "created_at": now, "updated_at": now})
            continue
        task_id, done_at, current = row[1], row[2], dict(zip(_OWNED, row[3:], strict=True))
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
        session.execute(update(Task).where(Task.id == task_id).values(**changes))
        updated += 1
    if new_rows:
        for chunk in _chunks(new_rows):
            session.execute(insert(Task), chunk)
        created = len(new_rows)
    # Open generated tasks (inside the horizon) whose source no longer wants them.
    q = select(Task.id, Task.source_key).where(
        Task.source == source, Task.done_at.is_(None), Task.source_key.is_not(None))
    if window is not None:
        q = q.where(Task.due_at >= window[0], Task.due_at < window[1])
    stale = [tid for tid, key in session.execute(q) if key not in wanted]
    for chunk in _chunks(stale):
        session.execute(delete(Task).where(Task.id.in_(chunk)))
    session.flush()
    return SyncResult(created, updated, len(stale))


def sync_key_date_tasks(
    session: Session,
    today: dt.date,
    lang: str = "en",
    horizon_days: int | None = None,
    settings: ReminderSettings | None = None,
    now: dt.datetime | None = None,
) -> SyncResult:
    """Create or update one reminder task per key-date occurrence in the next
    ``horizon_days`` days (today included). Leaves committing to the caller."""
    conn = session.connection()
    settings = settings or load_reminder_settings(conn)
    horizon = settings.horizon_days if horizon_days is None else max(0, horizon_days)
    end = today + dt.timedelta(days=horizon)
    occs = key_date_occurrences(conn, today, end, None, settings.anniversary_tiers)
    wanted = {o.source_key: _key_date_row(o, settings, lang) for o in occs}
    window = (dt.datetime.combine(today, dt.time(0)),
              dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0)))
    return _apply(session, "key_date", wanted, window,
                  now or dt.datetime.combine(today, dt.time(0)))


def _renewal_texts(lang: str) -> tuple[str, str]:
    if lang.lower().startswith("zh"):
        return ("准备续签：{title}（{number}）",
                "合同将于{end}到期（提前{days}天启动续签）。建议与客户沟通续签意向、"
                "回顾本期合作成果，并准备续签方案。")
    return ("Prepare renewal: {title} ({number})",
            "The contract ends on {end} ({days} days' notice). Talk to the customer about "
            "renewing, review this term's results and prepare the renewal offer.")


def sync_contract_tasks(
    session: Session,
    today: dt.date,
    lang: str = "en",
    horizon_days: int | None = None,
    settings: ReminderSettings | None = None,
    now: dt.datetime | None = None,
) -> SyncResult:
    """One task per live contract whose renewal notice day falls within the horizon
    (or has passed while the contract still runs), due on the notice day."""
    conn = session.connection()
    settings = settings or load_reminder_settings(conn)
    horizon = settings.horizon_days if horizon_days is None else max(0, horizon_days)
    end = today + dt.timedelta(days=horizon)
    lead = session.execute(select(func.max(Contract.renewal_notice_days)).where(
        Contract.status.in_(LIVE_CONTRACT_STATUSES), Contract.end_on >= today)).scalar() or 0
    q = (
        select(Contract.id, Contract.customer_id, Contract.number, Contract.title,
               Contract.end_on, Contract.renewal_notice_days, Customer.short_name,
               Customer.name, CustomerMetrics.value_tier)
        .join(Customer, Customer.id == Contract.customer_id)
        .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Contract.customer_id)
        .where(Contract.status.in_(LIVE_CONTRACT_STATUSES), Contract.end_on >= today,
               Contract.end_on <= end + dt.timedelta(days=int(lead)),
               Customer.status != "archived")
    )
    title_t, notes_t = _renewal_texts(lang)
    wanted: dict[str, dict[str, Any]] = {}
    for row in session.execute(q):
        cid, customer_id, number, title, end_on_raw, notice, short, name, tier = row
        end_on = _as_date(end_on_raw)
        assert end_on is not None
        days = max(0, int(notice or 0))
        notice_day = end_on - dt.timedelta(days=days)
        if notice_day > end:
            continue
        due = dt.datetime.combine(notice_day, settings.remind_time)
        text = title_t.format(title=title, number=number)
        who = short or name
        wanted[renewal_task_key(cid, end_on)] = {
            "title": (f"{text} · {who}" if who and who not in text else text)[:300],
            "notes": notes_t.format(end=end_on.isoformat(), days=days), "kind": "task",
            "customer_id": customer_id, "person_id": None, "due_at": due,
            # The notice period is already the lead time; an extra one is optional.
            "remind_at": due - dt.timedelta(days=settings.days_before.get("renewal", 0)),
            "priority": 1 if tier == "A" else 2,
        }
    # Every open renewal task not wanted any more is stale, past ones included: the
    # contract was renewed, terminated or has ended, so "prepare renewal" is moot.
    return _apply(session, "contract", wanted, None,
                  now or dt.datetime.combine(today, dt.time(0)))


def sync_reminder_tasks(session: Session, today: dt.date, lang: str = "en",
                        now: dt.datetime | None = None) -> SyncResult:
    """Both generators with one settings read; what the app runs at start and daily."""
    settings = load_reminder_settings(session.connection())
    return (sync_key_date_tasks(session, today, lang, settings=settings, now=now)
            + sync_contract_tasks(session, today, lang, settings=settings, now=now))
