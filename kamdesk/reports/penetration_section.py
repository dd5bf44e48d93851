"""The product penetration grid of the account plan PDF, printed under "Opportunities".

Product lines down the side, what the customer bought of each in the last 12 and 24
months across, and each line's status; lines with no order in 24 months (whitespace)
are shaded, since they are the cross-selling opportunities the section is about, and
named again in a sentence below the grid so they survive a quick read. Kept apart from
:mod:`kamdesk.reports.plan_pdf_sections` so each module stays one concern.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from kamdesk.domain import vocab
from kamdesk.domain.penetration import BUYING, LAPSED, WHITESPACE, PenetrationRow
from kamdesk.reports import labels as L
from kamdesk.reports.fonts import AMBER, AMBER_BG, GREEN, MUTED, TEAL, Styles
from kamdesk.reports.layout import cell, colored, data_table, heading, para
from kamdesk.reports.plan_data import PlanDocument, format_amount, format_pct

__all__ = ["penetration_story"]

NAME_LIMIT = 40
HEADING_ROOM = 40 * mm
NAMES_IN_SENTENCE = 12
_STATUS_INK = {BUYING: GREEN, LAPSED: AMBER, WHITESPACE: TEAL}


def _names(names: tuple[str, ...], lang: str) -> str:
    shown = list(names[:NAMES_IN_SENTENCE])
    text = L.label("list_separator", lang).join(shown)
    if len(names) > len(shown):
        text += " …"
    return text


def _amount(fen: int, orders: int, lang: str) -> str:
    return "—" if not fen and not orders else format_amount(fen, lang)


def _row(r: PenetrationRow, lang: str, st: Styles, status: str | None = None) -> list[Any]:
    ink = _STATUS_INK.get(r.status) if status is None else MUTED
    word = status if status is not None else vocab.label("product_status", r.status, lang)
    return [
        cell(r.product_line, st.cell, NAME_LIMIT),
        cell(_amount(r.amount_12m_cents, r.orders_12m, lang), st.cell_right),
        cell(str(r.orders_12m), st.cell_right),
        cell(_amount(r.amount_24m_cents, r.orders_24m, lang), st.cell_right),
        cell(str(r.orders_24m), st.cell_right),
        colored(word, ink, st.cell),
    ]


def penetration_story(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    """The sub-section: heading, grid and the sentences naming the opportunities; nothing
    when the document carries no penetration (built without the orders book)."""
    pen = doc.penetration
    if pen is None:
        return []
    # The heading asks for room for itself, the grid's header and a few lines.
    out: list[Flowable] = [CondPageBreak(HEADING_ROOM),
                           heading(L.label("penetration", lang), st.h2)]
    if not pen.rows and not pen.off_list:
        out.append(para(L.label("penetration_no_lines", lang), st.body_muted))
        return out
    header = [L.label(k, lang) for k in ("product_line", "amount_12m", "orders_12m",
                                         "amount_24m", "orders_24m", "product_status")]
    rows = [_row(r, lang, st) for r in pen.rows]
    shade = [("BACKGROUND", (0, i), (-1, i), AMBER_BG)
             for i, r in enumerate(pen.rows, start=1) if r.status == WHITESPACE]
    off = L.label("off_list", lang)
    rows += [_row(r, lang, st, status=off) for r in pen.off_list]
    out.append(data_table(header, rows, [2.6, 1.6, 0.8, 1.6, 0.8, 2.6], width, st, shade))
    out.append(Spacer(1, 2 * mm))
    if pen.rows:
        out.append(para(L.label("penetration_summary", lang).format(
            bought=pen.bought_12m, lines=pen.lines, pct=format_pct(pen.penetration_pct)),
            st.body))
    if pen.opportunities:
        out.append(para(L.label("penetration_whitespace", lang).format(
            names=_names(pen.opportunities, lang)), st.body))
    if pen.lapsed:
        out.append(para(L.label("penetration_lapsed", lang).format(
            names=_names(pen.lapsed, lang)), st.body))
    if doc.product_lines_from_book:
        out.append(para(L.label("penetration_from_book", lang), st.small))
    return out
