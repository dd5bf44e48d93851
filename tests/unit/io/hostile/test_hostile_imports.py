"""Hostile sheets through the table importers end to end (#14 item 5): generated
表1/表2/表3/orders files, as CSV in several encodings or as XLSX, imported into a
database that already holds a few customers. Properties:

* only the documented outcomes: a report (with a reason code for every refused cell)
  or a :class:`~kamdesk.io.tabular.TableReadError` for a file that cannot be read;
* a refused file (problems, all-or-nothing) leaves every table exactly as it was;
* no C0 control character (nor DEL) reaches a stored name, short name, contact,
  topic or event name;
* stored amounts and counts are within :mod:`kamdesk.domain.input_limits`.
"""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from kamdesk.domain.input_limits import MAX_AMOUNT_FEN, MAX_COUNT, MAX_YEAR, MIN_YEAR
from kamdesk.io.import_tables import import_file
from kamdesk.io.tabular import TableReadError

from .sheets import hostile_sheet, write_csv, write_xlsx

pytestmark_sqlite = pytest.mark.sqlite_only(reason="fuzzes imports against SQLite's own catalogue (sqlite_master, PRAGMA table_info)")

TODAY = date(2026, 11, 23)
#: (table, column, forbidden): names have no control character at all; other texts
#: keep TAB and LF (a topic cell may hold a line break) but never NUL, CR or the rest
NAME = re.compile("[\x00-\x1f\x7f\ufeff\u202a-\u202e\u2066-\u2069]")
TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
NAME_COLUMNS = (("customers", "name", NAME), ("customers", "short_name", NAME),
                ("people", "name", NAME), ("events", "name", NAME),
                ("interactions", "topic", TEXT), ("interactions", "feedback", TEXT),
                ("trades", "product_line", TEXT), ("trades", "notes", TEXT))
NUMBER_COLUMNS = (("trades", "amount_cents", MAX_AMOUNT_FEN), ("trades", "quantity", MAX_COUNT),
                  ("customers", "declared_contribution_cents", MAX_AMOUNT_FEN))
COUNTER = itertools.count()
pytestmark = [pytestmark_sqlite, pytest.mark.filterwarnings("ignore::hypothesis.errors.HypothesisWarning")]


@pytest.fixture(scope="module")
def book(empty_template, tmp_path_factory):
    import shutil

    import factories as customer_ops

    from kamdesk.store.database import open_database

    folder = tmp_path_factory.mktemp("hostile")
    shutil.copy(empty_template, folder / "book.sqlite3")
    database = open_database(str(folder / "book.sqlite3"), folder / "backups",
                             synchronous="OFF")
    with database.session() as s:
        for code, name in (("C001", "甲公司"), ("C002", "乙公司"), ("C003", "丙公司")):
            customer_ops.create_customer(s, code=code, name=name)
        s.commit()
    yield database, folder
    database.dispose()


def _snapshot(conn) -> dict[str, list[tuple]]:
    tables = [r[0] for r in conn.execute(text(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"))]
    return {t: sorted(map(tuple, conn.execute(text(f'SELECT * FROM "{t}"'))), key=repr)
            for t in tables}


def _columns(conn, table: str) -> set[str]:
    return {r[1] for r in conn.execute(text(f'PRAGMA table_info("{table}")'))}


def _check_one(book, kind, headers, rows, fmt: str, skip_invalid: bool) -> None:
    database, folder = book
    n = next(COUNTER)
    if fmt == "xlsx":
        path = folder / f"in{n}.xlsx"
        write_xlsx(path, headers, rows)
    else:
        path = folder / f"in{n}.csv"
        write_csv(path, headers, rows, fmt)
    with database.engine.connect() as conn:
        trans = conn.begin()
        before = _snapshot(conn)
        try:
            try:
                report = import_file(conn, path, skip_invalid=skip_invalid, today=TODAY)
            except TableReadError as exc:
                assert exc.code in ("missing", "format", "encoding", "empty")
                assert _snapshot(conn) == before
                return
            for p in report.problems:
                assert isinstance(p.code, str) and p.code, p
            if not report.written:
                assert _snapshot(conn) == before, "a refused file changed the database"
            for table, column, forbidden in NAME_COLUMNS:
                if column not in _columns(conn, table):
                    continue
                for (value,) in conn.execute(text(f'SELECT "{column}" FROM "{table}"')):
                    assert value is None or not forbidden.search(value), (table, column, value)
            for table, column, bound in NUMBER_COLUMNS:
                if column not in _columns(conn, table):
                    continue
                for (value,) in conn.execute(text(f'SELECT "{column}" FROM "{table}"')):
                    assert value is None or abs(value) <= bound, (table, column, value)
            for (day,) in conn.execute(text("SELECT occurred_on FROM trades")):
                assert MIN_YEAR <= int(str(day)[:4]) <= MAX_YEAR
        finally:
            trans.rollback()
    path.unlink()


FORMATS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "xlsx"])
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
SLOW = settings(max_examples=3_000, deadline=None, suppress_health_check=list(HealthCheck))


@FAST
@given(hostile_sheet(), FORMATS, st.booleans())
def test_hostile_sheets_import_or_refuse_cleanly(book, sheet, fmt, skip_invalid):
    _check_one(book, *sheet, fmt, skip_invalid)


@pytest.mark.slow
@SLOW
@given(hostile_sheet(), FORMATS, st.booleans())
def test_hostile_sheets_many(book, sheet, fmt, skip_invalid):
    _check_one(book, *sheet, fmt, skip_invalid)
