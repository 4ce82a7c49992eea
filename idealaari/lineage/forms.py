"""Lineage forms: the "continues an earlier idea" field of the idea form, the adoption form
and the official response form."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import current_app, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, StringField, TextAreaField
from wtforms.validators import StopValidation, ValidationError

from idealaari import permissions
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.forms import CHOICE_MESSAGE, SelectField, length, optional, options, required
from idealaari.http import parse_id
from idealaari.ideas.models import Idea, Phase
from idealaari.lineage import queries
from idealaari.lineage.models import Adoption, OfficialResponse, ResponseKind
from idealaari.lineage.services import EVIDENCE_MAX, STATEMENT_MAX, adoption_date_problem

REFERENCE_MAX = 500
_NUMBER = re.compile(r"#?\s*(\d+)")
# /ideas/12, /ideas/12-slug, and the idea's own sub-pages such as /ideas/12/partners.
_IDEA_PATH = re.compile(r"/ideas/(\d+)(?:-[^/]*)?(?:/.*)?")


class NotAnIdeaReference(ValueError):
    """The text names no idea of this site; the message says what to give instead."""


def _own_hosts() -> set[str]:
    hosts = {request.host.split(":")[0].lower()} if request else set()
    base = urlsplit(current_app.config.get("IDEALAARI_BASE_URL") or "")
    if base.hostname:
        hosts.add(base.hostname.lower())
    return hosts


def idea_id_from_reference(raw: str) -> int | None:
    """The idea number in "12", "#12", or an Idealaari address such as
    https://idealaari.fi/ideas/12-kotihoidon-etakaynnit; None for nothing given."""
    text = (raw or "").strip()
    if not text:
        return None
    if number := _NUMBER.fullmatch(text):
        found = parse_id(number[1])
        if found is None:
            raise NotAnIdeaReference(_("There is no idea with that number."))
        return found
    if "/" not in text:
        raise NotAnIdeaReference(
            _("Give the idea's number or its address, for example 12 or …/ideas/12-….")
        )
    parts = urlsplit(text if re.match(r"[a-z][a-z0-9+.-]*://|/", text, re.I) else f"//{text}")
    if parts.hostname and parts.hostname.lower() not in _own_hosts():
        raise NotAnIdeaReference(_("Give the address of an idea in Idealaari."))
    path = _IDEA_PATH.fullmatch(parts.path or "")
    found = parse_id(path[1]) if path else None
    if found is None:
        raise NotAnIdeaReference(_("That address is not the page of an idea."))
    return found


class AdoptionDateField(DateField):
    """A date input; browsers send 2025-11-03, and a typed 3.11.2025 is understood too.
    Nothing typed is no date (the required validator says so), not an invalid one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("format", ["%Y-%m-%d", "%d.%m.%Y"])
        kwargs.setdefault(
            "invalid_value_message", _l("Give the date of adoption, for example 3.11.2025.")
        )
        super().__init__(*args, **kwargs)

    def process_formdata(self, valuelist):
        if valuelist and not "".join(valuelist).strip():
            self.data = None
            return
        super().process_formdata([" ".join(valuelist).strip()] if valuelist else valuelist)

    def pre_validate(self, form):
        if self.process_errors:  # "not a date" says it all; "required" would say it again
            raise StopValidation()


class DerivationForm(FlaskForm):
    """The "continues an earlier idea" field, shown inside the idea form (whose CSRF token
    and the app-wide CSRF check cover the post, so this part carries no token of its own)."""

    class Meta:
        csrf = False

    source = StringField(
        _l("Continues an earlier idea"),
        validators=[optional(), length(max=REFERENCE_MAX)],
        description=_l(
            "Optional. If this idea builds on an earlier one in Idealaari, give that idea's "
            "number or address, for example 12 or https://…/ideas/12-…."
        ),
    )

    def __init__(self, formdata=None, *, idea: Idea | None = None, **kwargs):
        kwargs.setdefault("prefix", "derived")
        super().__init__(formdata=formdata, **kwargs)
        self.idea = idea
        self.source_idea: Idea | None = None  # the idea named, once validated
        self.suggestions: list[Idea] = []  # ideas whose title matches text that is no number

    def fill_from(self, idea: Idea) -> None:
        """Show the idea's current source, as its number."""
        source_id = queries.source_id_of(idea)
        self.source.data = str(source_id) if source_id is not None else ""
        source = db.session.get(Idea, source_id) if source_id is not None else None
        if source is not None and permissions.can_view_idea(current_user, source):
            self.source_idea = source

    def validate_source(self, field):
        try:
            idea_id = idea_id_from_reference(field.data or "")
        except NotAnIdeaReference as e:
            if "/" not in (field.data or ""):
                self.suggestions = queries.ideas_titled(field.data or "")
            raise ValidationError(str(e)) from None
        if idea_id is None:
            return
        source = db.session.get(Idea, idea_id)
        if source is None or not permissions.can_view_idea(current_user, source):
            raise ValidationError(_("There is no idea with that number."))
        refusal = permissions.derivation_source_refusal(current_user, self.idea, source)
        if refusal:
            raise ValidationError(refusal)
        if self.idea is not None and queries.chain_reaches(source, self.idea):
            raise ValidationError(
                _(
                    "“%(title)s” already continues this idea, so this idea cannot continue it.",
                    title=source.title,
                )
            )
        self.source_idea = source

    def summary(self) -> list[str]:
        """Its errors as lines for the idea form's error summary."""
        return [f"{self.source.label.text}: {e}" for e in self.source.errors]


class AdoptionForm(FlaskForm):
    adopted_on = AdoptionDateField(
        _l("Date of adoption"),
        validators=[required(_l("Give the date of adoption, for example 3.11.2025."))],
    )
    phase = SelectField(
        _l("Development phase reached"),
        default=Phase.ADOPTION.value,
        description=_l("How far the practice has come in your organisation."),
    )
    evidence = TextAreaField(
        _l("What shows it"),
        validators=[
            required(_l("Tell briefly what shows the adoption.")),
            length(max=EVIDENCE_MAX),
        ],
        description=_l(
            "For example a decision, a pilot report, or how many clients the practice serves."
        ),
    )

    def __init__(self, formdata=None, *, adoption: Adoption | None = None, **kwargs):
        """A fresh form (formdata None) shows the organisation's adoption, or today."""
        super().__init__(formdata=formdata, **kwargs)
        self.phase.choices = options((p.value, f"{p.number}. {p.label}") for p in Phase)
        if formdata is None and adoption is not None:
            self.adopted_on.data = adoption.adopted_on
            self.phase.data = adoption.phase.value
            self.evidence.data = adoption.evidence
        elif formdata is None:
            self.adopted_on.data = utcnow().date()

    def validate_adopted_on(self, field):
        problem = adoption_date_problem(field.data, utcnow().date())
        if problem:
            raise ValidationError(problem)


class ResponseForm(FlaskForm):
    kind = RadioField(
        _l("Your organisation's response"),
        validators=[required(_l("Choose your organisation's response."))],
        validate_choice=False,  # checked below, with a message in the member's language
    )
    statement = TextAreaField(
        _l("Statement"),
        validators=[
            required(_l("Write a short statement with the response.")),
            length(max=STATEMENT_MAX),
        ],
        description=_l("At most %(max)d characters, shown with the response.", max=STATEMENT_MAX),
    )

    def __init__(self, formdata=None, *, response: OfficialResponse | None = None, **kwargs):
        """A fresh form (formdata None) shows the organisation's current response."""
        super().__init__(formdata=formdata, **kwargs)
        self.kind.choices = [(k.value, k.label) for k in ResponseKind]
        if formdata is None and response is not None:
            self.kind.data = response.kind.value
            self.statement.data = response.statement

    def validate_kind(self, field):
        if field.data not in ResponseKind._value2member_map_:
            raise ValidationError(CHOICE_MESSAGE)
