"""The pieces the Today screen is built of: a card (a titled, folding list with a
count) and its rows (a bold title, a grey detail line, an optional greeting and
small action buttons), with the screen's style sheet and colours.

Kept apart from the screen so the screen holds only what it shows and when.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QToolButton, QVBoxLayout,
    QWidget,
)

from kamdesk.ui import labels
from kamdesk.ui.contrast import legible, window_colour
from kamdesk.ui.icons import icon

#: rows shown per card before "Show all"
FOLDED_ROWS = 5
RED = "#c62828"
AMBER = "#ef6c00"
# the calm tier palette of the customer list: red stays for what is overdue or in danger
TIER_COLOURS = {"A": "#00796b", "B": "#7b5e3b", "C": "#607d8b"}

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


def shown(colour: str) -> str:
    """``colour`` as rich text should use it on the window: lightened on the dark
    palette until it reads at 4.5:1 (the rows draw on the window, not on Base)."""
    return legible(colour, window_colour()).name()


def red() -> str:
    return shown(RED)


def amber() -> str:
    return shown(AMBER)


def tier_html(code: str) -> str:
    colour = shown(TIER_COLOURS.get(code, TIER_COLOURS["C"]))
    return f'<span style="color:{colour}; font-weight:600">{labels.value_tier(code)}</span>'


def esc(text: str | None) -> str:
    return escape(text or "")


class ElidedLabel(QLabel):
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


class TodayRow(QFrame):
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
        label = ElidedLabel(greeting)
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


class TodayCard(QFrame):
    """A titled list with a count; folds to :data:`FOLDED_ROWS` rows until expanded.

    Rows are built lazily from factories, so a refresh builds only what is visible."""

    def __init__(self, name: str, icon_name: str, title: str, empty_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", "card")
        self._empty_text = empty_text
        self._expanded = False
        #: rows shown before "Show all"; None: every row (the key-dates card folds by day)
        self.folded_rows: int | None = FOLDED_ROWS
        #: a link in the foot to the whole list elsewhere (:meth:`add_more_link`)
        self.more_link: QPushButton | None = None
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
        self.see_all: QPushButton | None = None
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
        self.foot = foot
        foot.addWidget(self.toggle)
        foot.addStretch(1)
        foot.addWidget(self.more_label)
        layout.addLayout(foot)

    def add_see_all(self, on_click: Callable[[], None], text: str) -> QPushButton:
        """A "See all" link in the head: the full list behind the count (same filter,
        same number)."""
        button = QPushButton(text)
        button.setObjectName("seeAll")
        button.setProperty("role", "link")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(on_click)
        self.head.addWidget(button)
        self.see_all = button
        return button

    def add_more_link(self, on_click: Callable[[], None]) -> QPushButton:
        """A link in the foot that leads to the whole list on another screen, in place of
        "and N more"; the screen sets its text and shows it when the card is cut short."""
        button = QPushButton()
        button.setObjectName("moreLink")
        button.setProperty("role", "link")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(on_click)
        button.hide()
        self.foot.insertWidget(1, button)
        self.more_link = button
        return button

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
                if isinstance(self.body.itemAt(i).widget(), TodayRow)]

    def _rebuild(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            w = item.widget()
            if w is not None:
                w.hide()
                w.deleteLater()
        folded = len(self._factories) if self.folded_rows is None else self.folded_rows
        shown = self._factories if self._expanded else self._factories[:folded]
        if not shown:
            empty = QLabel(self._empty_text)
            empty.setProperty("role", "empty")
            empty.setObjectName("emptyText")
            empty.setWordWrap(True)
            self.body.addWidget(empty)
        for make in shown:
            self.body.addWidget(make())
        hidden = len(self._factories) - folded
        self.toggle.setVisible(hidden > 0)
        self.toggle.setText(self.tr("Show fewer") if self._expanded
                            else self.tr("Show %n more", "", hidden))
        self.more_label.setVisible(self._more > 0 and (self._expanded or hidden <= 0)
                                   and self.more_link is None)
        self.more_label.setText(self.tr("and %n more", "", self._more))

    def _toggle(self) -> None:
        self._expanded = not self._expanded
        self._rebuild()
