"""Renewal reminders for contracts the user enters: in force and amended contracts are
live (Today's renewals, `kamdesk due`, the generated task); a renewed, terminated or
archived one drops out, and its open task goes at once and at the next sync."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from kamdesk.store.models import Task
from kamdesk.store.ops.contracts import create_contract, move_contract, renew_contract
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.ops.key_date_reminders import sync_contract_tasks
from kamdesk.store.queries.reminders import due_reminders
from kamdesk.store.queries.renewals import renewal_dates, renewals_due

NOW = datetime(2026, 11, 23, 10)
TODAY = NOW.date()
END = TODAY + timedelta(days=30)


def _amended_contract(db, number="HT-1") -> tuple[int, int]:
    cid = db.write(create_customer, name="远航物流").value
    kid = db.write(create_contract, cid, number=number, title="年度服务合同",
                   start_on=date(2026, 1, 1), end_on=END, value_cents=500_000_00,
                   renewal_notice_days=45, status="signed", on=date(2026, 1, 1),
                   today=TODAY, now=NOW).value
    db.write(move_contract, kid, "active", date(2026, 1, 1), today=TODAY, now=NOW)
    db.write(move_contract, kid, "amended", date(2026, 6, 1), "加量", today=TODAY, now=NOW)
    return cid, kid


def _open_tasks(db) -> list[str]:
    with db.engine.connect() as conn:
        return list(conn.execute(select(Task.source_key).where(
            Task.source == "contract", Task.done_at.is_(None))).scalars())


def test_an_amended_contract_is_on_today_due_and_calendar(db):
    _, kid = _amended_contract(db)
    with db.engine.connect() as conn:
        due = renewals_due(conn, TODAY)
        reminders = due_reminders(conn, NOW, timedelta(days=1))
        dates = renewal_dates(conn, TODAY - timedelta(days=30), END)
    assert [(r.id, r.status, r.days_left) for r in due.rows] == [(kid, "amended", 30)]
    assert f"renewal:{kid}:{END.year}" in {r.source_key for r in reminders}
    assert {d.subkind for d in dates if d.contract_id == kid} == {"notice", "end"}
    # The contract's own operations wrote its task already; the daily sync agrees.
    assert _open_tasks(db) == [f"renewal:{kid}:{END.year}"]
    assert not db.write(sync_contract_tasks, TODAY, now=NOW).value.changed


def test_renewed_contract_drops_out_and_the_next_one_takes_over(db):
    _, kid = _amended_contract(db)
    new_id = db.write(renew_contract, kid, "HT-1-R1", END + timedelta(days=1),
                      END + timedelta(days=366), 520_000_00, today=TODAY, now=NOW).value.new_id
    with db.engine.connect() as conn:
        assert [r.id for r in renewals_due(conn, TODAY).rows] == []
    assert _open_tasks(db) == []
    assert not db.write(sync_contract_tasks, TODAY, now=NOW).value.changed
    # a year on, the renewal is in its own notice window
    later = END + timedelta(days=366 - 20)
    with db.engine.connect() as conn:
        assert [r.id for r in renewals_due(conn, later).rows] == [new_id]


def test_a_contract_no_longer_live_loses_its_open_task(db):
    from kamdesk.store.models import Contract

    _, kid = _amended_contract(db)
    # Status changed behind the operations' back: the next daily sync drops the task.
    with db.session() as s:
        s.execute(Contract.__table__.update().where(Contract.id == kid)
                  .values(status="archived"))
        s.commit()
    assert _open_tasks(db)
    assert db.write(sync_contract_tasks, TODAY, now=NOW).value.removed == 1
    assert _open_tasks(db) == []


def test_terminating_drops_the_task_at_once(db):
    _, kid = _amended_contract(db)
    changes = db.write(move_contract, kid, "terminated", TODAY, "客户终止", today=TODAY, now=NOW)
    assert "tasks" in changes and _open_tasks(db) == []
    with db.engine.connect() as conn:
        assert renewals_due(conn, TODAY).rows == ()
    assert not db.write(sync_contract_tasks, TODAY, now=NOW).value.changed
