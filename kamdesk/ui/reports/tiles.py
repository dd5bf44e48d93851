"""A KPI tile of the Reports screen: the figure, what it is, and what it was computed from.

Kept apart from the screen so the screen module holds only the screen; the PDF's tiles
are drawn by :mod:`kamdesk.reports.plan_pdf_sections`, this one is Qt.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

__all__ = ["KpiTile"]


class KpiTile(QFrame):
    """One KPI: a large figure, its caption and a muted line saying what it rests on."""

    def __init__(self, name: str, caption: str, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        self.value.setObjectName(name + "Value")
        f = self.value.font()
        f.setPointSizeF(f.pointSizeF() * 1.6)
        f.setBold(True)
        self.value.setFont(f)
        self.caption = QLabel(caption)
        self.detail = QLabel()
        self.detail.setObjectName(name + "Detail")
        self.detail.setStyleSheet("color: palette(mid);")
        self.setToolTip(tip)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 6)
        lay.setSpacing(1)
        lay.addWidget(self.value)
        lay.addWidget(self.caption)
        lay.addWidget(self.detail)

    def show_value(self, text: str, detail: str, colour: str | None = None) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {colour};" if colour else "")
        self.detail.setText(detail)
