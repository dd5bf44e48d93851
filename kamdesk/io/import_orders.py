"""Importing an orders sheet (订单/销售明细) from CSV or XLSX.

Each row is one order (or a return): the customer by code — or, when the sheet has no
code column, by its exact name; a name that matches no customer or several is a row
error, never a guess — the date, product line, quantity, amount, invoice number. The
amount's unit comes from its heading: 金额(元), 金额（万元）, 销售额/万元, Amount (CNY);
a heading without a unit means yuan.

The same rules as the other tables (:mod:`kamdesk.io.import_tables`): all or nothing
by default, the good rows with ``skip_invalid``; every bad row is reported with its
line in the file and the column *as the file heads it*.

Importing the same sheet twice adds nothing the second time: a row is the same order
as one already in the book when customer, date, amount and invoice number (or, without
one, product line) agree (:func:`kamdesk.store.queries.orders.order_identity`). Rows
are matched as a multiset, so two identical rows in one sheet are two orders, and
re-importing that sheet still adds none.

Only reading and checking happen here; the rows are written by
:func:`kamdesk.store.ops.orders.add_orders`.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from kamdesk.domain.input_limits import MAX_COUNT
from kamdesk.domain.money import FEN_PER_YUAN, money_from_number, parse_money, unit_from_header
from kamdesk.io.import_rows import (
    ImportReport,
    RowProblem,
    cell_getter,
    find_columns,
    reason_of,
)
from kamdesk.io.sheets.columns import AMOUNT_NAMES, ORDER_COLUMNS
from kamdesk.io.tabular import Table, parse_day
from kamdesk.store.errors import ValidationError
from kamdesk.store.ops.orders import NewOrder, add_orders, stored_amount, validate_order
from kamdesk.store.queries.orders import (
    CustomerRef,
    customer_refs,
    existing_order_keys,
    order_identity,
)

__all__ = ["AMOUNT_NAMES", "ORDER_COLUMNS", "amount_column", "import_orders", "kind_code",
           "orders_score"]

KIND_WORDS = {"订单": "order", "销售": "order", "order": "order", "sale": "order",
              "退货": "return", "退款": "return", "红字": "return", "红冲": "return",
              "冲销": "return", "return": "return", "credit": "return",
              "creditnote": "return"}

#: the field a ValidationError names -> the sheet's column it came from
_COLUMN_OF = {"occurred_on": "date", "amount_cents": "amount"}


def amount_column(table: Table) -> tuple[int, int] | None:
    """(column index, fen per unit) of the amount column, or None. A heading with a
    unit we do not read (美元) is not an amount column."""
    chosen = table.mapping
    if chosen is not None and chosen.kind == "orders" and "amount" in chosen.columns:
        index = chosen.columns["amount"]
        unit = unit_from_header(f"金额({chosen.units.get(index, '元')})")[1]
        return index, unit or FEN_PER_YUAN
    for i, heading in enumerate(table.headers):
        name, unit = unit_from_header(heading)
        if name in AMOUNT_NAMES:
            return i, unit or FEN_PER_YUAN
    return None


def orders_score(table: Table) -> int:
    """How many order columns the sheet has; 0 unless it has what an order needs (an
    amount, a date and a customer), so another kind's sheet is never taken for one."""
    cols = find_columns(table, ORDER_COLUMNS)
    if amount_column(table) is None or "date" not in cols or not (
            "code" in cols or "customer" in cols):
        return 0
    return len(cols) + 1


def kind_code(word: str) -> str | None:
    w = word.strip().lower().replace(" ", "")
    if not w:
        return "order"
    for needle, code in KIND_WORDS.items():
        if needle in w:
            return code
    return None


class _Customers:
    """Finding a row's customer: by code, or by exact name when there is no code."""

    def __init__(self, refs: list[CustomerRef]) -> None:
        self.by_code = {r.code: r for r in refs}
        self.by_name: dict[str, list[CustomerRef]] = defaultdict(list)
        for r in refs:
            self.by_name[r.name.strip()].append(r)


def _amount(cell: object, unit_fen: int) -> int | None:
    if isinstance(cell, (int, float, Decimal)) and not isinstance(cell, bool):
        return money_from_number(cell, unit_fen=unit_fen, allow_negative=True)
    return parse_money(str(cell or ""), unit_fen=unit_fen, allow_negative=True)


def _quantity(text: str) -> int | None:
    if not text:
        return None
    value = Decimal(text.replace(",", ""))
    if value != value.to_integral_value() or not -MAX_COUNT <= value <= MAX_COUNT:
        raise ValueError(text)  # before int(): int("1e999999") takes minutes
    return int(value)


def import_orders(session: Session, table: Table, *, skip_invalid: bool, today: date,
                  dry_run: bool = False) -> ImportReport:
    report = ImportReport("orders", total_rows=len(table.rows))
    cols = find_columns(table, ORDER_COLUMNS)
    amount = amount_column(table)
    report.missing_columns = [name for name, ok in (
        ("customer", "code" in cols or "customer" in cols), ("date", "date" in cols),
        ("amount", amount is not None)) if not ok]
    if report.missing_columns or amount is None:
        return report
    amount_index, unit_fen = amount
    heading = {name: table.headers[i] for name, i in cols.items()}
    heading["amount"] = table.headers[amount_index]
    get = cell_getter(cols)
    customers = _Customers(customer_refs(session.connection()))
    good: list[NewOrder] = []
    for line, cells in table.rows:
        problems: list[RowProblem] = []

        def problem(column: str, code: str, value: str = "",
                    _line: int = line, _problems: list[RowProblem] = problems) -> None:
            _problems.append(RowProblem(_line, heading.get(column, column), code, value))

        customer_id = _customer_of(customers, get, cells, "code" in cols, problem)
        occurred_on = None
        try:
            occurred_on = parse_day(get(cells, "date"))
            if occurred_on is None:
                problem("date", "required")
        except ValueError as exc:
            problem("date", reason_of(exc, "invalid_date"), get(cells, "date"))
        kind = kind_code(get(cells, "kind"))
        if kind is None:
            problem("kind", "invalid_choice", get(cells, "kind"))
        cell = cells[amount_index] if amount_index < len(cells) else None
        cents = None
        try:
            cents = _amount(cell, unit_fen)
            if cents is None:
                problem("amount", "required")
            elif cents < 0 and kind == "return":
                cents = -cents  # a return may be written either way; it is stored negative
        except ValueError:
            problem("amount", "invalid_number", str(cell))
        quantity = None
        try:
            quantity = _quantity(get(cells, "quantity"))
        except (ValueError, ArithmeticError):
            problem("quantity", "invalid_number", get(cells, "quantity"))
        if not problems:
            row = NewOrder(customer_id, occurred_on, cents,  # type: ignore[arg-type]
                           get(cells, "notes") or None, get(cells, "product_line") or None,
                           quantity, get(cells, "invoice_no") or None, kind or "order",
                           get(cells, "order_no") or None)
            try:  # the rules every order obeys
                validate_order(customer_id=row.customer_id, occurred_on=row.occurred_on,
                               amount_cents=row.amount_cents, kind=row.kind,
                               quantity=row.quantity, today=today,
                               product_line=row.product_line, invoice_no=row.invoice_no,
                               order_no=row.order_no)
            except ValidationError as exc:
                problem(_COLUMN_OF.get(exc.field, exc.field), exc.code)
        if problems:
            report.problems.extend(problems)
            continue
        good.append(row)
    new = _not_yet_in_book(session, good, report)
    report.created = len(new)
    if (report.problems and not skip_invalid) or dry_run:
        return report
    report.changes = add_orders(session, new, today)
    report.touched_customers.update(o.customer_id for o in new)
    report.written = True
    return report


def _customer_of(customers: _Customers, get, cells: list[object], by_code: bool,  # type: ignore[no-untyped-def]
                 problem) -> int | None:  # type: ignore[no-untyped-def]
    """The row's customer id, or None after reporting why there is none."""
    if by_code:
        code = get(cells, "code")
        ref = customers.by_code.get(code)
        if not code:
            problem("code", "required")
            return None
        if ref is None:
            problem("code", "unknown_customer", code)
            return None
        column = "code"
    else:
        name = get(cells, "customer")
        matches = customers.by_name.get(name, [])
        if not name:
            problem("customer", "required")
            return None
        if not matches:
            problem("customer", "unknown_customer", name)
            return None
        if len(matches) > 1:
            problem("customer", "ambiguous_customer", name)
            return None
        ref, column = matches[0], "customer"
    if ref.status == "archived":
        problem(column, "customer_archived", ref.code)
        return None
    return ref.id


def _not_yet_in_book(session: Session, rows: list[NewOrder], report: ImportReport
                     ) -> list[NewOrder]:
    """The rows that are not already orders of the book (counted in ``unchanged``)."""
    known = existing_order_keys(session.connection(), {o.customer_id for o in rows})
    new: list[NewOrder] = []
    for o in rows:
        key = order_identity(o.customer_id, o.occurred_on, stored_amount(o.kind, o.amount_cents),
                             o.invoice_no, o.product_line)
        if known[key] > 0:
            known[key] -= 1
            report.unchanged += 1
        else:
            new.append(o)
    return new
