"""A read-only, sortable table of report rows with Copy and Save as CSV — the import
wizard's problems, changes, duplicates and skipped rows."""

from __future__ import annotations

import csv
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ReportTable(QWidget):
    def __init__(self, name: str, headings: Sequence[str], with_buttons: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.table = QTableWidget(0, len(headings))
        self.table.setObjectName(name)
        self.table.setHorizontalHeaderLabels(list(headings))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            len(headings) - 1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        if with_buttons:
            copy = QPushButton(self.tr("Copy"))
            copy.setObjectName(f"{name}Copy")
            copy.clicked.connect(self.copy)
            save = QPushButton(self.tr("Save as CSV…"))
            save.setObjectName(f"{name}Save")
            save.clicked.connect(lambda: self.save_csv())
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(copy)
            row.addWidget(save)
            layout.addLayout(row)

    def set_rows(self, rows: Sequence[Sequence[object]]) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem()
                # numbers sort as numbers (row 10 after row 9)
                item.setData(Qt.ItemDataRole.DisplayRole, value if isinstance(value, int)
                             else ("" if value is None else str(value)))
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    def rows(self) -> list[list[str]]:
        """The table as shown (sorted as shown), heading row first."""
        t = self.table
        def shown_text(item: QTableWidgetItem | None) -> str:
            return item.text() if item is not None else ""

        head = [shown_text(t.horizontalHeaderItem(c)) for c in range(t.columnCount())]
        body = [[shown_text(t.item(r, c)) for c in range(t.columnCount())]
                for r in range(t.rowCount())]
        return [head, *body]

    def copy(self) -> None:
        QApplication.clipboard().setText("\n".join("\t".join(r) for r in self.rows()))

    def save_csv(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as CSV"),
                                                  f"{self.name}.csv", self.tr("CSV (*.csv)"))
            if not path:
                return
        try:
            with open(path, "w", encoding="utf-8-sig", newline="") as f:
                csv.writer(f).writerows(self.rows())
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save as CSV"), self.tr(
                "Could not write %1: %2").replace("%1", path).replace(
                "%2", exc.strerror or str(exc)))
