"""The customer's change history (变更记录): who changed what, when, old → new, newest
first, so a mistaken edit can be seen and put back.

Rows come from :func:`kamdesk.store.queries.history.customer_history` (codes as
recorded) and are worded in the UI language by :mod:`kamdesk.domain.change_words`. A
field change can be reverted (:func:`kamdesk.store.ops.history.revert_change`): the old
value goes back through the record's own operation, refused with a reason when the field
has been changed again since.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kamdesk.domain import change_words as words
from kamdesk.store.ops.history import can_revert, revert_change
from kamdesk.store.queries.history import RECORD_GROUPS, ChangeEntry, customer_history
from kamdesk.ui import format as fmt
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op
from kamdesk.ui.profile.base import ProfileTab
from kamdesk.ui.rows_model import Column, RowsModel, make_table, selected_row


class HistoryTab(ProfileTab):
    # every recorded write goes with a row of change_history
    TABLES = frozenset({"change_history"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("historyTab")
        lang = ctx.lang

        def old(e: ChangeEntry) -> str:
            if e.action == "update":
                return words.value_text(e.table_name, e.field, e.old_value, lang)
            return words.row_summary(e.table_name, e.old_value, e.batch_id, lang) \
                if e.action == "delete" else ""

        def new(e: ChangeEntry) -> str:
            if e.action == "update":
                return words.value_text(e.table_name, e.field, e.new_value, lang)
            return words.row_summary(e.table_name, e.new_value, e.batch_id, lang) \
                if e.action == "insert" else ""

        self.model = RowsModel([
            Column(self.tr("When"), lambda e: fmt.moment(e.changed_at),
                   sort_key=lambda e: e.id, width=130),
            Column(self.tr("Who"), lambda e: e.actor, width=80),
            Column(self.tr("Record"), lambda e: f"{words.record_kind(e.table_name, lang)} "
                   f"#{e.row_id}", width=120),
            Column(self.tr("Change"), lambda e: words.action_word(e.action, lang), width=75),
            Column(self.tr("Field"), lambda e: words.field_word(e.field, lang), width=110),
            Column(self.tr("Before"), old, width=180),
            Column(self.tr("After"), new),
        ], self)
        self.table = make_table("profileHistory", self.model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("historyKindFilter")
        self.kind_filter.addItem(self.tr("All records"), None)
        for group in RECORD_GROUPS:
            self.kind_filter.addItem(words.record_kind(group, lang), group)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel()
        self.count_label.setObjectName("historyCount")
        self.revert_button = QPushButton(self.tr("Revert this change"))
        self.revert_button.setObjectName("revertChangeButton")
        self.revert_button.setToolTip(self.tr("Put the value before this change back"))
        self.revert_button.clicked.connect(self.revert)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.count_label)
        bar.addStretch(1)
        bar.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._update_buttons()

    def clear(self) -> None:
        self.model.set_rows([])

    def refresh(self) -> None:
        if self.customer_id is None:
            return
        group = self.kind_filter.currentData()
        tables = RECORD_GROUPS[group] if group else None
        rows = self.ctx.db.read(customer_history, self.customer_id, tables)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("%n change(s)", "", len(rows)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        e = selected_row(self.table)
        self.revert_button.setEnabled(
            e is not None and can_revert(e.table_name, e.action, e.field))

    def revert(self) -> None:
        e = selected_row(self.table)
        if e is None or not can_revert(e.table_name, e.action, e.field):
            return
        # A refusal (changed again since, a code now taken…) is explained by the runner.
        if run_op(self.ctx, revert_change, e.id, self.today(), initiator=self,
                  parent=self) is not None:
            self.ctx.status.emit(self.tr("Reverted: %1").replace(
                "%1", words.field_word(e.field, self.ctx.lang)))
