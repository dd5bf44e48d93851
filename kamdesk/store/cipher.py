"""Encryption at rest (opt-in): a book protected by a passphrase, through SQLCipher.

A lost laptop must not hand over other people's personal data. SQLCipher encrypts every
page of the file, its -wal and every copy made with the same key; the maintained
binding ``sqlcipher3`` (a DB-API module shaped like :mod:`sqlite3`, wheels for Linux
x86_64, Windows and macOS) keeps SQLAlchemy working through ``create_engine("sqlite://",
creator=...)`` (:func:`kamdesk.store.engine.make_engine`). It is an optional dependency
(``pip install kamdesk[encryption]``): without it nothing here is offered and the
unencrypted path is exactly what it was.

``PRAGMA key`` is the first statement on every connection; a wrong key shows up at the
first read as "file is not a database", turned here into :class:`WrongPassphrase`.
Protecting, changing and removing the passphrase (:func:`change_protection`) never edits
the book in place: ``sqlcipher_export`` writes a new file, which is checked (integrity
and the row count of every table) before it atomically replaces the book, and the book
as it was is kept first as a backup (encrypted with its old key, if it had one).
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

SQLITE_MAGIC = b"SQLite format 3\x00"
#: the environment variable a script may set instead of ``--passphrase-file``
PASSPHRASE_ENV = "KAMDESK_PASSPHRASE"
PART_SUFFIX = ".cipher-part"


class WrongPassphrase(Exception):
    """The passphrase does not open this book (or the file is not a database at all)."""


class EncryptionUnavailable(Exception):
    """The SQLCipher binding is not installed: a protected book cannot be opened here."""


class ProtectionFailed(Exception):
    """The re-encrypted copy did not match the book; the book was left as it was."""


def cipher_module() -> ModuleType | None:
    """The ``sqlcipher3`` DB-API module, or None when it is not installed."""
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return None
    return dbapi2


def encryption_available() -> bool:
    return cipher_module() is not None


def require_cipher() -> ModuleType:
    module = cipher_module()
    if module is None:
        raise EncryptionUnavailable("install kamdesk[encryption] (the sqlcipher3 package)")
    return module


def looks_encrypted(path: Path) -> bool:
    """A non-empty file without SQLite's plain header: a protected book (or not SQLite)."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(16)
    except OSError:
        return False
    return len(head) > 0 and head != SQLITE_MAGIC


def quoted(passphrase: str) -> str:
    """``passphrase`` as an SQL string literal (PRAGMA takes no bound parameters)."""
    return "'" + passphrase.replace("'", "''") + "'"


def key_connection(conn: Any, passphrase: str) -> None:
    """``PRAGMA key`` first, then one read, so a wrong key fails here and not later
    (an empty ``passphrase`` sets no key: the file is a plain SQLite book)."""
    quiet(conn)
    if passphrase:
        conn.execute(f"PRAGMA key = {quoted(passphrase)}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except require_cipher().DatabaseError as exc:
        if "not a database" in str(exc).lower():
            raise WrongPassphrase(str(Path(conn_path(conn)))) from None
        raise


def quiet(conn: Any) -> None:
    """No SQLCipher log lines on stderr (a wrong key is reported in words instead)."""
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    except require_cipher().Error:
        pass


def conn_path(conn: Any) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row else ""


def connect_keyed(path: str | Path, passphrase: str, timeout: float = 5.0) -> Any:
    """A ``sqlcipher3`` connection on ``path`` opened with ``passphrase``; raises
    :class:`WrongPassphrase` when it does not open the file."""
    module = require_cipher()
    conn = module.connect(str(path), timeout=timeout, check_same_thread=False)
    try:
        key_connection(conn, passphrase)
    except BaseException:
        conn.close()
        raise
    return conn


def check_passphrase(path: str | Path, passphrase: str) -> None:
    """Raise :class:`WrongPassphrase` unless ``passphrase`` opens the book at ``path``."""
    connect_keyed(path, passphrase).close()


def table_counts(conn: Any) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def export_verified(src: str | Path, dst: Path, key_from: str | None,
                    key_to: str | None) -> None:
    """Write the book at ``src`` (opened with ``key_from``; None: a plain file) into the
    new file ``dst`` with ``key_to`` (None: plain) by ``sqlcipher_export``, then check
    ``dst`` (integrity, every table's row count) and fsync it; raises
    :class:`ProtectionFailed` when the check fails (``dst`` is then removed)."""
    module = require_cipher()
    if dst.exists():
        dst.unlink()
    source = connect_keyed(src, key_from or "")  # '' = no key: a plain SQLite file
    try:
        counts = table_counts(source)
        user_version = source.execute("PRAGMA user_version").fetchone()[0]
        source.execute(f"ATTACH DATABASE ? AS target KEY {quoted(key_to or '')}", (str(dst),))
        source.execute("SELECT sqlcipher_export('target')")
        source.execute(f"PRAGMA target.user_version = {int(user_version)}")
        source.commit()
        source.execute("DETACH DATABASE target")
    finally:
        source.close()
    try:
        copy = connect_keyed(dst, key_to or "")
        try:
            ok = copy.execute("PRAGMA integrity_check").fetchone()[0]
            copied = table_counts(copy)
        finally:
            copy.close()
        if ok != "ok" or copied != counts:
            raise ProtectionFailed(f"the new copy differs from the book ({ok})")
        os.chmod(dst, 0o600)
        with dst.open("rb") as fh:
            os.fsync(fh.fileno())
    except (ProtectionFailed, WrongPassphrase, module.Error):
        dst.unlink(missing_ok=True)
        raise


def checkpoint(path: Path, passphrase: str | None) -> None:
    """Fold the -wal into the file so the file alone is the whole book."""
    conn = connect_keyed(path, passphrase or "")
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    finally:
        conn.close()


def change_protection(book: Path, old: str | None, new: str | None, backup_dir: Path,
                      now: datetime | None = None) -> Path:
    """Protect (``old`` None), change (both) or remove (``new`` None) the book's
    passphrase. The book as it is is first kept in ``backup_dir`` (still under ``old``);
    the re-encrypted copy is verified, then replaces the book atomically and the stale
    -wal/-shm go. Returns the backup's path. The caller must have closed its engine."""
    book = Path(book)
    check_passphrase(book, old or "")
    checkpoint(book, old)
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = backup_dir / f"kamdesk-before-passphrase-{stamp}.sqlite3"
    n = 2
    while kept.exists():
        kept = backup_dir / f"kamdesk-before-passphrase-{stamp}-{n}.sqlite3"
        n += 1
    export_verified(book, kept, old, old)
    part = book.with_name(book.name + PART_SUFFIX)
    export_verified(book, part, old, new)
    os.replace(part, book)
    for side in ("-wal", "-shm"):
        Path(str(book) + side).unlink(missing_ok=True)
    return kept
