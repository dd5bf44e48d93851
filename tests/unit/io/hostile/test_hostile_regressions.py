"""The counter-examples the hostile-input tests found in the importers, kept as
regressions (one test per bug, each with the input that broke it)."""

from __future__ import annotations

import time
from datetime import date

import factories as customer_ops
from sqlalchemy import text

from kamdesk.domain.text_clean import clean_line, clean_text
from kamdesk.io.import_tables import import_file
from kamdesk.io.sheets.reader import read_sheet

TODAY = date(2026, 11, 23)


def _import(db, tmp_path, body: str, **kw):
    path = tmp_path / "in.csv"
    path.write_text(body, encoding="utf-8")
    with db.engine.begin() as conn:
        return import_file(conn, path, today=TODAY, **kw)


def _book(db):
    with db.session() as s:
        customer_ops.create_customer(s, code="C001", name="甲公司")
        s.commit()


def test_a_csv_cell_over_128_kb_is_read(tmp_path):
    # was _csv.Error: field larger than field limit (131072)
    path = tmp_path / "big.csv"
    path.write_text("活动名称,活动时间\n" + "客" * 140_000 + ",2026-11-01\n", encoding="utf-8")
    assert len(read_sheet(path).rows[0][1][0]) == 140_000


def test_a_huge_quantity_is_refused_at_once(db, tmp_path):
    # int(Decimal("-1e999999")) built a million-digit number: 150 s for one row
    _book(db)
    started = time.monotonic()
    report = _import(db, tmp_path, "客户ID,日期,金额,数量\nC001,2026-11-01,100,-1e999999\n")
    assert time.monotonic() - started < 5
    assert [(p.column, p.code) for p in report.problems] == [("数量", "invalid_number")]


def test_months_of_cooperation_infinity_and_1e999999(db, tmp_path):
    # "Infinity" raised OverflowError; "1e999999" took minutes in int()
    started = time.monotonic()
    report = _import(db, tmp_path, "客户ID,客户名称,合作时长\nC1,甲,Infinity\nC2,乙,1e999999\n")
    assert time.monotonic() - started < 5
    assert [(p.line, p.column, p.code) for p in report.problems] == [
        (2, "months", "invalid_number"), (3, "months", "invalid_number")]


def test_a_5000_digit_participant_count_is_out_of_range(db, tmp_path):
    # was ValueError: Exceeds the limit (4300 digits) for integer string conversion
    head = "活动名称,活动时间,参与客户数量\n年会,2026-11-01,"
    report = _import(db, tmp_path, head + "1" * 5000 + "\n")
    assert [(p.column, p.code) for p in report.problems] == [("participants", "out_of_range")]
    report = _import(db, tmp_path, head + "9" * 20 + "\n")
    assert [(p.column, p.code) for p in report.problems] == [("participants", "out_of_range")]


def test_control_characters_never_reach_stored_names(db, tmp_path):
    # were stored as read: '甲\x01乙\rX', '简\x1b称', '\u202e丙\ufeff公司', '活\x0b动'
    _book(db)
    _import(db, tmp_path, "客户ID,客户名称,客户简称,关键联系人\n"
            "C010,\"甲\x01乙\rX\",简\x1b称,王\x00五\nC011,\u202e丙\ufeff公司\u2028,,\n",
            skip_invalid=True)
    _import(db, tmp_path,
            "客户ID,沟通时间,沟通方式,沟通主题\nC001,2026-11-01,电话,\"主\x07题\r\nX\"\n")
    _import(db, tmp_path, "活动名称,活动时间\n\"活\x0b动\",2026-11-01\n")
    with db.engine.connect() as conn:
        names = conn.execute(text("SELECT name, short_name FROM customers ORDER BY code")).all()
        topics = conn.execute(text("SELECT topic FROM interactions")).scalars().all()
        events = conn.execute(text("SELECT name FROM events")).scalars().all()
        people = conn.execute(text("SELECT name FROM people")).scalars().all()
    assert [tuple(r) for r in names] == [("甲公司", None), ("甲乙 X", "简称"), ("丙公司", None)]
    assert topics == ["主题\nX"] and events == ["活动"] and people == ["王五"]


def test_clean_text_and_line():
    assert clean_text("a\r\nb\rc\u2028d\x00e\x1bf\tg\u202eh\ufeffi") == "a\nb\nc\nde" + "f\tghi"
    assert clean_line("  甲\n\t乙\x85丙 ") == "甲 乙 丙"


def test_vcard_names_lose_control_characters():
    # a card's FN with NUL, ESC, a bidi override or a BOM reached people.name as read
    from kamdesk.io.vcard_read import parse_vcards
    from kamdesk.store.ops.people_import import person_fields

    data = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王\\n\x1b五\u202e\ufeff\r\nTITLE:经\x00理\r\n"
            "ORG:甲公司\r\nEND:VCARD\r\n").encode()
    (contact,), _problems = parse_vcards(data)
    fields = person_fields(contact)
    assert fields["name"] == "王 五" and fields["title"] == "经理"
