"""The one font every report uses, the Chinese line-break rules, and the paragraph styles.

Why this shape:

* Only an *embedded* TrueType font prints Chinese on a machine without Chinese fonts
  (reportlab's CID fonts are not embedded and show empty boxes). reportlab subsets what
  it embeds, so a page costs ~30 KB, not the 5 MB font.
* Registration is lazy (first render), never at import: the app must not pay for parsing
  a 5 MB font when it starts.
* The bundled font has no emoji and no bold face. Characters it lacks are dropped by
  :func:`printable` (otherwise they print as .notdef boxes or odd-width gaps), and
  headings get a stroked "heavy" look from :class:`HeavyParagraph` instead of a bold font.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

FONT_NAME = "KAMSans"
FONT_FILE = ("fonts", "wqy-microhei.ttc")

# Chinese punctuation that must never open a line (避头点). reportlab's list is built for
# Japanese and misses the full-width comma family.
CANNOT_START = "，、。．；：！？）》」』】〕〉”’…·～％"
# Opening brackets that should never end a line (避尾点). reportlab 5.1 defines
# ALL_CANNOT_END but its CJK wrapper never consults it; CJKParagraph enforces the rule
# by re-breaking, and the list is extended too for the day reportlab reads it.
CANNOT_END = "（《「『【〔〈“‘"

_lock = threading.Lock()
_ready = False

# Palette shared by both reports. Colour only ever repeats what the text already says
# (a status word, a level), so a black-and-white print loses nothing.
NAVY = colors.HexColor("#1F3A5F")
TEAL = colors.HexColor("#2A7F9E")
INK = colors.HexColor("#1C2430")
MUTED = colors.HexColor("#5B6675")
RULE = colors.HexColor("#C9D1DB")
ZEBRA = colors.HexColor("#F3F6F9")
TINT = colors.HexColor("#E6EEF5")
AMBER_BG = colors.HexColor("#FFF1CC")
RED = colors.HexColor("#B3261E")
RED_BG = colors.HexColor("#FBE3E1")
GREEN = colors.HexColor("#1E7A46")
GREEN_BG = colors.HexColor("#DFF2E6")
AMBER = colors.HexColor("#9A6700")


def ensure_fonts() -> str:
    """Register the embedded CJK font and the line-break rules once per process.

    Thread-safe because exports may run in a worker thread while the UI previews.
    Returns the font name to use.
    """
    global _ready
    if _ready:
        return FONT_NAME
    with _lock:
        if _ready:
            return FONT_NAME
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from kamdesk.resources import resource_path

        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            path = resource_path(*FONT_FILE)
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
            # No bold/italic faces exist; mapping them to the regular face keeps <b>/<i>
            # in user text from raising instead of printing.
            pdfmetrics.registerFontFamily(
                FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
            )
        _install_line_break_rules()
        _ready = True
    return FONT_NAME


def _install_line_break_rules() -> None:
    """Teach reportlab that ，；：！？ etc. may not start a line.

    Both copies must change: ``textsplit.ALL_CANNOT_START`` is read by the single-style
    wrapper, while ``platypus.paragraph`` imported its own copy of the string for
    paragraphs that mix styles (a coloured word, a <br/>). Measured here: patching only
    textsplit left 44 of 272 mixed-style lines starting with '，'.
    """
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    def extend(current: str, extra: str) -> str:
        return current + "".join(ch for ch in extra if ch not in current)

    textsplit.ALL_CANNOT_START = extend(textsplit.ALL_CANNOT_START, CANNOT_START)
    paragraph.ALL_CANNOT_START = extend(paragraph.ALL_CANNOT_START, CANNOT_START)
    textsplit.ALL_CANNOT_END = extend(textsplit.ALL_CANNOT_END, CANNOT_END)


_DOUBLE_SPACE = re.compile(r"[ \u3000]{2,}")
_GAP_BEFORE_PUNCT = re.compile(r"[ \u3000]+(?=[，、。；：！？）》」』】])")


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    """Code points the font can draw visibly. Format characters (ZWJ, variation
    selectors, BOM) are left out even where the font maps them: they only make sense
    next to the emoji that get dropped, and would come back in copied text."""
    from reportlab.pdfbase import pdfmetrics

    ensure_fonts()
    face: Any = pdfmetrics.getFont(FONT_NAME).face
    return frozenset(cp for cp in face.charToGlyph if unicodedata.category(chr(cp)) != "Cf")


def printable(text: str) -> str:
    """``text`` without the characters the font cannot draw (emoji, ZWJ, variation selectors).

    Dropping beats a box: "✅ 已完成" reads fine as "已完成", while a .notdef glyph in a
    customer-facing plan looks broken.
    """
    covered = _covered()
    kept = "".join(ch for ch in text if ord(ch) in covered or ch in "\n\t")
    if len(kept) != len(text):
        # "调研 🎯。" must not become "调研 。": close the gap a dropped emoji leaves.
        kept = _GAP_BEFORE_PUNCT.sub("", _DOUBLE_SPACE.sub(" ", kept))
    return kept.strip()


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending in … when cut (used where space is fixed)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: max(limit - 1, 1)].rstrip("，、；： ,;:") + "…"


def fit(text: str, size: float, width: float) -> str:
    """``text`` (printable) cut with … to fit ``width`` points at ``size``: for strings drawn
    straight on the canvas (headers, footers), where nothing wraps and hanzi are twice as
    wide as Latin letters, so a character count cannot stand in for width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    font = ensure_fonts()
    text = " ".join(printable(text).split())
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def markup(text: str, limit: int | None = None) -> str:
    """User text made safe for a Paragraph: printable, XML-escaped, newlines kept."""
    text = printable(text)
    if limit is not None:
        text = clip(text, limit)
    return escape(text).replace("\n", "<br/>")


_MAX_REBREAKS = 6
_LATIN_TAIL = re.compile(r"[A-Za-z0-9]+$")
_LATIN_HEAD = re.compile(r"^[A-Za-z0-9]+")
_MARKUP_SPAN = re.compile(r"<[^>]*>|&#?\w+;")


def _line_texts(para: Any) -> list[str]:
    lines = []
    for line in para.blPara.lines:
        if isinstance(line, tuple):  # single-style paragraph: (extra_space, [text])
            lines.append("".join(line[1]))
        else:  # mixed styles: FragLine with text fragments
            lines.append("".join(getattr(f, "text", "") for f in line.words))
    return lines


def _bad_break(lines: list[str]) -> tuple[str, int] | None:
    """The first line end a reader would stumble on, as (token, occurrence index).

    Three cases reportlab's CJK wrap gets wrong: a line ending in an opening bracket
    (it never consults ALL_CANNOT_END); a line starting with punctuation after two
    closing marks in a row (it hangs only one, so "敏）" + "：" leaves "：" in front);
    and a Latin word cut in two because the wrapper looks back only half a line for a
    space ("Budget hold|er" in a narrow cell). The token is the text that must move to
    the next line; the occurrence index locates it in the source, which survives
    reportlab's whitespace stripping better than a character offset would.
    """
    for k in range(len(lines) - 1):
        cur, nxt = lines[k], lines[k + 1]
        if not cur or not nxt:
            continue
        earlier = "".join(lines[:k])
        if cur[-1] in CANNOT_END and len(cur) > 1:
            return cur[-1], (earlier + cur).count(cur[-1]) - 1
        if nxt[0] in CANNOT_START:
            keep = len(cur.rstrip(CANNOT_START)) - 1  # the character the marks belong to
            lead = len(nxt) - len(nxt.lstrip(CANNOT_START))
            if keep > 0:
                token = cur[keep:] + nxt[:lead]
                return token, (earlier + cur[:keep] + token).count(token) - 1
        tail, head = _LATIN_TAIL.search(cur), _LATIN_HEAD.search(nxt)
        if tail and head and tail.start() > 0:
            word = tail.group() + head.group()
            return word, (earlier + cur[: tail.start()] + word).count(word) - 1
    return None


def _break_before(text: str, token: str, occurrence: int) -> str | None:
    """``text`` with a <br/> before the given occurrence of ``token`` outside markup."""
    spans = [m.span() for m in _MARKUP_SPAN.finditer(text)]
    seen = 0
    for m in re.finditer(re.escape(token), text):
        if any(a < m.end() and m.start() < b for a, b in spans):
            continue
        if seen == occurrence:
            head = text[: m.start()].rstrip(" ")
            return f"{head}<br/>{text[m.start():]}"
        seen += 1
    return None


class CJKParagraph(Paragraph):
    """A Paragraph that re-breaks lines reportlab's CJK wrap ends badly.

    It wraps as usual, then looks for a line ending in an opening bracket or in the
    middle of a Latin word, forces a break before that token and wraps again. Lines
    before the fix stay as they were, so the loop only moves forward; the common case
    (no bad break) costs one scan of the line texts.
    """

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size = super().wrap(availWidth, availHeight)
        for _ in range(_MAX_REBREAKS):
            text = getattr(self, "text", None)
            if not text or not hasattr(self, "blPara"):
                break
            bad = _bad_break(_line_texts(self))
            fixed = _break_before(text, *bad) if bad else None
            if fixed is None:
                break
            Paragraph.__init__(self, fixed, self.style, bulletText=self.bulletText,
                               caseSensitive=self.caseSensitive)
            size = super().wrap(availWidth, availHeight)
        return size


class HeavyParagraph(CJKParagraph):
    """A paragraph drawn with fill + stroke (PDF text render mode 2): a bold look without
    a bold font. Still a real Paragraph, so long Chinese headings wrap and split."""

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        color = self.style.textColor
        canv.setStrokeColor(color)
        canv.setLineWidth(self.style.fontSize * 0.035)
        canv.addLiteral("2 Tr")
        super().draw()
        canv.restoreState()


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    body_muted: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    kpi_value: ParagraphStyle
    kpi_label: ParagraphStyle
    cover_kicker: ParagraphStyle
    cover_title: ParagraphStyle
    cover_sub: ParagraphStyle


@lru_cache(maxsize=4)
def styles(scale: float = 1.0) -> Styles:
    """Paragraph styles, all CJK-wrapping; ``scale`` < 1 gives the denser one-page brief.

    Leading is ~1.45× the size: hanzi fill the whole em box and look cramped at the 1.2×
    that suits Latin text.
    """
    font = ensure_fonts()

    def style(name: str, size: float, **kw: Any) -> ParagraphStyle:
        size *= scale
        kw.setdefault("leading", round(size * 1.45, 1))
        kw.setdefault("textColor", INK)
        # bulletFontName too: its default (Helvetica) would add a non-embedded font.
        return ParagraphStyle(
            name, fontName=font, bulletFontName=font, fontSize=size, wordWrap="CJK", **kw
        )

    return Styles(
        body=style("body", 10, spaceAfter=4 * scale),
        body_muted=style("body_muted", 9, textColor=MUTED),
        bullet=style("bullet", 10, leftIndent=14 * scale, bulletIndent=3 * scale,
                     spaceAfter=3 * scale),
        small=style("small", 8, textColor=MUTED),
        h1=style("h1", 15, textColor=NAVY, spaceBefore=14 * scale, spaceAfter=7 * scale),
        h2=style("h2", 11, textColor=TEAL, spaceBefore=8 * scale, spaceAfter=4 * scale,
                 keepWithNext=1),
        cell=style("cell", 8.5, alignment=TA_LEFT),
        cell_right=style("cell_right", 8.5, alignment=TA_RIGHT),
        cell_center=style("cell_center", 8.5, alignment=TA_CENTER),
        cell_head=style("cell_head", 8.5, textColor=colors.white),
        kpi_value=style("kpi_value", 15, textColor=NAVY, leading=19 * scale),
        kpi_label=style("kpi_label", 8, textColor=MUTED),
        cover_kicker=style("cover_kicker", 11, textColor=colors.HexColor("#BFD3E6")),
        cover_title=style("cover_title", 28, textColor=colors.white, leading=36 * scale),
        cover_sub=style("cover_sub", 12, textColor=colors.HexColor("#DCE6F0")),
    )
