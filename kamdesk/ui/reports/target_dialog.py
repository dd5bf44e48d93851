"""Set (or clear) the target of one review KPI (数据复盘的目标值).

A target belongs to the book (:func:`kamdesk.store.ops.kpi_targets.set_kpi_target`);
the user types it in the KPI's unit — percent for a rate, points for the NPS, 1–5 for
CSAT, customers for a count, yuan for money (stored as fen). The allowed range is said
next to the field; a number out of range or not a number is refused in the UI language
and the field is marked. An empty field (or "Clear target") removes the target.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.kpi_texts import kpi_definition_text
from kamdesk.domain.review_kpis import TARGET_RANGES, definition
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.kpi_targets import set_kpi_target
from kamdesk.ui import format as fmt
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import FormDialog
from kamdesk.ui.reports.kpi_format import target_input_text

__all__ = ["KpiTargetDialog"]


class KpiTargetDialog(FormDialog):
    def __init__(self, ctx: AppContext, code: str, current: float | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("kpiTargetDialog")
        self.code = code
        self.kpi = definition(code)
        self.saved: float | None = current
        name = self.kpi.name(ctx.lang)
        self.setWindowTitle(self.tr("Target: %1").replace("%1", name))
        about = QLabel(kpi_definition_text(code, ctx.lang))
        about.setWordWrap(True)
        about.setStyleSheet("color: palette(placeholder-text);")
        self.edit = QLineEdit(target_input_text(self.kpi.unit, current))
        self.edit.setObjectName("kpiTargetEdit")
        self.edit.setPlaceholderText(self.tr("(no target)"))
        self.range_label = QLabel(self._range_text())
        self.range_label.setObjectName("kpiTargetRange")
        self.range_label.setStyleSheet("color: palette(placeholder-text);")
        self.clear_button = self.buttons.addButton(
            self.tr("Clear target"), QDialogButtonBox.ButtonRole.ResetRole)
        self.clear_button.setObjectName("kpiTargetClear")
        self.clear_button.clicked.connect(self._clear)
        self.clear_button.setEnabled(current is not None)

        form = QFormLayout()
        text = self.tr("&Target:")
        label = QLabel(text)
        label.setBuddy(self.edit)
        form.addRow(label, self.edit)
        form.addRow("", self.range_label)
        # the label without its Chinese mnemonic "(&T)" names the field in an error
        self.register("target", self.edit, re.sub(r"\(&\w\)", "", text))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{name}</b>"))
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.mark_clean()

    def _range_text(self) -> str:
        low, high = TARGET_RANGES[self.kpi.unit]
        unit = self.kpi.unit
        if unit == "fen":
            return self.tr("In yuan, %1 or more.").replace("%1", "0")
        if unit == "count":
            return self.tr("Whole customers, %1 or more.").replace("%1", "0")
        if unit in ("percent", "percent_change"):
            return self.tr("In %, from %1 to %2.").replace("%1", f"{low:g}").replace(
                "%2", f"{high:g}")
        return self.tr("From %1 to %2.").replace("%1", f"{low:g}").replace("%2", f"{high:g}")

    def snapshot(self) -> str:
        return self.edit.text().strip()

    def parsed(self) -> float | None:
        """The typed target in the stored unit (fen for money); None when empty.
        Raises ValidationError("target", "invalid_number") for text that is no number."""
        text = self.edit.text().strip().rstrip("%").strip()
        if not text:
            return None
        try:
            if self.kpi.unit == "fen":
                return fmt.parse_money(text)
            value = float(text.replace(",", "").replace("，", ""))
        except ValueError as exc:
            raise ValidationError("target", "invalid_number") from exc
        if value != value or value in (float("inf"), float("-inf")):
            raise ValidationError("target", "invalid_number")
        if self.kpi.unit == "count" and value == int(value):
            return int(value)
        return value

    def save(self) -> bool:
        value = self.parsed()
        if self.write(set_kpi_target, self.code, value) is None:
            return False
        self.saved = value
        return True

    def _clear(self) -> None:
        self.edit.clear()
        self._on_save()
