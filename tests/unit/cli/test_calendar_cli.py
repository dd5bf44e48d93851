"""``kamdesk due`` and ``kamdesk ical``, with the .ics read back by vobject."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import vobject

from kamdesk.cli import main
from kamdesk.store.database import open_database

NOW = "2026-11-23T10:00"


@pytest.fixture
def book(tmp_path):
    """A database with a due, an overdue, an upcoming and a far-away task."""
    import factories as customer_ops
    from kamdesk.store.ops import tasks as task_ops
    from kamdesk.store.database import open_database
    from kamdesk.store.models import KeyDate

    path = str(tmp_path / "cal.sqlite3")
    db = open_database(path, tmp_path / "backups", synchronous="OFF")
    with db.session() as s:
        c = customer_ops.create_customer(s, name="华星科技", code="C012")
        other = customer_ops.create_customer(s, name="中国移动", code="C013")
        task_ops.create_task(s, title="回访王总", customer_id=c.id,
                             due_at=datetime(2026, 11, 20, 9, 0))  # overdue
        task_ops.create_task(s, title="发送报价", customer_id=c.id,
                             due_at=datetime(2026, 11, 23, 18, 0),
                             remind_at=datetime(2026, 11, 23, 9, 30))  # reminder passed
        task_ops.create_task(s, title="拜访移动", kind="visit", customer_id=other.id,
                             due_at=datetime(2026, 11, 26, 14, 0),
                             remind_at=datetime(2026, 11, 26, 13, 0))
        task_ops.create_task(s, title="年底回顾", due_at=datetime(2026, 12, 28, 9, 0))
        task_ops.create_task(s, title="已完成", customer_id=c.id,
                             due_at=datetime(2026, 11, 21, 9, 0), done_at=datetime(2026, 11, 21))
        s.add(KeyDate(customer_id=c.id, kind="birthday", title="王总生日", calendar="solar",
                      month=12, day=5))
        s.commit()
    db.dispose()
    return path


def test_due_lists_overdue_due_and_upcoming(book, capsys):
    assert main(["--db", book, "due", "--now", NOW]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines == [
        "2026-11-20 09:00\toverdue\tC012 华星科技\t回访王总",
        "2026-11-23 18:00\tdue\tC012 华星科技\t发送报价",
        "2026-11-26 14:00\tupcoming\tC013 中国移动\t拜访移动",
    ]


def test_due_window_and_errors(book, capsys):
    assert main(["--db", book, "due", "--now", NOW, "--within", "6h"]) == 0
    out = capsys.readouterr().out
    assert "拜访移动" not in out and "发送报价" in out
    assert main(["--db", book, "due", "--now", NOW, "--within", "5w"]) == 0
    assert "年底回顾" in capsys.readouterr().out
    assert main(["--db", book, "due", "--within", "3 months"]) == 2
    assert "invalid --within" in capsys.readouterr().err


def test_due_lists_generated_reminders_before_and_after_sync(book, capsys):
    # ``due`` lists every reminder the window would raise: a key date whose reminder
    # task is not written yet is listed too, and --sync writes it without changing
    # what is listed.
    line = "2026-12-05 09:00\tupcoming\tC012 华星科技\t王总生日"
    assert main(["--db", book, "due", "--now", NOW, "--within", "2w"]) == 0
    before = capsys.readouterr().out
    assert line in before
    db = open_database(book, Path(book).parent / "backups")
    with db.engine.connect() as conn:
        count = "SELECT count(*) FROM tasks WHERE source = 'key_date'"
        assert conn.exec_driver_sql(count).scalar() == 0
    assert main(["--db", book, "due", "--now", NOW, "--within", "2w", "--sync"]) == 0
    assert capsys.readouterr().out == before
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql(count).scalar() > 0
    db.dispose()


def _export(book, out, *extra):
    return main(["--db", book, "ical", "--out", str(out), "--from", "2026-11-01",
                 "--to", "2027-01-31", "--tz", "Asia/Shanghai", *extra])


def _components(path):
    cal = next(vobject.readComponents(path.read_text(encoding="utf-8")))
    comps = list(getattr(cal, "vevent_list", [])) + list(getattr(cal, "vtodo_list", []))
    return {c.uid.value: c for c in comps}


def test_ical_export_parses_and_keeps_uids_and_alarms(book, tmp_path, capsys):
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert _export(book, first) == 0
    assert "wrote" in capsys.readouterr().out
    assert _export(book, second) == 0
    a, b = _components(first), _components(second)
    assert set(a) == set(b)
    assert {"task-1@kamdesk", "task-2@kamdesk", "task-3@kamdesk", "task-4@kamdesk",
            "task-5@kamdesk", "keydate-1@kamdesk"} <= set(a)
    visit = a["task-3@kamdesk"]
    assert visit.name == "VEVENT" and visit.summary.value == "拜访移动"
    assert visit.valarm.trigger.value == -timedelta(hours=1)
    assert b["task-3@kamdesk"].valarm.trigger.value == -timedelta(hours=1)
    todo = a["task-2@kamdesk"]
    assert todo.name == "VTODO" and todo.valarm.trigger.value == -timedelta(hours=8, minutes=30)
    bday = a["keydate-1@kamdesk"]  # a solar birthday repeats yearly (issue #13)
    assert bday.dtstart.value == date(2026, 12, 5)
    assert bday.rrule.value == "FREQ=YEARLY"
    assert first.read_bytes() == second.read_bytes()
    assert bday.valarm.trigger.value == -timedelta(days=3)
    assert a["task-5@kamdesk"].status.value == "COMPLETED"


def test_ical_for_one_customer(book, tmp_path, capsys):
    out = tmp_path / "c.ics"
    assert _export(book, out, "--customer", "C013") == 0
    assert set(_components(out)) == {"task-3@kamdesk"}
    assert _export(book, out, "--customer", "C999") == 1
    assert "no customer" in capsys.readouterr().err


def test_ical_default_range_and_bad_range(book, tmp_path, capsys):
    out = tmp_path / "d.ics"
    assert main(["--db", book, "ical", "--out", str(out), "--from", "2027-01-01",
                 "--to", "2026-01-01"]) == 2
    assert main(["--db", book, "ical", "--out", str(out)]) == 0
    assert out.exists()
