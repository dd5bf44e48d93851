"""The Events screen (客户活动, the method's 表3): the events, newest first, with how
many were invited and came; and the chosen event's invitations, where attendance is
marked — the participation rate (活动参与率) on Reports is attended over invited.

Deleting an event asks first and can be undone at once (Ctrl+Z or Undo), like the
contact log. "Create follow-up tasks" turns the follow-up plan into one task per
invited customer, due a week from today.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kamdesk.store.ops import Changes
from kamdesk.store.ops.events import (
    create_follow_up_tasks,
    delete_event,
    mark_attendance,
    remove_invitations,
    restore_event,
)
from kamdesk.store.queries.events import EventDetail, EventRow, event_detail, list_events
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.event_dialog import EventDialog
from kamdesk.ui.dialogs.invite_dialog import InviteDialog
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import run_op

REFRESH_ON = {"events", "event_attendance", "customers", "people"}
ID_ROLE = Qt.ItemDataRole.UserRole
FOLLOW_UP_DAYS = 7


def _table(headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setObjectName(name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class EventsScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventsScreen")
        self.ctx = ctx
        self.rows: list[EventRow] = []
        self.detail: EventDetail | None = None
        self._undo: list[dict[str, Any]] = []

        self.search = QLineEdit()
        self.search.setObjectName("eventsSearch")
        self.search.setPlaceholderText(self.tr("Search events…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.table = _table([self.tr("Date"), self.tr("Event"), self.tr("Kind"),
                             self.tr("Invited"), self.tr("Attended"), self.tr("Target"),
                             self.tr("Satisfaction")], "eventsTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.new_btn = QPushButton(icon("event"), self.tr("New event"))
        self.new_btn.setObjectName("eventsNew")
        self.new_btn.clicked.connect(self.new_event)
        self.edit_btn = QPushButton(icon("edit"), self.tr("Edit"))
        self.edit_btn.clicked.connect(self.edit_selected)
        self.delete_btn = QPushButton(icon("delete"), self.tr("Delete"))
        self.delete_btn.clicked.connect(self.delete_selected)
        self.undo_btn = QPushButton(icon("undo"), self.tr("Undo"))
        self.undo_btn.setToolTip(self.tr("Bring back what was just deleted (Ctrl+Z)"))
        self.undo_btn.clicked.connect(self.undo)

        self.summary = QLabel()
        self.summary.setObjectName("eventSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invitations = _table([self.tr("Code"), self.tr("Customer"), self.tr("Person"),
                                   self.tr("Took part")], "eventInvitations")
        self.invite_btn = QPushButton(self.tr("Invite…"))
        self.invite_btn.setObjectName("eventInvite")
        self.invite_btn.clicked.connect(self.invite)
        self.attended_btn = QPushButton(icon("done"), self.tr("Mark attended"))
        self.attended_btn.clicked.connect(lambda: self.mark(True))
        self.absent_btn = QPushButton(self.tr("Did not attend"))
        self.absent_btn.clicked.connect(lambda: self.mark(False))
        self.remove_btn = QPushButton(self.tr("Withdraw invitation"))
        self.remove_btn.clicked.connect(self.remove_selected_invitations)
        self.tasks_btn = QPushButton(icon("task"), self.tr("Create follow-up tasks"))
        self.tasks_btn.setObjectName("eventTasks")
        self.tasks_btn.clicked.connect(self.create_tasks)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.table, 1)
        lb = QHBoxLayout()
        for b in (self.new_btn, self.edit_btn, self.delete_btn, self.undo_btn):
            lb.addWidget(b)
        lb.addStretch(1)
        lv.addLayout(lb)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.summary)
        rv.addWidget(self.invitations, 1)
        rb = QHBoxLayout()
        for b in (self.invite_btn, self.attended_btn, self.absent_btn, self.remove_btn):
            rb.addWidget(b)
        rb.addStretch(1)
        rv.addLayout(rb)
        rv.addWidget(self.tasks_btn, 0, Qt.AlignmentFlag.AlignLeft)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(split)
        sc = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        sc.activated.connect(self.undo)
        sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.invitations.itemSelectionChanged.connect(self._update_buttons)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    # -- reading ------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        keep = self.current_event_id()
        self.rows = self.ctx.db.read(list_events, self.search.text())
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        lang = self.ctx.lang
        for i, e in enumerate(self.rows):
            sat = "" if e.satisfaction is None else f"{float(e.satisfaction):.1f}"
            cells = [fmt.day(e.held_on), e.name, labels.word("event_kind", e.kind),
                     str(e.invited), str(e.attended),
                     "" if e.target_participants is None else str(e.target_participants), sat]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, e.id)
                if e.budget_cents is not None:
                    item.setToolTip(self.tr("Budget: %1").replace(
                        "%1", fmt.money(e.budget_cents, lang)))
                self.table.setItem(i, c, item)
        self.table.blockSignals(False)
        row = next((i for i, e in enumerate(self.rows) if e.id == keep), 0 if self.rows else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._show_selected()

    def current_event_id(self) -> int | None:
        items = self.table.selectedItems()
        return int(items[0].data(ID_ROLE)) if items else None

    def current_event(self) -> EventRow | None:
        eid = self.current_event_id()
        return next((e for e in self.rows if e.id == eid), None)

    def _show_selected(self) -> None:
        eid = self.current_event_id()
        self.detail = self.ctx.db.read(event_detail, eid) if eid else None
        d = self.detail
        self.invitations.setRowCount(0 if d is None else len(d.invitations))
        if d is None and not self.rows and not self.search.text().strip():
            # A new book: say what the screen is for rather than "No event chosen."
            self.summary.setText(self.tr(
                "No events yet. Record a customer salon, a training or an open day with "
                "“New event”, then invite customers and mark who came; follow-up tasks "
                "and the satisfaction score come from there."))
        elif d is None and not self.rows:
            self.summary.setText(self.tr("No events match “%1”.").replace(
                "%1", html.escape(self.search.text().strip())))
        elif d is None:
            self.summary.setText(self.tr("No event chosen."))
        else:
            e = d.event
            parts = [f"<b>{e.name}</b> · {fmt.day(e.held_on)}",
                     labels.word("event_kind", e.kind)]
            if e.location:
                parts.append(e.location)
            if e.budget_cents is not None:
                parts.append(self.tr("Budget: %1").replace(
                    "%1", fmt.money(e.budget_cents, self.ctx.lang)))
            text = " · ".join(parts)
            if e.follow_up_plan:
                text += "<br>" + self.tr("Follow-up plan: %1").replace("%1", e.follow_up_plan)
            self.summary.setText(text)
            for i, inv in enumerate(d.invitations):
                cells = [inv.customer_code, inv.customer_name, inv.person_name or "",
                         self.tr("Yes") if inv.attended else self.tr("No")]
                for c, t in enumerate(cells):
                    item = QTableWidgetItem(t)
                    item.setData(ID_ROLE, inv.id)
                    self.invitations.setItem(i, c, item)
        self._update_buttons()

    def selected_invitation_ids(self) -> list[int]:
        items = {i.row(): i for i in self.invitations.selectedItems()}
        return [int(items[r].data(ID_ROLE)) for r in sorted(items)]

    def _update_buttons(self) -> None:
        has_event = self.detail is not None
        has_inv = bool(self.invitations.selectedItems())
        for b in (self.edit_btn, self.delete_btn, self.invite_btn):
            b.setEnabled(has_event)
        for b in (self.attended_btn, self.absent_btn, self.remove_btn):
            b.setEnabled(has_inv)
        self.tasks_btn.setEnabled(bool(self.detail and self.detail.invitations))
        self.undo_btn.setEnabled(bool(self._undo))

    # -- writing ------------------------------------------------------------------------
    def _run(self, op: Callable[..., Changes], *args: Any, **kw: Any) -> Changes | None:
        return run_op(self.ctx, op, *args, initiator=self, **kw)

    def new_event(self) -> EventDialog:
        dlg = EventDialog(self.ctx, None, self)
        dlg.open()
        return dlg

    def edit_selected(self) -> EventDialog | None:
        event = self.current_event()
        if event is None:
            return None
        dlg = EventDialog(self.ctx, event, self)
        dlg.open()
        return dlg

    def delete_selected(self) -> None:
        event = self.current_event()
        if event is None:
            return
        question = self.tr("Delete the event “%1” and its invitations?").replace(
            "%1", event.name) + "\n" + self.tr("You can undo this with Ctrl+Z.")
        if QMessageBox.question(self, self.tr("Delete event"),
                                question) != QMessageBox.StandardButton.Yes:
            return
        done = self._run(delete_event, event.id, expected_version=event.version)
        if done is None:
            return
        self._undo.append(done.value)
        self.refresh()
        self.ctx.status.emit(self.tr("Event deleted. Undo with Ctrl+Z."))

    def undo(self) -> None:
        if not self._undo:
            return
        snap = self._undo.pop()
        if self._run(restore_event, snap) is not None:
            self.ctx.status.emit(self.tr("Event restored."))
        self.refresh()

    def invite(self) -> InviteDialog | None:
        if self.detail is None:
            return None
        dlg = InviteDialog(self.ctx, self.detail.event.id, self)
        dlg.open()
        return dlg

    def mark(self, attended: bool) -> None:
        ids = self.selected_invitation_ids()
        if ids:
            self._run(mark_attendance, ids, attended)
            self.refresh()

    def remove_selected_invitations(self) -> None:
        ids = self.selected_invitation_ids()
        if ids:
            self._run(remove_invitations, ids)
            self.refresh()

    def create_tasks(self) -> None:
        if self.detail is None:
            return
        due = self.ctx.clock.today() + timedelta(days=FOLLOW_UP_DAYS)
        done = self._run(create_follow_up_tasks, self.detail.event.id, due,
                         now=self.ctx.clock.now())
        if done is not None:
            self.ctx.status.emit(self.tr("%n follow-up task(s) created, due %1", "",
                                         len(done.value)).replace("%1", fmt.day(due)))

    def _on_changed(self, tables: frozenset[str]) -> None:
        if not tables & REFRESH_ON:
            return
        if tables & {"events", "event_attendance"} and getattr(
                tables, "initiator", None) is not self:
            self._undo.clear()  # restored ids may be taken by someone else's write
        self.refresh()
