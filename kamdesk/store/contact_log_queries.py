"""Moved to :mod:`kamdesk.store.queries.contact_log`; shim until the merge."""
from kamdesk.store.queries.contact_log import (  # noqa: F401
    CustomerChoice, CustomerHit, LogQuery, LogRow, PersonChoice, count, customer_choice,
    fetch_one, fetch_page, find_customers, owners, people_to_involve,
)
