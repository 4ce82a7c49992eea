"""Discussions and comments: one level of replies, editing for 15 minutes, removal and hiding.

A shared piece: an idea (and later a challenge or a meeting) owns a discussion and registers
itself as an owner type (comments/owners.py); this package imports no owner."""

from flask import Blueprint, Flask

bp = Blueprint("comments", __name__)


def init_app(app: Flask) -> None:
    """Register the routes, the comment target, the notification kinds and the form helpers."""
    from idealaari import targets
    from idealaari.comments import forms, notifications, owners, views  # noqa: F401 - routes
    from idealaari.comments.models import Comment
    from idealaari.dbtypes import utcnow

    def owner(comment: Comment):
        return owners.owner_of(comment.discussion)

    targets.register(
        targets.TargetType(
            targets.TargetKind.COMMENT,
            model=Comment,
            title=lambda c: found.title if (found := owner(c)) else "",
            link=lambda c: owner(c).link(anchor=f"comment-{c.id}"),
            can_view=lambda user, c: (found := owner(c)) is not None and found.can_view(user),
        )
    )
    notifications.register_kinds()
    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        new_comment_form=lambda **kw: forms.CommentForm(formdata=None, **kw),
        new_hide_comment_form=lambda **kw: forms.HideCommentForm(formdata=None, **kw),
        utcnow=utcnow,
    )
