"""File ▸ Import as a wizard: pick a file, map its columns, preview, import, undo.

One module per page (:mod:`.file_page`, :mod:`.mapping_page`, :mod:`.preview_page`,
:mod:`.import_page`, :mod:`.result_page`), the shared words in :mod:`.texts` and the
wizard itself (state, Esc) in :mod:`.wizard`. The pages build on the reading API of
:mod:`kamdesk.io.sheets` and the import operations of :mod:`kamdesk.io.import_tables`,
the same steps ``kamdesk import`` takes without asking.
"""

from kamdesk.ui.import_wizard.wizard import ImportWizard

__all__ = ["ImportWizard"]
