"""A member handing their own accounts to a colleague on a team book.

Row security checks an updated row against the read rule, so a member's UPDATE that
gives an account away is refused (after it the row would be invisible to them). The
administrator's function ``kamdesk_hand_over`` (:func:`kamdesk.store.team.policies.
hand_over_function`) does it for them: only an account the calling login owns, only to a
member of the team. The change history is written first, while the account is still
theirs to see, so the colleague finds who handed it over and when.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

from kamdesk.store.errors import ValidationError
from kamdesk.store.history import field_rows, write_rows
from kamdesk.store.ops.changes import Changes

__all__ = ["can_hand_over", "hand_over"]


def can_hand_over(conn: Connection) -> bool:
    """Whether this is a team book with the hand-over function."""
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.exec_driver_sql(
        "SELECT to_regproc('kamdesk_hand_over') IS NOT NULL").scalar())


def hand_over(session: Session, owners: Mapping[int, str | None], new_owner: str) -> Changes:
    """Give each customer of ``owners`` (id -> current owner) to ``new_owner``; raises
    ``ValidationError('owner', 'not_yours')`` (nothing changed) unless every one is the
    caller's own and ``new_owner`` is a member of the team."""
    rows = []
    for cid, old in owners.items():
        rows += field_rows("customers", cid, cid, {"owner": old}, {"owner": new_owner})
    write_rows(session, rows)
    for cid in owners:
        done = session.execute(text("SELECT kamdesk_hand_over(:c, :o)"),
                               {"c": cid, "o": new_owner}).scalar()
        if not done:
            raise ValidationError("owner", "not_yours")
    return Changes.of("customers", *owners)
