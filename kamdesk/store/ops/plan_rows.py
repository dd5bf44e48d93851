"""An account plan's rows (objectives, actions, risks) as values: their columns, how a
row is cleaned and checked before it is stored, and the rows as one text for the
plan's version check.

The rows carry no version of their own: the plan's version stands for the whole plan
(:func:`kamdesk.store.ops.plans.save_plan` bumps it when only rows change). So a save
from a stale read compares the plan's texts *and* its rows, shown to the user as one
line per row beside what is stored now (:func:`with_stored_rows`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kamdesk.domain.plans import OBJECTIVE_STATUSES
from kamdesk.store.errors import ConflictError, ValidationError
from kamdesk.store.models import AccountPlan, PlanAction, PlanObjective, PlanRisk
from kamdesk.store.models.plan import ACTION_STATUSES, LEVELS, RISK_KINDS
from kamdesk.store.ops.versions import check_loaded

__all__ = ["ACTION_COLUMNS", "OBJECTIVE_COLUMNS", "REQUIRED_TEXT", "RISK_COLUMNS", "ROW_KINDS",
           "check_action", "check_objective", "check_plan_version", "check_risk",
           "row_values", "rows_text", "strip_all", "with_stored_rows"]

OBJECTIVE_COLUMNS = ("metric", "baseline", "target", "due", "status")
ACTION_COLUMNS = ("action", "owner", "due", "status")
RISK_COLUMNS = ("risk", "kind", "level", "mitigation")
#: columns that stay "" rather than NULL when blank (required texts)
REQUIRED_TEXT = ("metric", "action", "risk")
#: the plan's row kinds: the name a conflict shows them under, the model, the columns
ROW_KINDS = (("objectives", PlanObjective, OBJECTIVE_COLUMNS),
             ("actions", PlanAction, ACTION_COLUMNS), ("risks", PlanRisk, RISK_COLUMNS))


def strip_all(fields: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()}


def row_values(item: Any, columns: tuple[str, ...]) -> dict[str, Any]:
    """A row's values as stored: texts stripped, blank optional texts NULL."""
    data = strip_all({c: getattr(item, c) for c in columns})
    return {k: (v if v != "" or k in REQUIRED_TEXT else None) for k, v in data.items()}


def check_objective(o: dict[str, Any]) -> None:
    if not (o.get("metric") or "").strip():
        raise ValidationError("metric", "required")
    if o.get("status", "open") not in OBJECTIVE_STATUSES:
        raise ValidationError("objective_status", "invalid_choice")
    if o.get("due") is not None and not isinstance(o["due"], date):
        raise ValidationError("due", "invalid_date")
    for key, limit in (("metric", 300), ("baseline", 100), ("target", 100)):
        if len(o.get(key) or "") > limit:
            raise ValidationError(key, "too_long")


def check_action(a: dict[str, Any]) -> None:
    if not (a.get("action") or "").strip():
        raise ValidationError("action", "required")
    if a.get("status", "open") not in ACTION_STATUSES:
        raise ValidationError("action_status", "invalid_choice")
    if a.get("due") is not None and not isinstance(a["due"], date):
        raise ValidationError("due", "invalid_date")
    if len(a.get("owner") or "") > 100:
        raise ValidationError("owner", "too_long")


def check_risk(r: dict[str, Any]) -> None:
    if not (r.get("risk") or "").strip():
        raise ValidationError("risk", "required")
    if r.get("kind", "other") not in RISK_KINDS:
        raise ValidationError("risk_kind", "invalid_choice")
    if r.get("level", "medium") not in LEVELS:
        raise ValidationError("risk_level", "invalid_choice")


# -- the plan's version check --------------------------------------------------------
def rows_text(rows: Iterable[dict[str, Any]]) -> str:
    """Rows of one kind as one text, a line per row (its non-blank values)."""
    return "\n".join(" · ".join(str(v) for v in row.values() if v not in (None, ""))
                     for row in rows)


def with_stored_rows(session: Session, exc: ConflictError) -> ConflictError:
    """``exc`` with the plan's stored rows added to "theirs" (when the plan is there)."""
    if exc.theirs is None or exc.row_id is None:
        return exc
    theirs = {k: (None if v == "" else v) for k, v in exc.theirs.items()}  # blank is blank
    for name, model, columns in ROW_KINDS:
        stored = session.scalars(select(model).where(model.plan_id == exc.row_id)
                                 .order_by(model.position, model.id))
        theirs[name] = rows_text({c: getattr(r, c) for c in columns} for r in stored)
    return ConflictError(exc.table, exc.row_id, theirs, exc.mine, exc.their_version,
                         exc.expected_version, exc.deleting)


def check_plan_version(session: Session, plan: AccountPlan, expected_version: int | None,
                       mine: dict[str, Any]) -> int | None:
    """The version to save over: ``expected_version`` when the plan still has it, or
    the stored one when their save already holds everything of mine (texts and rows);
    otherwise :class:`ConflictError` with their rows beside mine."""
    try:
        check_loaded(plan, expected_version, mine)
    except ConflictError as exc:
        full = with_stored_rows(session, exc)
        theirs = full.theirs or {}
        if full.theirs is None or any(k not in theirs or theirs[k] != v
                                      for k, v in mine.items()):
            raise full from None
        return full.their_version
    return expected_version
