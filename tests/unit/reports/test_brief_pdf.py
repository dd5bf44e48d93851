"""The one-page pre-visit brief: one page whatever the account holds, readable content."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from kamdesk.reports.brief_pdf import render_brief_pdf
from kamdesk.reports.plan_data import BriefDocument, BriefInteraction, BriefPerson
from kamdesk.reports.sample import CUSTOMER_NAME, sample_brief

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdfinfo")),
    reason="poppler-utils (pdftotext/pdffonts/pdfinfo) not installed; "
    "the PDF can only be checked through an independent reader",
)


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def squeezed_text(pdf: Path) -> str:
    return re.sub(r"\s+", "", run("pdftotext", "-raw", str(pdf), "-"))


def page_count(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.MULTILINE)
    assert match
    return int(match.group(1))


def crowded_brief() -> BriefDocument:
    """Far more than fits: the brief must cap and shrink, never spill onto page 2."""
    base = sample_brief("zh_CN")
    long = "客户非常关注交付周期和价格联动条款，希望我们在下次拜访时给出明确答复；" * 8
    people = tuple(
        BriefPerson(f"联系人{i}号", "副总经理兼采购中心负责人", "decision_maker", "neutral",
                    long, long, long, long)
        for i in range(12)
    )
    interactions = tuple(
        BriefInteraction(date(2026, 1, 10) - timedelta(days=7 * i), "visit", long, long, long)
        for i in range(10)
    )
    many = tuple(f"{i}. {long}" for i in range(15))
    return replace(base, customer_name="超长客户名称" * 12, people=people,
                   last_interactions=interactions, open_promises=many, open_complaints=many,
                   upcoming_dates=many, talking_points=many)


def test_sample_brief_is_one_page(tmp_path: Path) -> None:
    assert render_brief_pdf(sample_brief("zh_CN"), tmp_path / "b.pdf") == 1
    assert render_brief_pdf(sample_brief("en"), tmp_path / "b_en.pdf", pagesize="Letter") == 1


def test_crowded_brief_is_still_one_page(tmp_path: Path) -> None:
    assert render_brief_pdf(crowded_brief(), tmp_path / "crowded.pdf") == 1


def test_empty_brief_is_one_page(tmp_path: Path) -> None:
    base = sample_brief("zh_CN")
    empty = replace(base, people=(), last_interactions=(), open_promises=(), open_complaints=(),
                    upcoming_dates=(), talking_points=(), tier_label="")
    assert render_brief_pdf(empty, tmp_path / "empty.pdf") == 1


@needs_poppler
def test_brief_content_and_fonts(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    render_brief_pdf(sample_brief("zh_CN"), path)
    assert page_count(path) == 1
    text = squeezed_text(path)
    doc = sample_brief("zh_CN")
    assert CUSTOMER_NAME in text
    for person in doc.people:
        assert person.name in text
    assert re.sub(r"\s+", "", doc.people[0].taboos) in text
    for point in doc.talking_points[:3]:
        assert re.sub(r"\s+", "", point)[:12] in text
    # only the three most recent interactions are printed
    assert "2026-01-12" in text and "2025-12-22" in text and "2025-11-20" not in text
    assert "CP-2025-118" in text
    assert "合作三周年" in text

    fonts = [line.split() for line in run("pdffonts", str(path)).splitlines()[2:] if line.strip()]
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts
    assert any("WenQuanYi" in row[0] for row in fonts)


@needs_poppler
def test_crowded_brief_says_what_was_left_out(tmp_path: Path) -> None:
    path = tmp_path / "crowded.pdf"
    render_brief_pdf(crowded_brief(), path)
    assert page_count(path) == 1
    text = squeezed_text(path)
    assert "详见系统" in text  # "另有 N 项，详见系统"
    assert "联系人0号" in text


@needs_poppler
def test_english_brief_labels(tmp_path: Path) -> None:
    path = tmp_path / "brief_en.pdf"
    render_brief_pdf(sample_brief("en"), path)
    text = run("pdftotext", "-raw", str(path), "-")
    for label in ("PRE-VISIT BRIEF", "Talking points", "Key people", "Last three interactions",
                  "Promises we owe", "Open complaints", "Coming key dates"):
        assert label in text
