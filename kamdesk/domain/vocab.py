"""The one bilingual vocabulary: codes stored in the database -> English and Chinese labels.

Stored data holds codes and facts (``"A"``, ``"silent"``, ``"wechat"``); every layer that
shows them (the UI, the exports, the PDFs, the CLI) asks here, in the language in use,
so a code is worded the same on screen, on paper and in a spreadsheet. The words live
in :mod:`kamdesk.domain.vocab_tables`; a test checks that every code the model can store
has both languages. ``is_zh`` is the one place that decides whether a language tag means
Chinese. Pure Python: the CLI and the report builders use it without Qt.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from kamdesk.domain.vocab_tables import TABLES

__all__ = ["KINDS", "codes", "is_zh", "label", "labels", "pick"]

#: Every kind of code the vocabulary words, e.g. ``"channel"``, ``"value_tier"``.
KINDS: Final[tuple[str, ...]] = tuple(TABLES)

# kind -> code -> (English, Chinese), built once; lookups are hot in table models.
_WORDS: Final = MappingProxyType({
    kind: MappingProxyType({code: (en, zh) for code, en, zh in rows})
    for kind, rows in TABLES.items()
})


def is_zh(lang: str | None) -> bool:
    """True for any Chinese language tag (``zh``, ``zh_CN``, ``zh-Hans``…)."""
    return bool(lang) and str(lang).lower().replace("-", "_").startswith("zh")


def pick(lang: str | None, en: str, zh: str) -> str:
    """The text for ``lang`` out of an (English, Chinese) pair."""
    return zh if is_zh(lang) else en


def label(kind: str, code: str | int | None, lang: str | None) -> str:
    """The word for ``code`` in ``lang``; an unknown code is shown as it is, None as ''.

    An unknown ``kind`` is a programming error and raises KeyError.
    """
    words = _WORDS[kind]
    if code is None:
        return ""
    pair = words.get(str(code))
    if pair is None:
        return str(code)
    return pair[1] if is_zh(lang) else pair[0]


def inline(kind: str, code: str | None, lang: str | None) -> str:
    """The label as it reads inside a sentence: English lower-cased and, used as an
    adjective ("a high-value customer"), hyphenated; Chinese unchanged."""
    text = label(kind, code, lang)
    if is_zh(lang) or text == (code or ""):
        return text
    text = text[:1].lower() + text[1:]
    return text.replace(" ", "-") if kind in ("value_tier",) else text


def labels(kind: str, lang: str | None) -> dict[str, str]:
    """code -> word for every code of ``kind``, in display order (for pick lists)."""
    index = 1 if is_zh(lang) else 0
    return {code: pair[index] for code, pair in _WORDS[kind].items()}


def codes(kind: str) -> tuple[str, ...]:
    """The codes of ``kind`` in display order."""
    return tuple(_WORDS[kind])
