"""Moved to :mod:`kamdesk.store.queries.kpis`; shim until the merge."""

from kamdesk.store.queries.kpis import WINDOW_DAYS, kpi_inputs, kpi_report  # noqa: F401
