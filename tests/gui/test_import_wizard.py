"""The import wizard end to end on generated files: how a file was read, columns
mapped (and remapped, saved, reused), the preview in the file's own terms, the import
with progress, cancel (nothing written), undo."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from wizard_files import csv_with_errors, customer_rows, gbk_csv, messy_xlsx, utf16_tsv

from kamdesk.io.sheets.mapping import load_mappings
from kamdesk.ui.import_wizard.wizard import IMPORT, MAPPING, PREVIEW, RESULT


def _count(ctx, table="customers"):
    with ctx.db.engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()


def _open(qtbot, window, path):
    wiz = window.io.import_table(str(path))
    qtbot.waitUntil(wiz.isVisible)
    return wiz


def _to_preview(qtbot, wiz):
    assert wiz.currentPage().isComplete()
    wiz.next()
    assert wiz.currentId() == MAPPING
    assert wiz.currentPage().isComplete(), wiz.mapping_page.status.text()
    wiz.next()
    assert wiz.currentId() == PREVIEW
    qtbot.waitUntil(lambda: wiz.preview is not None)


def _import(qtbot, wiz):
    assert wiz.currentPage().isComplete(), wiz.preview_page.hint.text()
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentId() == RESULT, timeout=20000)


@pytest.mark.parametrize("make, encoding, delimiter", [
    (messy_xlsx, "Excel workbook (XLSX)", "—"),
    (gbk_csv, "GB18030 / GBK", "comma"),
    (utf16_tsv, "UTF-16 (little-endian)", "tab"),
])
def test_imports_messy_shapes(qtbot, ctx, make_window, tmp_path, make, encoding, delimiter):
    rows = customer_rows(12, seed=len(make.__name__))
    suffix = ".xlsx" if make is messy_xlsx else ".csv" if make is gbk_csv else ".txt"
    path = make(tmp_path / f"book{suffix}", rows)
    w = make_window(ctx)
    wiz = _open(qtbot, w, path)
    page = wiz.file_page
    assert page.encoding.text() == encoding
    assert page.delimiter.text() == delimiter
    assert page.kind_combo.currentData() == "customers"
    assert page.rows.text() == "12"
    if make is messy_xlsx:
        assert "rows 2–3" in page.header.text()           # the merged two-row header
        assert "title rows above the header: 1" in page.skipped.text()
        assert "total row" in page.skipped.text() and "blank row" in page.skipped.text()
    _to_preview(qtbot, wiz)
    assert wiz.preview.created == 12 and not wiz.preview.problems
    _import(qtbot, wiz)
    assert wiz.outcome == "done" and _count(ctx) == 12
    with ctx.db.engine.connect() as conn:
        stored = dict(conn.exec_driver_sql(
            "SELECT code, declared_contribution_cents FROM customers").all())
        phones = {r[0] for r in conn.exec_driver_sql("SELECT coalesce(mobile, phone) FROM people").all()}
    first = rows[0]
    assert stored[first["code"]] == round(float(first["contribution"]) * 1_000_000)  # 万元
    assert first["phone"] in phones                    # the merged header kept the phones
    assert "12 new" in wiz.result_page.summary.text()


def test_problems_in_the_files_terms_copy_and_save(qtbot, ctx, make_window, tmp_path):
    path = csv_with_errors(tmp_path / "bad.csv", customer_rows(8, seed=3))
    w = make_window(ctx)
    wiz = _open(qtbot, w, path)
    assert "title rows above the header: 1" in wiz.file_page.skipped.text()
    _to_preview(qtbot, wiz)
    table = wiz.preview_page.problems
    shown = table.rows()
    assert shown[0] == ["Row", "Column", "Value", "Problem"]
    assert ["4", "公司名称", "", "is empty but required"] in shown
    assert ["6", "年度贡献值(万元)", "十二万", "is not an amount of money"] in shown
    assert not wiz.currentPage().isComplete()           # problems: import only the good rows
    assert "2 rows have problems" in wiz.preview_page.hint.text()
    table.copy()
    assert "公司名称" in QApplication.clipboard().text()
    out = tmp_path / "problems.csv"
    table.save_csv(str(out))
    assert "年度贡献值(万元)" in out.read_text(encoding="utf-8-sig")
    table.table.sortItems(0)
    assert [r[0] for r in table.rows()[1:]] == ["4", "6"]
    wiz.preview_page.skip_invalid.setChecked(True)
    _import(qtbot, wiz)
    assert _count(ctx) == 6
    assert "2 rows with problems were skipped" in wiz.result_page.summary.text()


def test_remap_a_column_saved_and_reused(qtbot, ctx, make_window, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("客户ID,单位,行业\nC1,甲公司,制造业\nC2,乙公司,零售业\n", encoding="utf-8")
    w = make_window(ctx)
    wiz = _open(qtbot, w, path)
    assert wiz.file_page.kind_combo.currentData() == "customers"
    wiz.next()
    page = wiz.mapping_page
    assert not page.isComplete()                      # 单位 is not a known heading
    assert "Name" in page.status.text()
    assert page.table.item(1, 1).text() == "甲公司 · 乙公司"
    page.meaning_boxes[1].setCurrentIndex(page.meaning_boxes[1].findData("name"))
    assert page.isComplete()
    page.meaning_boxes[0].setCurrentIndex(page.meaning_boxes[0].findData("name"))
    assert not page.isComplete() and "one column only" in page.status.text()
    page.meaning_boxes[0].setCurrentIndex(page.meaning_boxes[0].findData("code"))
    out = tmp_path / "m.json"
    page.save_as(str(out))
    assert load_mappings(out)[0].columns == {"code": 0, "name": 1, "industry": 2}
    wiz.next()
    qtbot.waitUntil(lambda: wiz.preview is not None)
    _import(qtbot, wiz)
    with ctx.db.engine.connect() as conn:
        assert sorted(r[0] for r in conn.exec_driver_sql("SELECT name FROM customers")) == \
            ["乙公司", "甲公司"]
    saved = json.loads(wiz.mappings_file.read_text(encoding="utf-8"))
    assert saved["columns"]["name"] == 1
    wiz.accept()
    again = _open(qtbot, w, path)                      # the same shape: the saved mapping
    again.next()
    assert "saved" in again.mapping_page.source.text()
    assert again.mapping_page.isComplete()
    assert again.mapping_page.meaning_boxes[1].currentData() == "name"


def test_cancel_writes_nothing(qtbot, ctx, make_window, tmp_path, monkeypatch):
    import kamdesk.ui.import_wizard.import_page as import_page

    path = gbk_csv(tmp_path / "many.csv", customer_rows(600, seed=5))
    w = make_window(ctx)
    wiz = _open(qtbot, w, path)
    _to_preview(qtbot, wiz)
    real = import_page.run_op_in_background

    def start_then_cancel(*args, **kwargs):
        wiz.import_page.cancel_button.click()          # Cancel before the worker can finish
        return real(*args, **kwargs)

    monkeypatch.setattr(import_page, "run_op_in_background", start_then_cancel)
    wiz.next()
    qtbot.waitUntil(lambda: wiz.currentId() == RESULT, timeout=20000)
    assert wiz.outcome == "cancelled"
    assert "cancelled" in wiz.result_page.summary.text()
    assert _count(ctx) == 0 and _count(ctx, "import_batches") == 0


def test_progress_and_undo(qtbot, ctx, make_window, tmp_path, monkeypatch):
    path = utf16_tsv(tmp_path / "u.txt", customer_rows(450, seed=9))
    w = make_window(ctx)
    wiz = _open(qtbot, w, path)
    _to_preview(qtbot, wiz)
    seen = []
    wiz.import_page.relay.moved.connect(lambda done, total: seen.append((done, total)))
    _import(qtbot, wiz)
    assert (0, 450) in seen and (450, 450) in seen
    assert _count(ctx) == 450
    assert "import no." in wiz.result_page.batch.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    wiz.result_page.undo_button.click()
    assert _count(ctx) == 0
    assert not wiz.result_page.undo_button.isEnabled()


def test_reimport_lists_changes_and_duplicate_choice(qtbot, ctx, make_window, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("客户ID,客户名称,行业属性\nC001,甲公司,制造业\n", encoding="utf-8")
    w = make_window(ctx)
    wiz = _open(qtbot, w, path)
    _to_preview(qtbot, wiz)
    _import(qtbot, wiz)
    wiz.accept()
    path.write_text("客户ID,客户名称,行业属性\nC001,甲公司,零售业\nC009,甲公司,金融\n",
                    encoding="utf-8")
    wiz = _open(qtbot, w, path)
    _to_preview(qtbot, wiz)
    assert ["C001", "Industry", "制造业", "零售业"] in wiz.preview_page.changes.rows() or \
        any(r[0] == "C001" and r[2:] == ["制造业", "零售业"]
            for r in wiz.preview_page.changes.rows())
    dups = wiz.preview_page.duplicates.rows()[1:]
    assert dups and dups[0][2] == "C001"
    assert wiz.preview.created == 0
    choice = wiz.preview_page.on_duplicate
    choice.setCurrentIndex(choice.findData("create"))
    qtbot.waitUntil(lambda: wiz.preview is not None and wiz.preview.created == 1)
    _import(qtbot, wiz)
    assert _count(ctx) == 2


def test_esc_asks_before_abandoning_a_mapped_file(qtbot, ctx, make_window, tmp_path,
                                                  monkeypatch):
    path = gbk_csv(tmp_path / "g.csv", customer_rows(3))
    w = make_window(ctx)
    wiz = _open(qtbot, w, path)
    wiz.next()
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    wiz.reject()
    assert wiz.isVisible() and "g.csv" in asked[0]
    wiz.reject()
    assert not wiz.isVisible() and _count(ctx) == 0


def test_vcf_and_zip_keep_their_flows(qtbot, ctx, make_window, tmp_path, monkeypatch):
    w = make_window(ctx)
    called = []
    monkeypatch.setattr(w.io, "import_everything", lambda p=None: called.append(p))
    assert w.io.import_table(str(tmp_path / "full.zip")) is None
    assert called == [str(tmp_path / "full.zip")]


def test_unreadable_file_is_refused_in_words(qtbot, ctx, make_window, tmp_path):
    path = tmp_path / "bin.csv"
    path.write_bytes(bytes(range(128, 256)) * 4)
    w = make_window(ctx)
    wiz = _open(qtbot, w, path)
    assert wiz.file_page.error.text()
    assert not wiz.file_page.isComplete()
    assert wiz.currentId() not in (MAPPING, PREVIEW, IMPORT)
