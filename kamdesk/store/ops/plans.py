"""Writing account plans (客户经营计划): create, copy forward, save, rows, "make task".

A plan belongs to one customer and one period and is never overwritten: planning the
next period makes a new row (the old one stays as the record of what was intended),
and creating a period that already exists is refused. A new plan starts from the data
(:func:`kamdesk.domain.plan_text.draft_plan`). Key people are not copied into the
plan: the stakeholder map is read live from the people table.

Every function validates, writes, flushes and returns the :class:`Changes` it made
(``account_plans``, ``plan_objectives``, ``plan_actions``, ``plan_risks``, ``tasks``);
creates carry the new id in ``value``. None of them commits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kamdesk.domain.plan_periods import PeriodError, parse_period
from kamdesk.domain.plan_text import draft_plan
from kamdesk.domain.plans import (
    EDITABLE_FIELDS,
    PLAN_STATUSES,
    ActionItem,
    ObjectiveItem,
    RiskItem,
)
from kamdesk.domain.reminders import reminder_for_deadline
from kamdesk.domain.task_titles import PLAN_ACTION
from kamdesk.store.errors import ConflictError, ValidationError
from kamdesk.store.models import (
    AccountPlan,
    Customer,
    PlanAction,
    PlanObjective,
    PlanRisk,
    Task,
)
from kamdesk.store.ops.changes import NOTHING, Changes
from kamdesk.store.ops.plan_rows import (
    ACTION_COLUMNS,
    OBJECTIVE_COLUMNS,
    REQUIRED_TEXT,
    RISK_COLUMNS,
    ROW_KINDS,
    check_action,
    check_objective,
    check_plan_version,
    check_risk,
    row_values,
    rows_text,
    strip_all,
    with_stored_rows,
)
from kamdesk.store.ops.versions import check_loaded, stale_guard
from kamdesk.store.queries.plan_facts import plan_facts, stakeholders

__all__ = [
    "PlanTask", "action_to_task", "add_action", "add_objective", "add_risk", "copy_plan",
    "create_plan", "delete_action", "delete_objective", "delete_plan", "delete_risk",
    "move_action", "move_objective", "move_risk", "normalize_period", "save_plan",
    "update_action", "update_objective", "update_plan", "update_risk",
]

#: a plan's rows, and the table each lives in
ROW_TABLES = {PlanObjective: "plan_objectives", PlanAction: "plan_actions",
              PlanRisk: "plan_risks"}

Check = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class PlanTask:
    """What "make task" made: the task and when its reminder rings."""

    task_id: int
    remind_at: datetime | None


def normalize_period(text: str | None) -> str:
    """The period in its one spelling, or ``ValidationError('period', code, text)``:
    :func:`kamdesk.domain.plan_periods.parse_period` in the store's terms."""
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise ValidationError("period", exc.code, exc.text) from None


# --------------------------------------------------------------------------- helpers


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    return value


def _rows(table: str, ids: Iterable[int]) -> Changes:
    """Rows ``ids`` of ``table`` changed; nothing at all when there are none."""
    known = frozenset(ids)
    return Changes({table: known}) if known else NOTHING


def _plan(session: Session, plan_id: int) -> AccountPlan:
    plan = session.get(AccountPlan, plan_id)
    if plan is None:
        raise ValidationError("plan", "required")
    return plan


def _refuse_existing(session: Session, customer_id: int, period: str) -> None:
    exists = session.scalar(select(AccountPlan.id).where(
        AccountPlan.customer_id == customer_id, AccountPlan.period == period))
    if exists is not None:
        raise ValidationError("period", "duplicate", period)


# --------------------------------------------------------------------------- whole plans


def create_plan(session: Session, customer_id: int, period: str, owner: str | None,
                today: date, lang: str = "en") -> Changes:
    """A new plan for ``period``, pre-filled from the data in ``lang``; ``value`` is its id.

    Refuses a period the customer already has a plan for (ValidationError period /
    duplicate): a plan is the record of one period and is never replaced.
    """
    period = normalize_period(period)
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise ValidationError("customer", "required")
    _refuse_existing(session, customer_id, period)
    conn = session.connection()
    facts = plan_facts(conn, customer_id, today)
    assert facts is not None
    draft = draft_plan(facts, stakeholders(conn, customer_id, today, lang), period, today, lang)
    plan = AccountPlan(
        customer_id=customer_id, period=period,
        owner=_clean(owner) or customer.owner, status="draft",
        situation_summary=draft.situation_summary, strengths=draft.strengths,
        weaknesses=draft.weaknesses, swot_opportunities=draft.swot_opportunities,
        threats=draft.threats, strategies=draft.strategies, opportunities=draft.opportunities,
    )
    session.add(plan)
    session.flush()
    objectives = [PlanObjective(plan_id=plan.id, position=pos, metric=o.metric,
                                baseline=o.baseline, target=o.target, due=o.due,
                                status=o.status) for pos, o in enumerate(draft.objectives)]
    risks = [PlanRisk(plan_id=plan.id, position=pos, risk=r.risk, kind=r.kind, level=r.level,
                      mitigation=r.mitigation) for pos, r in enumerate(draft.risks)]
    session.add_all([*objectives, *risks])
    session.flush()
    return (Changes.of("account_plans", plan.id)
            | _rows("plan_objectives", (o.id for o in objectives))
            | _rows("plan_risks", (r.id for r in risks))).with_value(plan.id)


def copy_plan(session: Session, plan_id: int, new_period: str) -> Changes:
    """Carry a plan into ``new_period``; ``value`` is the new plan's id.

    The texts, the objectives (reopened, since they are to be achieved again) and the
    actions still open go along; finished and dropped actions stay behind with the old
    period, whose row is left untouched."""
    period = normalize_period(new_period)
    old = _plan(session, plan_id)
    _refuse_existing(session, old.customer_id, period)
    new = AccountPlan(customer_id=old.customer_id, period=period, owner=old.owner,
                      status="draft",
                      **{f: getattr(old, f) for f in EDITABLE_FIELDS
                         if f not in ("owner", "status")})
    session.add(new)
    session.flush()
    objectives = [PlanObjective(plan_id=new.id, position=pos, metric=o.metric,
                                baseline=o.baseline, target=o.target, due=o.due, status="open")
                  for pos, o in enumerate(old.objectives)]
    # The reminder task (if any) still stands, so a carried action keeps it.
    actions = [PlanAction(plan_id=new.id, position=pos, action=a.action, owner=a.owner,
                          due=a.due, status=a.status, task_id=a.task_id)
               for pos, a in enumerate(a for a in old.actions
                                       if a.status not in ("done", "dropped"))]
    risks = [PlanRisk(plan_id=new.id, position=pos, risk=r.risk, kind=r.kind, level=r.level,
                      mitigation=r.mitigation) for pos, r in enumerate(old.risks)]
    session.add_all([*objectives, *actions, *risks])
    session.flush()
    return (Changes.of("account_plans", new.id)
            | _rows("plan_objectives", (o.id for o in objectives))
            | _rows("plan_actions", (a.id for a in actions))
            | _rows("plan_risks", (r.id for r in risks))).with_value(new.id)


def delete_plan(session: Session, plan_id: int, *,
                expected_version: int | None = None) -> Changes:
    """Delete a plan and its rows (a reminder task made from an action stays). With
    ``expected_version``, a plan saved by someone else since it was read raises
    :class:`ConflictError` (``deleting``)."""
    plan = _plan(session, plan_id)
    try:
        check_loaded(plan, expected_version, {}, deleting=True)
    except ConflictError as exc:
        raise with_stored_rows(session, exc) from None
    changes = (Changes.of("account_plans", plan_id)
               | _rows("plan_objectives", (o.id for o in plan.objectives))
               | _rows("plan_actions", (a.id for a in plan.actions))
               | _rows("plan_risks", (r.id for r in plan.risks)))
    with stale_guard(session, AccountPlan, plan_id, expected_version, {}, deleting=True):
        session.delete(plan)
        session.flush()
    return changes


def update_plan(session: Session, plan_id: int, **fields: Any) -> Changes:
    """Edit a plan's texts, owner or status. The period is not editable: it is the
    plan's identity (copy to a new period instead)."""
    plan = _plan(session, plan_id)
    for key, value in fields.items():
        if key not in EDITABLE_FIELDS:
            raise ValidationError(key, "invalid_choice")
        value = _clean(value)
        if key == "status" and value not in PLAN_STATUSES:
            raise ValidationError("status", "invalid_choice")
        setattr(plan, key, value)
    session.flush()
    return Changes.of("account_plans", plan_id)


def _sync(session: Session, model: Any, plan_id: int, items: Sequence[Any], check: Check,
          columns: tuple[str, ...]) -> tuple[Changes, bool]:
    """Make the plan's rows of ``model`` equal ``items`` (in that order): rows with an id
    are updated, rows without are added, rows no longer listed are deleted. Also says
    whether any row really changed (added, edited, moved or deleted)."""
    existing = {r.id: r for r in session.scalars(select(model).where(model.plan_id == plan_id))}
    kept: dict[int, Any] = {}
    touched = False
    for pos, item in enumerate(items):
        values = row_values(item, columns)
        check(values)
        row = existing.get(item.id) if item.id is not None else None
        if row is None:
            row = model(plan_id=plan_id, position=pos, **values)
            session.add(row)
            touched = True
        else:
            touched = touched or row.position != pos or any(
                getattr(row, k) != v for k, v in values.items())
            for k, v in values.items():
                setattr(row, k, v)
            row.position = pos
        session.flush()
        kept[row.id] = row
    gone = [row_id for row_id in existing if row_id not in kept]
    for row_id in gone:
        session.delete(existing[row_id])
    session.flush()
    return _rows(ROW_TABLES[model], [*kept, *gone]), touched or bool(gone)


def save_plan(session: Session, plan_id: int, fields: dict[str, Any],
              objectives: Sequence[ObjectiveItem], actions: Sequence[ActionItem],
              risks: Sequence[RiskItem], now: datetime | None = None, *,
              expected_version: int | None = None) -> Changes:
    """Write a whole edited plan at once, as the editor's Save does.

    The first invalid row raises ValidationError with ``detail`` = its 1-based row
    number, so the editor can point at it. When ``now`` is given, an action marked done
    also completes its open reminder task: the manager should not tick it off twice.

    The plan's version stands for the whole plan, its rows included (they carry no
    version of their own): a save that changes only rows still bumps it, and with
    ``expected_version`` (the version the editor read) a plan saved by someone else
    since raises :class:`ConflictError` showing both texts and both sets of rows.
    """
    plan = _plan(session, plan_id)
    mine = {key: _clean(value) for key, value in fields.items()} | {
        name: rows_text(row_values(item, cols) for item in items)
        for (name, _model, cols), items in zip(ROW_KINDS, (objectives, actions, risks),
                                               strict=True)}
    expected_version = check_plan_version(session, plan, expected_version, mine)
    read_version = plan.version
    try:
        with stale_guard(session, AccountPlan, plan_id, expected_version, mine):
            changes, rows_touched = _save_plan_parts(session, plan_id, fields, objectives,
                                                     actions, risks)
            if rows_touched and plan.version == read_version:
                plan.updated_at = datetime.now()  # an UPDATE of the plan: its version moves
                session.flush()
    except ConflictError as exc:
        raise with_stored_rows(session, exc) from None
    if now is not None:
        for a in session.scalars(select(PlanAction).where(
                PlanAction.plan_id == plan_id, PlanAction.status == "done",
                PlanAction.task_id.is_not(None))):
            task = session.get(Task, a.task_id)
            if task is not None and task.done_at is None:
                task.done_at = now
                changes = changes.also("tasks", task.id)
    session.flush()
    return changes


def _save_plan_parts(session: Session, plan_id: int, fields: dict[str, Any],
                     objectives: Sequence[ObjectiveItem], actions: Sequence[ActionItem],
                     risks: Sequence[RiskItem]) -> tuple[Changes, bool]:
    """The writes of :func:`save_plan`: the plan's fields, then each kind of row (the
    first invalid row raises with its number); also whether any row changed."""
    changes = update_plan(session, plan_id, **fields)
    touched = False
    for name, items, model, check, cols in (
        ("objectives", objectives, PlanObjective, check_objective, OBJECTIVE_COLUMNS),
        ("actions", actions, PlanAction, check_action, ACTION_COLUMNS),
        ("risks", risks, PlanRisk, check_risk, RISK_COLUMNS),
    ):
        for i, item in enumerate(items, start=1):
            try:
                check(strip_all({c: getattr(item, c) for c in cols}))
            except ValidationError as exc:
                raise ValidationError(exc.field, exc.code, f"{name}:{i}") from None
        synced, moved = _sync(session, model, plan_id, items, check, cols)
        changes, touched = changes | synced, touched or moved
    return changes, touched

# --------------------------------------------------------------------------- rows


def _next_position(session: Session, model: Any, plan_id: int) -> int:
    top = session.scalar(select(func.max(model.position)).where(model.plan_id == plan_id))
    return 0 if top is None else int(top) + 1


def _add(session: Session, model: Any, plan_id: int, values: dict[str, Any]) -> Changes:
    row = model(plan_id=plan_id, position=_next_position(session, model, plan_id), **values)
    session.add(row)
    session.flush()
    return Changes.of(ROW_TABLES[model], row.id).with_value(row.id)


def add_objective(session: Session, plan_id: int, metric: str, baseline: str = "",
                  target: str = "", due: date | None = None, status: str = "open"
                  ) -> Changes:
    """Append an objective; ``value`` is its id."""
    data = strip_all(dict(metric=metric, baseline=baseline, target=target, due=due,
                           status=status))
    _plan(session, plan_id)
    check_objective(data)
    return _add(session, PlanObjective, plan_id,
                {k: (v or None) if k in ("baseline", "target") else v for k, v in data.items()})


def add_action(session: Session, plan_id: int, action: str, owner: str = "",
               due: date | None = None, status: str = "open") -> Changes:
    """Append an action; ``value`` is its id."""
    data = strip_all(dict(action=action, owner=owner, due=due, status=status))
    _plan(session, plan_id)
    check_action(data)
    return _add(session, PlanAction, plan_id, dict(
        action=data["action"], owner=data["owner"] or None, due=due, status=status))


def add_risk(session: Session, plan_id: int, risk: str, kind: str = "other",
             level: str = "medium", mitigation: str = "") -> Changes:
    """Append a risk; ``value`` is its id."""
    data = strip_all(dict(risk=risk, kind=kind, level=level, mitigation=mitigation))
    _plan(session, plan_id)
    check_risk(data)
    return _add(session, PlanRisk, plan_id, dict(
        risk=data["risk"], kind=kind, level=level, mitigation=data["mitigation"] or None))


def _edit(session: Session, model: Any, row_id: int, check: Check, allowed: tuple[str, ...],
          fields: dict[str, Any]) -> Changes:
    row = session.get(model, row_id)
    if row is None:
        raise ValidationError(model.__tablename__, "required")
    current = {k: getattr(row, k) for k in allowed}
    for key in fields:
        if key not in allowed:
            raise ValidationError(key, "invalid_choice")
    current.update(strip_all(fields))
    check(current)
    for key, value in strip_all(fields).items():
        setattr(row, key, value if value != "" or key in REQUIRED_TEXT else None)
    session.flush()
    return Changes.of(ROW_TABLES[model], row_id)


def update_objective(session: Session, objective_id: int, **fields: Any) -> Changes:
    return _edit(session, PlanObjective, objective_id, check_objective, OBJECTIVE_COLUMNS,
                 fields)


def update_action(session: Session, action_id: int, **fields: Any) -> Changes:
    return _edit(session, PlanAction, action_id, check_action, ACTION_COLUMNS, fields)


def update_risk(session: Session, risk_id: int, **fields: Any) -> Changes:
    return _edit(session, PlanRisk, risk_id, check_risk, RISK_COLUMNS, fields)


def _delete(session: Session, model: Any, row_id: int) -> Changes:
    row = session.get(model, row_id)
    if row is None:
        return NOTHING
    session.delete(row)
    session.flush()
    return Changes.of(ROW_TABLES[model], row_id)


def delete_objective(session: Session, objective_id: int) -> Changes:
    return _delete(session, PlanObjective, objective_id)


def delete_action(session: Session, action_id: int) -> Changes:
    """Removes the plan row only; a reminder task made from it stays on the task list."""
    return _delete(session, PlanAction, action_id)


def delete_risk(session: Session, risk_id: int) -> Changes:
    return _delete(session, PlanRisk, risk_id)


def _move(session: Session, model: Any, row_id: int, delta: int) -> Changes:
    row = session.get(model, row_id)
    if row is None:
        raise ValidationError(model.__tablename__, "required")
    siblings = list(session.scalars(select(model).where(model.plan_id == row.plan_id)
                                    .order_by(model.position, model.id)))
    i = siblings.index(row)
    j = max(0, min(len(siblings) - 1, i + delta))
    siblings.insert(j, siblings.pop(i))
    for pos, item in enumerate(siblings):
        item.position = pos
    session.flush()
    return Changes.of(ROW_TABLES[model], *(s.id for s in siblings))


def move_objective(session: Session, objective_id: int, delta: int) -> Changes:
    """Move up (delta < 0) or down; positions are renumbered 0..n-1."""
    return _move(session, PlanObjective, objective_id, delta)


def move_action(session: Session, action_id: int, delta: int) -> Changes:
    return _move(session, PlanAction, action_id, delta)


def move_risk(session: Session, risk_id: int, delta: int) -> Changes:
    return _move(session, PlanRisk, risk_id, delta)


# --------------------------------------------------------------------------- make task


def action_to_task(session: Session, action_id: int, now: datetime,
                   lang: str = "en") -> Changes:
    """Turn a plan action into a reminder task (source 'plan'), linked both ways;
    ``value`` is a :class:`PlanTask`.

    Doing it twice returns the task made the first time. The reminder follows the
    contact log's rule: 09:00 the day before the due date, or at once when that has
    passed; an action without a date is recalled tomorrow at 09:00.
    """
    action = session.get(PlanAction, action_id)
    if action is None:
        raise ValidationError("action", "required")
    if action.task_id is not None:
        linked = session.get(Task, action.task_id)
        if linked is not None:
            return NOTHING.with_value(PlanTask(linked.id, linked.remind_at))
    key = f"plan_action:{action.id}"
    task = session.scalar(select(Task).where(Task.source_key == key))
    plan = _plan(session, action.plan_id)
    changes = NOTHING
    if task is None:
        if action.due is not None:
            due_at: datetime | None = datetime.combine(action.due, time(18))
            remind_at = reminder_for_deadline(action.due, now)
        else:
            due_at = None
            remind_at = datetime.combine(now.date() + timedelta(days=1), time(9))
        # The note naming the plan is rendered when shown, in the language in use.
        task = Task(title=action.action.strip()[:300], kind="task",
                    title_code=PLAN_ACTION, title_params={"period": plan.period},
                    customer_id=plan.customer_id, owner=action.owner or plan.owner,
                    due_at=due_at, remind_at=remind_at, priority=2, source="plan",
                    source_key=key)
        session.add(task)
        session.flush()
        changes = Changes.of("tasks", task.id)
    action.task_id = task.id
    if action.status == "open":
        action.status = "in_progress"
    session.flush()
    return (changes | Changes.of("plan_actions", action.id)).with_value(
        PlanTask(task.id, task.remind_at))
