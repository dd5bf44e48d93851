"""User settings that belong with the data (thresholds, cadences), as JSON values.

Window geometry and UI language live in QSettings instead: they belong to the
machine, not to the book of business.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kamdesk.store.models.base import Base


class AppSetting(Base):
    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
