"""Product penetration reads: the product lines in force, and what one customer bought of each.

The grid itself is shaped by :mod:`kamdesk.domain.penetration`; this module only sums.
A customer's purchases are one grouped read of their own orders of the last 24 months
(the ``(customer_id, occurred_on)`` index), so the profile tab and the account-plan PDF
pay a few milliseconds even on a 2-million-order book.

The product lines are the user's own list (Settings, ``app_settings['product_lines']``)
or — while they have kept none — the lines found in the orders book, most ordered
first, so the grid is useful on the first day without any setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, text

from kamdesk.domain.calendar_math import trailing_windows
from kamdesk.domain.penetration import (
    LinePurchases,
    Penetration,
    clean_product_lines,
    shape_penetration,
)
from kamdesk.store.queries.settings import stored_product_lines

__all__ = ["RECENT_ORDERS", "WINDOW_MONTHS", "ProductLines", "book_product_lines",
           "customer_penetration", "line_purchases", "product_lines_in_force"]

#: the short window; the long one is twice as long
WINDOW_MONTHS = 12


@dataclass(frozen=True)
class ProductLines:
    """The product lines the grid is drawn against, and where they came from."""

    names: tuple[str, ...]
    from_book: bool  # True: the user keeps no list, these are the orders book's lines


#: the book's lines are read from this many of its most recent orders
RECENT_ORDERS = 20_000


def book_product_lines(conn: Connection) -> tuple[str, ...]:
    """The product lines named on the book's most recent :data:`RECENT_ORDERS` orders,
    the most ordered first (then by name).

    Every order of the book was read before: on a 2-million-order book that was a
    second for each profile's Products tab, account-plan PDF and Settings dialog. The
    recent orders walk the date index and hold every line still sold; a line nobody
    has ordered in the last 20,000 orders is not "in force" (a user who wants it listed
    keeps their own list in Settings)."""
    rows = conn.execute(text(
        "SELECT line, COUNT(*) AS n FROM ("
        " SELECT trim(product_line) AS line FROM trades"
        " WHERE coalesce(kind, 'order') = 'order'"
        " ORDER BY occurred_on DESC, id DESC LIMIT :recent) AS recent "
        "WHERE line IS NOT NULL AND line != '' "
        "GROUP BY line ORDER BY n DESC, line"), {"recent": RECENT_ORDERS})
    return clean_product_lines(r[0] for r in rows)


def product_lines_in_force(conn: Connection) -> ProductLines:
    """The user's list, or the orders book's lines while the user keeps none."""
    own = stored_product_lines(conn)
    if own:
        return ProductLines(own, from_book=False)
    return ProductLines(book_product_lines(conn), from_book=True)


def line_purchases(conn: Connection, customer_id: int, today: date
                   ) -> tuple[LinePurchases, ...]:
    """What ``customer_id`` bought per product line (as spelt on the orders) in the 12 and
    24 months up to and including ``today``: net amounts, order counts."""
    current, previous = trailing_windows(today, WINDOW_MONTHS)
    rows = conn.execute(text(
        "SELECT product_line, "
        " coalesce(SUM(CASE WHEN occurred_on > :a12 THEN amount_cents ELSE 0 END), 0), "
        " coalesce(SUM(CASE WHEN occurred_on > :a12 AND coalesce(kind, 'order') = 'order' "
        "   THEN 1 ELSE 0 END), 0), "
        " coalesce(SUM(amount_cents), 0), "
        " coalesce(SUM(CASE WHEN coalesce(kind, 'order') = 'order' THEN 1 ELSE 0 END), 0) "
        "FROM trades WHERE customer_id = :cid AND occurred_on > :a24 "
        "AND occurred_on <= :today AND product_line IS NOT NULL "
        "GROUP BY product_line"),
        {"cid": customer_id, "a12": current.after.isoformat(),
         "a24": previous.after.isoformat(), "today": today.isoformat()})
    return tuple(LinePurchases(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4]))
                 for r in rows)


def customer_penetration(conn: Connection, customer_id: int, today: date,
                         lines: tuple[str, ...] | None = None) -> Penetration:
    """The customer's grid against ``lines`` (default: the lines in force)."""
    if lines is None:
        lines = product_lines_in_force(conn).names
    return shape_penetration(lines, line_purchases(conn, customer_id, today))
