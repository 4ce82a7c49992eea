"""The idea form and the small forms around ideas."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, StringField, TextAreaField
from wtforms.validators import Email, ValidationError

from idealaari.forms import CheckboxListField, SelectField, length, optional, options, required
from idealaari.ideas.models import PartnerRole, Phase, TargetGroup
from idealaari.ideas.services import MAX_TAG_LENGTH, MAX_TAGS, normalise_tags

TITLE_MAX = 160
SUMMARY_MAX = 600
BODY_MAX = 20_000
NEED_MAX = 5_000


class IdeaForm(FlaskForm):
    title = StringField(
        _l("Title"),
        validators=[required(_l("Give the idea a title.")), length(min=5, max=TITLE_MAX)],
        description=_l(
            "A short, descriptive name, for example “Kotihoidon etäkäynnit videoyhteydellä”."
        ),
    )
    summary = TextAreaField(
        _l("Summary"),
        validators=[
            required(_l("Give the idea a short summary.")),
            length(min=20, max=SUMMARY_MAX),
        ],
        description=_l("Two or three sentences: what is developed, for whom, and why."),
    )
    need = TextAreaField(
        _l("The need it answers"),
        validators=[optional(), length(max=NEED_MAX)],
        description=_l("What problem or need in services does the idea answer?"),
    )
    body = TextAreaField(
        _l("Description"),
        validators=[optional(), length(max=BODY_MAX)],
        description=_l(
            "Describe the idea in more detail. You can use Markdown: **bold**, lists, links."
        ),
    )
    organisation = SelectField(_l("Owning organisation"), coerce=int)
    phase = SelectField(_l("Development phase"), default=Phase.IDEATION.value)
    themes = CheckboxListField(_l("Themes"), coerce=int)
    target_groups = CheckboxListField(_l("Target groups"))
    tags = StringField(
        _l("Tags"),
        validators=[optional(), length(max=600)],
        description=_l("Separate tags with commas, for example: kotihoito, etäpalvelut."),
    )
    seeks_partners = BooleanField(_l("The idea seeks partners"))
    partner_roles = CheckboxListField(_l("Partners wanted"))

    def __init__(self, *args, organisations=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Labels are lazy; build the choices per request so they follow the language.
        self.phase.choices = options((p.value, f"{p.number}. {p.label}") for p in Phase)
        self.target_groups.choices = options((g.value, g.label) for g in TargetGroup)
        self.partner_roles.choices = options((r.value, r.label) for r in PartnerRole)
        self.organisation.choices = options((o.id, o.name) for o in organisations)
        self.themes.choices = options((t.id, t.name) for t in themes)

    def validate_tags(self, field):
        tags = normalise_tags(field.data or "")
        if len(tags) > MAX_TAGS:
            raise ValidationError(_l("Give at most %(n)d tags.", n=MAX_TAGS))
        if any(len(t) > MAX_TAG_LENGTH for t in tags):
            raise ValidationError(
                _l("A tag can be at most %(n)d characters long.", n=MAX_TAG_LENGTH)
            )

    def validate_partner_roles(self, field):
        if self.seeks_partners.data and not field.data:
            raise ValidationError(_l("Choose at least one kind of partner the idea seeks."))


class CoEditorForm(FlaskForm):
    email = EmailField(
        _l("Co-editor's e-mail"),
        validators=[
            required(),
            length(max=254),
            Email(message=_l("Give a valid e-mail address."), check_deliverability=False),
        ],
    )


class ThemeForm(FlaskForm):
    name_fi = StringField(_l("Name in Finnish"), validators=[required(), length(max=200)])
    name_sv = StringField(_l("Name in Swedish"), validators=[optional(), length(max=200)])
    name_en = StringField(_l("Name in English"), validators=[optional(), length(max=200)])
    active = BooleanField(_l("In use"), default=True)
