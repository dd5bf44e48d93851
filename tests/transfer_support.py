"""Helpers for the book transfer tests (``kamdesk migrate-to``): a demo book with every
kind of reference a move must rewrite, a canonical dump of a book with its ids replaced
by natural keys, and a PostgreSQL database at the current schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, insert, select, text

from kamdesk.io.book_transfer.plan import (
    SKIPPED_SETTINGS,
    map_batch_row,
    map_history,
    map_setting,
    map_source_key,
    transfer_tables,
)
from kamdesk.io.book_transfer.transfer import DONE_KEY
from kamdesk.store.models import Base

DOC_BYTES = "合同扫描件 — signed contract scan\n".encode() * 50


def enrich(db: Any, tmp_path: Path) -> dict[str, Any]:
    """Add to a demo book what the demo lacks: reporting lines, a renewed contract, a
    tag and a saved view filtering by it, pairs marked "not duplicates", generated tasks
    whose source keys hold ids, an import batch, change history (of a live row and of a
    deleted one), and an attached file. Returns facts to check after a move."""
    from kamdesk.io.document_store import attach_file, store_for_database

    with db.engine.begin() as c:
        # ids with a gap, as a real book's are: a target numbering from 1 gives this
        # customer and its person other ids than the source has
        far = c.execute(text("SELECT max(id) FROM customers")).scalar_one() + 777
        c.execute(insert(Base.metadata.tables["customers"]).values(
            id=far, code="GAP-1", name="远方客户"))
        c.execute(insert(Base.metadata.tables["people"]).values(customer_id=far, name="李远"))
        cust = [r[0] for r in c.execute(text("SELECT id FROM customers ORDER BY id"))]
        people = c.execute(text("SELECT id, customer_id FROM people ORDER BY id")).all()
        c.execute(text("UPDATE people SET reports_to_id = :b WHERE id = :a"),
                  {"a": people[1][0], "b": people[0][0]})
        contracts = [r[0] for r in c.execute(text("SELECT id FROM contracts ORDER BY id"))]
        c.execute(text("UPDATE contracts SET previous_contract_id = :p WHERE id = :c"),
                  {"c": contracts[2], "p": contracts[1]})
        c.execute(text("INSERT INTO tags (name, colour) VALUES ('重点', '#ff0000')"))
        tag = c.execute(text("SELECT id FROM tags")).scalar_one()
        c.execute(text("INSERT INTO customer_tags (customer_id, tag_id) VALUES (:c, :t)"),
                  {"c": cust[3], "t": tag})
        c.execute(text("INSERT INTO app_settings (key, value) VALUES ('customer_list_views', "
                       ":v)"), {"v": json.dumps([{"name": "VIP", "filters": {"tag_id": tag},
                                                  "sort": "revenue", "descending": True,
                                                  "columns": []}])})
        c.execute(text("INSERT INTO app_settings (key, value) VALUES ('not_duplicates', :v)"),
                  {"v": json.dumps([[cust[4], cust[5]]])})
        action = c.execute(text("SELECT id FROM plan_actions ORDER BY id")).first()[0]
        key_date = c.execute(text("SELECT id FROM key_dates ORDER BY id")).first()[0]
        event = c.execute(text("SELECT id FROM events ORDER BY id")).first()[0]
        for key in (f"plan_action:{action}", f"keydate:{key_date}:2026",
                    f"event:{event}:{cust[6]}", f"cadence:{cust[7]}", "keydate:999999:2026"):
            c.execute(text("INSERT INTO tasks (title, customer_id, source, source_key, kind, "
                           "priority, version) VALUES (:t, :c, 'manual', :k, 'task', 2, 1)"),
                      {"t": key, "c": cust[7], "k": key})
        c.execute(text("INSERT INTO import_batches (started_at, file_name, kind, inserted, "
                       "updated) VALUES ('2026-11-01 10:00:00', 'a.xlsx', 'customers', 1, 1)"))
        batch = c.execute(text("SELECT max(id) FROM import_batches")).scalar_one()
        c.execute(text("INSERT INTO import_batch_rows (batch_id, table_name, row_id, action, "
                       "before_json) VALUES (:b, 'people', :p, 'update', :j)"),
                  {"b": batch, "p": people[2][0],
                   "j": json.dumps({"customer_id": people[2][1], "title": "经理"})})
        ghost = max(cust) + 1000
        for row in (
            ("customers", cust[8], cust[8], "update", "name", "旧名", "新名", None),
            ("people", people[3][0], people[3][1], "update", "customer_id",
             str(cust[9]), str(people[3][1]), batch),
            ("customers", ghost, ghost, "delete", None,
             json.dumps({"code": "X1", "name": "已删除"}), None, None),
        ):
            c.execute(text("INSERT INTO change_history (changed_at, actor, table_name, row_id, "
                           "customer_id, action, field, old_value, new_value, batch_id) "
                           "VALUES ('2026-11-02 09:00:00', 'me', :t, :r, :c, :a, :f, :o, :n, "
                           ":b)"), dict(zip("trcafonb", row, strict=True)))
        code = c.execute(text("SELECT code FROM customers WHERE id = :i"),
                         {"i": cust[3]}).scalar_one()
    src = tmp_path / "scan.pdf"
    src.write_bytes(DOC_BYTES)
    changes = attach_file(store_for_database(db.location), db.write, src, customer_id=cust[3])
    assert changes is not None
    return {"tagged_code": code, "document_name": "scan.pdf"}


def _ranks(engine: Engine) -> dict[str, dict[int, int]]:
    """Per table with its own id: id -> its rank (1, 2, …) in id order. A move keeps the
    order of rows, so the rank is the row's natural key on both sides."""
    out: dict[str, dict[int, int]] = {}
    with engine.connect() as c:
        for plan in transfer_tables():
            if plan.mapped:
                ids = c.execute(select(plan.table.c.id).order_by(plan.table.c.id)).scalars()
                out[plan.name] = {i: n for n, i in enumerate(ids, 1)}
    return out


def canonical_dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows with every id (own, foreign, polymorphic) replaced by the
    referred row's rank; JSON settings parsed; rows sorted."""
    ranks = _ranks(engine)
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as c:
        for plan in transfer_tables():
            rows = []
            for raw in c.execute(select(plan.table)).mappings():
                row = dict(raw)
                if plan.name == "app_settings":
                    if row["key"] in SKIPPED_SETTINGS or row["key"] == DONE_KEY:
                        continue
                    row["value"] = json.loads(map_setting(ranks, row["key"], row["value"]))
                if plan.name == "change_history":
                    row = map_history(ranks, row)
                if plan.name == "import_batch_rows":
                    row = map_batch_row(ranks, row)
                if plan.name == "tasks":
                    row["source_key"] = map_source_key(ranks, row["source_key"])
                for column, ref in {**plan.references,
                                    **{d: plan.name for d in plan.deferred
                                       if d != "source_key"}}.items():
                    if row[column] is not None:
                        row[column] = ranks[ref][row[column]]
                if plan.mapped:
                    row["id"] = ranks[plan.name][row["id"]]
                rows.append(tuple(sorted((k, repr(v)) for k, v in row.items())))
            out[plan.name] = sorted(rows)
    return out


def create_schema_on_pg(url: str) -> None:
    """The book's schema at head on an empty PostgreSQL database, the way a fresh book
    gets it (:func:`kamdesk.store.migrate.ensure_schema`: tables, search objects, the
    head stamp, under the schema lock)."""
    from pathlib import Path

    from kamdesk.store.migrate import ensure_schema

    engine = create_engine(url)
    try:
        ensure_schema(engine, Path("."))
    finally:
        engine.dispose()
