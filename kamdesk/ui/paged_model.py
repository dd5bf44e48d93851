"""A table model that holds a row count and reads pages of plain rows on demand.

Qt asks ``data()`` only for the cells on screen; a page is read from SQL the first
time one of its rows is needed, so a list of 100k rows opens as fast as one of ten
and memory stays flat however far the user scrolls. Subclasses say how to count and
fetch for their query (two store query functions, ``count(conn, query)`` and
``fetch(conn, query, offset, limit)``) and how to show a row; the model runs them
through ``ctx.db.read`` and never holds a connection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from kamdesk.ui.context import AppContext

Q = TypeVar("Q")
R = TypeVar("R")
MAX_CACHED_PAGES = 50
#: data roles of :class:`CustomerRowsModel`: the row's own id and its customer's id
ID_ROLE = Qt.ItemDataRole.UserRole + 1
CUSTOMER_ID_ROLE = Qt.ItemDataRole.UserRole + 2

#: ``count(conn, query) -> int`` and ``fetch(conn, query, offset, limit) -> rows``
CountRows = Callable[..., int]
FetchRows = Callable[..., list[Any]]


def _count_and_first_page(conn: Any, count_rows: CountRows, fetch_rows: FetchRows,
                          query: Any, size: int, recount: bool) -> tuple[int | None, list[Any]]:
    """The count (unless only the order changed) and the first page, on one connection:
    the first page is nearly always needed at once."""
    return (count_rows(conn, query) if recount else None), fetch_rows(conn, query, 0, size)


class PagedTableModel(QAbstractTableModel, Generic[Q, R]):
    page_size = 200
    #: (key, English header) pairs; subclasses list the headers in a ``tr()`` call too,
    #: so lupdate sees them.
    columns: list[tuple[str, str]] = []

    def __init__(self, ctx: AppContext, query: Q,
                 count_rows: CountRows, fetch_rows: FetchRows,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.count_rows = count_rows
        self.fetch_rows = fetch_rows
        self._query = query
        self._count = 0
        self._pages: dict[int, list[R]] = {}
        self._today = ctx.clock.today()

    # -- query --------------------------------------------------------------------------
    @property
    def query(self) -> Q:
        return self._query

    def set_query(self, query: Q, recount: bool = True, reread: bool = True) -> None:
        """``recount=False`` when only the order changed: the rows are the same, and
        counting 100k of them again costs more than reading the new first page.
        ``reread=False`` when the new query selects the same rows in the same order
        (a search letter that filters nothing): only the query is kept."""
        if not reread:
            self._query = query
            return
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._today = self.ctx.clock.today()
        counted, first = self.ctx.db.read(_count_and_first_page, self.count_rows,
                                          self.fetch_rows, query, self.page_size, recount)
        if counted is not None:
            self._count = counted
        self._pages[0] = first
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> R | None:
        if not 0 <= row < self._count:
            return None
        size = self.page_size
        page = row // size
        rows = self._pages.get(page)
        if rows is None:
            rows = self.read_page(page)
            if len(self._pages) > MAX_CACHED_PAGES:
                self._pages.clear()
            self._pages[page] = rows
        i = row - page * size
        return rows[i] if i < len(rows) else None

    def read_page(self, page: int) -> list[R]:
        """Read page ``page`` (rows ``page * page_size`` on); subclasses may read it
        from a known key instead of an offset."""
        return self.ctx.db.read(self.fetch_rows, self._query, page * self.page_size,
                                self.page_size)

    # -- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # type: ignore[override]
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.columns[section][1])
        return None


class CustomerRowsModel(PagedTableModel[Q, R]):
    """A paged list whose rows each belong to a customer (``id`` and ``customer_id``:
    contact log, tasks). Every cell shows :meth:`display_text`, answers ``ID_ROLE`` and
    ``CUSTOMER_ID_ROLE``; colours and tooltips come from :meth:`styled_data`."""

    def display_text(self, row: R, key: str) -> str:
        raise NotImplementedError

    def styled_data(self, row: R, key: str, role: int) -> Any:
        """Any other role of the cell in column ``key`` (foreground, tooltip, ...)."""
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,  # type: ignore[override]
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        key = self.columns[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display_text(r, key)
        if role == ID_ROLE:
            return r.id  # type: ignore[attr-defined]
        if role == CUSTOMER_ID_ROLE:
            return r.customer_id  # type: ignore[attr-defined]
        return self.styled_data(r, key, role)
