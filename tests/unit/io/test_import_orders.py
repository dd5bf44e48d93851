"""Importing an orders sheet: Chinese headings, amounts in 元 or 万元 from the heading,
customers by code or exact name (never guessed), bad rows named by line and column,
all-or-nothing, and a second import of the same sheet adds nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import factories
import pytest
from openpyxl import Workbook

from kamdesk.cli import main
from kamdesk.io.import_tables import import_file, import_table
from kamdesk.store.queries.orders import customer_orders

TODAY = date(2026, 11, 23)


@pytest.fixture
def book(db):
    with db.session() as s:
        ids = {
            "C001": factories.create_customer(s, code="C001", name="远航物流").id,
            "C002": factories.create_customer(s, code="C002", name="星河零售").id,
            "C003": factories.create_customer(s, code="C003", name="同名公司").id,
            "C004": factories.create_customer(s, code="C004", name="同名公司").id,
            "C005": factories.create_customer(s, code="C005", name="旧客户").id,
        }
        factories.set_archived(s, ids["C005"], True)
        s.commit()
    return ids


def _csv(tmp_path: Path, text: str, name: str = "orders.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8-sig")
    return path


def _import(db, path, **kw):
    with db.engine.begin() as conn:
        return import_file(conn, path, today=TODAY, **kw)


SHEET = (
    "客户编号,日期,产品线,数量,金额(元),发票号,备注\n"
    "C001,2026-10-08,冷链,3,\"12,500.50\",FP-001,首单\n"
    "C001,2026/10/20,仓储,1,8000,,\n"
    "C002,2026年11月1日,冷链,,3000,FP-002,\n"
)


def test_an_orders_sheet_is_detected_and_imported(db, book, tmp_path):
    report = _import(db, _csv(tmp_path, SHEET))
    assert report.kind == "orders" and report.written
    assert (report.created, report.problems) == (3, [])
    orders = db.read(customer_orders, book["C001"])
    assert [(o.occurred_on, o.product_line, o.quantity, o.amount_cents, o.invoice_no)
            for o in orders.rows] == [
        (date(2026, 10, 20), "仓储", 1, 8000_00, None),
        (date(2026, 10, 8), "冷链", 3, 12_500_50, "FP-001"),
    ]
    assert report.changes.names == {"trades"}


def test_importing_the_same_sheet_twice_adds_nothing(db, book, tmp_path):
    path = _csv(tmp_path, SHEET)
    _import(db, path)
    again = _import(db, path)
    assert (again.created, again.unchanged) == (0, 3)
    assert db.read(customer_orders, book["C001"]).count == 2
    # A sheet with one more row adds just that row.
    bigger = _csv(tmp_path, SHEET + "C002,2026-11-02,仓储,,100,,\n", "more.csv")
    third = _import(db, bigger)
    assert (third.created, third.unchanged) == (1, 3)


def test_two_identical_rows_are_two_orders_and_stay_two(db, book, tmp_path):
    path = _csv(tmp_path, "客户编号,日期,产品线,金额\nC001,2026-10-08,冷链,100\n"
                          "C001,2026-10-08,冷链,100\n")
    assert _import(db, path).created == 2
    assert _import(db, path).created == 0
    assert db.read(customer_orders, book["C001"]).count == 2


def test_amount_in_wan_from_the_heading_and_customers_by_name_in_xlsx(db, book, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["客户名称", "下单日期", "产品线", "销售额/万元", "发票号码"])
    ws.append(["远航物流", date(2026, 9, 1), "冷链", 12.5, "A1"])
    ws.append(["星河零售", "2026-09-02", "仓储", "0.35", "A2"])
    path = tmp_path / "orders.xlsx"
    wb.save(path)
    report = _import(db, path)
    assert report.kind == "orders" and report.problems == []
    assert db.read(customer_orders, book["C001"]).total_cents == 125_000_00
    assert db.read(customer_orders, book["C002"]).total_cents == 3_500_00


@pytest.mark.parametrize("heading", ["金额（万元）", "金额(万元)", "销售额(万)"])
def test_wan_headings(db, book, tmp_path, heading):
    _import(db, _csv(tmp_path, f"客户编号,日期,{heading}\nC001,2026-10-08,1.5\n"),
            kind="orders")
    assert db.read(customer_orders, book["C001"]).total_cents == 15_000_00


def test_bad_rows_are_named_by_line_and_column_and_nothing_is_written(db, book, tmp_path):
    path = _csv(tmp_path, (
        "客户名称,日期,产品线,金额（万元）,类型\n"
        "远航物流,2026-10-08,冷链,1.5,\n"        # line 2: fine
        "同名公司,2026-10-08,冷链,1,\n"          # 3: two customers have this name
        "没有这家,2026-10-08,冷链,1,\n"          # 4: unknown
        "旧客户,2026-10-08,冷链,1,\n"            # 5: archived
        "星河零售,2026-13-01,冷链,1,\n"          # 6: not a date
        "星河零售,2026-10-08,冷链,\"1,2,3\",\n"  # 7: ambiguous amount
        "星河零售,2026-10-08,冷链,0,\n"          # 8: zero
        "星河零售,2026-10-08,冷链,-1,\n"         # 9: negative without being a return
        "星河零售,2028-10-08,冷链,1,\n"          # 10: more than a year ahead
        "星河零售,2026-10-08,冷链,1,赠品\n"      # 11: unknown kind
        "星河零售,2026-10-08,冷链,12.5万,\n"     # 12: a unit twice
    ))
    report = _import(db, path)
    assert not report.written
    assert [(p.line, p.column, p.code) for p in report.problems] == [
        (3, "客户名称", "ambiguous_customer"),
        (4, "客户名称", "unknown_customer"),
        (5, "客户名称", "customer_archived"),
        (6, "日期", "invalid_date"),
        (7, "金额（万元）", "invalid_number"),
        (8, "金额（万元）", "amount_not_positive"),
        (9, "金额（万元）", "amount_not_positive"),
        (10, "日期", "date_too_far_ahead"),
        (11, "类型", "invalid_choice"),
        (12, "金额（万元）", "invalid_number"),
    ]
    assert db.read(customer_orders, book["C001"]).count == 0
    skipped = _import(db, path, skip_invalid=True)
    assert skipped.written and skipped.created == 1
    assert db.read(customer_orders, book["C001"]).total_cents == 15_000_00


def test_a_return_row_is_stored_negative_either_way(db, book, tmp_path):
    path = _csv(tmp_path, "客户编号,日期,金额,类型\nC001,2026-10-08,1000,订单\n"
                          "C001,2026-10-09,-200,退货\nC001,2026-10-10,100,红字冲销\n")
    assert _import(db, path).created == 3
    orders = db.read(customer_orders, book["C001"])
    assert (orders.count, orders.total_cents) == (1, 700_00)


def test_unknown_code_is_a_row_error_not_a_guess(db, book, tmp_path):
    report = _import(db, _csv(tmp_path, "客户编号,客户名称,日期,金额\nC999,远航物流,2026-10-08,1\n"))
    assert [(p.line, p.column, p.code, p.value) for p in report.problems] == [
        (2, "客户编号", "unknown_customer", "C999")]


def test_a_sheet_without_an_amount_is_missing_a_column(db, book, tmp_path):
    report = _import(db, _csv(tmp_path, "客户编号,日期,金额(美元)\nC001,2026-10-08,1\n"),
                     kind="orders")
    assert report.missing_columns == ["amount"]


def test_the_import_operation_recomputes_the_figures(db, book, tmp_path):
    changes = db.write(import_table, _csv(tmp_path, SHEET), None, False, TODAY)
    assert {"trades", "customer_metrics"} <= changes.names
    from sqlalchemy import text
    with db.engine.connect() as conn:
        revenue = conn.execute(text("SELECT revenue_12m_cents FROM customer_metrics "
                                    "WHERE customer_id = :c"), {"c": book["C001"]}).scalar()
    assert revenue == 20_500_50


def test_cli_import_orders_twice(db, book, tmp_path, capsys):
    path = _csv(tmp_path, SHEET)
    args = ["--db", db.location, "import", str(path), "--kind", "orders", "--today",
            TODAY.isoformat()]
    assert main(args) == 0
    assert "imported orders: 3 new" in capsys.readouterr().out
    assert main(args) == 0
    assert "imported orders: 0 new, 0 updated, 3 already there" in capsys.readouterr().out


def test_cli_names_bad_rows_by_line_and_column(db, book, tmp_path, capsys):
    path = _csv(tmp_path, "客户名称,日期,金额\n同名公司,2026-10-08,1\n")
    assert main(["--db", db.location, "import", str(path), "--today", TODAY.isoformat()]) == 1
    err = capsys.readouterr().err
    assert "row 2: 客户名称 ('同名公司')" in err and "more than one customer" in err
