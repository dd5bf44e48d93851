"""Step 5: what the import did — the counts, the batch it was recorded as, and
"Undo this import" (the whole batch, refused with the reason if a record it wrote
was edited since)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from kamdesk.store.ops.import_batches import UndoRefused, undo_import
from kamdesk.ui.import_wizard.preview_page import shown
from kamdesk.ui.import_wizard.report_table import ReportTable
from kamdesk.ui.ops import run_op

if TYPE_CHECKING:
    from kamdesk.ui.import_wizard.wizard import ImportWizard


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Done"))
        self.summary = QLabel()
        self.summary.setObjectName("resultSummary")
        self.summary.setWordWrap(True)
        self.batch = QLabel()
        self.batch.setObjectName("resultBatch")
        self.changes = ReportTable("resultChanges", [
            self.tr("Customer"), self.tr("Field"), self.tr("Before"), self.tr("After")])
        self.undo_button = QPushButton(self.tr("Undo this import"))
        self.undo_button.setObjectName("undoImport")
        self.undo_button.clicked.connect(self.undo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.batch)
        layout.addWidget(self.changes, 3)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setFinalPage(True)

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        wiz, report = self.wiz, self.wiz.import_result
        self.undo_button.setVisible(False)
        self.changes.setVisible(False)
        self.batch.clear()
        if wiz.outcome == "cancelled":
            self.setTitle(self.tr("Import cancelled"))
            self.summary.setText(self.tr("The import was cancelled. Nothing was imported; "
                                         "the book is as it was."))
            return
        if wiz.outcome != "done" or report is None:
            self.setTitle(self.tr("Import failed"))
            self.summary.setText(self.tr("The import did not finish. Nothing was imported; "
                                         "the book is as it was."))
            return
        self.setTitle(self.tr("Imported"))
        skipped = len(report.skipped_lines)
        dup_skipped = sum(1 for d in report.duplicates if d.action == "skip")
        self.summary.setText(self.tr(
            "%1 new, %2 updated, %3 unchanged. %4 rows with problems were skipped; %5 "
            "likely duplicates were skipped.").replace("%1", str(report.created)).replace(
            "%2", str(report.updated)).replace("%3", str(report.unchanged)).replace(
            "%4", str(skipped)).replace("%5", str(dup_skipped)))
        if report.updated_fields:
            self.changes.setVisible(True)
            self.changes.set_rows([(c.customer, wiz.words.field(c.field), shown(c.old),
                                    shown(c.new)) for c in report.updated_fields])
        if report.batch_id is not None:
            self.batch.setText(self.tr("Recorded as import no. %1 (it can be undone from "
                                       "File ▸ Undo last import, or here).").replace(
                "%1", str(report.batch_id)))
            self.undo_button.setVisible(True)
            self.undo_button.setEnabled(True)
        else:
            self.batch.setText(self.tr("Nothing was written."))

    def undo(self) -> None:
        report = self.wiz.import_result
        if report is None or report.batch_id is None:
            return
        answer = QMessageBox.question(self, self.tr("Undo this import"), self.tr(
            "Take back everything this import wrote?"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        ctx = self.wiz.ctx
        try:
            done = run_op(ctx, undo_import, report.batch_id, ctx.clock.now(),
                          initiator=self.wiz, parent=self, reraise=(UndoRefused,))
        except UndoRefused as exc:
            QMessageBox.warning(self, self.tr("Undo this import"), {
                "already_undone": self.tr("This import was already undone."),
                "edited_since": self.tr("The import cannot be undone: a record it wrote was "
                                        "edited or deleted since."),
                "has_dependents": self.tr("The import cannot be undone: records were added "
                                          "since to what it imported."),
            }.get(exc.code, exc.code))
            return
        if done is not None:
            self.undo_button.setEnabled(False)
            self.summary.setText(self.tr("The import was undone: the book is as it was "
                                         "before."))
