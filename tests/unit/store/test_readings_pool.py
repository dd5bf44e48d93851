"""Names read in a worker process give exactly what reading them here gives, and an
import that uses the worker stores the same book as one that does not."""

import random

import pytest

from sqlalchemy import text

from kamdesk.io.import_tables import import_file
from kamdesk.store import readings_pool
from kamdesk.store.pinyin import known_readings, name_readings, person_name_forms
from kamdesk.store.readings_pool import ReadingsInBackground

_PARTS = ["长治", "单县", "重庆", "朝阳", "银行", "支行", "食品", "华信", "乐天", "恒泰"]
_PEOPLE = ["单文华", "曾国强", "解明", "仇静", "区长乐", "查重光", "王伟", "欧阳朝"]


def _names(seed, count):
    r = random.Random(seed)
    return [("".join(r.sample(_PARTS, 3)) + str(i), False) for i in range(count)] + [
        (r.choice(_PEOPLE), True) for _ in range(count)]


def test_the_worker_reads_names_as_this_process_does():
    names = _names(3, 300)
    pool = ReadingsInBackground(names, min_names=1)
    assert pool.started
    got = pool.result()
    assert got == {n: name_readings(*n) for n in dict.fromkeys(names)}
    with known_readings(got):  # a known reading is served as it is
        assert person_name_forms("单文华") == got[("单文华", True)][0]


def test_small_sheets_do_not_start_a_worker():
    pool = ReadingsInBackground(_names(1, 10))
    assert not pool.started and pool.result() == {}


def test_a_failed_worker_costs_nothing_but_time(monkeypatch):
    def broken(names):
        raise RuntimeError("worker died")

    monkeypatch.setattr(readings_pool, "read_names", broken)
    pool = ReadingsInBackground(_names(2, 50), min_names=1)
    assert pool.result() == {}


def _book(db):
    with db.engine.connect() as conn:
        return (sorted(conn.execute(text(
                    "SELECT code, name, name_pinyin, name_initials FROM customers")).all()),
                sorted(conn.execute(text(
                    "SELECT name, name_pinyin, name_initials FROM people")).all()),
                sorted(conn.execute(text("SELECT rowid, body FROM customer_fts")).all()))


@pytest.mark.sqlite_only(reason="compares SQLite's search table (customer_fts) row by row")
def test_an_import_through_the_worker_stores_the_same_book(db, tmp_path, monkeypatch):
    from kamdesk.store.database import open_database

    rows = _names(9, 120)
    sheet = tmp_path / "customers.csv"
    sheet.write_text("客户ID,客户名称,关键联系人\n" + "".join(
        f"C{i:04d},{company},{rows[120 + i][0]}\n"
        for i, (company, _p) in enumerate(rows[:120])), encoding="utf-8")
    started = []
    real = ReadingsInBackground.__init__

    def spy(self, names, min_names=None):
        real(self, names, min_names=1)
        started.append(self.started)

    monkeypatch.setattr(ReadingsInBackground, "__init__", spy)
    with db.engine.begin() as conn:
        assert import_file(conn, sheet).written
    assert started == [True]
    monkeypatch.setattr(ReadingsInBackground, "__init__", real)
    here = open_database(str(tmp_path / "here.sqlite3"), tmp_path / "b", synchronous="OFF")
    with here.engine.begin() as conn:
        assert import_file(conn, sheet).written
    assert _book(db) == _book(here)
    here.dispose()


def test_the_worker_is_used_only_under_guarded_entry_points(monkeypatch):
    import sys
    import types

    script = types.ModuleType("__main__")
    script.__file__ = "/home/someone/my_import.py"  # may not guard its work
    script.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", script)
    assert not readings_pool.main_is_guarded()
    assert not ReadingsInBackground(_names(4, 40), min_names=1).started
    script.__file__ = "/usr/local/bin/kamdesk"  # the launcher pip writes (guarded)
    assert readings_pool.main_is_guarded()
    script.__spec__ = types.SimpleNamespace(name="kamdesk.__main__")
    assert readings_pool.main_is_guarded()
    script.__spec__ = types.SimpleNamespace(name="tools.report")
    assert not readings_pool.main_is_guarded()


def test_a_re_import_that_creates_nothing_never_waits_for_the_worker(db, tmp_path,
                                                                     monkeypatch):
    rows = _names(12, 30)
    sheet = tmp_path / "customers.csv"
    sheet.write_text("客户ID,客户名称\n" + "".join(
        f"C{i:04d},{company}\n" for i, (company, _p) in enumerate(rows[:30])),
        encoding="utf-8")
    asked = []
    real_init, real_result = ReadingsInBackground.__init__, ReadingsInBackground.result

    def init(self, names, min_names=None):
        real_init(self, names, min_names=1)

    def result(self):
        asked.append(1)
        return real_result(self)

    monkeypatch.setattr(ReadingsInBackground, "__init__", init)
    monkeypatch.setattr(ReadingsInBackground, "result", result)
    with db.engine.begin() as conn:
        assert import_file(conn, sheet).created == 30
    assert asked == [1]
    with db.engine.begin() as conn:
        again = import_file(conn, sheet)
    assert again.created == 0 and asked == [1]  # nothing new: the readings never asked
