"""Showcase forms: the year to compile and the moderators' introduction."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField

from idealaari.forms import length, optional, required
from idealaari.showcase.services import INTRO_MAX


class CompileForm(FlaskForm):
    # Text, read by the view: a bad year gets the service's message, not WTForms' own.
    year = StringField(
        _l("Year"),
        validators=[required(_l("Give the year, for example 2025.")), length(max=4)],
        description=_l("The showcase collects that year's results."),
        render_kw={"inputmode": "numeric", "autocomplete": "off", "size": 6},
    )

    def year_value(self) -> int | None:
        raw = (self.year.data or "").strip()
        return int(raw) if raw.isascii() and raw.isdigit() else None


class IntroForm(FlaskForm):
    intro = TextAreaField(
        _l("Text of the introduction"),
        validators=[optional(), length(max=INTRO_MAX)],
        description=_l("A few paragraphs that open the showcase. You can use Markdown."),
    )
