"""What an empty book says instead of zeros: the next step, with a button.

A fresh book shows Today, Customers and Calendar full of zeros and blank tables. While
the book has no customer, these screens are covered by a short panel that says what to
do next (add a customer, import a spreadsheet, try the demo) and does it on a click. The
panel goes away by itself once the first customer is saved or imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kamdesk.store.queries.book_state import book_is_empty

if TYPE_CHECKING:
    from kamdesk.ui.main_window import MainWindow

#: the screens that cover themselves while the book is empty
SCREENS_WITH_EMPTY_STATE = ("today", "customers", "calendar")


class EmptyBookPanel(QFrame):
    """Covers its screen while the book has no customer."""

    def __init__(self, key: str, screen: QWidget, window: MainWindow) -> None:
        super().__init__(screen)
        self.key = key
        self.covered = screen
        self.main_window = window
        self.setObjectName(f"emptyState_{key}")
        self.setAutoFillBackground(True)
        self.title = QLabel()
        self.title.setObjectName("emptyStateTitle")
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.text = QLabel()
        self.text.setObjectName("emptyStateText")
        self.text.setWordWrap(True)
        self.text.setFixedWidth(560)
        self.new_button = QPushButton()
        self.new_button.setObjectName("emptyStateNewCustomer")
        self.new_button.clicked.connect(window.new_customer)
        self.import_button = QPushButton()
        self.import_button.setObjectName("emptyStateImport")
        self.import_button.clicked.connect(lambda: window.io.import_table())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addStretch(1)
        for w in (self.title, self.text):
            lay.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        self.text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        lay.addSpacing(12)
        lay.addLayout(buttons)
        lay.addStretch(2)
        self._retranslate()
        screen.installEventFilter(self)
        window.ctx.changed.connect(self._changed)
        self.refresh()

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Your book is empty"))
        self.text.setText({
            "today": self.tr("Today lists whom to contact, what is due and what needs an "
                             "answer. Start by adding your first customer or importing your "
                             "customer spreadsheet (表1)."),
            "customers": self.tr("No customers yet. Add one by hand, or import the "
                                 "spreadsheet you keep today; KAMDesk keeps every column."),
            "calendar": self.tr("The calendar shows tasks, visits, events and key dates "
                                "(birthdays, anniversaries) of your customers. Add or import "
                                "customers first."),
        }[self.key])
        # centred word-wrapped labels get one line's height from the layout; say how many
        self.text.setFixedHeight(self.text.heightForWidth(self.text.width()))
        self.new_button.setText(self.tr("New customer…"))
        self.import_button.setText(self.tr("Import a spreadsheet…"))

    def refresh(self) -> None:
        empty = bool(self.main_window.ctx.db.read(book_is_empty))
        self.setVisible(empty)
        if empty:
            self.setGeometry(self.covered.rect())
            self.raise_()

    def _changed(self, changes: object) -> None:
        try:
            touched = "customers" in changes  # type: ignore[operator]
        except TypeError:
            touched = True
        if touched:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.covered and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.covered.rect())
        return False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def attach_empty_state(key: str, screen: QWidget, window: MainWindow) -> EmptyBookPanel | None:
    """Give ``screen`` its empty-book panel if it is one of those that have one."""
    if key not in SCREENS_WITH_EMPTY_STATE:
        return None
    return EmptyBookPanel(key, screen, window)
