"""The monthly review PDF (月度复盘): renders for an empty book and a hand-built one in
both languages, says what the meeting needs (KPI names, a target, a complaint's customer,
a tier movement, the actions), numbers its pages right, and never leaves a partial file."""

from __future__ import annotations

import re
import subprocess
from datetime import date, datetime
from pathlib import Path

import factories as customer_ops
import pytest

from kamdesk.domain.review_kpis import KPI_CODES, definition
from kamdesk.domain.review_periods import parse_review_period
from kamdesk.reports import review_pdf
from kamdesk.reports.review_data import review_document
from kamdesk.reports.review_labels import change_text, value_text
from kamdesk.reports.review_pdf import render_review_pdf
from kamdesk.reports.review_pdf_sections import action_lines
from kamdesk.store.models import AccountPlan, Complaint, PlanAction, SurveyResponse, TierChange
from kamdesk.store.ops.kpi_targets import set_kpi_target
from kamdesk.store.queries.review_facts import (
    complaints_in_period,
    is_downward,
    tier_movements,
    unanswered_complaints,
)

AS_OF = date(2026, 11, 23)
NOV = parse_review_period("2026-11")


def _text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True,
                          text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _book(db) -> None:
    with db.session() as s:
        acme = customer_ops.create_customer(s, name="鼎盛科技有限公司")
        beta = customer_ops.create_customer(s, name="Harbor Foods Ltd")
        gamma = customer_ops.create_customer(s, name="Gamma Retail")
        s.add_all([
            # answered late, still open → in the period's list and late
            Complaint(customer_id=acme.id, received_at=datetime(2026, 11, 3, 9, 0),
                      severity="high", description="延迟交付", category="交付",
                      response_deadline=datetime(2026, 11, 4, 9, 0), owner="张伟",
                      status="open"),
            # answered on time and resolved
            Complaint(customer_id=beta.id, received_at=datetime(2026, 11, 10, 9, 0),
                      severity="low", description="Invoice typo",
                      response_deadline=datetime(2026, 11, 12, 9, 0),
                      responded_at=datetime(2026, 11, 10, 15, 0), owner="Li Na",
                      status="resolved", resolved_at=datetime(2026, 11, 11, 9, 0)),
            # last month, never answered: an action, not in this period's list
            Complaint(customer_id=gamma.id, received_at=datetime(2026, 10, 20, 9, 0),
                      severity="critical", description="Broken batch",
                      response_deadline=datetime(2026, 10, 20, 13, 0), status="open"),
            TierChange(customer_id=acme.id, changed_on=date(2026, 11, 5),
                       dimension="value_tier", old_value="A", new_value="B"),
            TierChange(customer_id=gamma.id, changed_on=date(2026, 11, 6),
                       dimension="value_tier", old_value="C", new_value="B"),
            TierChange(customer_id=beta.id, changed_on=date(2026, 10, 6),  # not in November
                       dimension="value_tier", old_value="A", new_value="C"),
            SurveyResponse(customer_id=beta.id, responded_on=date(2026, 11, 12), csat=2, nps=3),
        ])
        plan = AccountPlan(customer_id=acme.id, period="2026", owner="张伟")
        s.add(plan)
        s.flush()
        s.add(PlanAction(plan_id=plan.id, action="季度业务回顾", owner="张伟",
                         due=date(2026, 11, 1), status="open"))
        s.commit()
    db.write(set_kpi_target, "csat_avg", 4.5)
    db.write(set_kpi_target, "resolution_rate", 90.0)


def test_review_facts_on_a_hand_built_book(db):
    _book(db)
    moves = db.read(tier_movements, NOV, AS_OF)
    assert {(m.old, m.new, m.customers) for m in moves.moves} == {("A", "B", 1), ("C", "B", 1)}
    assert [m.customer_name for m in moves.moved_down] == ["鼎盛科技有限公司"]
    assert moves.moved_down_total == 1
    got = db.read(complaints_in_period, NOV, AS_OF)
    assert [(c.customer_name, c.timeliness) for c in got] == [
        ("鼎盛科技有限公司", "late"), ("Harbor Foods Ltd", "on_time")]
    waiting = db.read(unanswered_complaints, AS_OF)
    assert [c.customer_name for c in waiting] == ["Gamma Retail", "鼎盛科技有限公司"]
    assert db.read(tier_movements, parse_review_period("2026-12"), AS_OF).moves == ()
    assert is_downward("activity", "active", "silent")
    assert not is_downward("value_tier", None, "C") and not is_downward("value_tier", "C", "B")


def test_actions_name_what_the_meeting_must_decide(db):
    _book(db)
    with db.engine.connect() as conn:
        doc = review_document(conn, NOV, AS_OF, "en")
    lines = action_lines(doc)
    assert "Gamma Retail" in lines[0] and "critical" in lines[0]  # waiting longest, worst
    assert any(line.startswith("CSAT average is 2.00 against a target of 4.50")
               and "Harbor Foods Ltd" in line for line in lines)
    assert any("Complaint resolution rate is 50.0%" in line for line in lines)
    assert any("Value tier: High value → Middle value" in line for line in lines)
    assert any("季度业务回顾" in line and "22 d late" in line for line in lines)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_renders_a_hand_built_book(db, tmp_path, lang):
    _book(db)
    out = tmp_path / "review.pdf"
    with db.engine.connect() as conn:
        assert render_review_pdf(conn, NOV, AS_OF, lang, out) == out
    text = _text(out)
    flat = " ".join(text.split())
    for code in ("csat_avg", "nps", "resolution_rate", "a_on_cadence"):
        assert definition(code).name(lang).split("(")[0] in text
    assert "4.50" in text  # the CSAT target
    assert "鼎盛科技有限公司" in text and "Harbor Foods Ltd" in text  # complaints' customers
    assert ("High value → Middle value" if lang == "en" else "高价值 → 中价值") in flat
    n = _pages(out)
    assert n >= 3
    dense = flat.replace(" ", "")  # pdftotext drops the spaces around hanzi
    last = f"Page{n - 1}of{n - 1}" if lang == "en" else f"第{n - 1}页/共{n - 1}页"
    assert last in dense and f"Page{n}of" not in dense and f"共{n}页" not in dense
    assert ("Page1of" if lang == "en" else "第1页") in dense
    assert not list(tmp_path.glob(".*tmp"))


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_renders_an_empty_book(db, tmp_path, lang):
    out = tmp_path / "empty.pdf"
    with db.engine.connect() as conn:
        render_review_pdf(conn, parse_review_period("2026-Q4"), AS_OF, lang, out)
    text = _text(out)
    assert definition("nps").name(lang).split("(")[0] in text
    assert "0.0%" not in text  # no data is a dash, never 0 %
    assert ("No complaints" if lang == "en" else "本期没有收到投诉") in " ".join(text.split())
    n = _pages(out)
    dense = text.replace(" ", "")
    assert (f"Page{n - 1}of{n - 1}" if lang == "en" else f"共{n - 1}页") in dense


def test_a_failed_render_leaves_no_file(db, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "review.pdf"
    out.write_bytes(b"old")

    def broken(doc, handle):
        handle.write(b"%PDF-partial")
        raise RuntimeError("layout failed")

    monkeypatch.setattr(review_pdf, "write_review_pdf", broken)
    with db.engine.connect() as conn, pytest.raises(RuntimeError):
        render_review_pdf(conn, NOV, AS_OF, "en", out)
    assert out.read_bytes() == b"old"  # the old file untouched
    assert list(folder.iterdir()) == [out]  # no temporary leftovers


def test_figures_are_written_with_a_dash_for_no_data():
    assert value_text(None, "percent") == "—" and change_text(None, "fen", None, "en") == "—"
    assert value_text(87.46, "percent") == "87.5%"
    assert value_text(12345, "fen") == "¥123.45"
    assert change_text(-3.2, "percent", None, "en") == "▼ 3.2 pts"
    assert change_text(200, "fen", 25.0, "zh_CN") == "▲ ¥2.00 (+25.0%)"
    assert len(KPI_CODES) == 13
