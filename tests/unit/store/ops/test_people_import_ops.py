"""Importing phone contacts as key people: matched, never doubled, re-import is a no-op,
round trips through our own export keep people and birthdays (lunar stays lunar)."""

from __future__ import annotations

from datetime import date

import pytest
import vcard_shapes as shapes
from sqlalchemy import text

from kamdesk.io.vcard import people_vcards
from kamdesk.io.vcard_read import parse_vcards
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.key_dates import Birthday
from kamdesk.store.ops.people import save_person
from kamdesk.store.ops.people_import import import_contacts

TODAY = date(2026, 11, 23)
ORGS = ["远航物流有限公司", "Acme Co., Ltd.", "华东（上海）电子股份有限公司"]


def _customers(db) -> dict[str, int]:
    return {code: db.write(create_customer, code=code, name=name, short_name=short).value
            for code, name, short in (("C001", ORGS[0], "远航"), ("C002", ORGS[1], None),
                                      ("C003", ORGS[2], "华东电子"))}


def _people(conn):
    return sorted(conn.execute(text(
        "SELECT c.code, p.name, p.title, p.department, p.mobile, p.phone, p.email, p.notes "
        "FROM people p JOIN customers c ON c.id = p.customer_id")).all())


def _birthdays(conn):
    return sorted(conn.execute(text(
        "SELECT p.name, k.calendar, k.month, k.day, k.leap_month, k.year, k.customer_id "
        "FROM key_dates k JOIN people p ON p.id = k.person_id WHERE k.kind='birthday'")).all())


def _import(db, data: bytes, code=None, dry_run=False):
    contacts, problems = parse_vcards(data)
    return db.write(import_contacts, contacts, code, dry_run=dry_run, read_problems=problems)


@pytest.mark.parametrize("shape", sorted(shapes.SHAPES))
def test_each_shape_imports_by_company_and_a_reimport_changes_nothing(db, shape):
    _customers(db)
    specs = shapes.random_specs(11, 30, ORGS)
    data = shapes.SHAPES[shape](specs)
    with track_writes(db.engine) as written:
        changes = _import(db, data)
    report = changes.value
    assert written <= changes.names
    assert report.count("created") == 30 and report.problems == []
    with db.engine.connect() as conn:
        people = _people(conn)
        birthdays = _birthdays(conn)
    assert len(people) == 30
    assert {p.name for p in people} == {s.name for s in specs}
    assert {p.mobile for p in people} == {s.mobile for s in specs}
    assert {p.email for p in people} == {s.emails[0] for s in specs}
    expected_bdays = sum(1 for s in specs if s.bday and (shape != "outlook" or s.bday[0]))
    assert len(birthdays) == expected_bdays
    with track_writes(db.engine) as written:
        again = _import(db, data)
    assert written == set() and again.value.count("unchanged") == 30
    with db.engine.connect() as conn:
        assert _people(conn) == people and _birthdays(conn) == birthdays


def test_into_a_chosen_customer_fills_empty_fields_and_lists_differences(db):
    ids = _customers(db)
    pid = db.write(save_person, ids["C001"], None, None, name="王芳", mobile="138 0013 8000",
                   title="经理").value
    data = ("BEGIN:VCARD\nVERSION:3.0\nFN:王芳\nTEL;TYPE=CELL:+86 13800138000\n"
            "TEL;TYPE=WORK:010-1234567\nTEL;TYPE=HOME:021-7654321\nTITLE:总监\n"
            "EMAIL:wf@example.cn\nEMAIL;TYPE=HOME:wf@home.cn\nBDAY:--05-06\nORG:Someone else\n"
            "END:VCARD\n").encode()
    with track_writes(db.engine) as written:
        changes = _import(db, data, "C001")
    assert written <= changes.names
    (outcome,) = changes.value.outcomes
    assert (outcome.action, outcome.person_id) == ("updated", pid)
    assert set(outcome.filled) == {"phone", "email", "notes", "birthday"}
    assert outcome.differences == (("title", "经理", "总监"),)
    with db.engine.connect() as conn:
        (row,) = _people(conn)
        assert (row.mobile, row.phone, row.email, row.title) == (
            "138 0013 8000", "010-1234567", "wf@example.cn", "经理")
        assert row.notes == "TEL home: 021-7654321\nEMAIL home: wf@home.cn"
        assert [b[1:4] for b in _birthdays(conn)] == [("solar", 5, 6)]
    assert _import(db, data, "C001").value.count("unchanged") == 1


def test_duplicates_by_email_name_and_within_the_file_are_not_doubled(db):
    ids = _customers(db)
    db.write(save_person, ids["C002"], None, None, name="John Smith", email="JS@acme.com")
    db.write(save_person, ids["C002"], None, None, name="李娜")
    data = ("BEGIN:VCARD\nVERSION:3.0\nFN:Johnny Smith\nEMAIL:js@acme.com\nORG:ACME CO LTD\n"
            "END:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:李 娜\nORG:Acme\nTEL:13911112222\n"
            "END:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:新人\nORG:远航\nTEL:13722223333\n"
            "END:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:新人\nORG:远航\nTEL:13722223333\n"
            "EMAIL:x@y.cn\nEND:VCARD\n").encode()
    report = _import(db, data).value
    assert [(o.card, o.action) for o in report.outcomes] == [
        (1, "unchanged"), (2, "updated"), (3, "created"), (4, "updated")]
    assert report.outcomes[0].differences == (("name", "John Smith", "Johnny Smith"),)
    with db.engine.connect() as conn:
        people = _people(conn)
    assert len(people) == 3
    assert [p for p in people if p.name == "新人"][0].email == "x@y.cn"


def test_unmatched_companies_are_reported_not_invented(db):
    _customers(db)
    data = ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nORG:无名公司\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN:B\nEND:VCARD\n"
            "BEGIN:VCARD\nVERSION:3.0\nFN:C\nORG:华东电子\nEND:VCARD\n").encode()
    report = _import(db, data).value
    assert [(p.card, p.prop, p.code) for p in report.problems] == [
        (1, "ORG", "unknown_customer"), (2, "ORG", "required")]
    assert report.skipped_cards == [1, 2] and report.count("created") == 1
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM customers")).scalar() == 3


def test_a_person_of_another_customer_is_not_copied(db):
    ids = _customers(db)
    db.write(save_person, ids["C002"], None, None, name="Moved", mobile="13800001111")
    data = b"BEGIN:VCARD\nVERSION:3.0\nFN:Moved\nTEL:13800001111\nEND:VCARD\n"
    report = _import(db, data, "C001").value
    assert [(p.card, p.code, p.value) for p in report.problems] == [
        (1, "other_customer", "C002")]


def test_dry_run_writes_nothing_and_unknown_code_is_refused(db):
    _customers(db)
    data = shapes.android(shapes.random_specs(3, 5, ORGS))
    with track_writes(db.engine) as written:
        report = _import(db, data, "C003", dry_run=True).value
    assert written == set() and report.count("created") == 5
    with pytest.raises(ValidationError):
        _import(db, data, "C999")


def _book(db, ids):
    people = [
        (ids["C001"], "欧阳娜娜", Birthday("lunar", 4, 8, leap_month=True, year=1985),
         "第一行\r\n第二行;,\\"),
        (ids["C001"], "王芳", Birthday("lunar", 12, 30), None),
        (ids["C002"], "John Smith", Birthday("solar", 2, 29, year=1980), None),
        (ids["C003"], "曾晓东", Birthday("solar", 3, 15), "长" * 120),
        (ids["C003"], "张三", None, None),
    ]
    for i, (cid, name, bday, notes) in enumerate(people):
        db.write(save_person, cid, None, bday, name=name, title="经理",
                 mobile=None if name == "张三" else f"1380000{i:04d}",
                 phone=f"010-6{cid}{i}0000", email=f"p{i}@x.cn", notes=notes,
                 department="采购部", wechat=f"wx{i}")


def test_round_trip_into_the_same_and_an_empty_database(db, tmp_path):
    from kamdesk.store.database import open_database

    ids = _customers(db)
    _book(db, ids)
    data = db.read(people_vcards, None, TODAY).encode()
    with track_writes(db.engine) as written:
        report = _import(db, data).value
    assert written == set() and report.count("unchanged") == 5, report
    assert [o.differences for o in report.outcomes] == [()] * 5
    fresh = open_database(str(tmp_path / "fresh.sqlite3"), tmp_path / "bk")
    try:
        assert _customers(fresh) == ids
        report = _import(fresh, data).value
        assert report.count("created") == 5 and report.problems == []
        with db.engine.connect() as a, fresh.engine.connect() as b:
            # equal but for line ends: a vCard has one kind of line break
            assert [(*p[:7], p.notes and p.notes.replace("\r\n", "\n")) for p in _people(a)
                    ] == _people(b)
            assert _birthdays(a) == _birthdays(b)
            assert ("欧阳娜娜", "lunar", 4, 8, 1, 1985) in [bd[:6] for bd in _birthdays(b)]
    finally:
        fresh.dispose()
