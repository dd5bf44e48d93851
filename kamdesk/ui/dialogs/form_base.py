"""What every record-editing dialog shares: the unsaved-edits guard, one visible
place for validation messages, and a date field that may be left empty.

Dirtiness is judged by comparing a snapshot of the widgets' values with the one
taken after loading, not by listening to every ``textChanged``: typing a change and
then undoing it by hand leaves nothing to discard, so nothing is asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMenu,
    QMessageBox, QPlainTextEdit, QToolButton, QWidget, QWidgetAction,
)

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops import Changes
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op

ERROR_STYLE = "border: 1px solid #c62828;"


class DateField(QWidget):
    """A date typed as text (2024-03-01, 2024/3/1, 20240301) or picked from a calendar;
    empty means "unknown", which a plain QDateEdit cannot express."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD, empty if unknown"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textChanged.connect(self.changed)
        self.pick = QToolButton()
        self.pick.setText("…")
        self.pick.setToolTip(self.tr("Pick a date"))
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users type the date
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.pick)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        act = QWidgetAction(menu)
        act.setDefaultWidget(self.calendar)
        menu.addAction(act)
        menu.aboutToShow.connect(self._sync_calendar)
        self.calendar.clicked.connect(lambda d: (self.set_date(date(d.year(), d.month(), d.day())),
                                                 menu.close()))
        self.pick.setMenu(menu)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.pick)
        self.setFocusProxy(self.edit)

    def _sync_calendar(self) -> None:
        try:
            d = self.date()
        except ValueError:
            d = None
        if d is not None:
            self.calendar.setSelectedDate(QDate(d.year, d.month, d.day))

    def text(self) -> str:
        return self.edit.text().strip()

    def set_date(self, d: date | None) -> None:
        self.edit.setText("" if d is None else d.isoformat())

    def date(self) -> date | None:
        """The date, None when empty; ValueError when the text is not a date."""
        return parse_date(self.text())


def parse_date(text: str) -> date | None:
    t = text.strip()
    if not t:
        return None
    for sep in ("/", ".", "年", "月"):
        t = t.replace(sep, "-")
    t = t.rstrip("日").rstrip("-")
    if "-" not in t and len(t) == 8 and t.isdigit():
        t = f"{t[:4]}-{t[4:6]}-{t[6:]}"
    parts = t.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(text)
    y, m, d = (int(p) for p in parts)
    if not 1900 <= y <= 2200:
        raise ValueError(text)
    return date(y, m, d)


class FormDialog(QDialog):
    """Base for the customer and person dialogs.

    Subclasses build their widgets, register each one with :meth:`register` (so an
    error about a field can point at it; :meth:`labelled_form` lays out and registers
    a plain form at once), call :meth:`mark_clean` after loading and
    implement :meth:`snapshot` and :meth:`save`, which writes through :meth:`write`
    (the runner, with validation errors passed back here so the field is marked).
    """

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._initial: Any = None
        self._fields: dict[str, tuple[QWidget, str]] = {}
        self._marked: QWidget | None = None
        self.error_label = QLabel()
        self.error_label.setObjectName("formError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)

    # -- fields and errors -------------------------------------------------------
    def register(self, field: str, widget: QWidget, label: str) -> None:
        self._fields[field] = (widget, label.replace("&", "").rstrip(":：* "))

    def labelled_form(self, rows: Iterable[tuple[str, str, QWidget]]) -> QFormLayout:
        """A form of (field, label text, widget) rows: each label is the widget's buddy
        (its &-key focuses it) and each widget is registered under its field."""
        form = QFormLayout()
        for field, text, widget in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.register(field, widget, text)
        return form

    def field_label(self, field: str) -> str:
        entry = self._fields.get(field)
        return entry[1] if entry else labels.field_name(field)

    def show_error(self, field: str, code: str) -> None:
        """Say what is wrong in the user's language and put the cursor there."""
        self.clear_error()
        self.error_label.setText(labels.field_error(self.field_label(field),
                                                    labels.validation(code)))
        self.error_label.show()
        entry = self._fields.get(field)
        if entry is not None:
            widget = entry[0]
            target = widget.focusProxy() or widget
            target.setStyleSheet(ERROR_STYLE)
            self._marked = target
            target.setFocus()

    def clear_error(self) -> None:
        self.error_label.hide()
        self.error_label.clear()
        if self._marked is not None:
            self._marked.setStyleSheet("")
            self._marked = None

    # -- dirty tracking ----------------------------------------------------------
    def snapshot(self) -> Any:
        raise NotImplementedError

    def mark_clean(self) -> None:
        self._initial = self.snapshot()

    def is_dirty(self) -> bool:
        return self._initial is not None and self.snapshot() != self._initial

    def save(self) -> bool:
        """Write to the database; True when saved. Raise ValidationError (or let
        :meth:`write` raise it) to keep the dialog open with the field marked."""
        raise NotImplementedError

    def write(self, op: Any, *args: Any, **kwargs: Any) -> Changes | None:
        """Run a store operation through the one runner, this dialog as initiator.
        A ValidationError comes back to :meth:`_on_save` (which marks the field); a
        database failure is explained by the runner and returns None."""
        return run_op(self.ctx, op, *args, initiator=self, parent=self,
                      reraise=(ValidationError,), **kwargs)

    def conflict_kept_theirs(self) -> None:
        """The user chose to keep someone else's newer save over these edits (the
        runner's conflict dialog): drop them without asking again and close; the
        screens behind re-read the record."""
        self._initial = None
        super().reject()

    def _on_save(self) -> None:
        try:
            saved = self.save()
        except ValidationError as exc:
            self.show_error(exc.field, exc.code)
            return
        if not saved:
            return  # the runner has said why; the edits stay in the dialog
        self.clear_error()
        self._initial = None
        super().accept()

    def accept(self) -> None:
        # Enter on the default button and programmatic accept both go through save.
        self._on_save()

    def reject(self) -> None:
        """Esc, Cancel and the window's close button all land here."""
        if self.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"),
                self.tr("You have changed this record. Close without saving?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._initial = None
        super().reject()


def text_edit(height: int = 64) -> QPlainTextEdit:
    """A multi-line field where Tab moves on (notes rarely need a tab character) and
    Enter starts a new line rather than saving the dialog."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit
