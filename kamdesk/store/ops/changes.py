"""What a write changed, declared by the operation that did it.

Every function in :mod:`kamdesk.store.ops` returns a :class:`Changes`: the tables it wrote
and, where it knows them, the ids of the rows. The operation declares them next to the SQL
that does the writing, so a screen never has to guess which tables a save touched (the
guess went stale whenever a store function started touching another table).

``Changes`` behaves like the frozenset of table names the change bus has always carried
(``"tasks" in changes``, ``changes & {"tasks"}``), so a screen can test it the same way.
It may also carry ``value`` (what the caller asked for, e.g. the id of a new row) and,
once announced, ``initiator`` (the widget that asked for the write, so it can skip
refreshing what it already shows, as Anki's ``operation_did_execute`` does).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

#: ``None`` in the id map means "rows of this table changed, ids not tracked" (bulk writes).
Ids = frozenset[int] | None


def _merge_ids(a: Ids, b: Ids) -> Ids:
    if a is None or b is None:
        return None
    return a | b


@dataclass(frozen=True, eq=False)
class Changes:
    tables: Mapping[str, Ids] = field(default_factory=dict)
    value: Any = None
    initiator: Any = field(default=None, compare=False)

    # --- building -----------------------------------------------------------------
    @classmethod
    def of(cls, table: str, *ids: int | None, value: Any = None) -> Changes:
        """Rows ``ids`` of ``table`` changed; no ids means "some rows, not tracked";
        ids that are all ``None`` (a row that was not written) mean nothing changed."""
        if not ids:
            return cls({table: None}, value)
        known = frozenset(i for i in ids if i is not None)
        return cls({table: known} if known else {}, value)

    def also(self, table: str, *ids: int | None) -> Changes:
        return self | Changes.of(table, *ids)

    def with_value(self, value: Any) -> Changes:
        return replace(self, value=value)

    def announced_by(self, initiator: Any) -> Changes:
        return replace(self, initiator=initiator)

    def __or__(self, other: object) -> Changes:
        if not isinstance(other, Changes):
            return NotImplemented
        merged: dict[str, Ids] = dict(self.tables)
        for name, ids in other.tables.items():
            merged[name] = _merge_ids(merged[name], ids) if name in merged else ids
        value = self.value if self.value is not None else other.value
        return Changes(merged, value, self.initiator or other.initiator)

    # --- reading (set-like over table names) --------------------------------------
    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.tables)

    def ids(self, table: str) -> Ids:
        """Changed ids of ``table``; empty if untouched, ``None`` if untracked."""
        return self.tables.get(table, frozenset())

    def touches(self, table: str, row_id: int) -> bool:
        """True if row ``row_id`` of ``table`` may have changed."""
        if table not in self.tables:
            return False
        ids = self.tables[table]
        return ids is None or row_id in ids

    def __contains__(self, table: object) -> bool:
        return table in self.tables

    def __iter__(self) -> Iterator[str]:
        return iter(self.tables)

    def __len__(self) -> int:
        return len(self.tables)

    def __bool__(self) -> bool:
        return bool(self.tables)

    def __and__(self, other: Iterable[str]) -> frozenset[str]:
        return self.names & frozenset(other)

    __rand__ = __and__

    def isdisjoint(self, other: Iterable[str]) -> bool:
        return self.names.isdisjoint(other)

    def __eq__(self, other: object) -> bool:
        """Equal to another Changes with the same tables and ids, or to a set of names
        (what the change bus carried before operations declared ids)."""
        if isinstance(other, Changes):
            return dict(self.tables) == dict(other.tables) and self.value == other.value
        if isinstance(other, (set, frozenset)):
            return self.names == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking mapping inside

    def __repr__(self) -> str:
        parts = ", ".join(
            f"{t}={'*' if ids is None else sorted(ids)}" for t, ids in sorted(self.tables.items()))
        return f"Changes({parts})"


NOTHING = Changes()


def tables(*names: str) -> Changes:
    """Rows of these tables changed, ids not tracked (bulk writes, recomputes)."""
    return Changes({n: None for n in names})
