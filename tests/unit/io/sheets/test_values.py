from datetime import date, datetime

import pytest

from kamdesk.domain.money import FEN_PER_WAN
from kamdesk.io.sheets.values import (
    CellError,
    excel_serial_date,
    is_no_value,
    parse_amount,
    parse_date,
    parse_int,
    parse_moment,
)


@pytest.mark.parametrize("text", ["2024-03-05", "2024/03/05", "2024/3/5", "2024.3.5",
                                  "2024年3月5日", "2024 年 3 月 5 日", "20240305", "45356",
                                  "２０２４－０３－０５", 45356, 45356.0])
def test_dates_people_write(text):
    assert parse_date(text) == date(2024, 3, 5)


def test_excel_serials_respect_the_1900_leap_bug():
    assert excel_serial_date(1).date() == date(1900, 1, 1)
    assert excel_serial_date(59).date() == date(1900, 2, 28)
    assert excel_serial_date(61).date() == date(1900, 3, 1)
    with pytest.raises(CellError):
        excel_serial_date(60)  # 1900-02-29 never was
    assert excel_serial_date(45356.375) == datetime(2024, 3, 5, 9, 0)


@pytest.mark.parametrize(("text", "code"), [
    ("24-3-5", "ambiguous_date"), ("5/3/2024", "ambiguous_date"), ("2024-2-30", "invalid_date"),
    ("下周", "invalid_date"), ("2024-03-05 25:00", "invalid_date"), (True, "invalid_date"),
])
def test_bad_dates_have_a_reason(text, code):
    with pytest.raises(CellError) as info:
        parse_moment(text)
    assert info.value.code == code


def test_times_are_kept():
    assert parse_moment("2024/3/5 14:30") == datetime(2024, 3, 5, 14, 30)
    assert parse_moment("2024-03-05T14:30:15") == datetime(2024, 3, 5, 14, 30, 15)


@pytest.mark.parametrize("mark", ["", " ", "—", "——", "-", "－", "/", "N/A", "n/a", "无", None])
def test_no_value_marks(mark):
    assert is_no_value(mark)
    assert parse_amount(mark) is None and parse_date(mark) is None and parse_int(mark) is None


@pytest.mark.parametrize(("text", "unit", "fen"), [
    ("1,234.56万元", None, 12_345_600_00), ("12.5", FEN_PER_WAN, 12_500_000),
    (12.5, FEN_PER_WAN, 12_500_000), ("(1,000)", None, -100_000), ("１２３", None, 12_300),
    ("12k", None, 1_200_000), ("¥1 234.50", None, 123_450), ("8万", None, 8 * FEN_PER_WAN),
])
def test_amounts(text, unit, fen):
    assert parse_amount(text, unit_fen=unit) == fen


@pytest.mark.parametrize(("text", "unit", "code"), [
    ("1,2,3万", None, "invalid_amount"), ("12,5", None, "invalid_amount"),
    ("12.5万", FEN_PER_WAN, "invalid_amount"), ("abc", None, "invalid_amount"),
])
def test_bad_amounts(text, unit, code):
    with pytest.raises(CellError) as info:
        parse_amount(text, unit_fen=unit)
    assert info.value.code == code


def test_negative_where_none_is_allowed_says_so():
    with pytest.raises(CellError) as info:
        parse_amount("-50", allow_negative=False)
    assert info.value.code == "negative_amount"


def test_whole_numbers():
    assert parse_int("1,234") == 1234 and parse_int("１２") == 12 and parse_int(7.0) == 7
    for bad in ("1,2,3", "1.5", 1.5, "x"):
        with pytest.raises(CellError):
            parse_int(bad)
