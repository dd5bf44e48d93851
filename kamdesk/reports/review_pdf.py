"""The monthly review (月度复盘) as a printable PDF, in the account plan's look.

A cover (navy band: the review's name and period; the review day and the period it is
compared with; four headline tiles), then the numbered sections of
:mod:`kamdesk.reports.review_pdf_sections`. Pages after the cover carry the title and
period in the header and "Page N of M" in the footer, M counted in the same pass
(:class:`~kamdesk.reports.layout.DeferredNumberingCanvas`), the cover not counted — as
in the plan. :func:`render_review_pdf` is the one entry point the Reports screen and
``kamdesk kpis --pdf`` call; it writes next to the target and renames, so a failed
render never leaves a half-written or empty file behind.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

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
from sqlalchemy import Connection

from kamdesk import __version__
from kamdesk.domain.review_periods import Period
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
    GREEN,
    INK,
    MUTED,
    NAVY,
    RED,
    RULE,
    CJKParagraph,
    HeavyParagraph,
    Styles,
    ensure_fonts,
    fit,
    markup,
    styles,
)
from kamdesk.reports.layout import PAGE_SIZES, DeferredNumberingCanvas
from kamdesk.reports.plan_pdf_sections import kpi_tiles
from kamdesk.reports.review_data import ReviewDocument, off_target, review_document
from kamdesk.reports.review_labels import word
from kamdesk.reports.review_pdf_sections import action_lines, body_story

__all__ = ["render_review_pdf", "write_review_pdf", "review_title"]


def review_title(period: Period, lang: str) -> str:
    """月度复盘 / 季度复盘 / 年度复盘 (Monthly / Quarterly / Annual Review)."""
    key = {"month": "title", "quarter": "title_quarter", "year": "title_year"}[period.kind]
    return word(key, lang)


def render_review_pdf(conn: Connection, period: Period, as_of: date, lang: str,
                      out_path: Path) -> Path:
    """Read the review of ``period`` as lived on ``as_of`` and write it to ``out_path``
    in ``lang`` (``en`` or ``zh_CN``). Returns ``out_path``. Written to a temporary file
    in the same folder and renamed over the target, so readers never see a partial
    file and an error leaves nothing behind."""
    doc = review_document(conn, period, as_of, L.normalize_lang(lang))
    out_path = Path(out_path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".tmp",
                                    dir=out_path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            write_review_pdf(doc, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, out_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return out_path


def write_review_pdf(doc: ReviewDocument, out: Any) -> int:
    """Lay out ``doc`` into ``out`` (a path string or binary file); the page count."""
    font = ensure_fonts()
    lang = doc.lang
    size = PAGE_SIZES["A4"]
    title = review_title(doc.period, lang)
    period_label = doc.period.label(lang)
    template = BaseDocTemplate(
        out, pagesize=size, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"{title} · {period_label}",
        subject=f"{title} {doc.period.code}", creator=f"KAMDesk {__version__}",
        lang="zh-CN" if lang == "zh_CN" else "en", displayDocTitle=True,
        initialFontName=font)
    width = size[0]
    body_frame = add_cover_and_body_pages(template, size, _paint_cover)
    st = styles()
    story = _cover_story(doc, title, st, width - 2 * MARGIN_X)
    story += [NextPageTemplate("body"), PageBreak()]
    story += body_story(doc, st, body_frame.width)

    made: list[DeferredNumberingCanvas] = []

    def canvasmaker(*args: Any, **kwargs: Any) -> DeferredNumberingCanvas:
        canv = DeferredNumberingCanvas(
            *args, decorate=partial(_decorate, title=title, period=period_label, lang=lang),
            **kwargs)
        made.append(canv)
        return canv

    template.build(story, canvasmaker=canvasmaker)
    return made[-1].page_count


def _paint_cover(canv: Canvas, doc_template: BaseDocTemplate) -> None:
    paint_cover_band(canv, doc_template.initialFontName)


def _decorate(canv: Canvas, page: int, total: int, *, title: str, period: str,
              lang: str) -> None:
    """Header and footer on every page but the cover; page labels match the footer."""
    if page == 1:
        canv.addPageLabel(0, prefix=L.label("cover_label", lang))
        if total > 1:
            canv.addPageLabel(1, style="D", start=1)
        return
    width, height = canv._pagesize
    font = ensure_fonts()
    canv.saveState()
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    y_head = height - MARGIN_TOP + 8 * mm
    canv.line(MARGIN_X, y_head - 2.5 * mm, width - MARGIN_X, y_head - 2.5 * mm)
    canv.setFont(font, 8.5)
    canv.setFillColor(NAVY)
    canv.drawString(MARGIN_X, y_head, fit(period, 8.5, (width - 2 * MARGIN_X) / 2))
    canv.setFillColor(MUTED)
    canv.drawRightString(width - MARGIN_X, y_head, title)
    y_foot = MARGIN_BOTTOM - 9 * mm
    canv.line(MARGIN_X, y_foot + 4 * mm, width - MARGIN_X, y_foot + 4 * mm)
    canv.setFont(font, 8)
    canv.drawString(MARGIN_X, y_foot, f"KAMDesk {__version__}")
    canv.setFillColor(INK)
    canv.drawRightString(width - MARGIN_X, y_foot, L.page_of(page - 1, total - 1, lang))
    canv.restoreState()


def _tile(value: str, caption: str, st: Styles, colour: Any = None) -> list[Flowable]:
    body = markup(value)
    if colour is not None:
        body = f'<font color="{colour.hexval()}">{body}</font>'
    return [HeavyParagraph(body, st.kpi_value), CJKParagraph(markup(caption), st.kpi_label)]


def _cover_story(doc: ReviewDocument, title: str, st: Styles, width: float) -> list[Flowable]:
    lang = doc.lang
    kicker = title + word("kicker_zh", lang)
    band: list[Flowable] = [
        CJKParagraph(markup(kicker.upper()), st.cover_kicker),
        Spacer(1, 22 * mm),
        HeavyParagraph(markup(doc.period.label(lang)), st.cover_title),
        Spacer(1, 3 * mm),
        CJKParagraph(markup(f"{doc.period.code}  ·  {doc.period.start.isoformat()} – "
                            f"{doc.period.end.isoformat()}"), st.cover_sub),
    ]
    story: list[Flowable] = [KeepInFrame(width, 0, band, mode="shrink"), FrameBreak()]
    facts = [
        ("period", f"{doc.period.label(lang)} ({doc.period.code})"),
        ("compared_with", doc.review.previous_period.label(lang)),
        ("as_of", L.format_date(doc.as_of, lang, long=True)),
    ]
    details = cover_facts_table([(word(k, lang), v) for k, v in facts], width, st)
    with_target = [f for f in doc.review.figures if f.on_target is not None]
    missed = len(off_target(doc.review))
    on = f"{len(with_target) - missed} / {len(with_target)}" if with_target else "—"
    down = doc.tiers.moved_down_total
    tiles = [
        _tile(on, word("cover_on_target", lang), st,
              (RED if missed else GREEN) if with_target else None),
        _tile(str(len(doc.complaints)), word("cover_complaints", lang), st),
        _tile(str(down), word("cover_moved_down", lang), st, RED if down else None),
        _tile(str(len(action_lines(doc))), word("cover_actions", lang), st),
    ]
    story += [Spacer(1, 4 * mm), details, Spacer(1, 10 * mm), kpi_tiles(tiles, width, st, 4)]
    return story
