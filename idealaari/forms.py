"""Shared form pieces: validators whose messages are in the member's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, widgets
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


class CheckboxListField(SelectMultipleField):
    """Several choices shown as a fieldset of check boxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def pre_validate(self, form):
        if self.data:
            values = {str(c[0]) for c in self.iter_choices_values()}
            for value in self.data:
                if str(value) not in values:
                    raise ValueError(self.gettext("'%(value)s' is not a valid choice.") % {"value": value})

    def iter_choices_values(self):
        return [(value, label) for value, label in (self.choices or [])]
