"""Follows and notifications: what a member keeps an eye on, and what happened there."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db

if TYPE_CHECKING:
    from idealaari.accounts.models import User
    from idealaari.ideas.models import Idea


class FollowTarget(enum.StrEnum):
    IDEA = "idea"
    ORGANISATION = "organisation"
    THEME = "theme"


class Follow(db.Model):
    """A member follows an idea, an organisation or a theme."""

    __tablename__ = "follows"
    __table_args__ = (
        UniqueConstraint("user_id", "target", "target_id"),
        Index("ix_follows_target_target_id", "target", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    target: Mapped[FollowTarget] = mapped_column(str_enum(FollowTarget))
    target_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class NotificationKind(enum.StrEnum):
    COMMENT = "comment"
    REPLY = "reply"
    PARTNER_OFFER = "partner_offer"
    OFFER_ANSWER = "offer_answer"
    PHASE_CHANGE = "phase_change"
    NEW_IDEA_IN_THEME = "new_idea_in_theme"
    NEW_IDEA_IN_ORGANISATION = "new_idea_in_organisation"
    POLL_RESULT = "poll_result"


class Notification(db.Model):
    """Something a member should know about; read in the app, and mailed at once or in a digest."""

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user_id_read_at", "user_id", "read_at"),
        Index("ix_notifications_user_id_digested_at", "user_id", "digested_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind] = mapped_column(str_enum(NotificationKind, length=30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    idea_id: Mapped[int | None] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), index=True
    )
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id", ondelete="SET NULL"))
    offer_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner_offers.id", ondelete="SET NULL")
    )
    poll_id: Mapped[int | None] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set when the notification went out by e-mail, at once or in a digest; never mailed twice.
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    digested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    idea: Mapped[Idea | None] = relationship()
