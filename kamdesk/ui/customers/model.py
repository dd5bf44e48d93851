"""Customer list model: a count plus lazily fetched pages of plain rows.

Qt asks ``data()`` only for visible cells; a page of 200 rows is fetched from SQL
the first time one of its rows is asked for, so 100k customers never load at once.
Sorting is ``ORDER BY`` in SQL, not a proxy model.

Pages are read from a key (the sort value and id of the row before them), not from an
OFFSET, wherever a key is known: a page read gives the key of the next one, and for a
long list the key of every page is read in the background once the list has settled
(:func:`~kamdesk.store.queries.customers.page_keys`), so dragging the scrollbar to
the middle of 100k rows seeks the index instead of counting 50k rows.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from kamdesk.domain.complaints import LEVEL_COLOURS
from kamdesk.store.queries.complaint_flags import customer_page_with_complaints
from kamdesk.store.queries.customers import (
    SORT_COLUMNS,
    CustomerQuery,
    CustomerRow,
    PageKey,
    count,
    page_keys,
)
from kamdesk.store.queries.tags import TagRow, tags_of_customers
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import read_in_background
from kamdesk.ui.paged_model import PagedTableModel

PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: lists longer than this many pages get every page's key read in the background
KEYED_PAGES = 20
#: ... once the list has been left alone this long (not between two keystrokes)
KEYS_DELAY_MS = 300
#: while the list is hidden, how often to look whether it is shown again
KEYS_HIDDEN_POLL_MS = 1000

# (sort key, header) — header strings translated in headerData.
COLUMNS: list[tuple[str, str]] = [
    ("code", "Code"), ("name", "Name"), ("industry", "Industry"), ("months", "Months"),
    ("revenue", "12-month revenue"), ("tier", "Value / activity"), ("key_contact", "Key contact"),
    ("phone", "Phone"), ("need", "Core need"), ("last_interaction", "Last contact"),
    ("health", "Health"), ("rfm", "RFM"), ("next_due", "Next touch"),
    ("credit", "Credit used"), ("owner", "Owner"), ("tags", "Tags"),
]
COL = {key: i for i, (key, _h) in enumerate(COLUMNS)}
#: value tiers in a calm palette (teal, warm brown, grey): red is kept for what is
#: overdue or in danger, so "High value" must not read as an alarm, and blue would read
#: as a link. Lighter shades of the same for dark rows.
TIER_COLOURS = {"A": "#00796b", "B": "#7b5e3b", "C": "#607d8b"}
TIER_COLOURS_DARK = {"A": "#4db6ac", "B": "#c8a97e", "C": "#90a4ae"}


def tier_colour(tier: str | None) -> str:
    """The tier's text colour for the current palette (light or dark rows)."""
    dark = QGuiApplication.palette().base().color().lightness() < 128
    return (TIER_COLOURS_DARK if dark else TIER_COLOURS).get(tier or "", "#78909c")


#: "New" (no history yet) is neither good nor bad news: a calm purple, apart from the tiers
NEW_COLOUR = "#8e24aa"
CREDIT_COLOURS = {"amber": "#ef6c00", "red": "#c62828"}


_DOTS: dict[str, QIcon] = {}


def complaint_dot(colour: str) -> QIcon:
    """A small filled circle in ``colour`` (made once per colour)."""
    if colour not in _DOTS:
        pix = QPixmap(12, 12)
        pix.fill(QColor(0, 0, 0, 0))
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colour))
        p.drawEllipse(1, 1, 10, 10)
        p.end()
        _DOTS[colour] = QIcon(pix)
    return _DOTS[colour]


class CustomerTableModel(PagedTableModel[CustomerQuery, CustomerRow]):
    columns = COLUMNS

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        # Each page also reads its customers' waiting complaints (one grouped read),
        # so a complaint near or past its response deadline marks the name.
        super().__init__(ctx, CustomerQuery(), count, self._fetch_flagged, parent)
        self.page_size = PAGE
        #: page number -> key of the row before that page's first row
        self._starts: dict[int, PageKey] = {}
        self._keys_generation = 0
        self._keys_reading = False
        self._keys_timer = QTimer(self)
        self._keys_timer.setSingleShot(True)
        self._keys_timer.setInterval(KEYS_DELAY_MS)
        self._keys_timer.timeout.connect(self._read_keys)

    def _fetch_flagged(self, conn: Any, q: CustomerQuery, offset: int,
                       limit: int, after: PageKey | None = None) -> list[CustomerRow]:
        rows = customer_page_with_complaints(conn, q, offset, limit, self.ctx.clock.now(),
                                             after)
        # The page's tags in one grouped read, kept in each row's ``extra``.
        tags = tags_of_customers(conn, (r.id for r in rows))
        return [replace(r, extra={"tags": tags[r.id]}) if r.id in tags else r for r in rows]

    # -- pages from keys ------------------------------------------------------------------
    def set_query(self, query: CustomerQuery, recount: bool = True,
                  reread: bool = True) -> None:
        if reread:
            self._starts.clear()
            self._keys_generation += 1
            self._keys_reading = False
        super().set_query(query, recount, reread)
        if reread:
            self._note_page(0, self._pages.get(0, []))
            if self._count > KEYED_PAGES * self.page_size:
                self._keys_timer.start(KEYS_DELAY_MS)
            else:
                self._keys_timer.stop()

    def read_page(self, page: int) -> list[CustomerRow]:
        size = self.page_size
        known = max((n for n in self._starts if n <= page), default=None)
        if known is None:
            rows = self.ctx.db.read(self._fetch_flagged, self._query, page * size, size)
        else:
            rows = self.ctx.db.read(self._fetch_flagged, self._query, (page - known) * size,
                                    size, self._starts[known])
        self._note_page(page, rows)
        return rows

    def _note_page(self, page: int, rows: list[CustomerRow]) -> None:
        if len(rows) == self.page_size:  # its last row is where the next page starts
            self._starts[page + 1] = (rows[-1].sort_value, rows[-1].id)

    def keys_pending(self) -> bool:
        """Whether the page keys are still to be read (benchmarks wait for them)."""
        return self._keys_timer.isActive() or self._keys_reading

    def _read_keys(self) -> None:
        parent = QObject.parent(self)
        if isinstance(parent, QWidget) and not parent.isVisible():
            # Nobody can scroll a hidden list: look again later, read when it is shown
            # (a change elsewhere refreshes it; every refresh would read 100k rows).
            self._keys_timer.start(KEYS_HIDDEN_POLL_MS)
            return
        self._keys_timer.setInterval(KEYS_DELAY_MS)
        generation = self._keys_generation
        self._keys_reading = True

        def done(keys: list[PageKey]) -> None:
            if generation != self._keys_generation:
                return  # read for an order or filter no longer shown
            self._keys_reading = False
            for n, key in enumerate(keys):
                self._starts.setdefault(n + 1, key)

        read_in_background(self.ctx, page_keys, self._query, self.page_size, on_done=done)

    def customer_id(self, row: int) -> int | None:
        r = self.row_at(row)
        return r.id if r else None

    def tags_at(self, row: int) -> tuple[TagRow, ...]:
        r = self.row_at(row)
        return r.extra.get("tags", ()) if r else ()  # type: ignore[return-value]

    def _header_strings(self) -> None:  # pragma: no cover - lets lupdate see the headers
        self.tr("Code"), self.tr("Name"), self.tr("Industry"), self.tr("Months")
        self.tr("12-month revenue"), self.tr("Value / activity"), self.tr("Key contact")
        self.tr("Phone"), self.tr("Core need"), self.tr("Last contact"), self.tr("Health")
        self.tr("RFM"), self.tr("Next touch"), self.tr("Credit used")
        self.tr("Owner"), self.tr("Tags")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, key)
        if role == ID_ROLE:
            return r.id
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("months", "revenue", "health",
                                                                         "credit"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "tier":
                return QBrush(QColor(NEW_COLOUR if r.is_new else tier_colour(r.value_tier)))
            if key == "next_due" and r.overdue_days > 0:
                return QBrush(QColor("#c62828"))
            if key == "health" and r.health < 50:
                return QBrush(QColor("#c62828"))
            if key == "credit" and r.credit_level in CREDIT_COLOURS:
                return QBrush(QColor(CREDIT_COLOURS[r.credit_level]))
            if r.status == "archived":
                return QBrush(QColor("#9e9e9e"))
        if role == Qt.ItemDataRole.ToolTipRole and key == "next_due" and r.overdue_days > 0:
            return self.tr("%n day(s) overdue", "", r.overdue_days)
        if role == Qt.ItemDataRole.ToolTipRole and key == "credit":
            return self._credit_tip(r)
        if key == "tags":
            return self._tags_cell(r, role)
        if key == "name" and r.complaint_level is not None:
            return self._complaint_flag(r.complaint_level, role)
        return None

    def _complaint_flag(self, level: str, role: int):  # type: ignore[no-untyped-def]
        """The name's marker for a complaint near (amber) or past (red) its deadline."""
        if role == Qt.ItemDataRole.DecorationRole:
            return complaint_dot(LEVEL_COLOURS[level])
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self.tr("A complaint is past its response deadline") if level == "red"
                    else self.tr("A complaint is near its response deadline"))
        return None

    def _tags_cell(self, r: CustomerRow, role: int):  # type: ignore[no-untyped-def]
        """The first tag's colour as the cell's dot; every tag's name in the tooltip."""
        tags: tuple[TagRow, ...] = r.extra.get("tags", ())  # type: ignore[assignment]
        if not tags:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return complaint_dot(tags[0].colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(t.name for t in tags)
        return None

    def _credit_text(self, r: CustomerRow) -> str:
        if r.credit_limit_cents is None:
            return ""
        if r.credit_level == "red":
            return self.tr("over limit") if r.credit_used_pct is None else \
                self.tr("%1 % · over limit").replace("%1", str(r.credit_used_pct))
        return "" if r.credit_used_pct is None else f"{r.credit_used_pct} %"

    def _credit_tip(self, r: CustomerRow) -> str:
        if r.credit_limit_cents is None:
            return self.tr("No credit limit set")
        lang = self.ctx.lang
        tip = self.tr("Outstanding %1 of a %2 limit").replace(
            "%1", fmt.money(r.outstanding_cents, lang)).replace(
            "%2", fmt.money(r.credit_limit_cents, lang))
        if r.credit_rating:
            tip += " · " + self.tr("rating %1").replace("%1", r.credit_rating)
        return tip

    def _display(self, r: CustomerRow, key: str) -> str:
        lang = self.ctx.lang
        if key == "code":
            return r.code
        if key == "name":
            return r.name
        if key == "industry":
            return r.industry or ""
        if key == "months":
            m = r.months_of_cooperation(self._today)
            return "" if m is None else str(m)
        if key == "revenue":
            return fmt.money(r.revenue_12m_cents, lang, short=True)
        if key == "tier":
            if r.is_new:
                return self.tr("New")
            return f"{labels.value_tier(r.value_tier)} / {labels.activity(r.activity)}"
        if key == "key_contact":
            return r.key_contact_name or ""
        if key == "phone":
            return r.key_contact_phone or ""
        if key == "need":
            return (r.explicit_needs or "").split("\n")[0]
        if key == "last_interaction":
            return fmt.day(r.last_interaction_at)
        if key == "health":
            return "—" if r.is_new else str(r.health)
        if key == "rfm":
            return f"{r.r_score}{r.f_score}{r.m_score}" if r.r_score else ""
        if key == "next_due":
            return fmt.day(r.next_due_on)
        if key == "credit":
            return self._credit_text(r)
        if key == "owner":
            return r.owner or ""
        if key == "tags":
            return " · ".join(t.name for t in r.extra.get("tags", ()))  # type: ignore[attr-defined]
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][0]
        if key not in SORT_COLUMNS:
            return  # e.g. tags: a set, not an order
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.sort, self._query.descending):
            return
        self.set_query(replace(self._query, sort=key, descending=descending), recount=False)

    def today(self) -> date:
        return self._today
