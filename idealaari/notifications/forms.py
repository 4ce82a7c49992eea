"""The member's notification settings: e-mail frequency, and each kind in the app and by e-mail."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, RadioField
from wtforms.validators import InputRequired

from idealaari.forms import CHOICE_MESSAGE, CheckboxListField, options

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
    # Check boxes send nothing when unticked: the template posts kinds_shown=1 with them, so
    # that an empty list means "all off" and not "not asked".
    kinds_shown = HiddenField()
    in_app = CheckboxListField(_l("In Idealaari"))
    by_email = CheckboxListField(_l("By e-mail"))

    def set_groups(self, groups) -> None:
        """Offer the registry's settings groups as the choices of both lists."""
        choices = [(g.key, str(g.label)) for g in groups]
        self.in_app.choices = choices
        self.by_email.choices = choices

    def preference_choices(self) -> dict[str, tuple[bool, bool]]:
        """{group: (in the app, by e-mail)} as ticked; empty when the kinds were not posted."""
        if self.kinds_shown.data != "1":
            return {}
        in_app, by_email = set(self.in_app.data or ()), set(self.by_email.data or ())
        return {key: (key in in_app, key in by_email) for key, _label in self.in_app.choices}
