"""Building blocks shared by the plan and the brief: tables, lists, colour rules, and the
canvas that knows the page total.

One table look for every report (navy header row, hairline rules, zebra rows, no
vertical lines) keeps the printed documents recognisably one product's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Literal, TypeAlias

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from kamdesk.reports.fonts import (
    AMBER,
    GREEN,
    NAVY,
    RED,
    RULE,
    ZEBRA,
    CJKParagraph,
    HeavyParagraph,
    Styles,
    ensure_fonts,
    markup,
)
from kamdesk.reports.labels import LEVELS, STATUSES, canonical

# A single table cell taller than a page makes reportlab raise LayoutError, so free text
# in cells is capped; a plan's cell is a headline, the details live in KAMDesk.
CELL_LIMIT = 280

PageSizeName = Literal["A4", "Letter"]
PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "Letter": letter}

Cell: TypeAlias = "Flowable | str | list[Flowable]"
PageDecorator = Callable[[Canvas, int, int], None]


def heading(text: str, style: ParagraphStyle) -> CJKParagraph:
    return HeavyParagraph(markup(text), style)


def para(text: str, style: ParagraphStyle, limit: int | None = None) -> CJKParagraph:
    return CJKParagraph(markup(text, limit), style)


def cell(text: str, style: ParagraphStyle, limit: int = CELL_LIMIT) -> CJKParagraph:
    return CJKParagraph(markup(text, limit), style)


def colored(text: str, color: colors.Color | None, style: ParagraphStyle) -> CJKParagraph:
    """A cell whose text carries a colour (status, level); plain when ``color`` is None."""
    body = markup(text, CELL_LIMIT)
    if color is not None:
        body = f'<font color="{color.hexval()}">{body}</font>'
    return CJKParagraph(body, style)


def bullets(
    items: Iterable[str],
    style: ParagraphStyle,
    numbered: bool = False,
    limit: int | None = None,
) -> list[Flowable]:
    out: list[Flowable] = []
    for i, item in enumerate(items, start=1):
        text = markup(item, limit)
        if not text:
            continue
        out.append(CJKParagraph(text, style, bulletText=f"{i}." if numbered else "•"))
    return out


def status_color(value: str) -> colors.Color | None:
    """Green for done/on track, amber for at risk, red for late or blocked."""
    code = canonical(value, STATUSES)
    if code in ("done", "achieved", "on_track"):
        return GREEN
    if code == "at_risk":
        return AMBER
    if code in ("overdue", "off_track", "blocked"):
        return RED
    return None


def level_color(value: str) -> colors.Color | None:
    """Risk levels: high is red, medium amber, low green."""
    code = canonical(value, LEVELS)
    return {"high": RED, "medium": AMBER, "low": GREEN}.get(code or "")


def table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    """A TableStyle that also sets the embedded font: reportlab draws even an empty cell
    with its default Helvetica, which would add a non-embedded font to the PDF."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), ensure_fonts()), *commands])


PAD_X = 5.0
PAD_TOP = 3.5
PAD_BOTTOM = 4.0


class DataTable(Table):
    """A Table that knows how tall its header plus first row will be, so a section
    heading can ask for that much room instead of being stranded at a page foot."""

    lead_height: float = 0.0


def _row_height(row: Sequence[Cell], widths: Sequence[float]) -> float:
    tallest = 0.0
    for value, width in zip(row, widths, strict=True):
        parts = value if isinstance(value, list) else [value]
        height = sum(p.wrap(width - 2 * PAD_X, 1e6)[1] for p in parts if isinstance(p, Flowable))
        tallest = max(tallest, height)
    return tallest + PAD_TOP + PAD_BOTTOM


def data_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    col_fractions: Sequence[float],
    width: float,
    st: Styles,
    extra: Sequence[tuple[Any, ...]] = (),
    zebra: bool = True,
) -> DataTable:
    """A full-width table whose header row repeats on every page it spans."""
    total = sum(col_fractions)
    widths = [width * f / total for f in col_fractions]
    data: list[list[Cell]] = [[CJKParagraph(markup(h), st.cell_head) for h in header]]
    for row in rows:
        data.append([cell(c, st.cell) if isinstance(c, str) else c for c in row])
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_TOP),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_BOTTOM),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]))
    commands.extend(extra)
    table = DataTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(commands))
    table.lead_height = sum(_row_height(r, widths) for r in data[:2])
    return table


class DeferredNumberingCanvas(Canvas):
    """A canvas that holds each finished page until :meth:`save`, so the footer can say
    "Page N of M" with the real M in a single layout pass.

    Re-running the whole layout to learn M would double the render time; holding the
    page states costs only their content streams, which are written out anyway.
    ``decorate(canvas, page_number, page_count)`` draws headers and footers on top.
    """

    def __init__(self, *args: Any, decorate: PageDecorator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held_pages: list[dict[str, Any]] = []
        self._decorate = decorate

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for state in self._held_pages:
            self.__dict__.update(state)
            self._decorate(self, self._pageNumber, total)
            super().showPage()
        super().save()

    @property
    def page_count(self) -> int:
        return len(self._held_pages)
