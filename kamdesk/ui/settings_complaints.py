"""The Settings dialog's Complaints page: hours allowed for a complaint's first response.

Kept with the data (``app_settings``, :func:`kamdesk.store.queries.settings.
complaint_response_hours`), so the command line and every screen compute the same
deadline. A more severe complaint may not get more time than a less severe one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QSpinBox, QVBoxLayout, QWidget

from kamdesk.domain.complaints import MAX_RESPONSE_HOURS, ResponseHours


class ComplaintHoursPage(QWidget):
    def __init__(self, hours: ResponseHours, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintSettingsPage")
        outer = QVBoxLayout(self)
        box = QGroupBox(self.tr("Answer a complaint within"))
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.spins: dict[str, QSpinBox] = {}
        texts = {"critical": self.tr("Critical"), "high": self.tr("High"),
                 "normal": self.tr("Normal (medium and low)")}
        for name, text in texts.items():
            spin = QSpinBox()
            spin.setObjectName(f"complaintHours_{name}")
            spin.setRange(1, MAX_RESPONSE_HOURS)
            spin.setSuffix(self.tr(" hours"))
            spin.setMinimumWidth(130)
            spin.setValue(getattr(hours, name))
            self.spins[name] = spin
            form.addRow(text, spin)
        outer.addWidget(box)
        note = QLabel(self.tr("Complaints opened from now on get these response deadlines; "
                              "those already open keep theirs. A complaint turns amber when "
                              "a quarter of its time is left and red once it is overdue."))
        note.setProperty("role", "subtitle")
        note.setWordWrap(True)
        outer.addWidget(note)
        outer.addStretch(1)

    def hours(self) -> ResponseHours:
        return ResponseHours(**{name: spin.value() for name, spin in self.spins.items()})

    def problems(self) -> list[str]:
        h = self.hours()
        if h.critical > h.high or h.high > h.normal:
            return [self.tr("A more severe complaint cannot get more time to answer than a "
                            "less severe one.")]
        return []
