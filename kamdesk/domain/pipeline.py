"""The rules of the new-customer pipeline (初步接触 → 方案演示 → 试用体验 → 合同签订).

Which stages are still open, the order a deal advances in, and the win probability a
stage implies. Pure, so the board, the operations and reports agree without SQL or Qt.
"""

from __future__ import annotations

from typing import Final

#: every stage a deal can be in, in board order (the database checks the same list)
STAGES: Final = ("lead", "first_contact", "demo", "trial", "won", "lost")
#: stages of a deal still being worked on
OPEN_STAGES: Final = ("lead", "first_contact", "demo", "trial")
#: the probability a deal takes when it enters a stage
DEFAULT_PROBABILITY: Final = {"lead": 10, "first_contact": 20, "demo": 40, "trial": 60,
                              "won": 100, "lost": 0}


def next_stage(stage: str) -> str | None:
    """The stage a deal advances to, or None when it is closed (won or lost)."""
    order = [*OPEN_STAGES, "won"]
    return order[order.index(stage) + 1] if stage in OPEN_STAGES else None
