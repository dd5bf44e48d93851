"""One writer (issue #14 item 4) in the window: a save under another program's write
lock says what it waits for, gives up after the bound and keeps the form; a second
window on the same book brings the first forward and exits."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from kamdesk.instance import lock_file_path
from kamdesk.store.write_lock import WriteWait
from kamdesk.ui.single_instance import SingleInstance

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.sqlite_only(reason="SQLite's one-writer lock")
def test_a_save_under_a_held_lock_waits_visibly_then_keeps_the_form(qtbot, ctx, monkeypatch):
    from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

    dlg = CustomerDialog(ctx, None, None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.name_edit.setText("深圳东方医药有限公司")
    statuses: list[str] = []
    ctx.status.connect(statuses.append)
    cursors: list[object] = []
    ctx.status.connect(lambda _m: cursors.append(QApplication.overrideCursor()))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a: warnings.append(text))
    monkeypatch.setattr(QMessageBox, "question",  # closing at teardown: discard the edits
                        lambda *a: QMessageBox.StandardButton.Yes)
    ctx.db.write_wait = WriteWait(1.5)
    holder = sqlite3.connect(ctx.db.file_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a CLI import in the middle of its transaction
    try:
        started = time.monotonic()
        assert dlg.write(lambda s: None) is None  # what save() gets back: nothing saved
        took = time.monotonic() - started
        dlg._on_save()
    finally:
        holder.rollback()
        holder.close()
    assert 1.5 <= took < 2.5
    waiting = [m for m in statuses if m.startswith("Waiting for another program")]
    assert waiting and waiting[0].endswith("0 s") and any(m.endswith("1 s") for m in waiting)
    assert statuses[-1] == ""  # cleared when the wait ended
    assert cursors[0] is not None and QApplication.overrideCursor() is None
    assert len(warnings) == 2 and "busy for 2 s" in warnings[0]
    assert "nothing was written" in warnings[0]
    assert dlg.isVisible() and dlg.name_edit.text() == "深圳东方医药有限公司"
    print(f"\nGUI save gave up after {took:.2f} s (bound 1.5 s); status: {waiting[-1]!r}")
    dlg._on_save()  # the lock is free now: the same form saves
    assert not dlg.isVisible() and dlg.saved_id


def test_the_second_claim_fails_and_asks_the_first_to_come_forward(qtbot, tmp_path):
    book = str(tmp_path / "book.sqlite3")
    first = SingleInstance(book, tmp_path / "data")
    assert first.claim()
    assert lock_file_path(book, tmp_path / "data").is_file()
    assert oct(lock_file_path(book, tmp_path / "data").stat().st_mode & 0o777) == "0o600"
    second = SingleInstance(book, tmp_path / "data")
    assert not second.claim()
    with qtbot.waitSignal(first.raise_requested, timeout=3000):
        assert second.ask_first_to_raise()
    other_book = SingleInstance(str(tmp_path / "other.sqlite3"), tmp_path / "data")
    assert other_book.claim()  # another book: its own window
    other_book.release()
    first.release()
    assert second.claim()  # free again once the first window closed
    second.release()


def test_a_crashed_windows_lock_is_taken_over(qapp, tmp_path):
    book = str(tmp_path / "book.sqlite3")
    crash = (
        "import os, signal, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from kamdesk.ui.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        f"s = SingleInstance({book!r}, __import__('pathlib').Path({str(tmp_path / 'data')!r}))\n"
        "assert s.claim()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", crash], env=env, timeout=60)
    assert done.returncode == -9
    assert lock_file_path(book, tmp_path / "data").is_file()  # left behind
    heir = SingleInstance(book, tmp_path / "data")
    assert heir.claim()
    assert heir.ask_first_to_raise(500)  # its own server answers now
    heir.release()


@pytest.mark.skipif(sys.platform == "win32", reason="XDG folders")
def test_second_window_on_the_same_book_raises_the_first_and_exits(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "c")}
    book = str(tmp_path / "book.sqlite3")
    cmd = [sys.executable, "-m", "kamdesk", "--db", book, "--lang", "en"]
    first = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        lock = tmp_path / "data" / "KAMDesk" / lock_file_path(book, Path("/")).name
        deadline = time.monotonic() + 60
        while not (lock.is_file() and Path(book).is_file()) and time.monotonic() < deadline:
            assert first.poll() is None, first.stdout.read() if first.stdout else ""
            time.sleep(0.1)
        time.sleep(1.0)  # the window is up and listening
        started = time.monotonic()
        second = subprocess.run(cmd, env=env, capture_output=True, timeout=60)
        took = time.monotonic() - started
        assert second.returncode == 0, second.stderr
        assert first.poll() is None  # the first window is still open
        logs = list((tmp_path / "state").rglob("kamdesk.log"))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(
                "asked this window to come forward" in p.read_text() for p in logs):
            time.sleep(0.1)
            logs = list((tmp_path / "state").rglob("kamdesk.log"))
        assert any("asked this window to come forward" in p.read_text() for p in logs)
        print(f"\nsecond start exited 0 after {took:.2f} s; the first came forward")
    finally:
        first.terminate()
        first.wait(30)
