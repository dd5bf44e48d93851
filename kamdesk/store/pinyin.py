"""Pinyin forms of Chinese names for search (typing ``zgyd`` or ``zhongguo`` finds 中国移动).

pypinyin takes ~0.3 s to import, so it is loaded on first use (when a name is
saved or the demo is generated), never on the start-up path.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _lazy():  # type: ignore[no-untyped-def]
    import pypinyin

    return pypinyin


@lru_cache(maxsize=65536)
def _syllables(text: str) -> tuple[str, ...]:
    p = _lazy()
    # errors='default' keeps Latin letters and digits as they are.
    return tuple(s[0] for s in p.pinyin(text, style=p.Style.NORMAL, heteronym=False, errors="default"))


def has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def pinyin_forms(text: str | None) -> tuple[str, str]:
    """(full pinyin without spaces, initials), both lower case; empty for non-Chinese."""
    if not text or not has_han(text):
        return "", ""
    parts = [s.lower() for s in _syllables(text) if s.strip()]
    full = "".join(p for p in parts if p.isascii()).replace(" ", "")
    initials = "".join(p[0] for p in parts if p and p.isascii() and p[0].isalnum())
    return full, initials
