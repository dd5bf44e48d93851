"""Which reminder tasks upcoming key dates and contract renewals call for.

A birthday is only useful to a manager if it shows up *before* the day, with time to
buy a gift or book a visit. So every occurrence inside the horizon (default 30 days)
calls for a task whose ``remind_at`` is the occurrence minus the lead time for its
kind (:class:`kamdesk.domain.reminder_settings.ReminderSettings`), and whose notes
carry a tier-aware draft greeting. Each contract whose renewal notice day falls in the
horizon (or has passed while the contract still runs) calls for a "prepare renewal"
task on that day.

This module only *plans* them, as plain :class:`PlannedTask` rows keyed by
``source_key``: the operation :mod:`kamdesk.store.ops.key_date_reminders` writes them,
and ``kamdesk due`` (:func:`kamdesk.store.queries.reminders.due_reminders`) lists the
ones not written yet, so the command sees every reminder the app would raise.

A planned task stores a title code and facts, never words: see
:mod:`kamdesk.domain.task_titles`. Remind times are computed, never clamped to "now":
a birthday entered the day before gets a reminder already due, which fires at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from kamdesk.domain import task_titles
from kamdesk.domain.reminder_settings import ReminderSettings
from kamdesk.store.models import Contract, Customer, CustomerMetrics
from kamdesk.store.queries.key_dates import KeyDateOccurrence, key_date_occurrences
from kamdesk.store.queries.renewals import LIVE_CONTRACT_STATUSES, renewal_task_key
from kamdesk.store.queries.sql_values import as_date

_PRIORITY_BY_TIER = {"A": 1, "B": 2, "C": 3}


def load_reminder_settings(conn: Connection) -> ReminderSettings:
    from kamdesk.store.queries.settings import REMINDER_KEY, get_json

    return ReminderSettings.from_dict(get_json(conn, REMINDER_KEY, {}) or {})


@dataclass(frozen=True)
class PlannedTask:
    """A reminder task a key date or a contract calls for, before it is written."""

    source: str  # key_date | contract
    source_key: str
    title_code: str
    title_params: dict[str, Any]
    customer_id: int
    person_id: int | None
    due_at: dt.datetime
    remind_at: dt.datetime
    priority: int
    customer_code: str | None = None
    customer_name: str | None = None

    def columns(self) -> dict[str, Any]:
        """The task columns the generator owns. ``title`` holds the facts alone and
        ``notes`` nothing: both are rendered when shown (task_titles)."""
        return {
            "title": task_titles.plain_title(self.title_code, self.title_params),
            "title_code": self.title_code, "title_params": self.title_params,
            "notes": None, "kind": "task", "customer_id": self.customer_id,
            "person_id": self.person_id, "due_at": self.due_at, "remind_at": self.remind_at,
            "priority": self.priority,
        }


@dataclass(frozen=True)
class Plan:
    """Planned tasks by source key, and the due-time window the plan covers (None: all
    time — every open task of the source not planned is stale)."""

    tasks: dict[str, PlannedTask]
    window: tuple[dt.datetime, dt.datetime] | None
    #: the plan covers only tasks whose source key starts with this (one contract's)
    key_prefix: str | None = None


def key_date_params(o: KeyDateOccurrence) -> dict[str, Any]:
    """The facts a key-date reminder's title and greeting are rendered from."""
    return {"kind": o.kind, "typed_title": o.stored_title or None, "person": o.person_name,
            "company": o.company, "years": o.years, "tier": o.value_tier}


def key_date_plan(conn: Connection, today: dt.date, settings: ReminderSettings,
                  horizon_days: int | None = None) -> Plan:
    """One task per key-date occurrence in the next ``horizon_days`` days (today included)."""
    horizon = settings.horizon_days if horizon_days is None else max(0, horizon_days)
    end = today + dt.timedelta(days=horizon)
    planned: dict[str, PlannedTask] = {}
    for o in key_date_occurrences(conn, today, end, None, settings.anniversary_tiers):
        due = dt.datetime.combine(o.date, settings.remind_time)
        lead = settings.days_for(o.kind, o.remind_days_before)
        planned[o.source_key] = PlannedTask(
            "key_date", o.source_key, task_titles.KEY_DATE, key_date_params(o), o.customer_id,
            o.person_id, due, due - dt.timedelta(days=lead),
            _PRIORITY_BY_TIER.get(o.value_tier or "", 2), o.customer_code, o.customer_name)
    window = (dt.datetime.combine(today, dt.time(0)),
              dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0)))
    return Plan(planned, window)


def renewal_plan(conn: Connection, today: dt.date, settings: ReminderSettings,
                 horizon_days: int | None = None, contract_id: int | None = None) -> Plan:
    """One task per live contract whose renewal notice day falls within the horizon
    (or has passed while the contract still runs), due on the notice day.

    The plan covers all time: every open renewal task not planned is stale, past ones
    included — the contract was renewed, terminated, archived or has ended, so "prepare
    renewal" is moot. With ``contract_id`` the plan covers that one contract's tasks
    (what a contract's own operations bring up to date at once).
    """
    horizon = settings.horizon_days if horizon_days is None else max(0, horizon_days)
    end = today + dt.timedelta(days=horizon)
    only = () if contract_id is None else (Contract.id == contract_id,)
    lead = conn.execute(select(func.max(Contract.renewal_notice_days)).where(
        Contract.status.in_(LIVE_CONTRACT_STATUSES), Contract.end_on >= today, *only)
    ).scalar() or 0
    q = (
        select(Contract.id, Contract.customer_id, Contract.number, Contract.title,
               Contract.end_on, Contract.renewal_notice_days, Customer.short_name,
               Customer.name, CustomerMetrics.value_tier, Customer.code)
        .join(Customer, Customer.id == Contract.customer_id)
        .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Contract.customer_id)
        .where(Contract.status.in_(LIVE_CONTRACT_STATUSES), Contract.end_on >= today,
               Contract.end_on <= end + dt.timedelta(days=int(lead)),
               Customer.status != "archived", *only)
    )
    planned: dict[str, PlannedTask] = {}
    for row in conn.execute(q):
        cid, customer_id, number, title, end_on_raw, notice, short, name, tier, code = row
        end_on = as_date(end_on_raw)
        assert end_on is not None
        days = max(0, int(notice or 0))
        notice_day = end_on - dt.timedelta(days=days)
        if notice_day > end:
            continue
        due = dt.datetime.combine(notice_day, settings.remind_time)
        key = renewal_task_key(cid, end_on)
        params = {"contract": title, "number": number, "company": short or name,
                  "end": end_on.isoformat(), "notice_days": days}
        planned[key] = PlannedTask(
            "contract", key, task_titles.RENEWAL, params, customer_id, None, due,
            # The notice period is already the lead time; an extra one is optional.
            due - dt.timedelta(days=settings.days_before.get("renewal", 0)),
            1 if tier == "A" else 2, code, name)
    return Plan(planned, None, None if contract_id is None else f"renewal:{contract_id}:")


# -- pipeline stage target dates (issue #12 item 4) ---------------------------------------
#: every stage-target reminder's source key starts with this (tasks.source is 'manual':
#: the stored source codes have no 'pipeline' value and the schema is not changed here)
STAGE_TARGET_PREFIX = "pipeline:"
STAGE_TARGET_SOURCE = "manual"


def stage_target_key(opportunity_id: int, stage: str, target: dt.date) -> str:
    """One reminder per deal, stage and target day: moving the date or the stage makes a
    new reminder (which fires again); a dismissed one is never recreated."""
    return f"{STAGE_TARGET_PREFIX}{opportunity_id}:{stage}:{target.isoformat()}"


def stage_target_plan(conn: Connection, settings: ReminderSettings,
                      opportunity_id: int | None = None) -> Plan:
    """One task per open deal with a stage target date, due and reminded on that day
    at the reminder time. Covers all time (a deal moved on, closed or without a date
    loses its open task); with ``opportunity_id`` only that deal's tasks."""
    from kamdesk.domain.pipeline import OPEN_STAGES
    from kamdesk.store.models import Opportunity

    only = () if opportunity_id is None else (Opportunity.id == opportunity_id,)
    q = (
        select(Opportunity.id, Opportunity.customer_id, Opportunity.title, Opportunity.stage,
               Opportunity.stage_target_date, Customer.short_name, Customer.name,
               Customer.code, CustomerMetrics.value_tier)
        .join(Customer, Customer.id == Opportunity.customer_id)
        .outerjoin(CustomerMetrics, CustomerMetrics.customer_id == Opportunity.customer_id)
        .where(Opportunity.stage.in_(OPEN_STAGES), Opportunity.stage_target_date.is_not(None),
               Customer.status != "archived", *only)
    )
    planned: dict[str, PlannedTask] = {}
    for oid, customer_id, title, stage, target_raw, short, name, code, tier in conn.execute(q):
        target = as_date(target_raw)
        assert target is not None
        due = dt.datetime.combine(target, settings.remind_time)
        key = stage_target_key(oid, stage, target)
        params = {"deal": title, "stage": stage, "target": target.isoformat(),
                  "company": short or name}
        planned[key] = PlannedTask(STAGE_TARGET_SOURCE, key, task_titles.STAGE_TARGET, params,
                                   customer_id, None, due, due,
                                   1 if tier == "A" else 2, code, name)
    prefix = STAGE_TARGET_PREFIX + ("" if opportunity_id is None else f"{opportunity_id}:")
    return Plan(planned, None, prefix)
