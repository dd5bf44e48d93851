"""Importing the method's working tables (表1 customers, 表2 contact log, 表3 events) and
orders sheets (:mod:`kamdesk.io.import_orders`); this module detects the kind and dispatches.

A batch import is all-or-nothing by default: every row is validated first and, if any
row is bad, nothing is written and the report lists each bad row with its line number,
column and reason. With ``skip_invalid`` the good rows are written and the report says
exactly which rows were skipped and why. Either way one transaction does the writing,
so an interruption (full disk, locked file) leaves the database as it was.

Re-importing a customers table updates the customers whose code already exists rather
than duplicating them.

This module only reads files and checks cells: every write goes through the bulk
operations of :mod:`kamdesk.store.ops` (customers, orders, interactions, events), which
keep the same invariants as a customer saved from its form — validation, code
uniqueness, pinyin, the metrics row and the search row.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from kamdesk.domain.customer_match import parse_customer_type
from kamdesk.domain.input_limits import MAX_COUNT, count_in_range
from kamdesk.gc_pause import gc_paused
from kamdesk.io.import_matching import ON_DUPLICATE, customer_fields, write_customers
from kamdesk.io.import_orders import import_orders
from kamdesk.io.import_progress import CancelledFn, ProgressFn, TickingRows, check_cancelled
from kamdesk.io.import_rows import (
    ImportReport,
    RowProblem,
    cell_getter,
    find_columns,
    name_problems,
    reason_of,
    row_reader,
)
from kamdesk.io.sheets.columns import (  # noqa: F401  (the synonym tables, re-exported)
    CONTACT_COLUMNS,
    CUSTOMER_COLUMNS,
    EVENT_COLUMNS,
    KIND_COLUMNS,
    header_name,
)
from kamdesk.io.sheets.mapping import Mapping
from kamdesk.io.sheets.mapping import detect_kind as detect_kind_of_names
from kamdesk.io.sheets.values import CellError, parse_amount
from kamdesk.io.tabular import Table, cell_text, parse_day, parse_moment, read_table
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.bulk import bulk_load
from kamdesk.store.ops.changes import Changes
from kamdesk.store.ops.customers import clean_customer_fields
from kamdesk.store.ops.events import NewEvent, add_events
from kamdesk.store.ops.interactions import NewInteraction, add_interactions, validate_contact
from kamdesk.store.queries.customers import ids_by_code
from kamdesk.store.queries.import_keys import contact_key, held_events, logged_keys
from kamdesk.store.readings_pool import ReadingsInBackground

REQUIRED = {"customers": ("name",), "contacts": ("code", "when", "topic"),
            "events": ("name", "date")}

CHANNEL_WORDS = (
    ("拜访", "visit"), ("上门", "visit"), ("visit", "visit"), ("电话", "phone"),
    ("phone", "phone"), ("call", "phone"), ("邮件", "email"), ("mail", "email"),
    ("微信", "wechat"), ("wechat", "wechat"), ("视频", "video"), ("video", "video"),
    ("会议", "meeting"), ("meeting", "meeting"), ("活动", "event"), ("event", "event"),
)
POTENTIAL_WORDS = {"高": "high", "高潜力": "high", "high": "high", "中": "medium",
                   "中潜力": "medium", "medium": "medium", "低": "low", "低潜力": "low",
                   "low": "low", "中低": "low", "中低潜力": "low"}


def detect_kind(table: Table) -> str | None:
    """customers / contacts / events / orders from the headings (None: cannot tell)."""
    if table.mapping is not None:
        return table.mapping.kind
    return detect_kind_of_names(table.names)


def import_file(conn: Connection | Session, path: str | Path, kind: str | None = None,
                skip_invalid: bool = False, today: date | None = None,
                dry_run: bool = False, mapping: Mapping | None = None,
                on_duplicate: str = "skip", progress: ProgressFn | None = None,
                default_owner: str | None = None,
                cancelled: CancelledFn | None = None) -> ImportReport:
    """Import one table inside the caller's transaction (a Connection or a Session);
    the caller commits. ``report.changes`` says what was written. ``mapping``: the
    columns as the user mapped them (else guessed from the headings); ``on_duplicate``
    (skip | update | create) is what a customers row that looks like another customer
    does (:mod:`kamdesk.io.import_matching`). ``progress(done, total)`` and
    ``cancelled()`` are called every few rows (:mod:`kamdesk.io.import_progress`)."""
    if on_duplicate not in ON_DUPLICATE:
        raise ValidationError("on_duplicate", "invalid_choice", on_duplicate)
    with gc_paused():  # millions of short-lived acyclic objects (kamdesk.gc_pause)
        return _import_file(conn, path, kind, skip_invalid, today, dry_run, mapping,
                            on_duplicate, progress, default_owner, cancelled)


def _import_file(conn: Connection | Session, path: str | Path, kind: str | None,
                 skip_invalid: bool, today: date | None, dry_run: bool,
                 mapping: Mapping | None, on_duplicate: str, progress: ProgressFn | None,
                 default_owner: str | None, cancelled: CancelledFn | None) -> ImportReport:
    table = read_table(path)
    if progress is not None or cancelled is not None:
        table.rows = TickingRows(table.rows, progress, cancelled)
    if mapping is not None:
        table.mapping = mapping
        kind = kind or mapping.kind
    kind = kind or detect_kind(table)
    if kind is None:
        report = ImportReport("unknown", total_rows=len(table.rows))
        report.missing_columns = ["name"]
        return report
    fn: Any = {"customers": import_customers, "contacts": import_contacts,
               "events": import_events, "orders": import_orders}[kind]
    extra: dict[str, Any] = ({"on_duplicate": on_duplicate, "default_owner": default_owner}
                             if kind == "customers" else {})
    if isinstance(conn, Session):
        with bulk_load(conn, write=not dry_run):
            report = fn(conn, table, skip_invalid=skip_invalid, today=today or date.today(),
                        dry_run=dry_run, **extra)
    else:
        # A Session on the caller's connection joins its transaction and leaves the
        # commit to it, so ``with engine.begin() as conn: import_file(conn, …)`` stays
        # one transaction.
        with Session(bind=conn) as session, bulk_load(conn, write=not dry_run):
            report = fn(session, table, skip_invalid=skip_invalid,
                        today=today or date.today(), dry_run=dry_run, **extra)
            session.flush()
    report.problems = name_problems(table, KIND_COLUMNS[kind], report.problems)
    report.skipped_rows = list(table.skipped)
    return report  # type: ignore[no-any-return]


def preview_file(conn: Connection, path: str | Path, today: date | None = None,
                 kind: str | None = None, mapping: Mapping | None = None) -> ImportReport:
    """What importing ``path`` would do (counts, every bad row), writing nothing."""
    return import_file(conn, path, kind, today=today, dry_run=True, mapping=mapping)


def import_table(session: Session, path: str | Path, kind: str | None = None,
                 skip_invalid: bool = False, today: date | None = None,
                 mapping: Mapping | None = None, on_duplicate: str = "skip",
                 now: datetime | None = None, progress: ProgressFn | None = None,
                 cancelled: CancelledFn | None = None,
                 default_owner: str | None = None) -> Changes:
    """The import as one operation for :func:`kamdesk.ui.ops.run_op`: import, record the
    batch (to undo it), then recompute every customer's metrics, in the runner's
    transaction. A file that changes nothing writes nothing. ``value`` is the
    :class:`ImportReport` (``batch_id`` set when something was written)."""
    from kamdesk.store.metrics import recompute_metrics
    from kamdesk.store.ops.import_batches import record_batch

    day = today or date.today()
    started = now or datetime.now().replace(microsecond=0)
    report = import_file(session, path, kind, skip_invalid, day, mapping=mapping,
                         on_duplicate=on_duplicate, progress=progress, cancelled=cancelled,
                         default_owner=default_owner)
    check_cancelled(cancelled)  # ImportCancelled: the runner rolls everything back
    changes = report.changes
    if report.written and (report.batch_rows or report.kind == "orders") and changes:
        recompute_metrics(session.connection(), day)
        changes = changes | Changes.of("customer_metrics") | Changes.of("tier_changes") \
            | Changes.of("app_settings")
    check_cancelled(cancelled)
    if report.batch_rows:
        recorded = record_batch(session, Path(path).name, report.kind, started,
                                report.batch_rows)
        report.batch_id = recorded.value
        changes = changes | recorded
    return changes.with_value(report)


def _missing(cols: dict[str, int], kind: str) -> list[str]:
    return [c for c in REQUIRED[kind] if c not in cols]


# -- customers (表1) ---------------------------------------------------------------
def import_customers(session: Session, table: Table, *, skip_invalid: bool, today: date,
                     dry_run: bool = False, on_duplicate: str = "skip",
                     default_owner: str | None = None) -> ImportReport:
    # The names' pinyin is worked out in a second process while the rows are checked
    # (kamdesk.store.readings_pool: big sheets only); stopped however this ends.
    pool = None if dry_run else ReadingsInBackground(customer_sheet_names(table))
    try:
        return _import_customers(session, table, skip_invalid=skip_invalid, today=today,
                                 dry_run=dry_run, on_duplicate=on_duplicate,
                                 default_owner=default_owner, pool=pool)
    finally:
        if pool is not None:
            pool.close()


def customer_sheet_names(table: Table) -> list[tuple[str, bool]]:
    """(company name, False) and (contact name, True) of every row, as the cells read."""
    cols = find_columns(table, CUSTOMER_COLUMNS)
    out: list[tuple[str, bool]] = []
    for key, person in (("name", False), ("contact", True)):
        i = cols.get(key)
        if i is not None:
            # the plain list's iterator: walking the rows here is not the import's
            # progress (a TickingRows reports and checks cancel as it is iterated)
            out.extend((cell_text(cells[i]), person)
                       for _line, cells in list.__iter__(table.rows) if i < len(cells))
    return out


def _import_customers(session: Session, table: Table, *, skip_invalid: bool, today: date,
                      dry_run: bool, on_duplicate: str, default_owner: str | None,
                      pool: ReadingsInBackground | None) -> ImportReport:
    report = ImportReport("customers", total_rows=len(table.rows))
    cols = find_columns(table, CUSTOMER_COLUMNS)
    report.missing_columns = _missing(cols, "customers")
    if report.missing_columns:
        return report
    read_row = row_reader(cols, CUSTOMER_COLUMNS)
    unit_fen = table.names[cols["contribution"]].unit_fen if "contribution" in cols else None
    if table.mapping is not None and "contribution" in cols:
        unit_fen = header_name(f"x({table.mapping.units.get(cols['contribution'], '')})"
                               ).unit_fen or unit_fen
    existing = ids_by_code(session.connection())
    seen_codes: dict[str, int] = {}
    good: list[dict[str, object]] = []
    # The same few texts recur down a column (types, dates, amounts): read each once.
    type_of = lru_cache(maxsize=4096)(parse_customer_type)
    moment_of = lru_cache(maxsize=4096)(parse_moment)
    day_of = lru_cache(maxsize=4096)(parse_day)
    amount_of = lru_cache(maxsize=16384)(
        lambda text: parse_amount(text, unit_fen=unit_fen, allow_negative=False))
    for line, cells in table.rows:
        cell = read_row(cells)
        row_problems: list[RowProblem] = []
        rec: dict[str, object] = {"line": line}
        name = cell["name"]
        if not name:
            row_problems.append(RowProblem(line, "name", "required"))
        rec["name"] = name
        code = cell["code"]
        if code:
            if code in seen_codes:
                row_problems.append(RowProblem(line, "code", "duplicate", code))
            seen_codes[code] = line
        rec["code"] = code
        start = None
        months_text = cell["months"]
        if cell["cooperation_start"]:
            try:
                start = day_of(cell["cooperation_start"])
            except ValueError as exc:
                row_problems.append(RowProblem(line, "cooperation_start",
                                               reason_of(exc, "invalid_date"),
                                               cell["cooperation_start"]))
        elif months_text:
            try:
                months_ = Decimal(months_text.replace("个月", "").replace("月", ""))
                if not 0 <= months_ <= 1200:  # before int(): int("1e999999") takes minutes
                    raise InvalidOperation
                months = int(months_)
                from kamdesk.domain.calendar_math import add_months

                start = add_months(today, -months)
            except (ArithmeticError, ValueError):  # also "Infinity" (OverflowError)
                row_problems.append(RowProblem(line, "months", "invalid_number", months_text))
        rec["cooperation_start"] = start
        rec["start_from_months"] = start is not None and not cell["cooperation_start"]
        type_text = cell["type"]
        rec["type"] = type_of(type_text) if type_text else None
        if type_text and rec["type"] is None:
            row_problems.append(RowProblem(line, "type", "invalid_choice", type_text))
        contribution = None
        value = cell["contribution"]
        if value:
            try:  # the unit from the heading (年度贡献值（万元）) or the cell (12.5万)
                contribution = amount_of(value)
            except CellError as exc:
                row_problems.append(RowProblem(line, "contribution", exc.code, value))
        rec["contribution"] = contribution
        last = cell["last_interaction"]
        rec["last_interaction"] = None
        if last:
            try:
                moment = moment_of(last)
                if moment and moment.date() > today:
                    row_problems.append(RowProblem(line, "last_interaction", "out_of_range", last))
                rec["last_interaction"] = moment
            except ValueError as exc:
                row_problems.append(RowProblem(line, "last_interaction",
                                               reason_of(exc, "invalid_date"), last))
        potential = cell["potential"]
        rec["potential"] = POTENTIAL_WORDS.get(potential.lower(), None) if potential else None
        if potential and rec["potential"] is None:
            row_problems.append(RowProblem(line, "potential", "invalid_choice", potential))
        for key in ("short_name", "industry", "contact", "phone", "need", "owner", "region"):
            rec[key] = cell[key] or None
        if not row_problems:
            try:  # the rules every stored customer obeys, checked row by row
                rec["cleaned"] = clean_customer_fields(customer_fields(rec), today)
            except ValidationError as exc:
                row_problems.append(RowProblem(line, _COLUMN_OF.get(exc.field, exc.field),
                                               exc.code, exc.detail))
        if row_problems:
            report.problems.extend(row_problems)
        else:
            good.append(rec)
    if (report.problems and not skip_invalid) or dry_run:
        report.created = sum(1 for r in good if r["code"] not in existing)
        report.updated = len(good) - report.created
        return report
    # the worker's readings are waited for only if some row creates a customer (a
    # re-import that changes nothing never waits for it)
    write_customers(session, good, today, report, on_duplicate, default_owner,
                    readings=pool.result if pool is not None else None)
    report.written = True
    return report


#: import column a customer field came from, for reporting a field's problem
_COLUMN_OF = {"explicit_needs": "need", "declared_contribution_cents": "contribution",
              "declared_last_contact_at": "last_interaction", "stated_value_tier": "type",
              "stated_activity": "type"}


# -- contact log (表2) ----------------------------------------------------------------
def channel_code(word: str) -> str | None:
    w = word.strip().lower()
    for needle, code in CHANNEL_WORDS:
        if needle in w:
            return code
    return None


def import_contacts(session: Session, table: Table, *, skip_invalid: bool, today: date,
                    dry_run: bool = False) -> ImportReport:
    report = ImportReport("contacts", total_rows=len(table.rows))
    cols = find_columns(table, CONTACT_COLUMNS)
    report.missing_columns = _missing(cols, "contacts")
    if report.missing_columns:
        return report
    get = cell_getter(cols)
    codes = ids_by_code(session.connection())
    now = datetime.combine(today, datetime.now().time()).replace(microsecond=0)
    good: list[NewInteraction] = []
    for line, cells in table.rows:
        problems = []
        code = get(cells, "code")
        cid = codes.get(code)
        if not code:
            problems.append(RowProblem(line, "code", "required"))
        elif cid is None:
            problems.append(RowProblem(line, "code", "unknown_customer", code))
        when = None
        try:
            when = parse_moment(get(cells, "when"))
            if when is None:
                problems.append(RowProblem(line, "when", "required"))
        except ValueError as exc:
            problems.append(RowProblem(line, "when", reason_of(exc, "invalid_date"),
                                       get(cells, "when")))
        channel = channel_code(get(cells, "channel")) if get(cells, "channel") else "phone"
        if channel is None:
            problems.append(RowProblem(line, "channel", "invalid_choice", get(cells, "channel")))
        topic = get(cells, "topic")
        if not topic:
            problems.append(RowProblem(line, "topic", "required"))
        deadline = None
        if get(cells, "deadline"):
            try:
                deadline = parse_day(get(cells, "deadline"))
            except ValueError as exc:
                problems.append(RowProblem(line, "deadline", reason_of(exc, "invalid_date"),
                                           get(cells, "deadline")))
        if not problems:
            row = NewInteraction(cid, when, channel, topic,  # type: ignore[arg-type]
                                 get(cells, "feedback") or None, get(cells, "issue") or None,
                                 get(cells, "next_action") or None,
                                 get(cells, "owner") or None, deadline)
            try:  # the rules every logged contact obeys
                validate_contact(row, now)
            except ValidationError as exc:
                problems.append(RowProblem(line, _CONTACT_COLUMN_OF.get(exc.field, exc.field),
                                           exc.code))
        if problems:
            report.problems.extend(problems)
            continue
        good.append(row)
    known = logged_keys(session.connection(), {r.customer_id for r in good})
    fresh: list[NewInteraction] = []
    for row in good:
        key = contact_key(row.customer_id, row.occurred_at, row.channel, row.topic)
        if key in known:
            report.unchanged += 1
            continue
        known.add(key)
        fresh.append(row)
    if (report.problems and not skip_invalid) or dry_run:
        report.created = len(fresh)
        return report
    # Only promises still open become tasks; a past deadline in an old sheet is history.
    report.changes = add_interactions(session, fresh, now, open_from=today)
    report.touched_customers.update(r.customer_id for r in fresh)
    report.created = len(fresh)
    report.batch_rows.extend(("interactions", iid, "insert", None)
                             for iid in sorted(report.changes.ids("interactions") or ()))
    report.written = True
    return report


#: import column an interaction field came from, for reporting a field's problem
_CONTACT_COLUMN_OF = {"customer": "code", "occurred_at": "when"}


# -- events (表3) ----------------------------------------------------------------------
_INT = re.compile(r"(\d+)")
_NUM = re.compile(r"(\d+(?:\.\d+)?)")


def _event_kind(name: str) -> str:
    for word, kind in (("沙龙", "salon"), ("培训", "training"), ("答谢", "appreciation"),
                       ("用户日", "user_day"), ("研讨", "webinar"), ("salon", "salon"),
                       ("training", "training")):
        if word in name.lower():
            return kind
    return "other"


def import_events(session: Session, table: Table, *, skip_invalid: bool, today: date,
                  dry_run: bool = False) -> ImportReport:
    report = ImportReport("events", total_rows=len(table.rows))
    cols = find_columns(table, EVENT_COLUMNS)
    report.missing_columns = _missing(cols, "events")
    if report.missing_columns:
        return report
    get = cell_getter(cols)
    good: list[NewEvent] = []
    for line, cells in table.rows:
        problems = []
        name = get(cells, "name")
        if not name:
            problems.append(RowProblem(line, "name", "required"))
        held = None
        try:
            held = parse_day(get(cells, "date"))
            if held is None:
                problems.append(RowProblem(line, "date", "required"))
        except ValueError as exc:
            problems.append(RowProblem(line, "date", reason_of(exc, "invalid_date"),
                                       get(cells, "date")))
        participants = get(cells, "participants")
        # 18 digits at most before int(): a 5,000-digit number exceeds Python's limit
        numbers = [int(x) if len(x) <= 18 else MAX_COUNT + 1 for x in _INT.findall(participants)]
        if not all(count_in_range(n) for n in numbers):
            problems.append(RowProblem(line, "participants", "out_of_range", participants))
        actual = numbers[0] if numbers else None
        target = numbers[1] if len(numbers) > 1 else None
        sat_text = get(cells, "satisfaction")
        satisfaction = None
        if sat_text:
            m = _NUM.search(sat_text)
            if not m or not 1 <= float(m.group(1)) <= 5:
                problems.append(RowProblem(line, "satisfaction", "out_of_range", sat_text))
            else:
                satisfaction = Decimal(m.group(1)).quantize(Decimal("0.1"))
        if problems:
            report.problems.extend(problems)
            continue
        good.append(NewEvent(name, held, _event_kind(name), target, actual,  # type: ignore[arg-type]
                             satisfaction, get(cells, "improvements") or None,
                             get(cells, "follow_up") or None))
    known = held_events(session.connection())
    fresh: list[NewEvent] = []
    for e in good:
        key = (e.name.strip(), e.held_on)
        if key in known:
            report.unchanged += 1
            continue
        known.add(key)
        fresh.append(e)
    if (report.problems and not skip_invalid) or dry_run:
        report.created = len(fresh)
        return report
    report.changes = add_events(session, fresh)
    report.created = len(fresh)
    report.batch_rows.extend(("events", eid, "insert", None)
                             for eid in sorted(report.changes.ids("events") or ()))
    report.written = True
    return report
