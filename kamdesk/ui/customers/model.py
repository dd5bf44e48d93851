"""Customer list model: a count plus lazily fetched pages of plain rows.

Qt asks ``data()`` only for visible cells; a page of 200 rows is fetched from SQL
the first time one of its rows is asked for, so 100k customers never load at once.
Sorting is ``ORDER BY`` in SQL, not a proxy model.

A search keystroke reads less (:mod:`kamdesk.store.queries.customer_search`): the
matching ids once, the first screenful of rows, and a count capped at ``COUNT_CAP``
(the exact figure follows from a worker thread once typing pauses); a keystroke whose
matches are the ones on screen already (丰源制 → 丰源制造) changes nothing.

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

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QWidget

from kamdesk.domain.complaints import LEVEL_COLOURS
from kamdesk.store.queries.complaint_flags import with_complaint_levels
from kamdesk.store.queries.customer_search import (
    SearchPage,
    count_among,
    rows_among,
    search_page,
)
from kamdesk.store.queries.customers import (
    SORT_COLUMNS,
    CustomerQuery,
    CustomerRow,
    PageKey,
    count,
    fetch_page,
    page_keys,
)
from kamdesk.store.queries.tags import TagRow, tags_of_customers
from kamdesk.store.search import search_words
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.customers.cell_style import (  # noqa: F401  (TIER_COLOURS: tests)
    CREDIT_COLOURS,
    NEW_COLOUR,
    TIER_COLOURS,
    complaint_dot,
    text_brush,
    tier_colour,
)
from kamdesk.ui.ops import read_in_background
from kamdesk.ui.paged_model import PagedTableModel

PAGE = 200
# rows a search keystroke reads first unless the view says how many it shows
# (:attr:`CustomerTableModel.first_rows`); the rest of the page is read when the view
# asks for a row past them
FIRST_ROWS = 60
# how long typing must pause before a capped search count is made exact
COUNT_DELAY_MS = 150
# cell texts kept between repaints (a few screens' worth)
MAX_SHOWN = 4000
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
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
# the roles :meth:`CustomerTableModel.data` answers; any other is None at once
_ANSWERED = frozenset({_DISPLAY, _ALIGN, _FOREGROUND, _TOOLTIP, _DECORATION, int(ID_ROLE)})
_KEYS = tuple(key for key, _h in COLUMNS)
_RIGHT_ALIGNED = frozenset({"months", "revenue", "health", "credit"})
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
class CustomerTableModel(PagedTableModel[CustomerQuery, CustomerRow]):
    columns = COLUMNS
    # the exact count of a search arrived (it was shown as "COUNT_CAP+")
    counted = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        # Each page also reads its customers' waiting complaints (one grouped read),
        # so a complaint near or past its response deadline marks the name.
        super().__init__(ctx, CustomerQuery(), count, self._fetch_flagged, parent)
        self.page_size = PAGE
        # how many rows a search keystroke reads first (the screen sets its view's)
        self.first_rows = FIRST_ROWS
        # the query whose rows are on screen (``_query`` may be set ahead of a read)
        self._rows_query: CustomerQuery | None = None
        # the ids the current search matches (None: no search filters the list)
        self._hits: tuple[int, ...] | None = None
        # whether rowCount() is the exact count (false: a search's capped count)
        self.count_exact = True
        self._short_first = False
        self._count_generation = 0
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count_in_background)
        # data()'s memo of the last row asked and of the cells' text, forgotten whenever
        # the rows change
        self._memo_row: int | None = None
        self._memo: CustomerRow | None = None
        self._shown: dict[tuple[int, int], str] = {}
        self.modelAboutToBeReset.connect(self._forget_shown)
        self.modelReset.connect(self._forget_shown)
        self.rowsInserted.connect(self._forget_shown)
        self.rowsRemoved.connect(self._forget_shown)
        #: page number -> key of the row before that page's first row
        self._starts: dict[int, PageKey] = {}
        self._keys_generation = 0
        self._keys_reading = False
        self._keys_timer = QTimer(self)
        self._keys_timer.setSingleShot(True)
        self._keys_timer.setInterval(KEYS_DELAY_MS)
        self._keys_timer.timeout.connect(self._read_keys)

    def _forget_shown(self) -> None:
        self._memo_row, self._memo = None, None
        self._shown.clear()

    def _fetch_flagged(self, conn: Any, q: CustomerQuery, offset: int,
                       limit: int, after: PageKey | None = None) -> list[CustomerRow]:
        hits = self._hits if q == self._query else None
        if hits is not None and after is None:
            rows = rows_among(conn, q, hits, offset, limit)
        else:  # from a page key: the matches ride on the query for this one read
            rows = fetch_page(conn, q if hits is None else replace(q, search_hits=hits),
                              offset, limit, after)
        return self._decorated(conn, rows)

    def _decorated(self, conn: Any, rows: list[CustomerRow]) -> list[CustomerRow]:
        rows = with_complaint_levels(conn, rows, self.ctx.clock.now())
        # The page's tags in one grouped read, kept in each row's ``extra``.
        tags = tags_of_customers(conn, (r.id for r in rows))
        return [replace(r, extra={"tags": tags[r.id]}) if r.id in tags else r for r in rows]

    # -- search keystrokes -------------------------------------------------------------
    def set_query(self, query: CustomerQuery, recount: bool = True,
                  reread: bool = True) -> None:
        shown = self._rows_query
        if not reread and shown is not None \
                and replace(query, search="") != replace(shown, search=""):
            # The rows on screen were read for other filters or another order (the
            # screen set ``_query`` directly, e.g. a saved view): read them after all.
            reread = True
        if not reread:  # the same rows in the same order: only the query is kept
            super().set_query(query, recount, reread)
            self._rows_query = query
            return
        if not search_words(query.search):
            self._hits, self._short_first = None, False
            self._settle_count(True)
            self._rows_query = query
            self._forget_keys()
            super().set_query(query, recount, reread)
            self._after_reread()
            return
        narrowed = (self._hits is not None and shown is not None
                    and query.search != shown.search
                    and replace(query, search="") == replace(shown, search=""))
        page = self.ctx.db.read(self._read_search, query, self._hits if narrowed else None,
                                recount)
        if page is None:  # pragma: no cover - search_words said the text filters
            super().set_query(query, recount, reread)
            return
        if page.rows is None:  # the same matches: the same rows in the same order
            self._query = self._rows_query = query
            return
        self._forget_keys()
        self.beginResetModel()
        self._query = self._rows_query = query
        self._hits = page.hits
        self._pages.clear()
        self._today = self.ctx.clock.today()
        self._pages[0] = page.rows
        self._short_first = len(page.rows) == self._first_limit()
        if recount:
            self._count = page.total
        self.endResetModel()
        self._after_reread()
        if recount:
            self._settle_count(page.exact)
        elif not self.count_exact:
            self._settle_count(False)

    def _read_search(self, conn: Any, q: CustomerQuery, known: tuple[int, ...] | None,
                     recount: bool) -> SearchPage | None:
        page = search_page(conn, q, self._first_limit(), known=known, recount=recount)
        if page is None or page.rows is None:
            return page
        return replace(page, rows=self._decorated(conn, page.rows))

    def _first_limit(self) -> int:
        return max(1, min(self.first_rows, self.page_size))

    def _settle_count(self, exact: bool) -> None:
        """Take the count as exact, or read the exact one once typing pauses."""
        self._count_generation += 1
        self.count_exact = exact
        if exact:
            self._count_timer.stop()
        else:
            self._count_timer.start()

    def _count_in_background(self) -> None:
        if self.count_exact or self._hits is None:
            return
        generation = self._count_generation
        read_in_background(self.ctx, count_among, self._query, self._hits,
                           on_done=lambda n: self._counted(generation, int(n)))

    def _counted(self, generation: int, total: int) -> None:
        if generation != self._count_generation or self.count_exact:
            return  # the query changed meanwhile
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < self._count:  # pragma: no cover - the capped count is a lower bound
            self.beginRemoveRows(QModelIndex(), total, self._count - 1)
            self._count = total
            self.endRemoveRows()
        self.count_exact = True
        self.counted.emit()

    def count_pending(self) -> bool:
        """Whether an exact count is still to come (tests and benchmarks wait on it)."""
        return not self.count_exact

    def row_at(self, row: int) -> CustomerRow | None:
        first = self._pages.get(0)
        if self._short_first and first is not None \
                and len(first) <= row < min(self._count, self.page_size):
            # A search read only the first screenful; the view wants more of page 0.
            self._pages[0] = self.read_page(0)
            self._short_first = False
        return super().row_at(row)

    # -- pages from keys ------------------------------------------------------------------
    def _forget_keys(self) -> None:
        """The rows are read again: the page keys of the old ones no longer hold."""
        self._starts.clear()
        self._keys_generation += 1
        self._keys_reading = False

    def _after_reread(self) -> None:
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

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY):  # type: ignore[no-untyped-def]
        # Qt asks seven roles of every cell it paints (most answered None); roles are
        # compared as plain ints, since each PySide enum look-up costs more than the
        # answer and a repaint asks ~1,300 times.
        if role not in _ANSWERED:
            return None
        row = index.row()  # an invalid index has row -1: no row
        if row == self._memo_row:  # the other roles of the cell just asked
            r = self._memo
        else:
            r = self.row_at(row)
            self._memo_row, self._memo = row, r
        if r is None:
            return None
        column = index.column()
        key = _KEYS[column]
        if role == _DISPLAY:
            shown = self._shown.get((row, column))
            if shown is None:
                if len(self._shown) > MAX_SHOWN:
                    self._shown.clear()
                shown = self._shown[(row, column)] = self._display(r, key)
            return shown
        if role == ID_ROLE:
            return r.id
        if role == _ALIGN:
            return _RIGHT if key in _RIGHT_ALIGNED else None
        if role == _FOREGROUND:
            return self._foreground(r, key)
        if role == _TOOLTIP:
            if key == "next_due" and r.overdue_days > 0:
                return self.tr("%n day(s) overdue", "", r.overdue_days)
            if key == "credit":
                return self._credit_tip(r)
        if key == "tags":
            return self._tags_cell(r, role)
        if key == "name" and r.complaint_level is not None:
            return self._complaint_flag(r.complaint_level, role)
        return None

    @staticmethod
    def _foreground(r: CustomerRow, key: str) -> QBrush | None:
        if key == "tier":
            return text_brush(NEW_COLOUR if r.is_new else tier_colour(r.value_tier))
        if key == "next_due" and r.overdue_days > 0:
            return text_brush("#c62828")
        if key == "health" and r.health < 50:
            return text_brush("#c62828")
        if key == "credit" and r.credit_level in CREDIT_COLOURS:
            return text_brush(CREDIT_COLOURS[r.credit_level])
        if r.status == "archived":
            return text_brush("#9e9e9e")
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
