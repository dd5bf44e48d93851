"""The Simplified Chinese translation is complete and the shipped .qm works.

A string added to the UI without a translation fails here: run
``python packaging/translations.py --check`` to list it, translate it in
``resources/translations/kamdesk_zh_CN.ts`` and recompile with
``python packaging/translations.py``.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "kamdesk_zh_CN.ts"
QM = ROOT / "resources" / "translations" / "kamdesk_zh_CN.qm"


def _translations_module():
    spec = importlib.util.spec_from_file_location(
        "kamdesk_packaging_translations", ROOT / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _have_lupdate() -> bool:
    return (Path(sys.executable).with_name("pyside6-lupdate").exists()
            or shutil.which("pyside6-lupdate") is not None)


def test_every_ui_string_is_translated(tmp_path: Path) -> None:
    if not _have_lupdate():
        pytest.skip("pyside6-lupdate is not installed (it comes with PySide6-Essentials)")
    tr = _translations_module()
    ts = tmp_path / TS.name
    shutil.copy(TS, ts)
    tr.lupdate(ts)  # scans the current sources into the copy, keeping the translations
    missing = tr.untranslated(ts)
    assert not missing, (
        f"{len(missing)} UI string(s) have no Chinese translation; translate them in "
        f"resources/translations/kamdesk_zh_CN.ts, then run packaging/translations.py:\n"
        + "\n".join(f"  [{ctx}] {src!r}" for ctx, src in missing[:50]))


def _placeholders(text: str) -> list[str]:
    return sorted(set(re.findall(r"%(?:\d|n)", text)))


def test_translations_keep_placeholders_and_accelerators() -> None:
    problems = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            if tr is None:
                continue
            forms = tr.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [tr.text or ""]
            for text in texts:
                if not text:
                    continue
                if _placeholders(text) != _placeholders(source):
                    problems.append(f"[{name}] {source!r}: placeholders differ in {text!r}")
                if re.search(r"&[^&\s]", source.replace("&&", "")) and \
                        not re.search(r"&[^&\s]", text.replace("&&", "")):
                    problems.append(f"[{name}] {source!r}: accelerator lost in {text!r}")
    assert not problems, "\n".join(problems)


def test_compiled_translation_loads_and_translates() -> None:
    from PySide6.QtCore import QTranslator

    assert QM.exists(), "resources/translations/kamdesk_zh_CN.qm is missing"
    translator = QTranslator()
    assert translator.load(str(QM)), "kamdesk_zh_CN.qm cannot be loaded"
    assert translator.translate("MainWindow", "Customers") == "客户"
    assert translator.translate("MainWindow", "Contact log") == "沟通记录"
    assert translator.translate("CustomersScreen", "%n customer(s)", "", 3) == "%n 位客户"
    assert translator.translate("MainWindow", "&File") == "文件(&F)"


def test_stored_codes_are_worded_by_the_vocabulary_not_the_qm() -> None:
    """Words for codes (tiers, roles, channels…) moved from the .qm to domain/vocab:
    the .ts no longer carries a second copy that could drift from it."""
    from kamdesk.domain import vocab

    contexts = {c.findtext("name") for c in ET.parse(TS).getroot().iter("context")}
    assert "Labels" not in contexts
    assert vocab.label("decision_role", "decision_maker", "zh_CN") == "决策者"
    assert vocab.label("activity", "silent", "zh_CN") == "沉默"
    assert vocab.label("value_tier", "A", "zh_CN") == "高价值"
    assert vocab.label("activity", "churned", "zh_CN") == "流失"


def test_screen_labels_follow_the_installed_language(qapp) -> None:
    """ui/labels words codes in the language the UI was started in, from the vocabulary."""
    from PySide6.QtCore import QLocale

    from kamdesk.ui import i18n, labels

    locale_before = QLocale()  # installing Chinese also sets Qt's default locale
    try:
        assert i18n.install_translators(qapp, "zh_CN")
        assert i18n.ui_language() == "zh_CN"
        assert labels.channel("video") == "视频通话"
        assert labels.value_tier("A") == "高价值"
        assert labels.priority(None) == "普通"
        assert labels.field_error(labels.field_name("name"), labels.validation("required")) \
            == "名称：此项为必填项。"
    finally:
        i18n.install_translators(qapp, "en")
        QLocale.setDefault(locale_before)
    assert i18n.ui_language() == "en"
    assert labels.channel("video") == "Video call"
    assert labels.satisfaction(None) == "" and labels.satisfaction(9) == ""
    assert labels.field_error("Name", "This field is required.") == "Name: This field is required."
