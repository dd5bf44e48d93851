"""The import wizard's preview: what importing a file *would* do, in full.

:func:`kamdesk.io.import_tables.preview_file` (``--dry-run``) only counts rows; the
field changes (old → new) and the likely duplicates are found while writing. So the
preview here runs the real import (the good rows, with the user's duplicate choice)
on the caller's read connection and rolls it back: the report is exactly what the
import will say, and nothing is kept. Also: where the wizard keeps the mappings a
user saved per file shape.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from kamdesk.io.import_rows import ImportReport
from kamdesk.io.import_tables import import_file
from kamdesk.io.sheets.mapping import Mapping

__all__ = ["MAPPINGS_FILE", "preview_import", "saved_mappings_file"]

MAPPINGS_FILE = "import-mappings.json"


def preview_import(conn: Connection, path: str | Path, today: date, kind: str | None,
                   mapping: Mapping | None, on_duplicate: str = "skip") -> ImportReport:
    """The report of importing the good rows of ``path``, computed and rolled back."""
    try:
        with Session(bind=conn, join_transaction_mode="rollback_only") as session:
            report = import_file(session, path, kind, skip_invalid=True, today=today,
                                 mapping=mapping, on_duplicate=on_duplicate)
            session.flush()
    finally:
        conn.rollback()
    report.written = False
    report.changes = type(report.changes)()
    report.batch_rows = []
    return report


def saved_mappings_file(settings_file: str | None = None) -> Path:
    """The JSON file of the mappings saved in the wizard: next to an ini settings file
    (tests, portable installs), else in the app's data folder."""
    if settings_file:
        return Path(settings_file).parent / MAPPINGS_FILE
    from kamdesk.paths import app_paths

    return app_paths().data_dir / MAPPINGS_FILE
