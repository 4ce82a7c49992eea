"""Discussion on ideas: comments and one level of replies."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.dbtypes import UTCDateTime, utcnow
from idealaari.extensions import db

if TYPE_CHECKING:
    from idealaari.accounts.models import User
    from idealaari.ideas.models import Idea


class Comment(db.Model):
    """A comment in Markdown; replies point to a top-level comment (one level deep)."""

    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_idea_id_created_at", "idea_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"))
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

    idea: Mapped[Idea] = relationship()
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    parent: Mapped[Comment | None] = relationship(remote_side=[id], back_populates="replies")
    replies: Mapped[list[Comment]] = relationship(
        back_populates="parent", order_by="Comment.created_at"
    )

    @property
    def is_visible(self) -> bool:
        """Shown with its text (not removed and not hidden)."""
        return self.deleted_at is None and self.hidden_at is None
