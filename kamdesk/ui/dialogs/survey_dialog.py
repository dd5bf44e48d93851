"""Record or edit a satisfaction survey answer (满意度调研): the day it was given, CSAT
(1–5, in the words the contact log uses), NPS (0–10), who answered, how it was asked
and a comment.

Both scores start empty so a survey that asked only one of them is recorded as asked;
the store refuses an answer with neither, a day in the future and a person of another
customer, and the error points at the field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.surveys import record_survey, update_survey
from kamdesk.store.queries.surveys import SurveyAnswer, survey_people
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import DateField, FormDialog, text_edit


class SurveyDialog(FormDialog):
    def __init__(self, ctx: AppContext, customer_id: int, answer: SurveyAnswer | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("surveyDialog")
        self.customer_id = customer_id
        self.answer = answer
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("Record survey answer") if answer is None
                            else self.tr("Edit survey answer"))

        self.date_field = DateField()
        self.date_field.setObjectName("surveyDate")
        self.csat_combo = QComboBox()
        self.csat_combo.setObjectName("surveyCsat")
        self.csat_combo.addItem(self.tr("(not asked)"), None)
        for code, word in labels.choices("satisfaction").items():
            self.csat_combo.addItem(f"{code} — {word}", int(code))
        self.nps_combo = QComboBox()
        self.nps_combo.setObjectName("surveyNps")
        self.nps_combo.addItem(self.tr("(not asked)"), None)
        for score in range(10, -1, -1):
            self.nps_combo.addItem(str(score), score)
        self.nps_combo.setToolTip(self.tr(
            "How likely is the customer to recommend us? 9–10 promoter, 7–8 passive, "
            "0–6 detractor"))
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("surveyPerson")
        self.person_combo.addItem(self.tr("(the customer)"), None)
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("surveyChannel")
        self.channel_combo.addItem("", None)
        for code, word in labels.choices("channel").items():
            self.channel_combo.addItem(word, code)
        self.comment_edit = text_edit(64)
        self.comment_edit.setObjectName("surveyComment")

        form = self.labelled_form((
            ("responded_on", self.tr("&Answered on *:"), self.date_field),
            ("csat", self.tr("&CSAT (1–5):"), self.csat_combo),
            ("nps", self.tr("&NPS (0–10):"), self.nps_combo),
            ("person_id", self.tr("&Who answered:"), self.person_combo),
            ("channel", self.tr("C&hannel:"), self.channel_combo),
            ("comment", self.tr("Co&mment:"), self.comment_edit),
        ))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        self._load()
        self.resize(440, 0)
        self.mark_clean()
        self.csat_combo.setFocus()

    def _load(self) -> None:
        for person_id, name in self.ctx.db.read(survey_people, self.customer_id):
            self.person_combo.addItem(name, person_id)
        a = self.answer
        if a is None:
            self.date_field.set_date(self.ctx.clock.today())
            return
        if a.person_id is not None and self.person_combo.findData(a.person_id) < 0:
            self.person_combo.addItem(a.person_name or f"#{a.person_id}", a.person_id)
        self.date_field.set_date(a.responded_on)
        for combo, value in ((self.csat_combo, a.csat), (self.nps_combo, a.nps),
                             (self.person_combo, a.person_id),
                             (self.channel_combo, a.channel)):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.comment_edit.setPlainText(a.comment or "")

    def snapshot(self) -> tuple[Any, ...]:
        return (self.date_field.text(), self.csat_combo.currentData(),
                self.nps_combo.currentData(), self.person_combo.currentData(),
                self.channel_combo.currentData(), self.comment_edit.toPlainText())

    def fields(self) -> dict[str, Any]:
        """The chosen values; ValidationError naming the field when one is not readable."""
        try:
            responded: date | None = self.date_field.date()
        except ValueError:
            raise ValidationError("responded_on", "invalid_date") from None
        if responded is None:
            raise ValidationError("responded_on", "required")
        return {"responded_on": responded, "csat": self.csat_combo.currentData(),
                "nps": self.nps_combo.currentData(),
                "person_id": self.person_combo.currentData(),
                "channel": self.channel_combo.currentData(),
                "comment": self.comment_edit.toPlainText()}

    def save(self) -> bool:
        data = self.fields()
        today = self.ctx.clock.today()
        changes = (self.write(record_survey, customer_id=self.customer_id, today=today, **data)
                   if self.answer is None
                   else self.write(update_survey, self.answer.id, today=today,
                                   expected_version=self.answer.version, **data))
        if changes is None:
            return False
        self.saved_id = changes.value
        self.ctx.status.emit(self.tr("Survey answer saved"))
        return True
