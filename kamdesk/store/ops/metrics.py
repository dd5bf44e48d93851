"""The bulk recompute of every customer's figures, and one customer's refresh after a
write that moves them, as operations.

Tiers, RFM, health and contact rhythm are relative to the day and to the whole book, so
they are recomputed together (:mod:`kamdesk.store.metrics` does the work). As an
operation it runs in the runner's transaction — in the GUI on a worker thread through
:func:`kamdesk.ui.ops.run_op_in_background` or :mod:`kamdesk.ui.recompute` — and says
what it rewrote, so the screens showing figures refresh from its Changes.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from kamdesk.store.metrics import recompute_and_stamp_on, refresh_customer
from kamdesk.store.ops.changes import Changes, tables


def recompute_all_metrics(session: Session, today: date,
                          now: datetime | None = None) -> Changes:
    """Recompute every customer and stamp the time; ``value`` is the number recomputed.

    Rewrites every ``customer_metrics`` row, adds ``tier_changes`` for tiers and activity
    states that moved, and notes the run in ``app_settings`` (ids not tracked: bulk).
    """
    count = recompute_and_stamp_on(session.connection(), today, now)
    return tables("customer_metrics", "tier_changes", "app_settings").with_value(count)


def refresh_customer_metrics(session: Session, customer_id: int, today: date) -> Changes:
    """Bring one customer's derived row up to date after a write that moves it (a
    contact, an order, a payment, a survey answer); say what that wrote: the metrics row,
    and a ``tier_changes`` row when the activity state moved. Part of the caller's op."""
    moved = refresh_customer(session.connection(), customer_id, today)
    changes = Changes.of("customer_metrics", customer_id)
    return changes | Changes.of("tier_changes") if moved else changes
