from PySide6.QtWidgets import QDialog, QMessageBox


def test_import_with_problems_asks_then_imports_good_rows(qtbot, ctx, make_window, tmp_path,
                                                          monkeypatch):
    import kamdesk.ui.io_actions as io_actions

    f = tmp_path / "c.csv"
    f.write_text("客户名称,行业属性,合作时长(月)\n甲公司,制造业,12\n,零售业,x\n乙公司,零售业,3\n",
                 encoding="utf-8")
    w = make_window(ctx)
    seen = {}

    def fake_exec(dialog):
        seen["rows"] = dialog.findChild(io_actions.QTableWidget, "importProblems").rowCount()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(io_actions.ImportProblemsDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    w.io.import_table(str(f))
    assert seen["rows"] == 2  # line 3: name required, months not a number
    qtbot.waitUntil(lambda: w.io.import_thread.isFinished())  # the import runs off the UI
    qtbot.waitUntil(lambda: w.customers.model.rowCount() == 2)


def test_import_cancel_writes_nothing(qtbot, ctx, make_window, tmp_path, monkeypatch):
    import kamdesk.ui.io_actions as io_actions

    f = tmp_path / "c.csv"
    f.write_text("客户名称,合作时长(月)\n甲公司,12\n,x\n", encoding="utf-8")
    w = make_window(ctx)
    monkeypatch.setattr(io_actions.ImportProblemsDialog, "exec",
                        lambda d: QDialog.DialogCode.Rejected)
    w.io.import_table(str(f))
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar() == 0


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
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    w.io.import_table(str(f))
    qtbot.waitUntil(lambda: w.io.import_thread.isFinished())
    qtbot.waitUntil(lambda: len(shown) == 1)
    f.write_text("客户ID,客户名称,行业属性\nC001,甲公司,零售业\n", encoding="utf-8")
    w.io.import_table(str(f))
    qtbot.waitUntil(lambda: w.io.import_thread.isFinished())
    qtbot.waitUntil(lambda: len(shown) == 2)
    assert "C001 industry: 制造业 → 零售业" in shown[1]
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
