"""Follow-ups for this customer: open ones first (overdue in red), done ones after,
so a promise made in a meeting is never lost in the history."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.queries.profile import TaskRow, tasks
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import run_op
from kamdesk.ui.profile.base import ProfileTab
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row


class TasksTab(ProfileTab):
    TABLES = frozenset({"tasks"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("tasksTab")
        self._rows: list[TaskRow] = []

        def colour(t: TaskRow) -> str | None:
            if t.is_done:
                return "#9e9e9e"
            return "#c62828" if t.overdue_days(self.now()) else None

        def state(t: TaskRow) -> str:
            if t.is_done:
                return self.tr("Done")
            late = t.overdue_days(self.now())
            return self.tr("%n day(s) overdue", "", late) if late else self.tr("Open")

        self.model = RowsModel([
            Column(self.tr("Status"), state, colour=colour, width=110),
            Column(self.tr("Due"), lambda t: fmt.moment(t.due_at), sort_key=lambda t: t.due_at,
                   colour=colour, width=130),
            Column(self.tr("Task"), lambda t: t.title, colour=colour, width=280),
            Column(self.tr("Kind"), lambda t: labels.task_kind(t.kind), colour=colour, width=60),
            Column(self.tr("Priority"), lambda t: labels.priority(t.priority),
                   sort_key=lambda t: t.priority, colour=colour, width=70),
            Column(self.tr("Person"), lambda t: t.person_name or "", colour=colour, width=90),
            Column(self.tr("Owner"), lambda t: t.owner or "", colour=colour, width=80),
            Column(self.tr("From"), lambda t: labels.task_source(t.source), colour=colour,
                   width=110),
            Column(self.tr("Done on"), lambda t: fmt.moment(t.done_at),
                   sort_key=lambda t: t.done_at, colour=colour),
        ], self)
        self.table = make_table("profileTasks", self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.toggle_done())

        self.count_label = QLabel()
        self.count_label.setObjectName("tasksCount")
        self.show_done = QCheckBox(self.tr("Show done"))
        self.show_done.setObjectName("showDoneTasks")
        self.show_done.setChecked(True)
        self.show_done.toggled.connect(lambda _on: self._fill())
        self.done_button = QPushButton(icon("done"), self.tr("Mark done"))
        self.done_button.setObjectName("markDoneButton")
        self.done_button.clicked.connect(self.mark_done)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.clicked.connect(self.reopen)
        bar = QHBoxLayout()
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.show_done)
        bar.addWidget(self.done_button)
        bar.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def clear(self) -> None:
        self._rows = []
        self.model.set_rows([])

    def refresh(self) -> None:
        assert self.customer_id is not None
        self._rows = self.ctx.db.read(tasks, self.customer_id)
        self._fill()

    def _fill(self) -> None:
        keep = selected_row(self.table)
        rows = self._rows if self.show_done.isChecked() else [
            t for t in self._rows if not t.is_done]
        self.model.set_rows(rows)
        now = self.now()
        open_ = [t for t in self._rows if not t.is_done]
        late = sum(1 for t in open_ if t.overdue_days(now))
        text = self.tr("%n open task(s)", "", len(open_))
        if late:
            text += " · <span style='color:#c62828'>" + self.tr("%n overdue", "", late) + "</span>"
        self.count_label.setText(text)
        if keep is not None:
            for i, t in enumerate(self.model.rows()):
                if t.id == keep.id:
                    self.table.selectRow(i)
                    break
        self._update_buttons()

    def _update_buttons(self) -> None:
        t = selected_row(self.table)
        self.done_button.setEnabled(t is not None and not t.is_done)
        self.reopen_button.setEnabled(t is not None and t.is_done)

    def toggle_done(self) -> None:
        t = selected_row(self.table)
        if t is not None:
            self.reopen() if t.is_done else self.mark_done()

    def mark_done(self) -> None:
        t = selected_row(self.table)
        if t is None or t.is_done:
            return
        if run_op(self.ctx, task_ops.complete_task, t.id, self.now(), initiator=self) is None:
            return
        self.ctx.status.emit(self.tr("Done: %1").replace("%1", t.title))

    def reopen(self) -> None:
        t = selected_row(self.table)
        if t is None or not t.is_done:
            return
        if run_op(self.ctx, task_ops.reopen_task, t.id, initiator=self) is None:
            return
        self.ctx.status.emit(self.tr("Reopened: %1").replace("%1", t.title))
