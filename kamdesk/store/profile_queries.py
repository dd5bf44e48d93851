"""Moved to :mod:`kamdesk.store.queries.profile`; shim until the merge."""

from kamdesk.store.queries.profile import (  # noqa: F401
    ProfileHeader, CustomerOverview, PersonRow, InteractionRow, OrderRow, OrderSummary,
    YearTotal, ContractRow, TaskRow, TierChangeRow, KeyDateRow, header, overview, people,
    person, interactions, orders, contracts, tasks, tier_history, key_dates, birthday_of,
    decode_reasons, open_task_count,
)
