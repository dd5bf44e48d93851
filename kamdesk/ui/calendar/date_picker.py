""""Move to…": the month calendar the Calendar screen asks for a task's new day, the
keyboard and screen-reader way to do what dragging a chip does."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QDialog, QDialogButtonBox, QVBoxLayout, QWidget


class DatePickerDialog(QDialog):
    """"Move to…": pick the new day on a month calendar."""

    def __init__(self, initial: dt.date, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("moveToCalendar")
        self.calendar.setGridVisible(True)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setSelectedDate(QDate(initial.year, initial.month, initial.day))
        self.calendar.activated.connect(lambda _d: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def chosen(self) -> dt.date:
        d = self.calendar.selectedDate()
        return dt.date(d.year(), d.month(), d.day())


def pick_date(parent: QWidget | None, initial: dt.date, title: str) -> dt.date | None:
    dlg = DatePickerDialog(initial, title, parent)
    if dlg.exec() == QDialog.DialogCode.Accepted:
        return dlg.chosen()
    return None
