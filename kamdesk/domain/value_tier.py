"""Value tiers (价值分层) from each customer's contribution in the trailing window.

Two readings of "top 20 %" are offered because managers use both: by head-count (the
method's table: high 20 % / middle 60 % / low 20 % of customers) and by revenue (ABC
analysis: whoever makes the first 80 % of revenue). Either way the result must not
depend on input order, so revenue ties are broken by customer id (smaller id first).
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Final, Literal

from kamdesk.domain import vocab
from kamdesk.domain.tiering_settings import Lang, TieringSettings

__all__ = [
    "VALUE_TIERS",
    "ValueTier",
    "rank_by_revenue",
    "stated_in_effect",
    "share_counts",
    "tier_label",
    "tiers_by_cumulative",
    "tiers_by_share",
    "value_tiers",
]

ValueTier = Literal["A", "B", "C"]
VALUE_TIERS: Final[tuple[ValueTier, ...]] = ("A", "B", "C")


def tier_label(value_tier: str, lang: Lang) -> str:
    """The tier's word (高价值/中价值/低价值) from the one vocabulary."""
    return vocab.label("value_tier", value_tier, lang)


def _exact(share: float) -> Fraction:
    # Through str() so 0.2 means 1/5, not the binary float just above it: otherwise
    # 15 × 0.2 would be 3.0000000000000004 and a rounding rule would tip over.
    return Fraction(str(share))


def share_counts(n: int, top_share: float, middle_share: float) -> tuple[int, int, int]:
    """How many of ``n`` revenue customers are A, B and C under the head-count rule.

    Rule: round half up to the nearest whole customer, applied to the cumulative cut
    points (top, top + middle) rather than to each share separately, so the counts
    always add up to ``n`` and rounding errors do not pile up on C. Nearest rounding is
    chosen over ceil/floor because it keeps each tier closest to its stated share: with
    10 customers exactly 2 are A, 6 B, 2 C; with 3 customers 1 / 1 / 1; with a single
    customer 0 / 1 / 0 — one customer is no "top 20 %".
    """
    if n < 0:
        raise ValueError("n must not be negative")
    top = _exact(top_share)
    upper = top + _exact(middle_share)
    count_a = int(n * top + Fraction(1, 2))
    count_ab = min(n, int(n * upper + Fraction(1, 2)))
    return count_a, count_ab - count_a, n - count_ab


def rank_by_revenue(revenue_by_customer: Mapping[int, int]) -> list[int]:
    """Ids of customers with revenue > 0, largest first, ties by smaller id first."""
    ranked = sorted(cid for cid, revenue in revenue_by_customer.items() if revenue > 0)
    # Python's sort is stable even with reverse=True, so the id order survives among
    # equal revenues; a plain key lookup is much faster than a tuple key on 100k rows.
    ranked.sort(key=revenue_by_customer.__getitem__, reverse=True)
    return ranked


def tiers_by_share(
    revenue_by_customer: Mapping[int, int], top_share: float, middle_share: float
) -> dict[int, ValueTier]:
    """Head-count tiers; customers without revenue (≤ 0) are C and are not counted in n."""
    tiers: dict[int, ValueTier] = dict.fromkeys(revenue_by_customer, "C")
    ranked = rank_by_revenue(revenue_by_customer)
    count_a, count_b, _ = share_counts(len(ranked), top_share, middle_share)
    tiers.update(dict.fromkeys(ranked[:count_a], "A"))
    tiers.update(dict.fromkeys(ranked[count_a:count_a + count_b], "B"))
    return tiers


def tiers_by_cumulative(
    revenue_by_customer: Mapping[int, int], a_share: float, b_share: float
) -> dict[int, ValueTier]:
    """ABC analysis by revenue.

    A customer is A while the revenue of everyone ranked before it is still under
    ``a_share`` of the total, so the customer that crosses the 80 % line is A too and the
    largest customer is always A; B likewise up to ``a_share + b_share``. Compared in
    whole fen × exact fractions, so no float rounding decides a tier.
    """
    tiers: dict[int, ValueTier] = dict.fromkeys(revenue_by_customer, "C")
    ranked = rank_by_revenue(revenue_by_customer)
    total = sum(revenue_by_customer[cid] for cid in ranked)
    if total <= 0:
        return tiers
    a_line = _exact(a_share)
    b_line = a_line + _exact(b_share)
    # before / total < p/q  <=>  before * q < p * total, all in integers.
    a_den, a_num = a_line.denominator, a_line.numerator * total
    b_den, b_num = b_line.denominator, b_line.numerator * total
    before = 0
    for cid in ranked:
        if before * a_den < a_num:
            tiers[cid] = "A"
        elif before * b_den < b_num:
            tiers[cid] = "B"
        else:
            break  # everyone further down stays C
        before += revenue_by_customer[cid]
    return tiers


def value_tiers(
    revenue_by_customer: Mapping[int, int], settings: TieringSettings
) -> dict[int, ValueTier]:
    """Tiers by the method chosen in the settings."""
    if settings.method == "cumulative":
        return tiers_by_cumulative(
            revenue_by_customer, settings.cumulative_a_share, settings.cumulative_b_share
        )
    return tiers_by_share(revenue_by_customer, settings.top_share, settings.middle_share)


def stated_in_effect(customer_source: str | None, book_source: str) -> bool:
    """Whether a customer's stated classification (表1's 客户类型) is its effective tier:
    its own choice (``customers.tier_source``) when set, else the book's setting."""
    return (customer_source or book_source) == "stated"
