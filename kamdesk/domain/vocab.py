"""The one bilingual vocabulary: codes stored in the database -> English and Chinese labels.

Stored data holds codes and facts (``"A"``, ``"silent"``, ``"wechat"``); every layer that
shows them (the UI, the exports, the PDFs, the CLI) asks here, in the language in use.
``is_zh`` is the one place that decides whether a language tag means Chinese.
"""

from __future__ import annotations


def is_zh(lang: str | None) -> bool:
    """True for any Chinese language tag (``zh``, ``zh_CN``, ``zh-Hans``…)."""
    return bool(lang) and str(lang).lower().replace("-", "_").startswith("zh")


def pick(lang: str | None, en: str, zh: str) -> str:
    """The text for ``lang`` out of an (English, Chinese) pair."""
    return zh if is_zh(lang) else en
