"""Starting an account plan: pick the customer (unless known) and open the editor.

Shared by the Plans screen and the customer profile's Plans tab, so "New plan" behaves
the same wherever the manager starts it: a customer who already has plans goes straight
to choosing the new period, one without plans sees the editor's create banner.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from kamdesk.ui.context import AppContext
from kamdesk.ui.widgets.customer_picker import CustomerPicker

__all__ = ["NewPlanDialog", "open_plan", "start_new_plan"]


class NewPlanDialog(QDialog):
    """Pick the customer a new plan is for, with the one customer picker (code, name,
    pinyin or initials, a person or a phone). Choosing a customer answers the dialog's
    only question, so Enter or a click in the list opens the plan at once; a best match
    taken on leaving the field (Tab, or a click on Cancel) only fills it in."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("newPlanDialog")
        self.setWindowTitle(self.tr("New account plan"))
        self.resize(460, 120)
        self.picker = CustomerPicker(ctx, self, advance_on_pick=False)
        self.picker.setObjectName("newPlanCustomer")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Open plan"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lab = QLabel(self.tr("&Customer:"))
        lab.setBuddy(self.picker)
        lay.addWidget(lab)
        lay.addWidget(self.picker)
        lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.picker.customer_changed.connect(
            lambda cid: self.ok_button.setEnabled(cid is not None))
        self.picker.confirmed.connect(lambda _cid: self.accept())
        self.picker.setFocus()

    def customer_id(self) -> int | None:
        return self.picker.customer_id


def open_plan(ctx: AppContext, customer_id: int, plan_id: int | None,
              parent: QWidget | None = None) -> QDialog:
    """Open one plan (or the customer's latest, or the create banner) in the editor."""
    from kamdesk.ui.plan.editor import open_plan_editor

    return open_plan_editor(ctx, customer_id, parent, plan_id=plan_id)


def start_new_plan(ctx: AppContext, customer_id: int | None,
                   parent: QWidget | None = None) -> QDialog | None:
    """Pick a customer (unless given), open the editor and ask for the period."""
    if customer_id is None:
        dlg = NewPlanDialog(ctx, parent)
        if not dlg.exec():
            return None
        customer_id = dlg.customer_id()
        if customer_id is None:
            return None
    from kamdesk.ui.plan.editor import open_plan_editor

    editor = open_plan_editor(ctx, customer_id, parent)
    if editor.plan_id is not None:
        # The customer already has plans: go straight to choosing the new period.
        QTimer.singleShot(0, editor.new_period)
    return editor
