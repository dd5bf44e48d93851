"""Adding a book to a database that already holds others (``migrate-to URL --join``).

A team moves into one database one person at a time: the lead's book first, then each
colleague's. The target gives every moved row its own id (see :mod:`.plan`), so ids
never collide; what can is the few values the schema keeps unique across the book,
and the book-wide settings:

=====================  =============================================================
``customers.code``     a code the target already uses gets the next free code of the
                       book (``C`` + number, as a new customer would), listed in the
                       report: two personal books both numbered from C001
``contracts.number``   a number already used gets ``-2`` (``-3`` …), listed
``tags.name``          a tag the target already has is the same tag: the moved
                       customers carry it, no second tag is made
``app_settings``       the target's settings stay (the team's tiering, cadence,
                       targets, views); a setting it lacks is added; the two lists of
                       customer ids (``not_duplicates``, ``computed_tiers``) and the
                       saved list views are merged (a view whose name is taken stays
                       the target's)
=====================  =============================================================

A code or number is looked for among the rows the mover can see: on a team book run
it as a team lead (a member's colleagues' rows are hidden from them, and a hidden code
taken twice is refused by the database and named in the error).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from kamdesk.io.book_transfer import ledger
from kamdesk.io.book_transfer.plan import transfer_tables
from kamdesk.store.queries.customers import fresh_codes

__all__ = ["RENAMED_STATE", "fit_rows", "merged_setting", "renamed"]

#: ledger state key: {table: [[old, new], …]} of the values given new ones
RENAMED_STATE = "renamed"


def renamed(conn: Connection) -> dict[str, list[tuple[str, str]]]:
    """The codes and numbers this transfer changed so far, by table."""
    text = ledger.read_state(conn).get(RENAMED_STATE)
    found = json.loads(text) if text else {}
    return {table: [(str(a), str(b)) for a, b in pairs] for table, pairs in found.items()}


def _record(conn: Connection, table: str, pairs: list[tuple[str, str]]) -> None:
    """Add ``pairs`` to the ledger in the batch's own transaction (a resumed run keeps
    the renames of the batches already committed, and only those)."""
    if not pairs:
        return
    found = renamed(conn)
    found.setdefault(table, []).extend(pairs)
    ledger.write_state(conn, RENAMED_STATE, json.dumps(found, ensure_ascii=False))


def _table(name: str) -> Any:
    return next(p.table for p in transfer_tables() if p.name == name)


def _taken(conn: Connection, table: str, column: str, values: list[str]) -> set[str]:
    t = _table(table)
    taken: set[str] = set()
    for start in range(0, len(values), 500):
        chunk = values[start:start + 500]
        taken.update(conn.execute(select(t.c[column]).where(t.c[column].in_(chunk))).scalars())
    return taken


def _new_codes(conn: Connection, values: list[dict[str, Any]],
               source_codes: list[str]) -> list[tuple[str, str]]:
    taken = _taken(conn, "customers", "code", [v["code"] for v in values])
    clashing = [v for v in values if v["code"] in taken]
    if not clashing:
        return []
    # never a code the moved book itself uses further on
    fresh = fresh_codes(conn, len(clashing), also_taken=source_codes)
    pairs = []
    for value, code in zip(clashing, fresh, strict=True):
        pairs.append((value["code"], code))
        value["code"] = code
    return pairs


def _new_numbers(conn: Connection, values: list[dict[str, Any]]) -> list[tuple[str, str]]:
    taken = _taken(conn, "contracts", "number", [v["number"] for v in values])
    if not taken:
        return []
    used = taken | {v["number"] for v in values}
    pairs = []
    for value in values:
        if value["number"] not in taken:
            continue
        n = 2
        while f"{value['number']}-{n}" in used or _taken(
                conn, "contracts", "number", [f"{value['number']}-{n}"]):
            n += 1
        new = f"{value['number']}-{n}"
        used.add(new)
        pairs.append((value["number"], new))
        value["number"] = new
    return pairs


def fit_rows(conn: Connection, table: str, rows: list[dict[str, Any]],
             values: list[dict[str, Any]], source_codes: list[str]
             ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[int, int]]:
    """A batch made to fit beside the target's rows: (the source rows still to insert,
    their values, {source id: target id} of rows the target already has)."""
    if table == "tags":
        t = _table("tags")
        existing: dict[str, int] = dict(conn.execute(select(t.c.name, t.c.id).where(
            t.c.name.in_([v["name"] for v in values]))).all())
        reuse = {int(r["id"]): existing[v["name"]]
                 for r, v in zip(rows, values, strict=True) if v["name"] in existing}
        kept = [(r, v) for r, v in zip(rows, values, strict=True) if v["name"] not in existing]
        return [r for r, _v in kept], [v for _r, v in kept], reuse
    if table == "customers":
        _record(conn, table, _new_codes(conn, values, source_codes))
    elif table == "contracts":
        _record(conn, table, _new_numbers(conn, values))
    return rows, values, {}


def _merged_views(theirs: list[Any], mine: list[Any]) -> list[Any]:
    names = {v.get("name") for v in theirs if isinstance(v, dict)}
    return theirs + [v for v in mine if isinstance(v, dict) and v.get("name") not in names]


def merged_setting(key: str, theirs: str, mine: str) -> str | None:
    """The value of setting ``key`` once the moved book's (``mine``, ids already mapped)
    joins the target's (``theirs``), or None to keep the target's as it is."""
    try:
        a, b = json.loads(theirs), json.loads(mine)
    except ValueError:
        return None
    if key == "not_duplicates" and isinstance(a, list) and isinstance(b, list):
        merged: Any = a + [pair for pair in b if pair not in a]
    elif key == "computed_tiers" and isinstance(a, dict) and isinstance(b, dict):
        merged = {**a, **b}
    elif key == "customer_list_views" and isinstance(a, list) and isinstance(b, list):
        merged = _merged_views(a, b)
    else:
        return None
    return json.dumps(merged, ensure_ascii=False)
