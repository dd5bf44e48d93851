"""How each kind of item on Today reads as a row: a task, a customer overdue for
contact, a key date or festival with its greeting, a complaint against its 24-hour
deadline, a contract up for renewal, a silent customer, a customer near or over the
credit limit — each with the actions a
manager takes next (log the contact, snooze, done, open the profile).

The rows only build widgets; what an action does is the screen's (:class:`TodayActions`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import QDate, QLocale, QObject
from PySide6.QtWidgets import QMenu

from kamdesk.domain.cadence import action_label
from kamdesk.domain.complaints import LEVEL_COLOURS
from kamdesk.store.queries.today import CadenceDue, ComplaintDue, DueTask, SilentCustomer
from kamdesk.store.queries.today_dates import FestivalDue, KeyDateDue
from kamdesk.store.queries.receivables import CreditWatch
from kamdesk.store.queries.renewals import RenewalDue
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.today.cards import TodayRow, amber, esc, red, shown, tier_html


class TodayActions(Protocol):
    """What the row buttons ask the screen to do."""

    def snooze_task(self, task_id: int, kind: str) -> None: ...
    def complete_task(self, task_id: int, title: str) -> None: ...
    def snooze_cadence(self, row: CadenceDue, kind: str) -> None: ...
    def copy_text(self, text: str) -> None: ...
    def open_complaint(self, customer_id: int, complaint_id: int) -> None: ...


class TodayRows(QObject):
    def __init__(self, ctx: AppContext, actions: TodayActions,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actions = actions
        self._locale = QLocale(ctx.lang)

    # -- text helpers ---------------------------------------------------------------------
    def _days_phrase(self, days: int) -> str:
        if days == 0:
            return self.tr("today")
        if days == 1:
            return self.tr("tomorrow")
        if days > 0:
            return self.tr("in %n day(s)", "", days)
        return self.tr("%n day(s) ago", "", -days)

    def _weekday(self, d: date) -> str:
        return self._locale.toString(QDate(d.year, d.month, d.day), "ddd")

    def _when_task(self, t: DueTask, today: date) -> str:
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
        return f'<span style="color:{red()}">{esc(text)}</span>' if t.overdue else esc(text)

    # -- row builders ---------------------------------------------------------------------
    def _open(self, customer_id: int | None) -> Callable[[], None] | None:
        if not customer_id:
            return None
        return lambda: self.ctx.open_customer.emit(customer_id)

    def _common_actions(self, row: TodayRow, customer_id: int | None) -> None:
        row.add_action("logButton", "log", self.tr("Log contact"),
                       lambda: self.ctx.log_contact.emit(customer_id or 0),
                       enabled=bool(customer_id))

    def _open_action(self, row: TodayRow, customer_id: int | None) -> None:
        row.add_action("openButton", "profile", self.tr("Open profile"),
                       self._open(customer_id), enabled=bool(customer_id))

    def task_row(self, t: DueTask, today: date) -> TodayRow:
        title = esc(t.title)
        if t.priority == 1:
            title = f'<span style="color:{red()}">!</span> ' + title
        detail = [self._when_task(t, today)]
        if t.customer_name:
            detail.insert(0, esc(t.customer_name))
        if t.kind != "task":
            detail.append(esc(labels.task_kind(t.kind)))
        row = TodayRow(title, "  ·  ".join(detail), on_open=self._open(t.customer_id))
        row.setObjectName(f"taskRow-{t.id}")
        self._common_actions(row, t.customer_id)
        menu = QMenu(row)
        menu.setObjectName("snoozeMenu")
        for kind, text in (("15m", self.tr("15 minutes")), ("1h", self.tr("1 hour")),
                           ("tomorrow", self.tr("Tomorrow 9:00"))):
            act = menu.addAction(text)
            act.setData(kind)
            act.triggered.connect(lambda _c=False, k=kind, i=t.id: self.actions.snooze_task(i, k))
        row.add_action("snoozeButton", "snooze", self.tr("Snooze"), menu=menu)
        row.add_action("doneButton", "done", self.tr("Done"),
                       lambda: self.actions.complete_task(t.id, t.title))
        self._open_action(row, t.customer_id)
        return row

    def cadence_row(self, c: CadenceDue) -> TodayRow:
        action = action_label(c.due_action, self.ctx.lang) if c.due_action else ""  # type: ignore[arg-type]
        overdue = self.tr("%n day(s) overdue", "", c.overdue_days)
        detail = [tier_html(c.value_tier), esc(labels.activity(c.activity)), esc(action),
                  f'<span style="color:{red()}">{esc(overdue)}</span>']
        if c.key_contact_name:
            detail.append(esc(c.key_contact_name))
        row = TodayRow(f"{esc(c.name)} <span style='font-weight:400'>{esc(c.code)}</span>",
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
                lambda _c=False, k=kind, cc=c: self.actions.snooze_cadence(cc, k))
        row.add_action("snoozeButton", "snooze", self.tr("Snooze: not today"), menu=menu)
        self._open_action(row, c.customer_id)
        return row

    def key_date_row(self, k: KeyDateDue) -> TodayRow:
        kind = labels.key_date_kind(k.kind)
        who = k.person_name or k.customer_name
        if k.years and k.kind in ("anniversary", "founding"):
            kind = self.tr("%1 (%n year(s))", "", k.years).replace("%1", kind)
        # A typed-in title says what a custom date is; for the other kinds the kind
        # itself does, and titles like "王伟生日" would only repeat the name.
        title = f"{esc(who)} — {esc(k.title if k.kind == 'custom' and k.title else kind)}"
        when = (self.tr("%1 %2, %3").replace("%1", fmt.day(k.on))
                .replace("%2", self._weekday(k.on)).replace("%3", self._days_phrase(k.days_until)))
        # The tier before the company name: a long name is what gets cut at the edge.
        detail = [esc(when), tier_html(k.value_tier)]
        if k.person_name:
            detail.append(esc(k.customer_name))
        row = TodayRow(title, "  ·  ".join(detail), on_open=self._open(k.customer_id))
        row.setObjectName(f"keyDateRow-{k.key_date_id or 'c' + str(k.customer_id)}")
        row.add_greeting(k.greeting)
        row.add_action("copyButton", "", self.tr("Copy the suggested greeting"),
                       lambda: self.actions.copy_text(k.greeting), text=self.tr("Copy"))
        self._common_actions(row, k.customer_id)
        self._open_action(row, k.customer_id)
        return row

    def festival_row(self, f: FestivalDue) -> TodayRow:
        counts = dict(f.customers_by_tier)
        when = (self.tr("%1 %2, %3").replace("%1", fmt.day(f.on))
                .replace("%2", self._weekday(f.on)).replace("%3", self._days_phrase(f.days_until)))
        detail = [esc(when), esc(self.tr("greet %1 high-value and %2 middle-value customers")
                                   .replace("%1", str(counts.get("A", 0)))
                                   .replace("%2", str(counts.get("B", 0))))]
        row = TodayRow(esc(f.name), "  ·  ".join(detail))
        row.setObjectName(f"festivalRow-{f.key}")
        row.add_greeting(f.greeting("B"))
        menu = QMenu(row)
        menu.setObjectName("greetingMenu")
        for tier in ("A", "B", "C"):
            act = menu.addAction(self.tr("For %1 customers").replace("%1", labels.value_tier(tier)))
            act.setData(tier)
            act.setToolTip(f.greeting(tier))
            act.triggered.connect(lambda _c=False, t=tier: self.actions.copy_text(f.greeting(t)))
        row.add_action("copyButton", "", self.tr("Copy a greeting for a value tier"),
                       text=self.tr("Copy ▾"), menu=menu)
        return row

    def silent_row(self, s: SilentCustomer) -> TodayRow:
        detail = [tier_html(s.value_tier),
                  esc(self.tr("12-month revenue %1").replace(
                      "%1", fmt.money(s.revenue_12m_cents, self.ctx.lang, short=True))),
                  esc(self.tr("last contact %1").replace(
                      "%1", fmt.day(s.last_interaction_at) or self.tr("never")))]
        row = TodayRow(f"{esc(s.name)} <span style='font-weight:400'>{esc(s.code)}</span>",
                   "  ·  ".join(detail), on_open=self._open(s.customer_id))
        row.setObjectName(f"silentRow-{s.customer_id}")
        self._common_actions(row, s.customer_id)
        self._open_action(row, s.customer_id)
        return row

    def complaint_row(self, c: ComplaintDue) -> TodayRow:
        # Coloured like the profile tab: red past the deadline, amber near it.
        level_colour = LEVEL_COLOURS.get(c.level or "")
        colour = shown(level_colour) if level_colour else None
        if c.overdue:
            late = -c.minutes_left
            if late >= 48 * 60:
                text = self.tr("%n day(s) past the deadline", "", late // (24 * 60))
            elif late >= 60:
                text = self.tr("%n hour(s) past the deadline", "", late // 60)
            else:
                text = self.tr("%n minute(s) past the deadline", "", late)
        else:
            text = (self.tr("answer within %n hour(s)", "", max(1, c.minutes_left // 60))
                    if c.minutes_left >= 60
                    else self.tr("answer within %n minute(s)", "", c.minutes_left))
        deadline = f'<span style="color:{colour}">{esc(text)}</span>' if colour else esc(text)
        what = " / ".join(x for x in (c.category, labels.severity(c.severity)) if x)
        detail = [deadline, esc(fmt.moment(c.response_deadline))]
        if c.owner:
            detail.append(esc(c.owner))
        open_it = lambda: self.actions.open_complaint(c.customer_id, c.id)  # noqa: E731
        row = TodayRow(f"{esc(c.customer_name)} — {esc(what)}", "  ·  ".join(detail),
                       on_open=open_it)
        row.setToolTip(c.description)
        row.setObjectName(f"complaintRow-{c.id}")
        row.setProperty("level", c.level or "")
        self._common_actions(row, c.customer_id)
        row.add_action("openComplaintButton", "warning", self.tr("Open complaint"), open_it)
        self._open_action(row, c.customer_id)
        return row

    def renewal_row(self, r: RenewalDue) -> TodayRow:
        if r.days_left < 0:
            ends = self.tr("ended %1, %2").replace("%1", fmt.day(r.end_on)).replace(
                "%2", self._days_phrase(r.days_left))
            ends_html = f'<span style="color:{red()}">{esc(ends)}</span>'
        else:
            ends = self.tr("ends %1, %2").replace("%1", fmt.day(r.end_on)).replace(
                "%2", self._days_phrase(r.days_left))
            ends_html = (f'<span style="color:{amber()}">{esc(ends)}</span>'
                         if r.days_left <= 14 else esc(ends))
        detail = [ends_html, esc(r.number)]
        if r.value_cents:
            detail.append(esc(fmt.money(r.value_cents, self.ctx.lang, short=True)))
        row = TodayRow(f"{esc(r.customer_name)} — {esc(r.title)}", "  ·  ".join(detail),
                   on_open=self._open(r.customer_id))
        row.setObjectName(f"renewalRow-{r.id}")
        self._common_actions(row, r.customer_id)
        self._open_action(row, r.customer_id)
        return row

    def credit_row(self, c: CreditWatch) -> TodayRow:
        lang = self.ctx.lang
        if c.level == "red":
            used = (self.tr("over limit") if c.usage_pct is None else
                    self.tr("credit %1 % used · over limit").replace("%1", str(c.usage_pct)))
            used_html = f'<span style="color:{red()}; font-weight:600">{esc(used)}</span>'
        else:
            used = self.tr("credit %1 % used").replace("%1", str(c.usage_pct))
            used_html = f'<span style="color:{amber()}">{esc(used)}</span>'
        detail = [used_html, esc(self.tr("owes %1 of %2").replace(
            "%1", fmt.money(c.outstanding_cents, lang, short=True)).replace(
            "%2", fmt.money(c.credit_limit_cents, lang, short=True)))]
        if c.credit_rating:
            detail.append(esc(self.tr("rating %1").replace("%1", c.credit_rating)))
        row = TodayRow(f"{esc(c.name)} <span style='font-weight:400'>{esc(c.code)}</span>",
                       "  ·  ".join(detail), on_open=self._open(c.customer_id))
        row.setObjectName(f"creditRow-{c.customer_id}")
        self._common_actions(row, c.customer_id)
        self._open_action(row, c.customer_id)
        return row
