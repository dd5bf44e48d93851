"""New / edit opportunity: reads the deal as a plain row, saves through the runner.

A lost deal's reason stays editable here (the board asks for it when a deal is moved
to lost)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox,
    QSpinBox, QWidget,
)

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.opportunities import create_opportunity, update_opportunity
from kamdesk.store.queries.pipeline import opportunity_detail
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.widgets.customer_picker import CustomerPicker
from kamdesk.ui.ops import run_op


class OpportunityDialog(QDialog):
    def __init__(self, ctx: AppContext, opportunity_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opportunity_id = opportunity_id
        self.loaded_version: int | None = None
        self.saved_id: int | None = None
        self.stage: str | None = None
        self.setWindowTitle(self.tr("Opportunity") if opportunity_id else self.tr("New opportunity"))
        self.customer = CustomerPicker(ctx, self)
        self.title = QLineEdit()
        self.title.setObjectName("opportunityTitle")
        self.owner = QLineEdit(ctx.owner_name)
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("e.g. 50万 or 500000"))
        self.probability = QSpinBox()
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.probability.setValue(10)
        self.target = QDateEdit(QDate(ctx.clock.today()).addDays(14))
        self.target.setCalendarPopup(True)
        self.target.setDisplayFormat("yyyy-MM-dd")
        self.lost_reason = QLineEdit()
        self.lost_reason.setObjectName("lostReason")
        self.lost_reason.setPlaceholderText(self.tr("e.g. price, chose a competitor, no budget"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828")
        form = QFormLayout(self)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Expected value"), self.value)
        form.addRow(self.tr("Probability"), self.probability)
        form.addRow(self.tr("Stage target date"), self.target)
        form.addRow(self.tr("Lost reason"), self.lost_reason)
        form.setRowVisible(self.lost_reason, False)
        self.form = form
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if opportunity_id:
            self._load(opportunity_id)

    def _load(self, opportunity_id: int) -> None:
        opp = self.ctx.db.read(opportunity_detail, opportunity_id)
        if opp is None:
            return
        self.loaded_version = opp.version  # what a save names (a conflict if it moved)
        self.customer.set_customer_id(opp.customer_id)
        self.customer.setEnabled(False)
        self.title.setText(opp.title)
        self.owner.setText(opp.owner or "")
        self.value.setText(fmt.money(opp.expected_value_cents) if opp.expected_value_cents
                           else "")
        self.probability.setValue(opp.probability)
        if opp.stage_target_date:
            self.target.setDate(QDate(opp.stage_target_date))
        self.stage = opp.stage
        if opp.stage == "lost":
            self.lost_reason.setText(opp.lost_reason or "")
            self.form.setRowVisible(self.lost_reason, True)

    def save(self) -> None:
        try:
            value = fmt.parse_money(self.value.text())
        except ValueError:
            self._show(ValidationError("expected_value_cents", "invalid_choice"))
            return
        fields = dict(title=self.title.text(), owner=self.owner.text(),
                      expected_value_cents=value, probability=self.probability.value(),
                      stage_target_date=self.target.date().toPython())
        try:
            if self.opportunity_id:
                if self.stage == "lost":
                    fields["lost_reason"] = self.lost_reason.text()
                done = run_op(self.ctx, update_opportunity, self.opportunity_id,
                              self.ctx.clock.now(), initiator=self,
                              reraise=(ValidationError,),
                              expected_version=self.loaded_version, **fields)
            else:
                if not self.customer.customer_id:
                    raise ValidationError("customer", "required")
                done = run_op(self.ctx, create_opportunity, self.customer.customer_id,
                              self.ctx.clock.now(), initiator=self,
                              reraise=(ValidationError,), **fields)
        except ValidationError as exc:
            self._show(exc)
            return
        if done is None:
            return
        self.saved_id = done.value
        self.accept()

    def _show(self, exc: ValidationError) -> None:
        name = {"expected_value_cents": self.tr("Expected value"),
                "probability": self.tr("Probability")}.get(exc.field, labels.field_name(exc.field))
        self.error.setText(labels.field_error(name, labels.validation(exc.code)))

    def reject(self) -> None:
        if self.title.text().strip() and not self.saved_id and not self.opportunity_id:
            answer = QMessageBox.question(self, self.tr("Discard changes?"),
                                          self.tr("The opportunity has not been saved. Discard it?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
