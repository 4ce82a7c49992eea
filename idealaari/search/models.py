"""The search outbox: changes to index, written in the same transaction as the change."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from idealaari.dbtypes import UTCDateTime, utcnow
from idealaari.extensions import db


class SearchOutbox(db.Model):
    """One entity whose search document must be rewritten (or removed) from the database."""

    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(String(20), default="idea")
    entity_id: Mapped[int] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
