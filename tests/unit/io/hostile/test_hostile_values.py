"""Hostile values through the cell readers and the money parser (#14 item 5): every
input is read or refused with a reason code; nothing else escapes, and what is read is
within the bounds of :mod:`kamdesk.domain.input_limits`."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamdesk.domain.input_limits import MAX_AMOUNT_FEN, MAX_COUNT, MAX_YEAR, MIN_YEAR
from kamdesk.domain.money import FEN_PER_WAN, money_from_number, parse_money
from kamdesk.io.sheets.values import REASONS, CellError, parse_amount, parse_int, parse_moment

from .strategies import any_text, cell_values, numbers

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))


def _amount(value: object, unit: int | None) -> None:
    try:
        fen = parse_amount(value, unit_fen=unit)
    except CellError as exc:
        assert exc.code in REASONS
        return
    assert fen is None or (isinstance(fen, int) and -MAX_AMOUNT_FEN <= fen <= MAX_AMOUNT_FEN)


def _count(value: object) -> None:
    try:
        n = parse_int(value)
    except CellError as exc:
        assert exc.code in REASONS
        return
    assert n is None or (isinstance(n, int) and -MAX_COUNT <= n <= MAX_COUNT)


def _moment(value: object) -> None:
    try:
        moment = parse_moment(value)
    except CellError as exc:
        assert exc.code in REASONS
        return
    assert moment is None or MIN_YEAR <= moment.year <= MAX_YEAR


def _money(value: object) -> None:
    try:
        fen = parse_money(value) if isinstance(value, str) else money_from_number(value)
    except ValueError:
        return
    assert fen is None or -MAX_AMOUNT_FEN <= fen <= MAX_AMOUNT_FEN


@FAST
@given(cell_values, st.sampled_from([None, 100, FEN_PER_WAN]))
def test_amount_cells_are_read_or_refused_with_a_reason(value, unit):
    _amount(value, unit)


@FAST
@given(cell_values)
def test_count_cells_are_read_or_refused_with_a_reason(value):
    _count(value)


@FAST
@given(cell_values)
def test_date_cells_are_read_or_refused_with_a_reason(value):
    _moment(value)


@FAST
@given(st.one_of(any_text, numbers))
def test_parse_money_raises_only_value_error(value):
    _money(value)


@pytest.mark.slow
@SLOW
@given(cell_values, st.sampled_from([None, 100, FEN_PER_WAN]))
def test_all_cell_readers_many_inputs(value, unit):
    _amount(value, unit)
    _count(value)
    _moment(value)
    if isinstance(value, (str, int, float, Decimal)) and not isinstance(value, bool):
        _money(value)


# -- the counter-examples found, kept as regressions ------------------------------------
@pytest.mark.parametrize(("value", "code"), [
    ("1" * 5000, "out_of_range"),            # was ValueError: int/str digit limit
    ("99999999999999999999", "out_of_range"),  # 20 digits: stored, then SQLite overflow
    (1e30, "out_of_range"),
    (10**40, "out_of_range"),
    (Decimal("1E+999999"), "out_of_range"),   # was decimal.Overflow
    ("Infinity", "invalid_amount"),
    (float("nan"), "invalid_amount"),
])
def test_amount_counter_examples(value, code):
    with pytest.raises(CellError) as caught:
        parse_amount(value)
    assert caught.value.code == code


def test_amount_limits_are_inclusive():
    assert parse_amount("10000000000000") == MAX_AMOUNT_FEN  # 10^13 yuan
    assert parse_amount("-10000000000000") == -MAX_AMOUNT_FEN
    with pytest.raises(CellError):
        parse_amount("10000000000000.01")


@pytest.mark.parametrize(("value", "code"), [
    (float("inf"), "invalid_number"),        # was OverflowError
    (float("nan"), "invalid_number"),        # was a bare ValueError
    (Decimal("Infinity"), "invalid_number"),
    (Decimal("sNaN"), "invalid_number"),
    (Decimal("1E+999999"), "out_of_range"),  # was ValueError: digit limit
    ("99999999999999999999", "out_of_range"),
    ("1" * 5000, "invalid_number"),
    (1e30, "out_of_range"),
])
def test_count_counter_examples(value, code):
    with pytest.raises(CellError) as caught:
        parse_int(value)
    assert caught.value.code == code


@pytest.mark.parametrize(("value", "code"), [
    (float("nan"), "invalid_date"),          # was a bare ValueError
    (Decimal("NaN"), "invalid_date"),        # was decimal.InvalidOperation
    (Decimal("sNaN"), "invalid_date"),
    (10**40, "invalid_date"),                # was OverflowError (int → float)
    (2958465.99999999, "invalid_date"),      # was OverflowError (rounds into year 10000)
    ("0001-01-01", "out_of_range"),
    ("9999-12-31", "out_of_range"),
    ("99991231", "out_of_range"),
    ("1899-12-31", "out_of_range"),
    ("2201-01-01", "out_of_range"),
    (date(1066, 10, 14), "out_of_range"),
])
def test_date_counter_examples(value, code):
    with pytest.raises(CellError) as caught:
        parse_moment(value)
    assert caught.value.code == code


def test_date_limits_are_inclusive():
    assert parse_moment("1900-01-01") == datetime(1900, 1, 1)
    assert parse_moment("2200-12-31") == datetime(2200, 12, 31)


@pytest.mark.parametrize("text", ["1" * 5000, "9" * 20, "1e999999", "Infinity", "NaN"])
def test_parse_money_refuses_huge_and_non_finite(text):
    with pytest.raises(ValueError):
        parse_money(text)
