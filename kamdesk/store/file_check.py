"""Looking at a database file, read-only, before KAMDesk writes a byte to it.

Why: the normal engine switches a file to WAL on connect and creates tables in an
empty one, so a file that is empty, not SQLite, another program's, truncated, damaged,
from a newer KAMDesk, read-only or locked must be told apart *first*, with the file
opened ``mode=ro`` and ``PRAGMA query_only`` — then the user hears what is wrong in
words (:class:`DatabaseProblem`, worded by :mod:`kamdesk.messages`) and the file keeps
every byte it had.

The damaged-page check at start is SQLite's ``PRAGMA quick_check`` (measured at about
0.15 s on a 33 MB, 3,000-customer demo book), bounded by :data:`QUICK_CHECK_BUDGET_S`:
a book so large that the check runs over is opened anyway (logged), and ``kamdesk
doctor`` runs the full ``integrity_check`` with the damaged tables and indexes named.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
#: the longest the start-up ``quick_check`` may take before it is cut short
QUICK_CHECK_BUDGET_S = 2.0
#: how long opening waits for another program's lock before saying so
LOCK_WAIT_S = 5.0

#: every ``DatabaseProblem.kind``; :mod:`kamdesk.messages` words each in both languages
PROBLEM_KINDS = ("empty", "not_sqlite", "foreign", "truncated", "corrupt", "too_new",
                 "readonly", "read_only_open", "locked", "disk_full", "wrong_passphrase",
                 "no_encryption", "other")


class DatabaseProblem(Exception):
    """A problem the user must be told about in words: ``kind`` (one of
    :data:`PROBLEM_KINDS`) picks the message; ``detail`` is plain (never SQL or data);
    ``holders`` names the programs that may hold a lock, when they can be known."""

    def __init__(self, kind: str, path: str, detail: str = "",
                 holders: tuple[str, ...] = ()) -> None:
        super().__init__(f"{kind}: {path}: {detail}")
        self.kind = kind
        self.path = path
        self.detail = detail
        self.holders = holders


@dataclass(frozen=True)
class FileState:
    """What the read-only look found in a file KAMDesk may open.

    ``kind``: 'missing' (no file yet: a new book is made), 'blank' (SQLite with no
    table at all: nothing to lose, a new book is made in it) or 'kamdesk'.
    ``quick_check``: 'ok', 'cut short' (over budget) or 'not run'.
    """

    kind: str
    read_only: bool = False
    revision: str | None = None
    quick_check: str = "not run"
    check_seconds: float = 0.0
    #: the -wal/-shm files that were there before KAMDesk looked (see
    #: :func:`remove_side_files_we_made`)
    side_files_before: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DamagedPart:
    """One table or index ``integrity_check`` complained about ('file' if unknown)."""

    kind: str
    name: str
    table: str = ""
    messages: tuple[str, ...] = field(default=())


def is_writable(path: Path) -> bool:
    """Writable by us: the OS allows it and the owner's write bit is set (a file or folder
    marked read-only by the user counts as read-only even for an administrator)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return os.access(path, os.W_OK) and bool(mode & stat.S_IWUSR)


#: free space under which a "disk I/O error" is taken to mean the disk is full
FULL_BELOW_BYTES = 1 << 20


def disk_is_full(path: Path) -> bool:
    """The disk holding ``path`` (a file or folder) has (almost) no space left: SQLite
    then says "disk I/O error" when it cannot grow its -wal/-shm, not "disk is full"."""
    folder = path if path.is_dir() else path.parent
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW_BYTES
    except OSError:
        return False


def must_read_immutable(path: Path) -> bool:
    """Nothing can be created beside ``path`` (read-only folder, full disk) and no -wal
    is there to read: SQLite must read the file as immutable (no -shm needed)."""
    return ((not is_writable(path.parent) or disk_is_full(path.parent))
            and not Path(f"{path}-wal").exists())


def read_only_uri(path: Path, immutable: bool = False) -> str:
    """The ``mode=ro`` URI of ``path`` for :func:`sqlite3.connect` (``uri=True``)."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def lock_holders(path: Path) -> tuple[str, ...]:
    """Who may hold ``path``: processes that have it open (read from /proc where there is
    one), a KAMDesk lock file beside it, or a -wal file left by a program still using it."""
    found: list[str] = []
    target = str(path.resolve())
    proc = Path("/proc")
    if proc.is_dir():
        for entry in proc.iterdir():
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                if any(os.readlink(fd) == target for fd in (entry / "fd").iterdir()):
                    name = (entry / "comm").read_text().strip()
                    found.append(f"{name} ({entry.name})")
            except OSError:
                continue
    for lock in sorted(path.parent.glob("*.lock")):
        if path.stem.lower() in lock.name.lower() or "kamdesk" in lock.name.lower():
            first = lock.read_text(errors="replace").splitlines()[:1]
            pid = first[0].strip() if first else "?"
            found.append(f"KAMDesk ({pid}, {lock.name})")
    if not found and Path(f"{path}-wal").exists():
        found.append(f"{path.name}-wal")
    return tuple(found)


def side_files(path: Path) -> set[str]:
    """The -wal/-shm files beside ``path`` now."""
    return {s for s in ("-wal", "-shm") if Path(f"{path}{s}").exists()}


def remove_side_files_we_made(path: Path, before: set[str]) -> None:
    """A read-only connection on a WAL file leaves an empty -wal and a -shm it cannot
    delete; when neither was there before our look (so no program had the book open)
    and the -wal is empty, take them away again, leaving the folder as it was."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if before or (wal.exists() and wal.stat().st_size):
        return
    for extra in (wal, shm):
        try:
            extra.unlink(missing_ok=True)
        except OSError:
            pass


def _problem_of(exc: sqlite3.Error, path: Path) -> DatabaseProblem:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return DatabaseProblem("locked", str(path), holders=lock_holders(path))
    if "not a database" in text or "file is encrypted" in text:
        return DatabaseProblem("not_sqlite", str(path))
    if "malformed" in text or "corrupt" in text:
        return DatabaseProblem("corrupt", str(path))
    if "disk is full" in text or ("disk i/o error" in text and disk_is_full(path)):
        return DatabaseProblem("disk_full", str(path))
    if "unable to open" in text or "readonly" in text:
        return DatabaseProblem("readonly", str(path), "cannot be read")
    return DatabaseProblem("other", str(path), str(exc).splitlines()[0][:200])


def _check_header(path: Path, size: int) -> None:
    """Not SQLite at all, or shorter than its own header says: refuse before connecting."""
    with path.open("rb") as fh:
        header = fh.read(100)
    if size < 100 or header[:16] != SQLITE_MAGIC:
        raise DatabaseProblem("not_sqlite", str(path))
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    count_valid = header[24:28] == header[92:96] and pages > 0
    if page_size < 512 or size % page_size or (count_valid and size < pages * page_size):
        raise DatabaseProblem("truncated", str(path), f"{size} / {pages * page_size} bytes")


def quick_check(conn: sqlite3.Connection, budget_s: float | None) -> tuple[str, list[str]]:
    """``PRAGMA quick_check`` cut short after ``budget_s`` seconds (None: no limit).
    Returns ('ok' | 'cut short' | 'damaged', SQLite's messages)."""
    if budget_s is not None:
        deadline = time.monotonic() + budget_s
        conn.set_progress_handler(lambda: time.monotonic() > deadline, 20_000)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(20)")]
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc).lower():
            return "cut short", []
        raise
    finally:
        conn.set_progress_handler(None, 0)
    return ("ok", []) if rows == ["ok"] else ("damaged", rows)


def inspect_file(path: Path, *, lock_wait_s: float = LOCK_WAIT_S,
                 check_budget_s: float | None = QUICK_CHECK_BUDGET_S,
                 allow_empty: bool = False, run_check: bool = True) -> FileState:
    """Look at ``path`` without changing it; raise :class:`DatabaseProblem` if it cannot
    be opened as a KAMDesk book. ``allow_empty``: the user agreed to make a new book in
    a zero-byte file (else it is refused: someone's file may have lost its contents).
    ``run_check=False``: no ``quick_check`` (the user chose to read a damaged book)."""
    from kamdesk.store.schema_version import HEAD_REVISION

    if not path.exists():
        parent = next((p for p in path.parents if p.exists()), path.parent)
        if not is_writable(parent):
            raise DatabaseProblem("readonly", str(path), "folder")
        return FileState("missing")
    if path.is_dir():
        raise DatabaseProblem("not_sqlite", str(path))
    size = path.stat().st_size
    read_only = not is_writable(path) or not is_writable(path.parent)
    if size == 0:
        if not allow_empty:
            raise DatabaseProblem("empty", str(path))
        if read_only:
            raise DatabaseProblem("readonly", str(path))
        return FileState("missing")
    try:
        _check_header(path, size)
    except PermissionError:
        raise DatabaseProblem("readonly", str(path), "cannot be read") from None
    immutable = must_read_immutable(path)
    left_before = side_files(path)
    try:
        conn = sqlite3.connect(read_only_uri(path, immutable), uri=True, timeout=lock_wait_s)
    except sqlite3.Error as exc:
        raise _problem_of(exc, path) from None
    try:
        conn.execute("PRAGMA query_only=ON")
        try:
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error as exc:
            raise _problem_of(exc, path) from None
        if not tables:
            return FileState("blank", read_only, side_files_before=frozenset(left_before))
        if "alembic_version" not in tables or "customers" not in tables:
            raise DatabaseProblem("foreign", str(path), str(len(tables)))
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            started = time.monotonic()
            verdict, messages = (quick_check(conn, check_budget_s) if run_check
                                 else ("not run", []))
        except sqlite3.Error as exc:
            raise _problem_of(exc, path) from None
        spent = time.monotonic() - started
        if verdict == "damaged":
            parts = name_damaged_parts(conn, messages)
            raise DatabaseProblem("corrupt", str(path), ", ".join(p.name for p in parts))
        if verdict == "cut short":
            log.warning("quick_check cut short after %.1f s; run 'kamdesk doctor'", spent)
    finally:
        conn.close()
        remove_side_files_we_made(path, left_before)
    revision = row[0] if row else None
    if revision != HEAD_REVISION:
        from kamdesk.store.migrate import known_revisions

        if revision not in known_revisions():
            raise DatabaseProblem("too_new", str(path), str(revision))
        if read_only:  # an upgrade must write; a read-only file cannot take it
            raise DatabaseProblem("readonly", str(path), "upgrade")
    return FileState("kamdesk", read_only, revision, verdict, spent, frozenset(left_before))


_TREE = re.compile(r"\b(?:tree|tree page)\s+(\d+)", re.IGNORECASE)
_PAGE = re.compile(r"\bpage\s+(\d+)", re.IGNORECASE)
_INDEX = re.compile(r"\bindex\s+([\w\"]+)")


def name_damaged_parts(conn: sqlite3.Connection, messages: list[str]) -> list[DamagedPart]:
    """Turn ``integrity_check``/``quick_check`` messages into the tables and indexes they
    are about (root pages looked up in ``sqlite_master``, other pages in ``dbstat`` where
    SQLite has it); what cannot be placed is reported as part of the 'file'."""
    try:
        catalogue = conn.execute(
            "SELECT type, name, tbl_name, rootpage FROM sqlite_master").fetchall()
    except sqlite3.Error:
        catalogue = []
    by_root = {int(r[3]): r for r in catalogue if r[3]}
    by_name = {r[1]: r for r in catalogue}
    parts: dict[str, DamagedPart] = {}

    def add(kind: str, name: str, table: str, message: str) -> None:
        old = parts.get(name)
        msgs = (old.messages if old else ()) + (message,)
        parts[name] = DamagedPart(kind, name, table, msgs)

    for message in messages:
        entry = None
        if (m := _INDEX.search(message)) and m.group(1).strip('"') in by_name:
            entry = by_name[m.group(1).strip('"')]
        elif (m := _TREE.search(message)) and int(m.group(1)) in by_root:
            entry = by_root[int(m.group(1))]
        elif (m := _PAGE.search(message)) and int(m.group(1)) in by_root:
            entry = by_root[int(m.group(1))]
        elif m := _PAGE.search(message):
            try:
                hit = conn.execute("SELECT name FROM dbstat WHERE pageno = ?",
                                   (int(m.group(1)),)).fetchone()
            except sqlite3.Error:
                hit = None
            entry = by_name.get(hit[0]) if hit else None
        if entry is None:
            add("file", "file", "", message)
        else:
            add(entry[0], entry[1], entry[2], message)
    return list(parts.values())


def damaged_parts(path: Path) -> list[DamagedPart]:
    """The full ``integrity_check`` of ``path``, read-only, named by table and index;
    empty when the file is sound."""
    immutable = must_read_immutable(path)
    before = side_files(path)
    conn = sqlite3.connect(read_only_uri(path, immutable), uri=True, timeout=LOCK_WAIT_S)
    try:
        conn.execute("PRAGMA query_only=ON")
        rows: list[str] = []
        for check in ("integrity_check(100)", "quick_check(100)"):  # the quick one
            try:  # still answers when the full one stops at a broken page
                rows = [r[0] for r in conn.execute(f"PRAGMA {check}")]
                break
            except sqlite3.DatabaseError as exc:
                rows = [str(exc).splitlines()[0]]
        if rows == ["ok"]:
            return []
        parts = name_damaged_parts(conn, rows)
        if all(p.kind == "file" for p in parts):
            parts = unreadable_tables(conn) or parts
        return parts
    finally:
        conn.close()
        remove_side_files_we_made(path, before)


def unreadable_tables(conn: sqlite3.Connection) -> list[DamagedPart]:
    """When SQLite's checks stop at a broken page without naming it: the tables that
    cannot be read to the end."""
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")]
    except sqlite3.DatabaseError:
        return []
    broken: list[DamagedPart] = []
    for name in names:
        quoted = '"' + name.replace('"', '""') + '"'
        try:
            conn.execute(f"SELECT * FROM {quoted}").fetchall()
        except sqlite3.DatabaseError as exc:
            broken.append(DamagedPart("table", name, name, (str(exc).splitlines()[0],)))
    return broken
