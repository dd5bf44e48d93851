"""Counted strings say "1 task" / "2 tasks" in English and one form in Chinese (#15),
Qt's own dialogs speak the UI language, and generated text picks its English form."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from kamdesk.domain.plural import count_en, noun_en

ROOT = Path(__file__).resolve().parents[2]
TS_DIR = ROOT / "resources" / "translations"


def _messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name"), message


def test_every_counted_source_string_is_a_plural() -> None:
    """A "(s)" in a UI string is a count: it must be a %n numerus message."""
    bad = [(ctx, m.findtext("source")) for ctx, m in _messages(TS_DIR / "kamdesk_zh_CN.ts")
           if re.search(r"\((s|es|ies)\)", m.findtext("source") or "")
           and m.get("numerus") != "yes"]
    assert not bad, bad


def test_english_file_has_both_forms_and_no_markers() -> None:
    en = list(_messages(TS_DIR / "kamdesk_en.ts"))
    zh_numerus = {(c, m.findtext("source")) for c, m in _messages(TS_DIR / "kamdesk_zh_CN.ts")
                  if m.get("numerus") == "yes"}
    assert {(c, m.findtext("source")) for c, m in en} == zh_numerus
    for _ctx, m in en:
        tr = m.find("translation")
        assert tr is not None and tr.get("type") is None, m.findtext("source")
        forms = [f.text or "" for f in tr.findall("numerusform")]
        assert len(forms) == 2 and all("%n" in f for f in forms), forms
        assert not any(re.search(r"\((s|es|ies)\)", f) for f in forms), forms
    assert (TS_DIR / "kamdesk_en.qm").exists()


def test_english_ui_says_singular_and_plural(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from kamdesk.ui import i18n

    assert i18n.install_translators(qapp, "en")
    tr = QCoreApplication.translate
    assert tr("TodayScreen", "%n task(s)", "", 1) == "1 task"
    assert tr("TodayScreen", "%n task(s)", "", 2) == "2 tasks"
    assert tr("TodayScreen", "%n task(s)", "", 0) == "0 tasks"
    assert tr("PeopleTab", "%n key person(s)", "", 3) == "3 key people"
    assert tr("TodayRows", "%1 (%n year(s))", "", 1) == "%1 (1 year)"
    assert tr("TodayRows", "%1 (%n year(s))", "", 23) == "%1 (23 years)"


def test_chinese_ui_has_one_form_and_qt_dialogs_in_chinese(qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QLocale, Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from kamdesk.ui import i18n

    before = QLocale()
    try:
        assert i18n.install_translators(qapp, "zh_CN")
        tr = QCoreApplication.translate
        assert tr("TodayScreen", "%n task(s)", "", 1) == "1 项任务"
        assert tr("TodayScreen", "%n task(s)", "", 5) == "5 项任务"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        assert sorted(b.text() for b in box.buttons()) == sorted(["确定", "取消"])
        assert tr("QFileDialog", "Look in:") != "Look in:"  # Qt's file picker
        # a desktop's native picker would speak the desktop's language
        expected = not QLocale.system().name().startswith("zh")
        assert QCoreApplication.testAttribute(
            Qt.ApplicationAttribute.AA_DontUseNativeDialogs) == expected
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(before)


def test_generated_english_picks_its_form() -> None:
    assert count_en(1, "year") == "1 year" and count_en(23, "year") == "23 years"
    assert noun_en(2, "person", "people") == "people" and noun_en(1, "person", "people") == "person"


def test_generated_text_has_no_plural_markers() -> None:
    """Plan drafts and PDF lines are built outside Qt: no "word(s)" in their English."""
    for folder in ("domain", "reports"):
        for path in (ROOT / "kamdesk" / folder).rglob("*.py"):
            if path.name == "plural.py":
                continue
            src = path.read_text(encoding="utf-8")
            assert not re.search(r"[a-z]{2}\((s|es|ies)\)( [a-z]|\")", src), path
