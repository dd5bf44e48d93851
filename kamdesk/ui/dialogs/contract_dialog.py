"""Create, edit or renew a contract (合同): number, title, parties, term, value, payment
terms and how many days before the end the renewal talk must start.

One form serves three uses. *New* records a contract in its first state (a draft, or a
contract already signed on paper). *Edit* changes its terms; the state moves only
through "Change status…", so the history stays true. *Renew* is prefilled with the
next term of the contract it renews (number, dates, value, parties, terms copied) and
saves both the new contract and the old one's move to "renewed" in one transaction.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.contract_life import INITIAL_STATES, renewal_number
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.contracts import (
    MAX_NOTICE_DAYS,
    create_contract,
    renew_contract,
    update_contract,
)
from kamdesk.store.queries.contracts import ContractRow, contract, contract_numbers
from kamdesk.ui import format as fmt
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import DateField, FormDialog, text_edit


def yuan_text(fen: int | None) -> str:
    """Fen as the plain yuan a user types back (1234.50), never rounded through a float."""
    if fen is None:
        return ""
    whole, cents = divmod(fen, 100)
    return f"{whole}.{cents:02d}" if cents else str(whole)


def next_term(old: ContractRow) -> tuple[date | None, date | None]:
    """The renewal's term: from the day after the old end, as long as the old term."""
    if old.end_on is None:
        return None, None
    start = old.end_on + timedelta(days=1)
    if old.start_on is None:
        return start, None
    return start, start + (old.end_on - old.start_on)


class ContractDialog(FormDialog):
    def __init__(self, ctx: AppContext, customer_id: int, contract_id: int | None = None,
                 renew_from: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("contractDialog")
        self.customer_id = customer_id
        self.contract_id = contract_id
        self.loaded_version: int | None = None  # what a save names (see _load)
        self.renew_from = renew_from
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Renew contract") if renew_from is not None
                            else self.tr("New contract") if contract_id is None
                            else self.tr("Edit contract"))

        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("contractNumber")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("contractTitle")
        self.parties_edit = QLineEdit()
        self.parties_edit.setObjectName("contractParties")
        self.parties_edit.setPlaceholderText(self.tr("e.g. the customer's legal entity; ours"))
        self.start_edit = DateField()
        self.start_edit.setObjectName("contractStart")
        self.end_edit = DateField()
        self.end_edit.setObjectName("contractEnd")
        self.value_edit = QLineEdit()
        self.value_edit.setObjectName("contractValue")
        self.value_edit.setPlaceholderText(self.tr("yuan, e.g. 1234.50 or 12.5万"))
        self.terms_edit = QLineEdit()
        self.terms_edit.setObjectName("contractPaymentTerms")
        self.terms_edit.setPlaceholderText(self.tr("e.g. 30% on signing, rest within 60 days"))
        self.notice_spin = QSpinBox()
        self.notice_spin.setObjectName("contractNotice")
        self.notice_spin.setRange(0, MAX_NOTICE_DAYS)
        self.notice_spin.setValue(60)
        self.notice_spin.setSuffix(self.tr(" days before the end"))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("contractInitialStatus")
        for code in INITIAL_STATES:
            self.status_combo.addItem(labels.contract_status(code), code)
        self.step_date_edit = DateField()
        self.step_date_edit.setObjectName("contractStepDate")
        self.step_date_edit.set_date(ctx.clock.today())
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("contractEventNote")
        self.note_edit.setPlaceholderText(self.tr("kept in the contract's history"))
        self.notes_edit = text_edit(56)
        self.notes_edit.setObjectName("contractNotes")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        term = QHBoxLayout()
        term.addWidget(self.start_edit, 1)
        to = QLabel(self.tr("to"))
        term.addWidget(to)
        term.addWidget(self.end_edit, 1)
        rows: list[tuple[str, str, Any, QWidget]] = [
            ("number", self.tr("&Number *:"), self.number_edit, self.number_edit),
            ("title", self.tr("&Title *:"), self.title_edit, self.title_edit),
            ("parties", self.tr("&Parties:"), self.parties_edit, self.parties_edit),
            ("start_on", self.tr("T&erm:"), term, self.start_edit),
            ("value_cents", self.tr("&Value:"), self.value_edit, self.value_edit),
            ("payment_terms", self.tr("Pa&yment terms:"), self.terms_edit, self.terms_edit),
            ("renewal_notice_days", self.tr("Renewal &reminder:"), self.notice_spin,
             self.notice_spin),
        ]
        if contract_id is None:
            if renew_from is None:
                rows.append(("status", self.tr("&Status:"), self.status_combo,
                             self.status_combo))
            rows.append(("changed_on", self.tr("Renewed o&n:") if renew_from is not None
                         else self.tr("Recorded o&n:"), self.step_date_edit,
                         self.step_date_edit))
            rows.append(("note", self.tr("N&ote on this step:"), self.note_edit,
                         self.note_edit))
        rows.append(("notes", self.tr("Notes:"), self.notes_edit, self.notes_edit))
        for field, text, item, buddy in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, item)
            self.register(field, buddy, text)
        self.register("end_on", self.end_edit, self.tr("End date"))
        self.register("customer", self.number_edit, self.tr("Customer"))

        self.renews_label = QLabel()
        self.renews_label.setObjectName("contractRenews")
        self.renews_label.setStyleSheet("color: #757575;")
        self.renews_label.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.renews_label)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._load()
        self.resize(560, 460)
        self.mark_clean()
        self.number_edit.setFocus()

    # -- loading -------------------------------------------------------------------
    def _show(self, c: ContractRow) -> None:
        self.number_edit.setText(c.number)
        self.title_edit.setText(c.title)
        self.parties_edit.setText(c.parties or "")
        self.start_edit.set_date(c.start_on)
        self.end_edit.set_date(c.end_on)
        self.value_edit.setText(yuan_text(c.value_cents))
        self.terms_edit.setText(c.payment_terms or "")
        self.notice_spin.setValue(c.renewal_notice_days)

    def _load(self) -> None:
        if self.contract_id is not None:
            c = self.ctx.db.read(contract, self.contract_id)
            if c is not None:
                self.loaded_version = c.version
                self._show(c)
                self.notes_edit.setPlainText(c.notes or "")
            return
        if self.renew_from is None:
            return
        old = self.ctx.db.read(contract, self.renew_from)
        if old is None:
            return
        self._show(old)
        self.number_edit.setText(renewal_number(old.number,
                                                self.ctx.db.read(contract_numbers)))
        start, end = next_term(old)
        self.start_edit.set_date(start)
        self.end_edit.set_date(end)
        self.renews_label.setText(self.tr("Renews %1 (%2), which will be marked renewed.")
                                  .replace("%1", old.number)
                                  .replace("%2", labels.contract_status(old.status)))
        self.renews_label.show()

    # -- saving --------------------------------------------------------------------
    def snapshot(self) -> tuple[Any, ...]:
        return (self.number_edit.text(), self.title_edit.text(), self.parties_edit.text(),
                self.start_edit.text(), self.end_edit.text(), self.value_edit.text(),
                self.terms_edit.text(), self.notice_spin.value(),
                self.status_combo.currentData(), self.step_date_edit.text(),
                self.note_edit.text(),
                self.notes_edit.toPlainText())

    def fields(self) -> dict[str, Any]:
        """The form's values for the operation; a date or amount that is not one raises
        ValidationError, so the field is marked like any other mistake."""
        values: dict[str, Any] = {}
        for name, edit in (("start_on", self.start_edit), ("end_on", self.end_edit)):
            try:
                values[name] = edit.date()
            except ValueError:
                raise ValidationError(name, "invalid_date") from None
        try:
            values["value_cents"] = fmt.parse_money(self.value_edit.text())
        except ValueError:
            raise ValidationError("value_cents", "invalid_number") from None
        values.update(number=self.number_edit.text(), title=self.title_edit.text(),
                      parties=self.parties_edit.text(), payment_terms=self.terms_edit.text(),
                      renewal_notice_days=self.notice_spin.value(),
                      notes=self.notes_edit.toPlainText())
        return values

    def step_date(self) -> date:
        """The day the contract was recorded or renewed (its history entry's date)."""
        try:
            on = self.step_date_edit.date()
        except ValueError:
            raise ValidationError("changed_on", "invalid_date") from None
        return on or self.ctx.clock.today()

    def save(self) -> bool:
        values = self.fields()
        today, now = self.ctx.clock.today(), self.ctx.clock.now()
        if self.contract_id is not None:
            done = self.write(update_contract, self.contract_id, today=today,
                              expected_version=self.loaded_version, **values)
        elif self.renew_from is not None:
            done = self.write(
                renew_contract, self.renew_from, values.pop("number"), values.pop("start_on"),
                values.pop("end_on"), values.pop("value_cents"), note=self.note_edit.text(),
                on=self.step_date(), today=today, now=now, **values)
        else:
            done = self.write(create_contract, self.customer_id,
                              status=self.status_combo.currentData(),
                              note=self.note_edit.text(), on=self.step_date(), today=today,
                              now=now, **values)
        if done is None:
            return False
        value = done.value
        self.saved_id = value if isinstance(value, int) else getattr(value, "new_id", None)
        return True
