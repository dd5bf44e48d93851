"""Documents through the real panel: attach (file picker mocked), open (viewer mocked),
rename, remove and undo, a missing file, a file over the limit, and the profile tab."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from kamdesk.io.document_store import store_for_database
from kamdesk.store.ops.customers import create_customer
from kamdesk.store.queries.documents import documents_of_customer
from kamdesk.ui.widgets import documents_panel as panel_module
from kamdesk.ui.widgets.documents_panel import DocumentsPanel


@pytest.fixture
def customer(ctx):
    return ctx.db.write(create_customer, name="远航物流").value


@pytest.fixture
def source(tmp_path) -> Path:
    path = tmp_path / "outside" / "报价单 v2.pdf"
    path.parent.mkdir()
    path.write_bytes(b"%PDF-1.4 quote")
    return path


@pytest.fixture
def panel(qtbot, ctx, customer):
    p = DocumentsPanel(ctx, customer)
    qtbot.addWidget(p)
    p.resize(900, 400)
    p.show()
    qtbot.waitExposed(p)
    return p


@pytest.fixture
def opened(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


@pytest.fixture
def yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)


@pytest.mark.sqlite_only(reason="a personal book keeps attached files in its data folder (a server book's: document_contents, tested with migrate-to)")
def test_attach_open_remove_and_undo_through_the_panel(qtbot, ctx, customer, panel, source,
                                                       opened, yes, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *_a, **_k: ([str(source)], ""))
    with qtbot.waitSignal(ctx.changed):
        qtbot.mouseClick(panel.attach_button, Qt.MouseButton.LeftButton)
    [row] = ctx.db.read(documents_of_customer, customer)
    assert (row.name, row.size_bytes) == ("报价单 v2.pdf", len(b"%PDF-1.4 quote"))
    assert panel.model.rowCount() == 1 and "1 document" in panel.count_label.text()
    store = store_for_database(ctx.db.location)
    stored = store.path(row.sha256)
    assert stored.read_bytes() == source.read_bytes()
    source.unlink()  # the original may go: the store keeps its own copy

    panel.table.selectRow(0)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    [url] = opened
    path = Path(url.toLocalFile())
    assert path.name == "报价单 v2.pdf" and path.is_relative_to(store.root)
    assert os.path.samefile(path, stored) or path.read_bytes() == stored.read_bytes()

    panel.table.selectRow(0)
    with qtbot.waitSignal(ctx.changed):
        qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 0 and ctx.db.read(documents_of_customer, customer) == []
    assert not store.has(row.sha256)  # its last use went
    assert panel.undo_button.isEnabled()

    panel.table.setFocus()
    with qtbot.waitSignal(ctx.changed):
        qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [r.id for r in ctx.db.read(documents_of_customer, customer)] == [row.id]
    assert store.has(row.sha256) and panel.model.rowCount() == 1
    opened.clear()
    panel.table.selectRow(0)
    panel.open_selected()
    assert Path(opened[0].toLocalFile()).read_bytes() == b"%PDF-1.4 quote"


def test_rename_and_notes(qtbot, ctx, customer, panel, source, monkeypatch):
    [doc_id] = panel.attach_paths([source])
    panel.select_document(doc_id)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("正式报价.pdf", True))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *_a, **_k: ("含税价", True))
    panel.rename_selected()
    panel.edit_notes()
    [row] = ctx.db.read(documents_of_customer, customer)
    assert (row.name, row.notes) == ("正式报价.pdf", "含税价")
    assert panel.model.data(panel.model.index(0, 0)) == "正式报价.pdf"


@pytest.mark.sqlite_only(reason="a personal book keeps attached files in its data folder (a server book's: document_contents, tested with migrate-to)")
def test_a_missing_file_is_marked_and_not_opened(qtbot, ctx, customer, panel, source, opened,
                                                  monkeypatch):
    [doc_id] = panel.attach_paths([source])
    row = ctx.db.read(documents_of_customer, customer)[0]
    stored = store_for_database(ctx.db.location).path(row.sha256)
    os.chmod(stored, 0o600)
    stored.unlink()
    panel.refresh()
    panel.select_document(doc_id)
    assert "missing" in panel.model.data(panel.model.index(0, 0))
    assert "1 missing" in panel.count_label.text()
    assert not panel.open_button.isEnabled()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    panel.open_selected()  # e.g. a double-click: says so, never crashes
    assert opened == [] and "missing" in told[0]


def test_a_file_over_the_limit_gets_a_clear_message(qtbot, ctx, customer, panel, tmp_path,
                                                     monkeypatch):
    big = tmp_path / "video.mp4"
    big.write_bytes(b"0" * 2048)
    monkeypatch.setattr(panel_module.DocumentStore, "put",
                        _limited(panel_module.DocumentStore.put, 1024))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    assert panel.attach_paths([big]) == []
    assert "video.mp4" in told[0] and "100 MB" in told[0]
    assert ctx.db.read(documents_of_customer, customer) == []


def _limited(put, limit):
    def put_with_limit(self, source, max_bytes=limit):
        return put(self, source, max_bytes=limit)
    return put_with_limit


def test_dropping_files_attaches_them(qtbot, ctx, customer, panel, source):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    panel.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)  # what Qt calls when the files are let go over the panel
    assert [r.name for r in ctx.db.read(documents_of_customer, customer)] == ["报价单 v2.pdf"]


def test_profile_has_a_documents_tab(qtbot, ctx, customer, source):
    from kamdesk.ui.profile.screen import ProfileScreen

    screen = ProfileScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.load(customer)
    tab = next(screen.tabs.widget(i) for i in range(screen.tabs.count())
               if screen.tabs.widget(i).objectName() == "documentsTab")
    screen.tabs.setCurrentWidget(tab)
    tab.panel.attach_paths([source])
    assert tab.panel.model.rowCount() == 1
    other = ctx.db.write(create_customer, name="华东精密").value
    screen.load(other)
    assert tab.panel.model.rowCount() == 0
    assert "No documents yet" in tab.panel.count_label.text()


def test_a_file_attached_on_the_contracts_tab_belongs_to_the_selected_contract(
        qtbot, ctx, customer, source):
    from datetime import date

    from kamdesk.store.ops.contracts import create_contract
    from kamdesk.store.queries.documents import documents_of_contract
    from kamdesk.ui.profile.screen import ProfileScreen

    kid = ctx.db.write(create_contract, customer, number="HT-2026-001", title="年度供货合同",
                       start_on=date(2026, 1, 1), end_on=date(2026, 12, 31),
                       status="active").value
    screen = ProfileScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.load(customer)
    tab = next(screen.tabs.widget(i) for i in range(screen.tabs.count())
               if screen.tabs.widget(i).objectName() == "contractsTab")
    screen.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    assert tab.documents.isEnabled() and tab.documents.contract_id == kid
    tab.documents.attach_paths([source])
    [row] = ctx.db.read(documents_of_contract, kid)
    assert row.name == "报价单 v2.pdf"
    assert tab.documents.model.rowCount() == 1


def test_a_file_attached_on_the_contact_log_tab_belongs_to_the_selected_contact(
        qtbot, ctx, customer, source):
    from datetime import datetime

    from kamdesk.store.ops.interactions import log_contact
    from kamdesk.store.queries.documents import documents_of_interaction
    from kamdesk.ui.profile.screen import ProfileScreen

    now = datetime(2026, 11, 23, 10)
    iid = ctx.db.write(log_contact, customer_id=customer, occurred_at=now, channel="visit",
                       topic="拜访交流", now=now).value.interaction_id
    screen = ProfileScreen(ctx)
    qtbot.addWidget(screen)
    screen.show()
    screen.load(customer)
    tab = next(t for t in (screen.tabs.widget(i) for i in range(screen.tabs.count()))
               if getattr(getattr(t, "documents", None), "objectName", lambda: "")()
               == "contactDocuments")
    screen.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.table.selectRow(0)
    assert tab.documents.isEnabled() and tab.documents.interaction_id == iid
    tab.documents.attach_paths([source])
    [row] = ctx.db.read(documents_of_interaction, iid)
    assert row.name == "报价单 v2.pdf"
