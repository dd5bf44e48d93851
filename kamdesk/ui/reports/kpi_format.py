"""How a review KPI's value, change and target read on screen, per unit.

Shared by the tiles, the target dialog and the drill-down list so a rate, a score or an
amount looks the same wherever it shows. Money is integer fen, shown in yuan (short form:
¥1,234 / 12.3万); a value that is None is "no data" and never formatted as 0.
"""

from __future__ import annotations

from kamdesk.domain import vocab
from kamdesk.ui import format as fmt

__all__ = ["change_text", "is_improvement", "target_input_text", "value_text"]


def value_text(unit: str, value: float | None, lang: str) -> str:
    """The figure in its unit; empty for no data."""
    if value is None:
        return ""
    if unit == "percent":
        return f"{value:.1f}%"
    if unit == "percent_change":
        return f"{value:+.1f}%"
    if unit == "score":
        return f"{value:+.0f}" if value else "0"
    if unit == "score_1_5":
        return f"{value:.2f}"
    if unit == "fen":
        return fmt.money(int(value), lang, short=True)
    return f"{int(value):,}"


def change_text(unit: str, change: float | None, lang: str) -> str:
    """The change against the previous period in the KPI's own unit: points for rates
    (``+2.5 pts`` / ``+2.5个百分点``), yuan for money, customers for counts; empty for
    no data."""
    if change is None:
        return ""
    if unit in ("percent", "percent_change"):
        return vocab.pick(lang, f"{change:+.1f} pts", f"{change:+.1f}个百分点")
    if unit == "score":
        return f"{change:+.0f}"
    if unit == "score_1_5":
        return f"{change:+.2f}"
    if unit == "fen":
        sign = "+" if change >= 0 else "−"
        return sign + fmt.money(abs(int(change)), lang, short=True)
    return f"{int(change):+,}"


def is_improvement(better: str, change: float | None) -> bool | None:
    """True when the change goes the good way, False the bad way, None when flat or
    unknown."""
    if not change:
        return None
    return (change > 0) == (better == "higher")


def target_input_text(unit: str, target: float | None) -> str:
    """A stored target as the user types it (money in yuan, no grouping)."""
    if target is None:
        return ""
    if unit == "fen":
        yuan = target / 100
        return f"{yuan:.0f}" if yuan == int(yuan) else f"{yuan:.2f}"
    if unit == "count":
        return str(int(target))
    return f"{target:g}"
