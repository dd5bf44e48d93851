"""The first few tasks of each day and kind of a range, and every day's count, in SQL.

A 100k-customer book has thousands of tasks on a busy day; a month cell shows a
handful and says "+N more". With an index on ``tasks (kind, due_at)`` each (day, kind)
is one short index seek for its first rows and one count over index entries alone, so
a six-week page costs a few milliseconds however crowded its days are, instead of
numbering every task of the range with a window function (~150 ms for the 50k tasks
of a busy 100k-book month).

Tasks generated from key dates and contracts are not listed as tasks (the key date or
renewal entry stands for them); they are few, found through the unique index on
``source_key`` and taken off the counts.

Books without that index (before the migration that adds it, or another database than
SQLite) get ``None`` and the caller reads the range the older way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, text

from kamdesk.store.queries.key_dates import DayCap
from kamdesk.store.queries.sql_values import as_date, sql_timestamp

#: the leading columns of the index the per-day seeks need
DAY_INDEX_COLUMNS = ("kind", "due_at")
#: the sources of generated tasks (``calendar_entries.GENERATED_SOURCES``), as SQL
GENERATED = "('key_date', 'contract')"
#: "every row" for the selected day read without a limit
_NO_LIMIT = 1 << 30


def has_day_index(conn: Connection) -> bool:
    """Whether ``tasks`` has an index leading with (kind, due_at)."""
    if conn.dialect.name != "sqlite":
        return False
    for row in conn.exec_driver_sql("PRAGMA index_list(tasks)").all():
        name = str(row[1]).replace("'", "''")
        cols = [r[2] for r in conn.exec_driver_sql(f"PRAGMA index_info('{name}')").all()]
        if tuple(cols[:len(DAY_INDEX_COLUMNS)]) == DAY_INDEX_COLUMNS:
            return True
    return False


def _slots(days: Sequence[dt.date], kinds: Sequence[str]) -> tuple[str, dict[str, object]]:
    """A ``VALUES`` table of (day, from, to, kind) and its parameters."""
    rows: list[str] = []
    params: dict[str, object] = {}
    for i, day in enumerate(days):
        params[f"d{i}"] = day.isoformat()
        params[f"lo{i}"] = sql_timestamp(dt.datetime.combine(day, dt.time(0)))
        params[f"hi{i}"] = sql_timestamp(dt.datetime.combine(day + dt.timedelta(days=1),
                                                             dt.time(0)))
        rows += [f"(:d{i}, :lo{i}, :hi{i}, :k{j})" for j in range(len(kinds))]
    for j, kind in enumerate(kinds):
        params[f"k{j}"] = kind
    return "WITH slot(day, lo, hi, kind) AS (VALUES " + ", ".join(rows) + ") ", params


def _first_ids(conn: Connection, days: Sequence[dt.date], kinds: Sequence[str],
               limit: int) -> list[int]:
    if not days:
        return []
    slots, params = _slots(days, kinds)
    sql = (slots + "SELECT t.id FROM slot JOIN tasks t ON t.id IN ("
           "SELECT x.id FROM tasks x WHERE x.kind = slot.kind AND x.due_at >= slot.lo "
           f"AND x.due_at < slot.hi AND (x.source NOT IN {GENERATED} OR x.source_key IS NULL) "
           "ORDER BY x.due_at, x.id LIMIT :limit)")
    return [int(r[0]) for r in conn.execute(text(sql), {**params, "limit": limit})]


def first_task_ids(conn: Connection, start: dt.date, end: dt.date, kinds: Sequence[str],
                   cap: DayCap) -> list[int] | None:
    """Ids of the first ``cap.limit`` tasks (by due time, then id) of each day and kind
    in ``[start, end]`` (the ``cap.full_day`` to its own limit), generated ones left
    out; each day's full count goes to ``cap``. None without the index (see above)."""
    assert cap.limit is not None
    if not kinds or end < start or not has_day_index(conn):
        return None
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    slots, params = _slots(days, kinds)
    counts: dict[dt.date, int] = {}
    for day, n in conn.execute(text(
            slots + "SELECT slot.day, (SELECT count(*) FROM tasks x WHERE x.kind = slot.kind "
            "AND x.due_at >= slot.lo AND x.due_at < slot.hi) FROM slot"), params):
        key = as_date(day)
        assert key is not None
        counts[key] = counts.get(key, 0) + int(n)
    # The generated ones: through the unique index on source_key (every text value is
    # >= ''), with the range tested on the rows alone (the unary + keeps the planner off
    # the (kind, due_at) index, which would visit every task of the range).
    kind_params = {f"k{j}": k for j, k in enumerate(kinds)}
    kinds_sql = ", ".join(f":k{j}" for j in range(len(kinds)))
    for (due,) in conn.execute(text(
            f"SELECT due_at FROM tasks WHERE source_key >= '' AND source IN {GENERATED}"
            f" AND +kind IN ({kinds_sql}) AND +due_at >= :lo AND +due_at < :hi"),
            {**kind_params, "lo": params["lo0"], "hi": params[f"hi{len(days) - 1}"]}):
        key = as_date(due)
        if key is not None and key in counts:
            counts[key] -= 1
    for day in days:
        if counts.get(day):
            cap.add_total(day, counts[day])
    wide = cap.full_day if cap.full_day is not None and start <= cap.full_day <= end else None
    ids = _first_ids(conn, [d for d in days if d != wide], kinds, cap.limit)
    if wide is not None:
        ids += _first_ids(conn, [wide], kinds,
                          cap.full_limit if cap.full_limit is not None else _NO_LIMIT)
    return ids
