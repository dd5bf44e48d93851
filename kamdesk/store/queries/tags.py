"""Reading tags (标签): every tag with how many customers carry it, and the tags of a set
of customers (one grouped read for a page of the list, or one profile)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, text


@dataclass(frozen=True, slots=True)
class TagRow:
    id: int
    name: str
    colour: str
    #: customers carrying the tag (archived ones included)
    customers: int = 0


def all_tags(conn: Connection) -> list[TagRow]:
    """Every tag, by name, with its number of customers."""
    rows = conn.execute(text(
        "SELECT t.id, t.name, t.colour, count(ct.customer_id) FROM tags t "
        "LEFT JOIN customer_tags ct ON ct.tag_id = t.id GROUP BY t.id ORDER BY t.name"))
    return [TagRow(int(r[0]), r[1], r[2], int(r[3])) for r in rows]


def tags_of_customers(conn: Connection, customer_ids: Iterable[int]
                      ) -> dict[int, tuple[TagRow, ...]]:
    """customer id -> its tags by name (customers without tags are left out)."""
    wanted = sorted(set(customer_ids))
    out: dict[int, list[TagRow]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join(f":c{i}" for i in range(len(chunk)))
        rows = conn.execute(text(
            "SELECT ct.customer_id, t.id, t.name, t.colour FROM customer_tags ct "
            f"JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id IN ({marks}) "
            "ORDER BY t.name"), {f"c{i}": c for i, c in enumerate(chunk)})
        for r in rows:
            out.setdefault(int(r[0]), []).append(TagRow(int(r[1]), r[2], r[3]))
    return {cid: tuple(tags) for cid, tags in out.items()}


def tags_of_customer(conn: Connection, customer_id: int) -> tuple[TagRow, ...]:
    """One customer's tags by name (the profile header)."""
    return tags_of_customers(conn, [customer_id]).get(customer_id, ())


def tag_filter_sql(tag_id: int) -> tuple[str, dict[str, object]]:
    """A WHERE clause for the customer list (customers alias ``c``): carries tag ``tag_id``."""
    return ("c.id IN (SELECT customer_id FROM customer_tags WHERE tag_id = :tag_id)",
            {"tag_id": int(tag_id)})
