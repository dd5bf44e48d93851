"""Moving a whole book into another database (``kamdesk migrate-to URL``, issue #17):
the order of the steps, the checks before the first row, and the closing count.

A transfer goes into a target that holds no user data yet, into one that does when
the caller says so (``join``: a colleague's book joining the team's, :mod:`.joining`),
or into the target of the same transfer interrupted earlier (its ledger, :mod:`.ledger`,
names the source): a book is never poured into another book's half-finished move. Once
every count matches, the ledger is dropped and ``app_settings['book_transfer']``
records, for each book moved in, where it came from and its counts, so running the same
command again says it is done.

The report counts, table by table, the source's rows against the target's rows *of
this transfer* (found through the id map, or through their foreign key to a mapped row
for tables without an id of their own): on a team database holding colleagues' rows,
only what this move wrote is counted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, delete, func, insert, select

from kamdesk.io.book_transfer import ledger
from kamdesk.io.book_transfer.copier import (
    LATE_TABLES,
    BatchHook,
    CopyRun,
    TransferFailed,
    copy_rows,
    copy_settings,
    fill_deferred,
    reindex_copied,
)
from kamdesk.io.book_transfer.documents import DocumentCounts, copy_documents, count_documents
from kamdesk.io.book_transfer.joining import renamed
from kamdesk.io.book_transfer.plan import SKIPPED_SETTINGS, TablePlan, transfer_tables
from kamdesk.io.document_store import DocumentStore
from kamdesk.store.queries.full_book import non_empty_tables

__all__ = ["DONE_KEY", "TableCount", "TransferRefused", "TransferReport", "source_identity",
           "transfer_book"]

#: app_settings key: {source identity: {"source", "finished_at", "counts", …}} of the
#: finished transfers into this book (one record, not keyed, before joins existed)
DONE_KEY = "book_transfer"


class TransferRefused(TransferFailed):
    """The target cannot take this book: 'target_not_empty' (detail: its tables) or
    'other_transfer' (detail: the book whose transfer it holds)."""


@dataclass(frozen=True)
class TableCount:
    table: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True)
class TransferReport:
    tables: list[TableCount]
    documents: DocumentCounts
    #: this run continued an interrupted transfer
    resumed: bool = False
    #: the transfer had already finished; nothing was copied by this run
    already_done: bool = False
    missing_files: list[str] = field(default_factory=list)
    #: joining: {table: [(old, new), …]} of the codes and numbers already used there
    renamed: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.tables) and self.documents.source == self.documents.target


def source_identity(location: str) -> str:
    """What names the source book in the target's ledger: its resolved path, or its URL
    without the password."""
    if "://" in location and not location.startswith("sqlite:///"):
        from sqlalchemy.engine import make_url

        return make_url(location).render_as_string(hide_password=True)
    path = location[len("sqlite:///"):] if location.startswith("sqlite:///") else location
    return str(Path(path).expanduser().resolve())


def _settings(conn: Connection) -> Table:
    return next(p.table for p in transfer_tables() if p.name == "app_settings")


def _finished(conn: Connection) -> dict[str, dict[str, object]]:
    """The records of the transfers finished into this book, by source."""
    table = _settings(conn)
    value = conn.execute(select(table.c.value).where(table.c.key == DONE_KEY)).scalar()
    try:
        found = json.loads(value) if value else {}
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    if isinstance(found.get("source"), str):  # one record, written before joins
        return {found["source"]: found}
    return {k: v for k, v in found.items() if isinstance(v, dict)}


@dataclass(frozen=True)
class _Start:
    resumed: bool
    done: dict[str, object] | None
    join: bool
    owner: str | None


def _begin(target: Engine, identity: str, join: bool, owner: str | None) -> _Start:
    """Check the target may take this book and open (or find) the ledger. A resumed
    transfer keeps the ``join`` and ``owner`` it was started with."""
    with target.begin() as conn:
        if ledger.has_ledger(conn):
            state = ledger.read_state(conn)
            if state.get("source") != identity:
                raise TransferRefused("other_transfer", state.get("source") or "?")
            return _Start(True, None, state.get("join") == "1" or join,
                          state.get("owner") or owner)
        done = _finished(conn).get(identity)
        if done is not None:
            return _Start(False, done, join, owner)
        busy = non_empty_tables(conn)
        if busy and not join:
            raise TransferRefused("target_not_empty", ", ".join(busy))
        ledger.create_ledger(conn)
        ledger.write_state(conn, "source", identity)
        ledger.write_state(conn, "started_at", datetime.now().isoformat(timespec="seconds"))
        ledger.write_state(conn, "join", "1" if join else "0")
        if owner:
            ledger.write_state(conn, "owner", owner)
    return _Start(False, None, join, owner)


def _source_count(conn: Connection, plan: TablePlan) -> int:
    query = select(func.count()).select_from(plan.table)
    if plan.name == "app_settings":
        query = query.where(plan.table.c.key.not_in(sorted(SKIPPED_SETTINGS)))
    return int(conn.execute(query).scalar_one())


def _target_count(conn: Connection, plan: TablePlan, source_keys: list[str]) -> int:
    ids = ledger.ids_table
    table = plan.table
    if plan.mapped:
        query = select(func.count()).select_from(table.join(
            ids, (ids.c.table_name == plan.name) & (ids.c.target_id == table.c.id)))
    elif plan.name == "app_settings":
        query = select(func.count()).select_from(table).where(table.c.key.in_(source_keys))
    else:  # rows of this move refer to its rows only (a joined book's tag is shared)
        query = select(func.count()).select_from(table).where(*(
            table.c[column].in_(select(ids.c.target_id).where(ids.c.table_name == ref))
            for column, ref in plan.references.items()))
    return int(conn.execute(query).scalar_one())


def count_tables(source: Engine, target: Engine) -> list[TableCount]:
    """Source rows against this transfer's target rows, table by table."""
    out = []
    with source.connect() as src, target.connect() as dst:
        settings = _settings(src)
        keys = [k for k in src.execute(select(settings.c.key)).scalars()
                if k not in SKIPPED_SETTINGS]
        for plan in transfer_tables():
            out.append(TableCount(plan.name, _source_count(src, plan),
                                  _target_count(dst, plan, keys)))
    return out


def _finish(target: Engine, identity: str, report: TransferReport) -> None:
    record = {"source": identity, "finished_at": datetime.now().isoformat(timespec="seconds"),
              "counts": {c.table: [c.source, c.target] for c in report.tables},
              "documents": [report.documents.source, report.documents.target],
              "renamed": report.renamed}
    with target.begin() as conn:
        records = {**_finished(conn), identity: record}
        table = _settings(conn)
        conn.execute(delete(table).where(table.c.key == DONE_KEY))
        conn.execute(insert(table).values(key=DONE_KEY, value=json.dumps(
            records, ensure_ascii=False)))
        ledger.drop_ledger(conn)


def _report_of(record: dict[str, object]) -> TransferReport:
    counts = record.get("counts")
    docs = record.get("documents")
    tables = [TableCount(str(name), int(pair[0]), int(pair[1]))
              for name, pair in (counts.items() if isinstance(counts, dict) else [])]
    d = docs if isinstance(docs, list) and len(docs) == 2 else [0, 0]
    names = record.get("renamed")
    renamed = {str(t): [(str(a), str(b)) for a, b in pairs]
               for t, pairs in (names.items() if isinstance(names, dict) else [])}
    return TransferReport(tables, DocumentCounts(int(d[0]), int(d[1])), already_done=True,
                          renamed=renamed)


def transfer_book(source: Engine, source_location: str, source_store: DocumentStore,
                  target: Engine, target_store: DocumentStore | None, *,
                  batch_size: int = 2000, on_batch: BatchHook | None = None,
                  join: bool = False, owner: str | None = None) -> TransferReport:
    """Copy every row and attached file of the book on ``source`` into ``target`` (at the
    same schema revision), or continue the interrupted transfer of the same book.

    ``target_store`` is where an SQLite target keeps attached files; None for a server
    target (``document_contents``). Raises :class:`TransferRefused` when the target holds
    other data (unless ``join``: add the book beside it, :mod:`.joining`),
    :class:`TransferFailed` when the source holds a row that cannot be moved. ``owner``
    makes that role the owner of every moved customer and task (on a team book, whose
    accounts they are).
    """
    identity = source_identity(source_location)
    start = _begin(target, identity, join, owner)
    if start.done is not None:
        return _report_of(start.done)
    resumed = start.resumed
    with target.connect() as conn:
        ids = ledger.load_ids(conn)
    run = CopyRun(source, target, ids, batch_size=batch_size, on_batch=on_batch,
                  join=start.join, owner=start.owner)
    plans = {p.name: p for p in transfer_tables()}
    for plan in plans.values():
        if plan.name not in LATE_TABLES:
            copy_rows(run, plan)
    copy_rows(run, plans["change_history"])
    copy_rows(run, plans["import_batch_rows"])
    copy_settings(run)
    fill_deferred(run)
    reindex_copied(run)
    missing = copy_documents(run, source_store, target_store)
    with target.connect() as conn:
        changed = renamed(conn)
    report = TransferReport(count_tables(source, target),
                            count_documents(source, source_store, target, target_store),
                            resumed=resumed, missing_files=missing, renamed=changed)
    if report.ok:
        _finish(target, identity, report)
    return report
