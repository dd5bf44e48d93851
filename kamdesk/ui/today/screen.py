"""The Today screen (今日工作台): what needs the manager's hand today, with one-click actions.

Six cards, each a short list (most urgent first) with the section's total: tasks
overdue and due today, customers overdue by their maintenance cadence, key dates and
festivals of the coming week with a draft greeting, complaints near or past their
24-hour response deadline, contracts up for renewal and silent customers to win back.
Every row offers what a manager does next — log the contact, snooze, mark done, open
the profile — so the list empties as the day goes on.

All figures come from :func:`kamdesk.store.today_queries.today_data` in one short read.
The screen re-reads when the tables it shows change; while hidden it only notes that
it is stale and re-reads when shown again, so a busy day of logging in other screens
costs nothing here. Two timers re-read without a change: when a snoozed item comes
back later today, and after midnight, when "today" itself moves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QScrollArea, QSizePolicy, QToolButton,
    QVBoxLayout, QWidget,
)

from kamdesk.domain.cadence import action_label
from kamdesk.domain.reminders import snooze_until
from kamdesk.store import tasks as task_ops
from kamdesk.store.today_queries import (
    CadenceDue, ComplaintDue, DueTask, FestivalDue, KeyDateDue, Listing, RenewalDue,
    SilentCustomer, TodayData, snooze_cadence, today_data,
)
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon

#: tables whose change can alter what Today shows
REFRESH_ON = frozenset({
    "tasks", "interactions", "customer_metrics", "customers", "people", "key_dates",
    "complaints", "contracts", "trades", "app_settings",
})
#: rows shown per card before "Show all"
FOLDED_ROWS = 5
RED = "#c62828"
AMBER = "#ef6c00"
TIER_COLOURS = {"A": "#c62828", "B": "#ef6c00", "C": "#607d8b"}

STYLE = """
QWidget#todayCanvas { background: transparent; }
QFrame[role="todayRow"] { border-top: 1px solid rgba(128,128,128,45); }
QFrame[role="todayRow"]:hover { background: rgba(128,128,128,22); }
QLabel[role="rowTitle"] { font-weight: 600; }
QLabel[role="rowDetail"] { color: palette(placeholder-text); }
QLabel[role="greeting"] { color: palette(text); font-style: italic; }
QLabel[role="cardTitle"] { font-size: 11.5pt; font-weight: 600; }
QLabel[role="count"] { border-radius: 9px; padding: 1px 8px; font-weight: 600;
                       background: rgba(128,128,128,50); }
QLabel[role="count"][urgent="true"] { background: #c62828; color: white; }
QLabel[role="empty"] { color: palette(placeholder-text); padding: 6px 2px; }
QToolButton[role="rowAction"] { border: none; padding: 3px; border-radius: 4px; }
QToolButton[role="rowAction"]:hover { background: rgba(128,128,128,50); }
QToolButton[role="rowAction"]::menu-indicator { image: none; width: 0; }
QPushButton[role="link"] { border: none; color: palette(link); padding: 2px 0;
                           text-align: left; min-height: 0; }
QPushButton[role="link"]:hover { text-decoration: underline; }
"""


def _tier_html(code: str) -> str:
    colour = TIER_COLOURS.get(code, TIER_COLOURS["C"])
    return f'<span style="color:{colour}; font-weight:600">{labels.value_tier(code)}</span>'


def _esc(text: str | None) -> str:
    from html import escape

    return escape(text or "")


class _ElidedLabel(QLabel):
    """One line of plain text cut with "…" to the width it gets; the whole text stays
    in :meth:`full_text` (and the tooltip), so a long greeting never pushes the row."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = text
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                                   max(0, self.width())))


class _Row(QFrame):
    """One line of a card: a bold title, a grey detail line, optional greeting, actions.

    Double-click opens the customer, the most common "tell me more"."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None, *,
                 on_open: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "todayRow")
        self._on_open = on_open
        outer = QHBoxLayout(self)
        outer.setContentsMargins(8, 6, 4, 6)
        outer.setSpacing(6)
        text = QVBoxLayout()
        text.setSpacing(1)
        self.title = QLabel(title)
        self.title.setProperty("role", "rowTitle")
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.detail = QLabel(detail)
        self.detail.setProperty("role", "rowDetail")
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        self.text_box = text
        outer.addLayout(text, 1)
        self.actions = QHBoxLayout()
        self.actions.setSpacing(0)
        outer.addLayout(self.actions)

    def add_greeting(self, greeting: str) -> QLabel:
        label = _ElidedLabel(greeting)
        label.setProperty("role", "greeting")
        label.setObjectName("greeting")
        label.setToolTip(greeting)
        self.text_box.addWidget(label)
        return label

    def add_action(self, name: str, icon_name: str, tooltip: str,
                   slot: Callable[[], None] | None = None, *, text: str = "",
                   menu: QMenu | None = None, enabled: bool = True) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setProperty("role", "rowAction")
        button.setAutoRaise(True)
        if icon_name:
            button.setIcon(icon(icon_name))
        if text:
            button.setText(text)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                                      if icon_name else Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setToolTip(tooltip)
        button.setAccessibleName(tooltip)
        button.setEnabled(enabled)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if menu is not None:
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        elif slot is not None:
            button.clicked.connect(slot)
        self.actions.addWidget(button)
        return button

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._on_open is not None:
            self._on_open()
        super().mouseDoubleClickEvent(event)


class _Card(QFrame):
    """A titled list with a count; folds to :data:`FOLDED_ROWS` rows until expanded.

    Rows are built lazily from factories, so a refresh builds only what is visible."""

    def __init__(self, name: str, icon_name: str, title: str, empty_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "card")
        self._empty_text = empty_text
        self._expanded = False
        self._factories: list[Callable[[], QWidget]] = []
        self._more = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        head.setSpacing(8)
        pic = QLabel()
        pic.setPixmap(icon(icon_name).pixmap(20, 20))
        self.title = QLabel(title)
        self.title.setProperty("role", "cardTitle")
        self.count = QLabel("0")
        self.count.setObjectName("count")
        self.count.setProperty("role", "count")
        head.addWidget(pic)
        head.addWidget(self.title)
        head.addWidget(self.count)
        head.addStretch(1)
        self.head = head
        layout.addLayout(head)
        self.body = QVBoxLayout()
        self.body.setSpacing(0)
        layout.addLayout(self.body)
        self.toggle = QPushButton()
        self.toggle.setObjectName("showAll")
        self.toggle.setProperty("role", "link")
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.setFlat(True)
        self.toggle.clicked.connect(self._toggle)
        self.toggle.hide()
        self.more_label = QLabel()
        self.more_label.setProperty("role", "rowDetail")
        self.more_label.hide()
        foot = QHBoxLayout()
        foot.addWidget(self.toggle)
        foot.addStretch(1)
        foot.addWidget(self.more_label)
        layout.addLayout(foot)

    def set_rows(self, factories: list[Callable[[], QWidget]], total: int,
                 urgent: bool = False) -> None:
        self._factories = factories
        self._more = max(0, total - len(factories))
        self.count.setText(str(total))
        self.count.setProperty("urgent", "true" if urgent and total else "false")
        self.count.style().unpolish(self.count)
        self.count.style().polish(self.count)
        self._rebuild()

    def rows(self) -> list[QWidget]:
        return [self.body.itemAt(i).widget() for i in range(self.body.count())
                if isinstance(self.body.itemAt(i).widget(), _Row)]

    def _rebuild(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        shown = self._factories if self._expanded else self._factories[:FOLDED_ROWS]
        if not shown:
            empty = QLabel(self._empty_text)
            empty.setProperty("role", "empty")
            empty.setObjectName("emptyText")
            empty.setWordWrap(True)
            self.body.addWidget(empty)
        for make in shown:
            self.body.addWidget(make())
        hidden = len(self._factories) - FOLDED_ROWS
        self.toggle.setVisible(hidden > 0)
        self.toggle.setText(self.tr("Show fewer") if self._expanded
                            else self.tr("Show %n more", "", hidden))
        self.more_label.setVisible(self._more > 0 and (self._expanded or hidden <= 0))
        self.more_label.setText(self.tr("and %n more", "", self._more))

    def _toggle(self) -> None:
        self._expanded = not self._expanded
        self._rebuild()


class TodayScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("todayScreen")
        self.setStyleSheet(STYLE)
        self.data: TodayData | None = None
        self._stale = True
        self._locale = QLocale(ctx.lang)

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

        self.tasks_card = _Card("tasksCard", "task", self.tr("Tasks overdue and due today"),
                                self.tr("No tasks due today."))
        self.cadence_card = _Card("cadenceCard", "bell", self.tr("Overdue for contact"),
                                  self.tr("Every customer is within their contact rhythm."))
        self.complaints_card = _Card("complaintsCard", "warning",
                                     self.tr("Complaints to answer"),
                                     self.tr("No complaint is near its response deadline."))
        self.dates_card = _Card("keyDatesCard", "gift", self.tr("Key dates in the next 7 days"),
                                self.tr("No birthdays, anniversaries or festivals this week."))
        self.renewals_card = _Card("renewalsCard", "contract", self.tr("Contracts up for renewal"),
                                   self.tr("No contract is in its renewal window."))
        self.silent_card = _Card("silentCard", "phone", self.tr("Silent customers to win back"),
                                 self.tr("No silent customers."))

        canvas = QWidget()
        canvas.setObjectName("todayCanvas")
        columns = QHBoxLayout(canvas)
        columns.setContentsMargins(0, 0, 4, 0)
        columns.setSpacing(12)
        # Left: what must be acted on today, the 24-hour complaint promise before the
        # routine rhythm; right: what to prepare and cultivate.
        for cards in ((self.tasks_card, self.complaints_card, self.cadence_card),
                      (self.dates_card, self.renewals_card, self.silent_card)):
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
        with self.ctx.db.engine.connect() as conn:
            self.data = today_data(conn, now, self.ctx.lang)
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
        self.tasks_card.set_rows([lambda t=t: self._task_row(t) for t in d.tasks.rows],
                                 d.tasks.total, urgent=overdue_tasks > 0)
        self.cadence_card.set_rows([lambda c=c: self._cadence_row(c) for c in d.cadence.rows],
                                   d.cadence.total)
        self.complaints_card.set_rows(
            [lambda c=c: self._complaint_row(c) for c in d.complaints.rows],
            d.complaints.total, urgent=any(c.overdue for c in d.complaints.rows))
        dates: list[Callable[[], QWidget]] = [lambda f=f: self._festival_row(f)
                                              for f in d.festivals]
        dates += [lambda k=k: self._key_date_row(k) for k in d.key_dates.rows]
        self.dates_card.set_rows(dates, d.key_dates.total + len(d.festivals))
        self.renewals_card.set_rows([lambda r=r: self._renewal_row(r) for r in d.renewals.rows],
                                    d.renewals.total)
        self.silent_card.set_rows([lambda s=s: self._silent_row(s) for s in d.silent.rows],
                                  d.silent.total)

    def listing(self, section: str) -> Listing:  # type: ignore[type-arg]
        """The rows behind a card ('tasks', 'cadence', 'key_dates', …)."""
        assert self.data is not None
        return getattr(self.data, section)

    # -- text helpers ---------------------------------------------------------------------
    def _days_phrase(self, days: int) -> str:
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        if days > 0:
            return self.tr("in %n day(s)", "", days)
        return self.tr("%n day(s) ago", "", -days)

    def _weekday(self, d) -> str:  # type: ignore[no-untyped-def]
        return self._locale.toString(QDate(d.year, d.month, d.day), "ddd")

    def _when_task(self, t: DueTask) -> str:
        assert self.data is not None
        today = self.data.now.date()
        when = t.due_at or t.remind_at or t.when
        if when.date() < today:
            text = self.tr("overdue since %1").replace("%1", fmt.day(when))
        elif t.due_at is not None and t.due_at.date() == today:
            text = self.tr("due %1").replace("%1", when.strftime("%H:%M"))
        elif t.due_at is not None:
            text = self.tr("reminder %1, due %2").replace(
                "%1", (t.remind_at or when).strftime("%H:%M")).replace("%2", fmt.day(t.due_at))
        else:
            text = self.tr("reminder %1").replace("%1", when.strftime("%H:%M"))
        return f'<span style="color:{RED}">{_esc(text)}</span>' if t.overdue else _esc(text)

    # -- row builders ---------------------------------------------------------------------
    def _open(self, customer_id: int | None) -> Callable[[], None] | None:
        if not customer_id:
            return None
        return lambda: self.ctx.open_customer.emit(customer_id)

    def _common_actions(self, row: _Row, customer_id: int | None) -> None:
        row.add_action("logButton", "log", self.tr("Log contact"),
                       lambda: self.ctx.log_contact.emit(customer_id or 0),
                       enabled=bool(customer_id))

    def _open_action(self, row: _Row, customer_id: int | None) -> None:
        row.add_action("openButton", "profile", self.tr("Open profile"),
                       self._open(customer_id), enabled=bool(customer_id))

    def _task_row(self, t: DueTask) -> _Row:
        title = _esc(t.title)
        if t.priority == 1:
            title = f'<span style="color:{RED}">!</span> ' + title
        detail = [self._when_task(t)]
        if t.customer_name:
            detail.insert(0, _esc(t.customer_name))
        if t.kind != "task":
            detail.append(_esc(labels.task_kind(t.kind)))
        row = _Row(title, "  ·  ".join(detail), on_open=self._open(t.customer_id))
        row.setObjectName(f"taskRow-{t.id}")
        self._common_actions(row, t.customer_id)
        menu = QMenu(row)
        menu.setObjectName("snoozeMenu")
        for kind, text in (("15m", self.tr("15 minutes")), ("1h", self.tr("1 hour")),
                           ("tomorrow", self.tr("Tomorrow 9:00"))):
            act = menu.addAction(text)
            act.setData(kind)
            act.triggered.connect(lambda _c=False, k=kind, i=t.id: self.snooze_task(i, k))
        row.add_action("snoozeButton", "snooze", self.tr("Snooze"), menu=menu)
        row.add_action("doneButton", "done", self.tr("Done"),
                       lambda: self.complete_task(t.id, t.title))
        self._open_action(row, t.customer_id)
        return row

    def _cadence_row(self, c: CadenceDue) -> _Row:
        action = action_label(c.due_action, self.ctx.lang) if c.due_action else ""  # type: ignore[arg-type]
        overdue = self.tr("%n day(s) overdue", "", c.overdue_days)
        detail = [_tier_html(c.value_tier), _esc(labels.activity(c.activity)), _esc(action),
                  f'<span style="color:{RED}">{_esc(overdue)}</span>']
        if c.key_contact_name:
            detail.append(_esc(c.key_contact_name))
        row = _Row(f"{_esc(c.name)} <span style='font-weight:400'>{_esc(c.code)}</span>",
                   "  ·  ".join(detail), on_open=self._open(c.customer_id))
        row.setObjectName(f"cadenceRow-{c.customer_id}")
        if c.key_contact_name:
            row.setToolTip(" ".join(x for x in (c.key_contact_name, c.key_contact_phone) if x))
        self._common_actions(row, c.customer_id)
        menu = QMenu(row)
        menu.setObjectName("snoozeMenu")
        for kind, text in (("1h", self.tr("1 hour")), ("tomorrow", self.tr("Tomorrow 9:00")),
                           ("week", self.tr("One week"))):
            act = menu.addAction(text)
            act.setData(kind)
            act.triggered.connect(
                lambda _c=False, k=kind, cc=c, a=action: self.snooze_cadence(cc, k, a))
        row.add_action("snoozeButton", "snooze", self.tr("Snooze: not today"), menu=menu)
        self._open_action(row, c.customer_id)
        return row

    def _key_date_row(self, k: KeyDateDue) -> _Row:
        kind = labels.key_date_kind(k.kind)
        who = k.person_name or k.customer_name
        if k.years and k.kind in ("anniversary", "founding"):
            kind = self.tr("%1 (%n year(s))", "", k.years).replace("%1", kind)
        # A typed-in title says what a custom date is; for the other kinds the kind
        # itself does, and titles like "王伟生日" would only repeat the name.
        title = f"{_esc(who)} — {_esc(k.title if k.kind == 'custom' and k.title else kind)}"
        when = (self.tr("%1 %2, %3").replace("%1", fmt.day(k.on))
                .replace("%2", self._weekday(k.on)).replace("%3", self._days_phrase(k.days_until)))
        # The tier before the company name: a long name is what gets cut at the edge.
        detail = [_esc(when), _tier_html(k.value_tier)]
        if k.person_name:
            detail.append(_esc(k.customer_name))
        row = _Row(title, "  ·  ".join(detail), on_open=self._open(k.customer_id))
        row.setObjectName(f"keyDateRow-{k.key_date_id or 'c' + str(k.customer_id)}")
        row.add_greeting(k.greeting)
        row.add_action("copyButton", "", self.tr("Copy the suggested greeting"),
                       lambda: self.copy_text(k.greeting), text=self.tr("Copy"))
        self._common_actions(row, k.customer_id)
        self._open_action(row, k.customer_id)
        return row

    def _festival_row(self, f: FestivalDue) -> _Row:
        counts = dict(f.customers_by_tier)
        when = (self.tr("%1 %2, %3").replace("%1", fmt.day(f.on))
                .replace("%2", self._weekday(f.on)).replace("%3", self._days_phrase(f.days_until)))
        detail = [_esc(when), _esc(self.tr("greet %1 high-value and %2 middle-value customers")
                                   .replace("%1", str(counts.get("A", 0)))
                                   .replace("%2", str(counts.get("B", 0))))]
        row = _Row(_esc(f.name), "  ·  ".join(detail))
        row.setObjectName(f"festivalRow-{f.key}")
        row.add_greeting(f.greeting("B"))
        menu = QMenu(row)
        menu.setObjectName("greetingMenu")
        for tier in ("A", "B", "C"):
            act = menu.addAction(self.tr("For %1 customers").replace("%1", labels.value_tier(tier)))
            act.setData(tier)
            act.setToolTip(f.greeting(tier))
            act.triggered.connect(lambda _c=False, t=tier: self.copy_text(f.greeting(t)))
        row.add_action("copyButton", "", self.tr("Copy a greeting for a value tier"),
                       text=self.tr("Copy ▾"), menu=menu)
        return row

    def _silent_row(self, s: SilentCustomer) -> _Row:
        detail = [_tier_html(s.value_tier),
                  _esc(self.tr("12-month revenue %1").replace(
                      "%1", fmt.money(s.revenue_12m_cents, self.ctx.lang, short=True))),
                  _esc(self.tr("last contact %1").replace(
                      "%1", fmt.day(s.last_interaction_at) or self.tr("never")))]
        row = _Row(f"{_esc(s.name)} <span style='font-weight:400'>{_esc(s.code)}</span>",
                   "  ·  ".join(detail), on_open=self._open(s.customer_id))
        row.setObjectName(f"silentRow-{s.customer_id}")
        self._common_actions(row, s.customer_id)
        self._open_action(row, s.customer_id)
        return row

    def _complaint_row(self, c: ComplaintDue) -> _Row:
        if c.overdue:
            late = -c.minutes_left
            if late >= 48 * 60:
                text = self.tr("%n day(s) past the deadline", "", late // (24 * 60))
            elif late >= 60:
                text = self.tr("%n hour(s) past the deadline", "", late // 60)
            else:
                text = self.tr("%n minute(s) past the deadline", "", late)
            deadline = f'<span style="color:{RED}">{_esc(text)}</span>'
        else:
            text = (self.tr("answer within %n hour(s)", "", max(1, c.minutes_left // 60))
                    if c.minutes_left >= 60
                    else self.tr("answer within %n minute(s)", "", c.minutes_left))
            deadline = f'<span style="color:{AMBER}">{_esc(text)}</span>'
        what = " / ".join(x for x in (c.category, labels.severity(c.severity)) if x)
        detail = [deadline, _esc(fmt.moment(c.response_deadline))]
        if c.owner:
            detail.append(_esc(c.owner))
        row = _Row(f"{_esc(c.customer_name)} — {_esc(what)}", "  ·  ".join(detail),
                   on_open=self._open(c.customer_id))
        row.setToolTip(c.description)
        row.setObjectName(f"complaintRow-{c.id}")
        self._common_actions(row, c.customer_id)
        self._open_action(row, c.customer_id)
        return row

    def _renewal_row(self, r: RenewalDue) -> _Row:
        if r.days_left < 0:
            ends = self.tr("ended %1, %2").replace("%1", fmt.day(r.end_on)).replace(
                "%2", self._days_phrase(r.days_left))
            ends_html = f'<span style="color:{RED}">{_esc(ends)}</span>'
        else:
            ends = self.tr("ends %1, %2").replace("%1", fmt.day(r.end_on)).replace(
                "%2", self._days_phrase(r.days_left))
            ends_html = (f'<span style="color:{AMBER}">{_esc(ends)}</span>'
                         if r.days_left <= 14 else _esc(ends))
        detail = [ends_html, _esc(r.number)]
        if r.value_cents:
            detail.append(_esc(fmt.money(r.value_cents, self.ctx.lang, short=True)))
        row = _Row(f"{_esc(r.customer_name)} — {_esc(r.title)}", "  ·  ".join(detail),
                   on_open=self._open(r.customer_id))
        row.setObjectName(f"renewalRow-{r.id}")
        self._common_actions(row, r.customer_id)
        self._open_action(row, r.customer_id)
        return row

    # -- actions -----------------------------------------------------------------------------
    def copy_text(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.ctx.status.emit(self.tr("Greeting copied. Paste it into WeChat or an email."))

    def snooze_task(self, task_id: int, kind: str) -> None:
        until = snooze_until(kind, self.ctx.clock.now())  # type: ignore[arg-type]
        with self.ctx.db.session() as s:
            task_ops.snooze_task(s, task_id, until)
            s.commit()
        self.ctx.announce({"tasks"})
        self.ctx.status.emit(self.tr("Snoozed until %1.").replace("%1", fmt.moment(until)))

    def snooze_cadence(self, row: CadenceDue, kind: str, action: str) -> None:
        now = self.ctx.clock.now()
        if kind == "week":
            until = snooze_until("custom", now, timedelta(days=7)).replace(
                hour=9, minute=0, second=0, microsecond=0)
        else:
            until = snooze_until(kind, now)  # type: ignore[arg-type]
        title = f"{action}: {row.name}" if action else row.name
        with self.ctx.db.session() as s:
            snooze_cadence(s, row.customer_id, until, title, now)
            s.commit()
        self.ctx.announce({"tasks"})
        self.ctx.status.emit(self.tr("%1 is off Today until %2.").replace(
            "%1", row.name).replace("%2", fmt.moment(until)))

    def complete_task(self, task_id: int, title: str) -> None:
        with self.ctx.db.session() as s:
            task_ops.complete_task(s, task_id, self.ctx.clock.now())
            s.commit()
        self._undo_task_id = task_id
        self.undo_text.setText(self.tr("Done: %1").replace("%1", title))
        self.undo_bar.show()
        self.ctx.announce({"tasks"})

    def _undo(self) -> None:
        if self._undo_task_id is None:
            return
        with self.ctx.db.session() as s:
            task_ops.reopen_task(s, self._undo_task_id)
            s.commit()
        self._undo_task_id = None
        self.undo_bar.hide()
        self.ctx.announce({"tasks"})
