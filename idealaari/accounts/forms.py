"""Forms for registering, logging in and managing one's account."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField
from wtforms.validators import Email, EqualTo, ValidationError

from idealaari.accounts.services import MIN_PASSWORD_LENGTH
from idealaari.forms import SelectField, length, optional, required
from idealaari.organisations.models import ADDABLE_KINDS

NEW_ORGANISATION = 0


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[required(), length(max=254)])
    password = PasswordField(_l("Password"), validators=[required(), length(max=200)])
    remember = BooleanField(_l("Keep me logged in on this device"))


class RegistrationForm(FlaskForm):
    email = EmailField(
        _l("E-mail"),
        validators=[
            required(),
            length(max=254),
            Email(message=_l("Give a valid e-mail address."), check_deliverability=False),
        ],
    )
    name = StringField(_l("Name"), validators=[required(), length(min=2, max=120)])
    title = StringField(
        _l("Title or expertise"),
        validators=[optional(), length(max=200)],
        description=_l("For example: development manager, social work, digital services."),
    )
    organisation = SelectField(
        _l("Organisation"),
        coerce=int,
        validate_choice=True,
        description=_l("Pick your organisation. If it is not on the list, choose “Add a new organisation”."),
    )
    new_organisation_name = StringField(_l("New organisation's name"), validators=[optional(), length(max=200)])
    new_organisation_kind = SelectField(
        _l("New organisation's kind"),
        choices=[("", "—")] + [(k.value, k.label) for k in ADDABLE_KINDS],
        validators=[optional()],
    )
    password = PasswordField(
        _l("Password"),
        validators=[required(), length(min=MIN_PASSWORD_LENGTH, max=200)],
        description=_l("At least %(n)d characters.", n=MIN_PASSWORD_LENGTH),
    )
    password_confirm = PasswordField(
        _l("Password again"),
        validators=[required(), EqualTo("password", message=_l("The passwords do not match."))],
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.new_organisation_kind.choices = [("", "—")] + [(k.value, k.label) for k in ADDABLE_KINDS]
        groups: dict[str, list] = {}
        for org in organisations:
            groups.setdefault(org.kind.label, []).append((org.id, org.name))
        self.organisation.choices = {"—": [(NEW_ORGANISATION, _l("Add a new organisation"))], **groups}

    def validate_new_organisation_name(self, field):
        if self.organisation.data == NEW_ORGANISATION and len((field.data or "").strip()) < 2:
            raise ValidationError(_l("Give the name of the organisation to add."))

    def validate_new_organisation_kind(self, field):
        if self.organisation.data == NEW_ORGANISATION and not field.data:
            raise ValidationError(_l("Choose the kind of the organisation to add."))


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[required(), length(max=200)])
    new_password = PasswordField(
        _l("New password"),
        validators=[required(), length(min=MIN_PASSWORD_LENGTH, max=200)],
        description=_l("At least %(n)d characters.", n=MIN_PASSWORD_LENGTH),
    )
    new_password_confirm = PasswordField(
        _l("New password again"),
        validators=[required(), EqualTo("new_password", message=_l("The passwords do not match."))],
    )
