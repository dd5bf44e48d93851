"""People operations declare what they write: the person, and their customer's search
text and key contact."""

from __future__ import annotations

import pytest

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.key_dates import Birthday, clear_birthday, set_birthday
from kamdesk.store.ops.people import (
    archive_person,
    create_person,
    save_person,
    unarchive_person,
    update_person,
)


def _key_contact(db, cid):
    with db.engine.connect() as conn:
        return tuple(conn.exec_driver_sql(
            "SELECT key_contact_name, key_contact_phone FROM customer_metrics "
            "WHERE customer_id = ?", (cid,)).one())


def test_create_update_archive_declare_people_search_and_key_contact(db):
    cid = db.write(create_customer, name="甲公司").value
    with track_writes(db.engine) as written:
        changes = db.write(create_person, cid, name="王总", mobile="13800000001")
    pid = changes.value
    assert written <= changes.names == {"people", "customers", "customer_metrics",
                                         "change_history"}
    assert changes.ids("people") == {pid}
    assert _key_contact(db, cid) == ("王总", "13800000001")
    boss = db.write(create_person, cid, name="李总", phone="010-1", is_primary=True).value
    assert _key_contact(db, cid) == ("李总", "010-1")
    for op, args, kw in ((update_person, (boss,), {"title": "CEO"}),
                         (archive_person, (boss,), {}), (unarchive_person, (boss,), {})):
        with track_writes(db.engine) as written:
            changes = db.write(op, *args, **kw)
        assert written <= changes.names
    db.write(archive_person, boss)
    assert _key_contact(db, cid) == ("王总", "13800000001")


def test_primary_moves_and_validation(db):
    cid = db.write(create_customer, name="甲公司").value
    a = db.write(create_person, cid, name="甲", is_primary=True).value
    changes = db.write(create_person, cid, name="乙", is_primary=True)
    assert changes.ids("people") == {changes.value, a}  # the old primary was demoted too
    with pytest.raises(ValidationError):
        db.write(create_person, cid, name="丙", email="not an email")
    with pytest.raises(ValidationError):
        db.write(update_person, a, reports_to_id=a)


def test_birthdays_declare_key_dates(db):
    cid = db.write(create_customer, name="甲公司").value
    pid = db.write(create_person, cid, name="王总").value
    with track_writes(db.engine) as written:
        changes = db.write(set_birthday, pid, Birthday("lunar", 8, 15), title="王总生日")
    assert written <= changes.names == {"key_dates"}
    with track_writes(db.engine) as written:
        cleared = db.write(clear_birthday, pid)
    assert written <= cleared.names and cleared.value is True
    assert db.write(clear_birthday, pid).value is False


def test_save_person_with_birthday_is_one_write(db):
    cid = db.write(create_customer, name="甲公司").value
    with track_writes(db.engine) as written:
        changes = db.write(save_person, cid, None, Birthday("solar", 2, 29), "生日",
                           name="赵总")
    assert written <= changes.names and {"people", "key_dates"} <= changes.names
    with pytest.raises(ValidationError) as e:
        db.write(save_person, cid, changes.value, Birthday("solar", 2, 30), name="赵总")
    assert e.value.field == "birthday"
