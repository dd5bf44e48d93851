"""The full export: the whole book in one ZIP of JSON files, and its import into an
empty database, which gives back the same data (format: ``docs/full-export.md``).

Spreadsheets (表1/表2/表3) carry what a person reads; they cannot carry key people's
reporting lines, contract histories, plans or attached files. A full export carries every
table with its ids, plus the attached files, so moving to a new computer or checking
what KAMDesk holds loses nothing and needs no KAMDesk to read (JSON, one file a table).

The ZIP is deterministic: entries in a fixed order with a fixed timestamp and rows in
primary-key order, so exporting an unchanged book twice gives the same bytes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from kamdesk import __version__
from kamdesk.io.document_store import DocumentStore
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.full_book import BookRows, load_full_book
from kamdesk.store.queries.full_book import (
    DERIVED_TABLES,
    book_tables,
    read_table_rows,
    schema_revision,
    used_document_files,
)
from kamdesk.store.schema_version import HEAD_REVISION

__all__ = ["FORMAT", "FORMAT_VERSION", "ExportSummary", "FullExport", "FullExportError",
           "export_full", "load_export", "read_export"]

FORMAT = "kamdesk-full-export"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TABLES = "tables/"
FILES = "files/"
#: every entry's timestamp (ZIP's earliest), so equal books give equal files
_STAMP = (1980, 1, 1, 0, 0, 0)
_SHA_ENTRY = re.compile(r"^files/([0-9a-f]{2})/([0-9a-f]{62})$")
_LEFT_OUT = {
    **{name: "derived: recomputed after an import" for name in sorted(DERIVED_TABLES)},
    "customer_fts": "search index: rebuilt after an import",
}


class FullExportError(Exception):
    """The file cannot be imported as a whole; ``code`` picks the message:
    'not_full_export', 'format_too_new', 'schema_unknown', 'damaged'."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}".strip(": "))
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class ExportSummary:
    counts: dict[str, int]
    files: int
    #: files a document row names that were not in the document store
    missing_files: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class FullExport:
    manifest: dict[str, Any]
    book: dict[str, BookRows]


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_STAMP)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _table_lines(name: str, columns: tuple[str, ...], rows: list[list[Any]]) -> Iterator[str]:
    """A table's JSON, one row a line (diffable, and written without one huge string)."""
    def dump(v: Any) -> str:
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))

    yield f'{{"table":{dump(name)},"columns":{dump(list(columns))},"rows":['
    for i, row in enumerate(rows):
        yield ("\n" if i == 0 else ",\n") + dump(row)
    yield "\n]}\n"


def export_full(conn: Connection, out: str | Path, store: DocumentStore) -> ExportSummary:
    """Write the whole book read on ``conn`` and the files of ``store`` its documents use
    to the ZIP ``out`` (via a temporary file, so a failure leaves no half file)."""
    target = Path(out)
    tmp = target.with_name(target.name + ".part")
    counts: dict[str, int] = {}
    missing: list[str] = []
    present: list[str] = []
    try:
        with zipfile.ZipFile(tmp, "w", allowZip64=True) as zf:
            dumps = [read_table_rows(conn, table) for table in book_tables()]
            counts = {d.name: len(d.rows) for d in dumps}
            shas = used_document_files(conn)
            present = [sha for sha in shas if store.has(sha)]
            missing = [sha for sha in shas if not store.has(sha)]
            manifest = {
                "format": FORMAT, "format_version": FORMAT_VERSION, "app_version": __version__,
                "schema_revision": schema_revision(conn) or HEAD_REVISION,
                "tables": counts, "left_out": _LEFT_OUT,
                "files": {"count": len(present), "missing": missing},
            }
            zf.writestr(_entry(MANIFEST), json.dumps(manifest, ensure_ascii=False, indent=1))
            for d in dumps:
                with zf.open(_entry(f"{TABLES}{d.name}.json"), "w") as fh:
                    for chunk in _table_lines(d.name, d.columns, d.rows):
                        fh.write(chunk.encode("utf-8"))
            for sha in present:
                with open(store.path(sha), "rb") as src, \
                        zf.open(_entry(f"{FILES}{sha[:2]}/{sha[2:]}"), "w",
                                force_zip64=True) as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
        tmp.replace(target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return ExportSummary(counts, len(present), missing)


def _revision_number(revision: str) -> int:
    head = revision.split("_", 1)[0]
    return int(head) if head.isdigit() else -1


def check_revision(revision: str) -> None:
    """This build imports files of its own schema revision and of every earlier revision
    it knows (their tables and columns are a subset of today's: columns added since take
    their defaults). A revision it does not know was made by a newer KAMDesk."""
    if revision == HEAD_REVISION:
        return
    from kamdesk.store.migrate import known_revisions

    if revision in known_revisions() and \
            _revision_number(revision) < _revision_number(HEAD_REVISION):
        return
    raise FullExportError("schema_unknown", revision)


def read_export(path: str | Path) -> FullExport:
    """The manifest and every table of a full export, checked; raises
    :class:`FullExportError` for a file this build cannot import."""
    try:
        with zipfile.ZipFile(path) as zf:
            try:
                manifest = json.loads(zf.read(MANIFEST))
            except KeyError:
                raise FullExportError("not_full_export", str(path)) from None
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise FullExportError("not_full_export", str(path))
            if int(manifest.get("format_version", 0)) > FORMAT_VERSION:
                raise FullExportError("format_too_new", str(manifest.get("format_version")))
            check_revision(str(manifest.get("schema_revision")))
            book: dict[str, BookRows] = {}
            for name in manifest.get("tables", {}):
                data = json.loads(zf.read(f"{TABLES}{name}.json"))
                book[name] = BookRows(tuple(data["columns"]), data["rows"])
                if len(data["rows"]) != manifest["tables"][name]:
                    raise FullExportError("damaged", f"{name}: row count")
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        if isinstance(exc, FullExportError):
            raise
        raise FullExportError("damaged", str(exc)) from exc
    return FullExport(manifest, book)


def _put_files(path: str | Path, store: DocumentStore) -> list[str]:
    """Copy the export's files into ``store``; returns the ones this call added."""
    added: list[str] = []
    with zipfile.ZipFile(path) as zf, tempfile.TemporaryDirectory() as work:
        for info in zf.infolist():
            m = _SHA_ENTRY.match(info.filename)
            if not m:
                continue
            sha = m.group(1) + m.group(2)
            if store.has(sha):
                continue
            blob = Path(work) / sha
            with zf.open(info) as src, open(blob, "wb") as dst:
                shutil.copyfileobj(src, dst, 1024 * 1024)
            if not store.adopt(blob, sha):
                raise FullExportError("damaged", info.filename)
            added.append(sha)
            os.unlink(blob)
    return added


def load_export(session: Session, path: str | Path, store: DocumentStore, today: date,
                now: datetime | None = None) -> Changes:
    """Import the full export at ``path`` into this empty database (an operation:
    ``db.write(load_export, …)`` or the GUI runner). The files go into ``store`` first;
    if the rows then fail, the files this call added are removed again. ``value`` is
    {table: rows}."""
    export = read_export(path)
    added = _put_files(path, store)
    try:
        return load_full_book(session, export.book, today, now)
    except BaseException:
        for sha in added:
            store.delete(sha)
        raise
