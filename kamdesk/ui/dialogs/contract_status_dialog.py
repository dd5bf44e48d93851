"""Change a contract's status (合同状态变更): the next state, the day it happened and a
note, kept in the contract's history.

Only the moves the life table allows from the current state are offered
(:mod:`kamdesk.domain.contract_life`). "Renewed" is not among them: a renewal creates the
next contract, which the "Renew…" dialog does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from kamdesk.domain.contract_life import next_states
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.contracts import move_contract
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import DateField, FormDialog, text_edit


class ContractStatusDialog(FormDialog):
    def __init__(self, ctx: AppContext, contract_id: int, number: str, status: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("contractStatusDialog")
        self.contract_id = contract_id
        self.setWindowTitle(self.tr("Change status of %1").replace("%1", number))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("contractNextStatus")
        for code in next_states(status):
            if code != "renewed":
                self.status_combo.addItem(labels.contract_status(code), code)
        self.date_edit = DateField()
        self.date_edit.setObjectName("contractMoveDate")
        self.date_edit.set_date(ctx.clock.today())
        self.note_edit = text_edit(56)
        self.note_edit.setObjectName("contractMoveNote")

        current = QLabel(self.tr("Now: %1").replace("%1", labels.contract_status(status)))
        current.setObjectName("contractCurrentStatus")
        form = self.labelled_form((("to_status", self.tr("&New status:"), self.status_combo),
                                   ("changed_on", self.tr("&Date:"), self.date_edit),
                                   ("note", self.tr("N&ote:"), self.note_edit)))
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addLayout(form, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(420, 240)
        self.mark_clean()
        self.status_combo.setFocus()

    def snapshot(self) -> tuple[Any, ...]:
        return (self.status_combo.currentData(), self.date_edit.text(),
                self.note_edit.toPlainText())

    def save(self) -> bool:
        to_status = self.status_combo.currentData()
        if to_status is None:
            raise ValidationError("to_status", "invalid_transition")
        try:
            on = self.date_edit.date()
        except ValueError:
            raise ValidationError("changed_on", "invalid_date") from None
        if on is None:
            raise ValidationError("changed_on", "required")
        return self.write(move_contract, self.contract_id, to_status, on,
                          self.note_edit.toPlainText(), today=self.ctx.clock.today(),
                          now=self.ctx.clock.now()) is not None
