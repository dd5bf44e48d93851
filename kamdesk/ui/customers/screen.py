"""The Customers screen: filter bar, search-as-you-type and the paged table."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from kamdesk.store.errors import HasHistory
from kamdesk.store.ops.customers import delete_customer, set_archived
from kamdesk.store.queries.customers import distinct_values
from kamdesk.store.search import search_words, searched_at_once
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.customers.model import COL, CustomerTableModel
from kamdesk.ui.ops import run_op

REFRESH_ON = {"customers", "customer_metrics", "people", "interactions", "trades", "tasks",
              "payments"}

#: how long a search that scans (one or two Latin letters or digits) waits for a pause
SEARCH_PAUSE_MS = 250


class CustomersScreen(QWidget):
    new_customer_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("customersScreen")
        self.model = CustomerTableModel(ctx, self)

        self.search = QLineEdit()
        self.search.setObjectName("customerSearch")
        self.search.setPlaceholderText(self.tr("Search name, code, contact, phone or pinyin (zgyd)…"))
        self.search.setClearButtonEnabled(True)
        self.industry = QComboBox()
        self.tier = QComboBox()
        self.activity = QComboBox()
        self.potential = QComboBox()
        self.owner = QComboBox()
        for combo, name in ((self.industry, "industryFilter"), (self.tier, "tierFilter"),
                            (self.activity, "activityFilter"), (self.potential, "potentialFilter"),
                            (self.owner, "ownerFilter")):
            combo.setObjectName(name)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.archived = QCheckBox(self.tr("Show archived"))
        self.credit = QCheckBox(self.tr("Over/near credit limit"))
        self.credit.setObjectName("creditFilter")
        self.credit.setToolTip(self.tr("Customers using 80 % or more of their credit limit"))
        self._fill_static_filters()

        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(self.search, 1)
        top.addWidget(self.overdue)
        top.addWidget(self.credit)
        top.addWidget(self.archived)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        for label, combo in ((self.tr("Industry"), self.industry), (self.tr("Tier"), self.tier),
                             (self.tr("Activity"), self.activity),
                             (self.tr("Potential"), self.potential), (self.tr("Owner"), self.owner)):
            lab = QLabel(label)
            lab.setBuddy(combo)
            filters.addWidget(lab)
            filters.addWidget(combo)
        filters.addStretch(1)

        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Biggest accounts first: the order a key-account manager reads the book in.
        self.model._query = replace(self.model.query, sort="revenue", descending=True)
        self.table.horizontalHeader().setSortIndicator(COL["revenue"], Qt.SortOrder.DescendingOrder)
        # Only now: enabling sorting earlier would query the book once per indicator change.
        self.table.setSortingEnabled(True)
        # Sensible first-run widths (the user's own widths are restored by the window).
        for key, width in (("code", 80), ("name", 250), ("industry", 90), ("months", 64),
                           ("revenue", 125), ("tier", 150), ("key_contact", 90),
                           ("phone", 115), ("need", 110), ("last_interaction", 100),
                           ("health", 60), ("rfm", 50), ("next_due", 100),
                           ("credit", 140)):
            self.table.setColumnWidth(COL[key], width)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)

        self.count_label = QLabel()
        self.count_label.setObjectName("customerCount")
        new_btn = QPushButton(self.tr("New customer…"))
        new_btn.clicked.connect(self.new_customer_requested.emit)
        self.archive_btn = QPushButton(self.tr("Archive"))
        self.archive_btn.clicked.connect(self._toggle_archive)
        self.delete_btn = QPushButton(self.tr("Delete"))
        self.delete_btn.clicked.connect(self._delete)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(new_btn)
        bottom.addWidget(self.archive_btn)
        bottom.addWidget(self.delete_btn)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        # Coalesce fast typing into one query per event-loop turn; text the index
        # answers runs on the keystroke, a scan waits for a pause (_search_edited).
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_edited)
        for combo in (self.industry, self.tier, self.activity, self.potential, self.owner):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.overdue.toggled.connect(self.apply_filters)
        self.credit.toggled.connect(self.apply_filters)
        self.archived.toggled.connect(self.apply_filters)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        ctx.changed.connect(self._on_changed)
        self._reload_dynamic_filters()
        self.apply_filters()

    def _fill_static_filters(self) -> None:
        any_ = self.tr("Any")
        self.tier.addItem(any_, None)
        for code in ("A", "B", "C"):
            self.tier.addItem(labels.value_tier(code), code)
        self.activity.addItem(any_, None)
        for code in ("active", "silent", "churned"):
            self.activity.addItem(labels.activity(code), code)
        self.potential.addItem(any_, None)
        for code in ("high", "medium", "low"):
            self.potential.addItem(labels.potential(code), code)

    def _reload_dynamic_filters(self) -> None:
        industries = self.ctx.db.read(distinct_values, "industry")
        owners = self.ctx.db.read(distinct_values, "owner")
        for combo, values in ((self.industry, industries), (self.owner, owners)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Any"), None)
            for v in values:
                combo.addItem(v, v)
            i = combo.findData(current)
            combo.setCurrentIndex(max(0, i))
            combo.blockSignals(False)

    def _search_edited(self, text: str) -> None:
        self._search_timer.setInterval(0 if searched_at_once(text) else SEARCH_PAUSE_MS)
        self._search_timer.start()

    def apply_filters(self) -> None:
        q = replace(
            self.model.query, search=self.search.text(), industry=self.industry.currentData(),
            value_tier=self.tier.currentData(), activity=self.activity.currentData(),
            potential=self.potential.currentData(), owner=self.owner.currentData(),
            overdue_only=self.overdue.isChecked(), include_archived=self.archived.isChecked(),
            credit_watch=self.credit.isChecked(),
        )
        old = self.model.query
        if old.search != q.search and replace(old, search="") == replace(q, search="") \
                and search_words(old.search) == search_words(q.search):
            self.model.set_query(q, reread=False)  # e.g. one more letter that filters nothing
            return
        self.model.set_query(q)
        # Lay the rows out now rather than on the view's delayed timer, so a keystroke
        # costs one repaint instead of two.
        self.table.doItemsLayout()
        self.count_label.setText(self.tr("%n customer(s)", "", self.model.rowCount()))
        self._update_buttons()

    def set_search(self, text: str) -> None:
        self.search.setText(text)
        self.search.setFocus()
        self.search.selectAll()

    def selected_id(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.customer_id(idx.row()) if idx.isValid() else None

    def _open_index(self, index) -> None:  # type: ignore[no-untyped-def]
        cid = self.model.customer_id(index.row())
        if cid:
            self.ctx.open_customer.emit(cid)

    def _update_buttons(self, *args: object) -> None:
        idx = self.table.currentIndex()
        row = self.model.row_at(idx.row()) if idx.isValid() else None
        self.archive_btn.setEnabled(row is not None)
        self.delete_btn.setEnabled(row is not None)
        self.archive_btn.setText(self.tr("Restore") if row and row.status == "archived"
                                 else self.tr("Archive"))

    def _toggle_archive(self) -> None:
        idx = self.table.currentIndex()
        row = self.model.row_at(idx.row()) if idx.isValid() else None
        if row is None:
            return
        if run_op(self.ctx, set_archived, row.id, row.status != "archived",
                  initiator=self) is None:
            return
        self.ctx.status.emit(self.tr("Restored %1").replace("%1", row.name)
                             if row.status == "archived" else
                             self.tr("Archived %1").replace("%1", row.name))

    def _delete(self) -> None:
        idx = self.table.currentIndex()
        row = self.model.row_at(idx.row()) if idx.isValid() else None
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete customer"),
            self.tr("Delete %1 for good? This cannot be undone.").replace("%1", row.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            run_op(self.ctx, delete_customer, row.id, initiator=self, reraise=(HasHistory,))
        except HasHistory:
            answer = QMessageBox.question(
                self, self.tr("Customer has history"),
                self.tr("%1 has contact log, orders or contracts, which are kept for the record. "
                        "Archive the customer instead?").replace("%1", row.name))
            if answer == QMessageBox.StandardButton.Yes:
                run_op(self.ctx, set_archived, row.id, True, initiator=self)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & REFRESH_ON:
            if "customers" in tables:
                self._reload_dynamic_filters()
            self.model.refresh()
            self.count_label.setText(self.tr("%n customer(s)", "", self.model.rowCount()))
