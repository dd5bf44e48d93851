"""The account plan PDF, checked the way a reader meets it: through poppler's text and
font extraction, not through reportlab's own objects (which would happily report text
that renders as empty boxes)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from kamdesk.reports.fonts import CANNOT_START
from kamdesk.reports.plan_data import (
    PlanActionRow,
    PlanDocument,
    format_amount,
    format_money,
    format_wan,
)
from kamdesk.reports.plan_pdf import render_plan_pdf
from kamdesk.reports.sample import CUSTOMER_NAME, sample_plan
from kamdesk.resources import resource_path

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdffonts") and shutil.which("pdfinfo")),
    reason="poppler-utils (pdftotext/pdffonts/pdfinfo) not installed; "
    "the PDF can only be checked through an independent reader",
)


def pdf_text(pdf: Path, page: int | None = None) -> str:
    """Text in drawing order (-raw), so a wrapped table cell's lines stay together."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-raw", *pages, str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def squeeze(text: str) -> str:
    """Without whitespace: a wrapped cell comes back with line breaks inside it."""
    return re.sub(r"\s+", "", text)


def fonts_table(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def pdf_info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


@pytest.fixture(scope="module")
def zh_plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("plan") / "plan_zh.pdf"
    return path, render_plan_pdf(sample_plan("zh_CN"), path)


# --------------------------------------------------------------------------- content


@needs_poppler
def test_chinese_plan_text_comes_back(zh_plan: tuple[Path, int]) -> None:
    path, _ = zh_plan
    doc = sample_plan("zh_CN")
    text = squeeze(pdf_text(path))
    assert CUSTOMER_NAME in text
    for objective in doc.objectives:
        assert squeeze(objective.metric) in text
        assert squeeze(objective.target) in text
    for row in doc.actions:
        assert squeeze(row.action) in text, row.action
    # hanzi outside GB2312 survive (a subset font that lost them would drop them here)
    for name in ("张喆", "赵堃", "孙燊", "王玥", "李昇", "周镕"):
        assert name in text


@needs_poppler
def test_page_count_and_numbering(zh_plan: tuple[Path, int]) -> None:
    path, pages = zh_plan
    assert 4 <= pages <= 8
    assert pdf_info(path)["Pages"] == str(pages)
    # the cover is counted (not printed): the footer's numbers are the file's (#15)
    assert f"第 2 页 / 共 {pages} 页" in pdf_text(path, 2)
    assert f"第 {pages} 页 / 共 {pages} 页" in pdf_text(path, pages)
    cover = pdf_text(path, 1)
    assert "页 / 共" not in cover
    assert CUSTOMER_NAME in squeeze(cover)
    assert "2026年1月15日" in squeeze(cover)


@needs_poppler
def test_cjk_font_embedded_and_nothing_else(zh_plan: tuple[Path, int]) -> None:
    path, _ = zh_plan
    rows = fonts_table(path)
    assert rows, "no fonts at all"
    assert any("WenQuanYi" in row[0] for row in rows)
    for row in rows:
        # columns: name type [type…] encoding emb sub uni id gen; emb is 5th from the end
        assert row[-5] == "yes", f"font not embedded: {row}"


@needs_poppler
def test_metadata(zh_plan: tuple[Path, int]) -> None:
    info = pdf_info(zh_plan[0])
    assert CUSTOMER_NAME in info["Title"]
    assert info["Author"] == "王磊"
    assert "C001" in info["Subject"]


@needs_poppler
def test_no_line_starts_with_closing_punctuation(zh_plan: tuple[Path, int]) -> None:
    lines = pdf_text(zh_plan[0]).splitlines()
    bad = [line for line in lines if line.strip()[:1] in CANNOT_START and line.strip()]
    assert bad == []


@needs_poppler
def test_long_comma_heavy_text_wraps_without_leading_punctuation(tmp_path: Path) -> None:
    base = sample_plan("zh_CN")
    clause = "客户反馈交付周期偏长，希望缩短到两周以内；同时关注价格联动条款：上限不超过百分之五！可行吗？"
    summary = clause * 12
    strategies = tuple(clause[: 10 + i * 3] + "（重点）。" for i in range(12))
    doc = replace(base, situation=replace(base.situation, summary=summary), strategies=strategies)
    path = tmp_path / "commas.pdf"
    render_plan_pdf(doc, path)
    lines = [line.strip() for line in pdf_text(path).splitlines() if line.strip()]
    assert [line for line in lines if line[0] in CANNOT_START] == []
    assert [line for line in lines if line[-1] in "（《「『【“"] == []


@needs_poppler
def test_sixty_actions_repeat_the_header_row(tmp_path: Path) -> None:
    path = tmp_path / "plan60.pdf"
    pages = render_plan_pdf(sample_plan("zh_CN", n_actions=60), path)
    assert pages > 5
    with_actions = [n for n in range(2, pages + 1) if "第 5 轮跟进" in pdf_text(path, n)
                    or "第 2 轮跟进" in pdf_text(path, n)]
    with_header = [n for n in range(2, pages + 1) if "行动事项" in pdf_text(path, n)]
    assert len(with_header) >= 2, with_header
    # every page that carries action rows also carries the header row
    assert set(with_actions) <= set(with_header)
    assert squeeze(sample_plan("zh_CN", n_actions=60).actions[-1].action) in squeeze(pdf_text(path))


@needs_poppler
def test_english_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan_en.pdf"
    pages = render_plan_pdf(sample_plan("en"), path)
    assert 4 <= pages <= 8
    page2 = pdf_text(path, 2)
    # the footer counts every page, cover included (#15: "3 of 4" on a 4-page file)
    assert f"Page 2 of {pages}" in page2
    assert f"Page {pages} of {pages}" in pdf_text(path, pages)
    text = pdf_text(path)
    for label in ("Situation", "SWOT analysis", "Objectives", "Action plan", "Stakeholder map",
                  "Risks and mitigations", "Decision maker", "Supportive"):
        assert label in text
    assert CUSTOMER_NAME in squeeze(text)
    assert "¥16,400,000.00" in text


@needs_poppler
def test_emoji_are_dropped_without_breaking_layout(tmp_path: Path) -> None:
    base = sample_plan("zh_CN")
    doc = replace(base, customer_name=base.customer_name + " 🚀",
                  strategies=tuple(f"👍✅ {s} 🎉" for s in base.strategies),
                  actions=base.actions + (PlanActionRow("🔥🔥🔥 紧急回访 👨‍👩‍👧", "王磊", None, "⚠️"),))
    path = tmp_path / "emoji.pdf"
    pages = render_plan_pdf(doc, path)
    assert 4 <= pages <= 8
    text = pdf_text(path)
    assert "紧急回访" in text
    assert not re.search("[\U0001F300-\U0001FAFF\u2600-\u27BF\u200d\ufe0f]", text)


@needs_poppler
def test_letter_size_and_file_object(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    pages = render_plan_pdf(sample_plan("en"), buffer, pagesize="Letter")
    assert buffer.getvalue().startswith(b"%PDF")
    path = tmp_path / "letter.pdf"
    path.write_bytes(buffer.getvalue())
    info = pdf_info(path)
    assert info["Page size"].startswith("612 x 792")
    assert info["Pages"] == str(pages)


# --------------------------------------------------------------------------- robustness


def empty_plan() -> PlanDocument:
    base = sample_plan("zh_CN")
    return replace(
        base, objectives=(), strategies=(), actions=(), stakeholders=(), opportunities=(),
        risks=(), resources=(), revenue_by_month=(), interactions_by_month=(), confidentiality=None,
        situation=replace(base.situation, health_reasons=(), summary="", revenue_trend_pct=None,
                          share_of_wallet_pct=None, last_nps=None, last_csat=None),
    )


def test_empty_sections_render(tmp_path: Path) -> None:
    pages = render_plan_pdf(empty_plan(), tmp_path / "empty.pdf")
    assert 2 <= pages <= 4


@needs_poppler
def test_empty_sections_say_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    render_plan_pdf(empty_plan(), path)
    text = pdf_text(path)
    assert text.count("暂无记录") >= 6
    assert "暂无数据" in text  # the charts


def test_huge_cells_and_36_months_do_not_break_layout(tmp_path: Path) -> None:
    base = sample_plan("zh_CN")
    huge = "超长的行动描述，" * 800
    months = tuple((f"{2023 + i // 12}-{i % 12 + 1:02d}", 1_000_000 * (50 + i)) for i in range(40))
    doc = replace(
        base,
        customer_name="某某" * 60,
        actions=(PlanActionRow(huge, huge[:300], None, "in_progress"),) * 3,
        swot=replace(base.swot, strengths=tuple(huge[:500] for _ in range(20))),
        revenue_by_month=months,
        interactions_by_month=tuple((m, i % 9) for i, (m, _) in enumerate(months)),
    )
    pages = render_plan_pdf(doc, tmp_path / "huge.pdf")
    assert 4 <= pages <= 12


def test_user_text_cannot_inject_markup(tmp_path: Path) -> None:
    base = sample_plan("zh_CN")
    doc = replace(base, strategies=("<b>未闭合 & <font name='nope'>", "a < b > c &amp;"))
    assert render_plan_pdf(doc, tmp_path / "markup.pdf") >= 4


# --------------------------------------------------------------------------- money, resources


def test_money_formatting() -> None:
    assert format_money(150_000_000) == "¥1,500,000.00"
    assert format_money(-1_234_56) == "-¥1,234.56"
    assert format_money(5) == "¥0.05"
    assert format_wan(150_000_000) == "150.0 万元"
    assert format_wan(12_500_000_000) == "1.25 亿元"
    assert format_wan(880_000) == "8,800 元"
    assert format_amount(150_000_000, "zh_CN") == "150.0 万元"
    assert format_amount(150_000_000, "en") == "¥1,500,000.00"
    assert format_amount(99_00, "zh_CN") == "¥99.00"


def test_font_resolves_from_source_tree() -> None:
    font = resource_path("fonts", "wqy-microhei.ttc")
    assert font.is_file() and font.stat().st_size > 4_000_000
    assert resource_path("fonts", "LICENSE-wqy-microhei.txt").is_file()


def test_frozen_bundle_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = tmp_path / "kamdesk" / "_resources" / "fonts"
    bundled.mkdir(parents=True)
    (bundled / "wqy-microhei.ttc").write_bytes(b"x")
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "wqy-microhei.ttc") == bundled / "wqy-microhei.ttc"


def test_missing_resource_names_the_places_searched() -> None:
    with pytest.raises(FileNotFoundError, match="searched"):
        resource_path("fonts", "no-such-font.ttf")
