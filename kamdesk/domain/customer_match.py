"""How an import recognises a customer it already has, and reads 客户类型.

Pure text rules (no SQL): a name is compared after Unicode normalisation (full-width
letters and brackets become their plain forms), without spaces and case; a phone by its
digits without a leading country code. Two records sharing either are *likely
duplicates*. 客户类型 ("高价值/活跃", "中价值/沉默", "A/active", "high value / silent")
is read into a value tier and an activity state.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["match_name", "match_phone", "parse_customer_type"]

_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\D+")


def match_name(name: str | None) -> str:
    """The name as compared for matching ('' for no name)."""
    if not name:
        return ""
    return _SPACE.sub("", unicodedata.normalize("NFKC", name)).casefold()


def match_phone(phone: str | None) -> str:
    """The phone's digits as compared for matching ('' when too short to identify)."""
    digits = _DIGITS.sub("", phone or "")
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits if len(digits) >= 7 else ""


_TIER_WORDS = (
    ("高价值", "A"), ("中价值", "B"), ("低价值", "C"), ("high", "A"), ("middle", "B"),
    ("medium", "B"), ("mid", "B"), ("low", "C"), ("高", "A"), ("中", "B"), ("低", "C"),
)
_ACTIVITY_WORDS = (
    ("活跃", "active"), ("沉默", "silent"), ("流失", "churned"), ("active", "active"),
    ("silent", "silent"), ("dormant", "silent"), ("churned", "churned"),
    ("lost", "churned"),
)
_SPLIT = re.compile(r"[/／、,，;；|]+")


def parse_customer_type(text: str) -> tuple[str | None, str | None] | None:
    """(value tier, activity) from a 客户类型 cell, either part possibly None; None when
    the cell holds something else (the importer reports it)."""
    parts = [p.strip() for p in _SPLIT.split(unicodedata.normalize("NFKC", text)) if p.strip()]
    if not parts or len(parts) > 2:
        return None
    tier: str | None = None
    activity: str | None = None
    for part in parts:
        word = part.casefold().replace("value", "").replace("客户", "").strip()
        if word.upper() in ("A", "B", "C") and tier is None:
            tier = word.upper()
            continue
        found_activity = next((code for w, code in _ACTIVITY_WORDS if w == word), None)
        if found_activity and activity is None:
            activity = found_activity
            continue
        found_tier = next((code for w, code in _TIER_WORDS if w == word), None)
        if found_tier and tier is None:
            tier = found_tier
            continue
        return None
    return tier, activity
