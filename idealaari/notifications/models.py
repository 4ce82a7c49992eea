"""Follows and notifications: what a member keeps an eye on, and what happened there."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db
from idealaari.targets import TargetKind

if TYPE_CHECKING:
    from idealaari.accounts.models import User
    from idealaari.ideas.models import Idea  # the relationship names it; nothing imports it


class Follow(db.Model):
    """A member follows a target: an idea, an organisation or a theme (see targets.py)."""

    __tablename__ = "follows"
    __table_args__ = (
        UniqueConstraint("user_id", "target", "target_id"),
        Index("ix_follows_target_target_id", "target", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    target: Mapped[TargetKind] = mapped_column(str_enum(TargetKind))
    target_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Notification(db.Model):
    """Something a member should know about; read in the app, and mailed at once or in a digest.

    `idea_id` is kept beside the target: digests group news by idea, and an idea's removal
    removes its notifications.
    """

    __tablename__ = "notifications"
    __table_args__ = (
        Index("ix_notifications_user_id_read_at", "user_id", "read_at"),
        Index("ix_notifications_user_id_digested_at", "user_id", "digested_at"),
        Index("ix_notifications_target_kind_target_id", "target_kind", "target_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # A kind registered by its domain (notifications/registry.py), e.g. "comment".
    kind: Mapped[str] = mapped_column(String(30))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    idea_id: Mapped[int | None] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), index=True
    )
    # What the notification is about; a target that was removed since stays as a dangling id.
    target_kind: Mapped[TargetKind] = mapped_column(str_enum(TargetKind))
    target_id: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Set when the notification went out by e-mail, at once or in a digest; never mailed twice.
    emailed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    digested_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # False when the member switched this kind off in the app but kept it in e-mail: the row
    # only waits for the mail, and the notifications page and the bell leave it out.
    in_app: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])
    idea: Mapped[Idea | None] = relationship("Idea")


class NotificationPreference(db.Model):
    """A member's choice for one settings group of the registry (registry.SettingsGroup.key):
    in the app, by e-mail (a digest, or at once for partner offers). No row: both on."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    group: Mapped[str] = mapped_column(String(30), primary_key=True)
    in_app: Mapped[bool] = mapped_column(Boolean, default=True)
    by_email: Mapped[bool] = mapped_column(Boolean, default=True)
