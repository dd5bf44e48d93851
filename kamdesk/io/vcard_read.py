"""Reading the vCard files phones and mail programs write (2.1, 3.0, 4.0) into plain
contacts — no database here; :mod:`kamdesk.store.ops.people_import` decides what
becomes of each one.

Real files differ from the RFCs in ways that lose data if read strictly, so this is
a tolerant reader written for the shapes people have: Android's 2.1 with
quoted-printable values and ``CHARSET=UTF-8``; Outlook's 2.1/3.0 in GBK with no
charset at all; iPhone's 3.0 with Apple ``itemN.`` groups and ``X-ABLabel`` labels and
``X-APPLE-OMIT-YEAR`` birthdays; Google's 3.0; 4.0's ``VALUE=`` and quoted
parameters. Lines are unfolded and values decoded *per property* on bytes, because
one card may mix charsets. A problem names the card (1-based, in file order) and
the property; the card itself is still read as far as it can be.
"""

from __future__ import annotations

import codecs
import quopri
import re
from dataclasses import dataclass

from kamdesk.domain.contact_cards import CardBirthday, CardProblem, VCardContact
from kamdesk.domain.person_names import join_name, normalize_name

__all__ = ["CardBirthday", "CardProblem", "VCardContact", "read_vcards", "parse_vcards",
           "LUNAR_PROPERTY", "LEAP_PARAM", "LUNAR_NOTE_PREFIX"]

#: Our own export's lunar birthday (the BDAY next to it is only its next solar date).
LUNAR_PROPERTY = "X-KAMDESK-LUNAR-BIRTHDAY"
LEAP_PARAM = "X-LEAP-MONTH"
#: The NOTE line our export adds beside a lunar birthday; dropped again on import.
LUNAR_NOTE_PREFIX = "农历生日 Lunar birthday:"

_MOBILE_WORDS = ("CELL", "MOBILE", "IPHONE", "手机", "移动")
_MOBILE_NUMBER = re.compile(r"^(?:\+?86)?1[3-9]\d{9}$")
_PHONE_CHARS = re.compile(r"^[0-9+()\-\s.#*,;/xXextEXT转分机]+$")
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


@dataclass
class _Prop:
    group: str
    name: str
    params: dict[str, list[str]]
    raw: bytes  # the value, still encoded


# -- lines ---------------------------------------------------------------------------

def _text_bytes(data: bytes) -> bytes:
    """The file as ASCII-compatible bytes: UTF-16/32 files (with a BOM) re-encoded as
    UTF-8, a UTF-8 BOM dropped."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace").encode("utf-8")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:]
    return data


def _logical_lines(data: bytes) -> list[bytes]:
    """Unfold: a line starting with space/tab continues the previous one (one blank
    removed); a quoted-printable value ending in '=' continues on the next line; a
    line without a colon (a stray base64 or wrapped line) continues the previous."""
    out: list[bytes] = []
    qp_open = False
    for line in re.split(rb"\r\n|\r|\n", data):
        if qp_open and out:
            out[-1] = out[-1][:-1] + line.lstrip(b" \t")
            qp_open = out[-1].endswith(b"=")
            continue
        if not line.strip():
            continue
        if line[:1] in (b" ", b"\t") and out:
            out[-1] += line[1:]
        elif b":" not in line and out:
            out[-1] += line.strip()
        else:
            out.append(line)
        head = out[-1].split(b":", 1)[0].upper()
        qp_open = (b"QUOTED-PRINTABLE" in head or b"ENCODING=QP" in head) \
            and out[-1].endswith(b"=")
    return out


def _split_unquoted(text: str, sep: str) -> list[str]:
    parts: list[str] = []
    buf: list[str] = []
    quoted = False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        if ch == sep and not quoted:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    parts.append("".join(buf))
    return parts


def _parse_line(line: bytes) -> _Prop | None:
    head_end = -1
    quoted = False
    for i, b in enumerate(line):
        if b == 0x22:
            quoted = not quoted
        elif b == 0x3A and not quoted:
            head_end = i
            break
    if head_end < 0:
        return None
    head = line[:head_end].decode("ascii", errors="replace")
    pieces = _split_unquoted(head, ";")
    name = pieces[0].strip()
    group = ""
    if "." in name:
        group, _, name = name.rpartition(".")
    params: dict[str, list[str]] = {}
    for piece in pieces[1:]:
        key, eq, value = piece.partition("=")
        if not eq:  # 2.1 bare parameter: TEL;CELL;VOICE, or ;QUOTED-PRINTABLE
            key, value = ("ENCODING" if piece.upper() in ("QUOTED-PRINTABLE", "BASE64", "B")
                          else "TYPE"), piece
        # 4.0 quotes lists (TYPE="cell,voice"): the items are still separate values.
        values = [v.strip() for v in value.strip().strip('"').split(",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return _Prop(group.upper(), name.upper(), params, line[head_end + 1:])


# -- values --------------------------------------------------------------------------

def _decode(prop: _Prop) -> str:
    """The property's value as text (charset and quoted-printable undone, line breaks
    inside it made ``\n``), not yet unescaped."""
    text = _decode_bytes(prop)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_bytes(prop: _Prop) -> str:
    raw = prop.raw
    encoding = " ".join(prop.params.get("ENCODING", [])).upper()
    if "QUOTED-PRINTABLE" in encoding or encoding == "QP":
        raw = quopri.decodestring(raw)
    charsets = [c.strip() for c in prop.params.get("CHARSET", []) if c.strip()]
    for charset in [*charsets, "utf-8", "gb18030"]:
        try:
            return raw.decode(_codec(charset))
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", errors="replace")


def _codec(charset: str) -> str:
    name = charset.lower()
    # GB2312/GBK files routinely hold characters only GB18030 names; it is a superset.
    return "gb18030" if name in ("gb2312", "gbk", "gb18030", "cp936", "x-gbk") else name


def _unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _components(text: str) -> list[str]:
    """A structured value (N, ORG) split on unescaped ';', each part unescaped."""
    parts, buf, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            buf.append(text[i:i + 2])
            i += 2
            continue
        if text[i] == ";":
            parts.append(_unescape("".join(buf)))
            buf = []
        else:
            buf.append(text[i])
        i += 1
    parts.append(_unescape("".join(buf)))
    return [p.strip() for p in parts]


def _labels(prop: _Prop, group_labels: dict[str, str]) -> list[str]:
    words = [t.upper() for t in prop.params.get("TYPE", [])]
    if prop.group and prop.group in group_labels:
        words.append(group_labels[prop.group].upper())
    return words


def _date(text: str, omit_year: str | None) -> CardBirthday | None:
    """Solar birthday from BDAY forms: 1980-03-15, 19800315, --03-15, --0315,
    1980-03-15T00:00:00Z, and Apple's 1604-03-15 with X-APPLE-OMIT-YEAR=1604."""
    value = text.strip().split("T")[0]
    m = (re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", value)
         or re.fullmatch(r"(--)-?(\d{2})-?(\d{2})", value)
         or re.fullmatch(r"(\d{4})[./年](\d{1,2})[./月](\d{1,2})日?", value))
    if not m:
        return None
    year = None if m.group(1) == "--" or m.group(1) == omit_year else int(m.group(1))
    month, day = int(m.group(2)), int(m.group(3))
    import calendar

    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        return None
    return CardBirthday("solar", month, day, year)


def _lunar(text: str, leap: bool) -> CardBirthday | None:
    m = re.fullmatch(r"(\d{4}|-)-(\d{1,2})-(\d{1,2})", text.strip())
    if not m:
        return None
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    return CardBirthday("lunar", month, day, None if m.group(1) == "-" else int(m.group(1)),
                        leap)


def _phone_ok(number: str) -> bool:
    return bool(_PHONE_CHARS.match(number)) and sum(ch.isdigit() for ch in number) >= 3


def _is_mobile(labels: list[str], number: str) -> bool:
    if any(w in label for label in labels for w in _MOBILE_WORDS):
        return True
    typed = any(w in label for label in labels
                for w in ("WORK", "HOME", "FAX", "MAIN", "PAGER", "办公", "工作", "住宅", "传真"))
    return not typed and bool(_MOBILE_NUMBER.match(re.sub(r"[\s\-()]", "", number)))


def _label_text(labels: list[str]) -> str:
    words = [w for w in labels if w not in ("VOICE", "INTERNET", "PREF", "X400")]
    return ",".join(w.lower() for w in words)


# -- cards ---------------------------------------------------------------------------

def _card(number: int, props: list[_Prop], problems: list[CardProblem]) -> VCardContact:
    """One card's properties as a contact; ``number`` is the card's place in the file."""
    contact = VCardContact(card=number)
    group_labels: dict[str, str] = {}
    for p in props:
        if p.name == "X-ABLABEL" and p.group:
            label = _unescape(_decode(p)).strip()
            m = _APPLE_LABEL.match(label)
            group_labels[p.group] = m.group(1) if m else label
    fn = n_name = ""
    solar: CardBirthday | None = None
    lunar: CardBirthday | None = None
    notes: list[str] = []
    for p in props:
        if p.name in ("PHOTO", "LOGO", "SOUND", "KEY"):
            contact.has_photo = contact.has_photo or p.name == "PHOTO"
            continue
        value = _decode(p)
        if p.name == "FN":
            fn = " ".join(_unescape(value).split())
        elif p.name == "N":
            parts = [*_components(value), "", "", ""]
            n_name = join_name(parts[0], parts[1], parts[2])
        elif p.name == "ORG":
            parts = [c for c in _components(value) if c]
            if parts:
                contact.org = parts[0]
                contact.department = " / ".join(parts[1:]) or None
        elif p.name == "TITLE":
            contact.title = _unescape(value).strip() or contact.title
        elif p.name == "ROLE" and not contact.title:
            contact.title = _unescape(value).strip() or None
        elif p.name == "NOTE":
            if text := _unescape(value).strip():
                notes.append(text)
        elif p.name == "TEL":
            tel = _unescape(value).strip()
            if tel.lower().startswith("tel:"):
                tel = tel[4:]
            if not tel:
                continue
            if not _phone_ok(tel):
                problems.append(CardProblem(number, "TEL", "invalid_choice", tel))
                continue
            labels = _labels(p, group_labels)
            target = contact.mobiles if _is_mobile(labels, tel) else contact.phones
            target.append((tel, _label_text(labels)))
        elif p.name == "EMAIL":
            address = _unescape(value).strip()
            if address.lower().startswith("mailto:"):
                address = address[7:]
            if not address:
                continue
            if "@" not in address or " " in address:
                problems.append(CardProblem(number, "EMAIL", "invalid_choice", address))
                continue
            contact.emails.append((address, _label_text(_labels(p, group_labels))))
        elif p.name in ("X-WECHAT", "X-WEIXIN"):
            contact.wechat = _unescape(value).strip() or None
        elif p.name == "BDAY":
            omit = next(iter(p.params.get("X-APPLE-OMIT-YEAR", [])), None)
            solar = _date(_unescape(value), omit)
            if solar is None and value.strip():
                problems.append(CardProblem(number, "BDAY", "invalid_date", value.strip()))
            elif solar and solar.year is not None and not 1900 <= solar.year <= 2100:
                problems.append(CardProblem(number, "BDAY", "out_of_range", value.strip()))
                solar = None
        elif p.name == LUNAR_PROPERTY:
            leap = (p.params.get(LEAP_PARAM) or ["0"])[0].lower() in ("1", "true", "yes")
            lunar = _lunar(_unescape(value), leap)
            if lunar is None:
                problems.append(CardProblem(number, p.name, "invalid_date", value.strip()))
    contact.name = _display_name(fn, n_name) or (contact.org or "")
    if not contact.name:
        problems.append(CardProblem(number, "FN", "required"))
    contact.birthday = lunar or solar
    if lunar is not None:
        notes = ["\n".join(line for line in note.split("\n")
                           if not line.startswith(LUNAR_NOTE_PREFIX)).strip() for note in notes]
    contact.note = "\n".join(n for n in notes if n) or None
    return contact


def _display_name(fn: str, n_name: str) -> str:
    """FN, unless it is only N's Chinese name in Western order ("三 张" for 张三)."""
    if not fn:
        return n_name
    if n_name and fn.replace(" ", "") != n_name and sorted(fn.replace(" ", "")) == sorted(
            n_name) and " " in fn:
        return n_name
    return normalize_name(fn)


def parse_vcards(data: bytes) -> tuple[list[VCardContact], list[CardProblem]]:
    """Every card of a .vcf file's bytes, with the problems found (card, property)."""
    problems: list[CardProblem] = []
    contacts: list[VCardContact] = []
    props: list[_Prop] | None = None
    number = 0
    for line in _logical_lines(_text_bytes(data)):
        prop = _parse_line(line)
        if prop is None:
            if props is not None:
                problems.append(CardProblem(number, "", "unreadable",
                                            line[:40].decode("utf-8", "replace")))
            continue
        if prop.name == "BEGIN" and prop.raw.strip().upper() == b"VCARD":
            number += 1
            props = []
        elif prop.name == "END" and prop.raw.strip().upper() == b"VCARD":
            if props is not None:
                contacts.append(_card(number, props, problems))
            props = None
        elif props is not None:
            props.append(prop)
    if props is not None:  # a last card without END:VCARD (a cut-off file)
        problems.append(CardProblem(number, "END", "required"))
        contacts.append(_card(number, props, problems))
    return contacts, problems


def read_vcards(path: str) -> tuple[list[VCardContact], list[CardProblem]]:
    with open(path, "rb") as fh:
        return parse_vcards(fh.read())
