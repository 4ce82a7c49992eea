"""The comment, reply, edit and hide forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField
from wtforms.fields import Label

from idealaari.comments.services import BODY_MAX, REASON_MAX
from idealaari.forms import length, required


def _normalise_text(value: str | None) -> str | None:
    # Browsers count a line break as one character (textarea maxlength) but send "\r\n".
    if value is None:
        return None
    return value.replace("\r\n", "\n").strip()


class _BodyForm(FlaskForm):
    """A form with one Markdown text area; several can share a page, so each gets its own id."""

    body = TextAreaField(
        _l("Your comment"),
        filters=[_normalise_text],
        validators=[required(_l("Write a comment first.")), length(max=BODY_MAX)],
        description=_l("You can use Markdown: **bold**, *italics*, [links](https://…) and lists."),
    )

    def __init__(self, *args, html_id: str = "comment-body", label: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_html_id(html_id, label)

    def set_html_id(self, html_id: str, label: str | None = None) -> None:
        """Give the text area its id on the page (and optionally another label)."""
        self.body.id = html_id
        self.body.label = Label(html_id, label or self.body.label.text)


class CommentForm(_BodyForm):
    """A new comment; with parent_id, a reply."""

    parent_id = HiddenField()


class EditCommentForm(_BodyForm):
    pass


class HideCommentForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason shown in place of the comment"),
        filters=[_normalise_text],
        validators=[required(_l("Give a reason for hiding the comment.")), length(max=REASON_MAX)],
    )

    def __init__(self, *args, html_id: str = "hide-reason", **kwargs):
        super().__init__(*args, **kwargs)
        self.reason.id = html_id
        self.reason.label = Label(html_id, self.reason.label.text)
