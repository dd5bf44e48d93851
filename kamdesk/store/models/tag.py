"""Tags (标签): the user's own coloured labels on customers, for filtering and bulk work.

A tag is user text (its name, unique) and a colour code (``#rrggbb``); a customer has
any number of tags through ``customer_tags``. Deleting a tag or a customer removes its
links (ON DELETE CASCADE).
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.domain.tags import TAG_NAME_MAX
from kamdesk.store.models.base import Base


class Tag(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(TAG_NAME_MAX), nullable=False, unique=True)
    colour: Mapped[str] = mapped_column(String(7), nullable=False)


customer_tags = Table(
    "customer_tags",
    Base.metadata,
    Column("customer_id", ForeignKey("customers.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_customer_tags_tag", "tag_id"),
)
