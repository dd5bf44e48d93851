"""What moving a book to another database must copy, in which order, and which of its
values name rows by id (so they must be rewritten through the id map).

The target assigns its own ids: a team database already holds colleagues' rows (and
with row-level security the person moving a book may not even see them), so no source
id is assumed free there. Every value that names a row by id is therefore rewritten:

- real foreign keys, read from the models (``Base.metadata``), so a new table or column
  is covered without touching this list;
- references that are not foreign keys (the *polymorphic* ones, listed here because
  the schema cannot say them):

  ===========================  ==========================================================
  ``change_history``           ``row_id`` (a row of ``table_name``), ``customer_id``,
                               ``batch_id`` (import_batches); ``old_value``/``new_value``
                               when ``field`` is a foreign key of ``table_name``, and the
                               foreign keys inside a whole row's JSON (insert/delete)
  ``import_batch_rows``        ``row_id`` (a row of ``table_name``); the foreign keys in
                               ``before_json``
  ``tasks.source_key``         ``keydate:{key_date}:{year}``, ``coop:{customer}:{year}``,
                               ``founded:{customer}:{year}``, ``renewal:{contract}:{year}``,
                               ``cadence:{customer}``, ``complaint:{complaint}``,
                               ``complaint_response:{complaint}``,
                               ``plan_action:{plan action}``,
                               ``event:{event}:{customer}``
  ``app_settings``             ``not_duplicates`` (pairs of customer ids),
                               ``computed_tiers`` (keyed by customer id),
                               ``customer_list_views`` (a view's ``tag_id`` filter)
  ===========================  ==========================================================

A reference to a row that no longer exists in the source (the history of a deleted
customer) cannot be mapped; it becomes the *ghost* id ``-source_id``: negative ids are
never assigned, so such history never attaches itself to another (a colleague's) row.

Columns that refer to their own table (``people.reports_to_id``,
``contracts.previous_contract_id``) and ``tasks.source_key`` (whose plan actions are
copied after the tasks) are *deferred*: written empty, filled in once every table is in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table

from kamdesk.store.models import Base

__all__ = ["SETTINGS_WITH_IDS", "SKIPPED_SETTINGS", "TablePlan", "IdMap",
           "fk_columns", "mapped_id", "map_history", "map_batch_row", "map_setting",
           "map_source_key", "transfer_tables"]

#: table -> {source id: target id}
IdMap = Mapping[str, Mapping[int, int]]

#: copied separately (the documents' bytes, see :mod:`.documents`)
SEPARATE = frozenset({"document_contents"})
#: app_settings keys the target keeps its own of: stamps of its own rebuilds
#: app_settings keys never copied: the engine's own index stamp, and the record of moves
#: into the source book (the target keeps the record of its own)
SKIPPED_SETTINGS = frozenset({"search_index_version", "book_transfer"})
#: app_settings keys whose values name rows by id
SETTINGS_WITH_IDS = frozenset({"not_duplicates", "computed_tiers", "customer_list_views"})
#: (table, column) written empty and filled once every table is copied
DEFERRED_EXTRA = {("tasks", "source_key")}

#: source_key prefix -> the tables its id parts name, in order
SOURCE_KEY_PARTS: dict[str, tuple[str, ...]] = {
    "keydate": ("key_dates",), "coop": ("customers",), "founded": ("customers",),
    "renewal": ("contracts",), "cadence": ("customers",), "complaint": ("complaints",),
    "complaint_response": ("complaints",), "plan_action": ("plan_actions",),
    "event": ("events", "customers"),
}


@dataclass(frozen=True)
class TablePlan:
    table: Table
    #: the table has one integer primary key ``id`` the target assigns
    mapped: bool
    #: column -> referred table, for every foreign key written at once
    references: dict[str, str]
    #: columns written empty first and filled in at the end (see the module's note)
    deferred: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def key(self) -> list[str]:
        return [c.name for c in self.table.primary_key.columns]


def fk_columns(table_name: str) -> dict[str, str]:
    """Column -> referred table for every foreign key of ``table_name`` ({} if unknown)."""
    table = Base.metadata.tables.get(table_name)
    if table is None:
        return {}
    return {fk.parent.name: fk.column.table.name for fk in table.foreign_keys}


def transfer_tables() -> list[TablePlan]:
    """Every table to copy, referred tables first."""
    plans = []
    for table in Base.metadata.sorted_tables:
        if table.name in SEPARATE:
            continue
        pk = list(table.primary_key.columns)
        mapped = len(pk) == 1 and pk[0].name == "id" and not pk[0].foreign_keys
        refs = fk_columns(table.name)
        deferred = sorted({col for col, ref in refs.items() if ref == table.name}
                          | {col for t, col in DEFERRED_EXTRA if t == table.name})
        plans.append(TablePlan(table, mapped,
                               {c: r for c, r in refs.items() if c not in deferred},
                               tuple(deferred)))
    return plans


def mapped_id(ids: IdMap, table: str, value: Any) -> Any:
    """``value`` (an id, as int or text) through the map of ``table``; the ghost id for a
    row the source no longer has; anything else unchanged."""
    if value is None or table not in ids:
        return value
    try:
        source = int(value)
    except (TypeError, ValueError):
        return value
    target = ids[table].get(source)
    if target is None:
        target = -abs(source)
    return str(target) if isinstance(value, str) else target


def map_source_key(ids: IdMap, key: str | None) -> str | None:
    """A generated task's ``source_key`` with its ids rewritten (years kept)."""
    if key is None:
        return None
    prefix, sep, rest = key.partition(":")
    tables = SOURCE_KEY_PARTS.get(prefix)
    if not sep or tables is None:
        return key
    parts = rest.split(":")
    for i, table in enumerate(tables[:len(parts)]):
        parts[i] = str(mapped_id(ids, table, parts[i]))
    return f"{prefix}:{':'.join(parts)}"


def _map_row_json(ids: IdMap, table_name: str, text: str | None) -> str | None:
    """A JSON object of a row's values with its foreign keys rewritten."""
    if not text:
        return text
    try:
        values = json.loads(text)
    except ValueError:
        return text
    if not isinstance(values, dict):
        return text
    refs = fk_columns(table_name)
    for column, ref in refs.items():
        if column in values:
            values[column] = mapped_id(ids, ref, values[column])
    if "id" in values:
        values["id"] = mapped_id(ids, table_name, values["id"])
    return json.dumps(values, ensure_ascii=False)


def map_history(ids: IdMap, row: dict[str, Any]) -> dict[str, Any]:
    """A change_history row with every id it holds rewritten."""
    out = dict(row)
    table_name = row["table_name"]
    out["row_id"] = mapped_id(ids, table_name, row["row_id"])
    out["customer_id"] = mapped_id(ids, "customers", row["customer_id"])
    out["batch_id"] = mapped_id(ids, "import_batches", row["batch_id"])
    field = row["field"]
    if field is None:
        out["old_value"] = _map_row_json(ids, table_name, row["old_value"])
        out["new_value"] = _map_row_json(ids, table_name, row["new_value"])
    else:
        ref = fk_columns(table_name).get(field)
        if ref is not None:
            out["old_value"] = mapped_id(ids, ref, row["old_value"])
            out["new_value"] = mapped_id(ids, ref, row["new_value"])
    return out


def map_batch_row(ids: IdMap, row: dict[str, Any]) -> dict[str, Any]:
    """An import_batch_rows row with its row id and the ids in ``before_json`` rewritten."""
    out = dict(row)
    out["row_id"] = mapped_id(ids, row["table_name"], row["row_id"])
    out["before_json"] = _map_row_json(ids, row["table_name"], row["before_json"])
    return out


def _map_not_duplicates(ids: IdMap, value: Any) -> Any:
    if not isinstance(value, list):
        return value
    return [[mapped_id(ids, "customers", i) for i in pair] if isinstance(pair, list) else pair
            for pair in value]


def _map_computed_tiers(ids: IdMap, value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {str(mapped_id(ids, "customers", k)): v for k, v in value.items()}


def _map_views(ids: IdMap, value: Any) -> Any:
    if not isinstance(value, list):
        return value
    out = []
    for view in value:
        if isinstance(view, dict) and isinstance(view.get("filters"), dict) \
                and "tag_id" in view["filters"]:
            view = {**view, "filters": {**view["filters"],
                                        "tag_id": mapped_id(ids, "tags",
                                                            view["filters"]["tag_id"])}}
        out.append(view)
    return out


_SETTING_MAPPERS: dict[str, Callable[[IdMap, Any], Any]] = {
    "not_duplicates": _map_not_duplicates,
    "computed_tiers": _map_computed_tiers,
    "customer_list_views": _map_views,
}


def map_setting(ids: IdMap, key: str, text: str) -> str:
    """An app_settings value (JSON text) with the ids it holds rewritten."""
    mapper = _SETTING_MAPPERS.get(key)
    if mapper is None:
        return text
    try:
        value = json.loads(text)
    except ValueError:
        return text
    return json.dumps(mapper(ids, value), ensure_ascii=False)

