"""Money as people write it, read exactly into fen — or refused when it could mean two things."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kamdesk.domain.money import (
    FEN_PER_WAN,
    FEN_PER_YUAN,
    money_from_number,
    parse_money,
    unit_from_header,
    yuan_text,
)


@pytest.mark.parametrize(("text", "fen"), [
    ("12.5万", 125_000_00),
    ("12.5 万", 125_000_00),
    ("12.5万元", 125_000_00),
    ("￥1,234.50", 1_234_50),
    ("¥1,234.50", 1_234_50),
    ("¥ 1,234.5", 1_234_50),
    ("1 234", 1_234_00),
    ("1 234 567.89", 1_234_567_89),
    ("1\u00a0234", 1_234_00),          # a no-break space from a copied cell
    ("1234.5元", 1_234_50),
    ("1234", 1_234_00),
    ("0.01", 1),
    ("0", 0),
    ("1,234,567", 1_234_567_00),
    ("１２３４．５", 1_234_50),          # full-width digits from a Chinese IME
    ("1，234", 1_234_00),               # a full-width comma
    ("RMB 300", 300_00),
    ("300 CNY", 300_00),
    ("2k", 2_000_00),
    ("1.2345万", 12_345_00),            # exact to the yuan
    ("  88.00  ", 88_00),
])
def test_amounts_people_write(text, fen):
    assert parse_money(text) == fen


@pytest.mark.parametrize("text", [
    "1,2,3万",      # commas that group nothing
    "12,5",         # a European decimal comma
    "1.234,50",     # European grouping
    "1,234.5.6",
    "1.2.3",
    "12,34",
    "1,234 567",    # two kinds of separator
    "1 23",
    "1.234",        # a tenth of a fen
    "1.2345678万",  # finer than a fen
    "abc",
    "12元5角",
    "1e5",
    "万",
    "¥",
    ".",
    "12.5美元",
    "--5",
])
def test_ambiguous_or_nonsense_is_refused(text):
    with pytest.raises(ValueError):
        parse_money(text)


def test_empty_is_none():
    assert parse_money("") is None
    assert parse_money("   ") is None


def test_negative_only_when_allowed():
    for text in ("-5", "−5", "(5.00)", "¥-5"):
        with pytest.raises(ValueError):
            parse_money(text)
        assert parse_money(text, allow_negative=True) == -500


def test_a_column_unit_scales_bare_numbers_and_refuses_a_second_unit():
    assert parse_money("12.5", unit_fen=FEN_PER_WAN) == 125_000_00
    assert parse_money("1,200", unit_fen=FEN_PER_WAN) == 12_000_000_00
    with pytest.raises(ValueError):
        parse_money("12.5万", unit_fen=FEN_PER_WAN)  # 万 in a 万元 column: 万万?
    with pytest.raises(ValueError):
        parse_money("12.5元", unit_fen=FEN_PER_WAN)


def test_spreadsheet_numbers():
    assert money_from_number(1234.56) == 1_234_56
    assert money_from_number(0.1 + 0.2) == 30      # a float a hair off a fen
    assert money_from_number(12.5, unit_fen=FEN_PER_WAN) == 125_000_00
    assert money_from_number(7) == 700
    assert money_from_number(Decimal("3.10")) == 310
    with pytest.raises(ValueError):
        money_from_number(1.234)
    with pytest.raises(ValueError):
        money_from_number(-3)
    assert money_from_number(-3, allow_negative=True) == -300
    with pytest.raises(ValueError):
        money_from_number(float("nan"))
    with pytest.raises(ValueError):
        money_from_number(True)


@pytest.mark.parametrize(("header", "expected"), [
    ("金额(元)", ("金额", FEN_PER_YUAN)),
    ("金额（万元）", ("金额", FEN_PER_WAN)),
    ("销售额/万元", ("销售额", FEN_PER_WAN)),
    ("销售额(万)", ("销售额", FEN_PER_WAN)),
    ("Amount (CNY)", ("amount", FEN_PER_YUAN)),
    ("金额", ("金额", None)),
    ("Amount", ("amount", None)),
])
def test_unit_from_header(header, expected):
    assert unit_from_header(header) == expected


def test_a_foreign_currency_header_is_not_an_amount_in_yuan():
    assert unit_from_header("金额(美元)")[0] != "金额"


def test_yuan_text_is_exact():
    assert yuan_text(1_234_50) == "1234.50"
    assert yuan_text(-5_00) == "-5.00"
    assert yuan_text(7) == "0.07"
    assert yuan_text(10**17 + 1) == "1000000000000000.01"
