"""The Contact log screen: every call, visit and message across customers (表2).

Filters narrow the log in SQL (the last 90 days by default, because that is the
window a monthly or quarterly review looks at); the table pages like the customer
list. Deleting asks first and can be undone at once — with Ctrl+Z or the Undo
button — because the contact log is the record of the relationship.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox,
    QPushButton, QTableView, QVBoxLayout, QWidget,
)

from kamdesk.store.ops import Changes
from kamdesk.store.ops.interactions import delete_interactions, restore_interactions
from kamdesk.store.queries.contact_log import AnyDate, LogQuery, LogRow, at_any_date, owners
from kamdesk.ui import labels
from kamdesk.ui.contact_log.model import COL, ContactLogModel
from kamdesk.ui.context import AppContext
from kamdesk.ui.widgets.customer_picker import CustomerPicker
from kamdesk.ui.dialogs.keyboard_fields import TabOutDateEdit
from kamdesk.ui.dialogs.log_contact import CHANNEL_ORDER, LogContactDialog
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import run_op

REFRESH_ON = {"interactions", "customers", "people"}
DEFAULT_DAYS = 90
COLUMN_WIDTHS = {
    "code": 100, "customer": 190, "when": 125, "channel": 80, "people": 110, "topic": 190,
    "feedback": 220, "issue": 150, "next_action": 190, "owner": 80, "deadline": 90,
}


class _LazyCombo(QComboBox):
    """Fills itself just before it is looked at or keyed through, not on every change."""

    def __init__(self, fill: Callable[[], None]) -> None:
        super().__init__()
        self._fill = fill

    def showPopup(self) -> None:
        self._fill()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._fill()
        super().focusInEvent(event)


class ContactLogScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("contactLogScreen")
        self.model = ContactLogModel(ctx, self)
        # Each entry is one delete (one or more interactions) that Undo puts back.
        self._undo: list[list[dict[str, Any]]] = []
        self._default_to = ctx.clock.today()

        today = ctx.clock.today()
        self.date_from = TabOutDateEdit()
        self.date_from.setObjectName("logFrom")
        self.date_to = TabOutDateEdit()
        self.date_to.setObjectName("logTo")
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.date_from.setDate(today - timedelta(days=DEFAULT_DAYS))
        self.date_to.setDate(today)
        self.channel = QComboBox()
        self.channel.setObjectName("logChannelFilter")
        self.channel.addItem(self.tr("Any"), None)
        for code in CHANNEL_ORDER:
            self.channel.addItem(labels.channel(code), code)
        self._owners_stale = True
        self.owner = _LazyCombo(self._reload_owners)
        self.owner.setObjectName("logOwnerFilter")
        self.owner.addItem(self.tr("Any"), None)
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.customer = CustomerPicker(ctx, self, include_archived=True, advance_on_pick=False)
        self.customer.setObjectName("logCustomerFilter")
        self.customer.setPlaceholderText(self.tr("Any customer"))
        self.customer.setMinimumWidth(170)
        self.text = QLineEdit()
        self.text.setObjectName("logTextFilter")
        self.text.setPlaceholderText(self.tr("Search topic, feedback, issue, next action…"))
        self.text.setClearButtonEnabled(True)

        filters = QHBoxLayout()
        filters.setSpacing(6)
        for label, widget in ((self.tr("From"), self.date_from), (self.tr("to"), self.date_to),
                              (self.tr("Channel"), self.channel), (self.tr("Owner"), self.owner),
                              (self.tr("Customer"), self.customer)):
            lab = QLabel(label)
            lab.setBuddy(widget)
            filters.addWidget(lab)
            filters.addWidget(widget)
        filters.addWidget(self.text, 1)

        self.table = QTableView()
        self.table.setObjectName("contactLogTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(COL[key], width)
        self.table.doubleClicked.connect(self._open_customer)

        self.count_label = QLabel()
        self.count_label.setObjectName("logCount")
        self.all_dates_btn = QPushButton(self.tr("Show all dates"))
        self.all_dates_btn.setObjectName("logAllDates")
        self.all_dates_btn.setToolTip(self.tr("Widen the dates to every contact the other "
                                              "filters find"))
        self.all_dates_btn.clicked.connect(self.show_all_dates)
        self.all_dates_btn.hide()
        self._any_date: AnyDate | None = None
        self.log_btn = QPushButton(icon("log"), self.tr("Log contact…"))
        self.log_btn.clicked.connect(
            lambda: self.ctx.log_contact.emit(self.customer.customer_id or 0))
        self.edit_btn = QPushButton(icon("edit"), self.tr("Edit…"))
        self.edit_btn.setObjectName("logEdit")
        self.edit_btn.clicked.connect(self.edit_selected)
        self.delete_btn = QPushButton(icon("delete"), self.tr("Delete"))
        self.delete_btn.setObjectName("logDelete")
        self.delete_btn.clicked.connect(self.delete_selected)
        self.undo_btn = QPushButton(icon("undo"), self.tr("Undo"))
        self.undo_btn.setObjectName("logUndo")
        self.undo_btn.setToolTip(self.tr("Bring back what was just deleted (Ctrl+Z)"))
        self.undo_btn.clicked.connect(self.undo)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.all_dates_btn)
        bottom.addStretch(1)
        for b in (self.log_btn, self.edit_btn, self.delete_btn, self.undo_btn):
            bottom.addWidget(b)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        # Shortcuts live on the screen so they work wherever focus is on it, but a
        # text field's own Ctrl+Z (undo typing) still wins inside that field.
        for seq, slot in ((QKeySequence.StandardKey.Undo, self.undo),
                          (QKeySequence.StandardKey.Delete, self.delete_selected)):
            sc = QShortcut(QKeySequence(seq), self, activated=slot)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for seq in ("Return", "Enter", "F2"):
            sc = QShortcut(QKeySequence(seq), self.table, activated=self.edit_selected)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(150)
        self._text_timer.timeout.connect(self.apply_filters)
        self.text.textChanged.connect(self._text_timer.start)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.apply_filters)
        self.channel.currentIndexChanged.connect(self.apply_filters)
        self.owner.currentIndexChanged.connect(self.apply_filters)
        self.customer.picked.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        ctx.changed.connect(self._on_changed)
        self.apply_filters()

    # -- filters ----------------------------------------------------------------------
    def _reload_owners(self) -> None:
        if not self._owners_stale:
            return
        self._owners_stale = False
        names = self.ctx.db.read(owners)
        current = self.owner.currentData()
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Any"), None)
        for name in names:
            self.owner.addItem(name, name)
        self.owner.setCurrentIndex(max(0, self.owner.findData(current)))
        self.owner.blockSignals(False)

    def current_query(self) -> LogQuery:
        start: QDate = self.date_from.date()
        end: QDate = self.date_to.date()
        return LogQuery(
            date_from=start.toPython(), date_to=end.toPython(),
            channel=self.channel.currentData(), owner=self.owner.currentData(),
            customer_id=self.customer.customer_id, text=self.text.text().strip(),
        )

    def apply_filters(self, *_args: object) -> None:
        self.model.set_query(self.current_query())
        self._after_reset()

    def _after_reset(self) -> None:
        shown = self.model.rowCount()
        self._any_date = None if shown else self.ctx.db.read(at_any_date, self.current_query())
        if self._any_date is not None and self._any_date.count:
            # An imported log is often older than the default dates: say where it is.
            self.count_label.setText(self.tr(
                "No contacts between these dates; %n outside them.", "", self._any_date.count))
            self.all_dates_btn.show()
        else:
            self.count_label.setText(self.tr("%n contact(s)", "", shown))
            self.all_dates_btn.hide()
        self._update_buttons()

    def show_all_dates(self) -> None:
        """Widen From/To to the first and last contact the other filters find (To never
        before today, so it keeps following today)."""
        span = self._any_date
        if span is None or span.first is None or span.last is None:
            return
        for edit, day in ((self.date_from, span.first),
                          (self.date_to, max(span.last, self.ctx.clock.today()))):
            edit.blockSignals(True)
            edit.setDate(day)
            edit.blockSignals(False)
        self.apply_filters()

    def current_customer_id(self) -> int | None:
        """Ctrl+L from here logs for the customer the log is narrowed to, if any."""
        return self.customer.customer_id

    # -- selection --------------------------------------------------------------------
    def selected_rows(self) -> list[LogRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        out = [self.model.row_at(r) for r in rows]
        return [r for r in out if r is not None]

    def current_row(self) -> LogRow | None:
        idx = self.table.currentIndex()
        if idx.isValid() and self.table.selectionModel().isRowSelected(idx.row()):
            return self.model.row_at(idx.row())
        rows = self.selected_rows()
        return rows[0] if rows else None

    def _update_buttons(self, *_args: object) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        self.edit_btn.setEnabled(selected)
        self.delete_btn.setEnabled(selected)
        self.undo_btn.setEnabled(bool(self._undo))

    def _open_customer(self, index) -> None:  # type: ignore[no-untyped-def]
        row = self.model.row_at(index.row())
        if row is not None:
            self.ctx.open_customer.emit(row.customer_id)

    # -- actions ----------------------------------------------------------------------
    def edit_selected(self) -> LogContactDialog | None:
        row = self.current_row()
        if row is None:
            return None
        dlg = LogContactDialog(self.ctx, row.customer_id, self, interaction_id=row.id)
        dlg.open()
        return dlg

    def delete_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if len(rows) == 1:
            r = rows[0]
            question = self.tr("Delete the contact with %1 on %2 (%3)?").replace(
                "%1", r.customer_name).replace("%2", r.occurred_at.strftime("%Y-%m-%d %H:%M")
                                               ).replace("%3", r.topic)
        else:
            question = self.tr("Delete %n contact(s)?", "", len(rows))
        question += "\n" + self.tr("Follow-up tasks created from them are deleted too. "
                                   "You can undo this with Ctrl+Z.")
        answer = QMessageBox.question(self, self.tr("Delete contact"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        done = run_op(self.ctx, delete_interactions, [r.id for r in rows],
                      self.ctx.clock.today(), initiator=self,
                      expected_versions={r.id: r.version for r in rows})  # changed since?
        if done is None:
            return
        snaps = done.value
        self._undo.append(snaps)
        self._update_buttons()
        self.ctx.status.emit(self.tr("Deleted %n contact(s). Undo with Ctrl+Z.", "", len(snaps)))

    def undo(self) -> None:
        if not self._undo:
            return
        snaps = self._undo.pop()
        done = self._run(restore_interactions, snaps, self.ctx.clock.today())
        self._update_buttons()
        if done is None:
            return
        self.ctx.status.emit(self.tr("Restored %n contact(s).", "", len(snaps)))
        ids = {snap["interaction"]["id"] for snap in snaps}
        for iid in ids:
            row = self.model.row_of(iid)
            if row is not None:
                self.table.selectRow(row)
                break

    def _run(self, op: Callable[..., Changes], *args: Any) -> Changes | None:
        return run_op(self.ctx, op, *args, initiator=self)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if not tables & REFRESH_ON:
            return
        if "interactions" in tables and getattr(tables, "initiator", None) is not self:
            # A snapshot restores rows with their old ids; once someone else has
            # written to the log an id may be taken again, so undo ends here.
            self._undo.clear()
        today = self.ctx.clock.today()
        if today != self._default_to and self.date_to.date().toPython() == self._default_to:
            # The "to" date was left at today: keep following today past midnight.
            self._default_to = today
            self.date_to.blockSignals(True)
            self.date_to.setDate(today)
            self.date_to.blockSignals(False)
        if "interactions" in tables or "customers" in tables:
            self._owners_stale = True  # read again when someone looks at the list
        self.apply_filters()
