"""Turning a text file's bytes into text without ever guessing silently.

People's CSV files come as UTF-8 (with or without Excel's BOM), as GB18030/GBK (what
Chinese Excel writes by default) or as UTF-16 with a BOM (Excel's "Unicode text",
tab-separated). The encoding is decided by the BOM first, then by *strict* decoding
(UTF-8, then GB18030). GB18030 can decode almost any byte string, so its result is
checked for what a wrong guess produces (private-use or control characters); a file
that passes no check is refused with ``TableReadError('encoding')`` rather than read
as mojibake. NUL bytes (left by broken exports) are kept out of the text here and
removed cell by cell later, with a note naming the row (:mod:`kamdesk.io.sheets.reader`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "EncodingError", "decode_bytes"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: what a wrong GB18030 guess yields: private-use areas and C0/C1 controls (not tab/CR/LF)
_IMPLAUSIBLE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class EncodingError(ValueError):
    """No supported encoding reads these bytes faithfully."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # 'utf-8', 'utf-8-sig', 'gb18030', 'utf-16-le', 'utf-16-be', …


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte of the start is NUL (ASCII text
    written as UTF-16 without a BOM), else None."""
    head = raw[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) // 2 * 2]
    if len(head) < 4:
        return None
    odd_nul = head[1::2].count(0) / (len(head) / 2)
    even_nul = head[0::2].count(0) / (len(head) / 2)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(raw: bytes) -> Decoded:
    """The file's text and the encoding that read it; ``EncodingError`` otherwise."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(name)
            except UnicodeDecodeError as exc:
                raise EncodingError(f"{name}: {exc.reason} at byte {exc.start}") from None
            return Decoded(text, "utf-8-sig" if name == "utf-8" else name)
    utf16 = _utf16_without_bom(raw)
    if utf16:
        try:
            return Decoded(raw.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"neither UTF-8 nor GB18030 ({exc.reason})") from None
    if _IMPLAUSIBLE.search(text.replace("\x00", "")):
        raise EncodingError("neither UTF-8 nor GB18030 (the GB18030 reading is not text)")
    return Decoded(text, "gb18030")
