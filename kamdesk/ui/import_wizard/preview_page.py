"""Step 3: what the import will do, before it does it — counts (new, updated,
unchanged, rows with problems, rows left out), every problem by the file's own row
number and column heading, the field changes (old → new) and the likely duplicates
with one choice for all (skip / update / create). Rows with problems are either
fixed in the file or skipped ("import the good rows only"); the import writes
nothing while problems remain and that is not ticked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QThread
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from kamdesk.io.import_preview import preview_import
from kamdesk.io.import_rows import ImportReport
from kamdesk.io.sheets.columns import meaning_label
from kamdesk.ui.import_wizard.report_table import ReportTable
from kamdesk.ui.import_wizard.texts import DUPLICATE_CHOICES
from kamdesk.ui.ops import read_in_background

if TYPE_CHECKING:
    from kamdesk.ui.import_wizard.wizard import ImportWizard


def shown(value: object) -> str:
    return "—" if value is None or value == "" else str(value)


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        words = wizard.words
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing has been imported yet. Check what will change."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.summary = QLabel(self.tr("Checking the file…"))
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.problems = ReportTable("problemsTable", [
            self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")], True)
        self.changes = ReportTable("changesTable", [
            self.tr("Customer"), self.tr("Field"), self.tr("Now"), self.tr("After import")])
        self.duplicates = ReportTable("duplicatesTable", [
            self.tr("Row"), self.tr("Name in the file"), self.tr("Looks like"),
            self.tr("Same")])
        self.skipped = ReportTable("skippedTable", [self.tr("Row"), self.tr("Left out because")])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("previewTabs")
        for widget in (self.problems, self.changes, self.duplicates, self.skipped):
            self.tabs.addTab(widget, "")
        self.on_duplicate = QComboBox()
        self.on_duplicate.setObjectName("duplicateChoice")
        for choice in DUPLICATE_CHOICES:
            self.on_duplicate.addItem(words.duplicate_choice(choice), choice)
        self.on_duplicate.currentIndexChanged.connect(self._choice_changed)
        self.skip_invalid = QCheckBox(self.tr("Import the good rows only (skip the rows with "
                                              "problems)"))
        self.skip_invalid.setObjectName("skipInvalid")
        self.skip_invalid.toggled.connect(self._skip_toggled)
        self.hint = QLabel()
        self.hint.setObjectName("previewHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #b3261e")
        choices = QFormLayout()
        choices.addRow(self.tr("Rows that look like a customer already in the book:"),
                       self.on_duplicate)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(choices)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.hint)
        self.loading = False
        self.reader: QThread | None = None

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        self.on_duplicate.setCurrentIndex(
            max(0, self.on_duplicate.findData(self.wiz.on_duplicate)))
        self.skip_invalid.setChecked(self.wiz.skip_invalid)
        self.refresh()

    def refresh(self) -> None:
        """Run the preview off the UI thread (a large book takes seconds)."""
        self.wiz.preview = None
        self.loading = True
        self.summary.setText(self.tr("Checking the file…"))
        self.completeChanged.emit()
        ctx = self.wiz.ctx
        self.reader = read_in_background(
            ctx, preview_import, self.wiz.path, ctx.clock.today(), self.wiz.kind,
            self.wiz.mapping, self.wiz.on_duplicate, on_done=self.show_report, parent=self)

    def _choice_changed(self) -> None:
        self.wiz.on_duplicate = self.on_duplicate.currentData()
        if self.wiz.currentPage() is self:
            self.refresh()

    def _skip_toggled(self, on: bool) -> None:
        self.wiz.skip_invalid = on
        self._update_hint()

    def show_report(self, report: ImportReport) -> None:
        self.loading = False
        self.wiz.preview = report
        words, lang = self.wiz.words, self.wiz.ctx.lang
        bad_rows = len(report.skipped_lines)
        left_out = len([s for s in report.skipped_rows if s.reason != "nul_removed"])
        self.summary.setText(self.tr(
            "%1: %2 new, %3 updated, %4 unchanged; %5 rows with problems; %6 blank or "
            "total rows left out.").replace("%1", words.kind(report.kind)).replace(
            "%2", str(report.created)).replace("%3", str(report.updated)).replace(
            "%4", str(report.unchanged)).replace("%5", str(bad_rows)).replace(
            "%6", str(left_out)))
        self.problems.set_rows([
            (p.line, p.header or meaning_label(p.column, lang), p.value, words.problem(p.code))
            for p in report.problems])
        self.changes.set_rows([(c.customer, words.field(c.field), shown(c.old), shown(c.new))
                               for c in report.updated_fields])
        self.duplicates.set_rows([(d.line, d.name, d.existing_code,
                                   words.duplicate_reason(d.reason))
                                  for d in report.duplicates])
        self.skipped.set_rows([(s.line, words.skip_reason(s.reason))
                               for s in report.skipped_rows])
        for index, (title, count) in enumerate((
                (self.tr("Problems"), len(report.problems)),
                (self.tr("Changes"), len(report.updated_fields)),
                (self.tr("Likely duplicates"), len(report.duplicates)),
                (self.tr("Rows left out"), len(report.skipped_rows)))):
            self.tabs.setTabText(index, f"{title} ({count})")
        if report.problems:
            self.tabs.setCurrentIndex(0)
        elif report.updated_fields:
            self.tabs.setCurrentIndex(1)
        self.skip_invalid.setEnabled(bool(report.problems))
        self._update_hint()

    def _update_hint(self) -> None:
        report = self.wiz.preview
        hint = ""
        if report is not None:
            if report.missing_columns:
                hint = self.tr("Required columns are missing; go back and map them.")
            elif report.problems and not self.skip_invalid.isChecked():
                hint = self.tr("%1 rows have problems. Fix them in the file and open it "
                               "again, or tick “Import the good rows only”.").replace(
                    "%1", str(len(report.skipped_lines)))
            elif report.created + report.updated == 0:
                hint = self.tr("Nothing to import: every row is already in the book.")
        self.hint.setText(hint)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        report = self.wiz.preview
        if self.loading or report is None or report.missing_columns:
            return False
        if report.problems and not self.skip_invalid.isChecked():
            return False
        return report.created + report.updated > 0
