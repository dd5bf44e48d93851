"""Reverting one recorded change (变更记录 ▸ 撤销): the old value goes back through the
record's own operation, with all its validation.

Only a field change can be reverted (a created or deleted row is undone where it was
made: the contact log, the import batches, an order's undo). The revert is refused, with
a reason, when the field holds something else than what the change wrote (it has been
changed again since), when the row is gone, or when the field is not edited by the
record's operation (a contract's state moves through its own steps). The revert is a
write like any other, so it is recorded in the history too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, Numeric, Table, select
from sqlalchemy.orm import Session

from kamdesk.store import history
from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Base, ChangeRecord
from kamdesk.store.ops import contracts, customers, orders, people, plans
from kamdesk.store.ops.changes import Changes

__all__ = ["revert_change", "can_revert"]

_history = cast(Table, ChangeRecord.__table__)

Editor = Callable[..., Changes]
#: table -> (the operation that edits a row of it, the fields it edits)
_EDITORS: dict[str, tuple[Editor, tuple[str, ...]]] = {
    "customers": (customers.update_customer, customers.EDITABLE),
    "people": (people.update_person, people.EDITABLE),
    "contracts": (contracts.update_contract, contracts.EDITABLE),
    "trades": (orders.update_order, orders.EDITABLE),
    "account_plans": (plans.update_plan, plans.EDITABLE_FIELDS),
    "plan_objectives": (plans.update_objective, plans.OBJECTIVE_COLUMNS),
    "plan_actions": (plans.update_action, plans.ACTION_COLUMNS),
    "plan_risks": (plans.update_risk, plans.RISK_COLUMNS),
}


def can_revert(table: str, action: str, field: str | None) -> bool:
    """Whether a change of this shape may be reverted at all (the tab's button)."""
    editor = _EDITORS.get(table)
    return action == "update" and editor is not None and field in editor[1]


def _typed(table: Table, field: str, value: str | None) -> Any:
    """The stored text of a history row back as the column's Python value."""
    if value is None:
        return None
    kind = table.c[field].type
    if isinstance(kind, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, Date):
        return date.fromisoformat(value[:10])
    if isinstance(kind, Boolean):
        return value == "1"
    if isinstance(kind, Integer):
        return int(value)
    if isinstance(kind, Numeric) and not isinstance(kind, Float):
        return Decimal(value)
    if isinstance(kind, Float):
        return float(value)
    return value


def revert_change(session: Session, change_id: int, today: date | None = None) -> Changes:
    """Write the old value of change ``change_id`` back; ``value`` is the row id.

    ValidationError('change', code): 'required' (no such change), 'not_revertible',
    'changed_since' (the field holds another value now), or the record operation's own
    refusal (e.g. a code now used by another customer).
    """
    change = session.execute(select(_history).where(_history.c.id == change_id)).first()
    if change is None:
        raise ValidationError("change", "required")
    if not can_revert(change.table_name, change.action, change.field):
        raise ValidationError("change", "not_revertible")
    table = Base.metadata.tables[change.table_name]
    session.flush()
    current = session.execute(select(table.c[change.field]).where(table.c.id == change.row_id)
                              ).first()
    if current is None:
        raise ValidationError("change", "row_gone")
    if history.as_text(current[0]) != change.new_value:
        raise ValidationError("change", "changed_since")
    old = _typed(table, change.field, change.old_value)
    if change.table_name == "trades" and change.field == "amount_cents" and old is not None:
        old = abs(old)  # stored signed by kind; the operation takes the amount as entered
    editor, _fields = _EDITORS[change.table_name]
    extra: dict[str, Any] = {}
    if change.table_name in ("contracts", "trades"):
        extra["today"] = today
    changes = editor(session, change.row_id, **extra, **{change.field: old})
    return changes.with_value(change.row_id)
