"""The profile's "Classification" box: the 客户类型 a sheet stated beside the one the book
computes, which of the two is in effect, and the switch for this customer.

A stated classification stays the effective tier until the user switches this customer
(or the whole book, in Settings) to computed tiers
(:func:`kamdesk.store.ops.tier_source.set_customer_tier_source`). Switching recomputes
every customer's figures (value tiers are relative to the book), so it runs in the
background; the header's badges follow when the new figures are announced.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from kamdesk.store.ops.tier_source import set_customer_tier_source
from kamdesk.store.queries.stated_facts import StatedFacts
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op_in_background


def tiers_text(value_tier: str | None, activity: str | None) -> str:
    parts = [labels.value_tier(value_tier) if value_tier else "",
             labels.activity(activity) if activity else ""]
    return " · ".join(p for p in parts if p) or "—"


class ClassificationBox(QGroupBox):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("classificationBox")
        self.setTitle(self.tr("Classification"))
        self.facts: StatedFacts | None = None
        self.running: QThread | None = None
        self.in_effect = QLabel()
        self.in_effect.setObjectName("classificationInEffect")
        self.in_effect.setWordWrap(True)
        self.other = QLabel()
        self.other.setObjectName("classificationOther")
        self.other.setWordWrap(True)
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("tierSourceButton")
        self.switch_button.clicked.connect(self.switch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.in_effect)
        layout.addWidget(self.other)
        layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_facts(self, facts: StatedFacts | None) -> None:
        """Shown only for a customer whose sheet stated a classification."""
        self.facts = facts
        self.setVisible(facts is not None and facts.has_stated)
        if facts is None or not facts.has_stated:
            return
        stated = tiers_text(facts.stated_value_tier, facts.stated_activity)
        computed = tiers_text(facts.computed_value_tier, facts.computed_activity)
        whose = (self.tr("chosen for this customer") if facts.customer_source
                 else self.tr("the book's setting"))
        if facts.stated_in_effect:
            self.in_effect.setText(self.tr("In use: %1 — as stated in the sheet (%2)")
                                   .replace("%1", stated).replace("%2", whose))
            self.other.setText(self.tr("Computed from the book: %1").replace("%1", computed))
            self.switch_button.setText(self.tr("Use computed tiers for this customer"))
        else:
            self.in_effect.setText(self.tr("In use: %1 — computed from the book (%2)")
                                   .replace("%1", computed).replace("%2", whose))
            self.other.setText(self.tr("Stated in the sheet: %1").replace("%1", stated))
            self.switch_button.setText(self.tr("Use the stated classification"))
        self.switch_button.setEnabled(self.running is None)

    def switch(self) -> QThread | None:
        """Flip this customer to the other source; returns the background write."""
        facts = self.facts
        if facts is None or self.running is not None:
            return None
        source = "computed" if facts.stated_in_effect else "stated"
        self.switch_button.setEnabled(False)

        def done(_changes: object) -> None:
            self.running = None
            self.switch_button.setEnabled(True)

        self.running = run_op_in_background(
            self.ctx, set_customer_tier_source, facts.customer_id, source,
            self.ctx.clock.today(), now=self.ctx.clock.now(), on_done=done, initiator=self,
            parent=self)
        self.ctx.status.emit(self.tr("Updating tiers…"))
        return self.running
