"""What comments tell: followers of the discussion's owner hear of a new comment, and the
author of a comment hears of a reply. Registered with the notifications registry."""

from __future__ import annotations

import enum

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from idealaari.comments import owners
from idealaari.comments.models import Comment
from idealaari.markdown import render_markdown
from idealaari.notifications import mail, registry
from idealaari.notifications.models import Notification
from idealaari.notifications.queries import follower_ids
from idealaari.notifications.services import notify
from idealaari.targets import TargetKind


class CommentNotice(enum.StrEnum):
    COMMENT = "comment"
    REPLY = "reply"


COMMENTS = registry.SettingsGroup("comments", _l("Comments on what you follow"), order=10)
REPLIES = registry.SettingsGroup("replies", _l("Replies to your comments"), order=20)


def notify_comment(*, comment: Comment, owner: owners.Owner) -> list[Notification]:
    """A new comment: the owner's followers hear of it; the parent's author gets a reply notice."""
    actor = comment.author
    about = {"target_kind": TargetKind.COMMENT, "target_id": comment.id, "idea_id": owner.idea_id}
    rows: list[Notification] = []
    reply_to = None
    if comment.parent is not None and comment.parent.author_id:
        reply_to = comment.parent.author_id
        rows += notify([reply_to], kind=CommentNotice.REPLY, actor=actor, **about)
    rows += notify(
        follower_ids(owner.kind, [owner.obj.id]),
        kind=CommentNotice.COMMENT,
        actor=actor,
        exclude=[reply_to] if reply_to else [],
        **about,
    )
    return rows


def _owner_title(n: Notification, comment: Comment | None) -> str:
    if n.idea is not None:
        return n.idea.title
    owner = owners.owner_of(comment.discussion) if comment is not None else None
    return owner.title if owner is not None else ""


def _comment_detail(n: Notification, comment: Comment | None) -> registry.Detail | None:
    """The comment's text; None once it was removed or hidden (then it is no news)."""
    if comment is None or not comment.is_visible:
        return None
    return registry.Detail(
        quote=mail.markdown_to_text(comment.body), quote_html=render_markdown(comment.body)
    )


def register_kinds() -> None:
    who = registry.actor_name
    registry.register(
        registry.NotificationType(
            CommentNotice.COMMENT,
            sentence=lambda n, c: _(
                "%(who)s commented on “%(idea)s”", who=who(n), idea=_owner_title(n, c)
            ),
            detail=_comment_detail,
            settings_group=COMMENTS,
        )
    )
    registry.register(
        registry.NotificationType(
            CommentNotice.REPLY,
            sentence=lambda n, c: _(
                "%(who)s replied to your comment on “%(idea)s”", who=who(n), idea=_owner_title(n, c)
            ),
            detail=_comment_detail,
            settings_group=REPLIES,
        )
    )
