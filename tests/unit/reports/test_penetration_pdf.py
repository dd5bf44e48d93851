"""The account plan PDF prints the product penetration grid under Opportunities, in both
languages, read back through poppler (what a reader of the PDF gets)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

import factories as customer_ops
from kamdesk.domain.penetration import WHITESPACE
from kamdesk.reports.from_store import plan_document
from kamdesk.reports.plan_pdf import render_plan_pdf
from kamdesk.store.models import Transaction
from kamdesk.store.ops.settings import save_product_lines

TODAY = date(2026, 11, 23)

needs_poppler = pytest.mark.skipif(not shutil.which("pdftotext"),
                                   reason="poppler-utils not installed")


def squeezed_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", out)


def _customer(db) -> int:
    with db.session() as s:
        c = customer_ops.create_customer(s, name="渗透测试公司")
        s.add_all([
            Transaction(customer_id=c.id, occurred_on=date(2026, 9, 1), amount_cents=1_234_56,
                        product_line="耗材"),
            Transaction(customer_id=c.id, occurred_on=date(2025, 8, 1), amount_cents=500_00,
                        product_line="定制件"),
        ])
        s.commit()
        return c.id


def test_the_plan_document_carries_the_grid(db):
    cid = _customer(db)
    db.write(save_product_lines, ["耗材", "定制件", "智能仓储方案"])
    with db.engine.connect() as conn:
        doc = plan_document(conn, None, cid, "en", TODAY)
    assert doc.penetration is not None and not doc.product_lines_from_book
    assert doc.penetration.opportunities == ("智能仓储方案",)
    assert [r.status for r in doc.penetration.rows][-1] == WHITESPACE


@needs_poppler
@pytest.mark.parametrize("lang, words", [
    ("en", ("7.Opportunities", "Productpenetration(whitespace)", "Opportunity(notbought)",
            "Lapsed(boughtbefore)", "Buys1of3productlines", "opportunitiestoraise:智能仓储方案",
            "¥1,234.56")),
    ("zh_CN", ("七、业务机会", "产品渗透（空白机会）", "未购买（机会）", "已停购", "在购",
               "可重点推荐：智能仓储方案", "近12个月购买了3条产品线中的1条")),
])
def test_the_pdf_prints_the_penetration_section(db, tmp_path, lang, words):
    cid = _customer(db)
    db.write(save_product_lines, ["耗材", "定制件", "智能仓储方案"])
    with db.engine.connect() as conn:
        doc = plan_document(conn, None, cid, lang, TODAY)
    pdf = tmp_path / f"plan_{lang}.pdf"
    render_plan_pdf(doc, pdf)
    text = squeezed_text(pdf)
    for word in words:
        assert word in text, word
    # the grid sits in the opportunities section, before the risks
    head = "产品渗透" if lang == "zh_CN" else "Productpenetration"
    risks = "八、风险与应对" if lang == "zh_CN" else "8.Risksandmitigations"
    assert text.index(head) < text.index(risks)


@needs_poppler
def test_without_a_list_the_book_lines_are_used_and_said_so(db, tmp_path):
    cid = _customer(db)
    with db.engine.connect() as conn:
        doc = plan_document(conn, None, cid, "en", TODAY)
    assert doc.product_lines_from_book
    pdf = tmp_path / "plan.pdf"
    render_plan_pdf(doc, pdf)
    assert "Productlinesasfoundintheordersbook" in squeezed_text(pdf)
