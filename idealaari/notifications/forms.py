"""The member's e-mail settings."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField
from wtforms.validators import InputRequired

from idealaari.forms import CHOICE_MESSAGE, options

FREQUENCY_CHOICES = [
    ("daily", _l("Daily digest")),
    ("weekly", _l("Weekly digest")),
    ("off", _l("No e-mail at all")),
]


class MailSettingsForm(FlaskForm):
    digest_frequency = RadioField(
        _l("E-mail from Idealaari"),
        choices=options(FREQUENCY_CHOICES),
        invalid_choice_message=CHOICE_MESSAGE,
        validators=[InputRequired(_l("Choose how often you get e-mail."))],
    )
