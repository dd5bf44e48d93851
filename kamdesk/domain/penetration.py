"""Product penetration (whitespace): which of the lines we sell a customer buys, and which not yet.

Cross-selling starts from a plain grid — the product lines the user sells against what
this customer bought in the last 12 and 24 months. A line with no order in 24 months is
*whitespace*, an opportunity to raise; a line bought in the earlier year but not in the
last one has *lapsed*, which is a different conversation (why did they stop?).

This module is the pure shaping: the store sums the orders per product line
(:mod:`kamdesk.store.queries.penetration`), the rules here match them to the user's list
and decide what counts as bought. No SQL, no Qt.

Matching is by a forgiving key (spaces trimmed, case folded), so ``"Consumables "`` in an
imported order counts for the line ``consumables``. Lines the customer bought that are not
on the list are kept apart (``off_list``) so a short list never hides revenue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

__all__ = [
    "BUYING", "LAPSED", "MAX_LINE_LENGTH", "MAX_LINES", "STATUSES", "WHITESPACE",
    "LinePurchases", "Penetration", "PenetrationRow", "clean_product_lines", "line_key",
    "shape_penetration",
]

#: bought in the last 12 months
BUYING: Final = "buying"
#: bought in the 12 months before that, not in the last 12
LAPSED: Final = "lapsed"
#: no order in 24 months: a cross-selling opportunity
WHITESPACE: Final = "whitespace"
STATUSES: Final = (BUYING, LAPSED, WHITESPACE)

#: the same width as ``trades.product_line``
MAX_LINE_LENGTH: Final = 100
#: a list longer than this is not a list of product lines any more
MAX_LINES: Final = 200


def line_key(name: str) -> str:
    """The key two spellings of one product line share: trimmed, inner spaces collapsed,
    case folded."""
    return " ".join(name.split()).casefold()


def clean_product_lines(names: Iterable[str]) -> tuple[str, ...]:
    """The user's list as it will be stored: trimmed, blanks dropped, the first of any
    duplicates (by :func:`line_key`) kept, order kept."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        text = " ".join(str(name).split())
        key = text.casefold()
        if not text or key in seen:
            continue
        seen.add(key)
        out.append(text)
    return tuple(out)


@dataclass(frozen=True)
class LinePurchases:
    """What a customer bought of one product line (as spelt in the orders).

    Amounts are net (orders minus returns) in fen; ``orders_*`` count orders only.
    The 24-month figures include the last 12 months.
    """

    product_line: str
    amount_12m_cents: int = 0
    orders_12m: int = 0
    amount_24m_cents: int = 0
    orders_24m: int = 0


@dataclass(frozen=True)
class PenetrationRow:
    product_line: str
    amount_12m_cents: int
    orders_12m: int
    amount_24m_cents: int
    orders_24m: int
    status: str  # BUYING / LAPSED / WHITESPACE

    @property
    def is_opportunity(self) -> bool:
        return self.status == WHITESPACE


@dataclass(frozen=True)
class Penetration:
    """One customer's grid: ``rows`` in the order of the user's list, ``off_list`` for lines
    bought but not on the list (largest first)."""

    rows: tuple[PenetrationRow, ...]
    off_list: tuple[PenetrationRow, ...] = ()

    @property
    def lines(self) -> int:
        return len(self.rows)

    @property
    def bought_12m(self) -> int:
        return sum(1 for r in self.rows if r.status == BUYING)

    @property
    def bought_24m(self) -> int:
        return sum(1 for r in self.rows if r.status != WHITESPACE)

    @property
    def penetration_pct(self) -> float | None:
        """Share of the list bought in the last 12 months, one decimal; None for no list."""
        if not self.rows:
            return None
        return round(100.0 * self.bought_12m / len(self.rows), 1)

    @property
    def opportunities(self) -> tuple[str, ...]:
        """The whitespace: lines on the list with no order in 24 months."""
        return tuple(r.product_line for r in self.rows if r.status == WHITESPACE)

    @property
    def lapsed(self) -> tuple[str, ...]:
        return tuple(r.product_line for r in self.rows if r.status == LAPSED)


def _status(orders_12m: int, orders_24m: int) -> str:
    if orders_12m > 0:
        return BUYING
    if orders_24m > 0:
        return LAPSED
    return WHITESPACE


def _row(name: str, bought: Sequence[LinePurchases]) -> PenetrationRow:
    a12 = sum(b.amount_12m_cents for b in bought)
    o12 = sum(b.orders_12m for b in bought)
    a24 = sum(b.amount_24m_cents for b in bought)
    o24 = sum(b.orders_24m for b in bought)
    return PenetrationRow(name, a12, o12, a24, o24, _status(o12, o24))


def shape_penetration(lines: Sequence[str],
                      purchases: Iterable[LinePurchases] | Mapping[str, LinePurchases]
                      ) -> Penetration:
    """The grid of ``lines`` (the user's list) against a customer's ``purchases``.

    A line is *bought* when it has at least one order in the window: a return alone
    (a credit note for an older order) does not make a line bought.
    """
    items = purchases.values() if isinstance(purchases, Mapping) else purchases
    by_key: dict[str, list[LinePurchases]] = {}
    for p in items:
        name = (p.product_line or "").strip()
        if name:
            by_key.setdefault(line_key(name), []).append(p)
    rows = []
    listed: set[str] = set()
    for name in clean_product_lines(lines):
        key = line_key(name)
        listed.add(key)
        rows.append(_row(name, by_key.get(key, ())))
    off_list = [
        _row(" ".join(group[0].product_line.split()), group)
        for key, group in by_key.items() if key not in listed
    ]
    off_list = [r for r in off_list if r.orders_24m or r.amount_24m_cents]
    off_list.sort(key=lambda r: (-r.amount_24m_cents, r.product_line))
    return Penetration(tuple(rows), tuple(off_list))
