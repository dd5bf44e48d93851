"""Moved to :mod:`kamdesk.store.ops.key_dates`; shim until the merge."""

from kamdesk.store.ops.key_dates import Birthday, clear_birthday, set_birthday  # noqa: F401
