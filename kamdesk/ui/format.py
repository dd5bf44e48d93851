"""How numbers, money and dates look on screen (same rules in both languages)."""

from __future__ import annotations

from datetime import date, datetime

from kamdesk.domain import vocab
from kamdesk.domain.money import parse_money as parse_money_text


def money(cents: int | None, lang: str = "en", short: bool = False) -> str:
    """¥1,500,000 — or 150.0万 when short and Chinese (what a manager says aloud)."""
    if cents is None:
        return ""
    yuan = cents / 100
    if short and vocab.is_zh(lang) and abs(yuan) >= 10_000:
        return f"{yuan / 10_000:,.1f}万"
    if short:
        return f"¥{yuan:,.0f}"
    return f"¥{cents // 100:,}.{abs(cents) % 100:02d}" if cents >= 0 else f"-{money(-cents)}"


def day(d: date | datetime | None) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.date()
    return d.isoformat()


def moment(d: datetime | None) -> str:
    return "" if d is None else d.strftime("%Y-%m-%d %H:%M")


def parse_money(text: str) -> int | None:
    """'1,500,000.50' / '150万' / '¥2k' → fen; None when empty. Raises ValueError on
    nonsense or on text that could be read two ways (see :mod:`kamdesk.domain.money`)."""
    return parse_money_text(text)
