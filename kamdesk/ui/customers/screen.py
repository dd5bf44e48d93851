"""The Customers screen: filter bar (with tags and saved views), search-as-you-type and
the paged table with a column chooser, a row context menu and multi-selection bulk
actions (undone with Ctrl+Z)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMenu, QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from kamdesk.domain.list_views import SavedView
from kamdesk.store.errors import HasHistory
from kamdesk.store.ops.customers import delete_customer, set_archived
from kamdesk.store.queries.customers import CustomerRow, distinct_values
from kamdesk.store.queries.tags import all_tags
from kamdesk.store.search import search_words, searched_at_once
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.customers.bulk import BulkActions
from kamdesk.ui.customers.columns import ColumnChooser
from kamdesk.ui.customers.model import COL, COLUMNS, CustomerTableModel
from kamdesk.ui.customers.row_menu import RowActions, build_row_menu
from kamdesk.ui.customers.tag_dialog import swatch
from kamdesk.ui.customers.views_bar import ViewsBar
from kamdesk.ui.ops import run_op

REFRESH_ON = {"customers", "customer_metrics", "people", "interactions", "trades", "tasks",
              "payments", "tags", "customer_tags"}

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
        self.tag = QComboBox()
        for combo, name in ((self.industry, "industryFilter"), (self.tier, "tierFilter"),
                            (self.activity, "activityFilter"), (self.potential, "potentialFilter"),
                            (self.owner, "ownerFilter"), (self.tag, "tagFilter")):
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
                             (self.tr("Potential"), self.potential), (self.tr("Owner"), self.owner),
                             (self.tr("Tag"), self.tag)):
            lab = QLabel(label)
            lab.setBuddy(combo)
            combo.setAccessibleName(label)
            filters.addWidget(lab)
            filters.addWidget(combo)
        filters.addStretch(1)
        self.views = ViewsBar(ctx, self.current_view, self)
        self.views.apply_requested.connect(self.apply_view)

        self.table = QTableView()
        self.table.setObjectName("customerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._show_row_menu)
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
        # Which columns show (remembered), with first-run widths that fit 1366 px.
        self.columns = ColumnChooser(ctx, self.table)
        self.row_actions = RowActions(ctx, self)
        self.bulk = BulkActions(ctx, self, self.selected_ids,
                                lambda: [r.code for r in self.selected_rows()])
        #: the last row menu shown (tests trigger its actions)
        self.row_menu: QMenu | None = None
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated.connect(self._open_index)

        self.count_label = QLabel()
        self.count_label.setObjectName("customerCount")
        # Wide enough for most counts, so a new count (every search keystroke) does not
        # move the saved-views bar beside it and repaint it.
        self.count_label.setMinimumWidth(
            self.count_label.fontMetrics().horizontalAdvance("100,000 customers · 99 selected"))
        new_btn = QPushButton(self.tr("New customer…"))
        new_btn.clicked.connect(self.new_customer_requested.emit)
        self.archive_btn = QPushButton(self.tr("Archive"))
        self.archive_btn.clicked.connect(self._toggle_archive)
        self.archive_btn.setToolTip(self.tr("Archive or restore the selected customers "
                                            "(undo with Ctrl+Z)"))
        self.delete_btn = QPushButton(self.tr("Delete"))
        self.delete_btn.clicked.connect(self._delete)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addSpacing(16)
        bottom.addWidget(self.views)
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
        for combo in (self.industry, self.tier, self.activity, self.potential, self.owner,
                      self.tag):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.overdue.toggled.connect(self.apply_filters)
        self.credit.toggled.connect(self.apply_filters)
        self.archived.toggled.connect(self.apply_filters)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        # On the screen, so it works wherever focus is on it; a text field's own Ctrl+Z
        # (undo typing) still wins inside that field.
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)
        ctx.changed.connect(self._on_changed)
        self.model.counted.connect(self._update_count)
        # After a reset, lay the rows out now rather than on the view's delayed timer, so
        # a keystroke costs one repaint instead of two; a keystroke that leaves the rows
        # as they are (no reset) costs none.
        self.model.modelReset.connect(self.table.doItemsLayout)
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

    def _reload_tags(self) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("Any"), None)
        for t in self.ctx.db.read(all_tags):
            self.tag.addItem(swatch(t.colour), t.name, t.id)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)))
        self.tag.blockSignals(False)

    def _reload_dynamic_filters(self) -> None:
        self._reload_tags()
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
            credit_watch=self.credit.isChecked(), tag_id=self.tag.currentData(),
            # Today's "see all" (show_off_cadence) holds while "Overdue" stays ticked.
            off_cadence_at=self.model.query.off_cadence_at if self.overdue.isChecked() else None,
        )
        old = self.model.query
        if old.search != q.search and replace(old, search="") == replace(q, search="") \
                and search_words(old.search) == search_words(q.search):
            self.model.set_query(q, reread=False)  # e.g. one more letter that filters nothing
            return
        # A search keystroke reads the rows the view shows first (and the rest of
        # the page only when it asks for more).
        shown = self.table.viewport().height() // self.table.verticalHeader().defaultSectionSize()
        self.model.first_rows = max(20, shown + 2)
        self.model.set_query(q)  # a reset lays the rows out at once (see __init__)
        self._update_count()
        self._update_buttons()

    def show_off_cadence(self, now: datetime) -> None:
        """Only the customers Today counts as overdue for contact at ``now`` (its cadence
        card's "see all"): every other filter cleared, "Overdue" ticked."""
        self.apply_view(SavedView("", {"overdue_only": True}, self.model.query.sort,
                                  self.model.query.descending))
        self.model._query = replace(self.model.query, off_cadence_at=now)
        self.apply_filters()

    def set_search(self, text: str) -> None:
        self.search.setText(text)
        self.search.setFocus()
        self.search.selectAll()

    def selected_id(self) -> int | None:
        idx = self.table.currentIndex()
        return self.model.customer_id(idx.row()) if idx.isValid() else None

    def selected_rows(self) -> list[CustomerRow]:
        """The selected rows, top to bottom (rows not yet fetched are fetched)."""
        picked = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        rows = (self.model.row_at(r) for r in picked)
        return [r for r in rows if r is not None]

    def selected_ids(self) -> list[int]:
        return [r.id for r in self.selected_rows()]

    def _update_count(self) -> None:
        if self.model.count_exact:
            text = self.tr("%n customer(s)", "", self.model.rowCount())
        else:  # a search's capped count; the exact one follows (model.counted)
            text = self.tr("%1+ customers").replace("%1", f"{self.model.rowCount():,}")
        picked = len(self.table.selectionModel().selectedRows())
        if picked > 1:
            text += " · " + self.tr("%n selected", "", picked)
        self.count_label.setText(text)

    # -- row menu, bulk actions, undo -------------------------------------------------
    def row_menu_for(self, rows: list[int]) -> QMenu:
        """The context menu for the given table rows (the selection when it has them)."""
        picked = [self.model.row_at(r) for r in rows]
        chosen = [r for r in picked if r is not None]
        tags = [self.model.tags_at(r) for r in rows]
        self.row_menu = build_row_menu(self, self.row_actions, self.bulk, chosen, tags)
        return self.row_menu

    def _show_row_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        selection = self.table.selectionModel()
        if not selection.isRowSelected(index.row(), index.parent()):
            self.table.selectRow(index.row())
        rows = sorted(i.row() for i in selection.selectedRows())
        self.row_menu_for(rows).popup(self.table.viewport().mapToGlobal(pos))

    def undo(self) -> bool:
        """Undo the last bulk edit (or the last deleted view)."""
        return self.bulk.undo() or self.views.undo_delete()

    # -- saved views ------------------------------------------------------------------
    def current_view(self, name: str) -> SavedView:
        q = self.model.query
        filters = {"search": q.search, "industry": q.industry, "value_tier": q.value_tier,
                   "activity": q.activity, "potential": q.potential, "owner": q.owner,
                   "tag_id": q.tag_id, "overdue_only": q.overdue_only,
                   "include_archived": q.include_archived, "credit_watch": q.credit_watch}
        kept = {k: v for k, v in filters.items() if v not in (None, "", False)}
        return SavedView(name, kept, q.sort, q.descending, self.columns.visible())

    def apply_view(self, view: SavedView) -> None:
        f = view.filters
        self.model._query = replace(self.model.query, off_cadence_at=None)
        widgets = ((self.industry, "industry"), (self.tier, "value_tier"),
                   (self.activity, "activity"), (self.potential, "potential"),
                   (self.owner, "owner"), (self.tag, "tag_id"))
        for combo, key in widgets:
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(f.get(key))))
            combo.blockSignals(False)
        for box, key in ((self.overdue, "overdue_only"), (self.archived, "include_archived"),
                         (self.credit, "credit_watch")):
            box.blockSignals(True)
            box.setChecked(bool(f.get(key)))
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(str(f.get("search", "")))
        self.search.blockSignals(False)
        if view.columns:
            self.columns.set_visible(view.columns)
        keys = [k for k, _h in COLUMNS]
        if view.sort in keys:
            self.model._query = replace(self.model.query, sort=view.sort,
                                        descending=view.descending)
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(COL[view.sort], Qt.SortOrder.DescendingOrder
                                    if view.descending else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
        self.apply_filters()

    def _open_index(self, index) -> None:  # type: ignore[no-untyped-def]
        cid = self.model.customer_id(index.row())
        if cid:
            self.ctx.open_customer.emit(cid)

    def _update_buttons(self, *args: object) -> None:
        rows = self.selected_rows()
        self.archive_btn.setEnabled(bool(rows))
        self.delete_btn.setEnabled(len(rows) == 1)
        archived = bool(rows) and all(r.status == "archived" for r in rows)
        self.archive_btn.setText(self.tr("Restore") if archived else self.tr("Archive"))
        self._update_count()

    def _toggle_archive(self) -> None:
        rows = self.selected_rows()
        if rows:
            self.bulk.archive(not all(r.status == "archived" for r in rows))

    def _delete(self) -> None:
        rows = self.selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        answer = QMessageBox.question(
            self, self.tr("Delete customer"),
            self.tr("Delete %1 for good? This cannot be undone.").replace("%1", row.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            run_op(self.ctx, delete_customer, row.id, initiator=self, reraise=(HasHistory,),
                   expected_version=row.version)
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
            elif tables & {"tags", "customer_tags"}:
                self._reload_tags()
            self.model.refresh()
            self._update_count()
