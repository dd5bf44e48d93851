"""The batch plan PDF dialog limited to the customers selected in the list: the same
choices (period, latest only, drafts for customers without a plan, folder), without the
tier, since the selection already says whose plans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from kamdesk.ui.context import AppContext
from kamdesk.ui.plan.batch_dialog import BatchExportDialog


class SelectionPlansDialog(BatchExportDialog):
    def __init__(self, ctx: AppContext, customer_ids: Sequence[int],
                 parent: QWidget | None = None) -> None:
        self.customer_ids = tuple(customer_ids)
        super().__init__(ctx, parent, tier=None)
        self.setObjectName("selectionPlansDialog")
        self.setWindowTitle(self.tr("Export plans of %n selected customer(s)", "",
                                    len(self.customer_ids)))
        self.tier_combo.setEnabled(False)
        self.tier_combo.setToolTip(self.tr("The selected customers, whatever their tier"))
        self.latest_check.setChecked(True)
        self._count()

    def scope(self) -> dict[str, Any]:
        return {"tier": None, "customer_ids": self.customer_ids}
