"""Text from outside (a sheet cell, a vCard, a pasted field) made safe to store.

A CSV written by another program can hold NUL, a lone CR, escape sequences, a byte
order mark in the middle of a cell or a right-to-left override that makes "公司甲"
display as something else. None of them is ever meant as part of a name, and each
breaks something later: a NUL truncates the text in C libraries, a CR breaks CSV and
vCard exports and the one-line lists, a bidi override spoofs what a name reads as.

* :func:`clean_text` for text that may span lines (notes, feedback): CR LF, a lone CR,
  NEL and U+2028/U+2029 become LF; TAB and LF stay; every other control character,
  the non-characters U+FFFE/U+FFFF, the BOM and the bidi embedding, override and
  isolate controls are dropped.
* :func:`clean_line` for a name or a title: the same, then any run of white space
  (LF and TAB included) becomes one space and the ends are trimmed.
"""

from __future__ import annotations

import re

__all__ = ["clean_line", "clean_text"]

_LINE_BREAKS = re.compile("\r\n|[\r\x85\u2028\u2029]")
#: C0 except TAB and LF, DEL, C1, BOM and non-characters, bidi controls
_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff"
                      "\u202a-\u202e\u2066-\u2069]")
_WHITE = re.compile(r"\s+")


def clean_text(text: str) -> str:
    # str.isprintable() is False for every character either pattern touches (controls,
    # format characters such as the BOM and bidi controls, line and paragraph
    # separators, non-characters): the usual cell is returned without two regex passes.
    if text.isprintable():
        return text
    return _DROPPED.sub("", _LINE_BREAKS.sub("\n", text))


def clean_line(text: str) -> str:
    if text.isprintable() and "  " not in text:  # no run of white space to fold
        return text.strip()
    return _WHITE.sub(" ", clean_text(text)).strip()
