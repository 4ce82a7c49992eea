"""Comments on ideas: one level of replies, editing for 15 minutes, removal and hiding."""

from flask import Blueprint, Flask

bp = Blueprint("comments", __name__)


def init_app(app: Flask) -> None:
    """Register the routes and the template helpers of the comment section on the idea page."""
    from idealaari.comments import forms, queries, services, views  # noqa: F401 - routes
    from idealaari.dbtypes import utcnow

    app.jinja_env.globals.update(
        load_comment_thread=queries.thread_for,
        new_comment_form=lambda **kw: forms.CommentForm(formdata=None, **kw),
        new_hide_comment_form=lambda **kw: forms.HideCommentForm(formdata=None, **kw),
        comment_closed_reason=services.closed_reason,
        utcnow=utcnow,
    )
