"""RFM scores (最近一次消费 Recency, 消费频率 Frequency, 消费金额 Monetary) and segments.

Scores are quintiles over the customers that have traded at least once (the others have
nothing to score and get 0 / no segment). Segments follow the widely published R × F
segment map (champions, loyal, … hibernating), with two changes that suit key accounts:
the second axis is FM — the mean of F and M rounded half up — because in B2B a few large
orders matter as much as many small ones, and the map's bottom-left corner is split so
the longest-gone of the hibernating customers are called lost.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import accumulate
from typing import Any, Final, Protocol, TypeVar

from kamdesk.domain import vocab
from kamdesk.domain.tiering_settings import Lang

__all__ = [
    "SEGMENTS",
    "RfmScore",
    "quintile_scores",
    "rfm_scores",
    "segment_for",
    "segment_label",
    "segments_for",
]


class _Ordered(Hashable, Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


_V = TypeVar("_V", bound=_Ordered)


def quintile_scores(values: Sequence[_V]) -> list[int]:
    """A 1–5 score per value, by its mid-rank percentile among ``values``.

    score = 1 + floor(5 × (lower + equal / 2) / n), where ``lower`` counts values strictly
    below and ``equal`` values equal to it (itself included). Equal values therefore
    always share a score, and the result does not depend on input order. The mid-rank is
    used instead of ``lower / n`` so a value that everybody shares — one order each, or a
    base of a single customer — sits in the middle (3) rather than at the bottom (1),
    which would brand a lone, just-served customer as "lost". For distinct values it
    gives exact quintiles: of 10 values, two each score 1, 2, 3, 4 and 5.
    """
    n = len(values)
    if n == 0:
        return []
    counts = Counter(values)
    distinct = sorted(counts)
    equal = list(map(counts.__getitem__, distinct))
    below = accumulate(equal, initial=0)  # values strictly below each distinct value
    two_n = 2 * n
    # lower + equal <= n, so the quotient is at most 4 and the score at most 5. Written
    # as one comprehension because a revenue column is ~all distinct values.
    score_of = dict(zip(
        distinct, [1 + 5 * (2 * lower + eq) // two_n
                   # ``below`` has one more item (the running total after the last)
                   for lower, eq in zip(below, equal, strict=False)],
        strict=True,
    ))
    return list(map(score_of.__getitem__, values))


@dataclass(frozen=True, slots=True)
class RfmScore:
    r: int
    f: int
    m: int


def rfm_scores(
    last_trades: Sequence[date], frequencies: Sequence[int], monetaries: Sequence[int]
) -> list[RfmScore]:
    """Scores for parallel sequences describing the traded customers only.

    A later last trade scores a higher R (dates order oldest first, so the quintile of
    the date itself is already "more recent = higher").
    """
    if not len(last_trades) == len(frequencies) == len(monetaries):
        raise ValueError("last_trades, frequencies and monetaries must have the same length")
    return [
        RfmScore(r, f, m)
        for r, f, m in zip(
            quintile_scores(last_trades), quintile_scores(frequencies),
            quintile_scores(monetaries), strict=True,
        )
    ]


# The segment keys (stored in customer_metrics.segment); their words are in the vocabulary.
SEGMENTS: Final[tuple[str, ...]] = (
    "champions", "loyal", "potential_loyalist", "new", "promising", "need_attention",
    "about_to_sleep", "at_risk", "cant_lose", "hibernating", "lost",
)

# Rows are R = 5 … 1, columns FM = 1 … 5. Every cell is named, so every score has
# exactly one segment and no rule order can shadow another.
_GRID: Final[tuple[tuple[str, ...], ...]] = (
    ("new", "potential_loyalist", "potential_loyalist", "champions", "champions"),
    ("promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"),
    ("about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"),
    ("hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"),
    ("lost", "lost", "at_risk", "at_risk", "cant_lose"),
)


def segment_for(r: int, f: int, m: int) -> str:
    """The segment key for scores in 1..5 (FM = (F + M) / 2 rounded half up)."""
    if not (1 <= r <= 5 and 1 <= f <= 5 and 1 <= m <= 5):
        raise ValueError(f"RFM scores must be 1..5, got {(r, f, m)}")
    return _GRID[5 - r][(f + m + 1) // 2 - 1]


# All 125 score triples, indexed 25·r + 5·f + m − 31, for the bulk path below.
_BY_INDEX: Final[tuple[str, ...]] = tuple(
    segment_for(r, f, m) for r in range(1, 6) for f in range(1, 6) for m in range(1, 6)
)


def segments_for(
    r_scores: Sequence[int], f_scores: Sequence[int], m_scores: Sequence[int]
) -> list[str]:
    """:func:`segment_for` over parallel score lists (scores must be 1..5), for the
    bulk recompute: one table lookup per customer instead of a checked call."""
    return [_BY_INDEX[25 * r + 5 * f + m - 31]
            for r, f, m in zip(r_scores, f_scores, m_scores, strict=True)]


def segment_label(key: str, lang: Lang) -> str:
    """The segment's word (重要价值客户 …) from the one vocabulary."""
    return vocab.label("rfm_segment", key, lang)
