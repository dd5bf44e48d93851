"""File ▸ Import of a .vcf: choose where the contacts go, preview, import."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox, QPlainTextEdit

import factories as customer_ops


def _file(tmp_path):
    f = tmp_path / "phone.vcf"
    f.write_bytes(("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王芳\r\nN:王;芳;;;\r\nORG:远航物流\r\n"
                   "TEL;TYPE=CELL:13800138000\r\nBDAY:--05-06\r\nEND:VCARD\r\n"
                   "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nobody\r\nORG:Unknown Ltd\r\n"
                   "END:VCARD\r\n").encode())
    return f


def test_vcf_import_by_company_previews_then_imports(qtbot, ctx, make_window, tmp_path,
                                                     monkeypatch):
    import kamdesk.ui.vcard_import as vi

    with ctx.db.session() as s:
        customer_ops.create_customer(s, name="远航物流有限公司")
        s.commit()
    w = make_window(ctx)
    seen = {}
    monkeypatch.setattr(vi.VCardTargetDialog, "exec", lambda d: QDialog.DialogCode.Accepted)

    def preview(dialog):
        seen["text"] = dialog.findChild(QPlainTextEdit, "vcardPreview").toPlainText()
        with ctx.db.engine.connect() as conn:  # nothing written by the preview
            seen["people"] = conn.exec_driver_sql("SELECT count(*) FROM people").scalar()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(vi.VCardPreviewDialog, "exec", preview)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    w.io.import_table(str(_file(tmp_path)))
    assert seen["people"] == 0
    assert "2" in seen["text"] and "ORG" in seen["text"] and "Unknown Ltd" in seen["text"]
    qtbot.waitUntil(lambda: w.io.import_thread.isFinished())
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name, mobile FROM people").all() == [
            ("王芳", "13800138000")]
        assert conn.exec_driver_sql("SELECT count(*) FROM key_dates").scalar() == 1


def test_vcf_import_cancelled_at_the_target_writes_nothing(qtbot, ctx, make_window, tmp_path,
                                                           monkeypatch):
    import kamdesk.ui.vcard_import as vi

    w = make_window(ctx)
    monkeypatch.setattr(vi.VCardTargetDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    w.io.import_table(str(_file(tmp_path)))
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM people").scalar() == 0


def test_target_dialog_needs_a_customer_when_one_is_chosen(qtbot, ctx):
    from kamdesk.ui.vcard_import import VCardTargetDialog

    dlg = VCardTargetDialog(ctx, 3)
    qtbot.addWidget(dlg)
    assert dlg.customer_code() is None  # by company is the default
    dlg.one.setChecked(True)
    dlg._accept()
    assert dlg.result() != QDialog.DialogCode.Accepted
