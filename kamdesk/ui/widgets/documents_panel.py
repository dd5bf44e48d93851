"""A list of attached files (附件) for a customer, one of its contracts or one contact.

The same panel serves the profile's Documents tab and any dialog that wants its own
files (a contract, a contact): it is given ``(customer_id, contract_id, interaction_id)``
and lists, attaches to and removes from exactly that. Files are copied into the app's
store (:mod:`kamdesk.io.document_store`) and opened from there with the system viewer,
so the list keeps working after the user tidies the original away. A file that went
missing from the store is marked, never a crash. Removing asks first and Ctrl+Z puts
the document (and its file) back; files can also be dropped onto the panel.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import (
    QDesktopServices, QDragEnterEvent, QDropEvent, QKeyEvent, QKeySequence, QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QVBoxLayout,
    QWidget,
)

from kamdesk.domain.file_size import readable_size
from kamdesk.io.document_store import (
    DocumentStore, attach_file, forget_removal, remove_file, undo_remove,
)
from kamdesk.io.server_documents import document_store_for
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops import Changes
from kamdesk.store.ops.documents import RemovedDocument, update_document
from kamdesk.store.queries.documents import DocumentRow, documents_for
from kamdesk.ui import format as fmt
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import failure_text, run_op
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row

MISSING_COLOUR = "#c62828"


class DocumentsPanel(QWidget):
    # tables whose change makes the list out of date (names of contracts and contacts show)
    TABLES = frozenset({"documents", "contracts", "interactions"})

    def __init__(self, ctx: AppContext, customer_id: int | None = None,
                 contract_id: int | None = None, interaction_id: int | None = None,
                 parent: QWidget | None = None, *, auto_refresh: bool = True) -> None:
        """``auto_refresh``: follow the change bus itself (a host that tracks
        staleness, like a profile tab, passes False and calls :meth:`refresh`)."""
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("documentsPanel")
        self.setAcceptDrops(True)
        self.customer_id = customer_id
        self.contract_id = contract_id
        self.interaction_id = interaction_id
        self._missing: set[str] = set()
        self._undo: list[RemovedDocument] = []

        def name(r: DocumentRow) -> str:
            return (self.tr("%1 (missing)").replace("%1", r.name) if r.sha256 in self._missing
                    else r.name)

        def colour(r: DocumentRow) -> str | None:
            return MISSING_COLOUR if r.sha256 in self._missing else None

        def missing_tip(r: DocumentRow) -> str | None:
            if r.sha256 in self._missing:
                return self.tr("The stored copy of this file is missing. Attach it again, "
                               "or restore a backup that has it.")
            return r.name if len(r.name) > 40 else None

        self.model = RowsModel([
            Column(self.tr("Name"), name, colour=colour, tooltip=missing_tip, width=240),
            Column(self.tr("Size"), lambda r: readable_size(r.size_bytes),
                   sort_key=lambda r: r.size_bytes, right=True, width=80),
            Column(self.tr("Added"), lambda r: fmt.moment(r.added_at),
                   sort_key=lambda r: r.added_at, width=128),
            Column(self.tr("Attached to"), self._attached_to, width=180),
            Column(self.tr("Notes"), lambda r: (r.notes or "").split("\n")[0]),
        ], self)
        self.table = make_table("documentsTable", self.model)
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())

        self.count_label = QLabel()
        self.count_label.setObjectName("documentsCount")
        self.attach_button = self._button("attach", self.tr("Attach…"), "attachDocumentButton",
                                          self.tr("Copy files into KAMDesk (or drop them here)"),
                                          self.attach)
        self.open_button = self._button("open", self.tr("Open"), "openDocumentButton",
                                        self.tr("Open with the system viewer"), self.open_selected)
        self.rename_button = self._button("edit", self.tr("Rename…"), "renameDocumentButton",
                                          "", self.rename_selected)
        self.notes_button = self._button("edit", self.tr("Notes…"), "documentNotesButton", "",
                                         self.edit_notes)
        self.remove_button = self._button("delete", self.tr("Remove"), "removeDocumentButton",
                                          self.tr("Remove the selected document (Del)"),
                                          self.remove_selected)
        self.undo_button = self._button("undo", self.tr("Undo remove"), "undoRemoveDocumentButton",
                                        self.tr("Put the last removed document back (Ctrl+Z)"),
                                        self.undo)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        for b in (self.attach_button, self.open_button, self.rename_button, self.notes_button,
                  self.remove_button, self.undo_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        remove = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)
        if auto_refresh:
            ctx.changed.connect(self._on_changed)
            if customer_id is not None:
                self.refresh()
        self._update_buttons()

    def _button(self, icon_name: str, text: str, object_name: str, tip: str,
                slot: Any) -> QPushButton:
        button = QPushButton(icon(icon_name), text)
        button.setObjectName(object_name)
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _attached_to(self, r: DocumentRow) -> str:
        if r.contract_number:
            return self.tr("Contract %1").replace("%1", r.contract_number)
        if r.interaction_topic:
            return self.tr("Contact: %1").replace("%1", r.interaction_topic)
        return ""

    # -- what is shown ------------------------------------------------------------------
    @property
    def store(self) -> DocumentStore:
        return document_store_for(self.ctx.db)

    def set_target(self, customer_id: int | None, contract_id: int | None = None,
                   interaction_id: int | None = None) -> None:
        """Show another customer's (contract's, contact's) documents; the undo list
        belongs to what was shown and is given up."""
        if (customer_id, contract_id, interaction_id) != (
                self.customer_id, self.contract_id, self.interaction_id):
            self.clear()
        self.customer_id, self.contract_id, self.interaction_id = (
            customer_id, contract_id, interaction_id)

    def clear(self) -> None:
        store = self.store
        for removed in self._undo:
            forget_removal(store, removed)
        self._undo.clear()
        self._missing.clear()
        self.model.set_rows([])
        self._update_buttons()

    def refresh(self) -> None:
        if self.customer_id is None:
            return
        keep = selected_row(self.table)
        rows = self.ctx.db.read(documents_for, self.customer_id, self.contract_id,
                                self.interaction_id)
        store = self.store
        self._missing = {r.sha256 for r in rows if not store.has(r.sha256)}
        self.model.set_rows(rows)
        text = (self.tr("%n document(s)", "", len(rows)) if rows
                else self.tr("No documents yet: attach files or drop them here."))
        if self._missing:
            text += " · " + self.tr("%n missing", "", sum(r.sha256 in self._missing
                                                           for r in rows))
        self.count_label.setText(text)
        if keep is not None:
            self.select_document(keep.id)
        self._update_buttons()

    def select_document(self, document_id: int) -> None:
        for i, r in enumerate(self.model.rows()):
            if r.id == document_id:
                self.table.selectRow(i)
                return

    def _on_changed(self, changes: Changes) -> None:
        if getattr(changes, "initiator", None) is self or not (changes & self.TABLES):
            return
        self.refresh()

    def _update_buttons(self, *_args: object) -> None:
        row = selected_row(self.table)
        self.attach_button.setEnabled(self.customer_id is not None)
        for b in (self.rename_button, self.notes_button, self.remove_button):
            b.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None and row.sha256 not in self._missing)
        self.undo_button.setEnabled(bool(self._undo))

    # -- writing ---------------------------------------------------------------------
    def _write(self, op: Any, *args: Any, **kwargs: Any) -> Changes | None:
        return run_op(self.ctx, op, *args, initiator=self, parent=self, **kwargs)

    def attach(self) -> None:
        if self.customer_id is None:
            return
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.attach_paths(paths)

    def attach_paths(self, paths: Iterable[str | Path]) -> list[int]:
        """Copy and record each file; a file that cannot be attached is named in one
        message at the end, the others are attached all the same. Returns the new ids."""
        if self.customer_id is None:
            return []
        added: list[int] = []
        problems: list[str] = []
        for path in paths:
            try:
                done = attach_file(self.store, self._write, path, customer_id=self.customer_id,
                                   contract_id=self.contract_id,
                                   interaction_id=self.interaction_id, now=self.ctx.clock.now())
            except (ValidationError, OSError) as exc:
                problems.append(f"{Path(path).name}: {failure_text(self.ctx, exc)}")
                continue
            if done is not None:
                added.append(int(done.value))
        if added:
            self.refresh()
            self.select_document(added[-1])
            self.ctx.status.emit(self.tr("%n document(s) attached", "", len(added)))
        if problems:
            QMessageBox.warning(self, self.tr("Attach files"),
                                self.tr("Not attached:") + "\n\n" + "\n".join(problems))
        return added

    def open_selected(self) -> None:
        r = selected_row(self.table)
        if r is None:
            return
        path = self.store.viewable_path(r.sha256, r.name)
        if path is None:
            self._missing.add(r.sha256)
            self.refresh()
            QMessageBox.information(
                self, self.tr("Open document"),
                self.tr("The stored copy of “%1” is missing. Attach the file again, or "
                        "restore a backup that has it.").replace("%1", r.name))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def rename_selected(self) -> None:
        r = selected_row(self.table)
        if r is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Rename document"), self.tr("Name:"),
                                        text=r.name)
        if ok and text.strip() and text.strip() != r.name:
            if self._write(update_document, r.id, name=text,
                           expected_version=r.version) is not None:
                self.refresh()

    def edit_notes(self) -> None:
        r = selected_row(self.table)
        if r is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, self.tr("Document notes"),
                                                 self.tr("Notes:"), r.notes or "")
        if ok and self._write(update_document, r.id, notes=text,
                              expected_version=r.version) is not None:
            self.refresh()

    def remove_selected(self) -> None:
        r = selected_row(self.table)
        if r is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove document"),
            self.tr("Remove “%1”? Ctrl+Z brings it back.").replace("%1", r.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        row_index = self.table.currentIndex().row()
        done = remove_file(self.store, self._write, r.id, expected_version=r.version)
        if done is None:
            return
        self._undo.append(done.value)
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(min(row_index, self.model.rowCount() - 1))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Document removed — Ctrl+Z to undo"))

    def undo(self) -> None:
        if not self._undo:
            return
        removed = self._undo.pop()
        if undo_remove(self.store, self._write, removed) is None:
            self.ctx.status.emit(self.tr("The document could not be restored"))
            return
        self.refresh()
        self.select_document(int(removed.snapshot["id"]))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Document restored"))

    # -- keys and drops ----------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Delete):
            self.remove_selected()
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if self.customer_id is not None and urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.attach_paths(paths)
