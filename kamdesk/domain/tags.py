"""Tag rules without SQL or Qt: what a tag name and a colour code may be, and the calm
palette new tags are offered from (no alarm red: red means overdue or danger here)."""

from __future__ import annotations

import re

#: the longest tag name accepted (matches the column)
TAG_NAME_MAX = 40

#: colours offered for tags: muted, distinguishable, readable on light and dark rows
TAG_PALETTE = ("#2e7d6b", "#5c6bc0", "#8d6e63", "#00838f", "#7e57c2", "#558b2f",
               "#6d4c41", "#3f51b5", "#ad7a1f", "#546e7a")

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def clean_tag_name(name: object) -> str:
    """The name as stored (spaces trimmed, inner runs of spaces made one); '' when blank."""
    return " ".join(str(name or "").split())


def tag_name_problem(name: str) -> str | None:
    """The validation code for a cleaned name, or None when it is fine."""
    if not name:
        return "required"
    if len(name) > TAG_NAME_MAX:
        return "too_long"
    return None


def clean_colour(colour: object) -> str | None:
    """``#rrggbb`` in lower case, or None when ``colour`` is not such a code."""
    text = str(colour or "").strip()
    return text.lower() if _COLOUR.fullmatch(text) else None


def next_colour(used: list[str]) -> str:
    """The first palette colour not yet used (round again when all are)."""
    taken = {c.lower() for c in used}
    for colour in TAG_PALETTE:
        if colour not in taken:
            return colour
    return TAG_PALETTE[len(used) % len(TAG_PALETTE)]
