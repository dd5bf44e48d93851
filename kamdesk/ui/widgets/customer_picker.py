"""The one customer picker: a line edit with type-ahead over the customer search.

Every screen that asks "which customer?" (log a contact, the contact log's and the
calendar's filters, a calendar task, an opportunity, a new plan) uses this widget over
the one picker query, :func:`kamdesk.store.queries.customers.pick_customers`, so typing
"zgyd", a code or a phone number finds the same customers everywhere, in the same
order: the exact code, then names (or their pinyin) starting with the text, then the
rest. Enter or Tab takes the best match, so a manager can pick a customer without
touching the mouse.

Signals for three kinds of listener: :attr:`CustomerPicker.picked` says the user chose
(or un-chose) a customer — a dialog reacts by filling in what follows;
:attr:`CustomerPicker.confirmed` says the user took one on purpose (Enter, a click in
the list) — a dialog whose only question is "which customer?" closes on it; and
:attr:`CustomerPicker.customer_changed` says the value changed by any route, presets
included — a filter re-reads whatever it shows. An empty picker is the "all customers"
state of a filter (say so with ``setPlaceholderText``).
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from kamdesk.store.queries.customers import pick_customer, pick_customers
from kamdesk.ui.context import AppContext

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_ROLE = Qt.ItemDataRole.UserRole + 2
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 5


class NamedCustomer(Protocol):
    """Anything naming one customer: a picker row, the log dialog's choice…"""

    id: int
    code: str
    name: str


def searchable(text: str) -> bool:
    """One Latin letter matches nearly every customer's pinyin and costs a scan of the
    whole book, so it waits for the next key; one Chinese character is a real query."""
    t = text.strip()
    return bool(t) and not (len(t) == 1 and t.isascii())


class CustomerPicker(QLineEdit):
    """A line edit that finds customers with the customer list's search (name, code,
    pinyin initials, people, phone) and resolves the text to one customer id.

    The completer does no filtering of its own: the list already holds what the
    search index matched, best match first, and "zgyd" is no prefix of "中国移动".
    """

    #: the user chose this customer id, or 0 when the text no longer names one
    picked = Signal(int)
    #: the user took this customer on purpose: Enter, or a click in the list (not the
    #: best match taken on leaving the field, which may be on the way to Cancel)
    confirmed = Signal(int)
    #: the customer id changed by any route (typing, choosing, presetting, clear()):
    #: the new id, or None for "no customer"
    customer_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 include_archived: bool = False, advance_on_pick: bool = True,
                 limit: int = 12) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._include_archived = include_archived
        self._advance = advance_on_pick
        self._limit = limit
        self._customer_id: int | None = None
        self._customer_code = ""
        self._presetting = False
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(10)
        # setWidget, not setCompleter: the line edit must not rewrite the text or
        # re-filter behind our back; choosing is ours to do.
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._confirm)
        self.textEdited.connect(self._search)
        self.textChanged.connect(self._emptied)
        self.editingFinished.connect(self._resolve_on_leave)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Name, code or pinyin initials (zgyd)…"))

    # -- what is chosen ----------------------------------------------------------------
    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    @property
    def customer_code(self) -> str:
        """The chosen customer's code ("" while none is chosen), e.g. for a file name."""
        return self._customer_code if self._customer_id is not None else ""

    def set_customer(self, choice: NamedCustomer | None) -> None:
        """Show ``choice`` as picked (None clears). Not the user's choice, so
        :attr:`picked` stays quiet; :attr:`customer_changed` tells if the id changed."""
        self._presetting = True
        try:
            self.setText(self._display(choice.name, choice.code) if choice else "")
        finally:
            self._presetting = False
        self._completer.popup().hide()
        self._set_id(choice.id if choice else None, choice.code if choice else "")

    def set_customer_id(self, customer_id: int | None) -> None:
        """Preset the picker by id (an unknown id clears it)."""
        row = self.ctx.db.read(pick_customer, customer_id) if customer_id else None
        self.set_customer(row)

    def resolve(self) -> int | None:
        """The chosen customer; with text typed but nothing chosen yet (a save pressed
        straight after typing), the best match, as Enter would have taken it."""
        if self._customer_id is None and searchable(self.text()):
            self._search(self.text())  # the list may predate a setText()
            self.pick_best()
        return self._customer_id

    def _set_id(self, customer_id: int | None, code: str = "") -> bool:
        """Hold ``customer_id``; True (and :attr:`customer_changed`) when it changed."""
        self._customer_code = code
        if customer_id == self._customer_id:
            return False
        self._customer_id = customer_id
        self.customer_changed.emit(customer_id)
        return True

    def _unpick(self) -> None:
        if self._set_id(None):
            self.picked.emit(0)

    def _emptied(self, text: str) -> None:
        # Emptied from code (clear()) or by the clear button: no customer any more,
        # which a filter must hear of whichever signal it listens to.
        if not text and not self._presetting:
            self._unpick()

    @staticmethod
    def _display(name: str, code: str) -> str:
        return f"{name} ({code})"

    # -- the list under the text -------------------------------------------------------
    def completer_popup(self) -> Any:
        return self._completer.popup()

    def matches(self) -> int:
        return self._model.rowCount()

    def _search(self, text: str) -> None:
        self._unpick()
        self._model.clear()
        if not searchable(text):
            self._completer.popup().hide()
            return
        rows = self.ctx.db.read(pick_customers, text, self._limit, self._include_archived)
        for r in rows:
            shown = f"{r.name}  ·  {r.code}"
            if r.key_contact_name:
                shown += f"  ·  {r.key_contact_name}"
            item = QStandardItem(shown)
            item.setData(r.id, CUSTOMER_ID_ROLE)
            item.setData(r.code, CODE_ROLE)
            item.setData(self._display(r.name, r.code), SHOWN_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        if rows:
            self._completer.complete()
            # Nothing highlighted: Enter then takes the best match, and Down moves
            # into the list as usual.
            self._completer.popup().setCurrentIndex(QModelIndex())
        else:
            self._completer.popup().hide()

    # -- choosing ----------------------------------------------------------------------
    def pick_best(self) -> bool:
        """Take the highlighted completion, or else the best (first) match."""
        popup = self._completer.popup()
        current = popup.currentIndex() if popup.isVisible() else QModelIndex()
        index = current if current.isValid() else self._model.index(0, 0)
        if not index.isValid():
            return False
        self._choose(index)
        return True

    def _choose(self, index: QModelIndex | QPersistentModelIndex) -> None:
        cid = index.data(CUSTOMER_ID_ROLE)
        if cid is None:
            return
        self.setText(str(index.data(SHOWN_ROLE)))
        self._completer.popup().hide()
        self._set_id(int(cid), str(index.data(CODE_ROLE) or ""))
        self.picked.emit(int(cid))

    def _confirm(self, index: QModelIndex | QPersistentModelIndex) -> None:
        self._choose(index)
        if self._customer_id is not None:
            self.confirmed.emit(self._customer_id)

    def _resolve_on_leave(self) -> None:
        # Tab after typing "zgyd" means the same as Enter: take the best match,
        # which then shows in full, so a wrong guess is visible before saving.
        if not self.text().strip():
            self._unpick()
            return
        if self._customer_id is None:
            self.pick_best()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self._customer_id is None and self.text().strip()):
            event.accept()
            if self.pick_best():
                if self._advance:
                    self.focusNextChild()
                if self._customer_id is not None:
                    self.confirmed.emit(self._customer_id)
            return
        super().keyPressEvent(event)
