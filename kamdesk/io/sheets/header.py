"""Finding the header in a sheet as people make them: title rows above it, headers in
two rows, merged group headers.

* The header row is the row (among the first :data:`SCAN_ROWS`) whose cells name the
  most known column meanings (:mod:`kamdesk.io.sheets.columns`); rows above it are
  titles ("2024年客户清单", "制表人：…") and are skipped. Without any known heading,
  the first row with two or more non-empty cells is the header.
* A group row above it (``联系方式`` merged over ``手机 | 邮箱``) and a sub-header row
  below it (``联系方式`` with a blank beside it, then ``手机 | 邮箱`` underneath) are
  joined into one name per column: ``联系方式/手机``, ``联系方式/邮箱``. XLSX merged
  ranges are filled across their columns first; in a CSV a blank group cell belongs
  to the group on its left. No column is ever dropped: every column of the widest
  header row keeps its own name (the bug in #13 lost every phone number here).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from kamdesk.io.sheets.columns import KIND_COLUMNS, HeaderName, header_name, meaning_of

__all__ = ["SCAN_ROWS", "HeaderFound", "Merge", "find_header"]

SCAN_ROWS = 30

#: a merged range, 0-based and inclusive: (first row, first col, last row, last col)
Merge = tuple[int, int, int, int]


@dataclass(frozen=True)
class HeaderFound:
    first: int                 # 0-based index of the first header row
    last: int                  # 0-based index of the last header row (== first: one row)
    names: list[HeaderName]    # one per column

    @property
    def data_start(self) -> int:
        return self.last + 1


def _text(cell: object) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _is_label(cell: object) -> bool:
    """A cell that could be a heading: text that is not a number or a date."""
    if cell is None or isinstance(cell, (int, float, date, datetime)):
        return False
    t = str(cell).strip()
    if not t:
        return False
    return not t.replace(".", "", 1).replace(",", "").replace("-", "", 1).isdigit()


def _score(row: Sequence[object]) -> int:
    """The most meanings of one kind this row's cells name."""
    names = [header_name(c) for c in row if _is_label(c)]
    best = 0
    for spec in KIND_COLUMNS.values():
        best = max(best, len({m[0] for n in names if (m := meaning_of(n, spec))}))
    return best


def _filled(rows: list[list[object]], merges: Sequence[Merge], first: int, last: int,
            width: int) -> list[list[str]]:
    """The header rows as text, merged ranges copied into every cell they cover."""
    grid = [[_text(rows[r][c]) if c < len(rows[r]) else "" for c in range(width)]
            for r in range(first, last + 1)]
    for r0, c0, r1, c1 in merges:
        if r1 < first or r0 > last or not (0 <= r0 < len(rows)):
            continue
        value = _text(rows[r0][c0]) if c0 < len(rows[r0]) else ""
        for r in range(max(r0, first), min(r1, last) + 1):
            for c in range(c0, min(c1, width - 1) + 1):
                grid[r - first][c] = value
    return grid


def _spans(merges: Sequence[Merge], row: int) -> bool:
    """Whether a merged range spreads over several columns in ``row``."""
    return any(r0 <= row <= r1 and c1 > c0 for r0, c0, r1, c1 in merges)


def _sub_header_below(rows: list[list[object]], h: int, merges: Sequence[Merge]) -> bool:
    if h + 1 >= len(rows):
        return False
    upper, lower = rows[h], rows[h + 1]
    filled = [c for c in lower if _text(c)]
    if not filled or not all(_is_label(c) for c in filled):
        return False
    if _spans(merges, h) and not _spans(merges, h + 1):
        return True
    width = max(len(upper), len(lower))
    cell = lambda row, i: _text(row[i]) if i < len(row) else ""  # noqa: E731
    fills_a_gap = any(not cell(upper, i) and cell(lower, i) for i in range(width))
    upper_cols = [i for i in range(width) if cell(upper, i)]
    blank_under = sum(1 for i in upper_cols if not cell(lower, i))
    return fills_a_gap and blank_under * 2 >= len(upper_cols)


def _group_row_above(rows: list[list[object]], h: int, merges: Sequence[Merge],
                     scores: list[int]) -> bool:
    if h == 0:
        return False
    above = rows[h - 1]
    filled = [(i, c) for i, c in enumerate(above) if _text(c)]
    if not filled or not all(_is_label(c) for _i, c in filled) or scores[h - 1] >= scores[h]:
        return False
    below = [i for i, c in enumerate(rows[h]) if _text(c)]
    if len(filled) == 1 and below and any(
            r0 <= h - 1 <= r1 and c0 <= below[0] and c1 >= below[-1]
            for r0, c0, r1, c1 in merges):
        return False  # one text merged over the whole header: a title, not a group
    if _spans(merges, h - 1):
        return True
    below_filled = sum(1 for c in rows[h] if _text(c))
    return any(i > 0 for i, _c in filled) and len(filled) < below_filled


def _join(grid: list[list[str]]) -> list[HeaderName]:
    """One name per column from 1 or 2 header rows (top first)."""
    if len(grid) == 1:
        return [header_name(t) for t in grid[0]]
    top, bottom = grid[0][:], grid[1]
    # A blank group cell belongs to the group on its left (a CSV's merged header).
    for i in range(1, len(top)):
        if not top[i] and bottom[i] and top[i - 1] and bottom[i - 1]:
            top[i] = top[i - 1]
    names = []
    for upper, lower in zip(top, bottom, strict=True):
        parts = tuple(dict.fromkeys(p for p in (upper, lower) if p))
        names.append(header_name("/".join(parts), parts))
    return names


def find_header(rows: list[list[object]], merges: Sequence[Merge] = ()) -> HeaderFound:
    """The header of a sheet given its first rows (all rows are fine; only the first
    :data:`SCAN_ROWS` are looked at) and, for XLSX, its merged ranges."""
    scan = rows[:SCAN_ROWS]
    if not scan:
        return HeaderFound(0, 0, [])
    scores = [_score(r) for r in scan]
    best = max(scores)
    if best > 0:
        h = scores.index(best)
    else:
        h = next((i for i, r in enumerate(scan) if sum(1 for c in r if _text(c)) >= 2), 0)
    first, last = h, h
    if _group_row_above(scan, h, merges, scores):
        first = h - 1
    elif _sub_header_below(scan, h, merges):
        last = h + 1
    width = max(len(rows[r]) for r in range(first, last + 1))
    grid = _filled(rows, merges, first, last, width)
    names = _join(grid)
    # Trailing columns without a heading and without data stay out of the header.
    while names and not names[-1].text and len(names) > 1:
        names.pop()
    return HeaderFound(first, last, names)
