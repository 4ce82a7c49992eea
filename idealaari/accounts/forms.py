"""Forms for registering, logging in and managing one's account."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import Email, EqualTo

from idealaari.accounts.services import MIN_PASSWORD_LENGTH
from idealaari.forms import SelectField, length, optional, options, required
from idealaari.organisations.models import ADDABLE_KINDS, OrganisationKind

NEW_ORGANISATION = 0
# Most members come from the wellbeing services counties, so they head the list.
KIND_ORDER = (
    OrganisationKind.WELLBEING_AREA,
    OrganisationKind.CITY_ORGANISER,
    OrganisationKind.JOINT_AUTHORITY,
    *(k for k in OrganisationKind if not k.is_area),
)

PASSWORD_HELP = _l(
    "At least %(n)d characters, not easy to guess: a few unrelated words together work well.",
    n=MIN_PASSWORD_LENGTH,
)


def _email_field():
    return EmailField(
        _l("E-mail"),
        validators=[
            required(),
            length(max=254),
            Email(message=_l("Give a valid e-mail address."), check_deliverability=False),
        ],
    )


def _new_password(label):
    return PasswordField(
        label,
        validators=[required(), length(min=MIN_PASSWORD_LENGTH, max=200)],
        description=PASSWORD_HELP,
    )


def _organisation_id(value):
    """The select's value: None for the empty placeholder, else an organisation id."""
    if value in (None, ""):
        return None
    return int(value)


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[required(), length(max=254)])
    password = PasswordField(_l("Password"), validators=[required(), length(max=200)])
    remember = BooleanField(_l("Keep me logged in on this device"))


class RegistrationForm(FlaskForm):
    email = _email_field()
    name = StringField(_l("Name"), validators=[required(), length(min=2, max=120)])
    title = StringField(
        _l("Title or expertise"),
        validators=[optional(), length(max=200)],
        description=_l("For example: development manager, social work, digital services."),
    )
    organisation = SelectField(
        _l("Organisation"),
        coerce=_organisation_id,
        validate_choice=True,
        description=_l(
            "Pick your organisation. If it is not on the list, choose “Add a new organisation”."
        ),
    )
    new_organisation_name = StringField(
        _l("New organisation's name"), validators=[optional(), length(max=200)]
    )
    new_organisation_kind = SelectField(_l("New organisation's kind"), validators=[optional()])
    password = _new_password(_l("Password"))
    password_confirm = PasswordField(
        _l("Password again"),
        validators=[required(), EqualTo("password", message=_l("The passwords do not match."))],
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.new_organisation_kind.choices = options(
            [("", "—")] + [(k.value, k.label) for k in ADDABLE_KINDS]
        )
        ordered = sorted(organisations, key=lambda org: (KIND_ORDER.index(org.kind), org.name))
        self.organisation.choices = (
            options([("", _l("Choose your organisation"))])
            + [
                option
                for org in ordered
                for option in options([(org.id, org.name)], optgroup=org.kind.label)
            ]
            + options([(NEW_ORGANISATION, _l("Add a new organisation"))])
        )

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        # Checked here, not with DataRequired: it would refuse 0, "add a new organisation".
        if self.organisation.data is None and not self.organisation.errors:
            self.organisation.errors.append(_l("Choose your organisation."))
            valid = False
        if self.organisation.data == NEW_ORGANISATION:
            # Checked here: the Optional() validator stops a field's own chain when it is empty.
            if len((self.new_organisation_name.data or "").strip()) < 2:
                self.new_organisation_name.errors.append(
                    _l("Give the name of the organisation to add.")
                )
                valid = False
            if not self.new_organisation_kind.data:
                self.new_organisation_kind.errors.append(
                    _l("Choose the kind of the organisation to add.")
                )
                valid = False
        return valid


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"), validators=[required(), length(max=200)]
    )
    new_password = _new_password(_l("New password"))
    new_password_confirm = PasswordField(
        _l("New password again"),
        validators=[required(), EqualTo("new_password", message=_l("The passwords do not match."))],
    )


class ForgotPasswordForm(FlaskForm):
    email = _email_field()


class ResetPasswordForm(FlaskForm):
    new_password = _new_password(_l("New password"))
    new_password_confirm = PasswordField(
        _l("New password again"),
        validators=[required(), EqualTo("new_password", message=_l("The passwords do not match."))],
    )
