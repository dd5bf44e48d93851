"""The Today screen (今日工作台): what needs the manager's hand today, with one-click actions.

Seven cards, each a short list (most urgent first) with the section's total: tasks
overdue and due today, customers overdue by their maintenance cadence, key dates and
festivals of the coming week with a draft greeting, complaints near or past their
24-hour response deadline, contracts up for renewal, customers near or over their credit limit and silent
customers to win back.
Every row offers what a manager does next — log the contact, snooze, mark done, open
the profile or the complaint — so the list empties as the day goes on. Complaints are
amber near and red past their response deadline (the profile's colours), red first;
"New complaint…" records one just received (pick the customer, then the dialog).

All figures come from :func:`kamdesk.store.today_queries.today_data` in one short read.
The screen re-reads when the tables it shows change; while hidden it only notes that
it is stale and re-reads when shown again, so a busy day of logging in other screens
costs nothing here. Two timers re-read without a change: when a snoozed item comes
back later today, and after midnight, when "today" itself moves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from kamdesk.domain.reminders import snooze_until
from kamdesk.store.ops import tasks as task_ops
from kamdesk.store.ops.cadence import snooze_cadence
from kamdesk.store.queries.today import CadenceDue, TodayData, today_data
from kamdesk.store.queries.listing import Listing
from kamdesk.store.queries.tasks import TODAY_COMMITMENTS
from kamdesk.store.queries.today_dates import key_dates_and_days
from kamdesk.ui import format as fmt
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.complaint_entry import ChooseCustomerDialog, show_complaint
from kamdesk.ui.icons import icon
from kamdesk.ui.ops import run_op
from kamdesk.ui.today.cards import FOLDED_ROWS, STYLE, TodayCard
from kamdesk.ui.today.key_dates_card import KeyDatesCard
from kamdesk.ui.today.rows import TodayRows

#: tables whose change can alter what Today shows
REFRESH_ON = frozenset({
    "tasks", "interactions", "customer_metrics", "customers", "people", "key_dates",
    "complaints", "contracts", "trades", "app_settings", "payments",
})


class TodayScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("todayScreen")
        self.setStyleSheet(STYLE)
        self.data: TodayData | None = None
        self._stale = True
        self._locale = QLocale(ctx.lang)
        self.rows = TodayRows(ctx, self, self)

        self.heading = QLabel(self.tr("Today"))
        self.heading.setProperty("role", "title")
        self.date_label = QLabel()
        self.date_label.setObjectName("todayDate")
        self.date_label.setProperty("role", "subtitle")
        self.summary = QLabel()
        self.summary.setObjectName("todaySummary")
        self.summary.setProperty("role", "subtitle")
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.heading)
        head.addWidget(self.date_label, 0, Qt.AlignmentFlag.AlignBottom)
        head.addStretch(1)
        head.addWidget(self.summary, 0, Qt.AlignmentFlag.AlignBottom)
        self.new_complaint_button = QPushButton(icon("warning"), self.tr("New complaint…"))
        self.new_complaint_button.setObjectName("newComplaintButton")
        self.new_complaint_button.setToolTip(self.tr(
            "Record a complaint you have just received; you own it until you hand it over"))
        self.new_complaint_button.clicked.connect(self.new_complaint)
        head.addWidget(self.new_complaint_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.complaint_dialog: QDialog | None = None

        # An undo strip for the last "done": a finished task vanishes from the list, and
        # a mis-click must be cheap to take back.
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("undoBar")
        self.undo_bar.setProperty("role", "card")
        ub = QHBoxLayout(self.undo_bar)
        ub.setContentsMargins(10, 4, 10, 4)
        self.undo_text = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self._undo)
        ub.addWidget(self.undo_text, 1)
        ub.addWidget(self.undo_button)
        self.undo_bar.hide()
        self._undo_task_id: int | None = None

        # The user's own commitments (typed-in tasks, next actions of logged contacts,
        # plan actions); generated reminders show in the cards of what they remind of.
        self.tasks_card = TodayCard("tasksCard", "task", self.tr("My tasks: overdue and today"),
                                self.tr("No tasks due today."))
        self.tasks_card.add_see_all(self.see_all_tasks, self.tr("See all"))
        self.cadence_card = TodayCard("cadenceCard", "bell", self.tr("Overdue for contact"),
                                  self.tr("Every customer is within their contact rhythm."))
        # Not a truncated list: the first rows here, all of them in the Customers list.
        self.cadence_card.add_more_link(self.see_all_cadence)
        self.complaints_card = TodayCard("complaintsCard", "warning",
                                     self.tr("Complaints to answer"),
                                     self.tr("No complaint is near its response deadline."))
        self.dates_card = KeyDatesCard(ctx, self.rows, self.refresh_key_dates)
        self.renewals_card = TodayCard("renewalsCard", "contract", self.tr("Contracts up for renewal"),
                                   self.tr("No contract is in its renewal window."))
        self.credit_card = TodayCard("creditCard", "warning",
                                     self.tr("Credit near or over the limit"),
                                     self.tr("Every customer is within their credit limit."))
        self.silent_card = TodayCard("silentCard", "phone", self.tr("Silent customers to win back"),
                                 self.tr("No silent customers."))

        canvas = QWidget()
        canvas.setObjectName("todayCanvas")
        columns = QHBoxLayout(canvas)
        columns.setContentsMargins(0, 0, 4, 0)
        columns.setSpacing(12)
        # Left: what must be acted on today, the 24-hour complaint promise before the
        # routine rhythm; right: what to prepare and cultivate.
        for cards in ((self.tasks_card, self.complaints_card, self.cadence_card),
                      (self.dates_card, self.renewals_card, self.credit_card,
                       self.silent_card)):
            col = QVBoxLayout()
            col.setSpacing(12)
            for card in cards:
                col.addWidget(card)
            col.addStretch(1)
            columns.addLayout(col, 1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("todayScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(canvas)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.scroll, 1)

        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        self._wake.timeout.connect(self.refresh)
        ctx.changed.connect(self._on_changed)
        self.refresh()

    # -- loading -----------------------------------------------------------------------
    def _on_changed(self, tables: frozenset[str]) -> None:
        if not tables & REFRESH_ON:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        now = self.ctx.clock.now()
        self.data = self.ctx.db.read(today_data, now, self.ctx.lang, self.dates_card.tiers())
        self._stale = False
        self._show(self.data)
        self._arm_timer(now)

    def _arm_timer(self, now: datetime) -> None:
        assert self.data is not None
        midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
        wake = min(self.data.wake_at or midnight, midnight) + timedelta(seconds=1)
        self._wake.start(max(1000, int((wake - now).total_seconds() * 1000)))

    def _show(self, d: TodayData) -> None:
        self.date_label.setText(self._locale.toString(
            QDate(d.now.year, d.now.month, d.now.day), QLocale.FormatType.LongFormat))
        overdue_tasks = sum(1 for t in d.tasks.rows if t.overdue)
        parts = [self.tr("%n task(s)", "", d.tasks.total),
                 self.tr("%n customer(s) to contact", "", d.cadence.total)]
        if d.complaints.total:
            parts.append(self.tr("%n complaint(s)", "", d.complaints.total))
        self.summary.setText("  ·  ".join(parts))
        rows = self.rows
        today = d.now.date()
        self.tasks_card.set_rows([lambda t=t: rows.task_row(t, today) for t in d.tasks.rows],
                                 d.tasks.total, urgent=overdue_tasks > 0)
        self.cadence_card.set_rows([lambda c=c: rows.cadence_row(c)
                                    for c in d.cadence.rows[:FOLDED_ROWS]], d.cadence.total)
        link = self.cadence_card.more_link
        assert link is not None
        link.setText(self.tr("See all %n in the Customers list", "", d.cadence.total))
        link.setVisible(d.cadence.total > FOLDED_ROWS)
        self.complaints_card.set_rows(
            [lambda c=c: rows.complaint_row(c) for c in d.complaints.rows],
            d.complaints.total, urgent=any(c.overdue for c in d.complaints.rows))
        self._show_key_dates(d)
        self.renewals_card.set_rows([lambda r=r: rows.renewal_row(r) for r in d.renewals.rows],
                                    d.renewals.total)
        self.silent_card.set_rows([lambda s=s: rows.silent_row(s) for s in d.silent.rows],
                                  d.silent.total)
        self.credit_card.set_rows([lambda c=c: rows.credit_row(c) for c in d.credit.rows],
                                  d.credit.total,
                                  urgent=any(c.level == "red" for c in d.credit.rows))

    def _show_key_dates(self, d: TodayData) -> None:
        self.dates_card.show_days(d.key_days, d.festivals, d.key_dates.total + len(d.festivals),
                                  d.now.date())

    def refresh_key_dates(self) -> None:
        """Re-read only the key dates (the card's tier filter changed)."""
        if self.data is None:
            return
        listing, days = self.ctx.db.read(key_dates_and_days, self.data.now.date(),
                                         self.ctx.lang, self.dates_card.tiers())
        self.data = replace(self.data, key_dates=listing, key_days=days)
        self._show_key_dates(self.data)

    def see_all_cadence(self) -> QWidget | None:
        """Open the Customers list filtered to exactly the customers the cadence card
        counts (the same condition at the same moment, so the same number)."""
        window = self.window()
        show, screen = getattr(window, "show_screen", None), getattr(window, "screen", None)
        if show is None or screen is None or not window.has_screen("customers"):  # type: ignore[attr-defined]
            return None
        show("customers")
        customers = screen("customers")
        customers.show_off_cadence(self.data.now if self.data else self.ctx.clock.now())
        return customers

    def see_all_tasks(self) -> QWidget | None:
        """Open the Tasks screen with the card's own filter (the same count)."""
        window = self.window()
        show, screen = getattr(window, "show_screen", None), getattr(window, "screen", None)
        if show is None or screen is None or not window.has_screen("tasks"):  # type: ignore[attr-defined]
            return None
        show("tasks")
        tasks = screen("tasks")
        tasks.show_query(TODAY_COMMITMENTS)
        return tasks

    def listing(self, section: str) -> Listing:  # type: ignore[type-arg]
        """The rows behind a card ('tasks', 'cadence', 'key_dates', …)."""
        assert self.data is not None
        return getattr(self.data, section)

    # -- actions -----------------------------------------------------------------------------
    def copy_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.ctx.status.emit(self.tr("Greeting copied. Paste it into WeChat or an email."))

    def snooze_task(self, task_id: int, kind: str) -> None:
        until = snooze_until(kind, self.ctx.clock.now())  # type: ignore[arg-type]
        if run_op(self.ctx, task_ops.snooze_task, task_id, until, initiator=self) is None:
            return
        self.ctx.status.emit(self.tr("Snoozed until %1.").replace("%1", fmt.moment(until)))

    def snooze_cadence(self, row: CadenceDue, kind: str) -> None:
        now = self.ctx.clock.now()
        if kind == "week":
            until = snooze_until("custom", now, timedelta(days=7)).replace(
                hour=9, minute=0, second=0, microsecond=0)
        else:
            until = snooze_until(kind, now)  # type: ignore[arg-type]
        # The snooze stores the touch's action code; its title is rendered when shown.
        if run_op(self.ctx, snooze_cadence, row.customer_id, until, row.due_action, now,
                  initiator=self) is None:
            return
        self.ctx.status.emit(self.tr("%1 is off Today until %2.").replace(
            "%1", row.name).replace("%2", fmt.moment(until)))

    def complete_task(self, task_id: int, title: str) -> None:
        self._undo_task_id = None
        if run_op(self.ctx, task_ops.complete_task, task_id, self.ctx.clock.now(),
                  initiator=self) is None:
            return
        self._undo_task_id = task_id
        self.undo_text.setText(self.tr("Done: %1").replace("%1", title))
        self.undo_bar.show()

    def new_complaint(self) -> ChooseCustomerDialog:
        """Pick the customer, then the complaint dialog (owner: the signed-in user)."""
        chooser = ChooseCustomerDialog(self.ctx, self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.accepted.connect(lambda: self._keep(show_complaint(
            self.ctx, chooser.customer_id() or 0, parent=self)))
        self.complaint_dialog = chooser
        chooser.open()
        return chooser

    def open_complaint(self, customer_id: int, complaint_id: int) -> None:
        self._keep(show_complaint(self.ctx, customer_id, complaint_id, parent=self))

    def _keep(self, dialog: QDialog) -> None:
        self.complaint_dialog = dialog

    def _undo(self) -> None:
        if self._undo_task_id is None:
            return
        if run_op(self.ctx, task_ops.reopen_task, self._undo_task_id, initiator=self) is None:
            return
        self._undo_task_id = None
        self.undo_bar.hide()
