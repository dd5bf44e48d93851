"""Setting the user's target for a KPI of the review (数据复盘的目标值).

Targets belong to the book, so they are stored with the data (``app_settings``, key
:data:`~kamdesk.store.queries.kpi_review.KPI_TARGETS_KEY`, one JSON object
``{kpi code: target}``) and travel with a backup. The range a target may take depends on
the KPI's unit (:func:`kamdesk.domain.review_kpis.check_target`): 0–100 for a rate,
−100…100 for the NPS, 1–5 for a CSAT average, whole fen for money.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from kamdesk.domain.review_kpis import check_target
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.settings import put_json
from kamdesk.store.queries.kpi_review import KPI_TARGETS_KEY
from kamdesk.store.queries.settings import get_json

__all__ = ["set_kpi_target"]


def set_kpi_target(session: Session, code: str, value: float | None) -> Changes:
    """Set (or, with None, clear) the target of KPI ``code``, in the KPI's unit (fen for
    money). Raises ``ValidationError("target", code)`` with ``unknown_kpi``,
    ``invalid_choice`` or ``out_of_range``; ``.value`` of the result is the stored
    target (None when cleared)."""
    try:
        checked = check_target(code, value)
    except ValueError as exc:
        raise ValidationError("target", str(exc.args[0]), code) from exc
    conn = session.connection()
    stored = get_json(conn, KPI_TARGETS_KEY, {})
    targets = dict(stored) if isinstance(stored, dict) else {}
    if checked is None:
        targets.pop(code, None)
    else:
        targets[code] = checked
    return put_json(conn, KPI_TARGETS_KEY, targets).with_value(checked)
