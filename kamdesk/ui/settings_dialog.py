"""Settings: how customers are tiered and touched, and how the app behaves on this machine.

Two kinds of settings live here, stored in two places on purpose:

* the **Tiering** page belongs to the book of business (thresholds, contact rhythm),
  so it is saved in the database (``app_settings``) and travels with a backup; saving
  a change recomputes every customer's tier in the background;
* the **Product lines** page is the user's list of what they sell, also with the data
  (``app_settings['product_lines']``); the profile's Products tab and the account plan
  draw the whitespace grid against it. While the list is empty the lines found in the
  orders book stand in, shown here pre-filled; they are saved only once edited;
* the **Complaints** page sets the hours allowed for a complaint's first response, by
  severity (``app_settings['complaint_response_hours']``, :mod:`kamdesk.ui.settings_complaints`);
* the **General** page belongs to this computer and user (name, language, theme,
  tray) and goes to QSettings — except the key-date reminder lead times, which the
  reminder generator reads from the database (``app_settings['reminders']``).

The database half is read through :mod:`kamdesk.store.queries.settings` and saved by
one operation (:func:`kamdesk.store.ops.settings.save_book_settings`) through the runner.

Shares are edited as whole percentages, the way the method states them (top 20 %,
middle 60 %); the settings object keeps fractions.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit,
    QMessageBox, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from kamdesk.domain.penetration import MAX_LINE_LENGTH, MAX_LINES, line_key
from kamdesk.store.ops.settings import save_book_settings
from kamdesk.store.ops.tier_source import set_book_tier_source
from kamdesk.store.queries.penetration import product_lines_in_force
from kamdesk.store.queries.settings import (
    complaint_response_hours, reminder_settings, tiering_settings,
)
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.ops import run_op, run_op_in_background
from kamdesk.ui.settings_complaints import ComplaintHoursPage
from kamdesk.ui.widgets.name_list_editor import NameListEditor

REMINDER_KINDS = ("birthday", "anniversary", "founding", "festival")
DEFAULT_REMINDER_DAYS = 3
ERROR_COLOUR = "#c62828"


def _percent(fraction: float) -> int:
    return round(fraction * 100)


def _spin(low: int, high: int, suffix: str = "", name: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    if suffix:
        box.setSuffix(suffix)
    if name:
        box.setObjectName(name)
    box.setAccelerated(True)
    box.setMinimumWidth(130)
    return box


class SettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 page: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(600)
        self._tiering = ctx.db.read(tiering_settings)
        self._reminders: dict[str, Any] = ctx.db.read(reminder_settings)
        self._product_lines = ctx.db.read(product_lines_in_force)
        # the background switch of the book's tier source, once saved (tests wait on it)
        self.tier_source_write: QThread | None = None
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self._tiering_page(), self.tr("Tiering"))
        self.products_page = self._products_page()
        self.tabs.addTab(self.products_page, self.tr("Product lines"))
        self.complaints_page = ComplaintHoursPage(ctx.db.read(complaint_response_hours))
        self.tabs.addTab(self.complaints_page, self.tr("Complaints"))
        self.tabs.addTab(self._general_page(), self.tr("General"))
        if page == "products":
            self.tabs.setCurrentWidget(self.products_page)
        elif page == "complaints":
            self.tabs.setCurrentWidget(self.complaints_page)

        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)  # Enter saves
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self._load()
        self._initial = self.values()
        for w in self.findChildren(QSpinBox):
            w.valueChanged.connect(self._validate)
        self.method.currentIndexChanged.connect(self._on_method)
        self.product_lines.changed.connect(self._validate)
        self._on_method()
        self._validate()

    # -- pages -----------------------------------------------------------------------------
    def _tiering_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)

        value = QGroupBox(self.tr("Value tiers (annual contribution)"))
        form = QFormLayout(value)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.method = QComboBox()
        self.method.setObjectName("tieringMethod")
        for code in ("share", "cumulative"):
            self.method.addItem(labels.tiering_method(code), code)
        self.window_months = _spin(1, 60, self.tr(" months"), "windowMonths")
        self.top_share = _spin(0, 100, " %", "topShare")
        self.middle_share = _spin(0, 100, " %", "middleShare")
        self.cum_a = _spin(0, 100, " %", "cumulativeA")
        self.cum_b = _spin(0, 100, " %", "cumulativeB")
        form.addRow(self.tr("Method"), self.method)
        form.addRow(self.tr("Revenue window"), self.window_months)
        self.share_rows = (
            (self.tr("High value: top share of customers"), self.top_share),
            (self.tr("Middle value: next share of customers"), self.middle_share),
        )
        self.cumulative_rows = (
            (self.tr("High value: customers making the first share of revenue"), self.cum_a),
            (self.tr("Middle value: the next share of revenue"), self.cum_b),
        )
        for text, box in self.share_rows + self.cumulative_rows:
            form.addRow(text, box)
        self.value_form = form
        self.low_hint = QLabel()
        self.low_hint.setObjectName("lowValueHint")
        self.low_hint.setProperty("role", "subtitle")
        self.low_hint.setWordWrap(True)
        form.addRow("", self.low_hint)
        outer.addWidget(value)

        activity = QGroupBox(self.tr("Activity"))
        form = QFormLayout(activity)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.active_months = _spin(1, 36, self.tr(" months"), "activeMonths")
        self.churn_months = _spin(2, 60, self.tr(" months"), "churnMonths")
        form.addRow(self.tr("Silent after no contact or order for"), self.active_months)
        form.addRow(self.tr("Churned after no order for"), self.churn_months)
        outer.addWidget(activity)

        source = QGroupBox(self.tr("Classification in use"))
        form = QFormLayout(source)
        self.tier_source = QComboBox()
        self.tier_source.setObjectName("tierSource")
        self.tier_source.addItem(self.tr("Use the classification stated in imported sheets"),
                                 "stated")
        self.tier_source.addItem(self.tr("Use computed tiers"), "computed")
        form.addRow(self.tr("Customer type (客户类型)"), self.tier_source)
        source_note = QLabel(self.tr("Applies to customers whose sheet stated a type; a "
                                     "customer switched on its profile keeps its own choice."))
        source_note.setProperty("role", "subtitle")
        source_note.setWordWrap(True)
        form.addRow("", source_note)
        outer.addWidget(source)

        cadence = QGroupBox(self.tr("Contact rhythm"))
        form = QFormLayout(cadence)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.cadence_a = _spin(1, 365, self.tr(" days"), "cadenceA")
        self.cadence_b = _spin(1, 365, self.tr(" days"), "cadenceB")
        self.cadence_c = _spin(1, 730, self.tr(" days"), "cadenceC")
        self.executive_days = _spin(7, 730, self.tr(" days"), "executiveVisitDays")
        self.satisfaction_days = _spin(7, 730, self.tr(" days"), "satisfactionCheckDays")
        form.addRow(self.tr("Contact high-value customers every"), self.cadence_a)
        form.addRow(self.tr("Contact middle-value customers every"), self.cadence_b)
        form.addRow(self.tr("Contact low-value customers every"), self.cadence_c)
        form.addRow(self.tr("Executive visit (high value) every"), self.executive_days)
        form.addRow(self.tr("Satisfaction check (middle value) every"), self.satisfaction_days)
        outer.addWidget(cadence)
        note = QLabel(self.tr("Saving recomputes every customer's tier in the background."))
        note.setProperty("role", "subtitle")
        note.setWordWrap(True)
        outer.addWidget(note)
        outer.addStretch(1)
        return page

    def _products_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        intro = QLabel(self.tr("The product lines you sell, in the order you want them shown. "
                               "Each customer's Products tab and account plan show which of "
                               "them the customer does not buy yet."))
        intro.setWordWrap(True)
        outer.addWidget(intro)
        self.product_lines = NameListEditor(page, name="productLines")
        outer.addWidget(self.product_lines, 1)
        self.product_lines_source = QLabel(
            self.tr("No list kept yet: these are the product lines found in your orders. "
                    "Edit them to keep your own list; remove them all to follow the orders "
                    "again."))
        self.product_lines_source.setObjectName("productLinesSource")
        self.product_lines_source.setProperty("role", "subtitle")
        self.product_lines_source.setWordWrap(True)
        self.product_lines_source.setVisible(self._product_lines.from_book)
        outer.addWidget(self.product_lines_source)
        return page

    def _general_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        you = QGroupBox(self.tr("You"))
        form = QFormLayout(you)
        self.user_name = QLineEdit()
        self.user_name.setObjectName("userName")
        self.user_name.setPlaceholderText(self.tr("Owner of the contacts you log"))
        form.addRow(self.tr("Your name"), self.user_name)
        self.team_button = QPushButton(self.tr("Connect to a team database…"))
        self.team_button.setObjectName("connectTeamDatabase")
        self.team_button.setAutoDefault(False)  # Enter still saves the settings
        self.team_button.clicked.connect(self.connect_team_database)
        form.addRow(self.tr("Team"), self.team_button)
        outer.addWidget(you)

        look = QGroupBox(self.tr("Appearance and behaviour"))
        form = QFormLayout(look)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language_note = QLabel(self.tr("A new language applies after a restart."))
        self.language_note.setProperty("role", "subtitle")
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        for code, text in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                           ("dark", self.tr("Dark"))):
            self.theme.addItem(text, code)
        self.close_to_tray = QCheckBox(self.tr("Closing the window keeps reminders running in "
                                               "the tray"))
        self.close_to_tray.setObjectName("closeToTray")
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow("", self.close_to_tray)
        outer.addWidget(look)

        remind = QGroupBox(self.tr("Remind me before a key date"))
        form = QFormLayout(remind)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.reminder_days: dict[str, QSpinBox] = {}
        texts = {"birthday": self.tr("Birthday"), "anniversary": self.tr("Cooperation anniversary"),
                 "founding": self.tr("Founding day"), "festival": self.tr("Festival")}
        for kind in REMINDER_KINDS:
            box = _spin(0, 60, self.tr(" days before"), f"remind_{kind}")
            self.reminder_days[kind] = box
            form.addRow(texts[kind], box)
        outer.addWidget(remind)
        outer.addStretch(1)
        return page

    def connect_team_database(self) -> None:
        """Settings ▸ Connect to a team database… (:mod:`kamdesk.ui.dialogs.team_connect`)."""
        from kamdesk.ui.dialogs.team_connect import TeamConnectDialog

        TeamConnectDialog(self.ctx.settings, self).exec()

    # -- values ----------------------------------------------------------------------------
    def _load(self) -> None:
        t = self._tiering
        self.method.setCurrentIndex(max(0, self.method.findData(t.method)))
        self.window_months.setValue(t.window_months)
        self.top_share.setValue(_percent(t.top_share))
        self.middle_share.setValue(_percent(t.middle_share))
        self.cum_a.setValue(_percent(t.cumulative_a_share))
        self.cum_b.setValue(_percent(t.cumulative_b_share))
        self.active_months.setValue(t.active_months)
        self.churn_months.setValue(t.churn_months)
        self.cadence_a.setValue(t.cadence_a_days)
        self.cadence_b.setValue(t.cadence_b_days)
        self.cadence_c.setValue(t.cadence_c_days)
        self.executive_days.setValue(t.executive_visit_days)
        self.satisfaction_days.setValue(t.satisfaction_check_days)
        self.tier_source.setCurrentIndex(max(0, self.tier_source.findData(t.tier_source)))
        s = self.ctx.settings
        self.user_name.setText(str(s.value("user/name", "") or ""))
        lang = str(s.value("ui/language", "") or self.ctx.lang)
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.theme.setCurrentIndex(max(0, self.theme.findData(str(s.value("ui/theme", "system")))))
        self.close_to_tray.setChecked(str(s.value("ui/close_to_tray", "false")).lower()
                                      in ("true", "1"))
        self.product_lines.set_names(self._product_lines.names)
        nested = self._reminders.get("days_before")
        for kind, box in self.reminder_days.items():
            value = self._reminders.get(kind)
            if isinstance(nested, dict) and kind in nested:
                value = nested[kind]
            try:
                box.setValue(int(value) if value is not None else DEFAULT_REMINDER_DAYS)
            except (TypeError, ValueError):
                box.setValue(DEFAULT_REMINDER_DAYS)

    def values(self) -> dict[str, Any]:
        """Everything the dialog edits, to tell whether anything changed."""
        return {
            "tiering": self.tiering_values(),
            "tier_source": self.tier_source.currentData(),
            "user": self.user_name.text().strip(), "language": self.language.currentData(),
            "theme": self.theme.currentData(), "tray": self.close_to_tray.isChecked(),
            "reminders": {k: b.value() for k, b in self.reminder_days.items()},
            "product_lines": self.product_lines.names(),
            "complaint_hours": self.complaints_page.hours(),
        }

    def tiering_values(self) -> dict[str, Any]:
        return {
            "method": self.method.currentData(), "window_months": self.window_months.value(),
            "top_share": self.top_share.value() / 100, "middle_share": self.middle_share.value() / 100,
            "cumulative_a_share": self.cum_a.value() / 100,
            "cumulative_b_share": self.cum_b.value() / 100,
            "active_months": self.active_months.value(), "churn_months": self.churn_months.value(),
            "cadence_a_days": self.cadence_a.value(), "cadence_b_days": self.cadence_b.value(),
            "cadence_c_days": self.cadence_c.value(),
            "executive_visit_days": self.executive_days.value(),
            "satisfaction_check_days": self.satisfaction_days.value(),
        }

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    # -- validation ------------------------------------------------------------------------
    def _on_method(self) -> None:
        share = self.method.currentData() == "share"
        for rows, visible in ((self.share_rows, share), (self.cumulative_rows, not share)):
            for _text, box in rows:
                self.value_form.setRowVisible(box, visible)
        self._validate()

    def problems(self) -> list[str]:
        out = []
        if self.top_share.value() + self.middle_share.value() > 100:
            out.append(self.tr("High and middle value together cannot be more than 100 % of "
                               "customers."))
        if self.cum_a.value() + self.cum_b.value() > 100:
            out.append(self.tr("High and middle value together cannot be more than 100 % of "
                               "revenue."))
        if self.active_months.value() >= self.churn_months.value():
            out.append(self.tr("A customer must go silent before churning: the silent period "
                               "has to be shorter than the churn period."))
        out.extend(self.product_line_problems())
        out.extend(self.complaints_page.problems())
        return out

    def product_line_problems(self) -> list[str]:
        names = self.product_lines.names()
        out = []
        seen: set[str] = set()
        for name in names:
            if line_key(name) in seen:
                out.append(self.tr("The product line “%1” is listed twice.")
                           .replace("%1", name))
            seen.add(line_key(name))
            if len(name) > MAX_LINE_LENGTH:
                out.append(self.tr("A product line name can be at most %1 characters.")
                           .replace("%1", str(MAX_LINE_LENGTH)))
        if len(names) > MAX_LINES:
            out.append(self.tr("At most %1 product lines can be listed.")
                       .replace("%1", str(MAX_LINES)))
        return out

    def _validate(self) -> None:
        problems = self.problems()
        self.error.setText("\n".join(problems))
        self.error.setVisible(bool(problems))
        self.save_button.setEnabled(not problems)
        if self.method.currentData() == "share":
            low = max(0, 100 - self.top_share.value() - self.middle_share.value())
            self.low_hint.setText(self.tr("Low value: the remaining %1 % of customers").replace(
                "%1", str(low)))
        else:
            low = max(0, 100 - self.cum_a.value() - self.cum_b.value())
            self.low_hint.setText(self.tr("Low value: customers making the last %1 % of "
                                          "revenue").replace("%1", str(low)))

    # -- saving ----------------------------------------------------------------------------
    def save(self) -> None:
        if self.problems():
            return
        v = self.values()
        try:
            tiering = replace(self._tiering, **v["tiering"])
        except ValueError as exc:  # a combination the domain refuses; say so, keep the dialog
            self.error.setText(str(exc))
            self.error.show()
            return
        tiering_changed = tiering != self._tiering
        # The runner announces what was written (app_settings); the recompute that a
        # tiering change needs is its own operation, run in the background below.
        # The product lines are written only once edited: a list still standing in from
        # the orders book keeps following the orders.
        lines_changed = v["product_lines"] != self._initial["product_lines"]
        hours_changed = v["complaint_hours"] != self._initial["complaint_hours"]
        if run_op(self.ctx, save_book_settings, tiering=tiering if tiering_changed else None,
                  reminder_days=v["reminders"],
                  product_lines=v["product_lines"] if lines_changed else None,
                  complaint_hours=v["complaint_hours"] if hours_changed else None,
                  initiator=self) is None:
            return
        source_changed = v["tier_source"] != self._tiering.tier_source
        s = self.ctx.settings
        s.setValue("user/name", v["user"])
        s.setValue("ui/language", v["language"])
        s.setValue("ui/theme", v["theme"])
        s.setValue("ui/close_to_tray", v["tray"])
        s.sync()
        if v["theme"] != self._initial["theme"]:
            self._apply_theme(v["theme"])
        self._initial = v
        if source_changed:
            # Saves the book's choice on top of the tiering just saved and recomputes
            # every customer once, in the background.
            self.tier_source_write = run_op_in_background(
                self.ctx, set_book_tier_source, v["tier_source"], self.ctx.clock.today(),
                initiator=self, parent=self.parentWidget())
            self.ctx.status.emit(self.tr("Settings saved. Updating every customer's tier…"))
        elif tiering_changed:
            from kamdesk.ui.recompute import schedule_recompute

            schedule_recompute(self.ctx, self.parent() or self.ctx, force=True)
            self.ctx.status.emit(self.tr("Settings saved. Updating every customer's tier…"))
        else:
            self.ctx.status.emit(self.tr("Settings saved."))
        self.accept()

    @staticmethod
    def _apply_theme(mode: str) -> None:
        from PySide6.QtWidgets import QApplication

        from kamdesk.ui.theme import apply_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, mode)

    # -- leaving ---------------------------------------------------------------------------
    def reject(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("Discard changes?"),
                self.tr("You have changed some settings. Discard the changes?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.isVisible() and self.is_dirty():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # Esc goes through reject() (and its question) like Cancel does.
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)
