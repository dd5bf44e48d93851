"""Comparing company names as people type them, to find a contact's customer by the
company on their card (vCard ORG): "ACME（中国）有限公司", "Acme (China) Co., Ltd." and
"acme中国" should meet, while different companies must not. Pure text.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["company_key", "company_core"]

_NOISE = re.compile(r"[\s()\[\]{}<>【】〔〕《》「」'\"`.,，。、;；:：·•&＆+\-_/\\|!?！？*]+")
_LEGAL_SUFFIXES = (
    "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "集团", "公司",
    "coltd", "companylimited", "colimited", "limited", "ltd", "inc", "corporation", "corp",
    "company", "gmbh", "llc", "plc", "group",
)


def company_key(name: str) -> str:
    """The name folded (full-width, case) with spaces and punctuation dropped."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", name).casefold())


def company_core(name: str) -> str:
    """:func:`company_key` without the legal form at its end (有限公司, Co., Ltd.)."""
    key = company_key(name)
    changed = True
    while changed:
        changed = False
        for suffix in _LEGAL_SUFFIXES:
            if key.endswith(suffix) and len(key) > len(suffix) + 1:
                key = key[: -len(suffix)]
                changed = True
    return key
