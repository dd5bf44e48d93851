import pytest
from PySide6.QtWidgets import QMessageBox


def _wizard_to_preview(qtbot, w, path):
    wiz = w.io.import_table(str(path))
    wiz.next()   # the columns
    wiz.next()   # the preview
    qtbot.waitUntil(lambda: wiz.preview is not None)
    return wiz


def _wizard_import(qtbot, wiz):
    wiz.next()
    qtbot.waitUntil(lambda: wiz.outcome != "")
    qtbot.waitUntil(lambda: wiz.import_thread.isFinished())  # the import runs off the UI


def test_import_with_problems_asks_then_imports_good_rows(qtbot, ctx, make_window, tmp_path):
    f = tmp_path / "c.csv"
    f.write_text("客户名称,行业属性,合作时长(月)\n甲公司,制造业,12\n,零售业,x\n乙公司,零售业,3\n",
                 encoding="utf-8")
    w = make_window(ctx)
    wiz = _wizard_to_preview(qtbot, w, f)
    assert wiz.preview_page.problems.table.rowCount() == 2  # line 3: name required, months
    assert not wiz.currentPage().isComplete()               # asks: good rows only?
    wiz.preview_page.skip_invalid.setChecked(True)
    _wizard_import(qtbot, wiz)
    qtbot.waitUntil(lambda: w.customers.model.rowCount() == 2)


def test_import_cancel_writes_nothing(qtbot, ctx, make_window, tmp_path, monkeypatch):
    f = tmp_path / "c.csv"
    f.write_text("客户名称,合作时长(月)\n甲公司,12\n,x\n", encoding="utf-8")
    w = make_window(ctx)
    wiz = _wizard_to_preview(qtbot, w, f)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    wiz.reject()
    assert not wiz.isVisible()
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar() == 0


@pytest.mark.sqlite_only(reason="backups are copies of the book file")
def test_export_and_backup(qtbot, demo_ctx, make_window, tmp_path, monkeypatch):
    import kamdesk.ui.io_actions as io_actions

    w = make_window(demo_ctx)
    out = tmp_path / "c.xlsx"
    monkeypatch.setattr(io_actions.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(out), ""))
    w.io.export_table("customers")
    assert out.exists() and out.stat().st_size > 1000
    shown = {}
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.setdefault("text", a[2]))
    w.io.backup_now()
    assert "kamdesk-" in shown["text"]


def test_import_lists_changes_and_undo_last_import(qtbot, ctx, make_window, tmp_path,
                                                   monkeypatch):
    f = tmp_path / "c.csv"
    f.write_text("客户ID,客户名称,行业属性\nC001,甲公司,制造业\n", encoding="utf-8")
    w = make_window(ctx)
    _wizard_import(qtbot, _wizard_to_preview(qtbot, w, f))
    w.io.wizard.accept()
    f.write_text("客户ID,客户名称,行业属性\nC001,甲公司,零售业\n", encoding="utf-8")
    wiz = _wizard_to_preview(qtbot, w, f)
    _wizard_import(qtbot, wiz)
    assert ["C001", "Industry", "制造业", "零售业"] in wiz.result_page.changes.rows()
    wiz.accept()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    w.io.undo_last_import()
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT industry FROM customers").scalar() == "制造业"
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    w.io.undo_last_import()   # the first import: its row was updated since → refused
    assert warned and "cannot be undone" in warned[0]


def test_export_and_import_everything(qtbot, demo_ctx, ctx, make_window, tmp_path, monkeypatch):
    out = tmp_path / "full.zip"
    source = make_window(demo_ctx)
    source.io.export_everything(str(out))
    assert out.exists()
    seen = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: seen.append(a[2]))
    source.io.import_everything(str(out))            # the demo book is not empty: refused
    assert seen and source.io.import_thread is None
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: seen.append(a[2]))
    target = make_window(ctx)
    target.io.import_everything(str(out))
    qtbot.waitUntil(lambda: target.io.import_thread.isFinished())
    qtbot.waitUntil(lambda: target.customers.model.rowCount() == 200)
