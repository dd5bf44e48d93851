"""import_table's progress and cancel: callbacks every few rows; a cancel at any point
raises ImportCancelled and the runner's transaction leaves the database as it was."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kamdesk.io.import_preview import preview_import, saved_mappings_file
from kamdesk.io.import_progress import TICK_EVERY, ImportCancelled, TickingRows
from kamdesk.io.import_tables import import_table

TODAY = date(2026, 11, 23)


def _sheet(tmp_path, n):
    f = tmp_path / "c.csv"
    f.write_text("客户ID,客户名称,行业属性\n" + "".join(
        f"C{i:05d},公司{i},制造业\n" for i in range(n)), encoding="utf-8")
    return f


def _count(db):
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM customers").scalar()


def test_progress_reported_every_few_rows(db, tmp_path):
    n = TICK_EVERY * 2 + 7
    seen: list[tuple[int, int]] = []
    db.write(import_table, _sheet(tmp_path, n), None, False, TODAY,
             now=datetime(2026, 11, 23, 9), progress=lambda d, t: seen.append((d, t)),
             cancelled=lambda: False)
    assert seen == [(0, n), (TICK_EVERY, n), (2 * TICK_EVERY, n), (n, n)]
    assert _count(db) == n


@pytest.mark.parametrize("after_checks", [1, 2, 3, 4, 5, 6])
def test_cancel_at_any_check_leaves_the_database_as_it_was(db, tmp_path, after_checks):
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) >= after_checks

    with pytest.raises(ImportCancelled):
        db.write(import_table, _sheet(tmp_path, TICK_EVERY * 2 + 7), None, False, TODAY,
                 cancelled=cancelled)
    assert _count(db) == 0
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM import_batches").scalar() == 0


def test_ticking_rows_is_still_the_list():
    rows = TickingRows([(1, ["a"]), (2, ["b"])], None, None)
    assert len(rows) == 2 and rows[1] == (2, ["b"]) and list(rows) == [(1, ["a"]), (2, ["b"])]


def test_preview_reports_changes_and_keeps_nothing(db, tmp_path):
    f = _sheet(tmp_path, 3)
    report = db.read(preview_import, f, TODAY, None, None)
    assert report.created == 3 and not report.written and _count(db) == 0
    db.write(import_table, f, None, False, TODAY)
    f.write_text("客户ID,客户名称,行业属性\nC00000,公司0,零售业\n", encoding="utf-8")
    report = db.read(preview_import, f, TODAY, None, None)
    assert [(c.customer, c.field, c.old, c.new) for c in report.updated_fields] == [
        ("C00000", "industry", "制造业", "零售业")]
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT industry FROM customers WHERE code='C00000'").scalar() == "制造业"


def test_saved_mappings_live_next_to_an_ini_settings_file(tmp_path):
    assert saved_mappings_file(str(tmp_path / "s.ini")) == tmp_path / "import-mappings.json"
    assert saved_mappings_file(None).name == "import-mappings.json"
