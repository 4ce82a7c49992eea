"""The form for editing one's own profile."""

from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField, TextAreaField
from wtforms.validators import Email

from idealaari.forms import SelectField, length, optional, options, required
from idealaari.i18n import LANGUAGE_NAMES
from idealaari.organisations.models import Organisation, OrganisationKind

KIND_ORDER = {kind: position for position, kind in enumerate(OrganisationKind)}


def organisation_options(organisations: list[Organisation]):
    """Organisations grouped by kind, wellbeing services counties first, by name in each."""
    ordered = sorted(organisations, key=lambda o: (KIND_ORDER[o.kind], o.name.casefold()))
    return [
        option
        for org in ordered
        for option in options([(org.id, org.name)], optgroup=org.kind.label)
    ]


class ProfileForm(FlaskForm):
    name = StringField(_l("Name"), validators=[required(), length(min=2, max=120)])
    title = StringField(
        _l("Job title"),
        validators=[optional(), length(max=200)],
        description=_l("For example: development manager, social worker, researcher."),
    )
    expertise = TextAreaField(
        _l("Expertise"),
        validators=[optional(), length(max=500)],
        description=_l(
            "What you know about and could help others with, for example: medication, "
            "services brought home, digital services."
        ),
    )
    language = SelectField(_l("Language"), validate_choice=True)
    email = EmailField(
        _l("E-mail"),
        filters=[lambda value: value.strip() if value else value],
        validators=[
            required(),
            length(max=254),
            Email(message=_l("Give a valid e-mail address."), check_deliverability=False),
        ],
        description=_l(
            "If you change it, we send a confirmation link to the new address. "
            "Your address changes when you open the link."
        ),
    )
    organisation = SelectField(
        _l("Organisation"),
        coerce=int,
        validate_choice=True,
        description=_l(
            "If you change your organisation, the ideas you have already posted stay with "
            "your current organisation, which carries them on; you remain their author. "
            "Your new ideas are posted as your new organisation."
        ),
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = options(
            [(code, LANGUAGE_NAMES.get(code, code)) for code in current_app.config["LANGUAGES"]]
        )
        self.organisation.choices = organisation_options(list(organisations))
