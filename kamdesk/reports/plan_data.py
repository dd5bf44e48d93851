"""The input of the PDF reports: plain, frozen values with no database or Qt behind them.

Keeping the renderers on plain data lets the CLI, tests and a benchmark print a plan
without a session, and guarantees a render cannot lazily hit the database from a worker
thread. The store layer is expected to build these from its rows.

Money is always an ``int`` in fen (分): floats would print ¥0.30000000000000004 one day.
Enumerated fields (role, attitude, status …) are ``str``: either a code that
:mod:`kamdesk.reports.labels` knows (``"decision_maker"``) or the user's own wording.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kamdesk.domain.penetration import Penetration
from kamdesk.reports.labels import normalize_lang


@dataclass(frozen=True)
class Situation:
    value_tier: str
    activity: str
    health: int  # 0–100
    health_reasons: tuple[str, ...]
    revenue_12m: int  # fen
    revenue_trend_pct: float | None  # vs the 12 months before; None when there is no history
    share_of_wallet_pct: float | None
    interactions_12m: int
    open_complaints: int
    last_nps: int | None
    last_csat: float | None  # 1–5 scale, as in the method's 表3
    summary: str


@dataclass(frozen=True)
class Swot:
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    opportunities: tuple[str, ...]
    threats: tuple[str, ...]


@dataclass(frozen=True)
class Objective:
    metric: str
    baseline: str  # pre-formatted: objectives mix money, percentages and counts
    target: str
    due: date | None
    status: str


@dataclass(frozen=True)
class PlanActionRow:
    action: str
    owner: str
    due: date | None
    status: str


@dataclass(frozen=True)
class StakeholderRow:
    name: str
    title: str
    decision_role: str
    attitude: str
    influence: str
    strength: str
    last_contact: date | None
    gap: str | None  # what is missing in our coverage of this person; None = covered


@dataclass(frozen=True)
class RiskRow:
    risk: str
    kind: str
    level: str
    mitigation: str


@dataclass(frozen=True)
class PlanDocument:
    customer_name: str
    customer_code: str
    period: str
    owner: str
    generated_on: date
    lang: str
    confidentiality: str | None  # printed in every footer; None prints no line
    situation: Situation
    swot: Swot
    objectives: tuple[Objective, ...]
    strategies: tuple[str, ...]
    actions: tuple[PlanActionRow, ...]
    stakeholders: tuple[StakeholderRow, ...]
    opportunities: tuple[str, ...]
    risks: tuple[RiskRow, ...]
    resources: tuple[str, ...]
    revenue_by_month: tuple[tuple[str, int], ...]  # (("2026-01", fen), …), oldest first
    interactions_by_month: tuple[tuple[str, int], ...]  # (("2026-01", count), …)
    # Purchases by product line against the lines the user sells (12/24 months), printed
    # under opportunities; None prints no grid (a document built without the orders book).
    penetration: Penetration | None = None
    product_lines_from_book: bool = False  # the lines came from the orders, not a list


@dataclass(frozen=True)
class BriefPerson:
    name: str
    title: str
    role: str
    attitude: str
    preferences: str
    taboos: str
    interests: str
    best_time: str


@dataclass(frozen=True)
class BriefInteraction:
    when: date
    channel: str
    topic: str
    feedback: str
    next_action: str


@dataclass(frozen=True)
class BriefDocument:
    customer_name: str
    customer_code: str
    generated_on: date
    lang: str
    tier_label: str
    people: tuple[BriefPerson, ...]
    last_interactions: tuple[BriefInteraction, ...]  # newest first; only three are printed
    open_promises: tuple[str, ...]
    open_complaints: tuple[str, ...]
    upcoming_dates: tuple[str, ...]  # pre-formatted, e.g. "4月18日 合作三周年"
    talking_points: tuple[str, ...]


def format_money(fen: int) -> str:
    """Exact amount, ``150000000`` fen → ``¥1,500,000.00``; integer maths, no float drift."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}.{cents:02d}"


def format_wan(fen: int) -> str:
    """How a Chinese reader says a large amount: ``150.0 万元``, ``1.25 亿元``.

    Below 1 万元 the unit would only add noise, so those stay in 元.
    """
    yuan = fen / 100
    size = abs(yuan)
    if size >= 100_000_000:
        return f"{yuan / 100_000_000:,.2f} 亿元"
    if size >= 10_000:
        return f"{yuan / 10_000:,.1f} 万元"
    return f"{yuan:,.0f} 元"


def format_amount(fen: int, lang: str) -> str:
    """The headline figure for a reader of ``lang``: 万元 in Chinese, full yuan in English."""
    if normalize_lang(lang) == "zh_CN" and abs(fen) >= 1_000_000:
        return format_wan(fen)
    return format_money(fen)


def format_pct(value: float | None, signed: bool = False) -> str | None:
    if value is None:
        return None
    return f"{value:+.1f}%" if signed else f"{value:.0f}%"
