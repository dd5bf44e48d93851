"""One writer at a time: a write waits a bounded time for another program's write
lock, says so, and then gives up having written nothing (issue #14 item 4)."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

import factories as customer_ops
from kamdesk.cli import EXIT_BUSY, main
from kamdesk.store.database import DatabaseProblem
from kamdesk.store.write_lock import WriteWait

pytestmark = pytest.mark.sqlite_only(reason="SQLite's one-writer lock (BEGIN IMMEDIATE)")


def _hold_write_lock(path):
    """Another program in the middle of a write transaction (an import, say)."""
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE app_settings SET value = value WHERE 0")
    return holder


def _add(session, name):
    from kamdesk.store.ops.changes import Changes

    c = customer_ops.create_customer(session, name=name)
    return Changes.of("customers", c.id)


def test_write_waits_reports_and_gives_up_within_the_bound(db):
    waits: list[float] = []
    db.write_wait = WriteWait(1.0, waits.append)
    holder = _hold_write_lock(db.file_path)
    try:
        started = time.monotonic()
        with pytest.raises(DatabaseProblem) as exc:
            db.write(_add, "张三贸易")
        took = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert exc.value.kind == "busy"
    assert 1.0 <= took < 1.8, took
    assert waits and waits == sorted(waits) and waits[-1] < 1.0
    print(f"\ngave up after {took:.2f} s with the bound at 1.0 s ({len(waits)} reports)")
    db.write(_add, "张三贸易")  # once free, the same write goes through


def test_write_goes_through_when_the_other_writer_finishes_in_time(db):
    db.write_wait = WriteWait(5.0)
    holder = _hold_write_lock(db.file_path)
    threading.Timer(0.6, holder.commit).start()
    started = time.monotonic()
    changes = db.write(_add, "李四实业")
    assert 0.5 <= time.monotonic() - started < 2.0
    assert changes.names == {"customers", "change_history"}  # the history records the write
    holder.close()


def test_cli_under_a_held_lock_says_it_waits_then_exits_busy(tmp_path, capsys, monkeypatch):
    import kamdesk.cli.common as common

    path = tmp_path / "book.sqlite3"
    assert main(["--db", str(path), "demo", "--customers", "5", "--today", "2026-11-23"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(common, "WRITE_WAIT_S", 2.0)
    monkeypatch.setattr(common, "SAY_WAITING_AFTER_S", 0.5)
    holder = _hold_write_lock(str(path))
    try:
        started = time.monotonic()
        code = main(["--db", str(path), "doctor", "--reindex"])
        took = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert code == EXIT_BUSY == 75
    assert err.count("Waiting for another program to finish writing to") == 1
    assert "busy for 2 s" in err and "nothing was written" in err
    assert "Traceback" not in err
    assert 2.0 <= took < 4.0
    print(f"\nCLI gave up after {took:.2f} s (bound 2 s), exit {code}:\n{err}")


def test_cli_names_the_window_when_one_holds_the_book(tmp_path, capsys, monkeypatch):
    import os

    import kamdesk.cli.common as common
    from kamdesk.instance import lock_file_path

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tmp_path / "book.sqlite3"
    assert main(["--db", str(path), "demo", "--customers", "5", "--today", "2026-11-23"]) == 0
    capsys.readouterr()
    lock = lock_file_path(str(path))
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text(f"{os.getpid()}\nkamdesk\n\n", encoding="utf-8")  # QLockFile's layout
    monkeypatch.setattr(common, "WRITE_WAIT_S", 1.0)
    monkeypatch.setattr(common, "SAY_WAITING_AFTER_S", 0.2)
    holder = _hold_write_lock(str(path))
    try:
        code = main(["--db", str(path), "--lang", "zh_CN", "doctor", "--reindex"])
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert code == EXIT_BUSY
    assert "正在等待 KAMDesk 窗口完成写入" in err and "未写入任何内容" in err


def test_cli_waits_then_succeeds_when_the_window_finishes(tmp_path, capsys, monkeypatch):
    import kamdesk.cli.common as common

    path = tmp_path / "book.sqlite3"
    assert main(["--db", str(path), "demo", "--customers", "5", "--today", "2026-11-23"]) == 0
    capsys.readouterr()
    monkeypatch.setattr(common, "SAY_WAITING_AFTER_S", 0.3)
    holder = _hold_write_lock(str(path))
    threading.Timer(1.0, holder.commit).start()
    assert main(["--db", str(path), "doctor", "--reindex"]) == 0
    holder.close()
    out = capsys.readouterr()
    assert "Waiting for another program" in out.err and "search index rebuilt" in out.out
