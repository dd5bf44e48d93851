"""Customer operations declare what they write and keep every invariant in one place:
the single-row saves and the importer's bulk upsert produce the same derived rows."""

from __future__ import annotations

from datetime import datetime

import pytest
from pg_support import search_rows

from kamdesk.io.import_tables import import_file
from kamdesk.store.errors import HasHistory, ValidationError
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import (
    CustomerUpsert,
    KeyContact,
    archive_customer,
    create_customer,
    delete_customer,
    unarchive_customer,
    update_customer,
    upsert_customers,
)
from kamdesk.store.ops.interactions import log_contact
from kamdesk.store.ops.people import create_person

NOW = datetime(2026, 11, 23, 10)
TODAY = NOW.date()


def _derived(db, customer_id: int) -> dict[str, object]:
    """Everything derived from a customer: pinyin, metrics row, search row, key person."""
    with db.engine.connect() as conn:
        c = conn.exec_driver_sql(
            "SELECT code, name, status, potential, name_pinyin, name_initials, explicit_needs "
            "FROM customers WHERE id = ?", (customer_id,)).one()
        m = conn.exec_driver_sql(
            "SELECT value_tier, activity, health, revenue_12m_cents, key_contact_name, "
            "key_contact_phone FROM customer_metrics WHERE customer_id = ?",
            (customer_id,)).one()
        body = conn.exec_driver_sql(f"SELECT body FROM {search_rows(conn)} f WHERE id = ?",
                                    (customer_id,)).scalar_one()
        people = conn.exec_driver_sql(
            "SELECT name, mobile, is_primary, archived, attitude, relationship_strength, "
            "name_pinyin, name_initials FROM people WHERE customer_id = ? ORDER BY id",
            (customer_id,)).all()
    return {"customer": tuple(c), "metrics": tuple(m), "search": body,
            "people": [tuple(p) for p in people]}


def test_create_declares_customers_and_metrics_and_returns_the_id(db):
    with track_writes(db.engine) as written:
        changes = db.write(create_customer, name="中国移动", now=NOW)
    cid = changes.value
    assert written == {"customers", "customer_metrics", "change_history"} == changes.names
    assert changes.ids("customers") == {cid} and changes.touches("customer_metrics", cid)
    d = _derived(db, cid)
    assert d["customer"][:6] == ("C001", "中国移动", "active", "medium", "zhongguoyidong", "zgyd")
    assert "zgyd" in d["search"] and d["metrics"][0] == "C"


def test_update_archive_unarchive_declare_customers(db):
    cid = db.write(create_customer, name="甲公司").value
    for op, args in ((update_customer, {"name": "重庆银行"}), (archive_customer, {}),
                     (unarchive_customer, {})):
        with track_writes(db.engine) as written:
            changes = db.write(op, cid, **args)
        assert written <= changes.names == {"customers", "change_history"}
    d = _derived(db, cid)
    assert d["customer"][2] == "active" and d["customer"][4] == "chongqingyinhang"
    assert "cqyh" in d["search"]


def test_validation_and_code_uniqueness(db):
    db.write(create_customer, name="甲", code="K1")
    with pytest.raises(ValidationError) as e:
        db.write(create_customer, name="乙", code="K1")
    assert (e.value.field, e.value.code) == ("code", "duplicate")
    with pytest.raises(ValidationError) as e:
        db.write(create_customer, name="  ")
    assert (e.value.field, e.value.code) == ("name", "required")
    with pytest.raises(ValidationError) as e:
        db.write(create_customer, name="丙", potential="huge")
    assert e.value.field == "potential"
    with pytest.raises(ValidationError):
        db.write(upsert_customers, [CustomerUpsert({"name": "丁", "code": "X"}),
                                    CustomerUpsert({"name": "戊", "code": "X"})])


def test_delete_declares_the_cascade_and_refuses_with_history(db):
    cid = db.write(create_customer, name="甲公司").value
    db.write(create_person, cid, name="王总")
    with track_writes(db.engine) as written:
        changes = db.write(delete_customer, cid)
    assert written <= changes.names
    assert {"customers", "customer_metrics", "people", "key_dates", "tasks"} <= changes.names
    other = db.write(create_customer, name="乙公司").value
    db.write(log_contact, customer_id=other, occurred_at=NOW, channel="phone", topic="回访",
             now=NOW)
    with pytest.raises(HasHistory):
        db.write(delete_customer, other)


def test_upsert_creates_updates_and_declares_what_it_writes(db):
    existing = db.write(create_customer, name="甲公司", code="C007").value
    rows = [CustomerUpsert({"code": "C007", "explicit_needs": "快速响应"}),
            CustomerUpsert({"name": "乙公司"}, KeyContact("王总", "13800138000"))]
    with track_writes(db.engine) as written:
        changes = db.write(upsert_customers, rows, now=NOW)
    result = changes.value
    assert written <= changes.names
    assert result.updated == {existing} and len(result.created) == 1
    new_id = result.ids[1]
    assert result.ids[0] == existing
    d = _derived(db, new_id)
    assert d["customer"][0] == "C008"  # continues the numbering
    assert d["metrics"][4:] == ("王总", "13800138000")
    assert _derived(db, existing)["customer"][6] == "快速响应"


def test_import_and_create_produce_identical_derived_rows(db, tmp_path):
    """The importer and the customer form go through the same invariants."""
    f = tmp_path / "c.csv"
    f.write_text("客户ID,客户名称,行业属性,关键联系人,联系方式,核心需求\n"
                 "K100,重庆长江航运有限公司,物流,曾经理,13900001111,稳定交付\n",
                 encoding="utf-8")
    with db.engine.begin() as conn:
        report = import_file(conn, f, "customers", today=TODAY)
    assert report.written and report.created == 1
    imported = report.changes.ids("customers")
    (imported_id,) = tuple(imported or ())
    made = db.write(create_customer, code="K200", name="重庆长江航运有限公司",
                    industry="物流", explicit_needs="稳定交付").value
    db.write(create_person, made, name="曾经理", mobile="13900001111", is_primary=True)
    a, b = _derived(db, imported_id), _derived(db, made)
    assert a["customer"][1:] == b["customer"][1:]
    assert a["metrics"] == b["metrics"]
    assert a["people"] == b["people"]
    assert a["search"].replace("k100", "k200") == b["search"]


def test_import_announces_what_it_wrote(db, tmp_path):
    from kamdesk.io.import_tables import import_table

    f = tmp_path / "c.csv"
    f.write_text("客户名称,年度贡献值(万元),最近互动时间,关键联系人\n甲公司,12,2026-11-01,王总\n",
                 encoding="utf-8")
    with track_writes(db.engine) as written:
        changes = db.write(import_table, f, "customers", today=TODAY)
    assert written <= changes.names
    # #13: the declared contribution and last contact are kept on the customer, never
    # booked as an invented trade or contact; the import is recorded to be undone
    assert {"customers", "customer_metrics", "people", "import_batches"} <= written
    assert not {"trades", "interactions"} & written
    assert changes.value.created == 1
