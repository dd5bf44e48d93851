"""The body of the monthly review PDF (月度复盘): KPI table, trend grid, tier movements,
top complaints and the actions list, each built from a :class:`ReviewDocument`.

Order follows the meeting: where we stand against target, how we got here (trends),
which customers moved, what went wrong with customers (complaints), and what to do
about it (actions). "No data" is a dash, never 0; every section says so when empty
instead of vanishing, so a reader can tell "nothing happened" from "not printed".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from kamdesk.domain import vocab
from kamdesk.domain.review_kpis import KpiFigure, definition
from kamdesk.domain.trend import compact_number
from kamdesk.reports.fonts import AMBER, GREEN, RED, CJKParagraph, Styles, markup
from kamdesk.reports.layout import (
    DataTable,
    bullets,
    colored,
    data_table,
    heading,
    para,
    table_style,
)
from kamdesk.reports.review_data import ReviewDocument, off_target
from kamdesk.reports.review_labels import DASH, change_text, value_text, word
from kamdesk.reports.trend_chart import trend_drawing

__all__ = ["body_story", "action_lines", "TOP_COMPLAINTS", "TREND_COLUMNS"]

TOP_COMPLAINTS = 10
TREND_COLUMNS = 3
MAX_ACTIONS = 25
_ZH_NUMERALS = "一二三四五六七八九十"


def _title(index: int, key: str, lang: str) -> str:
    text = word(key, lang)
    if vocab.is_zh(lang):
        return f"{_ZH_NUMERALS[index - 1]}、{text}"
    return f"{index}. {text}"


def body_story(doc: ReviewDocument, st: Styles, width: float) -> list[Flowable]:
    sections: list[tuple[str, Callable[[ReviewDocument, Styles, float], list[Flowable]]]] = [
        ("s_kpis", _kpi_section),
        ("s_trends", _trend_section),
        ("s_tiers", _tier_section),
        ("s_complaints", _complaint_section),
        ("s_actions", _action_section),
    ]
    story: list[Flowable] = []
    for index, (key, build) in enumerate(sections, start=1):
        body = build(doc, st, width)
        title = heading(_title(index, key, doc.lang), st.h1)
        need = 40 * mm
        if body and isinstance(body[0], DataTable):
            need = max(need, title.wrap(width, 1e6)[1] + st.h1.spaceBefore
                       + st.h1.spaceAfter + body[0].lead_height + 2)
        if index > 1:
            story.append(CondPageBreak(need))
        if body and not isinstance(body[0], DataTable | CJKParagraph):
            story.append(KeepTogether([title, body[0]]))
            story.extend(body[1:])
        else:
            story.append(title)
            story.extend(body)
    return story


# --------------------------------------------------------------------------- KPIs


def _status(f: KpiFigure, lang: str, st: Styles) -> Flowable:
    if f.target is None:
        return para(word("no_target", lang), st.cell_center)
    if f.on_target is None:
        return para(DASH, st.cell_center)
    if f.on_target:
        return colored("✔ " + word("on_target", lang), GREEN, st.cell_center)
    return colored("✘ " + word("off_target", lang), RED, st.cell_center)


def _change_colour(f: KpiFigure) -> Any:
    if not f.change:
        return None
    improved = (f.change > 0) == (f.better == "higher")
    return GREEN if improved else RED


def _kpi_section(doc: ReviewDocument, st: Styles, width: float) -> list[Flowable]:
    lang = doc.lang
    rows = []
    for f in doc.review.figures:
        rows.append([
            para(definition(f.code).name(lang), st.cell),
            para(value_text(f.value, f.unit), st.cell_right),
            para(value_text(f.target, f.unit), st.cell_right),
            para(value_text(f.previous, f.unit), st.cell_right),
            colored(change_text(f.change, f.unit, f.change_pct, lang), _change_colour(f),
                    st.cell_right),
            _status(f, lang, st),
        ])
    header = [word(k, lang) for k in ("h_kpi", "h_value", "h_target", "h_previous",
                                      "h_change", "h_status")]
    table = data_table(header, rows, [3.2, 1.5, 1.5, 1.5, 2.1, 1.5], width, st)
    note = word("kpi_note", lang).format(prev=doc.review.previous_period.label(lang))
    return [table, Spacer(1, 2 * mm), para(note, st.small)]


# --------------------------------------------------------------------------- trends


def _axis_text(unit: str) -> Callable[[float], str]:
    if unit == "fen":
        return lambda v: compact_number(v / 100)
    if unit in ("percent", "percent_change"):
        return lambda v: f"{compact_number(v)}%"
    return compact_number


def _trend_section(doc: ReviewDocument, st: Styles, width: float) -> list[Flowable]:
    lang = doc.lang
    cell_w = width / TREND_COLUMNS
    charts: list[Any] = []
    for f in doc.review.figures:
        points = doc.trend.get(f.code, [])
        labels = [p.code for p, _ in points]
        values = [None if v is None else float(v) for _, v in points]
        charts.append(trend_drawing(labels, values, lang, cell_w - 8, 92,
                                    title=definition(f.code).name(lang), target=f.target,
                                    bars=f.unit == "count", value_text=_axis_text(f.unit)))
    # One table per row of charts, so the grid flows on from the KPI table's page
    # instead of leaving the rest of that page blank.
    out: list[Flowable] = []
    for i in range(0, len(charts), TREND_COLUMNS):
        row = charts[i:i + TREND_COLUMNS]
        row.extend([""] * (TREND_COLUMNS - len(row)))
        grid = Table([row], colWidths=[cell_w] * TREND_COLUMNS, hAlign="LEFT")
        grid.setStyle(table_style([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ]))
        out.append(grid)
    return [*out, para(word("trend_note", lang), st.small)]


# --------------------------------------------------------------------------- tiers


def _term(dimension: str, code: str | None, lang: str) -> str:
    if code is None:
        return word("first_tier", lang)
    return vocab.label(dimension, code, lang) if dimension in ("value_tier", "activity") \
        else code


def _move_text(dimension: str, old: str | None, new: str, lang: str) -> str:
    colon = "：" if vocab.is_zh(lang) else ": "
    return f"{word(dimension, lang)}{colon}{_term(dimension, old, lang)} → " \
        f"{_term(dimension, new, lang)}"


def _tier_section(doc: ReviewDocument, st: Styles, width: float) -> list[Flowable]:
    lang = doc.lang
    t = doc.tiers
    if not t.moves:
        return [para(word("no_moves", lang), st.body_muted)]
    rows = [[colored(_move_text(m.dimension, m.old, m.new, lang),
                     RED if m.downward else None, st.cell),
             para(str(m.customers), st.cell_right)] for m in t.moves]
    out: list[Flowable] = [data_table([word("h_move", lang), word("h_customers", lang)], rows,
                                      [5, 1.2], width * 0.62, st)]
    if t.moved_down:
        out += [Spacer(1, 4 * mm), heading(word("moved_down", lang), st.h2)]
        down = [[para(c.customer_name or c.customer_code, st.cell),
                 para(_move_text(c.dimension, c.old, c.new, lang), st.cell),
                 para(c.changed_on.isoformat(), st.cell),
                 para(_term("value_tier", c.value_tier, lang) if c.value_tier else DASH,
                      st.cell)]
                for c in t.moved_down]
        out.append(data_table([word(k, lang) for k in ("h_customer", "h_move", "h_on",
                                                       "h_now_tier")],
                              down, [3.2, 3.2, 1.4, 1.4], width, st))
        rest = t.moved_down_total - len(t.moved_down)
        if rest > 0:
            out.append(para(word("and_more", lang).format(n=rest), st.small))
    return out


# --------------------------------------------------------------------------- complaints


def _timeliness(code: str, lang: str, st: Styles) -> Flowable:
    colour = {"on_time": GREEN, "late": RED, "pending": AMBER}.get(code)
    return colored(word(code, lang), colour, st.cell)


def _complaint_section(doc: ReviewDocument, st: Styles, width: float) -> list[Flowable]:
    lang = doc.lang
    items = doc.complaints
    if not items:
        return [para(word("no_complaints", lang), st.body_muted)]
    rows = []
    for c in items[:TOP_COMPLAINTS]:
        sev_colour = RED if c.severity in ("critical", "high") else None
        rows.append([
            colored(vocab.label("severity", c.severity, lang), sev_colour, st.cell),
            [para(c.customer_name or c.customer_code, st.cell, 60),
             para(c.category or c.description, st.small, 60)],
            para(c.received_at.strftime("%Y-%m-%d %H:%M"), st.cell),
            para(vocab.label("complaint_status", c.status, lang), st.cell),
            _timeliness(c.timeliness, lang, st),
            para(c.owner or word("nobody", lang), st.cell),
        ])
    header = [word(k, lang) for k in ("h_severity", "h_customer", "h_received", "h_state",
                                      "h_response", "h_owner")]
    out: list[Flowable] = [data_table(header, rows, [1.1, 3.4, 1.7, 1.2, 1.1, 1.2], width, st)]
    rest = len(items) - TOP_COMPLAINTS
    if rest > 0:
        out.append(para(word("and_more", lang).format(n=rest), st.small))
    resolved = sum(1 for c in items if c.settled)
    late = sum(1 for c in items if c.timeliness == "late")
    out += [Spacer(1, 2 * mm),
            para(word("complaints_summary", lang).format(n=len(items), resolved=resolved,
                                                         late=late), st.body)]
    return out


# --------------------------------------------------------------------------- actions


def _overdue(hours: float, lang: str) -> str:
    if hours < 48:
        return word("hours", lang).format(n=max(1, int(hours)))
    return word("days", lang).format(n=int(hours // 24))


def _names(names: tuple[str, ...], total: int, lang: str) -> str:
    sep = "、" if vocab.is_zh(lang) else ", "
    text = sep.join(names)
    if total > len(names):
        text += (" " if not vocab.is_zh(lang) else "，") + \
            word("and_more", lang).format(n=total - len(names))
    return text


def action_lines(doc: ReviewDocument) -> list[str]:
    """The actions for the meeting, most urgent first (see ``actions_intro``): complaints
    unanswered past their deadline (a customer is waiting now), KPIs off target with the
    customers behind them (a rate is only moved through its customers), high-value
    customers that moved down (out of tier A, or A-tier customers going silent — the
    accounts the book lives on), account-plan actions past due (commitments made to key
    accounts). Lower moves are in the tier section, not here: a list of everything is a
    list nobody acts on."""
    lang = doc.lang
    end = doc.as_of
    out: list[str] = []
    now = datetime.combine(end + timedelta(days=1), time())
    for c in doc.unanswered:
        late_h = (now - c.response_deadline).total_seconds() / 3600 if c.response_deadline \
            else 0.0
        out.append(word("act_complaint", lang).format(
            severity=vocab.label("severity", c.severity, lang).lower(),
            customer=c.customer_name or c.customer_code,
            received=c.received_at.strftime("%Y-%m-%d"), days=_overdue(late_h, lang),
            owner=c.owner or word("nobody", lang)))
    behind = {k.code: k for k in doc.kpi_customers}
    for f in off_target(doc.review):
        who = behind.get(f.code)
        values = dict(kpi=definition(f.code).name(lang), value=value_text(f.value, f.unit),
                      target=value_text(f.target, f.unit))
        if who is not None and who.names:
            out.append(word("act_kpi", lang).format(
                customers=_names(who.names, who.total, lang), **values))
        else:
            out.append(word("act_kpi_none", lang).format(**values))
    for m in doc.tiers.moved_down:
        # Only the high-value accounts: out of tier A, or A-tier customers going quiet.
        if m.old == "A" or m.value_tier == "A":
            out.append(word("act_tier", lang).format(
                customer=m.customer_name or m.customer_code,
                move=_move_text(m.dimension, m.old, m.new, lang), on=m.changed_on.isoformat()))
    for a in doc.overdue_actions:
        out.append(word("act_plan", lang).format(
            customer=a.customer_name or a.customer_code, action=a.action,
            due=a.due.isoformat(), days=word("days", lang).format(n=a.days_late),
            owner=a.owner or word("nobody", lang)))
    return out


def _action_section(doc: ReviewDocument, st: Styles, width: float) -> list[Flowable]:
    lang = doc.lang
    lines = action_lines(doc)
    if not lines:
        return [para(word("no_actions", lang), st.body_muted)]
    out: list[Flowable] = [CJKParagraph(markup(word("actions_intro", lang)), st.body_muted),
                           Spacer(1, 2 * mm)]
    out += bullets(lines[:MAX_ACTIONS], st.bullet, numbered=True, limit=300)
    if len(lines) > MAX_ACTIONS:
        out.append(para(word("more_items", lang).format(n=len(lines) - MAX_ACTIONS), st.small))
    return out
