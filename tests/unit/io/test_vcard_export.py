"""The vCard export: split names, birthdays (lunar kept), folding, escaping, atomic."""

from __future__ import annotations

from datetime import date

import pytest
import vobject

from kamdesk.domain.lunar import lunar_to_solar
from kamdesk.domain.person_names import join_name, split_name
from kamdesk.io.vcard import fold_line, people_vcards, write_vcards
from kamdesk.io.vcard_read import parse_vcards
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.key_dates import Birthday
from kamdesk.store.ops.people import save_person

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(("name", "family", "given"), [
    ("张三", "张", "三"), ("欧阳娜娜", "欧阳", "娜娜"), ("司马光", "司马", "光"),
    ("诸葛亮", "诸葛", "亮"), ("上官婉儿", "上官", "婉儿"), ("令狐冲", "令狐", "冲"),
    ("欧阳", "欧", "阳"), ("王", "王", ""), ("王 小明", "王", "小明"),
    ("John Smith", "Smith", "John"), ("Mary Ann Lee", "Lee", "Mary Ann"),
    ("Smith, John", "Smith", "John"), ("Madonna", "Madonna", ""),
    ("约翰·史密斯", "史密斯", "约翰"),
])
def test_split_name(name, family, given):
    assert split_name(name) == (family, given)


def test_join_name_puts_chinese_names_in_chinese_order():
    assert join_name("欧阳", "娜娜") == "欧阳娜娜"
    assert join_name("Smith", "John") == "John Smith"


def test_fold_line_counts_octets_and_never_splits_a_character():
    line = "NOTE:" + "长" * 100 + "x" * 50
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def _book(db):
    cid = db.write(create_customer, code="C001", name="远航物流有限公司").value
    nasty = "第一行\r\n第二行\r第三行\x00NUL\x0bVT\u2028LS;逗号,反斜杠\\ \t"
    people = [
        ("欧阳娜娜", Birthday("lunar", 4, 8, leap_month=True, year=1985), nasty),
        ("John Smith", Birthday("solar", 3, 15), None),
        ("王芳", Birthday("solar", 2, 29, year=1980), "长" * 200),
        ("曾晓东", None, None),
    ]
    for name, bday, notes in people:
        db.write(save_person, cid, None, bday, name=name, title="采购经理", mobile="13800000000",
                 phone="010-66668888", email="a@example.cn", notes=notes, department="采购部")
    return cid


def test_export_is_parsed_by_vobject_and_keeps_what_phones_need(db, tmp_path):
    _book(db)
    text = db.read(people_vcards, None, TODAY)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert "\x00" not in text and "\u2028" not in text and "\x0b" not in text
    cards = list(vobject.readComponents(text))
    assert len(cards) == 4
    by_name = {c.fn.value: c for c in cards}
    assert (by_name["欧阳娜娜"].n.value.family, by_name["欧阳娜娜"].n.value.given) == (
        "欧阳", "娜娜")
    assert by_name["John Smith"].n.value.family == "Smith"
    assert by_name["John Smith"].bday.value == "--03-15"
    assert by_name["王芳"].bday.value == "1980-02-29"
    lunar = by_name["欧阳娜娜"]
    # 闰四月初八: 2026 has no leap fourth month and its 四月初八 has passed → 2027's
    assert lunar.bday.value == lunar_to_solar(2027, 4, 8).isoformat() == "2027-05-13"
    assert lunar.x_kamdesk_lunar_birthday.value == "1985-04-08"
    assert lunar.x_kamdesk_lunar_birthday.params["X-LEAP-MONTH"] == ["1"]
    assert "农历生日" in lunar.note.value and "闰四月初八" in lunar.note.value
    assert lunar.note.value.startswith("第一行\n第二行\n第三行NUL\nVT\nLS;逗号,反斜杠\\\n")
    assert not hasattr(by_name["曾晓东"], "bday")


def test_our_reader_reads_the_export_back(db):
    _book(db)
    contacts, problems = parse_vcards(db.read(people_vcards, None, TODAY).encode())
    assert problems == []
    by_name = {c.name: c for c in contacts}
    lunar = by_name["欧阳娜娜"].birthday
    assert (lunar.calendar, lunar.month, lunar.day, lunar.leap_month, lunar.year) == (
        "lunar", 4, 8, True, 1985)
    assert by_name["欧阳娜娜"].note.startswith("第一行\n第二行")
    assert "农历生日" not in by_name["欧阳娜娜"].note
    assert by_name["王芳"].note == "长" * 200
    assert (by_name["John Smith"].birthday.year, by_name["John Smith"].birthday.month) == (
        None, 3)


def test_write_is_atomic(db, tmp_path, monkeypatch):
    _book(db)
    target = tmp_path / "people.vcf"
    target.write_text("old", encoding="utf-8")
    import kamdesk.io.vcard as vcard

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(vcard, "_card", broken)
    with pytest.raises(RuntimeError):
        db.read(write_vcards, target, None, TODAY)
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".part") == []
    monkeypatch.undo()
    assert db.read(write_vcards, target, None, TODAY) == 4
    assert [p.name for p in tmp_path.iterdir() if "people" in p.name] == ["people.vcf"]
