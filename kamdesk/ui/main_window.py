"""The main window: left navigation, toolbar with global search and Log contact,
status bar. Screens are created once and kept; they refresh themselves from
:attr:`AppContext.changed`.

Window geometry, the last screen and every table's column widths are remembered
in QSettings (machine-specific, not in the database).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView, QLineEdit, QListWidget, QListWidgetItem, QMainWindow, QSplitter,
    QStackedWidget, QToolBar, QWidget,
)

from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon


def _optional_factory(module: str, name: str):  # type: ignore[no-untyped-def]
    """A constructor that imports its screen module on first use (keeps start-up light);
    None when the module is not part of this build."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        return None

    def make(*args):  # type: ignore[no-untyped-def]
        return _optional(module, name)(*args)

    return make


def _optional(module: str, name: str):  # type: ignore[no-untyped-def]
    """Screens land one issue at a time; a screen whose module is not there yet is
    left out of the navigation rather than shown as a placeholder."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowTitle("KAMDesk")
        self.setMinimumSize(1000, 640)
        self._screens: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._nav_keys: list[str] = []
        from kamdesk.ui.accessibility import install as name_controls_when_shown

        name_controls_when_shown()

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(260)
        self.stack = QStackedWidget()
        self.splitter = QSplitter()
        self.splitter.setObjectName("mainSplitter")
        from kamdesk.ui.navigation import Navigator

        self.navigator = Navigator(self)
        self.splitter.addWidget(self.navigator.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([180, 1100])
        self.setCentralWidget(self.splitter)

        self._build_toolbar()
        self._build_screens()
        self.navigator.add_goto_actions(self._nav_keys)
        self.navigator.add_to_toolbar(self.findChild(QToolBar, "mainToolbar"))
        self._build_menus()
        ctx.open_customer.connect(self.show_customer)
        ctx.log_contact.connect(self.open_log_dialog)
        ctx.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.statusBar().showMessage(self.tr("Database: %1").replace("%1", ctx.db.location))
        self._restore_state()

    # -- construction ---------------------------------------------------------
    def _build_toolbar(self) -> None:
        tb = QToolBar(self.tr("Main"))
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(tb)

        self.log_action = QAction(icon("log"), self.tr("Log contact"), self)
        self.log_action.setShortcut(QKeySequence("Ctrl+L"))
        self.log_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.log_action.setToolTip(self.tr("Log a call, visit or message (Ctrl+L)"))
        self.log_action.triggered.connect(lambda: self.open_log_dialog(self.current_customer_id() or 0))
        tb.addAction(self.log_action)

        self.new_customer_action = QAction(icon("customer-add"), self.tr("New customer"), self)
        self.new_customer_action.setShortcut(QKeySequence("Ctrl+N"))
        self.new_customer_action.triggered.connect(self.new_customer)
        tb.addAction(self.new_customer_action)

        self.new_order_action = QAction(icon("contract"), self.tr("New order…"), self)
        self.new_order_action.setObjectName("newOrderAction")
        self.new_order_action.setToolTip(self.tr("Enter an order or a return for a customer"))
        self.new_order_action.triggered.connect(self.new_order)
        tb.addAction(self.new_order_action)

        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        tb.addWidget(spacer)
        self.global_search = QLineEdit()
        self.global_search.setObjectName("globalSearch")
        self.global_search.setPlaceholderText(self.tr("Find customer (Ctrl+F)"))
        self.global_search.setClearButtonEnabled(True)
        self.global_search.setMaximumWidth(280)
        self.global_search.returnPressed.connect(self._global_search)
        self.global_search.textEdited.connect(self._global_search)
        tb.addWidget(self.global_search)
        find = QAction(self.tr("Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        find.triggered.connect(self._focus_search)
        self.addAction(find)

    def _build_menus(self) -> None:
        from kamdesk.ui.io_actions import IoActions

        self.io = IoActions(self.ctx, self)
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(icon("export"), self.tr("Import table (CSV/Excel)…"),
                            lambda: self.io.import_table())
        file_menu.addAction(self.tr("Undo last import…"), self.io.undo_last_import)
        file_menu.addSeparator()
        file_menu.addAction(self.tr("Export customers (表1)…"),
                            lambda: self.io.export_table("customers"))
        file_menu.addAction(self.tr("Export contact log (表2)…"),
                            lambda: self.io.export_table("contacts"))
        file_menu.addAction(self.tr("Export key people as vCard…"), self.io.export_vcards)
        if self.has_screen("calendar"):
            file_menu.addAction(icon("calendar"), self.tr("Export calendar (.ics)…"),
                                lambda: self.screen("calendar").export_ical(False))
        file_menu.addSeparator()
        file_menu.addAction(self.tr("Export everything…"), self.io.export_everything)
        file_menu.addAction(self.tr("Import everything…"), lambda: self.io.import_everything())
        from kamdesk.ui.backup_actions import BackupActions

        self.backups = BackupActions(self.ctx, self)
        file_menu.addAction(self.tr("Back up now…"), lambda: self.backups.back_up_now())
        file_menu.addAction(self.tr("Restore…"), lambda: self.backups.restore())
        settings = _optional_factory("kamdesk.ui.settings_dialog", "SettingsDialog")
        if settings is not None:
            file_menu.addSeparator()
            act = file_menu.addAction(icon("settings"), self.tr("Settings…"),
                                      lambda: settings(self.ctx, self).exec())
            act.setShortcut(QKeySequence.StandardKey.Preferences)
        file_menu.addSeparator()
        quit_act = file_menu.addAction(self.tr("Quit"), self.quit_app)
        quit_act.setShortcut(QKeySequence.StandardKey.Quit)

        customer_menu = bar.addMenu(self.tr("&Customer"))
        customer_menu.addAction(self.new_customer_action)
        customer_menu.addAction(self.log_action)
        customer_menu.addAction(self.new_order_action)
        customer_menu.addSeparator()
        self.find_duplicates_action = customer_menu.addAction(
            self.tr("Find duplicates…"), self.find_duplicates)
        self.find_duplicates_action.setObjectName("findDuplicatesAction")

        from kamdesk.ui.refresh import BookRefresher

        self.refresher = BookRefresher(self.ctx, self)  # F5 and the "changed by others" hint
        bar.addMenu(self.tr("&View")).addAction(self.refresher.action)
        self.navigator.fill_menu(bar.addMenu(self.tr("&Go")))
        help_menu = bar.addMenu(self.tr("&Help"))
        self.guide_action = help_menu.addAction(self.tr("User guide"), self.show_guide)
        self.guide_action.setObjectName("userGuideAction")
        shortcuts = help_menu.addAction(self.tr("Keyboard shortcuts"), self.show_shortcuts)
        shortcuts.setShortcut(QKeySequence("F1"))
        help_menu.addAction(self.tr("About KAMDesk"), self._about)

    def quit_app(self) -> None:
        from PySide6.QtWidgets import QApplication

        self.save_state()
        QApplication.quit()

    def _about(self) -> None:
        from kamdesk.log import log_path
        from kamdesk.ui.help_dialogs import AboutDialog

        AboutDialog(self.ctx.db.location, str(log_path() or "-"), self).exec()

    def show_guide(self):  # type: ignore[no-untyped-def]
        """Help ▸ User guide, in the UI language; returns the (non-modal) dialog."""
        from kamdesk.ui.help_dialogs import GuideDialog

        self.guide = GuideDialog(self.ctx.lang, self)
        self.guide.show()
        return self.guide

    def add_screen(self, key: str, title: str, icon_name: str,
                   widget: QWidget | Callable[[], QWidget], in_nav: bool = True) -> None:
        """Register a screen; a factory is only called the first time it is shown, so
        start-up builds (and queries for) just the screen the user lands on."""
        if isinstance(widget, QWidget):
            self._screens[key] = widget
            self.stack.addWidget(widget)
        else:
            self._factories[key] = widget
        if in_nav:
            item = QListWidgetItem(icon(icon_name), title)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            self._nav_keys.append(key)

    def _build_screens(self) -> None:
        from kamdesk.ui.customers.screen import CustomersScreen

        self.customers = CustomersScreen(self.ctx)
        self.customers.new_customer_requested.connect(self.new_customer)
        self.customers.setAccessibleName(self.tr("Customers"))
        for key, title, icon_name, factory in self._screen_factories():
            self.add_screen(key, title, icon_name, factory)
        profile = _optional_factory("kamdesk.ui.profile.screen", "ProfileScreen")
        if profile is not None:
            self.add_screen("profile", self.tr("Customer"), "profile",
                            lambda: profile(self.ctx), in_nav=False)

    def _screen_factories(self) -> list[tuple[str, str, str, Callable[[], QWidget]]]:
        ctx = self.ctx
        wanted = [
            ("today", self.tr("Today"), "today", "kamdesk.ui.today.screen", "TodayScreen"),
            ("tasks", self.tr("Tasks"), "task", "kamdesk.ui.tasks.screen", "TasksScreen"),
            ("customers", self.tr("Customers"), "customers", None, None),
            ("log", self.tr("Contact log"), "contact-log", "kamdesk.ui.contact_log.screen",
             "ContactLogScreen"),
            ("calendar", self.tr("Calendar"), "calendar", "kamdesk.ui.calendar.screen",
             "CalendarScreen"),
            ("pipeline", self.tr("Pipeline"), "pipeline", "kamdesk.ui.pipeline.screen",
             "PipelineScreen"),
            ("events", self.tr("Events"), "event", "kamdesk.ui.events.screen", "EventsScreen"),
            ("complaints", self.tr("Complaints"), "warning", "kamdesk.ui.complaints.screen",
             "ComplaintsScreen"),
            ("plans", self.tr("Plans"), "plan", "kamdesk.ui.plans.screen", "PlansScreen"),
            ("reports", self.tr("Reports"), "reports", "kamdesk.ui.reports.screen",
             "ReportsScreen"),
        ]
        out: list[tuple[str, str, str, Callable[[], QWidget]]] = []
        for key, title, icon_name, module, cls in wanted:
            if module is None:
                out.append((key, title, icon_name, lambda: self.customers))
                continue
            factory = _optional_factory(module, cls)
            if factory is not None:
                out.append((key, title, icon_name, lambda f=factory: f(ctx)))
        return out

    # -- navigation -------------------------------------------------------------
    def screen(self, key: str) -> QWidget:
        widget = self._screens.get(key)
        if widget is None:
            widget = self._factories.pop(key)()
            if key in self._nav_keys:
                widget.setAccessibleName(self.nav.item(self._nav_keys.index(key)).text())
            self._screens[key] = widget
            self.stack.addWidget(widget)
            self._restore_columns(widget)
            from kamdesk.ui.empty_state import attach_empty_state

            attach_empty_state(key, widget, self)
        return widget

    def has_screen(self, key: str) -> bool:
        return key in self._screens or key in self._factories

    def nav_keys(self) -> list[str]:
        return list(self._nav_keys)

    def show_screen(self, key: str) -> None:
        """Show a sidebar screen (the profile needs :meth:`show_customer`)."""
        from kamdesk.ui.navigation import Place

        self.navigator.go(Place(key))

    def current_key(self) -> str:
        w = self.stack.currentWidget()
        return next((k for k, v in self._screens.items() if v is w), "customers")

    def _focus_search(self) -> None:
        self.global_search.setFocus()
        self.global_search.selectAll()

    def _global_search(self) -> None:
        self.show_screen("customers")
        self.customers.search.setText(self.global_search.text())

    def current_customer_id(self) -> int | None:
        w = self.stack.currentWidget()
        getter = getattr(w, "current_customer_id", None)
        if callable(getter):
            return getter()
        if w is self.customers:
            return self.customers.selected_id()
        return None

    # -- actions (filled in by the profile and log-contact modules) ------------
    def show_customer(self, customer_id: int) -> None:
        from kamdesk.ui.navigation import PROFILE, Place

        self.navigator.go(Place(PROFILE, customer_id))

    def open_log_dialog(self, customer_id: int = 0) -> None:
        from kamdesk.ui.dialogs.log_contact import LogContactDialog

        dlg = LogContactDialog(self.ctx, customer_id or None, self)
        dlg.open()

    def new_customer(self) -> None:
        from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

        dlg = CustomerDialog(self.ctx, None, self)
        if dlg.exec() and dlg.saved_id:
            self.show_customer(dlg.saved_id)

    def find_duplicates(self) -> None:
        """Customers that look like one company, to merge or mark as different."""
        from kamdesk.ui.dialogs.duplicates_dialog import DuplicatesDialog

        dlg = DuplicatesDialog(self.ctx, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()

    def new_order(self) -> None:
        """The order dialog, its customer picker preset to the customer in view."""
        from kamdesk.ui.dialogs.order_dialog import OrderDialog

        dlg = OrderDialog(self.ctx, self.current_customer_id(), self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()

    def show_shortcuts(self) -> None:
        from kamdesk.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self).exec()

    # -- state ------------------------------------------------------------------
    def _restore_columns(self, root: QWidget) -> None:
        for name, header in self._tables(root):
            saved = self.ctx.settings.value(f"columns/{name}")
            if isinstance(saved, QByteArray):
                header.restoreState(saved)

    def _tables(self, root: QWidget | None = None) -> list[tuple[str, QHeaderView]]:
        from PySide6.QtWidgets import QTableView, QTreeView

        root = root or self
        out = []
        for view in root.findChildren(QTableView):
            if view.objectName():
                out.append((view.objectName(), view.horizontalHeader()))
        for tree in root.findChildren(QTreeView):
            if tree.objectName():
                out.append((tree.objectName(), tree.header()))
        return out

    def _restore_state(self) -> None:
        s = self.ctx.settings
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        state = s.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = s.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        for name, header in self._tables():
            saved = s.value(f"columns/{name}")
            if isinstance(saved, QByteArray):
                header.restoreState(saved)
        last = str(s.value("window/screen", self._nav_keys[0] if self._nav_keys else "customers"))
        self.show_screen(last if last in self._nav_keys else self._nav_keys[0])

    def save_state(self) -> None:
        s = self.ctx.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState())
        s.setValue("window/splitter", self.splitter.saveState())
        key = self.current_key()
        s.setValue("window/screen", key if key in self._nav_keys else "customers")
        for name, header in self._tables():
            s.setValue(f"columns/{name}", header.saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.refresher.stop()
        self.save_state()
        super().closeEvent(event)
