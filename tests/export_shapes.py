"""Cell values that spreadsheets love to change, built by a seeded generator: formulas and
formula-looking text, phones with +, names starting with - or @, leading zeros, long digit
strings (ID cards, bank accounts), text that already starts with an apostrophe, Chinese
mixed in. Used by the export round-trip tests; several shapes, not one hand-picked file."""

from __future__ import annotations

import random

FIXED = ["=SUM(1)", "=cmd|' /C calc'!A0", "+86 138 0013 8000", "-Minus Trading", "@foo",
         "007", "0755-8888 6666", "123456789012345678", "6222020200112233445",
         "'=already guarded", "'quoted", "''+twice", "\t=tab first", "-", "+", "=", "'",
         "1e5", "00123.50", "TRUE", "2024-03-15", "3/4", "－全角减号", "＝全角等号"]

_STARTS = ["=", "+", "-", "@", "'", "''", "\t", "0", "00", "", "", ""]
_BODIES = ["SUM(A1:A9)", "86 139 1234 5678", "远航物流", "Minus Co.", "HYPERLINK(\"x\")",
           "1234567890123456789", "12", "张三 经理", "A&B <b>", "1,234.56", "(1,000)"]


def tricky_strings(count: int, seed: int = 1) -> list[str]:
    """``FIXED`` plus ``count`` random start+body combinations (no CR or NUL: XML and
    therefore XLSX cannot hold them as typed)."""
    rng = random.Random(seed)
    out = list(FIXED)
    for _ in range(count):
        out.append(rng.choice(_STARTS) + rng.choice(_BODIES) + rng.choice(["", " ", "x", "万"]))
    return out
