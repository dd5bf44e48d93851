"""What a customer's sheet stated (表1: 客户类型, 年度贡献值, 最近互动时间) beside what the
book computes, for the profile: which classification is in effect, the other one, and
the declared figures.

The effective tiers are in ``customer_metrics``; the computed ones of customers whose
stated classification is in effect (and differs) are kept aside by the recompute in
``app_settings[COMPUTED_TIERS_KEY]`` (:mod:`kamdesk.store.metrics`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection
from sqlalchemy import text as sql_text

from kamdesk.domain.value_tier import stated_in_effect
from kamdesk.store.metrics import COMPUTED_TIERS_KEY
from kamdesk.store.queries.settings import get_json, tiering_settings

__all__ = ["StatedFacts", "stated_facts"]


@dataclass(frozen=True)
class StatedFacts:
    customer_id: int
    stated_value_tier: str | None
    stated_activity: str | None
    #: the customer's own choice ('stated' | 'computed'), None: follows the book
    customer_source: str | None
    book_source: str
    #: in effect (customer_metrics)
    value_tier: str | None
    activity: str | None
    #: as computed from the book; equal to the effective ones when computed is in effect
    computed_value_tier: str | None
    computed_activity: str | None
    declared_contribution_cents: int | None
    declared_last_contact_at: datetime | None

    @property
    def has_stated(self) -> bool:
        return self.stated_value_tier is not None or self.stated_activity is not None

    @property
    def stated_in_effect(self) -> bool:
        """The stated classification is the effective one (it exists and is chosen)."""
        return self.has_stated and stated_in_effect(self.customer_source, self.book_source)


def stated_facts(conn: Connection, customer_id: int) -> StatedFacts | None:
    """The stated and computed classification of one customer; None if unknown."""
    row = conn.execute(sql_text(
        "SELECT c.stated_value_tier, c.stated_activity, c.tier_source, "
        "c.declared_contribution_cents, c.declared_last_contact_at, m.value_tier, m.activity "
        "FROM customers c LEFT JOIN customer_metrics m ON m.customer_id = c.id "
        "WHERE c.id = :c"), {"c": customer_id}).first()
    if row is None:
        return None
    book_source = tiering_settings(conn).tier_source
    computed_tier, computed_activity = row[5], row[6]
    has_stated = row[0] is not None or row[1] is not None
    if has_stated and stated_in_effect(row[2], book_source):
        aside = (get_json(conn, COMPUTED_TIERS_KEY, {}) or {}).get(str(customer_id))
        if isinstance(aside, list) and len(aside) == 2:
            computed_tier, computed_activity = aside
    declared_at = row[4]
    return StatedFacts(
        customer_id, row[0], row[1], row[2], book_source, row[5], row[6],
        computed_tier, computed_activity, row[3],
        None if declared_at is None else datetime.fromisoformat(str(declared_at)))
