"""This customer's contact log (沟通记录), newest first, with delete and undo.

A deleted contact is kept as a snapshot (its people and the reminder tasks it created)
so Ctrl+Z puts it back exactly, including its id; the undo list belongs to the
customer on screen and is dropped when another customer is opened.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.vocab import is_zh
from kamdesk.store.ops import interactions as interaction_ops
from kamdesk.store.queries.profile import InteractionRow, interactions
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
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


def _first_line(text: str | None) -> str:
    return (text or "").split("\n")[0]


def _e(t: str | None) -> str:
    return (t or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        "\n", "<br>")


class ContactLogTab(ProfileTab):
    TABLES = frozenset({"interactions", "people"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("contactLogTab")
        self._undo: list[dict[str, Any]] = []

        def sat(r: InteractionRow) -> str:
            return f"{r.satisfaction}/5" if r.satisfaction else ""

        self.model = RowsModel([
            Column(self.tr("When"), lambda r: fmt.moment(r.occurred_at),
                   sort_key=lambda r: r.occurred_at, width=128),
            Column(self.tr("Channel"), lambda r: labels.channel(r.channel), width=70),
            Column(self.tr("With"), lambda r: "、".join(r.people) if is_zh(ctx.lang)
                   else ", ".join(r.people), width=90),
            Column(self.tr("Topic"), lambda r: r.topic, width=150),
            Column(self.tr("Feedback"), lambda r: _first_line(r.feedback), width=170),
            Column(self.tr("Issue"), lambda r: _first_line(r.issue), width=120),
            Column(self.tr("Next action"), lambda r: _first_line(r.next_action), width=130),
            Column(self.tr("Deadline"), lambda r: fmt.day(r.deadline),
                   sort_key=lambda r: r.deadline, width=90),
            Column(self.tr("Owner"), lambda r: r.owner or "", width=65),
            Column(self.tr("Satisfaction"), sat, sort_key=lambda r: r.satisfaction,
                   tooltip=lambda r: labels.satisfaction(r.satisfaction) or None),
        ], self)
        self.table = make_table("profileContactLog", self.model)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.count_label = QLabel()
        self.count_label.setObjectName("contactCount")
        self.log_button = QPushButton(icon("log"), self.tr("Log contact…"))
        self.log_button.clicked.connect(self._log_contact)
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete"))
        self.delete_button.setObjectName("deleteContactButton")
        self.delete_button.setToolTip(self.tr("Delete the selected contact (Del)"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(icon("undo"), self.tr("Undo delete"))
        self.undo_button.setObjectName("undoDeleteButton")
        self.undo_button.setToolTip(self.tr("Put the last deleted contact back (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.log_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.undo_button)

        self.details = QTextBrowser()
        self.details.setObjectName("contactDetails")
        self.details.setAccessibleName(self.tr("Contact details"))
        # Files brought back from the meeting (a business card, the minutes) belong to
        # the selected contact as well as to the customer.
        self.documents = DocumentsPanel(ctx, auto_refresh=True)
        self.documents.setObjectName("contactDocuments")
        self.documents.setEnabled(False)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.details)
        lower.addWidget(self.documents)
        lower.setSizes([700, 500])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([400, 150])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(split, 1)

        add_delete_and_undo_keys(self, self.table, self.delete_selected, self.undo)
        self._update_buttons()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not undo_or_delete_key(event, self.undo, self.delete_selected):
            super().keyPressEvent(event)

    # -- data ----------------------------------------------------------------------
    def clear(self) -> None:
        self._undo.clear()
        self.model.set_rows([])
        self.details.clear()
        self._update_buttons()

    def refresh(self) -> None:
        assert self.customer_id is not None
        keep = selected_row(self.table)
        rows = self.ctx.db.read(interactions, self.customer_id)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n contact(s)", "", len(rows)))
        if keep is not None:
            self.select_interaction(keep.id)
        elif rows:
            self.table.selectRow(0)  # the latest contact is what one reads first
        self._update_buttons()
        self._show_details(selected_row(self.table))

    def select_interaction(self, interaction_id: int) -> None:
        select_row_with_id(self.table, self.model.rows(), interaction_id)

    def _selection_changed(self, *_args: object) -> None:
        self._update_buttons()
        row = selected_row(self.table)
        self._show_details(row)
        self.documents.set_target(self.customer_id, None, row.id if row else None)
        self.documents.setEnabled(row is not None)
        if row is None:
            self.documents.clear()
        else:
            self.documents.refresh()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(selected_row(self.table) is not None)
        self.undo_button.setEnabled(bool(self._undo))
        self.log_button.setEnabled(self.customer_id is not None)

    def _show_details(self, r: InteractionRow | None) -> None:
        if r is None:
            self.details.setHtml(
                f"<p style='color:#757575'>{_e(self.tr('Select a contact to read it in full.'))}"
                "</p>")
            return
        head = " · ".join(x for x in (fmt.moment(r.occurred_at), labels.channel(r.channel),
                                      ", ".join(r.people), r.owner or "") if x)
        parts = [f"<p style='margin:0'><b>{_e(r.topic)}</b> "
                 f"<span style='color:#757575'>{_e(head)}</span></p>"]
        for title, text in ((self.tr("Feedback"), r.feedback), (self.tr("Issue"), r.issue),
                            (self.tr("Next action"), r.next_action)):
            if text:
                parts.append(f"<p style='margin:4px 0'><b>{_e(title)}:</b> {_e(text)}</p>")
        if r.deadline:
            parts.append(f"<p style='margin:4px 0'><b>{_e(self.tr('Deadline'))}:</b> "
                         f"{fmt.day(r.deadline)}</p>")
        self.details.setHtml("".join(parts))

    # -- actions ---------------------------------------------------------------------
    def _log_contact(self) -> None:
        if self.customer_id is not None:
            self.ctx.log_contact.emit(self.customer_id)

    def delete_selected(self) -> None:
        r = selected_row(self.table)
        if r is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete contact"),
            self.tr("Delete the contact “%1” of %2? Ctrl+Z brings it back.")
            .replace("%1", r.topic).replace("%2", fmt.moment(r.occurred_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        row_index = self.table.currentIndex().row()
        done = run_op(self.ctx, interaction_ops.delete_interaction, r.id, self.today(),
                      initiator=self)
        if done is None:
            return
        self._undo.append(done.value)
        self.ensure_loaded()
        # Keep the cursor where it was so several contacts can be deleted in a row.
        if self.model.rowCount():
            self.table.selectRow(min(row_index, self.model.rowCount() - 1))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Contact deleted — Ctrl+Z to undo"))

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        if run_op(self.ctx, interaction_ops.restore_interaction, snap, self.today(),
                  initiator=self) is None:
            self.ctx.status.emit(self.tr("The contact could not be restored"))
            return
        self.ensure_loaded()
        self.select_interaction(int(snap["interaction"]["id"]))
        self._update_buttons()
        self.ctx.status.emit(self.tr("Contact restored"))
