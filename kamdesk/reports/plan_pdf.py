"""The account plan (客户经营计划) as a printable PDF.

Layout: a cover page, then numbered sections in the order the method reviews an account
(situation → SWOT → objectives → strategies → actions → people → opportunities → risks →
resources → trends; built in :mod:`kamdesk.reports.plan_pdf_sections`). Every page
after the cover carries the customer and period in the header and "Page N of M" plus
the confidentiality line in the footer. The cover counts as page 1 (unprinted), so the
footer's N and M are the PDF's own page numbers and a viewer's "3 / 4" box agrees with
"Page 3 of 4" on the paper — a footer that skipped the cover said "3 of 4" on the last
page of a four-page file.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    FrameBreak,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    Spacer,
)

from kamdesk import __version__
from kamdesk.reports import labels as L
from kamdesk.reports.cover_pages import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    add_cover_and_body_pages,
    cover_facts_table,
    paint_cover_band,
)
from kamdesk.reports.fonts import (
    INK,
    MUTED,
    NAVY,
    RULE,
    CJKParagraph,
    HeavyParagraph,
    Styles,
    ensure_fonts,
    fit,
    markup,
    printable,
    styles,
)
from kamdesk.reports.layout import (
    PAGE_SIZES,
    DeferredNumberingCanvas,
    PageSizeName,
)
from kamdesk.reports.plan_data import PlanDocument
from kamdesk.reports.plan_pdf_sections import body_story, headline_kpis, kpi_tiles


def render_plan_pdf(
    doc: PlanDocument,
    out: str | Path | BinaryIO,
    pagesize: PageSizeName = "A4",
) -> int:
    """Write the account plan of ``doc`` to ``out`` (a path or a binary file object).

    Returns the number of pages written, cover included.
    """
    font = ensure_fonts()
    lang = L.normalize_lang(doc.lang)
    size = PAGE_SIZES[pagesize]
    target: Any = str(out) if isinstance(out, Path) else out

    template = BaseDocTemplate(
        target,
        pagesize=size,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=printable(f"{L.label('plan_title', lang)} · {doc.customer_name} · {doc.period}"),
        author=printable(doc.owner),
        subject=printable(f"{L.label('plan_title', lang)} {doc.customer_code} {doc.period}"),
        creator=f"KAMDesk {__version__}",
        keywords=[printable(doc.customer_name), doc.customer_code, L.label("plan_title", lang)],
        lang="zh-CN" if lang == "zh_CN" else "en",
        displayDocTitle=True,
        initialFontName=font,
    )
    width = size[0]
    body_frame = add_cover_and_body_pages(template, size,
                                          partial(_paint_cover, doc=doc, lang=lang))

    st = styles()
    story = _cover_story(doc, lang, st, width - 2 * MARGIN_X)
    story += [NextPageTemplate("body"), PageBreak()]
    story += body_story(doc, lang, st, body_frame.width)

    made: list[DeferredNumberingCanvas] = []

    def canvasmaker(*args: Any, **kwargs: Any) -> DeferredNumberingCanvas:
        canv = DeferredNumberingCanvas(*args, decorate=partial(_decorate, doc=doc, lang=lang),
                                       **kwargs)
        made.append(canv)
        return canv

    template.build(story, canvasmaker=canvasmaker)
    return made[-1].page_count


# --------------------------------------------------------------------------- page chrome


def _paint_cover(canv: Canvas, _doc: BaseDocTemplate, *, doc: PlanDocument, lang: str) -> None:
    """The navy band, an accent rule and the confidentiality note; text comes from frames."""
    paint_cover_band(canv, _doc.initialFontName, doc.confidentiality)


def _decorate(canv: Canvas, page: int, total: int, *, doc: PlanDocument, lang: str) -> None:
    """Running header and footer on every page but the cover (page 1, counted, not printed)."""
    if page == 1:
        return
    width, height = canv._pagesize
    font = ensure_fonts()
    canv.saveState()
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    y_head = height - MARGIN_TOP + 8 * mm
    canv.line(MARGIN_X, y_head - 2.5 * mm, width - MARGIN_X, y_head - 2.5 * mm)
    inner = width - 2 * MARGIN_X
    title = L.label("plan_title", lang)
    canv.setFont(font, 8.5)
    canv.setFillColor(NAVY)
    room = inner - canv.stringWidth(title, font, 8.5) - 24
    period = fit(doc.period, 8.5, room / 3)
    name = fit(doc.customer_name, 8.5, room - canv.stringWidth(f"  ·  {period}", font, 8.5))
    canv.drawString(MARGIN_X, y_head, f"{name}  ·  {period}")
    canv.setFillColor(MUTED)
    canv.drawRightString(width - MARGIN_X, y_head, title)

    y_foot = MARGIN_BOTTOM - 9 * mm
    canv.line(MARGIN_X, y_foot + 4 * mm, width - MARGIN_X, y_foot + 4 * mm)
    canv.setFont(font, 8)
    numbering = L.page_of(page, total, lang)
    if doc.confidentiality:
        room = inner - canv.stringWidth(numbering, font, 8) - 24
        canv.drawString(MARGIN_X, y_foot, fit(doc.confidentiality, 8, room))
    canv.setFillColor(INK)
    canv.drawRightString(width - MARGIN_X, y_foot, numbering)
    canv.restoreState()


# --------------------------------------------------------------------------- cover


def _cover_story(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    kicker = L.label("plan_title", lang)
    if lang == "zh_CN":
        kicker += "  ·  KEY ACCOUNT PLAN"
    band: list[Flowable] = [
        CJKParagraph(markup(kicker.upper()), st.cover_kicker),
        Spacer(1, 22 * mm),
        HeavyParagraph(markup(doc.customer_name, 60), st.cover_title),
        Spacer(1, 3 * mm),
        CJKParagraph(markup(f"{doc.customer_code}  ·  {doc.period}"), st.cover_sub),
    ]
    story: list[Flowable] = [KeepInFrame(width, 0, band, mode="shrink"), FrameBreak()]

    sit = doc.situation
    tier = " · ".join(
        x for x in (L.term(sit.value_tier, lang, L.VALUE_TIERS),
                    L.term(sit.activity, lang, L.ACTIVITIES)) if x
    )
    facts = [
        ("period", doc.period),
        ("owner", doc.owner),
        ("generated_on", L.format_date(doc.generated_on, lang, long=True)),
        ("value_tier", tier),
    ]
    details = cover_facts_table([(L.label(k, lang), v) for k, v in facts], width, st)
    story += [Spacer(1, 4 * mm), details, Spacer(1, 10 * mm)]
    story.append(kpi_tiles(headline_kpis(sit, lang, st), width, st, columns=4))
    return story
