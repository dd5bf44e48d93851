"""Declarative base and the column conventions every table shares.

Money is always an integer count of minor units (fen/cents) in a BIGINT: exact,
portable to PostgreSQL, and cheap to SUM. Datetimes are naive local wall-clock
times, because the user lives in one place and reminders are about their clock.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, DateTime, Integer, MetaData, func, text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Stable constraint names make batch migrations (table rebuilds) predictable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Money = BigInteger


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(
        DateTime, default=datetime.now, server_default=func.current_timestamp()
    )
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=datetime.now, onupdate=datetime.now,
        server_default=func.current_timestamp(),
    )


class Versioned:
    """A record people edit: ``version`` counts its saves (migration 0014), so a save
    made from a stale read can be detected instead of overwriting someone's change.

    SQLAlchemy's optimistic concurrency does the ORM side: every UPDATE and DELETE of a
    loaded object says ``WHERE version = :read`` and sets ``version + 1``; a row changed
    underneath raises ``StaleDataError`` (turned into
    :class:`kamdesk.store.errors.ConflictError` by :mod:`kamdesk.store.ops.versions`).
    Core statements bump it themselves (:func:`kamdesk.store.ops.versions.bumped`)."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1,
                                         server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declarative hook
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
