"""Product penetration reads: the lines in force and one customer's 12/24-month purchases."""

from __future__ import annotations

from datetime import date

import factories as customer_ops
from kamdesk.domain.penetration import BUYING, LAPSED, WHITESPACE
from kamdesk.store.models import Transaction
from kamdesk.store.ops.settings import save_product_lines
from kamdesk.store.queries import penetration
from kamdesk.store.queries.penetration import (
    book_product_lines, customer_penetration, line_purchases, product_lines_in_force,
)

TODAY = date(2026, 11, 23)


def _seed(db) -> tuple[int, int]:
    with db.session() as s:
        a = customer_ops.create_customer(s, name="甲公司")
        b = customer_ops.create_customer(s, name="乙公司")
        s.add_all([
            Transaction(customer_id=a.id, occurred_on=date(2026, 10, 1), amount_cents=300_00,
                        product_line="耗材"),
            Transaction(customer_id=a.id, occurred_on=date(2026, 3, 1), amount_cents=200_00,
                        product_line="耗材 "),
            Transaction(customer_id=a.id, occurred_on=date(2026, 4, 1), amount_cents=-50_00,
                        product_line="耗材", kind="return"),
            Transaction(customer_id=a.id, occurred_on=date(2025, 6, 1), amount_cents=120_00,
                        product_line="定制件"),  # the earlier year only: lapsed
            Transaction(customer_id=a.id, occurred_on=date(2023, 6, 1), amount_cents=999_00,
                        product_line="服务包"),  # older than 24 months: whitespace
            Transaction(customer_id=a.id, occurred_on=date(2026, 12, 1), amount_cents=999_00,
                        product_line="服务包"),  # after today
            Transaction(customer_id=b.id, occurred_on=date(2026, 9, 1), amount_cents=10_00,
                        product_line="耗材"),
            Transaction(customer_id=b.id, occurred_on=date(2026, 9, 2), amount_cents=10_00,
                        product_line="软件许可"),
            Transaction(customer_id=b.id, occurred_on=date(2026, 9, 3), amount_cents=10_00),
        ])
        s.commit()
        return a.id, b.id


def test_the_book_lines_stand_in_until_the_user_keeps_a_list(db):
    _seed(db)
    # most ordered first; trimmed spellings are one line; blanks and returns add none
    assert db.read(book_product_lines) == ("耗材", "服务包", "定制件", "软件许可")
    got = db.read(product_lines_in_force)
    assert got.from_book and got.names == ("耗材", "服务包", "定制件", "软件许可")
    db.write(save_product_lines, ["服务包", "耗材", "定制件", "标准件"])
    got = db.read(product_lines_in_force)
    assert not got.from_book and got.names == ("服务包", "耗材", "定制件", "标准件")
    db.write(save_product_lines, [])
    assert db.read(product_lines_in_force).from_book


def test_the_book_lines_come_from_its_recent_orders(db, monkeypatch):
    # A big book is not read whole: the lines of its most recent orders only (a line
    # last ordered further back is not in force). By date: 12-01 服务包, 10-01 耗材,
    # 09-03 (no line), 09-02 软件许可, 09-01 耗材, 04-01 a return, 03-01 耗材 …
    _seed(db)
    monkeypatch.setattr(penetration, "RECENT_ORDERS", 5)
    assert db.read(book_product_lines) == ("耗材", "服务包", "软件许可")


def test_line_purchases_sum_the_two_windows(db):
    a, _b = _seed(db)
    got = {p.product_line: p for p in db.read(line_purchases, a, TODAY)}
    assert set(got) == {"耗材", "耗材 ", "定制件"}
    assert (got["耗材"].amount_12m_cents, got["耗材"].orders_12m) == (250_00, 1)
    assert (got["耗材 "].amount_12m_cents, got["耗材 "].orders_12m) == (200_00, 1)
    assert (got["定制件"].amount_12m_cents, got["定制件"].orders_12m) == (0, 0)
    assert (got["定制件"].amount_24m_cents, got["定制件"].orders_24m) == (120_00, 1)


def test_customer_grid_against_the_users_list(db):
    a, _b = _seed(db)
    db.write(save_product_lines, ["耗材", "定制件", "服务包", "标准件"])
    pen = db.read(customer_penetration, a, TODAY)
    assert [(r.product_line, r.status) for r in pen.rows] == [
        ("耗材", BUYING), ("定制件", LAPSED), ("服务包", WHITESPACE), ("标准件", WHITESPACE)]
    assert pen.rows[0].amount_12m_cents == 450_00 and pen.rows[0].orders_12m == 2
    assert pen.opportunities == ("服务包", "标准件")
    assert pen.penetration_pct == 25.0
