"""Contact log model: a count plus lazily fetched pages of plain rows.

Works like the customer list model: Qt asks ``data()`` only for visible cells and a
page of rows is read the first time one of its rows is needed, so a log of a
million contacts opens as fast as one of ten. The order is fixed — newest first —
because that is how a log is read, and it is the order the time index gives for free.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from kamdesk.domain.vocab import is_zh
from kamdesk.store.queries.contact_log import LogQuery, LogRow, count, fetch_page
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.paged_model import CustomerRowsModel

PAGE = 200

# (key, header) in the order of the method's 表2 客户沟通记录表, with the customer's
# name and the people involved next to what the table calls 客户ID.
COLUMNS: list[tuple[str, str]] = [
    ("code", "Customer ID"), ("customer", "Customer"), ("when", "Time"),
    ("channel", "Channel"), ("people", "People"), ("topic", "Topic"),
    ("feedback", "Customer feedback"), ("issue", "Issue"), ("next_action", "Next action"),
    ("owner", "Owner"), ("deadline", "Deadline"), ("satisfaction", "Satisfaction"),
]
COL = {key: i for i, (key, _h) in enumerate(COLUMNS)}
LONG_TEXT = ("topic", "feedback", "issue", "next_action")


def _first_line(text: str | None) -> str:
    return (text or "").split("\n", 1)[0]


class ContactLogModel(CustomerRowsModel[LogQuery, LogRow]):
    columns = COLUMNS

    def __init__(self, ctx: AppContext, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(ctx, LogQuery(), count, fetch_page, parent)
        self.page_size = PAGE

    def row_of(self, interaction_id: int) -> int | None:
        """Where an interaction sits among the rows already read (for re-selecting)."""
        for page, rows in self._pages.items():
            for i, r in enumerate(rows):
                if r.id == interaction_id:
                    return page * self.page_size + i
        return None

    def _header_strings(self) -> None:  # pragma: no cover - lets lupdate see the headers
        self.tr("Customer ID"), self.tr("Customer"), self.tr("Time"), self.tr("Channel")
        self.tr("People"), self.tr("Topic"), self.tr("Customer feedback"), self.tr("Issue")
        self.tr("Next action"), self.tr("Owner"), self.tr("Deadline"), self.tr("Satisfaction")

    def styled_data(self, r: LogRow, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in LONG_TEXT:
                return getattr(r, key) or None
            if key == "people":
                return "\n".join(r.people) or None
            if key == "satisfaction" and r.satisfaction:
                return labels.satisfaction(r.satisfaction)
        if role == Qt.ItemDataRole.ForegroundRole and key == "deadline" and r.deadline:
            # A promise date already past is worth a glance (the task may be done;
            # the Today screen knows, the log only hints).
            if r.deadline < self._today:
                return QBrush(QColor("#9e9e9e"))
        return None

    def display_text(self, r: LogRow, key: str) -> str:
        if key == "code":
            return r.customer_code
        if key == "customer":
            return r.customer_name
        if key == "when":
            return fmt.moment(r.occurred_at)
        if key == "channel":
            return labels.channel(r.channel)
        if key == "people":
            return "、".join(r.people) if is_zh(self.ctx.lang) else ", ".join(r.people)
        if key in LONG_TEXT:
            return _first_line(getattr(r, key))
        if key == "owner":
            return r.owner or ""
        if key == "deadline":
            return fmt.day(r.deadline)
        if key == "satisfaction":
            return "★" * r.satisfaction if r.satisfaction else ""
        return ""

    def today(self) -> date:
        return self._today
