"""The numbered sections of the account plan PDF (:mod:`kamdesk.reports.plan_pdf`).

In the order the method reviews an account: situation → SWOT → objectives →
strategies → actions → people → opportunities (with the product penetration grid,
:mod:`kamdesk.reports.penetration_section`) → risks → resources → trends. Each section
is a list of flowables; :func:`body_story` puts them together so that a heading never
stands alone at the foot of a page. The cover reuses the KPI tiles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from kamdesk.reports import labels as L
from kamdesk.reports.charts import interactions_chart, revenue_chart
from kamdesk.reports.fonts import (
    AMBER,
    AMBER_BG,
    GREEN,
    GREEN_BG,
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
    markup,
)
from kamdesk.reports.layout import (
    DataTable,
    bullets,
    cell,
    colored,
    data_table,
    heading,
    level_color,
    para,
    status_color,
    table_style,
)
from kamdesk.reports.penetration_section import penetration_story
from kamdesk.reports.plan_data import (
    PlanDocument,
    Situation,
    Swot,
    format_amount,
    format_money,
    format_pct,
)

__all__ = ["body_story", "headline_kpis", "kpi_tiles"]

SECTION_MIN_SPACE = 50 * mm  # a heading plus a table header and a few rows

# Free-text limits: a plan is read on paper; beyond these the text belongs in KAMDesk.
ITEM_LIMIT = 400
NAME_LIMIT = 40  # names, owners, titles, enumerations: narrow columns
FIGURE_LIMIT = 60  # objective baselines and targets
SWOT_ITEMS = 6
SWOT_ITEM_LIMIT = 90


def body_story(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    sections = [
        ("situation", _situation),
        ("swot", _swot),
        ("objectives", _objectives),
        ("strategies", _strategies),
        ("actions", _actions),
        ("stakeholders", _stakeholders),
        ("opportunities", _opportunities),
        ("risks", _risks),
        ("resources", _resources),
        ("trends", _trends),
    ]
    story: list[Flowable] = []
    height_limit = 1e6
    for index, (key, build) in enumerate(sections, start=1):
        body = build(doc, lang, st, width)
        title = heading(L.section_title(index, key, lang), st.h1)
        if index > 1:
            # Never strand a heading at the foot of a page: ask for room for the heading
            # and, for a table, its header and first row (which may be tall).
            need = SECTION_MIN_SPACE
            if body and isinstance(body[0], DataTable):
                head = title.wrap(width, height_limit)[1] + st.h1.spaceBefore + st.h1.spaceAfter
                need = max(need, head + body[0].lead_height + 2)
            story.append(CondPageBreak(need))
        if body and not _splits_well(body[0]):
            # A chart or a grid of tall cells cannot break where the heading is, so the
            # heading travels with it.
            story.append(KeepTogether([title, body[0]]))
            story.extend(body[1:])
        else:
            # Text and header-repeating tables split cleanly, so a section may start in
            # the space left on a page instead of leaving it blank.
            story.append(title)
            story.extend(body)
    return story


def _splits_well(flowable: Flowable) -> bool:
    return isinstance(flowable, Paragraph) or (
        isinstance(flowable, Table) and getattr(flowable, "repeatRows", 0) > 0
    )


def _none(lang: str, st: Styles) -> list[Flowable]:
    return [CJKParagraph(markup(L.label("none_recorded", lang)), st.body_muted)]


def _kpi(value: str, caption: str, st: Styles, color: colors.Color | None = None,
         note: str | None = None) -> list[Flowable]:
    body = markup(value)
    if color is not None:
        body = f'<font color="{color.hexval()}">{body}</font>'
    tile: list[Flowable] = [HeavyParagraph(body, st.kpi_value)]
    if note:
        tile.append(CJKParagraph(markup(note), st.small))
    tile.append(CJKParagraph(markup(caption), st.kpi_label))
    return tile


def headline_kpis(sit: Situation, lang: str, st: Styles) -> list[list[Flowable]]:
    na = L.label("not_available", lang)
    trend = format_pct(sit.revenue_trend_pct, signed=True)
    trend_color = None
    if sit.revenue_trend_pct is not None:
        trend_color = GREEN if sit.revenue_trend_pct >= 0 else RED
        trend = ("▲ " if sit.revenue_trend_pct >= 0 else "▼ ") + (trend or "")
    health_color = GREEN if sit.health >= 70 else (RED if sit.health < 40 else AMBER)
    exact = format_money(sit.revenue_12m) if lang == "zh_CN" else None
    return [
        _kpi(format_amount(sit.revenue_12m, lang), L.label("revenue_12m", lang), st, note=exact),
        _kpi(trend or na, L.label("revenue_trend", lang), st, trend_color),
        _kpi(f"{sit.health} / 100", L.label("health", lang), st, health_color),
        _kpi(format_pct(sit.share_of_wallet_pct) or na, L.label("share_of_wallet", lang), st),
    ]


def kpi_tiles(tiles: Sequence[list[Flowable]], width: float, st: Styles, columns: int) -> Table:
    """KPI tiles in a grid with white gutters (cell borders double as gutters)."""
    rows = [list(tiles[i:i + columns]) for i in range(0, len(tiles), columns)]
    for row in rows:
        row.extend([[]] * (columns - len(row)))
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(table_style([
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("LINEBEFORE", (1, 0), (-1, -1), 4, colors.white),
        ("LINEBELOW", (0, 0), (-1, -2), 4, colors.white),
        ("LINEABOVE", (0, 0), (-1, 0), 2, NAVY),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


def _situation(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    sit = doc.situation
    na = L.label("not_available", lang)
    times = L.label("times", lang)
    tiles = headline_kpis(sit, lang, st) + [
        _kpi(f"{sit.interactions_12m}{times}", L.label("interactions_12m", lang), st),
        _kpi(str(sit.open_complaints), L.label("open_complaints_kpi", lang), st,
             RED if sit.open_complaints else GREEN),
        _kpi(str(sit.last_nps) if sit.last_nps is not None else na, L.label("last_nps", lang), st),
        _kpi(f"{sit.last_csat:.1f} / 5" if sit.last_csat is not None else na,
             L.label("last_csat", lang), st),
    ]
    out: list[Flowable] = [kpi_tiles(tiles, width, st, columns=4), Spacer(1, 4 * mm)]
    tier_line = (
        f"{L.label('value_tier', lang)}：{L.term(sit.value_tier, lang, L.VALUE_TIERS)}　　"
        f"{L.label('activity', lang)}：{L.term(sit.activity, lang, L.ACTIVITIES)}"
        if lang == "zh_CN"
        else f"{L.label('value_tier', lang)}: {L.term(sit.value_tier, lang, L.VALUE_TIERS)}    "
        f"{L.label('activity', lang)}: {L.term(sit.activity, lang, L.ACTIVITIES)}"
    )
    out.append(heading(L.label("summary", lang), st.h2))
    out.append(para(tier_line, st.body_muted))
    if sit.summary.strip():
        out.append(Spacer(1, 1.5 * mm))
        out.append(para(sit.summary, st.body, 1500))
    if sit.health_reasons:
        out.append(heading(L.label("health_reasons", lang), st.h2))
        out.extend(bullets(sit.health_reasons, st.bullet, limit=ITEM_LIMIT))
    return out


def _swot(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    swot: Swot = doc.swot
    quadrants = [
        ("strengths", swot.strengths, GREEN, GREEN_BG),
        ("weaknesses", swot.weaknesses, AMBER, AMBER_BG),
        ("swot_opportunities", swot.opportunities, TEAL, TINT),
        ("threats", swot.threats, RED, RED_BG),
    ]
    cells: list[list[Flowable]] = []
    for key, items, ink, _bg in quadrants:
        shown = list(items[:SWOT_ITEMS])
        flow: list[Flowable] = [HeavyParagraph(
            f'<font color="{ink.hexval()}">{markup(L.label(key, lang))}</font>', st.h2)]
        flow += bullets(shown, st.bullet, limit=SWOT_ITEM_LIMIT) or _none(lang, st)
        if len(items) > SWOT_ITEMS:
            more = L.label("more_items", lang).format(n=len(items) - SWOT_ITEMS)
            flow.append(para(more, st.small))
        cells.append(flow)
    grid = Table([[cells[0], cells[1]], [cells[2], cells[3]]], colWidths=[width / 2] * 2)
    grid.setStyle(table_style([
        ("BACKGROUND", (0, 0), (0, 0), quadrants[0][3]),
        ("BACKGROUND", (1, 0), (1, 0), quadrants[1][3]),
        ("BACKGROUND", (0, 1), (0, 1), quadrants[2][3]),
        ("BACKGROUND", (1, 1), (1, 1), quadrants[3][3]),
        ("LINEAFTER", (0, 0), (0, -1), 4, colors.white),
        ("LINEBELOW", (0, 0), (-1, 0), 4, colors.white),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("LEFTPADDING", (0, 0), (-1, -1), 9),
        ("RIGHTPADDING", (0, 0), (-1, -1), 9),
    ]))
    return [grid]


def _objectives(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    if not doc.objectives:
        return _none(lang, st)
    header = [L.label(k, lang) for k in ("metric", "baseline", "target", "due", "status")]
    rows = [
        [o.metric, cell(o.baseline, st.cell, FIGURE_LIMIT), cell(o.target, st.cell, FIGURE_LIMIT),
         L.format_date(o.due, lang),
         colored(L.term(o.status, lang, L.STATUSES), status_color(o.status), st.cell)]
        for o in doc.objectives
    ]
    return [data_table(header, rows, [3.4, 1.6, 1.6, 1.25, 1.15], width, st)]


def _strategies(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    return bullets(doc.strategies, st.bullet, numbered=True, limit=ITEM_LIMIT) or _none(lang, st)


def _actions(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    if not doc.actions:
        return _none(lang, st)
    header = [L.label(k, lang) for k in ("row_no", "action", "action_owner", "due", "status")]
    rows = []
    for i, a in enumerate(doc.actions, start=1):
        done = L.canonical(a.status, L.STATUSES) in ("done", "achieved", "cancelled")
        late = a.due is not None and a.due < doc.generated_on and not done
        due = colored(L.format_date(a.due, lang), RED if late else None, st.cell)
        # A late row shows the user's own status, in red: the date is what is wrong.
        status = colored(L.term(a.status, lang, L.STATUSES),
                         RED if late else status_color(a.status), st.cell)
        rows.append([cell(str(i), st.cell_center), a.action,
                     cell(a.owner, st.cell, NAME_LIMIT), due, status])
    return [data_table(header, rows, [0.55, 5.2, 1.4, 1.3, 1.15], width, st)]


def _stakeholders(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    people = doc.stakeholders
    if not people:
        return _none(lang, st)
    out: list[Flowable] = [_stakeholder_grid(doc, lang, st, width), Spacer(1, 5 * mm)]
    header = [L.label(k, lang) for k in
              ("name", "title", "decision_role", "attitude", "influence", "strength",
               "last_contact", "gap")]
    rows = []
    extra: list[tuple[Any, ...]] = []
    for i, p in enumerate(people, start=1):
        rows.append([
            cell(p.name, st.cell, NAME_LIMIT), cell(p.title, st.cell, NAME_LIMIT),
            cell(L.term(p.decision_role, lang, L.DECISION_ROLES), st.cell, NAME_LIMIT),
            cell(L.term(p.attitude, lang, L.ATTITUDES), st.cell, NAME_LIMIT),
            cell(L.term(p.influence, lang, L.LEVELS), st.cell, NAME_LIMIT),
            cell(L.term(p.strength, lang, L.STRENGTHS), st.cell, NAME_LIMIT),
            L.format_date(p.last_contact, lang) if p.last_contact else L.label("never", lang),
            colored(p.gap or "—", RED if p.gap else None, st.cell),
        ])
        if p.gap:
            extra.append(("BACKGROUND", (0, i), (-1, i), AMBER_BG))
    # Widths in points of a 482 pt A4 column, sized so English values such as
    # "Supportive" and ISO dates never break mid-word; scaled for Letter.
    widths = [46, 58, 58, 54, 48, 48, 54, 116]
    out.append(data_table(header, rows, widths, width, st, extra))
    if any(p.gap for p in people):
        out.append(Spacer(1, 2 * mm))
        out.append(para(L.label("gap_legend", lang), st.small))
    return out


def _ordered(values: Sequence[str], group: dict[str, tuple[str, ...]],
             always: Sequence[str] = ()) -> list[str]:
    """Grid axis: the method's order for known values, then custom ones as they come."""
    known = [code for code in group if code in always or code in values]
    custom: list[str] = []
    for v in values:
        if v not in group and v not in custom:
            custom.append(v)
    return known + custom


def _stakeholder_grid(doc: PlanDocument, lang: str, st: Styles, width: float) -> Table:
    """Decision role × attitude: an empty cell in the 决策者 row is the plan's first gap."""
    people = doc.stakeholders
    role_of = [L.canonical(p.decision_role, L.DECISION_ROLES) or p.decision_role.strip()
               for p in people]
    att_of = [L.canonical(p.attitude, L.ATTITUDES) or p.attitude.strip() for p in people]
    roles = _ordered(role_of, L.DECISION_ROLES, always=("decision_maker", "influencer", "user"))
    attitudes = _ordered(att_of, L.ATTITUDES, always=tuple(L.ATTITUDES))

    header = [CJKParagraph(markup(L.label("grid_corner", lang)), st.cell_head)] + [
        CJKParagraph(markup(L.term(a, lang, L.ATTITUDES)), st.cell_head) for a in attitudes
    ]
    rows: list[list[Any]] = [header]
    for role in roles:
        row: list[Any] = [CJKParagraph(markup(L.term(role, lang, L.DECISION_ROLES)), st.cell)]
        for att in attitudes:
            names = []
            for p, r, a in zip(people, role_of, att_of, strict=True):
                if r == role and a == att:
                    text = markup(clip(p.name, 12))
                    names.append(f'<font color="{RED.hexval()}">{text}*</font>' if p.gap else text)
            row.append(CJKParagraph("<br/>".join(names), st.cell_center))
        rows.append(row)

    first = 1.5
    col = (width - first * (width / (len(attitudes) + first))) / len(attitudes)
    widths = [width - col * len(attitudes)] + [col] * len(attitudes)
    heat = [colors.HexColor(c) for c in ("#DFF2E6", "#EEF7F1", "#F4F6F8", "#FDF3E1", "#FBE3E1")]
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), NAVY),
        ("BACKGROUND", (0, 1), (0, -1), TINT),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.white),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    for j, att in enumerate(attitudes, start=1):
        if att in L.ATTITUDES:
            commands.append(("BACKGROUND", (j, 1), (j, -1), heat[list(L.ATTITUDES).index(att)]))
    grid = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1)
    grid.setStyle(table_style(commands))
    return grid


def _opportunities(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    """The plan's own opportunities, then the product penetration grid (whitespace)."""
    own = bullets(doc.opportunities, st.bullet, limit=ITEM_LIMIT)
    grid = penetration_story(doc, lang, st, width)
    if own and grid:
        own.append(Spacer(1, 2 * mm))
    return own + grid if own or grid else _none(lang, st)


def _risks(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    if not doc.risks:
        return _none(lang, st)
    header = [L.label(k, lang) for k in ("risk", "kind", "level", "mitigation")]
    rows = [
        [r.risk, cell(L.term(r.kind, lang, L.RISK_KINDS), st.cell, NAME_LIMIT),
         colored(L.term(r.level, lang, L.LEVELS), level_color(r.level), st.cell), r.mitigation]
        for r in doc.risks
    ]
    return [data_table(header, rows, [3.1, 1.3, 0.9, 4.1], width, st)]


def _resources(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    return bullets(doc.resources, st.bullet, limit=ITEM_LIMIT) or _none(lang, st)


def _trends(doc: PlanDocument, lang: str, st: Styles, width: float) -> list[Flowable]:
    """Charts for the series that have data; a blank chart frame would only waste space."""
    out: list[Flowable] = []
    if doc.revenue_by_month:
        out.append(revenue_chart(doc.revenue_by_month, lang, width))
    if doc.interactions_by_month:
        if out:
            out.append(Spacer(1, 6 * mm))
        out.append(interactions_chart(doc.interactions_by_month, lang, width))
    return out or [CJKParagraph(markup(L.label("no_data", lang)), st.body_muted)]
