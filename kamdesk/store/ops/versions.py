"""Optimistic concurrency: a save names the version of the record it was edited from.

Two people (two clients of a team book, or two windows) may open the same record. The
one who saves second must not silently overwrite the first one's change, so every
record a person edits carries ``version`` (migration 0014, :class:`Versioned`):

- the ORM checks and bumps it on every UPDATE/DELETE (``version_id_col``);
- Core statements that change what a user sees bump it through :func:`bumped`;
  recomputing derived figures (metrics, search text, pinyin) is not an edit and does not;
- an operation that saves a dialog's edits takes ``expected_version`` (the version the
  dialog loaded; ``None`` = don't check) and calls :func:`check_loaded` or
  :func:`check_stored`, which raise :class:`ConflictError` with both versions;
- :func:`stale_guard` turns the ORM's ``StaleDataError`` (a change committed between
  the check and the UPDATE, possible on PostgreSQL) into the same error.

What counts as an edit (bumps the version): every field a dialog, a bulk edit, an import
or a merge changes, completing/snoozing/reassigning tasks, the link of a payment to an
order that was deleted. What does not: metrics and tiers recomputed, search rows,
reminders marked as shown (``notified_at``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, NoReturn, cast

from sqlalchemy import Table, inspect, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from kamdesk.store.errors import ConflictError

__all__ = ["bumped", "check_loaded", "check_stored", "conflict_from_stale", "raise_conflict",
           "stale_guard",
           "stored_values"]

#: bookkeeping columns never shown as "their" values
_HIDDEN = frozenset({"created_at", "updated_at", "name_pinyin", "name_initials"})


def _table(table_or_model: Any) -> Table:
    return cast(Table, getattr(table_or_model, "__table__", table_or_model))


def bumped(table_or_model: Any) -> dict[str, Any]:
    """``version = version + 1`` for a Core UPDATE's ``.values(...)``."""
    table = _table(table_or_model)
    return {"version": table.c.version + 1}


def stored_values(session: Session, table_or_model: Any, row_id: int) -> dict[str, Any] | None:
    """The record as stored now (``None`` when it is gone), read in the op's session."""
    table = _table(table_or_model)
    row = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
    if row is None:
        return None
    return {k: v for k, v in row.items() if k not in _HIDDEN}


def _agrees(theirs: Mapping[str, Any], mine: Mapping[str, Any]) -> bool:
    """Their save already holds every value the caller writes: nothing of theirs would
    be lost and nothing of the caller's is missing (e.g. only a reminder was marked, or
    both typed the same fix), so the save goes ahead without asking."""
    return bool(mine) and all(k in theirs and theirs[k] == v for k, v in mine.items())


def check_stored(session: Session, table_or_model: Any, row_id: int,
                 expected_version: int | None, mine: Mapping[str, Any],
                 deleting: bool = False) -> int | None:
    """Raise :class:`ConflictError` unless the stored record still has
    ``expected_version`` (no check when it is None). Returns the version to write
    over (the stored one), or None when the record is gone or nothing was expected."""
    if expected_version is None:
        return None
    theirs = stored_values(session, table_or_model, row_id)
    if theirs is not None and (theirs["version"] == expected_version
                               or (not deleting and _agrees(theirs, mine))):
        return int(theirs["version"])
    if theirs is None and deleting:
        return None  # already gone: the op says so in its own way
    raise ConflictError(_table(table_or_model).name, row_id, theirs, dict(mine),
                        None if theirs is None else theirs["version"], expected_version,
                        deleting)


def check_loaded(obj: Any, expected_version: int | None, mine: Mapping[str, Any],
                 deleting: bool = False) -> None:
    """Like :func:`check_stored` for an ORM object just loaded in the op's session
    (before the caller's values are set on it)."""
    if expected_version is None or obj.version == expected_version:
        return
    state = inspect(obj)
    theirs = {a.key: getattr(obj, a.key) for a in state.mapper.column_attrs
              if a.key not in _HIDDEN}
    if not deleting and _agrees(theirs, mine):
        return
    raise ConflictError(obj.__tablename__, obj.id, theirs, dict(mine), obj.version,
                        expected_version, deleting)


def raise_conflict(session: Session, table_or_model: Any, row_id: int,
                   expected_version: int | None, mine: Mapping[str, Any],
                   deleting: bool = False) -> NoReturn:
    """Raise :class:`ConflictError` with what is stored now (a write that named
    ``expected_version`` found no such row: someone saved in between)."""
    theirs = stored_values(session, table_or_model, row_id)
    raise ConflictError(_table(table_or_model).name, row_id, theirs, dict(mine),
                        None if theirs is None else theirs["version"], expected_version,
                        deleting)


@contextmanager
def stale_guard(session: Session, table_or_model: Any, row_id: int,
                expected_version: int | None, mine: Mapping[str, Any],
                deleting: bool = False) -> Iterator[None]:
    """Turn a ``StaleDataError`` raised inside (another client committed between the
    check and the UPDATE) into :class:`ConflictError` naming what is stored now."""
    try:
        yield
    except StaleDataError:
        session.rollback()
        raise_conflict(session, table_or_model, row_id, expected_version, mine, deleting)


_STALE_TABLE = re.compile(r"on table '(\w+)'")


def conflict_from_stale(exc: StaleDataError) -> ConflictError:
    """A :class:`ConflictError` for a ``StaleDataError`` no operation guarded: the table
    is known (from the message), the row and the values are not."""
    found = _STALE_TABLE.search(str(exc))
    return ConflictError(found.group(1) if found else "", None, None, {}, None, None)
