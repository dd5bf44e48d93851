"""Phone-book files shaped as Android, iPhone, Outlook and Google write them, built
from plain contact specs — for the vCard import tests (no real exports copied)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

SURNAMES = ["王", "李", "张", "刘", "陈", "欧阳", "司马", "诸葛", "曾", "单", "覃", "上官"]
GIVEN = ["伟", "芳", "娜娜", "小明", "建国", "丽", "志强", "子涵", "玥", "晓东"]
WESTERN = [("John", "Smith"), ("Mary", "Johnson"), ("Olivia", "Taylor"), ("James", "Brown")]
TITLES = ["总经理", "采购经理", "财务总监", "IT负责人", "Purchasing Manager", "CTO"]
DEPTS = ["采购部", "财务部", "技术部", "", "Sales"]


@dataclass
class Spec:
    family: str
    given: str
    org: str
    dept: str = ""
    title: str = ""
    mobile: str = ""
    work: str = ""
    home: str = ""
    emails: list[str] = field(default_factory=list)
    bday: tuple[int | None, int, int] | None = None  # (year or None, month, day)
    note: str = ""

    @property
    def chinese(self) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for ch in self.family + self.given)

    @property
    def name(self) -> str:
        return self.family + self.given if self.chinese else f"{self.given} {self.family}"


def random_specs(seed: int, count: int, orgs: list[str]) -> list[Spec]:
    rnd = random.Random(seed)
    out = []
    used: set[object] = set()
    for i in range(count):
        org = rnd.choice(orgs)
        while True:  # one name once per company: the same name there is the same person
            if rnd.random() < 0.75:
                family, given = rnd.choice(SURNAMES), rnd.choice(GIVEN)
            else:
                given, family = rnd.choice(WESTERN)
            if (family, given, org) not in used:
                used.add((family, given, org))
                break
        while True:
            mobile = f"1{rnd.choice('3589')}{rnd.randrange(10**9):09d}"
            if mobile not in used:
                used.add(mobile)
                break
        year = rnd.choice([None, rnd.randrange(1955, 2001)])
        month = rnd.randrange(1, 13)
        out.append(Spec(
            family=family, given=given, org=org, dept=rnd.choice(DEPTS),
            title=rnd.choice(TITLES), mobile=mobile,
            work=rnd.choice(["", f"010-{rnd.randrange(10**7, 10**8)}"]),
            home=rnd.choice(["", f"021-{rnd.randrange(10**7, 10**8)}"]),
            emails=[f"u{i}_{seed}@example.cn"] + ([f"u{i}@home.cn"] if rnd.random() < .3 else []),
            bday=rnd.choice([None, (year, month, rnd.randrange(1, 29))]),
            note=rnd.choice(["", "爱喝茶;周末打球", "line one\nline two, with comma"]),
        ))
    return out


def _qp(text: str, charset: str = "utf-8") -> str:
    """Quoted-printable as phones write it: line breaks as =0D=0A, soft breaks ("=" at
    the end of a line) every 70 characters."""
    encoded = "".join(chr(b) if 33 <= b <= 126 and b != 61 else f"={b:02X}"
                      for b in text.replace("\n", "\r\n").encode(charset))
    chunks, i = [], 0
    while i < len(encoded):
        end = min(i + 70, len(encoded))
        while end < len(encoded) and "=" in encoded[end - 2:end]:
            end -= 1  # never split an =XX
        chunks.append(encoded[i:end])
        i = end
    return "=\r\n".join(chunks)


def _esc(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Fold a 3.0 line at 60 characters (not octets: what several writers do)."""
    return "\r\n ".join(line[i:i + 60] for i in range(0, len(line), 60)) or line


def android(specs: list[Spec]) -> bytes:
    """Android contacts app: 2.1, non-ASCII values quoted-printable with CHARSET=UTF-8."""
    lines: list[str] = []
    for s in specs:
        lines += ["BEGIN:VCARD", "VERSION:2.1"]
        if s.chinese:
            lines.append(f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(s.family)};"
                         f"{_qp(s.given)};;;")
            lines.append(f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(s.name)}")
        else:
            lines += [f"N:{s.family};{s.given};;;", f"FN:{s.name}"]
        lines.append(f"TEL;CELL:{s.mobile}")
        if s.work:
            lines.append(f"TEL;WORK:{s.work}")
        if s.home:
            lines.append(f"TEL;HOME:{s.home}")
        lines += [f"EMAIL;WORK:{e}" for e in s.emails]
        org = s.org + (f";{s.dept}" if s.dept else "")
        lines.append(f"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(org)}")
        if s.title:
            lines.append(f"TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(s.title)}")
        if s.bday:
            y, m, d = s.bday
            lines.append(f"BDAY:{y:04d}-{m:02d}-{d:02d}" if y else f"BDAY:--{m:02d}-{d:02d}")
        if s.note:
            lines.append(f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp(s.note)}")
        lines.append("PHOTO;ENCODING=BASE64;JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD")
        lines += [" AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", ""]
        lines.append("END:VCARD")
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def iphone(specs: list[Spec]) -> bytes:
    """iOS: 3.0, itemN. groups with X-ABLabel, year-less BDAY as 1604 + X-APPLE-OMIT-YEAR,
    LF line ends here (files passed through a Mac editor)."""
    out: list[str] = []
    for s in specs:
        lines = ["BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//iPhone OS 17.0//EN",
                 f"N:{_esc(s.family)};{_esc(s.given)};;;", f"FN:{_esc(s.name)}"]
        lines.append(f"ORG:{_esc(s.org)};{_esc(s.dept)}")
        if s.title:
            lines.append(f"TITLE:{_esc(s.title)}")
        lines += [f"item1.TEL:{s.mobile}", "item1.X-ABLabel:_$!<Mobile>!$_"]
        if s.work:
            lines.append(f"TEL;type=WORK;type=VOICE;type=pref:{s.work}")
        if s.home:
            lines += [f"item2.TEL:{s.home}", "item2.X-ABLabel:住宅"]
        for i, e in enumerate(s.emails):
            lines.append(f"item{3 + i}.EMAIL;type=INTERNET:{e}")
        if s.bday:
            y, m, d = s.bday
            lines.append(f"BDAY:{y:04d}-{m:02d}-{d:02d}" if y
                         else f"BDAY;X-APPLE-OMIT-YEAR=1604:1604-{m:02d}-{d:02d}")
        if s.note:
            lines.append(_fold(f"NOTE:{_esc(s.note)}"))
        lines.append("END:VCARD")
        out += lines
    return ("\n".join(out) + "\n").encode("utf-8")


def outlook(specs: list[Spec]) -> bytes:
    """Outlook (Chinese Windows): 2.1 in GBK, CHARSET=gb2312 on some lines and none on
    others, BDAY as 19800315, a UTF-8 BOM-less file with CRLF."""
    lines: list[str] = []
    for s in specs:
        lines += ["BEGIN:VCARD", "VERSION:2.1", f"N;LANGUAGE=zh-cn;CHARSET=gb2312:"
                  f"{s.family};{s.given}", f"FN:{s.name}"]
        lines.append(f"ORG:{s.org};{s.dept}")
        if s.title:
            lines.append(f"TITLE;CHARSET=gb2312:{s.title}")
        lines.append(f"TEL;CELL;VOICE:{s.mobile}")
        if s.work:
            lines.append(f"TEL;WORK;VOICE:{s.work}")
        if s.home:
            lines.append(f"TEL;HOME;VOICE:{s.home}")
        lines += [f"EMAIL;PREF;INTERNET:{s.emails[0]}"] + [
            f"EMAIL;INTERNET:{e}" for e in s.emails[1:]]
        if s.bday and s.bday[0]:
            y, m, d = s.bday
            lines.append(f"BDAY:{y:04d}{m:02d}{d:02d}")
        if s.note:
            lines.append(f"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=gb2312:{_qp(s.note, 'gbk')}")
        lines.append("END:VCARD")
    return ("\r\n".join(lines) + "\r\n").encode("gbk")


def google(specs: list[Spec]) -> bytes:
    """Google Contacts: 3.0, TYPE lists, year-less BDAY as --MM-DD, a UTF-8 BOM."""
    lines: list[str] = []
    for s in specs:
        lines += ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_esc(s.name)}",
                  f"N:{_esc(s.family)};{_esc(s.given)};;;"]
        lines += [f"EMAIL;TYPE=INTERNET;TYPE=WORK:{s.emails[0]}"] + [
            f"EMAIL;TYPE=INTERNET;TYPE=HOME:{e}" for e in s.emails[1:]]
        lines.append(f"TEL;TYPE=CELL:{s.mobile}")
        if s.work:
            lines.append(f"TEL;TYPE=WORK:{s.work}")
        if s.home:
            lines.append(f"TEL;TYPE=HOME:{s.home}")
        if s.bday:
            y, m, d = s.bday
            lines.append(f"BDAY:{y:04d}-{m:02d}-{d:02d}" if y else f"BDAY:--{m:02d}-{d:02d}")
        lines.append(f"ORG:{_esc(s.org)}" + (f";{_esc(s.dept)}" if s.dept else ""))
        if s.title:
            lines.append(f"TITLE:{_esc(s.title)}")
        if s.note:
            lines.append(_fold(f"NOTE:{_esc(s.note)}"))
        lines.append("CATEGORIES:myContacts")
        lines.append("END:VCARD")
    return b"\xef\xbb\xbf" + ("\r\n".join(lines) + "\r\n").encode("utf-8")


SHAPES = {"android": android, "iphone": iphone, "outlook": outlook, "google": google}
