"""The Tasks screen (任务清单): every task, with the filters a manager triages by and
bulk actions for a multi-selection.

Today shows only the top of the user's own commitments; its "See all" opens this screen
with the same filter (:data:`kamdesk.store.queries.tasks.TODAY_COMMITMENTS`), so the
number on Today's badge is the number of rows here. Filters: state (open / snoozed /
done / all), due (overdue / today / this week / later / no date), customer text, kind,
source and owner. A multi-selection can be marked done (undo at once, Ctrl+Z or the
Undo button, since a finished task vanishes from an open list), snoozed by a preset or
given to another owner — each through one op in :mod:`kamdesk.store.ops.tasks`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit,
    QMenu, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from kamdesk.domain.reminders import snooze_until
from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.queries.tasks import (
    DUE_BUCKETS, TASK_STATES, TODAY_COMMITMENTS, TaskQuery, task_owners,
)
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op
from kamdesk.ui.paged_model import CUSTOMER_ID_ROLE
from kamdesk.ui.tasks.model import COL, TaskTableModel

REFRESH_ON = frozenset({"tasks", "customers"})
COLUMN_WIDTHS = {"title": 300, "customer": 200, "due": 130, "kind": 70, "source": 90,
                 "owner": 80}


class TasksScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("tasksScreen")
        self.model = TaskTableModel(ctx, self)
        #: each entry: the ids one bulk "Done" finished (what Undo reopens)
        self._undo: list[tuple[int, ...]] = []
        self._stale = False

        title = QLabel(self.tr("Tasks"))
        title.setProperty("role", "title")
        self.state = QComboBox()
        self.state.setObjectName("taskStateFilter")
        self.state.setAccessibleName(self.tr("State"))
        for code, text in zip(TASK_STATES, (self.tr("Open"), self.tr("Snoozed"), self.tr("Done"),
                                            self.tr("All")), strict=True):
            self.state.addItem(text, code)
        self.due = QComboBox()
        self.due.setObjectName("taskDueFilter")
        self.due.setAccessibleName(self.tr("Due"))
        for code, text in zip(DUE_BUCKETS, (
                self.tr("Any time"), self.tr("Overdue and today"), self.tr("Overdue"),
                self.tr("Today"), self.tr("This week"), self.tr("Later"), self.tr("No date")),
                strict=True):
            self.due.addItem(text, code)
        self.customer = QLineEdit()
        self.customer.setObjectName("taskCustomerFilter")
        self.customer.setPlaceholderText(self.tr("Customer…"))
        self.customer.setAccessibleName(self.tr("Customer"))
        self.customer.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setObjectName("taskKindFilter")
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.addItem(self.tr("Any kind"), ())
        for code, word in labels.choices("task_kind").items():
            self.kind.addItem(word, (code,))
        self.source = QComboBox()
        self.source.setObjectName("taskSourceFilter")
        self.source.setAccessibleName(self.tr("Source"))
        self.source.addItem(self.tr("Any source"), ())
        self.source.addItem(self.tr("My commitments"), TODAY_COMMITMENTS.sources)
        for code, word in labels.choices("task_source").items():
            if code != "cadence":  # a cadence snooze is Today's bookkeeping, not a task
                self.source.addItem(word, (code,))
        self.owner = QComboBox()
        self.owner.setObjectName("taskOwnerFilter")
        self.owner.setAccessibleName(self.tr("Owner"))
        self._fill_owners()
        for combo in (self.state, self.due, self.kind, self.source, self.owner):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.customer.textChanged.connect(self.apply_filters)

        filters = QHBoxLayout()
        filters.addWidget(title)
        filters.addSpacing(12)
        for w in (self.state, self.due, self.customer, self.kind, self.source, self.owner):
            filters.addWidget(w)
        filters.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("taskCount")
        filters.addWidget(self.count_label)

        self.table = QTableView()
        self.table.setObjectName("tasksTable")
        self.table.setAccessibleName(self.tr("Tasks"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for key, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(COL[key], width)
        self.table.doubleClicked.connect(self._open_customer)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setObjectName("bulkDoneButton")
        self.done_button.clicked.connect(self.mark_done)
        self.snooze_button = QPushButton(self.tr("Snooze ▾"))
        self.snooze_button.setObjectName("bulkSnoozeButton")
        menu = QMenu(self.snooze_button)
        menu.setObjectName("bulkSnoozeMenu")
        for kind, text in (("1h", self.tr("1 hour")), ("tomorrow", self.tr("Tomorrow 9:00")),
                           ("week", self.tr("One week"))):
            act = menu.addAction(text)
            act.setData(kind)
            act.triggered.connect(lambda _c=False, k=kind: self.snooze(k))
        self.snooze_button.setMenu(menu)
        self.reassign_button = QPushButton(self.tr("Reassign…"))
        self.reassign_button.setObjectName("bulkReassignButton")
        self.reassign_button.clicked.connect(self._ask_reassign)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("tasksUndoButton")
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.setEnabled(False)
        self.selected_label = QLabel()
        actions = QHBoxLayout()
        for w in (self.done_button, self.snooze_button, self.reassign_button, self.undo_button):
            actions.addWidget(w)
        actions.addWidget(self.selected_label)
        actions.addStretch(1)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.empty_label = QLabel()
        self.empty_label.setObjectName("tasksEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "subtitle")
        self.empty_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addLayout(actions)
        self._unfiltered = self.query()  # what the filters say before anyone touches them
        ctx.changed.connect(self._on_changed)
        self.apply_filters()

    # -- filters -----------------------------------------------------------------------
    def _fill_owners(self) -> None:
        current = self.owner.currentData() if self.owner.count() else None
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Anyone"), None)
        self.owner.addItem(self.tr("Nobody assigned"), "")
        for name in self.ctx.db.read(task_owners):
            self.owner.addItem(name, name)
        i = self.owner.findData(current)
        self.owner.setCurrentIndex(max(0, i))
        self.owner.blockSignals(False)

    def query(self) -> TaskQuery:
        return TaskQuery(state=self.state.currentData(), due=self.due.currentData(),
                         customer_text=self.customer.text(), kinds=self.kind.currentData(),
                         sources=self.source.currentData(), owner=self.owner.currentData())

    def apply_filters(self) -> None:
        self.model.set_query(self.query())
        self._update_labels()

    def show_query(self, query: TaskQuery) -> None:
        """Set the filter widgets to ``query`` (Today's "See all") and list it."""
        widgets = ((self.state, query.state), (self.due, query.due),
                   (self.kind, query.kinds), (self.source, query.sources))
        for combo, value in widgets:
            combo.blockSignals(True)
            i = combo.findData(value)
            if i < 0:
                combo.addItem(", ".join(value) if isinstance(value, tuple) else str(value),
                              value)
                i = combo.count() - 1
            combo.setCurrentIndex(i)
            combo.blockSignals(False)
        self.customer.blockSignals(True)
        self.customer.setText(query.customer_text)
        self.customer.blockSignals(False)
        self.owner.setCurrentIndex(max(0, self.owner.findData(query.owner)))
        self.model.set_query(replace(self.query(), customer_id=query.customer_id))
        self._update_labels()

    def _update_labels(self) -> None:
        rows = self.model.rowCount()
        self.count_label.setText(self.tr("%n task(s)", "", rows))
        if rows:
            self.empty_label.setText("")
        elif self.model.query != self._unfiltered:
            self.empty_label.setText(self.tr("No tasks match these filters."))
        else:
            self.empty_label.setText(self.tr(
                "No open tasks. A next action written in Log contact, a key date's "
                "reminder or a plan's action becomes a task here; add your own in the "
                "Calendar (New task…)."))
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self._selection_changed()

    # -- selection and actions ---------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [tid for r in rows if (tid := self.model.task_id(r)) is not None]

    def _selection_changed(self, *_args: object) -> None:
        n = len(self.table.selectionModel().selectedRows())
        for b in (self.done_button, self.snooze_button, self.reassign_button):
            b.setEnabled(n > 0)
        self.selected_label.setText(self.tr("%n selected", "", n) if n else "")

    def mark_done(self) -> None:
        ids = self.selected_ids()
        changes = run_op(self.ctx, task_ops.complete_tasks, ids, self.ctx.clock.now(),
                         initiator=self)
        if changes is None:
            return
        if changes.value:
            self._undo.append(tuple(changes.value))
        self.undo_button.setEnabled(bool(self._undo))
        self.ctx.status.emit(self.tr("%n task(s) done.", "", len(changes.value or ())))
        self.apply_filters()

    def undo(self) -> None:
        if not self._undo:
            return
        ids = self._undo.pop()
        if run_op(self.ctx, task_ops.reopen_tasks, ids, initiator=self) is None:
            self._undo.append(ids)
            return
        self.undo_button.setEnabled(bool(self._undo))
        self.apply_filters()

    def snooze(self, kind: str) -> None:
        now = self.ctx.clock.now()
        if kind == "week":
            until = (now + timedelta(days=7)).replace(hour=9, minute=0, second=0, microsecond=0)
        else:
            until = snooze_until(kind, now)  # type: ignore[arg-type]
        if run_op(self.ctx, task_ops.snooze_tasks, self.selected_ids(), until,
                  initiator=self) is not None:
            self.apply_filters()

    def _ask_reassign(self) -> None:
        names = [self.owner.itemText(i) for i in range(2, self.owner.count())]
        name, ok = QInputDialog.getItem(self, self.tr("Reassign"), self.tr("New owner:"),
                                        names or [self.ctx.owner_name()], 0, True)
        if ok:
            self.reassign(name)

    def reassign(self, owner: str | None) -> None:
        if run_op(self.ctx, task_ops.reassign_tasks, self.selected_ids(), owner,
                  initiator=self) is not None:
            self._fill_owners()
            self.apply_filters()

    def _open_customer(self, index: object) -> None:
        cid = index.data(CUSTOMER_ID_ROLE) if hasattr(index, "data") else None
        if cid:
            self.ctx.open_customer.emit(int(cid))

    # -- refresh -----------------------------------------------------------------------
    def _on_changed(self, tables: frozenset[str]) -> None:
        if getattr(tables, "initiator", None) is self or not tables & REFRESH_ON:
            return
        if self.isVisible():
            self.apply_filters()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.apply_filters()
