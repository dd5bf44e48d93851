"""Batch export: every account plan of a tier into one folder, e.g. before a quarterly
review with the sales director.

One plan is written per turn of the event loop (each through its own short
connection, see :mod:`kamdesk.reports.batch`): a plan takes about a tenth of a second,
so the window stays responsive and Cancel is seen before the next plan; the files
already written are kept. Not a worker thread: Python's garbage collector, run from
that thread, can free Qt objects there and crash the application.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QMessageBox, QProgressDialog, QPushButton, QVBoxLayout, QWidget,
)

from kamdesk.reports.batch import ExportJob, export_one, plan_file_name, plan_jobs
from kamdesk.store.errors import ValidationError
from kamdesk.ui import labels
from kamdesk.ui.context import AppContext
from kamdesk.ui.icons import icon

__all__ = ["BatchExportDialog"]


class BatchExportDialog(QDialog):
    """Tier, folder, go; a progress dialog that can be cancelled."""

    exported = Signal(list)  # the files written (list[Path])

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 tier: str | None = "A") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.progress: QProgressDialog | None = None
        self.written: list[Path] = []
        self.setObjectName("batchExportDialog")
        self.setWindowTitle(self.tr("Export account plans"))
        self.setMinimumWidth(520)

        self.tier_combo = QComboBox()
        self.tier_combo.setObjectName("batchTier")
        for code in ("A", "B", "C"):
            self.tier_combo.addItem(labels.value_tier(code), code)
        self.tier_combo.addItem(self.tr("All tiers"), None)
        self.tier_combo.setCurrentIndex(max(0, self.tier_combo.findData(tier)))
        self.period_edit = QLineEdit()
        self.period_edit.setObjectName("batchPeriod")
        self.period_edit.setPlaceholderText(self.tr("all periods"))
        self.latest_check = QCheckBox(self.tr("Only each customer's latest plan"))
        self.latest_check.setObjectName("batchLatestOnly")
        self.draft_check = QCheckBox(self.tr("Customers without a plan: export a draft made "
                                             "from the data"))
        self.draft_check.setObjectName("batchDrafts")
        self.folder_edit = QLineEdit(self._default_folder())
        self.folder_edit.setObjectName("batchFolder")
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("batchBrowse")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        self.letter_check = QCheckBox(self.tr("US Letter paper (default A4)"))
        self.letter_check.setChecked(str(ctx.settings.value("reports/paper", "A4")) == "Letter")

        form = QFormLayout()
        form.addRow(self.tr("&Tier:"), self.tier_combo)
        form.addRow(self.tr("&Period:"), self.period_edit)
        form.addRow("", self.latest_check)
        form.addRow("", self.draft_check)
        form.addRow(self.tr("&Folder:"), folder_row)
        form.addRow("", self.letter_check)

        self.count_label = QLabel()
        self.count_label.setObjectName("batchCount")
        self.result_label = QLabel()
        self.result_label.setObjectName("batchResult")
        self.result_label.setWordWrap(True)
        self.export_button = QPushButton(icon("export"), self.tr("Export"))
        self.export_button.setObjectName("batchExportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setObjectName("batchOpenFolder")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self._open_folder)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.result_label)
        layout.addLayout(buttons)

        self.tier_combo.currentIndexChanged.connect(self._count)
        self.period_edit.textChanged.connect(self._count)
        self.latest_check.toggled.connect(self._count)
        self.draft_check.toggled.connect(self._count)
        self._count()

    # -- choices ---------------------------------------------------------------------
    def _default_folder(self) -> str:
        saved = str(self.ctx.settings.value("reports/batch_dir", "") or "")
        if saved:
            return saved
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(docs or Path.home()) / "KAMDesk plans")

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDFs"),
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def scope(self) -> dict[str, Any]:
        """Whose plans: ``plan_jobs`` arguments (here the chosen tier; a subclass may
        name customers instead)."""
        return {"tier": self.tier_combo.currentData()}

    def jobs(self) -> list[ExportJob] | None:
        """The plans the current choices select; None (and a message) for a bad period."""
        try:
            return self.ctx.db.read(plan_jobs, **self.scope(),
                                    period=self.period_edit.text().strip() or None,
                                    latest_only=self.latest_check.isChecked(),
                                    draft_missing=self.draft_check.isChecked(),
                                    today=self.ctx.clock.today())
        except ValidationError as exc:
            self.count_label.setText(labels.field_error(labels.plan_field_name(exc.field),
                                                        labels.plan_validation(exc.code)))
            return None

    def _count(self) -> None:
        jobs = self.jobs()
        if jobs is None:
            self.export_button.setEnabled(False)
            return
        self.count_label.setText(self.tr("%n plan(s) will be exported.", "", len(jobs)))
        self.export_button.setEnabled(bool(jobs) and not self.running())

    # -- running ---------------------------------------------------------------------
    def start_export(self) -> bool:
        jobs = self.jobs()
        folder_text = self.folder_edit.text().strip()
        if not jobs or not folder_text or self.running():
            return False
        folder = Path(folder_text).expanduser()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot use this folder"),
                                exc.strerror or str(exc))
            return False
        self.ctx.settings.setValue("reports/batch_dir", str(folder))
        self.written = []
        self.result_label.clear()
        self.open_button.setEnabled(False)
        self.export_button.setEnabled(False)
        self._folder = folder
        self._jobs = list(jobs)
        self._error = ""
        self._cancelled = False
        self._pagesize = "Letter" if self.letter_check.isChecked() else "A4"
        self._today = self.ctx.clock.today()
        self.progress = QProgressDialog(self.tr("Preparing…"), self.tr("Cancel"), 0,
                                        len(jobs), self)
        self.progress.setObjectName("batchProgress")
        self.progress.setWindowTitle(self.tr("Exporting account plans"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.progress.setValue(0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._step)
        self._timer.start(0)
        return True

    def running(self) -> bool:
        return self.progress is not None

    def cancel(self) -> None:
        self._cancelled = True

    def _step(self) -> None:
        """Write the next plan, then yield to the event loop (Cancel, repaint)."""
        if self.progress is None:
            return
        done = len(self.written)
        total = len(self._jobs)
        if self._cancelled or self.progress.wasCanceled() or done >= total:
            self._finish()
            return
        job = self._jobs[done]
        self.progress.setValue(done)
        self.progress.setLabelText(
            self.tr("Writing %1 (%2 of %3)")
            .replace("%1", plan_file_name(job.code, job.name, job.period))
            .replace("%2", str(done + 1)).replace("%3", str(total)))
        try:
            self.written.append(export_one(self.ctx.db, job, self._folder, self.ctx.lang,
                                           self._today, self._pagesize))
        except Exception as exc:  # noqa: BLE001 — reported in the dialog, the run stops
            self._error = str(exc) or type(exc).__name__
            self._finish()
            return
        self._timer.start(0)

    def _finish(self) -> None:
        cancelled = self._cancelled or bool(self.progress and self.progress.wasCanceled())
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        files = list(self.written)
        n = len(files)
        if self._error:
            text = self.tr("Export stopped by an error after %n file(s): %2", "", n) \
                .replace("%2", self._error)
            self.result_label.setStyleSheet("color: #c62828;")
        elif cancelled and n < len(self._jobs):
            text = self.tr("Cancelled: %1 of %n file(s) written to %3", "", len(self._jobs)) \
                .replace("%1", str(n)) \
                .replace("%3", str(self._folder))
            self.result_label.setStyleSheet("")
        else:
            text = self.tr("%n file(s) written to %2", "", n) \
                .replace("%2", str(self._folder))
            self.result_label.setStyleSheet("")
        self.result_label.setText(text)
        self.open_button.setEnabled(n > 0)
        self._count()
        self.ctx.status.emit(text)
        self.exported.emit(files)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))

    def reject(self) -> None:
        if self.running():
            # Closing mid-run cancels; the plan being written is finished first.
            self.cancel()
            self._finish()
        super().reject()
