"""XLSX and CSV exports give back exactly the values written (#13 item 4)."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest
from export_shapes import tricky_strings

from kamdesk.io.csv_guard import neutralise, unguard_cells, unneutralise
from kamdesk.io.export_tables import CONTACT_HEADERS, CUSTOMER_HEADERS, write_rows
from kamdesk.io.own_csv import is_kamdesk_csv
from kamdesk.io.tabular import read_table

WIDTH = len(CUSTOMER_HEADERS["zh_CN"])


def _rows(values: list[object]) -> list[list[object]]:
    padded = values + [""] * (-len(values) % WIDTH)
    return [padded[i:i + WIDTH] for i in range(0, len(padded), WIDTH)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_xlsx_cells_hold_the_exact_strings_as_text(tmp_path, seed):
    from openpyxl import load_workbook

    values = tricky_strings(60, seed)
    out = tmp_path / "t.xlsx"
    rows = _rows(values)
    assert write_rows(out, CUSTOMER_HEADERS["zh_CN"], rows) == len(rows)
    ws = load_workbook(out).active
    got = list(ws.iter_rows(min_row=2))
    for row, cells in zip(rows, got, strict=True):
        for value, cell in zip(row, cells, strict=True):
            # text, never a formula ('f') or number; an empty cell reads as inlineStr
            assert cell.data_type in ("s", "inlineStr")
            assert (cell.value or "") == value     # no guard apostrophe, zeros kept
    import zipfile

    sheet = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in sheet and b"<f " not in sheet  # no formula anywhere in the file


def test_xlsx_numbers_and_dates_keep_their_types(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "t.xlsx"
    row = ["C001", 12, 2.5, date(2024, 3, 15), datetime(2024, 3, 15, 9, 30), "", "", "",
           "", ""]
    write_rows(out, CUSTOMER_HEADERS["zh_CN"], [row])
    cells = list(load_workbook(out).active.iter_rows(min_row=2))[0]
    assert [c.data_type for c in cells[:5]] == ["s", "n", "n", "d", "d"]
    assert cells[1].value == 12 and cells[2].value == 2.5
    assert cells[3].value.date() == date(2024, 3, 15) and cells[3].number_format == "yyyy-mm-dd"
    assert cells[4].value == datetime(2024, 3, 15, 9, 30)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_our_csv_reads_back_exactly(tmp_path, seed):
    values = tricky_strings(60, seed)
    out = tmp_path / "t.csv"
    rows = _rows(values)
    write_rows(out, CUSTOMER_HEADERS["zh_CN"], rows)
    raw = out.read_text(encoding="utf-8-sig")
    # Excel sees no formula: every dangerous cell starts with the guard
    for cells in list(csv.reader(raw.splitlines()))[1:]:
        assert not any(c.startswith(("=", "+", "-", "@", "\t")) for c in cells)
    table = read_table(out)
    assert [cells for _, cells in table.rows] == rows


def test_csv_dates_and_contact_log_headers(tmp_path):
    out = tmp_path / "log.csv"
    row = ["C001", datetime(2024, 3, 15, 9, 30), "电话", "-回访", "", "", "", "@王",
           date(2024, 4, 1)]
    write_rows(out, CONTACT_HEADERS["zh_CN"], [row])
    (_, cells), = read_table(out).rows
    assert cells == ["C001", "2024-03-15 09:30", "电话", "-回访", "", "", "", "@王", "2024-04-01"]


def test_a_strangers_csv_keeps_its_apostrophes(tmp_path):
    f = tmp_path / "theirs.csv"
    f.write_text("客户名称,备注\n\"'=x\",\"'+86 138\"\n", encoding="utf-8")
    assert not is_kamdesk_csv(read_table(f).headers)
    assert read_table(f).rows[0][1] == ["'=x", "'+86 138"]


def test_guard_is_reversible_for_every_string():
    for value in tricky_strings(400, 9) + ["", "'", "''", "'''=", "a'=b"]:
        assert unneutralise(neutralise(value)) == value
        assert unguard_cells([str(neutralise(value))]) == [value]
    assert neutralise(3) == 3 and unneutralise(None) is None


def test_exported_customers_import_back_with_their_names(db, tmp_path):
    """表1 of a book whose names and phones look like formulas, exported and imported
    into an empty book: the names come back exactly (CSV and XLSX)."""
    from kamdesk.io.export_tables import customer_rows
    from kamdesk.io.import_tables import import_file
    from kamdesk.store.metrics import recompute_metrics
    from kamdesk.store.ops.customers import create_customer

    names = ["-Minus Trading", "+Plus 贸易", "@At 科技", "=Equal 工业", "'Quote 商行", "远航物流"]
    for n in names:
        db.write(create_customer, name=n)
    recompute_metrics(db, date(2026, 11, 23))
    for suffix in (".csv", ".xlsx"):
        out = tmp_path / f"c{suffix}"
        with db.engine.connect() as conn:
            write_rows(out, CUSTOMER_HEADERS["zh_CN"],
                       customer_rows(conn, date(2026, 11, 23), "zh_CN"))
        from kamdesk.store.database import open_database

        other = open_database(str(tmp_path / f"o{suffix}.sqlite3"), tmp_path / "bk")
        try:
            with other.engine.begin() as conn:
                report = import_file(conn, out, kind="customers", today=date(2026, 11, 23))
            assert report.created == len(names), report.problems
            with other.engine.connect() as conn:
                got = {r[0] for r in conn.exec_driver_sql("SELECT name FROM customers")}
            assert got == set(names)
        finally:
            other.dispose()
