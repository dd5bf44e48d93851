"""The Calendar's customer type-ahead (the filter above the grid and the task dialog's
customer field): type a name, code, contact or pinyin and pick from the list.

It reads through the calendar's picker queries only; the one shared customer picker
widget of the app will replace it.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from kamdesk.store.queries.calendar import customer_by_code, customer_choices
from kamdesk.store.queries.contact_log import customer_choice
from kamdesk.ui.context import AppContext


class CustomerPicker(QLineEdit):
    """Type a name, code, contact or pinyin; pick from the list. ``customer_id`` is
    None until a customer is picked (or when the text is cleared)."""

    customer_changed = Signal(object)  # int | None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._id: int | None = None
        self._choices: dict[str, int] = {}
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self._completer)
        self.setClearButtonEnabled(True)
        self.textEdited.connect(self._search)
        self._completer.activated.connect(self._picked)
        self.textChanged.connect(self._text_changed)

    @property
    def customer_id(self) -> int | None:
        return self._id

    def set_customer(self, customer_id: int | None) -> None:
        if customer_id is None:
            self.blockSignals(True)
            self.clear()
            self.blockSignals(False)
            self._set_id(None)
            return
        row = self.ctx.db.read(customer_choice, customer_id)
        if row is None:
            self.set_customer(None)
            return
        text = f"{row.code} {row.name}"
        self._choices[text] = customer_id
        self.blockSignals(True)
        self.setText(text)
        self.blockSignals(False)
        self._set_id(customer_id)

    def _set_id(self, customer_id: int | None) -> None:
        if customer_id != self._id:
            self._id = customer_id
            self.customer_changed.emit(customer_id)

    def _search(self, text: str) -> None:
        found = self.ctx.db.read(customer_choices, text, 15)
        self._choices = {f"{code} {name}": cid for cid, code, name in found}
        self._model.setStringList(list(self._choices))
        if found:
            self._completer.complete()

    def _picked(self, text: str) -> None:
        cid = self._choices.get(text)
        if cid is not None:
            self._set_id(cid)

    def _text_changed(self, text: str) -> None:
        if not text.strip():
            self._set_id(None)
        elif text in self._choices:
            self._set_id(self._choices[text])
        elif self._id is not None:
            self._set_id(None)

    def resolve(self) -> int | None:
        """The picked customer, or the only match for what was typed."""
        if self._id is not None or not self.text().strip():
            return self._id
        exact = self.ctx.db.read(customer_by_code, self.text().strip().split(" ")[0])
        found = [exact] if exact else self.ctx.db.read(customer_choices, self.text(), 2)
        if len(found) == 1:
            self.set_customer(found[0][0])
        return self._id
