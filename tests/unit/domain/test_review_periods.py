"""Review periods: parsing, previous, the last twelve, labels (issue #12 item 5)."""

from __future__ import annotations

from datetime import date

import pytest

from kamdesk.domain.review_periods import (
    Period,
    ReviewPeriodError,
    parse_review_period,
    period_containing,
)


@pytest.mark.parametrize("text, kind, start, end", [
    ("2026-11", "month", date(2026, 11, 1), date(2026, 11, 30)),
    ("2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
    ("2026-1", "month", date(2026, 1, 1), date(2026, 1, 31)),
    (" 2026-q4 ", "quarter", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026/Q1", "quarter", date(2026, 1, 1), date(2026, 3, 31)),
    ("2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
])
def test_parse(text, kind, start, end):
    p = parse_review_period(text)
    assert (p.kind, p.start, p.end) == (kind, start, end)
    assert parse_review_period(p.code) == p


@pytest.mark.parametrize("text, code", [
    ("", "required"), (None, "required"), ("2026-13", "out_of_range"),
    ("2026-00", "out_of_range"), ("2026-Q5", "invalid_period"), ("26-11", "invalid_period"),
    ("2026-H1", "invalid_period"), ("1800", "out_of_range"), ("2026-11-01", "invalid_period"),
])
def test_bad_periods_raise_a_code(text, code):
    with pytest.raises(ReviewPeriodError) as exc:
        parse_review_period(text)
    assert exc.value.code == code and exc.value.field == "period"


def test_codes_and_labels():
    m, q, y = (parse_review_period(t) for t in ("2026-11", "2026-Q4", "2026"))
    assert (m.code, q.code, y.code) == ("2026-11", "2026-Q4", "2026")
    assert m.label("zh_CN") == "2026年11月" and m.label("en") == "Nov 2026"
    assert q.label("zh_CN") == "2026年第4季度" and q.label("en") == "Q4 2026"
    assert y.label("zh_CN") == "2026年" and y.label("en") == "2026"
    assert m.short_label("zh_CN") == "11月" and q.short_label("en") == "Q4"


def test_previous_crosses_the_year():
    assert parse_review_period("2026-01").previous().code == "2025-12"
    assert parse_review_period("2026-Q1").previous().code == "2025-Q4"
    assert parse_review_period("2026").previous().code == "2025"
    assert parse_review_period("2025-12").next().code == "2026-01"


def test_last_n_is_oldest_first_and_ends_with_the_period():
    months = parse_review_period("2026-03").last_n(12)
    assert [p.code for p in months][:2] == ["2025-04", "2025-05"]
    assert months[-1].code == "2026-03" and len(months) == 12
    quarters = parse_review_period("2026-Q2").last_n(5)
    assert [p.code for p in quarters] == ["2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]
    with pytest.raises(ReviewPeriodError):
        months[0].last_n(0)


def test_containing_and_clipping():
    assert period_containing(date(2026, 11, 23)).code == "2026-11"
    assert period_containing(date(2026, 11, 23), "quarter").code == "2026-Q4"
    assert period_containing(date(2026, 11, 23), "year").code == "2026"
    p = Period.of("month", 2026, 11)
    assert date(2026, 11, 30) in p and date(2026, 12, 1) not in p
    assert p.clipped_end(date(2026, 11, 23)) == date(2026, 11, 23)
    assert p.clipped_end(date(2027, 1, 1)) == p.end
    assert p.clipped_end(date(2026, 10, 31)) is None
    assert p.days == 30
