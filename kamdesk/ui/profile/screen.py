"""The customer profile: one screen per customer (客户档案/客户画像).

A header that is always visible (tiers, next touch, health and why) over tabs for
the company, its key people, the contact log, orders, contracts, account plans, tasks
and the health history. The main window creates one instance and calls :meth:`load` with
a customer id whenever ``ctx.open_customer`` is emitted.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from kamdesk.store.ops.customers import set_archived
from kamdesk.store.queries.profile import header
from kamdesk.store.queries.receivables import credit_standing
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op
from kamdesk.ui.profile.base import ProfileTab
from kamdesk.ui.profile.complaints_tab import ComplaintsTab
from kamdesk.ui.profile.contact_log_tab import ContactLogTab
from kamdesk.ui.profile.contracts_tab import ContractsTab
from kamdesk.ui.profile.documents_tab import DocumentsTab
from kamdesk.ui.profile.header import ProfileHeaderWidget
from kamdesk.ui.profile.health_tab import HealthTab
from kamdesk.ui.profile.history_tab import HistoryTab
from kamdesk.ui.profile.orders_tab import OrdersTab
from kamdesk.ui.profile.overview_tab import OverviewTab
from kamdesk.ui.profile.payments_tab import PaymentsTab
from kamdesk.ui.profile.people_tab import PeopleTab
from kamdesk.ui.profile.plans_tab import PlansTab
from kamdesk.ui.profile.products_tab import ProductsTab
from kamdesk.ui.profile.surveys_tab import SurveysTab
from kamdesk.ui.profile.tag_strip import TagStrip
from kamdesk.ui.profile.tasks_tab import TasksTab

HEADER_TABLES = frozenset({"customers", "customer_metrics", "interactions", "trades", "tasks",
                           "people", "complaints", "survey_responses", "payments"})


class ProfileScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("profileScreen")
        self._customer_id: int | None = None
        self._header_stale = False
        self._status = "active"

        self.header = ProfileHeaderWidget(ctx.lang, self)
        # The customer's tags: a row of the header, shown and edited in place.
        self.tag_strip = TagStrip(ctx, self.header)
        self.header.layout().addWidget(self.tag_strip)
        self.missing = QLabel(self.tr("This customer no longer exists."))
        self.missing.setObjectName("profileMissing")
        self.missing.hide()

        self.overview = OverviewTab(ctx)
        self.people = PeopleTab(ctx)
        self.contact_log = ContactLogTab(ctx)
        self.orders = OrdersTab(ctx)
        self.contracts = ContractsTab(ctx)
        self.payments = PaymentsTab(ctx)
        self.tasks = TasksTab(ctx)
        self.health = HealthTab(ctx)
        self.plans = PlansTab(ctx)
        self.history = HistoryTab(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("profileTabs")
        self.tabs.setDocumentMode(True)
        for tab, title in ((self.overview, self.tr("Overview")),
                           (self.people, self.tr("Key people")),
                           (self.contact_log, self.tr("Contact log")),
                           (self.orders, self.tr("Orders")),
                           (self.payments, self.tr("Payments")),
                           (ProductsTab(ctx), self.tr("Products")),
                           (self.contracts, self.tr("Contracts")),
                           (self.plans, self.tr("Plans")),
                           (SurveysTab(ctx), self.tr("Satisfaction")),
                           (self.tasks, self.tr("Tasks")),
                           (ComplaintsTab(ctx), self.tr("Complaints")),
                           (self.health, self.tr("Health && history")),
                           (DocumentsTab(ctx), self.tr("Documents")),
                           (self.history, self.tr("History"))):
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(self._tab_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.missing)
        layout.addWidget(self.tabs, 1)

        self.header.back_button.clicked.connect(self.back_to_list)
        self.header.log_button.clicked.connect(self.log_contact)
        self.header.edit_button.clicked.connect(self.edit_customer)
        self.header.plan_button.clicked.connect(self.open_plan)
        self.header.brief_button.clicked.connect(self.export_brief)
        self.header.archive_button.clicked.connect(self.toggle_archived)
        # Alt+Left is the main window's Back (kamdesk/ui/navigation.py): it returns to
        # wherever the profile was opened from, not always to the list.
        ctx.changed.connect(self._on_changed)

    # -- the main window's interface ---------------------------------------------------
    def load(self, customer_id: int) -> None:
        self._customer_id = customer_id
        self.tag_strip.set_customer(customer_id)
        for tab in self._tabs():
            tab.set_customer(customer_id)
        self._refresh_header()
        self._current_tab().ensure_loaded()

    def current_customer_id(self) -> int | None:
        return self._customer_id

    # -- refreshing --------------------------------------------------------------------
    def _tabs(self) -> list[ProfileTab]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]  # type: ignore[misc]

    def _current_tab(self) -> ProfileTab:
        return self.tabs.currentWidget()  # type: ignore[return-value]

    def _refresh_header(self) -> None:
        self._header_stale = False
        if self._customer_id is None:
            return
        h = self.ctx.db.read(header, self._customer_id)
        exists = h is not None
        self.missing.setVisible(not exists)
        self.header.setVisible(exists)
        self.tabs.setEnabled(exists)
        if h is not None:
            self._status = h.status
            self.header.show_header(h, self.ctx.clock.today())
            self.header.show_credit(self.ctx.db.read(credit_standing, self._customer_id))

    def _tab_changed(self, _index: int) -> None:
        if self._customer_id is not None:
            self._current_tab().ensure_loaded()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if self._customer_id is None:
            return
        if tables & HEADER_TABLES:
            self._header_stale = True
        for tab in self._tabs():
            if tables & tab.TABLES:
                tab.stale = True
        if self.isVisible():
            self._catch_up()

    def _catch_up(self) -> None:
        if self._header_stale:
            self._refresh_header()
        if self._customer_id is not None:
            self._current_tab().ensure_loaded()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._catch_up()

    # -- actions -----------------------------------------------------------------------
    def back_to_list(self) -> None:
        show = getattr(self.window(), "show_screen", None)
        if callable(show):
            show("customers")

    def log_contact(self) -> None:
        if self._customer_id is not None:
            self.ctx.log_contact.emit(self._customer_id)

    def open_plan(self) -> None:
        """The header's Account plan button: the latest plan (or the create banner)."""
        if self._customer_id is not None:
            from kamdesk.ui.plan.editor import open_plan_editor

            open_plan_editor(self.ctx, self._customer_id, self)

    def show_plans(self) -> None:
        """Bring this customer's plans to the front (the Plans tab)."""
        self.tabs.setCurrentWidget(self.plans)

    def export_brief(self) -> None:
        if self._customer_id is not None:
            from kamdesk.ui.pdf_export import export_brief_pdf

            export_brief_pdf(self.ctx, self._customer_id, self)

    def edit_customer(self) -> None:
        if self._customer_id is None:
            return
        from kamdesk.ui.dialogs.customer_dialog import CustomerDialog

        self.dialog = CustomerDialog(self.ctx, self._customer_id, self)
        self.dialog.open()

    def toggle_archived(self) -> None:
        if self._customer_id is None:
            return
        archive = self._status != "archived"
        if run_op(self.ctx, set_archived, self._customer_id, archive, initiator=self) is None:
            return
        name = self.header.name_label.text()
        self.ctx.status.emit((self.tr("Archived %1") if archive else self.tr("Restored %1"))
                             .replace("%1", name))
