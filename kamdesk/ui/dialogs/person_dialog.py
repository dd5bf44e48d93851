"""Create or edit a key person (关键人): who they are in the decision chain, how to
reach them, what they care about — and their birthday, which many people keep by
the lunar calendar (农历), so it is a month/day rule rather than a date."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kamdesk.domain.key_dates import next_occurrence
from kamdesk.domain.lunar import lunar_label_zh
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.interactions import CHANNELS
from kamdesk.store.ops.key_dates import Birthday
from kamdesk.store.ops.people import ATTITUDES, DECISION_ROLES, save_person
from kamdesk.store.queries.profile import PersonRow, birthday_of, people
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.dialogs.form_base import FormDialog, text_edit

NO_YEAR = 1899  # the year spin box's "unknown" value


def _descendants(rows: list[PersonRow], root: int) -> set[int]:
    """Everyone who reports (directly or not) to ``root``: choosing one of them as
    root's boss would make a loop in the org chart."""
    below: dict[int, list[int]] = {}
    for r in rows:
        if r.reports_to_id is not None:
            below.setdefault(r.reports_to_id, []).append(r.id)
    seen: set[int] = set()
    stack = [root]
    while stack:
        for child in below.get(stack.pop(), []):
            if child not in seen:
                seen.add(child)
                stack.append(child)
    return seen


class PersonDialog(FormDialog):
    def __init__(self, ctx: AppContext, customer_id: int, person_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("personDialog")
        self.customer_id = customer_id
        self.person_id = person_id
        self.loaded_version: int | None = None  # the version a save names (see _load)
        self.birthday_version: int | None = None
        self.saved_id: int | None = None
        self.setWindowTitle(self.tr("New key person") if person_id is None
                            else self.tr("Edit key person"))

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("personName")
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("personTitle")
        self.department_edit = QLineEdit()
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("roleCombo")
        self.role_combo.addItem(self.tr("— not known —"), None)
        for code in DECISION_ROLES:
            self.role_combo.addItem(labels.decision_role(code), code)
        self.attitude_combo = QComboBox()
        self.attitude_combo.setObjectName("attitudeCombo")
        for code in ATTITUDES:
            self.attitude_combo.addItem(labels.attitude(code), code)
        self.strength_spin = QSpinBox()
        self.strength_spin.setObjectName("strengthSpin")
        self.strength_spin.setRange(1, 5)
        self.strength_spin.setValue(3)
        self.strength_spin.setSuffix(" / 5")
        self.strength_spin.setToolTip(self.tr("1 = barely know each other, 5 = close and trusted"))
        self.reports_combo = QComboBox()
        self.reports_combo.setObjectName("reportsToCombo")
        self.primary_check = QCheckBox(self.tr("&Primary contact for this customer"))
        self.primary_check.setObjectName("primaryCheck")
        self.mobile_edit = QLineEdit()
        self.mobile_edit.setObjectName("personMobile")
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.email_edit.setObjectName("personEmail")
        self.wechat_edit = QLineEdit()
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText(self.tr("e.g. weekdays after 10:00"))
        self.channel_combo = QComboBox()
        self.channel_combo.addItem(self.tr("— any —"), None)
        for code in CHANNELS:
            self.channel_combo.addItem(labels.channel(code), code)

        # Birthday
        self.bday_calendar = QComboBox()
        self.bday_calendar.setObjectName("birthdayCalendar")
        self.bday_calendar.addItem(self.tr("not recorded"), None)
        self.bday_calendar.addItem(self.tr("Solar"), "solar")
        self.bday_calendar.addItem(self.tr("Lunar (农历)"), "lunar")
        self.bday_month = QSpinBox()
        self.bday_month.setObjectName("birthdayMonth")
        self.bday_month.setRange(1, 12)
        self.bday_month.setSuffix(self.tr(" month"))
        self.bday_day = QSpinBox()
        self.bday_day.setObjectName("birthdayDay")
        self.bday_day.setRange(1, 31)
        self.bday_day.setSuffix(self.tr(" day"))
        self.bday_leap = QCheckBox(self.tr("leap month (闰月)"))
        self.bday_leap.setObjectName("birthdayLeap")
        self.bday_year = QSpinBox()
        self.bday_year.setObjectName("birthdayYear")
        self.bday_year.setRange(NO_YEAR, 2100)
        self.bday_year.setSpecialValueText(self.tr("year unknown"))
        self.bday_year.setValue(NO_YEAR)
        self.bday_preview = QLabel()
        self.bday_preview.setObjectName("birthdayPreview")
        for w in (self.bday_month, self.bday_day, self.bday_year):
            w.valueChanged.connect(self._birthday_changed)
        self.bday_calendar.currentIndexChanged.connect(self._birthday_changed)
        self.bday_leap.toggled.connect(self._birthday_changed)

        self.style_edit = text_edit(48)
        self.style_edit.setPlaceholderText(self.tr("Direct, data-driven, likes a short agenda…"))
        self.concerns_edit = text_edit(48)
        self.interests_edit = text_edit(48)
        self.taboos_edit = text_edit(48)
        self.taboos_edit.setPlaceholderText(self.tr("Topics, gifts or habits to avoid"))
        self.career_edit = text_edit(48)
        self.notes_edit = text_edit(48)

        left = QGroupBox(self.tr("Person"))
        form = QFormLayout(left)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        role_row = QHBoxLayout()
        role_row.addWidget(self.role_combo, 1)
        att = QLabel(self.tr("A&ttitude:"))
        att.setBuddy(self.attitude_combo)
        role_row.addWidget(att)
        role_row.addWidget(self.attitude_combo, 1)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.mobile_edit, 1)
        ph = QLabel(self.tr("O&ffice:"))
        ph.setBuddy(self.phone_edit)
        phone_row.addWidget(ph)
        phone_row.addWidget(self.phone_edit, 1)
        pref_row = QHBoxLayout()
        pref_row.addWidget(self.time_edit, 2)
        pref_row.addWidget(self.channel_combo, 1)
        strength_row = QHBoxLayout()
        strength_row.addWidget(self.strength_spin)
        hint = QLabel(self.tr("1 = barely know each other, 5 = close and trusted"))
        hint.setStyleSheet("color: #757575;")
        strength_row.addWidget(hint, 1)
        bday_row = QHBoxLayout()
        for w in (self.bday_calendar, self.bday_month, self.bday_day, self.bday_leap):
            bday_row.addWidget(w)
        bday_row.addStretch(1)
        bday_row2 = QHBoxLayout()
        bday_row2.addWidget(self.bday_year)
        bday_row2.addWidget(self.bday_preview, 1)
        rows: list[tuple[str, str, Any, QWidget]] = [
            ("name", self.tr("&Name *:"), self.name_edit, self.name_edit),
            ("title", self.tr("T&itle:"), self.title_edit, self.title_edit),
            ("department", self.tr("&Department:"), self.department_edit, self.department_edit),
            ("decision_role", self.tr("Decision &role:"), role_row, self.role_combo),
            ("relationship_strength", self.tr("Relationship &strength:"), strength_row,
             self.strength_spin),
            ("reports_to_id", self.tr("Reports &to:"), self.reports_combo, self.reports_combo),
            ("is_primary", "", self.primary_check, self.primary_check),
            ("mobile", self.tr("&Mobile:"), phone_row, self.mobile_edit),
            ("email", self.tr("&Email:"), self.email_edit, self.email_edit),
            ("wechat", self.tr("&WeChat:"), self.wechat_edit, self.wechat_edit),
            ("preferred_contact_time", self.tr("Best time / c&hannel:"), pref_row,
             self.time_edit),
            ("birthday", self.tr("&Birthday:"), bday_row, self.bday_calendar),
            ("birthday_year", "", bday_row2, self.bday_year),
        ]
        for field, text, item, buddy in rows:
            label = QLabel(text)
            label.setBuddy(buddy)
            form.addRow(label, item)
            self.register(field, buddy, text)
        self.register("attitude", self.attitude_combo, self.tr("A&ttitude:"))
        self.register("phone", self.phone_edit, self.tr("O&ffice:"))

        right = QGroupBox(self.tr("How to work with them"))
        right_layout = QVBoxLayout(right)
        right_layout.setSpacing(2)
        for field, text, edit in (
            ("communication_style", self.tr("Communication st&yle"), self.style_edit),
            ("concerns", self.tr("&Concerns"), self.concerns_edit),
            ("interests", self.tr("Intere&sts"), self.interests_edit),
            ("taboos", self.tr("Ta&boos (忌讳)"), self.taboos_edit),
            ("career_goals", self.tr("Career &goals"), self.career_edit),
            ("notes", self.tr("N&otes"), self.notes_edit),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            right_layout.addWidget(label)
            right_layout.addWidget(edit, 1)
            self.register(field, edit, text)

        columns = QHBoxLayout()
        columns.addWidget(left, 1)
        columns.addWidget(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        order = [self.name_edit, self.title_edit, self.department_edit, self.role_combo,
                 self.attitude_combo, self.strength_spin, self.reports_combo,
                 self.primary_check, self.mobile_edit, self.phone_edit, self.email_edit,
                 self.wechat_edit, self.time_edit, self.channel_combo, self.bday_calendar,
                 self.bday_month, self.bday_day, self.bday_leap, self.bday_year,
                 self.style_edit, self.concerns_edit, self.interests_edit, self.taboos_edit,
                 self.career_edit, self.notes_edit]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)

        self._load()
        self._birthday_changed()
        self.resize(1000, 620)
        self.mark_clean()
        self.name_edit.setFocus()

    # -- loading -------------------------------------------------------------------
    def _load(self) -> None:
        today = self.ctx.clock.today()
        everyone = self.ctx.db.read(people, self.customer_id)
        bday = self.ctx.db.read(birthday_of, self.person_id, today) if self.person_id else None
        me = next((p for p in everyone if p.id == self.person_id), None)
        self.loaded_version = me.version if me is not None else None
        self.birthday_version = bday.version if bday is not None else None
        excluded = {self.person_id} | (_descendants(everyone, self.person_id)
                                       if self.person_id else set())
        self.reports_combo.addItem(self.tr("— nobody on record —"), None)
        for p in everyone:
            if p.id in excluded:
                continue
            if p.archived and not (me and me.reports_to_id == p.id):
                continue
            text = p.name + (f" · {p.title}" if p.title else "")
            self.reports_combo.addItem(text, p.id)
        if me is None:
            self.primary_check.setChecked(not any(not p.archived for p in everyone))
            return
        self.name_edit.setText(me.name)
        self.title_edit.setText(me.title or "")
        self.department_edit.setText(me.department or "")
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(me.decision_role)))
        self.attitude_combo.setCurrentIndex(max(0, self.attitude_combo.findData(me.attitude)))
        self.strength_spin.setValue(me.relationship_strength)
        self.reports_combo.setCurrentIndex(max(0, self.reports_combo.findData(me.reports_to_id)))
        self.primary_check.setChecked(me.is_primary)
        self.mobile_edit.setText(me.mobile or "")
        self.phone_edit.setText(me.phone or "")
        self.email_edit.setText(me.email or "")
        self.wechat_edit.setText(me.wechat or "")
        self.time_edit.setText(me.preferred_contact_time or "")
        self.channel_combo.setCurrentIndex(max(0, self.channel_combo.findData(
            me.preferred_channel)))
        self.style_edit.setPlainText(me.communication_style or "")
        self.concerns_edit.setPlainText(me.concerns or "")
        self.interests_edit.setPlainText(me.interests or "")
        self.taboos_edit.setPlainText(me.taboos or "")
        self.career_edit.setPlainText(me.career_goals or "")
        self.notes_edit.setPlainText(me.notes or "")
        if bday is not None:
            self.bday_calendar.setCurrentIndex(self.bday_calendar.findData(bday.calendar))
            self.bday_month.setValue(bday.month)
            self.bday_day.setValue(bday.day)
            self.bday_leap.setChecked(bday.leap_month)
            self.bday_year.setValue(bday.year if bday.year is not None else NO_YEAR)

    # -- birthday ------------------------------------------------------------------
    def birthday(self) -> Birthday | None:
        kind = self.bday_calendar.currentData()
        if kind is None:
            return None
        year = self.bday_year.value()
        return Birthday(
            kind, self.bday_month.value(), self.bday_day.value(),
            leap_month=kind == "lunar" and self.bday_leap.isChecked(),
            year=None if year == NO_YEAR else year)

    def _birthday_changed(self, *_args: object) -> None:
        kind = self.bday_calendar.currentData()
        for w in (self.bday_month, self.bday_day, self.bday_year):
            w.setEnabled(kind is not None)
        self.bday_leap.setEnabled(kind == "lunar")
        self.bday_day.setMaximum(30 if kind == "lunar" else 31)
        bday = self.birthday()
        if bday is None:
            self.bday_preview.setText("")
            return
        try:
            rule = bday.rule()
            nxt = next_occurrence(rule, self.ctx.clock.today())
        except ValueError:
            self.bday_preview.setText(labels.validation("invalid_date"))
            self.bday_preview.setStyleSheet("color: #c62828;")
            return
        self.bday_preview.setStyleSheet("color: #757575;")
        prefix = lunar_label_zh(bday.month, bday.day, bday.leap_month) + " · " \
            if kind == "lunar" else ""
        self.bday_preview.setText(prefix + self.tr("next on %1").replace(
            "%1", nxt.isoformat() if isinstance(nxt, date) else "—"))

    # -- saving --------------------------------------------------------------------
    def snapshot(self) -> tuple[Any, ...]:
        return (
            self.name_edit.text(), self.title_edit.text(), self.department_edit.text(),
            self.role_combo.currentData(), self.attitude_combo.currentData(),
            self.strength_spin.value(), self.reports_combo.currentData(),
            self.primary_check.isChecked(), self.mobile_edit.text(), self.phone_edit.text(),
            self.email_edit.text(), self.wechat_edit.text(), self.time_edit.text(),
            self.channel_combo.currentData(), self.style_edit.toPlainText(),
            self.concerns_edit.toPlainText(), self.interests_edit.toPlainText(),
            self.taboos_edit.toPlainText(), self.career_edit.toPlainText(),
            self.notes_edit.toPlainText(), self.birthday(),
        )

    def fields(self) -> dict[str, Any]:
        if not self.name_edit.text().strip():
            raise ValidationError("name", "required")
        return {
            "name": self.name_edit.text(), "title": self.title_edit.text(),
            "department": self.department_edit.text(),
            "decision_role": self.role_combo.currentData(),
            "attitude": self.attitude_combo.currentData(),
            "relationship_strength": self.strength_spin.value(),
            "reports_to_id": self.reports_combo.currentData(),
            "is_primary": self.primary_check.isChecked(),
            "mobile": self.mobile_edit.text(), "phone": self.phone_edit.text(),
            "email": self.email_edit.text(), "wechat": self.wechat_edit.text(),
            "preferred_contact_time": self.time_edit.text(),
            "preferred_channel": self.channel_combo.currentData(),
            "communication_style": self.style_edit.toPlainText(),
            "concerns": self.concerns_edit.toPlainText(),
            "interests": self.interests_edit.toPlainText(),
            "taboos": self.taboos_edit.toPlainText(),
            "career_goals": self.career_edit.toPlainText(),
            "notes": self.notes_edit.toPlainText(),
        }

    def save(self) -> bool:
        data = self.fields()
        name = data["name"].strip()
        changes = self.write(save_person, self.customer_id, self.person_id, self.birthday(),
                             self.tr("%1's birthday").replace("%1", name),
                             expected_version=self.loaded_version,
                             birthday_version=self.birthday_version, **data)
        if changes is None:
            return False
        self.saved_id = changes.value
        self.ctx.status.emit(self.tr("Saved %1").replace("%1", name))
        return True
