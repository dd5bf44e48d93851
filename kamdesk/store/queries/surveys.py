"""Reading a customer's satisfaction survey answers (满意度/NPS) as plain rows, with the
customer's average CSAT and NPS over them.

The averages are worked out by the pure rules of :mod:`kamdesk.domain.kpis` (``mean``,
``nps_from_scores``) so the profile shows the same figure the monthly review computes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, text

from kamdesk.domain.kpis import mean, nps_from_scores
from kamdesk.store.queries.sql_values import as_date

__all__ = ["SurveyAnswer", "SurveySummary", "customer_surveys", "survey_people"]


@dataclass(frozen=True)
class SurveyAnswer:
    id: int
    customer_id: int
    person_id: int | None
    person_name: str | None
    responded_on: date
    csat: int | None
    nps: int | None
    comment: str | None
    channel: str | None
    #: what an edit names as the version it read (ops.versions); not part of the content
    version: int = field(default=1, compare=False)


@dataclass(frozen=True)
class SurveySummary:
    """A customer's answers, newest first, and what they add up to (None: no answer)."""

    answers: tuple[SurveyAnswer, ...]
    avg_csat: float | None
    nps: float | None
    csat_count: int
    nps_count: int


def customer_surveys(conn: Connection, customer_id: int) -> SurveySummary:
    rows = conn.execute(text(
        "SELECT s.id, s.customer_id, s.person_id, p.name, s.responded_on, s.csat, s.nps, "
        "s.comment, s.channel, s.version "
        "FROM survey_responses s LEFT JOIN people p ON p.id = s.person_id "
        "WHERE s.customer_id = :c ORDER BY s.responded_on DESC, s.id DESC"),
        {"c": customer_id}).all()
    answers = tuple(SurveyAnswer(
        int(r[0]), int(r[1]), r[2], r[3], as_date(r[4]) or date.min,
        None if r[5] is None else int(r[5]), None if r[6] is None else int(r[6]), r[7], r[8],
        int(r[9]),
    ) for r in rows)
    csats = [a.csat for a in answers if a.csat is not None]
    npss = [a.nps for a in answers if a.nps is not None]
    return SurveySummary(answers, mean(sum(csats), len(csats)), nps_from_scores(npss),
                         len(csats), len(npss))


def survey_people(conn: Connection, customer_id: int) -> list[tuple[int, str]]:
    """The customer's people an answer may name (id, name), current ones first by name."""
    return [(int(r[0]), str(r[1])) for r in conn.execute(text(
        "SELECT id, name FROM people WHERE customer_id = :c ORDER BY archived, name"),
        {"c": customer_id})]
