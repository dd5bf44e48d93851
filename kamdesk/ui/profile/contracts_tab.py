"""A customer's contracts (合同): terms, value and the renewal window."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kamdesk.store.queries.contracts import ContractRow, contracts
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.profile.base import ProfileTab
from kamdesk.ui.rows_model import Column, RowsModel, make_table


class ContractsTab(ProfileTab):
    TABLES = frozenset({"contracts"})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("contractsTab")
        lang = ctx.lang

        def colour(c: ContractRow) -> str | None:
            if c.renewal_due(self.today()):
                return "#ef6c00"
            if c.status in ("expired", "terminated"):
                return "#9e9e9e"
            return None

        def ends(c: ContractRow) -> str:
            left = c.days_to_end(self.today())
            if left is None or c.status not in ("signed", "active"):
                return ""
            if left < 0:
                return self.tr("ended %n day(s) ago", "", -left)
            return self.tr("%n day(s) left", "", left)

        self.model = RowsModel([
            Column(self.tr("Number"), lambda c: c.number, colour=colour, width=140),
            Column(self.tr("Title"), lambda c: c.title, colour=colour, width=220),
            Column(self.tr("Status"), lambda c: labels.contract_status(c.status), colour=colour,
                   width=80),
            Column(self.tr("Start"), lambda c: fmt.day(c.start_on), sort_key=lambda c: c.start_on,
                   colour=colour, width=95),
            Column(self.tr("End"), lambda c: fmt.day(c.end_on), sort_key=lambda c: c.end_on,
                   colour=colour, width=95),
            Column(self.tr("Remaining"), ends,
                   sort_key=lambda c: c.days_to_end(self.today()), colour=colour, width=110,
                   tooltip=lambda c: self.tr("Renewal window: %n day(s) before the end", "",
                                             c.renewal_notice_days)),
            Column(self.tr("Value"), lambda c: fmt.money(c.value_cents, lang),
                   sort_key=lambda c: c.value_cents, right=True, colour=colour, width=140),
            Column(self.tr("Notes"), lambda c: (c.notes or "").split("\n")[0], colour=colour),
        ], self)
        self.table = make_table("profileContracts", self.model)
        self.summary = QLabel()
        self.summary.setObjectName("contractsSummary")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def clear(self) -> None:
        self.model.set_rows([])

    def refresh(self) -> None:
        assert self.customer_id is not None
        rows = self.ctx.db.read(contracts, self.customer_id)
        self.model.set_rows(rows)
        today = self.today()
        due = [c for c in rows if c.renewal_due(today)]
        if not rows:
            self.summary.setText(self.tr("No contracts recorded yet."))
        elif due:
            self.summary.setText("<span style='color:#ef6c00; font-weight:bold'>"
                                 + self.tr("%n contract(s) due for renewal", "", len(due))
                                 + "</span>")
        else:
            self.summary.setText(self.tr("%n contract(s)", "", len(rows)))
