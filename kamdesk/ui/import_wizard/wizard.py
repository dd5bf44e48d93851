"""The import wizard: the state its pages share and leaving it safely.

Pages read and write the wizard's fields (the file, its sheet, the kind, the mapping,
the preview and the import's result). Esc (or Cancel) asks before abandoning a file
whose columns were mapped; while the import runs it cancels the import instead (the
database stays as it was). A ``.vcf`` or ``.zip`` picked on the first page is handed
back (``handoff``) to the phone-contacts and full-book flows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from kamdesk.io.import_preview import saved_mappings_file
from kamdesk.io.import_rows import ImportReport
from kamdesk.io.sheets.mapping import Mapping
from kamdesk.io.sheets.reader import Sheet
from kamdesk.ui.context import AppContext
from kamdesk.ui.import_wizard.file_page import FilePage
from kamdesk.ui.import_wizard.import_page import ImportPage
from kamdesk.ui.import_wizard.mapping_page import MappingPage
from kamdesk.ui.import_wizard.preview_page import PreviewPage
from kamdesk.ui.import_wizard.result_page import ResultPage
from kamdesk.ui.import_wizard.texts import ImportWords

FILE, MAPPING, PREVIEW, IMPORT, RESULT = range(5)


class ImportWizard(QWizard):
    #: a file another flow imports (.vcf, .zip): the caller takes it from here
    handoff = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 path: str | None = None, mappings_file: Path | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.words = ImportWords(self)
        settings_file = ctx.settings.fileName() if ctx.settings.format() == \
            ctx.settings.Format.IniFormat else None
        self.mappings_file = mappings_file or saved_mappings_file(settings_file)
        self.path = ""
        self.sheet: Sheet | None = None
        self.kind: str | None = None
        self.mapping: Mapping | None = None
        self.preview: ImportReport | None = None
        self.on_duplicate = "skip"
        self.skip_invalid = False
        self.import_result: ImportReport | None = None
        self.outcome = ""  # '' | 'done' | 'cancelled' | 'failed'
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Import a table"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(980, 640)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.import_page = ImportPage(self)
        self.result_page = ResultPage(self)
        for pid, page in ((FILE, self.file_page), (MAPPING, self.mapping_page),
                          (PREVIEW, self.preview_page), (IMPORT, self.import_page),
                          (RESULT, self.result_page)):
            self.setPage(pid, page)
        self.setStartId(FILE)
        if path:
            self.file_page.set_path(path)

    @property
    def import_thread(self):  # type: ignore[no-untyped-def]
        """The running (or last) import, for tests and a clean shutdown."""
        return self.import_page.worker

    def reject(self) -> None:
        if self.import_page.running:
            self.import_page.cancel()
            return
        if self.currentId() in (MAPPING, PREVIEW) and self.sheet is not None:
            answer = QMessageBox.question(self, self.tr("Import"), self.tr(
                "Stop importing %1? Nothing has been imported.").replace(
                "%1", Path(self.path).name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()
