"""The page frame the account plan and the monthly review share: a cover page (a navy
band holding the title, the document's facts below it) and then body pages with room for
a running header and footer.

Both documents are meant to read as one product's, so the margins, the band and the
facts table on the cover are defined once here; what goes into them (titles, facts,
headers, footers) stays with each document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Table

from kamdesk import __version__
from kamdesk.reports.fonts import MUTED, NAVY, RULE, TEAL, CJKParagraph, Styles, fit, markup
from kamdesk.reports.layout import para, table_style

__all__ = ["COVER_BAND", "MARGIN_BOTTOM", "MARGIN_TOP", "MARGIN_X", "add_cover_and_body_pages",
           "cover_facts_table", "paint_cover_band"]

MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm  # room for the running header
MARGIN_BOTTOM = 20 * mm  # room for the footer
COVER_BAND = 0.42  # share of the cover's height taken by the navy band

#: ``onPage(canvas, doc_template)`` of the cover
PaintCover = Callable[[Canvas, BaseDocTemplate], None]


def add_cover_and_body_pages(template: BaseDocTemplate, size: tuple[float, float],
                             paint_cover: PaintCover) -> Frame:
    """Give ``template`` its "cover" page (a frame in the band, one for the details
    below) and its "body" page; returns the body frame (its width is the text width)."""
    width, height = size
    band_top = height * COVER_BAND
    cover_frames = [
        Frame(MARGIN_X, height - band_top + 14 * mm, width - 2 * MARGIN_X, band_top - 30 * mm,
              id="band", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0),
        Frame(MARGIN_X, 26 * mm, width - 2 * MARGIN_X, height - band_top - 40 * mm,
              id="details", leftPadding=0, rightPadding=0),
    ]
    body_frame = Frame(MARGIN_X, MARGIN_BOTTOM, width - 2 * MARGIN_X,
                       height - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                       leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates([
        PageTemplate("cover", cover_frames, onPage=paint_cover),
        PageTemplate("body", [body_frame]),
    ])
    return body_frame


def paint_cover_band(canv: Canvas, font_name: str, note: str | None = None) -> None:
    """The navy band, an accent rule, and at the foot ``note`` (e.g. the plan's
    confidentiality line) and the version; the text comes from the frames."""
    width, height = canv._pagesize
    band = height * COVER_BAND
    canv.saveState()
    canv.setFillColor(NAVY)
    canv.rect(0, height - band, width, band, stroke=0, fill=1)
    canv.setFillColor(TEAL)
    canv.rect(0, height - band - 4, width, 4, stroke=0, fill=1)
    canv.setFont(font_name, 8)
    canv.setFillColor(MUTED)
    if note:
        room = width - 2 * MARGIN_X - 80
        canv.drawString(MARGIN_X, 16 * mm, fit(note, 8, room))
    canv.drawRightString(width - MARGIN_X, 16 * mm, f"KAMDesk {__version__}")
    canv.restoreState()


def cover_facts_table(facts: Sequence[tuple[str, str]], width: float, st: Styles) -> Table:
    """The cover's (label, value) rows under the band, hairline-ruled."""
    rows: list[list[Any]] = [[CJKParagraph(markup(label), st.body_muted), para(v, st.body, 80)]
                             for label, v in facts]
    details = Table(rows, colWidths=[34 * mm, width - 34 * mm], hAlign="LEFT")
    details.setStyle(table_style([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ]))
    return details
