"""Customers ▸ Find duplicates: the pairs of customers that look like one company (same
name after normalisation, same phone or email of a key person), side by side with
their key facts, so the user decides which record to keep and merges the other into it
(:func:`kamdesk.store.ops.customer_merge.merge_customers`: all history moves).

A merge is not undone with Ctrl+Z: it rewrites the history rows of many tables and
deletes a record, which no snapshot here restores faithfully. So the confirmation says
exactly what moves and that it is final. "Not a duplicate" is remembered with the data
(:func:`~kamdesk.store.ops.customer_merge.mark_not_duplicate`), so the pair stays
hidden next time too.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QRadioButton, QSplitter, QVBoxLayout, QWidget,
)

from kamdesk.store.ops.customer_merge import mark_not_duplicate, merge_customers
from kamdesk.store.queries.customer_matching import (
    DuplicatePair, MergeSide, duplicate_pairs, merge_sides, not_duplicates,
)
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op


def _value(text: str) -> QLabel:
    label = QLabel(text or "—")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def history_size(side: MergeSide) -> int:
    return side.people + side.interactions + side.orders + side.other_history


class SidePanel(QGroupBox):
    """One record of the pair: a "Keep this record" choice above its key facts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keep = QRadioButton(self.tr("&Keep this record"))
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keep)
        layout.addLayout(self.form)
        layout.addStretch(1)

    def show_side(self, side: MergeSide, same: str) -> None:
        self.setTitle(side.code)
        while self.form.rowCount():
            self.form.removeRow(0)
        contacts = "\n".join(side.contacts)
        if side.people > len(side.contacts):
            contacts += "\n…"
        rows = (
            (self.tr("Name"), side.name, same == "name"),
            (self.tr("Owner"), side.owner or "", False),
            (self.tr("Status"), labels.status(side.status), False),
            (self.tr("Key people"), f"{side.people}\n{contacts}".strip(),
             same in ("phone", "email")),
            (self.tr("Contact log entries"), str(side.interactions), False),
            (self.tr("Orders and returns"), str(side.orders), False),
            (self.tr("Other records"), str(side.other_history), False),
            (self.tr("Last contact"), fmt.day(side.last_contact_at), False),
            (self.tr("Created"), fmt.day(side.created_at), False),
        )
        for caption, text, shared in rows:
            value = _value(text)
            if shared:
                value.setStyleSheet("font-weight: bold;")
            self.form.addRow(caption, value)


class DuplicatesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle(self.tr("Find duplicates"))
        self.pairs: list[DuplicatePair] = []
        self.sides: dict[int, MergeSide] = {}

        self.summary = QLabel()
        self.summary.setObjectName("duplicatesSummary")
        self.summary.setWordWrap(True)
        self.pair_list = QListWidget()
        self.pair_list.setObjectName("duplicatePairs")
        self.pair_list.setMinimumWidth(260)
        self.pair_list.setAlternatingRowColors(True)
        self.pair_list.setSpacing(2)
        self.first = SidePanel()
        self.first.setObjectName("firstRecord")
        self.second = SidePanel()
        self.second.setObjectName("secondRecord")
        self.first.keep.setObjectName("keepFirst")
        self.second.keep.setObjectName("keepSecond")
        self.reason = QLabel()
        self.reason.setObjectName("duplicateReason")
        self.reason.setWordWrap(True)

        detail = QWidget()
        sides = QHBoxLayout()
        sides.addWidget(self.first, 1)
        sides.addWidget(self.second, 1)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.reason)
        detail_layout.addLayout(sides, 1)
        splitter = QSplitter()
        splitter.addWidget(self.pair_list)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 1)

        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setToolTip(self.tr("Move everything of the other record to the one "
                                             "kept, then delete the other record"))
        self.not_duplicate_button = QPushButton(self.tr("&Not a duplicate"))
        self.not_duplicate_button.setObjectName("notDuplicateButton")
        self.not_duplicate_button.setToolTip(self.tr("Stop listing this pair"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.not_duplicate_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        # Enter never merges nor dismisses: both are deliberate clicks
        for button in (self.merge_button, self.not_duplicate_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.merge_button.clicked.connect(self.merge_selected)
        self.not_duplicate_button.clicked.connect(self.dismiss_selected)
        self.pair_list.currentRowChanged.connect(self._show_pair)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(980, 560)
        self.reload()

    # -- reading ---------------------------------------------------------------------------
    def reload(self, keep_row: int = 0) -> None:
        read = self.ctx.db.read
        hidden = read(not_duplicates)
        self.pairs = [p for p in read(duplicate_pairs)
                      if (min(p.first_id, p.second_id), max(p.first_id, p.second_id))
                      not in hidden]
        self.pair_list.blockSignals(True)
        self.pair_list.clear()
        for p in self.pairs:
            item = QListWidgetItem(f"{p.first_code} {p.first_name}\n{p.second_code} "
                                   f"{p.second_name}\n  {self.reason_text(p.reason)}")
            self.pair_list.addItem(item)
        self.pair_list.blockSignals(False)
        if self.pairs:
            self.summary.setText(self.tr("%1 pairs of customers look like the same company. "
                                         "Choose the record to keep and merge, or mark a pair "
                                         "as not a duplicate.").replace("%1",
                                                                        str(len(self.pairs))))
        else:
            self.summary.setText(self.tr("No likely duplicates: no two customers share a "
                                         "name, a phone number or an email address."))
        self.pair_list.setCurrentRow(min(keep_row, len(self.pairs) - 1))
        self._show_pair(self.pair_list.currentRow())

    def reason_text(self, reason: str) -> str:
        return {"name": self.tr("same name"), "phone": self.tr("same phone number"),
                "email": self.tr("same email address")}.get(reason, reason)

    def current_pair(self) -> DuplicatePair | None:
        row = self.pair_list.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _show_pair(self, row: int) -> None:
        pair = self.pairs[row] if 0 <= row < len(self.pairs) else None
        for w in (self.first, self.second, self.merge_button, self.not_duplicate_button):
            w.setEnabled(pair is not None)
        if pair is None:
            self.reason.clear()
            return
        self.sides = self.ctx.db.read(merge_sides, [pair.first_id, pair.second_id])
        a, b = self.sides.get(pair.first_id), self.sides.get(pair.second_id)
        if a is None or b is None:
            return
        self.reason.setText(self.tr("Why listed: %1").replace("%1", self.reason_text(pair.reason)))
        self.first.show_side(a, pair.reason)
        self.second.show_side(b, pair.reason)
        # Keep the record with more history; on a tie the older one.
        (self.second if history_size(b) > history_size(a) else self.first).keep.setChecked(True)

    def keep_and_drop(self) -> tuple[MergeSide, MergeSide] | None:
        pair = self.current_pair()
        if pair is None:
            return None
        a, b = self.sides[pair.first_id], self.sides[pair.second_id]
        return (a, b) if self.first.keep.isChecked() else (b, a)

    # -- writing ---------------------------------------------------------------------------
    def merge_text(self, keep: MergeSide, drop: MergeSide) -> str:
        return self.tr(
            "Merge %1 “%2” into %3 “%4”?\n\n"
            "Everything recorded for %1 moves to %3:\n"
            "• key people: %5\n• contact log entries: %6\n• orders and returns: %7\n"
            "• other records (contracts, complaints, tasks, plans, documents…): %8\n\n"
            "Fields %3 leaves empty are filled from %1. Then %1 is deleted.\n"
            "A merge cannot be undone."
        ).replace("%1", drop.code).replace("%2", drop.name).replace("%3", keep.code).replace(
            "%4", keep.name).replace("%5", str(drop.people)).replace(
            "%6", str(drop.interactions)).replace("%7", str(drop.orders)).replace(
            "%8", str(drop.other_history))

    def confirm(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Merge customers"), text,
                          QMessageBox.StandardButton.Cancel, self)
        merge = box.addButton(self.tr("Merge"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is merge

    def merge_selected(self) -> bool:
        chosen = self.keep_and_drop()
        if chosen is None:
            return False
        keep, drop = chosen
        if not self.confirm(self.merge_text(keep, drop)):
            return False
        row = self.pair_list.currentRow()
        if run_op(self.ctx, merge_customers, keep.id, drop.id, self.ctx.clock.today(),
                  initiator=self, parent=self) is None:
            return False
        self.ctx.status.emit(self.tr("Merged %1 into %2").replace("%1", drop.code)
                             .replace("%2", keep.code))
        self.reload(row)
        return True

    def dismiss_selected(self) -> bool:
        pair = self.current_pair()
        if pair is None:
            return False
        row = self.pair_list.currentRow()
        if run_op(self.ctx, mark_not_duplicate, pair.first_id, pair.second_id,
                  initiator=self, parent=self) is None:
            return False
        self.reload(row)
        return True
