"""Contract operations: their validation, their history, renewal, and that each declares
exactly the tables it writes."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from kamdesk.store.errors import ValidationError
from kamdesk.store.models import Task
from kamdesk.store.ops import contracts as ops
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer, set_archived
from kamdesk.store.queries import contracts as q

NOW = datetime(2026, 11, 23, 10)
TODAY = NOW.date()


def _customer(db, name="远航物流") -> int:
    return db.write(create_customer, name=name).value


def _create(db, cid, number="HT-1", **kw):
    fields = {"title": "年度供货合同", "start_on": date(2026, 1, 1), "end_on": date(2026, 12, 31),
              "value_cents": 1_200_000_00, "parties": "远航物流；我方", "payment_terms": "月结30天",
              "renewal_notice_days": 60, "today": TODAY, "now": NOW, **kw}
    return db.write(ops.create_contract, cid, number=number, **fields)


def _open_renewal_tasks(db, contract_id):
    with db.engine.connect() as conn:
        return conn.execute(select(Task.source_key).where(
            Task.source == "contract", Task.done_at.is_(None),
            Task.source_key.like(f"renewal:{contract_id}:%"))).scalars().all()


def test_create_writes_the_contract_and_its_first_event(db):
    cid = _customer(db)
    with track_writes(db.engine) as written:
        changes = _create(db, cid)
    assert written == {"contracts", "contract_events", "change_history"} and written <= changes.names
    with db.engine.connect() as conn:
        row = q.contract(conn, changes.value)
        events = q.contract_events(conn, changes.value)
    assert row.status == "draft" and row.parties == "远航物流；我方"
    assert [(e.from_status, e.to_status, e.changed_on) for e in events] == [
        (None, "draft", TODAY)]


@pytest.mark.parametrize(("kw", "field", "code"), [
    ({"end_on": date(2025, 12, 1)}, "end_on", "end_before_start"),
    ({"title": "  "}, "title", "required"),
    ({"value_cents": -5}, "value_cents", "out_of_range"),
    ({"value_cents": 0}, "value_cents", "out_of_range"),
    ({"renewal_notice_days": -1}, "renewal_notice_days", "out_of_range"),
    ({"status": "renewed"}, "status", "invalid_choice"),
])
def test_bad_input_is_refused_and_nothing_is_saved(db, kw, field, code):
    cid = _customer(db)
    with pytest.raises(ValidationError) as err:
        _create(db, cid, **kw)
    assert (err.value.field, err.value.code) == (field, code)
    with db.engine.connect() as conn:
        assert q.contracts(conn, cid) == []


def test_duplicate_number_and_archived_customer_are_refused(db):
    cid = _customer(db)
    _create(db, cid)
    with pytest.raises(ValidationError) as err:
        _create(db, cid, number=" HT-1 ")
    assert (err.value.field, err.value.code) == ("number", "duplicate")
    other = _customer(db, "旧客户")
    db.write(set_archived, other, True)
    with pytest.raises(ValidationError) as err:
        _create(db, other, number="HT-9")
    assert (err.value.field, err.value.code) == ("customer", "customer_archived")


def test_update_validates_and_declares(db):
    cid = _customer(db)
    kid = _create(db, cid).value
    with track_writes(db.engine) as written:
        changes = db.write(ops.update_contract, kid, today=TODAY, title="新标题",
                           value_cents=99_00)
    assert written <= changes.names
    with pytest.raises(ValidationError) as err:
        db.write(ops.update_contract, kid, today=TODAY, start_on=date(2027, 1, 1))
    assert err.value.code == "end_before_start"
    with pytest.raises(ValidationError):
        db.write(ops.update_contract, kid, status="active")
    with db.engine.connect() as conn:
        assert q.contract(conn, kid).title == "新标题"


def test_delete_only_a_draft_and_undo_puts_it_back_with_its_history(db):
    cid = _customer(db)
    kid = _create(db, cid).value
    with track_writes(db.engine) as written:
        deleted = db.write(ops.delete_contract, kid)
    assert written == {"contracts", "contract_events", "change_history"} and written <= deleted.names
    with track_writes(db.engine) as written:
        restored = db.write(ops.restore_contract, deleted.value)
    assert written <= restored.names
    with db.engine.connect() as conn:
        assert q.contract(conn, kid).number == "HT-1"
        assert len(q.contract_events(conn, kid)) == 1
    db.write(ops.move_contract, kid, "review", TODAY, today=TODAY)
    with pytest.raises(ValidationError) as err:
        db.write(ops.delete_contract, kid)
    assert err.value.code == "not_draft"


def test_the_whole_life_to_a_renewal(db):
    cid = _customer(db)
    kid = _create(db, cid, end_on=TODAY + timedelta(days=40), on=TODAY - timedelta(days=30)).value
    day = TODAY - timedelta(days=30)
    for to in ("review", "signed", "active", "amended"):
        day += timedelta(days=5)
        with track_writes(db.engine) as written:
            changes = db.write(ops.move_contract, kid, to, day, f"→ {to}", today=TODAY, now=NOW)
        assert written <= changes.names and "contract_events" in written
    # live and inside its 60-day notice: the renewal reminder exists at once
    assert _open_renewal_tasks(db, kid) == [f"renewal:{kid}:{(TODAY + timedelta(days=40)).year}"]
    with track_writes(db.engine) as written:
        renewed = db.write(ops.renew_contract, kid, "HT-1-R1", TODAY + timedelta(days=41),
                           TODAY + timedelta(days=41 + 365), 1_300_000_00, note="续签一年",
                           today=TODAY, now=NOW)
    assert written <= renewed.names and {"contracts", "contract_events", "tasks"} <= written
    new_id = renewed.value.new_id
    with db.engine.connect() as conn:
        old, new = q.contract(conn, kid), q.contract(conn, new_id)
        history = q.contract_events(conn, kid)
    assert old.status == "renewed"
    assert new.previous_contract_id == kid and new.previous_number == "HT-1"
    assert (new.parties, new.payment_terms, new.renewal_notice_days, new.status) == (
        old.parties, old.payment_terms, 60, "signed")
    assert [e.to_status for e in history] == ["draft", "review", "signed", "active", "amended",
                                              "renewed"]
    assert history[-1].note == "续签一年" and history[1].note == "→ review"
    assert _open_renewal_tasks(db, kid) == []  # the old term's reminder is moot


def test_refused_moves(db):
    cid = _customer(db)
    kid = _create(db, cid).value
    with pytest.raises(ValidationError) as err:
        db.write(ops.move_contract, kid, "active", TODAY, today=TODAY)
    assert (err.value.field, err.value.code) == ("to_status", "invalid_transition")
    with pytest.raises(ValidationError) as err:
        db.write(ops.move_contract, kid, "review", TODAY - timedelta(days=1), today=TODAY)
    assert err.value.code == "before_last_move"
    with pytest.raises(ValidationError) as err:
        db.write(ops.move_contract, kid, "review", TODAY + timedelta(days=400), today=TODAY)
    assert (err.value.field, err.value.code) == ("changed_on", "out_of_range")
    with pytest.raises(ValidationError):
        db.write(ops.renew_contract, kid, "X-2", None, None, None, today=TODAY)
