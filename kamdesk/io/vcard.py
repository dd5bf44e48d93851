"""vCard 3.0 export of key people (what iOS, macOS, Google and Outlook all read),
written with vobject, and read back by :mod:`kamdesk.io.vcard_read`.

What a phone needs and the old hand-written export lost: ``N`` split into family and
given name (:func:`kamdesk.domain.person_names.split_name`, so 欧阳娜娜 sorts under
欧阳); the birthday — a solar one as ``BDAY`` (``--MM-DD`` without a year, the form
Android and Google write and RFC 6350 allows), a lunar one as its *next* solar date
(phones have no lunar birthdays) plus ``X-KAMDESK-LUNAR-BIRTHDAY`` carrying the lunar
date (our import reads it back as lunar) and a NOTE line saying so; lines folded at
75 octets on character boundaries; every control character made harmless (a CR, NUL
or U+2028 in a note used to end the card early). The file is written whole to a
temporary file next to the target and renamed over it: an error leaves no part file.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import vobject
from sqlalchemy import Connection, text

from kamdesk.domain.key_dates import KeyDateRule, next_occurrence
from kamdesk.domain.lunar import lunar_label_zh
from kamdesk.domain.person_names import split_name
from kamdesk.io.vcard_read import LEAP_PARAM, LUNAR_NOTE_PREFIX, LUNAR_PROPERTY

__all__ = ["people_vcards", "write_vcards", "clean_text", "fold_line"]

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Text safe in a vCard value: every line break one ``\\n`` (escaped later),
    tabs kept as spaces, other control characters dropped."""
    value = _LINE_BREAKS.sub("\n", value).replace("\t", " ")
    return _CONTROLS.sub("", value)


def fold_line(line: str, limit: int = 75) -> str:
    """RFC 6350 folding: at most ``limit`` octets a line, never inside a character."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n".join(out)


def _birthday_lines(card: Any, row: Any, today: date, notes: list[str]) -> None:
    calendar, month, day, leap, year = row
    if calendar is None:
        return
    if calendar == "lunar":
        try:
            rule = KeyDateRule("lunar", month, day, bool(leap), None, "yearly")
        except ValueError:
            return
        upcoming = next_occurrence(rule, today)
        if upcoming is not None:
            card.add("bday").value = upcoming.isoformat()
        lunar = card.add(LUNAR_PROPERTY.lower())
        lunar.value = f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
        if leap:
            lunar.params[LEAP_PARAM] = ["1"]
        born = f"{year}年" if year else ""
        notes.append(f"{LUNAR_NOTE_PREFIX} {born}{lunar_label_zh(month, day, bool(leap))}"
                     + (f" (BDAY = {upcoming.isoformat()})" if upcoming else ""))
    else:
        card.add("bday").value = (f"{year:04d}-{month:02d}-{day:02d}" if year
                                  else f"--{month:02d}-{day:02d}")


def _card(row: Any, birthday: Any, today: date) -> str:
    (pid, name, title, dept, phone, mobile, email, wechat, company, notes) = row
    card = vobject.vCard()
    name = clean_text(name or "")
    card.add("uid").value = f"person-{pid}@kamdesk"
    card.add("fn").value = name
    family, given = split_name(name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    org = [clean_text(company or "")] + ([clean_text(dept)] if dept else [])
    card.add("org").value = org
    if title:
        card.add("title").value = clean_text(title)
    for number, kind in ((mobile, "CELL"), (phone, "WORK")):
        if number:
            tel = card.add("tel")
            tel.value = clean_text(number)
            tel.type_param = kind
    if email:
        mail = card.add("email")
        mail.value = clean_text(email)
        mail.type_param = "INTERNET"
    if wechat:
        card.add("x-wechat").value = clean_text(wechat)
    note_lines = [clean_text(notes)] if notes else []
    if birthday is not None:
        _birthday_lines(card, birthday, today, note_lines)
    if note_lines:
        card.add("note").value = "\n".join(note_lines)
    serialized = card.serialize()
    # vobject folds by characters, not octets: unfold and fold again by octets.
    logical = re.sub(r"\r\n[ \t]", "", serialized).split("\r\n")
    return "".join(fold_line(line) + "\r\n" for line in logical if line)


def people_vcards(conn: Connection, customer_code: str | None = None,
                  today: date | None = None) -> str:
    """All active key people (of one customer if a code is given) as one .vcf text."""
    where, params = "WHERE p.archived = false", {}
    if customer_code:
        where += " AND c.code = :code"
        params = {"code": customer_code}
    birthdays = {pid: (cal, m, d, leap, y) for pid, cal, m, d, leap, y in conn.execute(text(
        "SELECT person_id, calendar, month, day, leap_month, year FROM key_dates "
        "WHERE kind = 'birthday' AND person_id IS NOT NULL ORDER BY id DESC"))}
    cards: list[str] = []
    for row in conn.execute(text(
        "SELECT p.id, p.name, p.title, p.department, p.phone, p.mobile, p.email, p.wechat, "
        f"c.name, p.notes FROM people p JOIN customers c ON c.id = p.customer_id {where} "
        "ORDER BY c.code, p.id"), params):
        cards.append(_card(row, birthdays.get(row[0]), today or date.today()))
    return "".join(cards)


def write_vcards(conn: Connection, path: str | Path, customer_code: str | None = None,
                 today: date | None = None) -> int:
    """Write the cards to ``path`` atomically; the number of cards."""
    data = people_vcards(conn, customer_code, today).encode("utf-8")
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                               dir=str(target.parent) if str(target.parent) else ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return data.count(b"BEGIN:VCARD")
