"""Where the user is in the main window, and how they move: the sidebar, Back/Forward
through screens and customer profiles, Ctrl+1…Ctrl+9, the window title.

The main window owns the screens; this module owns the *place* (a screen key plus the
customer on a profile) and its history, so that a click on a sidebar entry always
answers (also on the entry that is already current) and Back/Forward retrace what the
user actually saw. A profile entry remembers its customer; a customer deleted since is
skipped on the way back or forward.

On a profile no sidebar entry is highlighted: the profile is not one of the sidebar's
screens, and a highlighted "Customers" (or whichever screen it was opened from) would
claim a place the user is not on and make that entry look like a no-op to click. A
breadcrumb under the list says "Customer · <name>" instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QApplication, QLabel, QListWidget, QMenu, QTabWidget, QToolBar, QVBoxLayout, QWidget,
)

from kamdesk.store.queries.customers import pick_customer
from kamdesk.ui.icons import icon

if TYPE_CHECKING:
    from kamdesk.ui.main_window import MainWindow

PROFILE = "profile"
HISTORY_LIMIT = 100


class Place(NamedTuple):
    """One stop in the history: a screen, and the customer when it is the profile."""

    key: str
    customer_id: int | None = None


class History:
    """Back/Forward over places, like a browser: visiting a new place drops the forward
    stack; a place that no longer exists is skipped (and forgotten) when stepping."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.places: list[Place] = []
        self.index = -1
        self.limit = limit

    @property
    def current(self) -> Place | None:
        return self.places[self.index] if 0 <= self.index < len(self.places) else None

    def visit(self, place: Place) -> None:
        if place == self.current:
            return
        del self.places[self.index + 1:]
        self.places.append(place)
        if len(self.places) > self.limit:
            del self.places[0]
        self.index = len(self.places) - 1

    def can_step(self, step: int, exists: Callable[[Place], bool] = lambda _p: True) -> bool:
        i = self.index + step
        while 0 <= i < len(self.places):
            if exists(self.places[i]):
                return True
            i += step
        return False

    def step(self, step: int, exists: Callable[[Place], bool] = lambda _p: True) -> Place | None:
        """Move back (-1) or forward (+1) to the nearest place that still exists."""
        i = self.index + step
        while 0 <= i < len(self.places):
            if exists(self.places[i]):
                self.index = i
                return self.places[i]
            del self.places[i]
            if step < 0:
                self.index -= 1
                i -= 1
        return None


class Navigator(QObject):
    """Shows places in the main window and keeps the history, the sidebar, the
    breadcrumb, the title and the Back/Forward/Go-to actions in step."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.history = History()
        self.nav: QListWidget = window.nav
        self.nav.setAccessibleName(self.tr("Screens"))
        self.breadcrumb = QLabel()
        self.breadcrumb.setObjectName("navBreadcrumb")
        self.breadcrumb.setWordWrap(True)
        self.breadcrumb.setContentsMargins(8, 4, 8, 6)
        self.breadcrumb.hide()
        self.sidebar = QWidget()
        self.sidebar.setObjectName("sidebar")
        box = QVBoxLayout(self.sidebar)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.nav, 1)
        box.addWidget(self.breadcrumb)
        self.sidebar.setMinimumWidth(self.nav.minimumWidth())
        self.sidebar.setMaximumWidth(self.nav.maximumWidth())

        self.back_action = QAction(icon("chevron-left"), self.tr("Back"), window)
        self.back_action.setObjectName("backAction")
        self.back_action.setShortcuts(_keys(QKeySequence.StandardKey.Back, "Alt+Left"))
        self.back_action.setToolTip(self.tr("Back to the previous screen or customer (Alt+←)"))
        self.back_action.triggered.connect(self.back)
        self.forward_action = QAction(icon("chevron-right"), self.tr("Forward"), window)
        self.forward_action.setObjectName("forwardAction")
        self.forward_action.setShortcuts(_keys(QKeySequence.StandardKey.Forward, "Alt+Right"))
        self.forward_action.setToolTip(self.tr("Forward again (Alt+→)"))
        self.forward_action.triggered.connect(self.forward)
        self.goto_actions: list[QAction] = []
        for action in (self.back_action, self.forward_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window.addAction(action)

        # A click always answers, also on the entry that is current already; arrow keys
        # in the list move between screens as before.
        self.nav.itemClicked.connect(lambda item: self.go(Place(item_key(item))))
        self.nav.currentRowChanged.connect(self._row_changed)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        window.ctx.changed.connect(self._on_changed)
        self._update_actions()

    def _on_changed(self, tables: frozenset[str]) -> None:
        current = self.history.current
        if current is not None and current.key == PROFILE and "customers" in tables:
            self.refresh_title()

    # -- building the window's parts ---------------------------------------------------
    def add_goto_actions(self, keys: list[str]) -> None:
        """Ctrl+1…Ctrl+9 for the sidebar screens in their order."""
        for n, key in enumerate(keys[:9], start=1):
            title = self.nav.item(n - 1).text()
            action = QAction(self.tr("Go to %1").replace("%1", title), self.window)
            action.setObjectName(f"goto_{key}")
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, k=key: self.go(Place(k)))
            self.window.addAction(action)
            self.goto_actions.append(action)

    def add_to_toolbar(self, toolbar: QToolBar) -> None:
        first = toolbar.actions()[0] if toolbar.actions() else None
        toolbar.insertActions(first, [self.back_action, self.forward_action])  # type: ignore[arg-type]
        if first is not None:
            toolbar.insertSeparator(first)

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.back_action)
        menu.addAction(self.forward_action)
        menu.addSeparator()
        for action in self.goto_actions:
            menu.addAction(action)

    # -- moving --------------------------------------------------------------------------
    def go(self, place: Place, record: bool = True) -> None:
        """Show *place*; a sidebar click on the current screen shows it again (no-op
        for the history)."""
        w = self.window
        if place.key == PROFILE:
            if place.customer_id is None or not w.has_screen(PROFILE):
                return
            profile = w.screen(PROFILE)
            if getattr(profile, "current_customer_id", lambda: None)() != place.customer_id:
                profile.load(place.customer_id)  # type: ignore[attr-defined]
            profile.setAccessibleName(self.where_text(place))
        elif not w.has_screen(place.key):
            return
        screen = w.screen(place.key)
        w.stack.setCurrentWidget(screen)
        self._land_focus(screen)
        if record:
            self.history.visit(place)
        self._show_where(place)

    def back(self) -> None:
        self._step(-1)

    def forward(self) -> None:
        self._step(+1)

    def _step(self, step: int) -> None:
        place = self.history.step(step, self.exists)
        if place is not None:
            self.go(place, record=False)
        self._update_actions()

    def exists(self, place: Place) -> bool:
        if place.key != PROFILE:
            return self.window.has_screen(place.key)
        return (place.customer_id is not None
                and self.window.ctx.db.read(pick_customer, place.customer_id) is not None)

    def _land_focus(self, screen: QWidget) -> None:
        """Keep the focus in the sidebar or toolbar when the user moved from there; else
        put it on the new screen (a profile: its tab bar, one Tab from the tab's first
        control) instead of leaving it on a hidden page."""
        focus = QApplication.focusWidget()
        if focus is not None and focus.isVisible() and focus.window() is self.window \
                and not self.window.stack.isAncestorOf(focus):
            return
        tabs = getattr(screen, "tabs", None)
        if isinstance(tabs, QTabWidget):
            tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)
            return
        w: QWidget | None = screen.nextInFocusChain()
        for _ in range(500):
            if w is None or w is screen or not screen.isAncestorOf(w):
                break
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and w.isEnabled():
                w.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            w = w.nextInFocusChain()

    # -- showing where the user is -------------------------------------------------------
    def _show_where(self, place: Place) -> None:
        keys = self.window.nav_keys()
        self.nav.blockSignals(True)
        if place.key in keys:
            self.nav.setCurrentRow(keys.index(place.key))
        else:
            # No current row at all, so a click on any entry (also the one the profile
            # was opened from) is a change and answers.
            self.nav.setCurrentRow(-1)
            self.nav.clearSelection()
        self.nav.blockSignals(False)
        self.window.setWindowTitle(self.title_for(place))
        crumb = self.where_text(place) if place.key == PROFILE else ""
        self.breadcrumb.setText(crumb)
        self.breadcrumb.setAccessibleName(crumb)
        self.breadcrumb.setVisible(bool(crumb))
        self._update_actions()

    def where_text(self, place: Place) -> str:
        if place.key == PROFILE:
            pick = (self.window.ctx.db.read(pick_customer, place.customer_id)
                    if place.customer_id is not None else None)
            name = pick.name if pick is not None else "?"
            return self.tr("Customer · %1").replace("%1", name)
        keys = self.window.nav_keys()
        if place.key in keys:
            return self.nav.item(keys.index(place.key)).text()
        return place.key

    def title_for(self, place: Place) -> str:
        return self.tr("%1 — KAMDesk").replace("%1", self.where_text(place))

    def refresh_title(self) -> None:
        """After a rename: the title and breadcrumb follow the customer's new name."""
        if self.history.current is not None:
            self._show_where(self.history.current)

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_step(-1))
        self.forward_action.setEnabled(self.history.can_step(+1))

    def _row_changed(self, row: int) -> None:
        keys = self.window.nav_keys()
        if 0 <= row < len(keys):
            self.go(Place(keys[row]))

    # -- the mouse's back/forward buttons, anywhere in the window ----------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress:
            button = event.button() if isinstance(event, QMouseEvent) else None
            if button in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton) \
                    and isinstance(watched, QWidget) and watched.window() is self.window:
                self._step(-1 if button == Qt.MouseButton.BackButton else +1)
                return True
        return False


def item_key(item) -> str:  # type: ignore[no-untyped-def]
    return str(item.data(Qt.ItemDataRole.UserRole))


def _keys(standard: QKeySequence.StandardKey, first: str) -> list[QKeySequence]:
    """*first* plus the platform's own Back/Forward keys, without Backspace (some
    platforms bind it to Back; in a list it would leave the screen by surprise)."""
    keys = [QKeySequence(first)]
    for k in QKeySequence.keyBindings(standard):
        if k.toString() != first and "Backspace" not in k.toString():
            keys.append(k)
    return keys
