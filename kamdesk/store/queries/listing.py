"""A short list and the length of the whole: what a card on a screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Listing(Generic[T]):
    """The first rows of a section and how many there are in all: a manager acts on the
    top of a list and only needs to know how long the rest is."""

    rows: tuple[T, ...]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.rows)
