"""Shared form pieces: validators whose messages are in the member's language."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, SelectMultipleField, widgets
from wtforms import SelectField as _SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional


def required(message=None):
    return DataRequired(message=message or _l("This field is required."))


def length(*, min: int = -1, max: int = -1):  # noqa: A002 - mirrors wtforms.Length
    if min > 0 and max > 0:
        message = _l("Write between %(min)d and %(max)d characters.")
    elif max > 0:
        message = _l("Write at most %(max)d characters.")
    else:
        message = _l("Write at least %(min)d characters.")
    return Length(min=min, max=max, message=message)


optional = Optional


CHOICE_MESSAGE = _l("Choose one of the options given.")


def options(pairs, optgroup=None) -> list[SelectChoice]:
    """(value, label) pairs as select options, optionally inside one <optgroup>."""
    return [SelectChoice(value=value, label=label, optgroup=optgroup) for value, label in pairs]


class SelectField(_SelectField):
    """A select whose refusals are in the member's language."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("invalid_choice_message", CHOICE_MESSAGE)
        kwargs.setdefault("invalid_value_message", CHOICE_MESSAGE)
        super().__init__(*args, **kwargs)


class CheckboxListField(SelectMultipleField):
    """Several choices shown as a fieldset of check boxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("invalid_choice_message", CHOICE_MESSAGE)
        kwargs.setdefault("invalid_value_message", CHOICE_MESSAGE)
        super().__init__(*args, **kwargs)


def attach_error(form, error: Exception) -> None:
    """Show a service's refusal next to the field it names (`error.field`), or at the top."""
    field = getattr(error, "field", None)
    if field and field in form:
        form[field].errors.append(str(error))
    else:
        form.form_errors.append(str(error))


class ConfirmForm(FlaskForm):
    """An empty form: a POST button with its CSRF token."""


DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"]


def local_timezone() -> ZoneInfo:
    """The network's local time, in which moderators enter times (Finnish time)."""
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Europe/Helsinki")


class LocalDateTimeField(DateTimeLocalField):
    """A `datetime-local` input read as Finnish time; its data is timezone-aware.

    Required ones use InputRequired: DataRequired would replace "not a date" with "required".
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", DATETIME_FORMATS)
        kwargs.setdefault("tz", local_timezone)
        kwargs.setdefault(
            "invalid_value_message", _l("Give a date and time, for example 3.11.2025 9.00.")
        )
        super().__init__(*args, **kwargs)
