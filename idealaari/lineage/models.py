"""Adoption lineage: which idea an idea continues, which organisations adopted it, and the
organisations' official responses to it (the spread of good practice, as in Innokylä)."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Phase

if TYPE_CHECKING:
    from idealaari.accounts.models import User
    from idealaari.ideas.models import Idea
    from idealaari.organisations.models import Organisation


class IdeaDerivation(db.Model):
    """An idea continues an earlier one ("tämä jatkaa ideaa …"); at most one source per idea."""

    __tablename__ = "idea_derivations"

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), unique=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # When the source's author heard of it: once the continuing idea is public, and only once.
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    idea: Mapped[Idea] = relationship(foreign_keys=[idea_id])
    source: Mapped[Idea] = relationship(foreign_keys=[source_id])
    created_by: Mapped[User | None] = relationship()


class Adoption(db.Model):
    """An organisation took the idea into use: when, how far, and what shows it."""

    __tablename__ = "idea_adoptions"
    __table_args__ = (UniqueConstraint("idea_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    adopted_on: Mapped[date] = mapped_column(Date)
    phase: Mapped[Phase] = mapped_column(str_enum(Phase))
    evidence: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    idea: Mapped[Idea] = relationship()
    organisation: Mapped[Organisation] = relationship(lazy="joined")
    recorded_by: Mapped[User | None] = relationship()


class ResponseKind(enum.StrEnum):
    """An organisation's official answer to an idea (Fider's status response, per organisation)."""

    INTERESTED = "interested"
    PILOTING = "piloting"
    ADOPTED = "adopted"
    NOT_NOW = "not_now"

    @property
    def label(self) -> str:
        return str(RESPONSE_LABELS[self])


RESPONSE_LABELS = {
    ResponseKind.INTERESTED: _l("Interested"),
    ResponseKind.PILOTING: _l("Piloting"),
    ResponseKind.ADOPTED: _l("Adopted"),
    ResponseKind.NOT_NOW: _l("Not now"),
}


class OfficialResponse(db.Model):
    """An organisation's current official response to an idea; a new one replaces it."""

    __tablename__ = "official_responses"
    __table_args__ = (UniqueConstraint("idea_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[ResponseKind] = mapped_column(str_enum(ResponseKind))
    statement: Mapped[str] = mapped_column(String(500), default="")
    responded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    idea: Mapped[Idea] = relationship()
    organisation: Mapped[Organisation] = relationship(lazy="joined")
    responded_by: Mapped[User | None] = relationship()
