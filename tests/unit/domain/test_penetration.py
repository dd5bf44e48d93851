"""Product penetration shaping (kamdesk.domain.penetration): pure, no database."""

from __future__ import annotations

from kamdesk.domain import vocab
from kamdesk.domain.penetration import (
    BUYING, LAPSED, STATUSES, WHITESPACE, LinePurchases, clean_product_lines, line_key,
    shape_penetration,
)


def test_clean_product_lines_trims_drops_blanks_and_duplicates_keeping_order():
    assert clean_product_lines(["  耗材 ", "", "Service  pack", "耗材", "service pack", "定制件"]) \
        == ("耗材", "Service pack", "定制件")
    assert line_key("  Service   PACK ") == "service pack"


def test_grid_marks_buying_lapsed_and_whitespace_in_list_order():
    lines = ["标准件", "定制件", "耗材", "服务包"]
    bought = [
        LinePurchases("标准件", 300_00, 2, 500_00, 3),
        LinePurchases("定制件", 0, 0, 120_00, 1),  # only in the earlier year
        LinePurchases("软件许可", 80_00, 1, 80_00, 1),  # not on the list
    ]
    pen = shape_penetration(lines, bought)
    assert [(r.product_line, r.status) for r in pen.rows] == [
        ("标准件", BUYING), ("定制件", LAPSED), ("耗材", WHITESPACE), ("服务包", WHITESPACE)]
    assert pen.rows[0].amount_24m_cents == 500_00 and pen.rows[0].orders_12m == 2
    assert pen.opportunities == ("耗材", "服务包")
    assert pen.lapsed == ("定制件",)
    assert (pen.lines, pen.bought_12m, pen.bought_24m) == (4, 1, 2)
    assert pen.penetration_pct == 25.0
    assert [r.product_line for r in pen.off_list] == ["软件许可"]
    assert pen.rows[2].is_opportunity and not pen.rows[0].is_opportunity


def test_spellings_of_one_line_are_summed_and_a_return_alone_is_not_a_purchase():
    pen = shape_penetration(["Consumables", "Service"], [
        LinePurchases("consumables ", 100_00, 1, 100_00, 1),
        LinePurchases("CONSUMABLES", 50_00, 1, 50_00, 1),
        LinePurchases("Service", -20_00, 0, -20_00, 0),  # a credit note, no order
    ])
    assert pen.rows[0].amount_12m_cents == 150_00 and pen.rows[0].orders_12m == 2
    assert pen.rows[1].status == WHITESPACE and pen.rows[1].amount_12m_cents == -20_00
    assert pen.off_list == ()


def test_no_list_gives_no_rate():
    pen = shape_penetration([], [LinePurchases("x", 1, 1, 1, 1)])
    assert pen.rows == () and pen.penetration_pct is None
    assert [r.product_line for r in pen.off_list] == ["x"]


def test_every_status_is_worded_in_both_languages():
    for code in STATUSES:
        for lang in ("en", "zh_CN"):
            assert vocab.label("product_status", code, lang) != code
