"""The customer type-ahead of the log-contact dialog, the contact log filter and the
pipeline dialog: a few letters of name, code or pinyin initials, Enter, done.

Reads through ``ctx.db.read`` (the customer list's own search index) and holds only
ids and display text. Kept here until the one shared picker
(``kamdesk.ui.widgets.customer_picker``, same API) replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from kamdesk.store.queries.contact_log import CustomerChoice, find_customers
from kamdesk.ui.context import AppContext

CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_ROLE = Qt.ItemDataRole.UserRole + 5


class CustomerPicker(QLineEdit):
    """A line edit that finds customers with the customer list's search (name, code,
    pinyin initials, people, phone) and resolves the text to one customer id.

    The completer does no filtering of its own: the list already holds what the
    search index matched, best match first, and "zgyd" is no prefix of "中国移动".
    """

    #: the chosen customer id, or 0 when the text no longer names one
    picked = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 include_archived: bool = False, advance_on_pick: bool = True,
                 limit: int = 12) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._include_archived = include_archived
        self._advance = advance_on_pick
        self._limit = limit
        self._customer_id: int | None = None
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(10)
        # setWidget, not setCompleter: the line edit must not rewrite the text or
        # re-filter behind our back; choosing is ours to do.
        self._completer.setWidget(self)
        self._completer.activated[QModelIndex].connect(self._choose)
        self.textEdited.connect(self._search)
        self.editingFinished.connect(self._resolve_on_leave)
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Name, code or pinyin initials (zgyd)…"))

    @property
    def customer_id(self) -> int | None:
        return self._customer_id

    def completer_popup(self):  # type: ignore[no-untyped-def]
        return self._completer.popup()

    def matches(self) -> int:
        return self._model.rowCount()

    def set_customer(self, choice: CustomerChoice | None) -> None:
        self._customer_id = choice.id if choice else None
        self.setText(self._display(choice.name, choice.code) if choice else "")
        self._completer.popup().hide()

    @staticmethod
    def _display(name: str, code: str) -> str:
        return f"{name} ({code})"

    def _search(self, text: str) -> None:
        if self._customer_id is not None:
            self._customer_id = None
            self.picked.emit(0)
        self._model.clear()
        # One Latin letter matches nearly every customer's pinyin and costs a scan of
        # the whole book; one Chinese character is a real query and is searched.
        if not text.strip() or (len(text.strip()) == 1 and text.strip().isascii()):
            self._completer.popup().hide()
            return
        rows = self.ctx.db.read(find_customers, text, self._limit, self._include_archived)
        for r in rows:
            shown = f"{r.name}  ·  {r.code}"
            if r.key_contact_name:
                shown += f"  ·  {r.key_contact_name}"
            item = QStandardItem(shown)
            item.setData(r.id, CUSTOMER_ID_ROLE)
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
        self._customer_id = int(cid)
        self.setText(str(index.data(SHOWN_ROLE)))
        self._completer.popup().hide()
        self.picked.emit(self._customer_id)

    def _resolve_on_leave(self) -> None:
        # Tab after typing "zgyd" means the same as Enter: take the best match,
        # which then shows in full, so a wrong guess is visible before saving.
        if not self.text().strip():
            if self._customer_id is not None:
                self._customer_id = None
                self.picked.emit(0)
            return
        if self._customer_id is None:
            self.pick_best()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self._customer_id is None and self.text().strip()):
            event.accept()
            if self.pick_best() and self._advance:
                self.focusNextChild()
            return
        super().keyPressEvent(event)
