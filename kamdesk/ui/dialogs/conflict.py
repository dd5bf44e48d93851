"""Someone else changed this record while you were editing: both versions side by side.

On a team book two colleagues may edit the same customer at once; the second save is
refused by the store (:class:`kamdesk.store.errors.ConflictError`, the version check)
instead of silently overwriting the first. This dialog shows, field by field in the UI
language, what is stored now ("theirs") and what the user meant to save ("yours"),
with the fields that differ highlighted, and asks what to do:

- **Keep theirs**: discard my edit; the screens re-read the record;
- **Save mine over theirs**: save again, naming their version as the one expected;
- **Back to editing**: the form stays open with my input.

A delete of a record changed meanwhile asks whether to delete anyway. The runner
(:mod:`kamdesk.ui.ops`) opens this dialog; it holds no database connection.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from kamdesk.store.errors import ConflictError
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.i18n import ui_language


class Choice(Enum):
    KEEP_THEIRS = "keep_theirs"
    SAVE_MINE = "save_mine"
    BACK = "back"


# (table or "*", field) -> vocabulary kind whose words show the stored code
_WORD_KINDS: dict[tuple[str, str], str] = {
    ("customers", "status"): "customer_status", ("contracts", "status"): "contract_status",
    ("complaints", "status"): "complaint_status", ("tasks", "kind"): "task_kind",
    ("trades", "kind"): "trade_kind", ("events", "kind"): "event_kind",
    ("key_dates", "kind"): "key_date_kind", ("account_plans", "status"): "plan_status",
    ("survey_responses", "csat"): "satisfaction", ("*", "potential"): "potential",
    ("*", "channel"): "channel", ("*", "decision_role"): "decision_role",
    ("*", "attitude"): "attitude", ("*", "stage"): "stage", ("*", "severity"): "severity",
    ("*", "credit_rating"): "credit_rating", ("*", "tier_source"): "tier_source",
    ("*", "stated_value_tier"): "value_tier", ("*", "stated_activity"): "activity",
    ("*", "priority"): "priority", ("*", "satisfaction"): "satisfaction",
    ("*", "recurrence"): "recurrence", ("*", "calendar"): "calendar_kind",
}


def value_text(table: str, field: str, value: Any) -> str:
    """A stored value as the user reads it: words for codes, money, dates, yes/no."""
    if value is None or value == "":
        return "—"
    kind = _WORD_KINDS.get((table, field)) or _WORD_KINDS.get(("*", field))
    if kind is not None:
        return labels.word(kind, value)
    if isinstance(value, bool):
        return (QCoreApplication.translate("ConflictDialog", "yes") if value
                else QCoreApplication.translate("ConflictDialog", "no"))
    if field.endswith("_cents") and isinstance(value, int):
        return fmt.money(value, ui_language())
    if isinstance(value, datetime):
        return fmt.moment(value)
    if isinstance(value, date):
        return fmt.day(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def _field_label(field: str) -> str:
    """The field's name in the UI language; one the vocabulary lacks reads as words."""
    word = labels.field_name(field)
    return word.replace("_", " ").capitalize() if word == field else word


class ConflictDialog(QDialog):
    """Theirs | yours for every field the user saves; ``choice`` after ``exec()``."""

    def __init__(self, conflict: ConflictError, parent: QWidget | None = None,
                 field_label: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.conflict = conflict
        self.choice = Choice.BACK
        label_of = field_label or _field_label
        self.setWindowTitle(self.tr("Someone else changed this record"))
        layout = QVBoxLayout(self)
        headline = QLabel()
        headline.setObjectName("conflictHeadline")
        headline.setWordWrap(True)
        layout.addWidget(headline)

        self.table = QTableWidget(0, 3)
        self.table.setObjectName("conflictTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("Theirs (saved now)"), self.tr("Yours")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.differing = set(conflict.differing)
        theirs = conflict.theirs or {}
        highlight = QBrush(QColor("#fff3c4"))
        for field, mine in conflict.mine.items():
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = (label_of(field),
                     value_text(conflict.table, field, theirs.get(field)) if theirs else "—",
                     value_text(conflict.table, field, mine))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if field in self.differing:
                    item.setBackground(highlight)
                    item.setForeground(QBrush(QColor("#000000")))
                    if column == 0:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                self.table.setItem(row, column, item)
        self.table.setVisible(bool(conflict.mine))
        layout.addWidget(self.table, 1)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keepTheirsButton")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveMineButton")
        self.back_button = QPushButton()
        self.back_button.setObjectName("backToEditingButton")
        if conflict.deleting:
            headline.setText(self.tr(
                "Someone else changed this record after you opened it. Delete it anyway?"))
            self.keep_button.setText(self.tr("&Keep it"))
            self.save_button.setText(self.tr("&Delete anyway"))
            self.back_button.hide()
        elif conflict.gone:
            headline.setText(self.tr(
                "Someone else deleted this record while you were editing. Your changes "
                "cannot be saved to it."))
            self.keep_button.setText(self.tr("&Discard my changes"))
            self.save_button.hide()
            self.back_button.setText(self.tr("&Back to editing"))
        else:
            headline.setText(self.tr(
                "Someone else changed this record while you were editing. Highlighted "
                "fields differ: choose which version to keep."))
            self.keep_button.setText(self.tr("&Keep theirs"))
            self.keep_button.setToolTip(self.tr("Discard my changes and show theirs"))
            self.save_button.setText(self.tr("&Save mine over theirs"))
            self.back_button.setText(self.tr("&Back to editing"))
        for button, choice in ((self.keep_button, Choice.KEEP_THEIRS),
                               (self.save_button, Choice.SAVE_MINE),
                               (self.back_button, Choice.BACK)):
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
            buttons.addWidget(button)
        (self.back_button if self.back_button.isVisibleTo(self)
         else self.keep_button).setDefault(True)
        layout.addLayout(buttons)
        self.resize(640, 180 + 28 * min(12, len(conflict.mine)))

    def _choose(self, choice: Choice) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Rejected if choice is Choice.BACK
                  else QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        """Esc or the close button: back to editing (a delete: keep the record)."""
        self.choice = Choice.KEEP_THEIRS if self.conflict.deleting else Choice.BACK
        super().reject()


def ask_about_conflict(conflict: ConflictError, parent: QWidget | None,
                       field_label: Callable[[str], str] | None = None) -> Choice:
    """Show the dialog modally and return the user's choice (tests replace this)."""
    dialog = ConflictDialog(conflict, parent, field_label)
    dialog.exec()
    return dialog.choice
