"""Reading the pipeline: deals as board cards, one deal as its dialog shows it, and
the stage history the conversion and days-per-stage figures are computed from.

Plain rows only, so the board and the dialog hold no ORM objects and no session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, text

from kamdesk.domain.pipeline import StageChange


@dataclass(frozen=True, slots=True)
class PipelineCard:
    id: int
    customer_id: int
    customer_name: str
    title: str
    stage: str
    owner: str | None
    stage_target_date: date | None
    expected_value_cents: int | None
    probability: int
    days_in_stage: int
    lost_reason: str | None = None


@dataclass(frozen=True, slots=True)
class OpportunityDetail:
    """One deal with the customer it is for, for the edit dialog."""

    id: int
    customer_id: int
    customer_name: str
    customer_code: str
    title: str
    stage: str
    owner: str | None
    stage_target_date: date | None
    expected_value_cents: int | None
    probability: int
    lost_reason: str | None = None
    version: int = 1  # what an edit names as the version it read (ops.versions)


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def pipeline_cards(conn: Connection, today: date, owner: str | None = None,
                   include_closed_days: int = 90) -> list[PipelineCard]:
    """Open deals, plus deals won or lost in the last ``include_closed_days``."""
    params: dict[str, object] = {"closed_after": (today.toordinal() - include_closed_days)}
    where = ""
    if owner:
        where = " AND o.owner = :owner"
        params["owner"] = owner
    rows = conn.execute(text(
        "SELECT o.id, o.customer_id, c.name, o.title, o.stage, o.owner, o.stage_target_date, "
        "o.expected_value_cents, o.probability, "
        " (SELECT max(changed_at) FROM opportunity_stage_changes s WHERE s.opportunity_id = o.id),"
        " o.lost_reason FROM opportunities o JOIN customers c ON c.id = o.customer_id "
        f"WHERE c.status != 'archived'{where} ORDER BY o.stage_target_date IS NULL, "
        "o.stage_target_date, o.id"), params)
    out = []
    for r in rows:
        since = datetime.fromisoformat(str(r[9])).date() if r[9] else today
        days = (today - since).days
        if r[4] in ("won", "lost") and days > include_closed_days:
            continue
        out.append(PipelineCard(r[0], r[1], r[2], r[3], r[4], r[5], _day(r[6]),
                                r[7], int(r[8]), days, r[10]))
    return out


def opportunity_detail(conn: Connection, opportunity_id: int) -> OpportunityDetail | None:
    r = conn.execute(text(
        "SELECT o.id, o.customer_id, c.name, c.code, o.title, o.stage, o.owner, "
        "o.stage_target_date, o.expected_value_cents, o.probability, o.lost_reason, "
        "o.version FROM opportunities o JOIN customers c ON c.id = o.customer_id WHERE o.id = :o"),
        {"o": opportunity_id}).first()
    if r is None:
        return None
    return OpportunityDetail(r[0], r[1], r[2], r[3], r[4], r[5], r[6], _day(r[7]), r[8],
                             int(r[9]), r[10], int(r[11] or 1))


def customer_of(conn: Connection, opportunity_id: int) -> int | None:
    """The customer a deal is for (None when the deal is gone)."""
    return conn.execute(text("SELECT customer_id FROM opportunities WHERE id = :o"),
                        {"o": opportunity_id}).scalar()


def stage_history(conn: Connection) -> list[StageChange]:
    """Every stage change of the deals of customers not archived, oldest first (what
    :func:`kamdesk.domain.pipeline.stage_figures` reads)."""
    rows = conn.execute(text(
        "SELECT s.opportunity_id, s.to_stage, s.changed_at FROM opportunity_stage_changes s "
        "JOIN opportunities o ON o.id = s.opportunity_id "
        "JOIN customers c ON c.id = o.customer_id WHERE c.status != 'archived' "
        "ORDER BY s.changed_at, s.id"))
    return [StageChange(r[0], r[1], datetime.fromisoformat(str(r[2]))) for r in rows]
