"""The arithmetic of a small trend chart, shared by the screen widget (QPainter) and the
PDF drawing (reportlab): which periods to show, where the value axis starts and ends,
which points join into a line (a period without data is a gap, never a zero), which axis
labels fit, and short label text for a small tile.

Pure: no Qt, no reportlab, so both renderers draw the same picture of the same numbers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

#: a trend shows the last this-many periods
TREND_PERIODS = 12

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-([QH]\d)$")
_YEAR = re.compile(r"^(\d{4})$")


def last_periods(labels: Sequence[str], values: Sequence[float | None],
                 count: int = TREND_PERIODS) -> tuple[list[str], list[float | None]]:
    """The newest ``count`` periods (labels and values are oldest first, equally long)."""
    if len(labels) != len(values):
        raise ValueError("labels and values differ in length")
    return list(labels)[-count:], list(values)[-count:]


def _nice_step(span: float) -> float:
    """1, 2, 2.5 or 5 × 10^k: about four steps over the span."""
    raw = span / 4
    exp = 10.0 ** math.floor(math.log10(raw))
    for mult in (1, 2, 2.5, 5, 10):
        if raw <= mult * exp:
            return mult * exp
    return 10 * exp


def value_range(values: Sequence[float | None], target: float | None = None,
                include_zero: bool = False) -> tuple[float, float]:
    """Bottom and top of the value axis, on round numbers, holding every value and the
    target (and zero, for bars). With no values at all: 0..1."""
    known = [v for v in values if v is not None]
    if target is not None:
        known.append(target)
    if include_zero:
        known.append(0.0)
    if not known:
        return 0.0, 1.0
    lo, hi = min(known), max(known)
    if lo == hi:
        pad = abs(lo) * 0.1 or 1.0
        lo, hi = lo - pad, hi + pad
    step = _nice_step(hi - lo)
    bottom = math.floor(lo / step) * step
    top = math.ceil(hi / step) * step
    if min(known) >= 0 > bottom:  # padding never invents negative values
        bottom = 0.0
    return bottom, top


def runs(values: Sequence[float | None]) -> list[list[int]]:
    """Indexes of the points that join into one line: a period without data (None)
    breaks the line, so a gap reads as "no data", not as a fall to zero."""
    out: list[list[int]] = []
    current: list[int] = []
    for i, v in enumerate(values):
        if v is None:
            if current:
                out.append(current)
            current = []
        else:
            current.append(i)
    if current:
        out.append(current)
    return out


def short_period(label: str, with_year: bool = False) -> str:
    """Axis text for a small tile: ``2026-11`` → ``11`` (``26-11`` with the year),
    ``2026-Q4`` → ``Q4`` (``26Q4``), ``2026`` → ``2026``; anything else unchanged."""
    m = _MONTH.match(label)
    if m:
        return f"{m.group(1)[2:]}-{m.group(2)}" if with_year else m.group(2)
    m = _QUARTER.match(label)
    if m:
        return f"{m.group(1)[2:]}{m.group(2)}" if with_year else m.group(2)
    return label


def axis_labels(labels: Sequence[str]) -> list[str]:
    """Short labels for every period; the year shows on the first and where it changes."""
    out = []
    year = None
    for label in labels:
        this_year = label[:4] if label[:4].isdigit() else None
        out.append(short_period(label, with_year=this_year is not None and this_year != year))
        year = this_year
    return out


def label_step(count: int, room: float, label_width: float) -> int:
    """Label every k-th period so that labels of ``label_width`` never collide in
    ``room`` (both in the same unit)."""
    if count <= 1 or label_width <= 0:
        return 1
    fits = max(1, int(room // (label_width * 1.3)))
    return max(1, math.ceil(count / fits))


def compact_number(value: float) -> str:
    """A number short enough for an axis: 1234 → 1.2k, 2500000 → 2.5M, 0.5 → 0.5."""
    size = abs(value)
    for limit, suffix in ((1e9, "G"), (1e6, "M"), (1e3, "k")):
        if size >= limit:
            text = f"{value / limit:.1f}".rstrip("0").rstrip(".")
            return text + suffix
    if size >= 10 or value == int(value):
        return f"{value:.0f}"
    return f"{value:.1f}" if size >= 1 else f"{value:.2f}".rstrip("0")


def change(values: Sequence[float | None]) -> tuple[float, float] | None:
    """First and last known values (for a summary such as "from 40 to 52"); None with
    fewer than two."""
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return None
    return known[0], known[-1]
