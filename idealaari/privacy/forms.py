"""The form that deletes one's own account."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField

from idealaari.forms import length, required


class DeleteAccountForm(FlaskForm):
    password = PasswordField(
        _l("Password"),
        validators=[required(), length(max=200)],
        description=_l("Type your password to show that it is you."),
        render_kw={"autocomplete": "current-password"},
    )
    confirm = BooleanField(
        _l("I understand that my account is deleted for good and cannot be restored."),
        validators=[required(_l("Tick the box to confirm that you want to delete your account."))],
    )
