"""Moved to :mod:`kamdesk.store.queries.customers`; shim until the merge."""

from kamdesk.store.queries.customers import (  # noqa: F401
    SORT_COLUMNS,
    CustomerQuery,
    CustomerRow,
    count,
    distinct_values,
    fetch_page,
)
