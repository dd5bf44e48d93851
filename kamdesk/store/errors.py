"""Errors the store raises for the UI to explain in the user's language.

The store speaks in codes (``field``, ``code``); the UI owns the words, through
Qt's translator, so every message exists in both languages.
"""

from __future__ import annotations


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
