"""Today's key-dates card, grouped by day: a header per day ("Tue 25 Nov — 12 key
dates") that folds its rows away, and a tier filter (all customers, high value, high
and middle value). On a big book a week holds hundreds of birthdays and anniversaries;
a manager reads the day headers and opens the day at hand.

Both choices are remembered in QSettings: the tier filter as is, the open and closed
days by date (entries for days gone by are dropped when the state is saved). A day the
user never touched is open when it is the first day shown or holds at most
:data:`OPEN_BY_DEFAULT` items. The filter is applied in the query, so the rows, the day
counts and the card's count all change with it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QToolButton, QWidget

from kamdesk.domain.vocab import pick
from kamdesk.store.queries.today_dates import TIER_FILTERS, FestivalDue, KeyDay
from kamdesk.ui.context import AppContext
from kamdesk.ui.today.cards import TodayCard
from kamdesk.ui.today.rows import TodayRows

TIERS_KEY = "today/keyDateTiers"
OPEN_DAYS_KEY = "today/keyDaysOpen"
# a day with at most this many items is open until the user folds it
OPEN_BY_DEFAULT = 3

DAY_STYLE = """
QToolButton[role="dayHeader"] { border: none; border-top: 1px solid rgba(128,128,128,45);
                                padding: 5px 2px; font-weight: 600; text-align: left; }
QToolButton[role="dayHeader"]:hover { background: rgba(128,128,128,22); }
"""


class KeyDatesCard(TodayCard):
    def __init__(self, ctx: AppContext, rows: TodayRows,
                 on_tiers_changed: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__("keyDatesCard", "gift", self.tr("Key dates in the next 7 days"),
                         self.tr("No birthdays, anniversaries or festivals this week."), parent)
        self.ctx = ctx
        self.row_builder = rows
        self.folded_rows = None  # folds by day instead
        self.setStyleSheet(DAY_STYLE)
        self._locale = QLocale(ctx.lang)
        self._days: tuple[KeyDay, ...] = ()
        self._festivals: tuple[FestivalDue, ...] = ()
        self._today = date.today()
        self._total = 0

        self.tier_filter = QComboBox()
        self.tier_filter.setObjectName("keyDateTierFilter")
        self.tier_filter.setAccessibleName(self.tr("Show key dates of"))
        self.tier_filter.setToolTip(self.tr("Show key dates of these customers only"))
        for key, text in (("all", self.tr("All customers")), ("A", self.tr("High value")),
                          ("AB", self.tr("High and middle value"))):
            self.tier_filter.addItem(text, key)
        saved = str(ctx.settings.value(TIERS_KEY, "all") or "all")
        self.tier_filter.setCurrentIndex(max(0, self.tier_filter.findData(saved)))
        self.tier_filter.currentIndexChanged.connect(lambda _i: self._tiers_changed())
        self._on_tiers_changed = on_tiers_changed
        self.head.addWidget(self.tier_filter)

    # -- the tier filter ----------------------------------------------------------------
    def tiers(self) -> tuple[str, ...] | None:
        """The value tiers to show (None: all), as the query takes them."""
        return TIER_FILTERS.get(str(self.tier_filter.currentData()), None)

    def _tiers_changed(self) -> None:
        self.ctx.settings.setValue(TIERS_KEY, str(self.tier_filter.currentData()))
        self._on_tiers_changed()

    # -- open and closed days -----------------------------------------------------------
    def _saved_days(self) -> dict[str, bool]:
        raw = self.ctx.settings.value(OPEN_DAYS_KEY, []) or []
        # QSettings returns a one-item list as a string
        entries: list[object] = [raw] if isinstance(raw, str) else list(raw)  # type: ignore[call-overload]
        out: dict[str, bool] = {}
        for entry in entries:
            day, _sep, flag = str(entry).partition("=")
            if flag in ("0", "1"):
                out[day] = flag == "1"
        return out

    def is_open(self, day: date) -> bool:
        saved = self._saved_days().get(day.isoformat())
        if saved is not None:
            return saved
        first = min([d.on for d in self._days] + [f.on for f in self._festivals], default=day)
        return day == first or self._items_on(day) <= OPEN_BY_DEFAULT

    def set_open(self, day: date, is_open: bool) -> None:
        saved = self._saved_days()
        saved[day.isoformat()] = is_open
        keep = [f"{d}={int(v)}" for d, v in sorted(saved.items())
                if d >= self._today.isoformat()]
        self.ctx.settings.setValue(OPEN_DAYS_KEY, keep)
        self._rebuild_days()

    def _items_on(self, day: date) -> int:
        kd = next((d for d in self._days if d.on == day), None)
        return (kd.total if kd else 0) + sum(1 for f in self._festivals if f.on == day)

    # -- rows -------------------------------------------------------------------------------
    def show_days(self, days: tuple[KeyDay, ...], festivals: tuple[FestivalDue, ...],
                  total: int, today: date) -> None:
        self._days, self._festivals, self._total, self._today = days, festivals, total, today
        self._rebuild_days()

    def day_header(self, day: date) -> QToolButton | None:
        return self.findChild(QToolButton, f"keyDay-{day.isoformat()}")

    def _day_text(self, day: date) -> str:
        qd = QDate(day.year, day.month, day.day)
        when = self._locale.toString(qd, pick(self.ctx.lang, "ddd d MMM", "M月d日 ddd"))
        kd = next((d for d in self._days if d.on == day), None)
        parts = [self.tr("%n key date(s)", "", kd.total)] if kd else []
        parts += [f.name for f in self._festivals if f.on == day]
        return f"{when} — " + "  ·  ".join(parts)

    def _header(self, day: date, is_open: bool) -> QToolButton:
        button = QToolButton()
        button.setObjectName(f"keyDay-{day.isoformat()}")
        button.setProperty("role", "dayHeader")
        button.setCheckable(True)
        button.setChecked(is_open)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setArrowType(Qt.ArrowType.DownArrow if is_open else Qt.ArrowType.RightArrow)
        button.setText(self._day_text(day))
        button.setAccessibleName(button.text())
        button.setToolTip(self.tr("Show or hide this day's key dates"))
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.toggled.connect(lambda on, d=day: self.set_open(d, on))
        return button

    def _more_on_day(self, hidden: int) -> QLabel:
        label = QLabel(self.tr("and %n more on this day", "", hidden))
        label.setProperty("role", "rowDetail")
        label.setContentsMargins(8, 2, 0, 4)
        return label

    def _rebuild_days(self) -> None:
        rows = self.row_builder
        factories: list[Callable[[], QWidget]] = []
        for day in sorted({d.on for d in self._days} | {f.on for f in self._festivals}):
            is_open = self.is_open(day)
            factories.append(lambda d=day, o=is_open: self._header(d, o))
            if not is_open:
                continue
            factories += [lambda f=f: rows.festival_row(f)
                          for f in self._festivals if f.on == day]
            kd = next((d for d in self._days if d.on == day), None)
            if kd is not None:
                factories += [lambda k=k: rows.key_date_row(k) for k in kd.rows]
                hidden = kd.total - len(kd.rows)
                if hidden > 0:
                    factories.append(lambda n=hidden: self._more_on_day(n))
        self.set_rows(factories, self._total)
        # set_rows counts factories; the badge and "more" are the key dates themselves
        self._more = 0
        self.more_label.hide()
