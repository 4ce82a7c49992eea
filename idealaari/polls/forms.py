"""Poll forms: the moderators' poll form, the ballot, and the proposal form."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired, ValidationError

from idealaari.forms import CHOICE_MESSAGE, LocalDateTimeField, length, optional, required
from idealaari.http import MAX_ID
from idealaari.polls.services import DESCRIPTION_MAX, MAX_OPTIONS, OPTION_MAX, QUESTION_MAX


class OptionListField(Field):
    """A fixed number of text inputs with the same name; data is the list of what was typed."""

    def __init__(self, *args, slots: int = MAX_OPTIONS, **kwargs):
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)
        self.slots = slots

    def process_formdata(self, valuelist):
        self.data = list(valuelist)

    def values(self) -> list[str]:
        """What each input shows: the typed values, padded with empty inputs."""
        typed = [v or "" for v in (self.data or [])]
        return typed + [""] * max(0, self.slots - len(typed))


class PollForm(FlaskForm):
    question = StringField(
        _l("Question"),
        validators=[required(_l("Write the question of the poll.")), length(max=QUESTION_MAX)],
        description=_l("For example “Which theme for the next online clinic?”"),
    )
    description = TextAreaField(
        _l("Description"),
        validators=[optional(), length(max=DESCRIPTION_MAX)],
        description=_l("Background for voters. You can use Markdown."),
    )
    options = OptionListField(
        _l("Options"),
        description=_l(
            "Give 2–10 different options, at most %(n)d characters each. Leave extra fields empty.",
            n=OPTION_MAX,
        ),
    )
    proposals_close_at = LocalDateTimeField(
        _l("Proposals close"),
        validators=[optional()],
        description=_l(
            "Optional. Until this time members can propose more options. Leave empty for no "
            "proposal phase. Finnish time."
        ),
    )
    opens_at = LocalDateTimeField(
        _l("Voting opens"),
        validators=[InputRequired(_l("Give the time voting opens."))],
        description=_l("Finnish time."),
    )
    closes_at = LocalDateTimeField(
        _l("Voting closes"),
        validators=[InputRequired(_l("Give the time voting closes."))],
        description=_l("Finnish time."),
    )


class VoteForm(FlaskForm):
    option = RadioField(
        _l("Your vote"),
        coerce=int,
        validate_choice=False,  # the service checks the option belongs to the poll's ballot
        invalid_value_message=CHOICE_MESSAGE,
    )

    def validate_option(self, field):
        if field.data is None and not field.errors:  # an unreadable value already says why
            raise ValidationError(_l("Choose an option."))
        # No option has an id beyond what the database holds; looking one up would overflow.
        if field.data is not None and not 0 < field.data <= MAX_ID:
            raise ValidationError(CHOICE_MESSAGE)


class ProposalForm(FlaskForm):
    label = StringField(
        _l("Propose an option"),
        validators=[required(_l("Write the option you propose.")), length(max=OPTION_MAX)],
    )
