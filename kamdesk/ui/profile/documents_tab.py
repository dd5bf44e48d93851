"""A customer's documents (附件): proposals, signed contract scans, business-card photos.

A thin profile tab around :class:`~kamdesk.ui.widgets.documents_panel.DocumentsPanel`,
so the same list serves a contract or a contact elsewhere; the tab only adds the
profile's lazy loading (the list is read when the tab is looked at).
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kamdesk.ui.context import AppContext
from kamdesk.ui.profile.base import ProfileTab
from kamdesk.ui.widgets.documents_panel import DocumentsPanel


class DocumentsTab(ProfileTab):
    TABLES = DocumentsPanel.TABLES

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("documentsTab")
        self.panel = DocumentsPanel(ctx, parent=self, auto_refresh=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.panel)

    def set_customer(self, customer_id: int) -> None:
        self.panel.set_target(customer_id)
        super().set_customer(customer_id)

    def clear(self) -> None:
        self.panel.clear()

    def refresh(self) -> None:
        self.panel.refresh()
