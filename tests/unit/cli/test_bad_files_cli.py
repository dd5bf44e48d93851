"""#14 item 3 on the command line: every bad file gets one clear line in the run's language,
its documented exit code, no traceback/SQL/customer data, and the same bytes after."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bad_files import CASES, MESSAGE, make_bad, sha256

from kamdesk.cli import main
from kamdesk.cli.common import EXIT_FOR_PROBLEM

pytestmark = pytest.mark.sqlite_only(reason="damaged, locked, read-only and full-disk book files")


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    f = tmp_path / "in.csv"
    f.write_text("客户名称,合作时长(月)\n甲公司,12\n", encoding="utf-8")
    return f


def _commands(csv_file: Path) -> dict[str, list[str]]:
    return {"search": ["search", "a"], "doctor": ["doctor"], "tiers": ["tiers"],
            "import": ["import", str(csv_file)]}


def _clean(err: str, book: Path | None = None) -> None:
    assert "Traceback" not in err and "SELECT" not in err and "INSERT" not in err
    assert "甲公司" not in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["search", "doctor", "tiers", "import"])
def test_bad_file_refused_untouched(case, command, demo_template, tmp_path, csv_file, capsys):
    bad = make_bad(case, demo_template, tmp_path / "books")
    before, folder_before = sha256(bad), sorted(os.listdir(bad.parent))
    kind = CASES[case]
    code = main(["--db", str(bad), *_commands(csv_file)[command]])
    out, err = capsys.readouterr()
    assert code == EXIT_FOR_PROBLEM[kind], err
    assert MESSAGE[kind][0] in err
    _clean(err)
    assert sha256(bad) == before
    assert sorted(os.listdir(bad.parent)) == folder_before  # no -wal/-shm/backups left


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_file_message_in_chinese(case, demo_template, tmp_path, capsys):
    bad = make_bad(case, demo_template, tmp_path / "books")
    before = sha256(bad)
    code = main(["--db", str(bad), "--lang", "zh_CN", "search", "a"])
    err = capsys.readouterr().err
    assert code == EXIT_FOR_PROBLEM[CASES[case]]
    assert MESSAGE[CASES[case]][1] in err
    assert sha256(bad) == before


def test_doctor_names_the_damaged_index_and_table(demo_template, tmp_path, capsys):
    bad_index = make_bad("damaged_index", demo_template, tmp_path / "a")
    assert main(["--db", str(bad_index), "doctor"]) == 5
    assert "damaged: index ix_customers_name (table customers)" in capsys.readouterr().out
    bad_table = make_bad("damaged_table", demo_template, tmp_path / "b")
    assert main(["--db", str(bad_table), "doctor"]) == 5
    assert "damaged: table customers" in capsys.readouterr().out


def test_zero_byte_file_is_not_made_a_book(tmp_path, capsys):
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert main(["--db", str(empty), "doctor"]) == 3
    assert empty.read_bytes() == b""
    missing = tmp_path / "new.sqlite3"  # a file that does not exist yet is a new book
    assert main(["--db", str(missing), "doctor"]) == 0
    assert missing.stat().st_size > 0


def _read_only(path: Path) -> None:
    path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_book_reads_and_refuses_writes(what, demo_template, tmp_path, csv_file,
                                                 capsys):
    folder = tmp_path / "books"
    folder.mkdir()
    book = folder / "ro.sqlite3"
    book.write_bytes(demo_template.read_bytes())
    before = sha256(book)
    _read_only(book if what == "file" else folder)
    try:
        assert main(["--db", str(book), "search", "a"]) == 0
        assert capsys.readouterr().out.strip()
        assert main(["--db", str(book), "doctor"]) == 0
        capsys.readouterr()
        assert main(["--db", str(book), "import", str(csv_file)]) == 7
        err = capsys.readouterr().err
        assert MESSAGE["read_only_open"][0] in err
        _clean(err)
        assert main(["--db", str(book), "--lang", "zh_CN", "import", str(csv_file)]) == 7
        assert MESSAGE["read_only_open"][1] in capsys.readouterr().err
        for extra in folder.glob("ro.sqlite3-*"):  # this process's engines still hold them
            extra.unlink()
        run = subprocess.run([sys.executable, "-m", "kamdesk", "--db", str(book), "search",
                              "a"], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[3])})
        assert run.returncode == 0, run.stderr
    finally:
        folder.chmod(0o755)
        book.chmod(0o644)
    assert sha256(book) == before
    assert sorted(os.listdir(folder)) == ["ro.sqlite3"]  # a read-only run leaves no -wal


def test_read_only_book_needing_an_upgrade_is_refused(tmp_path, capsys):
    fixture = Path(__file__).parents[2] / "fixtures" / "revisions" / "0001_initial.sqlite3"
    book = tmp_path / "old.sqlite3"
    book.write_bytes(fixture.read_bytes())
    before = sha256(book)
    _read_only(book)
    assert main(["--db", str(book), "search", "a"]) == 7
    err = capsys.readouterr().err
    assert "cannot be written" in err and "upgrade" in err
    assert sha256(book) == before


_HOLD = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute(sys.argv[2])
print("held", flush=True)
time.sleep(30)
"""


def _hold_lock(book: Path, statement: str) -> subprocess.Popen[str]:
    child = subprocess.Popen([sys.executable, "-c", _HOLD, str(book), statement],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    return child


def test_locked_book_waits_a_bounded_time_and_names_the_holder(demo_template, tmp_path,
                                                               monkeypatch, capsys):
    from kamdesk.store import file_check

    monkeypatch.setattr(file_check, "LOCK_WAIT_S", 0.5)
    book = tmp_path / "locked.sqlite3"
    book.write_bytes(demo_template.read_bytes())
    with sqlite3.connect(book) as conn:  # a tool turned it back to a rollback journal
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = sha256(book)
    child = _hold_lock(book, "BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        code = main(["--db", str(book), "search", "a"])
        took = time.monotonic() - started
    finally:
        child.kill()
        child.wait()
    err = capsys.readouterr().err
    assert code == 8 and took < 5
    assert MESSAGE["locked"][0] in err and f"({child.pid})" in err
    _clean(err)
    assert sha256(book) == before


def test_write_lock_of_another_program_gives_locked_not_a_traceback(
        demo_template, tmp_path, csv_file, monkeypatch, capsys):
    from kamdesk.cli import common
    from kamdesk.store import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr(common, "WRITE_WAIT_S", 1.0)  # the CLI's bounded wait for the lock
    book = tmp_path / "busy.sqlite3"
    book.write_bytes(demo_template.read_bytes())
    child = _hold_lock(book, "BEGIN IMMEDIATE")
    try:
        code = main(["--db", str(book), "import", str(csv_file)])
    finally:
        child.kill()
        child.wait()
    err = capsys.readouterr().err
    # the write waited its bound, then gave up: "busy", exit 75 (EX_TEMPFAIL), nothing written
    assert code == common.EXIT_BUSY and "busy" in err
    _clean(err)


def test_full_disk_says_disk_full_and_keeps_what_was_saved(demo_template, tmp_path, csv_file,
                                                           monkeypatch, capsys):
    from sqlalchemy.exc import OperationalError

    from kamdesk.store.database import Database

    book = tmp_path / "full.sqlite3"
    book.write_bytes(demo_template.read_bytes())
    assert main(["--db", str(book), "search", "a"]) == 0  # opened once: now at rest
    capsys.readouterr()
    before = sha256(book)

    def full(self, op, *args, **kwargs):
        raise OperationalError("INSERT INTO customers (name) VALUES (?)", ("甲公司",),
                               sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(Database, "write", full)
    code = main(["--db", str(book), "import", str(csv_file)])
    err = capsys.readouterr().err
    assert code == 9 and MESSAGE["disk_full"][0] in err and "saved before it is kept" in err
    _clean(err)
    assert sha256(book) == before
    code = main(["--db", str(book), "--lang", "zh_CN", "import", str(csv_file)])
    assert code == 9 and MESSAGE["disk_full"][1] in capsys.readouterr().err


def test_disk_io_error_on_a_full_disk_is_called_disk_full(demo_template, tmp_path, csv_file,
                                                          monkeypatch, capsys):
    """A real full disk (measured on a 1.2 MB tmpfs) makes SQLite say "disk I/O error"
    when it cannot grow the -wal; with no space left that is "Disk full", exit 9."""
    from sqlalchemy.exc import OperationalError

    from kamdesk.store import file_check
    from kamdesk.store.database import Database

    book = tmp_path / "full.sqlite3"
    book.write_bytes(demo_template.read_bytes())
    before = sha256(book)
    real_write = Database.write

    def io_error(self, op, *args, **kwargs):
        monkeypatch.setattr(file_check, "FULL_BELOW_BYTES", 1 << 62)  # the disk fills up
        return real_write(self, _fail_io, *args, **kwargs)

    def _fail_io(session, *args, **kwargs):
        raise OperationalError("INSERT INTO customers", ("甲公司",),
                               sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(Database, "write", io_error)
    code = main(["--db", str(book), "import", str(csv_file)])
    err = capsys.readouterr().err
    assert code == 9 and MESSAGE["disk_full"][0] in err
    _clean(err)
    assert sha256(book) == before
