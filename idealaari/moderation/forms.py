"""Forms of moderation: a report, a reason for an action, a new title, a merge, log filters."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, StringField, TextAreaField
from wtforms.validators import ValidationError

from idealaari.forms import length, optional, options, required
from idealaari.moderation.models import ReportReason
from idealaari.moderation.services import NOTE_MAX, REASON_MAX


def _normalise(value):
    return value.replace("\r\n", "\n").strip() if isinstance(value, str) else value


class ReportForm(FlaskForm):
    reason = RadioField(
        _l("Why are you reporting this?"),
        choices=options([(r.value, r.label) for r in ReportReason]),
        validators=[required(_l("Choose a reason for the report."))],
    )
    note = TextAreaField(
        _l("Anything the moderators should know (optional)"),
        filters=[_normalise],
        validators=[optional(), length(max=NOTE_MAX)],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Labels in the language of this request.
        self.reason.choices = options([(r.value, r.label) for r in ReportReason])


class ReasonForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        description=_l("Kept in the audit log; the author is shown it for a hide or a restore."),
        filters=[_normalise],
        validators=[
            required(_l("Give a reason: it is kept in the audit log.")),
            length(max=REASON_MAX),
        ],
    )


class TitleForm(ReasonForm):
    title = StringField(
        _l("New title"),
        filters=[_normalise],
        validators=[required(_l("Give the idea a title.")), length(min=5, max=160)],
    )


_IDEA_REF = re.compile(r"(?:/ideas/)?(\d+)(?:[/?#-].*)?$")


class MergeForm(ReasonForm):
    target = StringField(
        _l("Merge into the idea"),
        description=_l("The number of the idea to keep, or its address."),
        filters=[_normalise],
        validators=[required(_l("Name the idea to merge into."))],
    )

    def validate_target(self, field):
        found = _IDEA_REF.search(field.data or "")
        if not found:
            raise ValidationError(_l("Give the idea's number (such as 42) or its address."))
        self.target_id = int(found.group(1))
