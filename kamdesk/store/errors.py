"""Errors the store raises for the UI to explain in the user's language.

The store speaks in codes (``field``, ``code``); the UI owns the words, through
Qt's translator, so every message exists in both languages.
"""

from __future__ import annotations

from typing import Any


class ValidationError(ValueError):
    """codes: required, duplicate, invalid_date, out_of_range, too_long, invalid_choice."""

    def __init__(self, field: str, code: str, detail: str = "") -> None:
        super().__init__(f"{field}: {code} {detail}".strip())
        self.field = field
        self.code = code
        self.detail = detail


class HasHistory(Exception):
    """The customer has contact log, orders or contracts: archive instead of delete."""

    def __init__(self, customer_id: int, counts: dict[str, int]) -> None:
        super().__init__(f"customer {customer_id} has history: {counts}")
        self.customer_id = customer_id
        self.counts = counts


class ConflictError(Exception):
    """Someone else saved (or deleted) this record after the caller read it.

    ``table`` and ``row_id`` name the record; ``theirs`` holds the stored row's current
    values (``None`` when it is gone), ``mine`` the values the caller meant to save
    (empty for a delete); ``their_version`` is the version stored now (``None`` when
    gone) and ``expected_version`` the one the caller read. Saving again with
    ``expected_version=their_version`` saves over their change on purpose."""

    def __init__(self, table: str, row_id: int | None, theirs: dict[str, Any] | None,
                 mine: dict[str, Any], their_version: int | None,
                 expected_version: int | None, deleting: bool = False) -> None:
        super().__init__(f"{table} {row_id}: stored version {their_version}, "
                         f"edited from version {expected_version}")
        self.table = table
        self.row_id = row_id
        self.theirs = theirs
        self.mine = mine
        self.their_version = their_version
        self.expected_version = expected_version
        self.deleting = deleting

    @property
    def gone(self) -> bool:
        """The record was deleted meanwhile: there is nothing to save over."""
        return self.theirs is None and self.row_id is not None

    @property
    def differing(self) -> tuple[str, ...]:
        """The fields where what is stored now differs from what the caller saves."""
        if self.theirs is None:
            return tuple(self.mine)
        return tuple(k for k, v in self.mine.items() if k in self.theirs
                     and self.theirs[k] != v)
