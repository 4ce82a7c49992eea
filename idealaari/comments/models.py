"""Discussions and their comments, with one level of replies.

A discussion belongs to an owner (an idea today; a challenge or a meeting later), which points
to it with a real foreign key. The comments package knows the owner only as a typed target.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db
from idealaari.targets import TargetKind

if TYPE_CHECKING:
    from idealaari.accounts.models import User


class Discussion(db.Model):
    """The comments of one owner; `owner_kind`/`owner_id` say whose (see comments/owners.py)."""

    __tablename__ = "discussions"
    __table_args__ = (UniqueConstraint("owner_kind", "owner_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_kind: Mapped[TargetKind] = mapped_column(str_enum(TargetKind))
    # Set right after the owner is first flushed (it needs the discussion's id to be inserted).
    owner_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Comment(db.Model):
    """A comment in Markdown; replies point to a top-level comment (one level deep)."""

    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_discussion_id_created_at", "discussion_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    discussion_id: Mapped[int] = mapped_column(ForeignKey("discussions.id", ondelete="CASCADE"))
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Soft delete by the author: the place stays, with "comment removed".
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Hidden by a moderator, with a reason shown in its place.
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    hidden_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    hidden_reason: Mapped[str | None] = mapped_column(String(500))

    discussion: Mapped[Discussion] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    parent: Mapped[Comment | None] = relationship(remote_side=[id], back_populates="replies")
    replies: Mapped[list[Comment]] = relationship(
        back_populates="parent", order_by="Comment.created_at"
    )

    @property
    def is_visible(self) -> bool:
        """Shown with its text (not removed and not hidden)."""
        return self.deleted_at is None and self.hidden_at is None
