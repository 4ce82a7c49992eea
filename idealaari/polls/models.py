"""Theme polls (teemaäänestys): members vote on, and propose, the themes of the next meeting."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db

if TYPE_CHECKING:
    from idealaari.accounts.models import User


class PollPhase(enum.StrEnum):
    PROPOSALS = "proposals"  # members propose options; voting not yet open
    UPCOMING = "upcoming"  # proposals closed, voting not yet open
    OPEN = "open"
    CLOSED = "closed"


class OptionStatus(enum.StrEnum):
    ACCEPTED = "accepted"
    PROPOSED = "proposed"
    REJECTED = "rejected"


class Poll(db.Model):
    __tablename__ = "polls"

    id: Mapped[int] = mapped_column(primary_key=True)
    question: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    # Members may propose options until this time (None: no proposal phase).
    proposals_close_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Set once the result notifications went out (idempotent announcement).
    results_announced_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    created_by: Mapped[User | None] = relationship()
    options: Mapped[list[PollOption]] = relationship(
        back_populates="poll", cascade="all, delete-orphan", order_by="PollOption.position"
    )

    def phase(self, now: datetime) -> PollPhase:
        """The poll's phase at `now` (a pure function of the timeline)."""
        if now >= self.closes_at:
            return PollPhase.CLOSED
        if now >= self.opens_at:
            return PollPhase.OPEN
        if self.proposals_close_at is not None and now < self.proposals_close_at:
            return PollPhase.PROPOSALS
        return PollPhase.UPCOMING


class PollOption(db.Model):
    __tablename__ = "poll_options"

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[OptionStatus] = mapped_column(
        str_enum(OptionStatus), default=OptionStatus.ACCEPTED
    )
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    poll: Mapped[Poll] = relationship(back_populates="options")
    proposed_by: Mapped[User | None] = relationship()


class PollVote(db.Model):
    """One vote per member and poll; changing it moves it to another option."""

    __tablename__ = "poll_votes"
    __table_args__ = (UniqueConstraint("poll_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    option_id: Mapped[int] = mapped_column(
        ForeignKey("poll_options.id", ondelete="CASCADE"), index=True
    )
    # NULL once the voter deleted their account: the vote still counts, linked to nobody.
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
