"""The one-page pre-visit brief (拜访简报): what a salesperson reads in the car park.

One page is a promise, not a target: everything is capped (people, rows, characters)
so a normal account fits at full size, and the body sits in a shrink-to-fit frame so
an extreme one still prints on one page, just smaller. What to *say* comes first
(talking points, key dates), then who is in the room, what happened last time, and
what we still owe the customer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    PageTemplate,
    Spacer,
    Table,
)

from kamdesk import __version__
from kamdesk.reports import labels as L
from kamdesk.reports.fonts import (
    AMBER,
    AMBER_BG,
    MUTED,
    NAVY,
    RED,
    RED_BG,
    RULE,
    TEAL,
    TINT,
    CJKParagraph,
    HeavyParagraph,
    Styles,
    clip,
    ensure_fonts,
    fit,
    markup,
    printable,
    styles,
)
from kamdesk.reports.layout import (
    PAGE_SIZES,
    Cell,
    PageSizeName,
    bullets,
    cell,
    colored,
    data_table,
    heading,
    table_style,
)
from kamdesk.reports.plan_data import BriefDocument

MARGIN = 14 * mm
BAND = 30 * mm
SCALE = 0.92  # denser than the plan; still readable at arm's length


@dataclass(frozen=True)
class _Caps:
    """How much of each list, and how many characters of each field, get printed."""

    people: int
    person_field: int
    interactions: int
    interaction_field: int
    promises: int
    complaints: int
    dates: int
    points: int
    item: int


# Tried in order until the body fits at full size; a normal account fits the first.
# Cutting text beats shrinking it: 7 pt type is hard to read in a parked car.
_CAPS = (
    _Caps(5, 46, 3, 56, 4, 3, 4, 6, 90),
    _Caps(4, 34, 3, 40, 3, 2, 3, 5, 64),
    _Caps(3, 24, 3, 28, 2, 2, 3, 4, 44),
)


def render_brief_pdf(
    doc: BriefDocument,
    out: str | Path | BinaryIO,
    pagesize: PageSizeName = "A4",
) -> int:
    """Write the one-page brief of ``doc`` to ``out``; returns the page count (always 1)."""
    font = ensure_fonts()
    lang = L.normalize_lang(doc.lang)
    size = PAGE_SIZES[pagesize]
    width, height = size
    target: Any = str(out) if isinstance(out, Path) else out
    title = L.label("brief_title", lang)

    template = BaseDocTemplate(
        target,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=printable(f"{title} · {doc.customer_name}"),
        subject=printable(f"{title} {doc.customer_code} {L.format_date(doc.generated_on, lang)}"),
        author="KAMDesk",
        creator=f"KAMDesk {__version__}",
        keywords=[printable(doc.customer_name), doc.customer_code, title],
        lang="zh-CN" if lang == "zh_CN" else "en",
        displayDocTitle=True,
        initialFontName=font,
    )
    inner = width - 2 * MARGIN
    band = Frame(MARGIN, height - BAND + 4 * mm, inner, BAND - 8 * mm, id="band",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    body_h = height - BAND - 6 * mm - (MARGIN + 6 * mm)
    body = Frame(MARGIN, MARGIN + 6 * mm, inner, body_h, id="body",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    template.addPageTemplates(
        [PageTemplate("brief", [band, body], onPage=lambda c, d: _paint(c, doc, lang))]
    )

    st = styles(SCALE)
    for caps in _CAPS:
        content = _body(doc, lang, st, inner, caps)
        if _height(content, inner) <= body_h:
            break
    story: list[Flowable] = [
        KeepInFrame(inner, band.height, _band(doc, lang, st), mode="shrink"),
        FrameBreak(),
        # Last resort for what even the tightest caps cannot fit: scale down, stay on 1 page.
        KeepInFrame(inner, body_h, content, mode="shrink"),
    ]
    template.build(story)
    return int(template.page)


def _height(flowables: list[Flowable], width: float) -> float:
    total = 0.0
    for f in flowables:
        total += f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def _paint(canv: Canvas, doc: BriefDocument, lang: str) -> None:
    width, height = canv._pagesize
    canv.saveState()
    canv.setFillColor(NAVY)
    canv.rect(0, height - BAND, width, BAND, stroke=0, fill=1)
    canv.setFillColor(TEAL)
    canv.rect(0, height - BAND - 3, width, 3, stroke=0, fill=1)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(MARGIN, MARGIN + 3.5 * mm, width - MARGIN, MARGIN + 3.5 * mm)
    canv.setFont(ensure_fonts(), 7.5)
    canv.setFillColor(MUTED)
    canv.drawString(MARGIN, MARGIN, f"{L.label('generated_on', lang)} "
                    f"{L.format_date(doc.generated_on, lang)}  ·  KAMDesk {__version__}")
    canv.drawRightString(width - MARGIN, MARGIN, fit(doc.customer_code, 7.5, 120))
    canv.restoreState()


def _band(doc: BriefDocument, lang: str, st: Styles) -> list[Flowable]:
    kicker = L.label("brief_title", lang)
    if lang == "zh_CN":
        kicker += "  ·  PRE-VISIT BRIEF"
    meta = "  ·  ".join(x for x in (
        doc.customer_code,
        doc.tier_label,
        L.format_date(doc.generated_on, lang, long=True),
    ) if x)
    title_style = st.cover_title.clone("brief_title", fontSize=20, leading=25)
    return [
        CJKParagraph(markup(kicker.upper()), st.cover_kicker),
        Spacer(1, 1.5 * mm),
        HeavyParagraph(markup(doc.customer_name, 40), title_style),
        CJKParagraph(markup(meta), st.cover_sub.clone("brief_meta", fontSize=10, leading=13)),
    ]


def _more(hidden: int, lang: str, st: Styles) -> list[Flowable]:
    if hidden <= 0:
        return []
    return [CJKParagraph(markup(L.label("more_items", lang).format(n=hidden)), st.small)]


def _listing(key: str, items: tuple[str, ...], cap: int, limit: int, lang: str, st: Styles,
             numbered: bool = False, color: colors.Color | None = None) -> list[Flowable]:
    title = L.label(key, lang)
    head = HeavyParagraph(
        f'<font color="{(color or TEAL).hexval()}">{markup(title)}</font>', st.h2)
    body = bullets(items[:cap], st.bullet, numbered=numbered, limit=limit)
    if not body:
        body = [CJKParagraph(markup(L.label("none_recorded", lang)), st.body_muted)]
    return [head, *body, *_more(len(items) - cap, lang, st)]


def _boxes(left: list[Flowable], right: list[Flowable], width: float,
           left_bg: colors.Color, right_bg: colors.Color, split: float = 0.5) -> Table:
    """Two tinted boxes side by side; the tint tells at a glance which list is which."""
    box = Table([[left, right]], colWidths=[width * split, width * (1 - split)])
    box.setStyle(table_style([
        ("BACKGROUND", (0, 0), (0, 0), left_bg),
        ("BACKGROUND", (1, 0), (1, 0), right_bg),
        ("LINEAFTER", (0, 0), (0, 0), 4, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return box


def _body(doc: BriefDocument, lang: str, st: Styles, width: float, caps: _Caps) -> list[Flowable]:
    out: list[Flowable] = []
    out.append(_boxes(
        _listing("talking_points", doc.talking_points, caps.points, caps.item, lang, st,
                 numbered=True),
        _listing("upcoming_dates", doc.upcoming_dates, caps.dates, caps.item, lang, st),
        width, TINT, colors.HexColor("#EEF3F8"), split=0.64,
    ))

    out += _people(doc, lang, st, width, caps)
    out += _interactions(doc, lang, st, width, caps)
    out.append(Spacer(1, 4 * mm))
    out.append(_boxes(
        _listing("open_promises", doc.open_promises, caps.promises, caps.item, lang, st,
                 color=AMBER),
        _listing("open_complaints", doc.open_complaints, caps.complaints, caps.item, lang, st,
                 color=RED),
        width, AMBER_BG, RED_BG,
    ))
    return out


def _people(doc: BriefDocument, lang: str, st: Styles, width: float, caps: _Caps) -> list[Flowable]:
    out: list[Flowable] = [heading(L.label("key_people", lang), _h1(st))]
    if not doc.people:
        return out + [CJKParagraph(markup(L.label("none_recorded", lang)), st.body_muted)]
    header = [L.label(k, lang) for k in ("name", "preferences", "taboos", "interests", "best_time")]
    rows: list[list[Cell]] = []
    for p in doc.people[: caps.people]:
        role = " · ".join(x for x in (
            L.term(p.role, lang, L.DECISION_ROLES), L.term(p.attitude, lang, L.ATTITUDES)) if x)
        who = (f"{markup(p.name, 16)}<br/><font color=\"{MUTED.hexval()}\" size=\"7.5\">"
               f"{markup(p.title, 18)}<br/>{markup(role, 44)}</font>")
        rows.append([
            CJKParagraph(who, st.cell),
            cell(p.preferences, st.cell, caps.person_field),
            colored(clip(p.taboos, caps.person_field), RED if p.taboos.strip() else None, st.cell),
            cell(p.interests, st.cell, caps.person_field),
            cell(p.best_time, st.cell, 24),
        ])
    out.append(data_table(header, rows, [1.35, 2.2, 2.1, 1.8, 1.2], width, st))
    return out + _more(len(doc.people) - caps.people, lang, st)


def _interactions(doc: BriefDocument, lang: str, st: Styles, width: float,
                  caps: _Caps) -> list[Flowable]:
    out: list[Flowable] = [heading(L.label("last_interactions", lang), _h1(st))]
    shown = sorted(doc.last_interactions, key=lambda i: i.when, reverse=True)[: caps.interactions]
    if not shown:
        return out + [CJKParagraph(markup(L.label("none_recorded", lang)), st.body_muted)]
    header = [L.label(k, lang) for k in ("when", "channel", "topic", "feedback", "next_action")]
    limit = caps.interaction_field
    rows: list[list[Cell]] = [
        [L.format_date(i.when, lang), L.term(i.channel, lang, L.CHANNELS),
         cell(i.topic, st.cell, limit), cell(i.feedback, st.cell, limit),
         cell(i.next_action, st.cell, limit)]
        for i in shown
    ]
    out.append(data_table(header, rows, [1.15, 0.95, 2.1, 2.5, 2.3], width, st))
    return out


def _h1(st: Styles) -> ParagraphStyle:
    """Section headings a size down from the plan's: the brief has no room to spare."""
    return st.h1.clone("brief_h1", fontSize=12.5, spaceBefore=10, spaceAfter=5)
