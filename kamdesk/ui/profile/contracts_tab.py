"""A customer's contracts (合同): terms, value, the renewal window — and their whole life.

New / Edit open the contract form; "Change status…" moves the selected contract to one
of the states its life allows next, dated with a note; "Renew…" opens the form
prefilled with the next term. Below the list, the selected contract's history (every
move, oldest first). Only a draft may be deleted; Ctrl+Z puts it back, history included
(the undo list belongs to the customer on screen).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.contract_life import RENEWABLE_STATES, can_delete, is_live, next_states
from kamdesk.store.ops.contracts import delete_contract, restore_contract
from kamdesk.store.queries.contracts import (
    ContractEventRow,
    ContractRow,
    contract_events,
    contracts,
)
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.contract_dialog import ContractDialog
from kamdesk.ui.dialogs.contract_status_dialog import ContractStatusDialog
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import run_op
from kamdesk.ui.profile.base import (
    ProfileTab,
    add_delete_and_undo_keys,
    select_row_with_id,
    undo_or_delete_key,
)
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row
from kamdesk.ui.widgets.documents_panel import DocumentsPanel


class ContractsTab(ProfileTab):
    TABLES = frozenset({"contracts", "contract_events"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("contractsTab")
        self._undo: list[dict[str, Any]] = []
        lang = ctx.lang

        def colour(c: ContractRow) -> str | None:
            if c.renewal_due(self.today()):
                return "#ef6c00"
            if c.status in ("expired", "terminated", "renewed", "archived"):
                return "#9e9e9e"
            return None

        def ends(c: ContractRow) -> str:
            left = c.days_to_end(self.today())
            if left is None or not is_live(c.status):
                return ""
            if left < 0:
                return self.tr("ended %n day(s) ago", "", -left)
            return self.tr("%n day(s) left", "", left)

        self.model = RowsModel([
            Column(self.tr("Number"), lambda c: c.number, colour=colour, width=140,
                   tooltip=lambda c: (self.tr("Renews %1").replace("%1", c.previous_number)
                                      if c.previous_number else None)),
            Column(self.tr("Title"), lambda c: c.title, colour=colour, width=220),
            Column(self.tr("Status"), lambda c: labels.contract_status(c.status), colour=colour,
                   width=80),
            Column(self.tr("Start"), lambda c: fmt.day(c.start_on), sort_key=lambda c: c.start_on,
                   colour=colour, width=95),
            Column(self.tr("End"), lambda c: fmt.day(c.end_on), sort_key=lambda c: c.end_on,
                   colour=colour, width=95),
            Column(self.tr("Remaining"), ends,
                   sort_key=lambda c: c.days_to_end(self.today()), colour=colour, width=110,
                   tooltip=lambda c: self.tr("Renewal window: %n day(s) before the end", "",
                                             c.renewal_notice_days)),
            Column(self.tr("Value"), lambda c: fmt.money(c.value_cents, lang),
                   sort_key=lambda c: c.value_cents, right=True, colour=colour, width=140),
            Column(self.tr("Notes"), lambda c: (c.notes or "").split("\n")[0], colour=colour),
        ], self)
        self.table = make_table("profileContracts", self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())

        self.history_model = RowsModel([
            Column(self.tr("Date"), lambda e: fmt.day(e.changed_on),
                   sort_key=lambda e: (e.changed_on, e.id), width=95),
            Column(self.tr("From"), lambda e: labels.contract_status(e.from_status)
                   if e.from_status else "", width=90),
            Column(self.tr("To"), lambda e: labels.contract_status(e.to_status), width=90),
            Column(self.tr("Note"), lambda e: (e.note or "").replace("\n", " ")),
        ], self)
        self.history = make_table("contractHistory", self.history_model, sortable=False)
        self.history.setAccessibleName(self.tr("Contract history"))
        self.history_title = QLabel()
        self.history_title.setObjectName("contractHistoryTitle")

        self.summary = QLabel()
        self.summary.setObjectName("contractsSummary")
        self.new_button = self._button("newContractButton", "contract", self.tr("New…"),
                                       self.tr("Record a new contract"), self.new_contract)
        self.edit_button = self._button("editContractButton", "edit", self.tr("Edit…"),
                                        self.tr("Edit the selected contract's terms"),
                                        self.edit_selected)
        self.status_button = self._button(
            "contractStatusButton", None, self.tr("Change status…"),
            self.tr("Move the selected contract to its next state, dated, with a note"),
            self.change_status)
        self.renew_button = self._button(
            "renewContractButton", None, self.tr("Renew…"),
            self.tr("Record the next contract; this one is marked renewed"), self.renew)
        self.delete_button = self._button(
            "deleteContractButton", "delete", self.tr("Delete"),
            self.tr("Delete the selected draft (Del)"), self.delete_selected)
        self.undo_button = self._button(
            "undoContractButton", "undo", self.tr("Undo delete"),
            self.tr("Put the last deleted draft back (Ctrl+Z)"), self.undo)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        for b in (self.new_button, self.edit_button, self.status_button, self.renew_button,
                  self.delete_button, self.undo_button):
            top.addWidget(b)

        history_box = QWidget()
        lower_layout = QVBoxLayout(history_box)
        lower_layout.setContentsMargins(0, 4, 0, 0)
        lower_layout.addWidget(self.history_title)
        lower_layout.addWidget(self.history, 1)
        # The selected contract's files (the signed scan, annexes): attached here, they
        # are linked to the contract as well as to the customer.
        self.documents = DocumentsPanel(ctx, auto_refresh=True)
        self.documents.setObjectName("contractDocuments")
        self.documents.setEnabled(False)
        docs_box = QWidget()
        docs_layout = QVBoxLayout(docs_box)
        docs_layout.setContentsMargins(0, 4, 0, 0)
        self.documents_title = QLabel(self.tr("Files of the selected contract"))
        docs_layout.addWidget(self.documents_title)
        docs_layout.addWidget(self.documents, 1)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(history_box)
        lower.addWidget(docs_box)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        lower.setSizes([600, 600])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        add_delete_and_undo_keys(self, self.table, self.delete_selected, self.undo)
        self._update_buttons()

    def _button(self, name: str, icon_name: str | None, text: str, tip: str,
                slot: Any) -> QPushButton:
        b = QPushButton(icon(icon_name), text) if icon_name else QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not undo_or_delete_key(event, self.undo, self.delete_selected):
            super().keyPressEvent(event)

    # -- data ----------------------------------------------------------------------
    def clear(self) -> None:
        self._undo.clear()
        self.model.set_rows([])
        self.history_model.set_rows([])
        self._update_buttons()

    def refresh(self) -> None:
        assert self.customer_id is not None
        keep = selected_row(self.table)
        rows = self.ctx.db.read(contracts, self.customer_id)
        self.model.set_rows(rows)
        today = self.today()
        due = [c for c in rows if c.renewal_due(today)]
        if not rows:
            self.summary.setText(self.tr("No contracts recorded yet."))
        elif due:
            self.summary.setText("<span style='color:#ef6c00; font-weight:bold'>"
                                 + self.tr("%n contract(s) due for renewal", "", len(due))
                                 + "</span>")
        else:
            self.summary.setText(self.tr("%n contract(s)", "", len(rows)))
        if keep is not None:
            self.select_contract(keep.id)
        elif rows:
            self.table.selectRow(0)
        self._selection_changed()

    def select_contract(self, contract_id: int) -> None:
        select_row_with_id(self.table, self.model.rows(), contract_id)

    def selected(self) -> ContractRow | None:
        return selected_row(self.table)

    def _selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        c = self.selected()
        events: list[ContractEventRow] = (
            self.ctx.db.read(contract_events, c.id) if c is not None else [])
        self.history_model.set_rows(events)
        if c is None:
            self.documents.set_target(self.customer_id, None)
            self.documents.clear()
            self.documents.setEnabled(False)
        else:
            self.documents.set_target(self.customer_id, c.id)
            self.documents.setEnabled(True)
            self.documents.refresh()
        if c is None:
            self.history_title.setText(self.tr("Select a contract to see its history."))
        elif not events:  # entered before the history was kept
            self.history_title.setText(
                self.tr("History of %1: no changes recorded yet").replace("%1", c.number))
        else:
            self.history_title.setText(self.tr("History of %1").replace("%1", c.number))

    def _update_buttons(self) -> None:
        c = self.selected()
        self.new_button.setEnabled(self.customer_id is not None)
        self.edit_button.setEnabled(c is not None)
        self.status_button.setEnabled(
            c is not None and any(s != "renewed" for s in next_states(c.status)))
        self.renew_button.setEnabled(c is not None and c.status in RENEWABLE_STATES)
        self.delete_button.setEnabled(c is not None and can_delete(c.status))
        self.undo_button.setEnabled(bool(self._undo))

    # -- actions ---------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> int | None:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        self.ensure_loaded()
        saved = getattr(dialog, "saved_id", None)
        if saved is not None:
            self.select_contract(saved)
        return saved

    def new_contract(self) -> None:
        if self.customer_id is not None:
            self._open(ContractDialog(self.ctx, self.customer_id, parent=self))

    def edit_selected(self) -> None:
        c = self.selected()
        if c is not None and self.customer_id is not None:
            self._open(ContractDialog(self.ctx, self.customer_id, c.id, parent=self))

    def change_status(self) -> None:
        c = self.selected()
        if c is None or not self.status_button.isEnabled():
            return
        if ContractStatusDialog(self.ctx, c.id, c.number, c.status,
                                parent=self).exec() == QDialog.DialogCode.Accepted:
            self.ensure_loaded()
            self.select_contract(c.id)

    def renew(self) -> None:
        c = self.selected()
        if c is None or self.customer_id is None or c.status not in RENEWABLE_STATES:
            return
        self._open(ContractDialog(self.ctx, self.customer_id, renew_from=c.id, parent=self))

    def delete_selected(self) -> None:
        c = self.selected()
        if c is None or not can_delete(c.status):
            return
        answer = QMessageBox.question(
            self, self.tr("Delete contract"),
            self.tr("Delete the draft contract %1? Ctrl+Z brings it back.")
            .replace("%1", c.number),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        done = run_op(self.ctx, delete_contract, c.id, initiator=self,
                      expected_version=c.version)
        if done is None:
            return
        self._undo.append(done.value)
        self.ensure_loaded()
        self._update_buttons()
        self.ctx.status.emit(self.tr("Contract deleted — Ctrl+Z to undo"))

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        if run_op(self.ctx, restore_contract, snap, initiator=self) is None:
            self.ctx.status.emit(self.tr("The contract could not be restored"))
            return
        self.ensure_loaded()
        self.select_contract(int(snap["contract"]["id"]))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Contract restored"))
