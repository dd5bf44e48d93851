"""The PDF trend drawing: draws for any data, with gaps and a target line when asked."""

from __future__ import annotations

import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Line, PolyLine, String

from kamdesk.reports.trend_chart import TARGET_COLOUR, trend_drawing

MONTHS = ["2025-12"] + [f"2026-{m:02d}" for m in range(1, 12)]


def _shapes(d, kind):
    return [s for s in d.contents if isinstance(s, kind)]


@pytest.mark.parametrize("values", [[], [None] * 12, [-3.0, None, 2.0, -8.0]])
@pytest.mark.parametrize("bars", [False, True])
def test_draws_for_any_data(values, bars, tmp_path):
    labels = MONTHS[-len(values):] if values else []
    d = trend_drawing(labels, values, "zh_CN", 200, 80, title="NPS", target=0.0, bars=bars)
    renderPDF.drawToFile(d, str(tmp_path / "t.pdf"))
    assert (tmp_path / "t.pdf").stat().st_size > 0


def test_gaps_and_target_line():
    values = [1.0, 2.0, None, 4.0, 5.0, 6.0, None, None, 9.0, 10.0, 11.0, 12.0]
    d = trend_drawing(MONTHS, values, "en", 240, 90, target=8.0)
    assert len(_shapes(d, PolyLine)) == 3  # three runs between the gaps
    dashed = [s for s in _shapes(d, Line) if s.strokeColor == TARGET_COLOUR]
    assert len(dashed) == 1 and dashed[0].strokeDashArray
    no_target = trend_drawing(MONTHS, values, "en", 240, 90)
    assert not [s for s in _shapes(no_target, Line) if s.strokeColor == TARGET_COLOUR]
    texts = [s.text for s in _shapes(d, String)]
    assert "11" in texts  # the newest period is always labelled, short
    assert all(len(t) <= 5 for t in texts)


def test_no_data_says_so():
    d = trend_drawing(MONTHS, [None] * 12, "zh_CN", 200, 80)
    assert [s.text for s in _shapes(d, String)] == ["暂无数据。"]
