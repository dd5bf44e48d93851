"""Telling a row-security refusal from other database errors.

PostgreSQL refuses a write that would put a row out of the writer's sight (a member
giving an account away, adding a contact to another's customer) with SQLSTATE 42501 and
"new row violates row-level security policy"; the write path turns that into the
validation code ``not_yours``, which the user reads in their language.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

INSUFFICIENT_PRIVILEGE = "42501"


def refused_by_row_security(exc: BaseException) -> bool:
    orig = getattr(exc, "orig", None) or exc
    return (getattr(orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE
            and "row-level security" in str(orig))


@contextmanager
def refusal_as_validation(field: str) -> Iterator[None]:
    """Inside the block, a row-security refusal becomes ``ValidationError(field,
    'not_yours')``; any other database error passes unchanged."""
    from sqlalchemy.exc import DBAPIError

    from kamdesk.store.errors import ValidationError

    try:
        yield
    except DBAPIError as exc:
        if refused_by_row_security(exc):
            raise ValidationError(field, "not_yours") from None
        raise
