"""Reads of comments: the thread of a discussion, counts for lists, data for the API."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import aliased, joinedload, selectinload

from idealaari.comments.models import Comment
from idealaari.extensions import db
from idealaari.markdown import render_markdown


def is_visible_clause() -> ColumnElement[bool]:
    """SQL form of Comment.is_visible: neither removed by its author nor hidden by a moderator."""
    return Comment.deleted_at.is_(None) & Comment.hidden_at.is_(None)


@dataclass(frozen=True)
class CommentThread:
    """One discussion: top-level comments, oldest first, with their replies loaded."""

    comments: list[Comment]

    @property
    def visible_count(self) -> int:
        return sum(c.is_visible + sum(r.is_visible for r in c.replies) for c in self.comments)

    @property
    def latest_id(self) -> int:
        """The newest comment id shown; the page asks for comments after it."""
        return max((r.id for c in self.comments for r in (c, *c.replies)), default=0)


def thread_for(discussion_id: int) -> CommentThread:
    """All comments of a discussion, removed and hidden ones too (they keep their place);
    2 queries."""
    stmt = (
        select(Comment)
        .where(Comment.discussion_id == discussion_id, Comment.parent_id.is_(None))
        .order_by(Comment.created_at, Comment.id)
        .options(
            joinedload(Comment.author),
            selectinload(Comment.replies).joinedload(Comment.author),
        )
    )
    return CommentThread(list(db.session.scalars(stmt).unique()))


def comment_counts(discussion_ids: Iterable[int]) -> dict[int, int]:
    """Visible comments per discussion in one grouped query; every id asked for gets a number."""
    ids = set(discussion_ids)
    if not ids:
        return {}
    counts = dict.fromkeys(ids, 0)
    rows = db.session.execute(
        select(Comment.discussion_id, func.count(Comment.id))
        .where(Comment.discussion_id.in_(ids), is_visible_clause())
        .group_by(Comment.discussion_id)
    )
    counts.update({discussion_id: count for discussion_id, count in rows})
    return counts


def new_comment_count(discussion_id: int, after_id: int, reader_id: int | None = None) -> int:
    """How many visible comments others posted in the discussion after the given one (polling).

    The reader's own comments are not news to them: their replies swap in place and leave
    the page's newest-seen id behind.
    """
    stmt = select(func.count(Comment.id)).where(
        Comment.discussion_id == discussion_id, Comment.id > after_id, is_visible_clause()
    )
    if reader_id is not None:
        stmt = stmt.where(or_(Comment.author_id.is_(None), Comment.author_id != reader_id))
    return db.session.scalar(stmt) or 0


def _iso(value: datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def visible_comments_for_api(discussion_id: int) -> list[dict]:
    """Visible comments of a discussion as plain data, each top-level comment then its replies.

    Removed and hidden comments never appear. A visible reply to one keeps its parent_id,
    so a consumer may meet a parent_id that is not in the list.
    """
    parent = aliased(Comment)
    stmt = (
        select(Comment)
        .outerjoin(parent, Comment.parent_id == parent.id)
        .where(Comment.discussion_id == discussion_id, is_visible_clause())
        .order_by(
            func.coalesce(parent.created_at, Comment.created_at),
            func.coalesce(Comment.parent_id, Comment.id),
            Comment.parent_id.is_not(None),
            Comment.created_at,
            Comment.id,
        )
        .options(joinedload(Comment.author))
    )
    return [
        {
            "id": c.id,
            "parent_id": c.parent_id,
            "author": (
                {
                    "name": c.author.name,
                    "organisation": {
                        "code": c.author.organisation.code,
                        "name": c.author.organisation.name_fi,
                    },
                }
                if c.author is not None
                else None
            ),
            "body_html": str(render_markdown(c.body)),
            "created_at": _iso(c.created_at),
            "edited_at": _iso(c.edited_at),
        }
        for c in db.session.scalars(stmt).unique()
    ]
