"""What a key date says on screen: its title, its lunar date and the draft greeting.

Pure text from facts (kind, names, which anniversary, value tier), in the language in
use. The Calendar, Today, the reminder tasks and the iCalendar feed all word a key date
through here, and nothing stores the result: a book filled while the app ran in English
reads in Chinese when opened in Chinese.
"""

from __future__ import annotations

from kamdesk.domain.greetings import suggest_greeting, suggested_action
from kamdesk.domain.vocab import is_zh, pick

GREETING_KINDS = ("birthday", "anniversary", "founding")


def ordinal_en(n: int) -> str:
    """'1st', '2nd', '11th', '23rd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def occurrence_title(kind: str, lang: str, *, who: str | None, years: int | None,
                     typed_title: str | None = None) -> str:
    """What the manager reads on the day: the title they typed, if any, else the kind
    in words. ``who`` is the person (birthdays) or the company."""
    if typed_title:
        return typed_title
    zh = is_zh(lang)
    if kind == "birthday":
        return f"{who}生日" if zh else f"Birthday: {who}"
    if kind == "anniversary":
        if zh:
            return f"合作{years}周年" if years else "合作周年纪念日"
        return f"{ordinal_en(years)} cooperation anniversary" if years else \
            "Cooperation anniversary"
    if kind == "founding":
        if zh:
            return f"成立{years}周年" if years else "公司成立纪念日"
        return f"{ordinal_en(years)} founding anniversary" if years else "Founding day"
    return pick(lang, "Key date", "重要日期")


def lunar_detail(lang: str, month: int | None, day: int | None, leap: bool) -> str:
    """The lunar date of a lunar key date (the reason it moves every year); '' without one."""
    if month is None or day is None:
        return ""
    if is_zh(lang):
        from kamdesk.domain.lunar import lunar_label_zh

        return "农历" + lunar_label_zh(month, day, leap)
    return f"Lunar {'leap ' if leap else ''}{month}/{day}"


def with_company(title: str, company: str | None) -> str:
    """A reminder or a phone calendar shows only the title: say whose date it is."""
    return f"{title} · {company}" if company and company not in title else title


def greeting_tier(value_tier: str | None) -> str:
    """Customers not yet tiered get the short greeting of tier C."""
    return value_tier if value_tier in ("A", "B", "C") else "C"


def key_date_greeting(kind: str, tier: str | None, lang: str, person: str | None,
                      company: str, years: int | None) -> str:
    """The draft greeting for one occurrence. A birthday's age is private: the greeting
    names the occasion, not the number; other kinds without an occasion of their own
    get the tier's plain touch-point message."""
    greeting_kind = kind if kind in GREETING_KINDS else "custom"
    return suggest_greeting(
        greeting_kind, greeting_tier(tier), "zh_CN" if is_zh(lang) else "en",  # type: ignore[arg-type]
        person, company, years=years if kind in ("anniversary", "founding") else None)


def greeting_notes(kind: str, tier: str | None, lang: str, person: str | None, company: str,
                   years: int | None) -> str:
    """The notes of a key-date reminder task: the tier's to-do, then the draft greeting."""
    lang_code = "zh_CN" if is_zh(lang) else "en"
    action = suggested_action(greeting_tier(tier), lang_code)  # type: ignore[arg-type]
    heading = pick(lang, "Suggested greeting:", "建议祝福语：")
    greeting = key_date_greeting(kind, tier, lang, person, company, years)
    return f"{action}\n\n{heading}\n{greeting}"
