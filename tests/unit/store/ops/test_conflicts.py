"""Two clients on one book (issue #17 item 3): the second save from a stale read is a
conflict carrying both versions, never a silent overwrite; on SQLite (two ``Database``
objects on one file) and, marked ``postgres``, on one PostgreSQL database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from kamdesk.store.database import Database, open_database
from kamdesk.store.errors import ConflictError
from kamdesk.store.models import Customer, Interaction, Person, Task
from kamdesk.store.ops.audit import track_writes
from kamdesk.store.ops.customers import create_customer, delete_customer, update_customer
from kamdesk.store.ops.interactions import log_contact, update_interaction
from kamdesk.store.ops.people import create_person, save_person, update_person
from kamdesk.store.ops.tasks import (
    complete_tasks,
    create_task,
    delete_task,
    mark_notified,
    update_task,
)

NOW = datetime(2026, 11, 23, 10)


def version_of(db: Database, model: type, row_id: int) -> int:
    table = model.__table__  # type: ignore[attr-defined]
    with db.engine.connect() as conn:
        return int(conn.execute(select(table.c.version).where(table.c.id == row_id)).scalar_one())


@pytest.fixture
def two_sqlite(db: Database, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    other = open_database(db.location, tmp_path / "backups2", synchronous="OFF")
    yield db, other
    other.dispose()


def _pg_clients() -> Iterator[tuple[Database, Database]]:
    from pathlib import Path

    from pg_support import fresh_database
    from sqlalchemy import create_engine

    from kamdesk.store.engine import make_session_factory
    from kamdesk.store.migrate import ensure_schema

    with fresh_database("conflict_test") as url:
        engines = [create_engine(url), create_engine(url)]
        ensure_schema(engines[0], Path("."))  # a fresh server book, as the app makes it
        try:
            yield tuple(Database(url, e, make_session_factory(e))  # type: ignore[misc]
                        for e in engines)
        finally:
            for e in engines:
                e.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def clients(request, tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    if request.param == "sqlite":
        yield request.getfixturevalue("two_sqlite")
        return
    from pg_support import require_pg

    require_pg()
    yield from _pg_clients()


def test_second_customer_save_from_a_stale_read_is_a_conflict_with_both_versions(clients):
    one, two = clients
    cid = one.write(create_customer, name="远航物流", region="上海").value
    read_by_one = version_of(one, Customer, cid)
    read_by_two = version_of(two, Customer, cid)
    one.write(update_customer, cid, region="北京", expected_version=read_by_one)
    assert version_of(two, Customer, cid) == read_by_two + 1
    with pytest.raises(ConflictError) as caught:
        two.write(update_customer, cid, region="广州", expected_version=read_by_two)
    conflict = caught.value
    assert (conflict.table, conflict.row_id) == ("customers", cid)
    assert conflict.theirs is not None and conflict.theirs["region"] == "北京"
    assert conflict.mine == {"region": "广州"}
    assert conflict.differing == ("region",)
    assert (conflict.expected_version, conflict.their_version) == (read_by_two, read_by_two + 1)
    with one.engine.connect() as conn:  # nothing of two's save was written
        assert conn.execute(text("SELECT region FROM customers WHERE id = :c"),
                            {"c": cid}).scalar() == "北京"
    # "save mine over theirs": again, naming the version now stored
    two.write(update_customer, cid, region="广州", expected_version=conflict.their_version)
    assert version_of(one, Customer, cid) == read_by_two + 2


def test_a_save_without_expected_version_is_not_checked_but_still_bumps(clients):
    one, two = clients
    cid = one.write(create_customer, name="远航物流").value
    before = version_of(one, Customer, cid)
    two.write(update_customer, cid, region="北京")
    one.write(update_customer, cid, region="天津")
    assert version_of(one, Customer, cid) == before + 2


def test_the_same_value_saved_by_both_is_not_a_conflict(clients):
    one, two = clients
    cid = one.write(create_customer, name="远航物流").value
    read = version_of(one, Customer, cid)
    one.write(update_customer, cid, region="北京", expected_version=read)
    two.write(update_customer, cid, region="北京", expected_version=read)  # no loss


def test_person_and_task_conflicts_through_the_ops(clients):
    one, two = clients
    cid = one.write(create_customer, name="远航物流").value
    pid = one.write(create_person, cid, name="王总").value
    tid = one.write(create_task, title="发报价", due_at=NOW).value
    read = {"p": version_of(two, Person, pid), "t": version_of(two, Task, tid)}

    one.write(update_person, pid, title="总经理", expected_version=read["p"])
    with pytest.raises(ConflictError) as person:
        two.write(save_person, cid, pid, None, name="王总", title="副总",
                  expected_version=read["p"])
    assert person.value.table == "people" and person.value.theirs["title"] == "总经理"
    assert person.value.mine["title"] == "副总"

    one.write(update_task, tid, notes="先问价", expected_version=read["t"])
    with pytest.raises(ConflictError) as task:
        two.write(update_task, tid, notes="带样品", expected_version=read["t"])
    assert task.value.theirs["notes"] == "先问价" and task.value.mine["notes"] == "带样品"


def test_contact_conflict_through_the_ops(clients):
    one, two = clients
    cid = one.write(create_customer, name="远航物流").value
    logged = one.write(log_contact, customer_id=cid, occurred_at=NOW, channel="phone",
                       topic="回访", now=NOW).value
    iid = logged.interaction_id
    read = {"i": version_of(two, Interaction, iid)}
    one.write(update_interaction, iid, feedback="满意", now=NOW, expected_version=read["i"])
    with pytest.raises(ConflictError) as contact:
        two.write(update_interaction, iid, feedback="不满意", now=NOW,
                  expected_version=read["i"])
    assert contact.value.table == "interactions"
    assert contact.value.theirs["feedback"] == "满意"


def test_deleting_a_record_changed_meanwhile_is_a_conflict_then_delete_anyway(clients):
    one, two = clients
    cid = one.write(create_customer, name="远航物流").value
    tid = one.write(create_task, title="发报价", due_at=NOW, customer_id=cid).value
    read_task, read_customer = version_of(two, Task, tid), version_of(two, Customer, cid)
    one.write(update_task, tid, notes="改了")
    one.write(update_customer, cid, region="北京")
    with pytest.raises(ConflictError) as caught:
        two.write(delete_task, tid, expected_version=read_task)
    assert caught.value.deleting and caught.value.theirs["notes"] == "改了"
    two.write(delete_task, tid, expected_version=caught.value.their_version)
    with pytest.raises(ConflictError):
        two.write(delete_customer, cid, expected_version=read_customer)
    two.write(delete_customer, cid, expected_version=read_customer + 1)


def test_editing_a_record_deleted_meanwhile_says_it_is_gone(clients):
    one, two = clients
    cid = one.write(create_customer, name="远航物流").value
    read = version_of(two, Customer, cid)
    one.write(delete_customer, cid)
    with pytest.raises(ConflictError) as caught:
        two.write(update_customer, cid, region="北京", expected_version=read)
    assert caught.value.gone


def test_bulk_task_edits_bump_but_reminder_bookkeeping_does_not(db):
    tid = db.write(create_task, title="发报价", due_at=NOW).value
    start = version_of(db, Task, tid)
    db.write(mark_notified, [tid], NOW)
    assert version_of(db, Task, tid) == start
    with track_writes(db.engine) as written:
        changes = db.write(complete_tasks, [tid], NOW)
    assert written <= changes.names
    assert version_of(db, Task, tid) == start + 1


def test_version_ops_declare_what_they_write(db):
    cid = db.write(create_customer, name="远航物流").value
    read = version_of(db, Customer, cid)
    with track_writes(db.engine) as written:
        changes = db.write(update_customer, cid, region="北京", expected_version=read)
    assert written <= changes.names
    assert version_of(db, Customer, cid) == read + 1
    assert date.today()  # the clock is not consulted by the checks


@pytest.mark.sqlite_only(reason="the SQLite change signal (file size and time)")
def test_sqlite_change_signal_sees_only_commits_after_the_last_look(two_sqlite):
    from kamdesk.store.change_signal import ChangeSignal

    one, two = two_sqlite
    signal = ChangeSignal(two)
    assert not signal.changed()
    one.write(create_customer, name="远航物流")
    assert signal.changed()      # another connection committed
    assert not signal.changed()  # and it was taken as seen
    signal.close()


@pytest.mark.postgres
def test_postgres_pushes_a_commit_to_the_other_client():
    import threading

    from pg_support import require_pg

    from kamdesk.store import change_signal

    require_pg()
    for one, two in _pg_clients():
        heard = threading.Event()
        listener = change_signal.ChangeListener(two, heard.set)
        listener.start()
        assert listener.listening.wait(10)
        signal = change_signal.ChangeSignal(two)
        two.write(create_customer, name="自己的客户")
        change_signal.notify_others(two)  # the listener's own client: not a hint
        assert not heard.wait(1.0)
        one.write(create_customer, name="远航物流")
        change_signal.notify_others(one)  # another client (even in this process)
        assert heard.wait(10)
        listener.stop()
        # no statistics poll on a server (late, and it counts one's own saves)
        assert not signal.changed()


# -- survey answers, events, account plans, documents, the customer list (#17 item 3) --
TODAY = NOW.date()


def _stale(caught, table: str, row_id: int, read: int) -> ConflictError:
    conflict = caught.value
    assert (conflict.table, conflict.row_id) == (table, row_id)
    assert (conflict.expected_version, conflict.their_version) == (read, read + 1)
    return conflict


def test_survey_answer_conflicts_on_edit_and_delete(clients):
    from kamdesk.store.models import SurveyResponse
    from kamdesk.store.ops.surveys import delete_survey, record_survey, update_survey
    from kamdesk.store.queries.surveys import customer_surveys

    one, two = clients
    cid = one.write(create_customer, name="远航物流").value
    sid = one.write(record_survey, customer_id=cid, responded_on=TODAY, csat=4,
                    today=TODAY).value
    (answer,) = two.read(customer_surveys, cid).answers  # what two's dialog loads
    read = answer.version
    assert read == version_of(one, SurveyResponse, sid)
    one.write(update_survey, sid, csat=5, comment="很满意", today=TODAY, expected_version=read)
    with pytest.raises(ConflictError) as caught:
        two.write(update_survey, sid, csat=2, today=TODAY, expected_version=read)
    conflict = _stale(caught, "survey_responses", sid, read)
    assert conflict.theirs["csat"] == 5 and conflict.mine == {"csat": 2}
    assert conflict.differing == ("csat",)
    with pytest.raises(ConflictError) as deleting:
        two.write(delete_survey, sid, TODAY, expected_version=read)
    assert deleting.value.deleting and deleting.value.theirs["comment"] == "很满意"
    assert two.read(customer_surveys, cid).answers[0].csat == 5  # nothing of two's written
    # the version now stored saves, then deletes
    two.write(update_survey, sid, csat=2, today=TODAY, expected_version=read + 1)
    assert two.read(customer_surveys, cid).answers[0].version == read + 2
    two.write(delete_survey, sid, TODAY, expected_version=read + 2)
    assert two.read(customer_surveys, cid).answers == ()


def test_event_conflicts_on_edit_and_delete(clients):
    from kamdesk.store.models import Event
    from kamdesk.store.ops.events import create_event, delete_event, update_event
    from kamdesk.store.queries.events import list_events

    one, two = clients
    eid = one.write(create_event, name="客户沙龙", held_on=TODAY, location="上海").value
    (row,) = two.read(list_events)
    read = row.version
    assert read == version_of(one, Event, eid)
    one.write(update_event, eid, location="北京", expected_version=read)
    with pytest.raises(ConflictError) as caught:
        two.write(update_event, eid, location="广州", name="客户沙龙",
                  expected_version=read)
    conflict = _stale(caught, "events", eid, read)
    assert conflict.theirs["location"] == "北京" and conflict.mine["location"] == "广州"
    assert conflict.differing == ("location",)
    with pytest.raises(ConflictError) as deleting:
        two.write(delete_event, eid, expected_version=read)
    assert deleting.value.deleting
    assert two.read(list_events)[0].location == "北京"
    two.write(update_event, eid, location="广州", expected_version=read + 1)
    two.write(delete_event, eid, expected_version=read + 2)
    assert two.read(list_events) == []


def _plan_book(db: Database) -> tuple[int, int]:
    from kamdesk.store.ops.plans import create_plan

    cid = db.write(create_customer, name="远航物流", owner="王磊").value
    return cid, db.write(create_plan, cid, "2027", None, TODAY, "zh").value


def test_plan_save_conflicts_with_both_texts_and_both_sets_of_rows(clients):
    from dataclasses import replace

    from kamdesk.domain.plans import ObjectiveItem
    from kamdesk.store.models import AccountPlan
    from kamdesk.store.ops.plans import save_plan
    from kamdesk.store.queries.plans import plan_detail

    one, two = clients
    _cid, pid = _plan_book(one)
    mine = two.read(plan_detail, pid)  # what two's editor loads
    theirs = one.read(plan_detail, pid)
    read = mine.version
    assert read == version_of(one, AccountPlan, pid)
    # one changes only rows: the plan's version still moves
    one.write(save_plan, pid, {}, (*theirs.objectives, ObjectiveItem(None, "回款率", "", "95%")),
              theirs.actions, theirs.risks, expected_version=read)
    assert version_of(one, AccountPlan, pid) == read + 1
    # two changes a text and an objective from the stale read
    edited = (ObjectiveItem(None, "新品渗透", "0", "2个品类"),)
    with pytest.raises(ConflictError) as caught:
        two.write(save_plan, pid, {"threats": "价格战"}, edited, mine.actions, mine.risks,
                  expected_version=read)
    conflict = _stale(caught, "account_plans", pid, read)
    assert "回款率 · 95%" in conflict.theirs["objectives"]
    assert conflict.mine["objectives"] == "新品渗透 · 0 · 2个品类 · open"
    assert conflict.mine["threats"] == "价格战"
    assert {"threats", "objectives"} <= set(conflict.differing)
    assert "actions" not in conflict.differing and "risks" not in conflict.differing
    stored = two.read(plan_detail, pid)
    assert "回款率" in [o.metric for o in stored.objectives]  # nothing of two's written
    # saving over theirs names the version stored now
    two.write(save_plan, pid, {"threats": "价格战"}, edited, mine.actions, mine.risks,
              expected_version=conflict.their_version)
    saved = two.read(plan_detail, pid)
    assert [o.metric for o in saved.objectives] == ["新品渗透"]
    assert saved.threats == "价格战" and saved.version == read + 2
    # the same plan saved by both (theirs already holds all of mine) is no conflict
    one.write(save_plan, pid, saved.fields(), saved.objectives, saved.actions, saved.risks,
              expected_version=read)
    same_row = replace(saved.objectives[0], id=None)
    with pytest.raises(ConflictError):  # a new row where theirs kept the old one differs
        one.write(save_plan, pid, {}, (same_row, ObjectiveItem(None, "x")), saved.actions,
                  saved.risks, expected_version=read)


def test_plan_delete_conflicts_and_a_save_without_changes_keeps_the_version(clients):
    from kamdesk.store.models import AccountPlan
    from kamdesk.store.ops.plans import delete_plan, save_plan
    from kamdesk.store.queries.plans import plan_detail

    one, two = clients
    _cid, pid = _plan_book(one)
    draft = one.read(plan_detail, pid)
    one.write(save_plan, pid, draft.fields(), draft.objectives, draft.actions, draft.risks)
    d = one.read(plan_detail, pid)  # the draft's blank texts are stored as NULL now
    one.write(save_plan, pid, d.fields(), d.objectives, d.actions, d.risks,
              expected_version=d.version)
    assert version_of(one, AccountPlan, pid) == d.version  # nothing changed: no bump
    one.write(save_plan, pid, {"owner": "李工"}, d.objectives, d.actions, d.risks,
              expected_version=d.version)
    with pytest.raises(ConflictError) as deleting:
        two.write(delete_plan, pid, expected_version=d.version)
    assert deleting.value.deleting and deleting.value.theirs["owner"] == "李工"
    assert "objectives" in deleting.value.theirs
    two.write(delete_plan, pid, expected_version=d.version + 1)
    assert two.read(plan_detail, pid) is None


def test_plan_save_with_version_declares_what_it_writes(db):
    from kamdesk.domain.plans import RiskItem
    from kamdesk.store.ops.plans import save_plan
    from kamdesk.store.queries.plans import plan_detail

    _cid, pid = _plan_book(db)
    d = db.read(plan_detail, pid)
    with track_writes(db.engine) as written:
        changes = db.write(save_plan, pid, {}, d.objectives, d.actions,
                           (*d.risks, RiskItem(None, "竞品降价")), now=NOW,
                           expected_version=d.version)
    assert written <= changes.names
    assert "account_plans" in written  # the rows-only save moved the plan's version


def _document(db: Database, cid: int, name: str = "报价单.pdf") -> int:
    from kamdesk.store.ops.documents import attach_document

    return db.write(attach_document, customer_id=cid, name=name, sha256="a" * 64,
                    size_bytes=10, now=NOW).value


def test_document_conflicts_on_rename_notes_and_remove(clients):
    from kamdesk.store.ops.documents import remove_document, update_document
    from kamdesk.store.queries.documents import documents_of_customer

    one, two = clients
    cid = one.write(create_customer, name="远航物流").value
    did = _document(one, cid)
    (row,) = two.read(documents_of_customer, cid)  # what two's list shows
    read = row.version
    one.write(update_document, did, name="报价单-终版.pdf", expected_version=read)
    with pytest.raises(ConflictError) as caught:
        two.write(update_document, did, notes="客户已签字", expected_version=read)
    conflict = _stale(caught, "documents", did, read)
    assert conflict.theirs["name"] == "报价单-终版.pdf" and conflict.mine == {"notes": "客户已签字"}
    with pytest.raises(ConflictError) as deleting:
        two.write(remove_document, did, expected_version=read)
    assert deleting.value.deleting
    assert two.read(documents_of_customer, cid)[0].notes is None
    two.write(update_document, did, notes="客户已签字", expected_version=read + 1)
    removed = two.write(remove_document, did, expected_version=read + 2)
    assert removed.value.snapshot["notes"] == "客户已签字"


def test_the_customer_list_row_carries_the_version_its_delete_names(clients):
    from kamdesk.store.queries.customers import CustomerQuery, fetch_page

    one, two = clients
    cid = one.write(create_customer, name="远航物流").value
    (row,) = two.read(fetch_page, CustomerQuery(), 0, 50)
    assert row.version == version_of(one, Customer, cid)
    one.write(update_customer, cid, region="北京")
    with pytest.raises(ConflictError) as caught:
        two.write(delete_customer, cid, expected_version=row.version)
    assert caught.value.deleting and caught.value.theirs["region"] == "北京"
    (fresh,) = two.read(fetch_page, CustomerQuery(), 0, 50)
    assert fresh.version == row.version + 1
    two.write(delete_customer, cid, expected_version=fresh.version)
