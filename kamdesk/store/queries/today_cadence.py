"""Who is "overdue for contact" at a moment, as one SQL condition shared by Today's
cadence card and the Customers list it links to, so "see all N" lists exactly N.

A customer is off cadence when the next touch of their rhythm (``next_due_on``) is
before today and the touch was not snoozed on Today (a cadence snooze is an open task
of source 'cadence' without a due time, :func:`kamdesk.store.ops.cadence.snooze_cadence`).
The condition expects ``customer_metrics`` as ``m``.
"""

from __future__ import annotations

from datetime import datetime

from kamdesk.store.queries.sql_values import sql_timestamp

#: open cadence snoozes (no due time, so one short range of ix_tasks_open_due), as ``s``
CADENCE_SNOOZES_SQL = ("s.done_at IS NULL AND s.due_at IS NULL AND s.source = 'cadence' "
                       "AND s.snoozed_until > :cadence_now")

OFF_CADENCE_SQL = (
    "m.next_due_on < :cadence_today AND NOT EXISTS (SELECT 1 FROM tasks s "
    f"WHERE s.customer_id = m.customer_id AND {CADENCE_SNOOZES_SQL})"
)


def off_cadence_params(now: datetime) -> dict[str, object]:
    """The parameters of :data:`OFF_CADENCE_SQL` at ``now``."""
    return {"cadence_now": sql_timestamp(now), "cadence_today": now.date().isoformat()}
