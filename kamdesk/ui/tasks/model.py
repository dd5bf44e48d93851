"""The Tasks list model: a count plus lazily read pages of :class:`TaskRow`.

Paged like the customer list and the contact log (``ui/paged_model``): Qt asks only
for the rows on screen, so 100,000 tasks open as fast as ten. "Now" is read from the
context's clock each time the filter is applied, so overdue/today buckets follow the
(test-controllable) clock.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from kamdesk.store.queries.tasks import TaskQuery, TaskRow, count_tasks, task_page
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.contrast import legible
from kamdesk.ui.paged_model import CustomerRowsModel

COLUMNS: list[tuple[str, str]] = [
    ("title", "Task"), ("customer", "Customer"), ("due", "Due"), ("kind", "Kind"),
    ("source", "Source"), ("owner", "Owner"), ("state", "State"),
]
COL = {key: i for i, (key, _h) in enumerate(COLUMNS)}
RED = "#c62828"


class TaskTableModel(CustomerRowsModel[TaskQuery, TaskRow]):
    columns = COLUMNS

    def __init__(self, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(ctx, TaskQuery(), self._count, self._fetch, parent)

    def _count(self, conn: Any, q: TaskQuery) -> int:
        return count_tasks(conn, q, self.ctx.clock.now())

    def _fetch(self, conn: Any, q: TaskQuery, offset: int, limit: int) -> list[TaskRow]:
        return task_page(conn, q, self.ctx.clock.now(), offset, limit, self.ctx.lang)

    def _header_strings(self) -> None:  # pragma: no cover - lets lupdate see the headers
        self.tr("Task"), self.tr("Customer"), self.tr("Due"), self.tr("Kind")
        self.tr("Source"), self.tr("Owner"), self.tr("State")

    def task_id(self, row: int) -> int | None:
        r = self.row_at(row)
        return r.id if r is not None else None

    def _state(self, r: TaskRow) -> str:
        if r.done_at is not None:
            return self.tr("Done %1").replace("%1", fmt.day(r.done_at))
        if r.snoozed_until is not None and r.snoozed_until > self.ctx.clock.now():
            return self.tr("Snoozed until %1").replace("%1", fmt.moment(r.snoozed_until))
        return self.tr("Overdue") if r.overdue else self.tr("Open")

    def display_text(self, r: TaskRow, key: str) -> str:
        if key == "title":
            return ("! " if r.priority == 1 else "") + r.title
        if key == "customer":
            return r.customer_name or ""
        if key == "due":
            when = r.due_at or r.remind_at
            return fmt.moment(when) if when is not None else self.tr("no date")
        if key == "kind":
            return labels.task_kind(r.kind)
        if key == "source":
            return labels.task_source(r.source)
        if key == "owner":
            return r.owner or ""
        return self._state(r)

    def styled_data(self, r: TaskRow, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and r.overdue and key in ("due", "state"):
            return QBrush(legible(RED))  # lightened on dark rows (ui/contrast)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return r.title
        return None
