"""Writes to comments. Each takes the acting member explicitly, flushes, and never commits."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.comments import owners
from idealaari.comments.models import Comment, Discussion
from idealaari.comments.notifications import notify_comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.signals import content_published
from idealaari.targets import TargetKind

BODY_MAX = 10_000
REASON_MAX = 500  # the column's length
# A second identical post this soon after the first is a double submit, not a new comment.
DUPLICATE_WINDOW = timedelta(seconds=60)


class CommentError(Exception):
    """A refused comment action; the message is shown to the member."""

    status = 422


class CommentForbidden(CommentError):
    """The member may not do this at all (answered with 403)."""

    status = 403


def _clean_body(body: str | None) -> str:
    text = (body or "").replace("\r\n", "\n").strip()
    if not text:
        raise CommentError(_("Write a comment first."))
    if len(text) > BODY_MAX:
        raise CommentError(_("Write at most %(max)d characters.", max=BODY_MAX))
    return text


def open_discussion(owner_kind: TargetKind | str) -> Discussion:
    """A new, empty discussion for an owner that is being created (see attach_discussion)."""
    discussion = Discussion(owner_kind=TargetKind(owner_kind), created_at=utcnow())
    db.session.add(discussion)
    return discussion


def attach_discussion(discussion: Discussion, *, owner_id: int) -> None:
    """Record the owner's id once the owner has one (after its first flush)."""
    discussion.owner_id = owner_id
    db.session.flush()


def post_comment(
    *,
    discussion: Discussion,
    author: User,
    body: str,
    parent: Comment | None = None,
    now: datetime | None = None,
) -> Comment:
    """Post a comment or a reply; a repeat of the same post within a minute returns the first."""
    owner = owners.owner_of(discussion)
    if owner is None:
        raise CommentForbidden(_("This discussion is closed."))
    refusal = owner.refusal(author)
    if refusal:
        raise CommentForbidden(refusal)
    text = _clean_body(body)
    if parent is not None:
        if parent.discussion_id != discussion.id:
            raise CommentError(_("You can only reply to comments in this discussion."))
        # Replies nest one level: a reply to a reply joins its top-level comment.
        parent = parent.parent or parent
    now = now or utcnow()
    same_parent = (
        Comment.parent_id == parent.id if parent is not None else Comment.parent_id.is_(None)
    )
    duplicate = db.session.scalar(
        select(Comment)
        .where(
            Comment.discussion_id == discussion.id,
            Comment.author_id == author.id,
            same_parent,
            Comment.body == text,
            Comment.deleted_at.is_(None),
            Comment.created_at >= now - DUPLICATE_WINDOW,
        )
        .order_by(Comment.id)
        .limit(1)
    )
    if duplicate is not None:
        return duplicate
    comment = Comment(
        discussion=discussion, author=author, parent=parent, body=text, created_at=now
    )
    db.session.add(comment)
    db.session.flush()
    content_published.send(None, kind=TargetKind.COMMENT, item=comment, author=author)
    if comment.hidden_at is None:
        notify_comment(comment=comment, owner=owner)
    return comment


def edit_refusal(user: User | None, comment: Comment, now: datetime) -> str | None:
    """Why this member cannot edit this comment now, or None when they can."""
    if permissions.can_edit_comment(user, comment, now):
        return None
    if user is None or not user.is_authenticated or comment.author_id != user.id:
        return _("You can only edit your own comments.")
    if not comment.is_visible:
        return _("A removed or hidden comment cannot be edited.")
    return _(
        "Comments can be edited for %(minutes)d minutes after posting. "
        "This one can no longer be edited.",
        minutes=int(permissions.COMMENT_EDIT_WINDOW.total_seconds() // 60),
    )


def edit_comment(*, comment: Comment, editor: User, body: str, now: datetime | None = None) -> bool:
    """Change the text of a comment; return True if it changed."""
    now = now or utcnow()
    refusal = edit_refusal(editor, comment, now)
    if refusal:
        raise CommentForbidden(refusal)
    text = _clean_body(body)
    if text == comment.body:
        return False
    comment.body = text
    comment.edited_at = now
    db.session.flush()
    return True


def delete_comment(*, comment: Comment, actor: User, now: datetime | None = None) -> None:
    """Remove the author's comment; "Comment removed" and the replies stay in its place."""
    if comment.deleted_at is not None and actor is not None and comment.author_id == actor.id:
        return  # removed already, e.g. in another tab
    if not permissions.can_delete_comment(actor, comment):
        raise CommentForbidden(_("You can only remove your own comments."))
    comment.deleted_at = now or utcnow()
    db.session.flush()


def hide_comment(
    *, comment: Comment, moderator: User, reason: str, now: datetime | None = None
) -> None:
    """Hide a comment; the reason is shown in its place."""
    if not permissions.can_hide_comment(moderator):
        raise CommentForbidden(_("Only moderators can hide comments."))
    if comment.deleted_at is not None:
        raise CommentError(_("The comment has already been removed."))
    reason = (reason or "").replace("\r\n", "\n").strip()
    if not reason:
        raise CommentError(_("Give a reason for hiding the comment."))
    if len(reason) > REASON_MAX:
        raise CommentError(_("Write at most %(max)d characters.", max=REASON_MAX))
    comment.hidden_at = now or utcnow()
    comment.hidden_by_id = moderator.id
    comment.hidden_reason = reason
    db.session.flush()


def hold_comment(*, comment: Comment, now: datetime | None = None) -> None:
    """Hide a comment until a moderator decides (reported often enough, or pre-moderated)."""
    if comment.hidden_at is None:
        comment.hidden_at = now or utcnow()
        comment.hidden_by_id = None
        comment.hidden_reason = None
        db.session.flush()


def unhide_comment(*, comment: Comment, moderator: User) -> None:
    """Show a hidden comment again."""
    if not permissions.can_hide_comment(moderator):
        raise CommentForbidden(_("Only moderators can show hidden comments."))
    comment.hidden_at = None
    comment.hidden_by_id = None
    comment.hidden_reason = None
    db.session.flush()
