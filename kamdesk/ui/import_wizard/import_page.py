"""Step 4: the import itself, off the UI thread, with a progress bar and Cancel.

The import is one operation in one transaction (:func:`kamdesk.io.import_tables.
import_table` through :func:`kamdesk.ui.ops.run_op_in_background`). It reports its
progress every few rows and asks a thread-safe flag whether to stop; Cancel sets the
flag, the operation raises ``ImportCancelled`` and the transaction rolls back, so
the database stays exactly as it was."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from kamdesk.io.import_progress import ImportCancelled
from kamdesk.io.import_tables import import_table
from kamdesk.io.tabular import TableReadError
from kamdesk.store.ops import Changes
from kamdesk.ui.ops import run_op_in_background

if TYPE_CHECKING:
    from kamdesk.ui.import_wizard.wizard import ImportWizard


class ProgressRelay(QObject):
    """Carries the worker thread's progress to the UI thread (a queued signal)."""

    moved = Signal(int, int)


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Importing"))
        self.label = QLabel()
        self.label.setObjectName("importStep")
        self.bar = QProgressBar()
        self.bar.setObjectName("importProgress")
        self.cancel_button = QPushButton(self.tr("Cancel the import"))
        self.cancel_button.setObjectName("cancelImport")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        layout.addStretch(2)
        self.relay = ProgressRelay(self)
        self.relay.moved.connect(self._moved)
        self.stop = threading.Event()
        self.worker: QThread | None = None
        self.running = False

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        wiz, ctx = self.wiz, self.wiz.ctx
        self.stop = threading.Event()
        self.running = True
        self.cancel_button.setEnabled(True)
        self.label.setText(self.tr("Reading and checking the rows…"))
        self.bar.setRange(0, max(1, len(wiz.sheet.rows) if wiz.sheet else 1))
        self.bar.setValue(0)
        self.worker = run_op_in_background(
            ctx, import_table, wiz.path, wiz.kind, wiz.skip_invalid, ctx.clock.today(),
            wiz.mapping, wiz.on_duplicate, ctx.clock.now(),
            progress=self.relay.moved.emit, cancelled=self.stop.is_set,
            default_owner=ctx.owner_name or None,  # new customers are the importer's
            on_done=self._done, on_error=self._claimed, initiator=wiz, parent=wiz)

    def cancel(self) -> None:
        if self.running:
            self.stop.set()
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Cancelling… nothing will be kept."))

    def _moved(self, done: int, total: int) -> None:
        if self.stop.is_set():
            return
        if done >= total:
            self.label.setText(self.tr("Writing and updating the figures…"))
            self.bar.setRange(0, 0)  # busy: the write reports no steps
            return
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.label.setText(self.tr("Checked %1 of %2 rows…").replace(
            "%1", str(done)).replace("%2", str(total)))

    def _claimed(self, exc: BaseException) -> bool:
        if isinstance(exc, ImportCancelled):
            self.wiz.outcome = "cancelled"
            return True
        if isinstance(exc, TableReadError):  # the file changed or vanished meanwhile
            self.wiz.outcome = "unreadable"
            return True
        return False

    def _done(self, changes: Changes | None) -> None:
        self.running = False
        if changes is not None:
            self.wiz.import_result = changes.value
            self.wiz.outcome = "done"
        elif not self.wiz.outcome:
            self.wiz.outcome = "failed"
        self.completeChanged.emit()
        self.wiz.next()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return not self.running
