"""Forms for offering partnership and answering offers."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import TextAreaField

from idealaari.forms import SelectField, length, optional, options, required
from idealaari.ideas.models import Idea, PartnerRole
from idealaari.organisations.models import Organisation
from idealaari.partners.services import MESSAGE_MAX, NOTE_MAX


class OfferForm(FlaskForm):
    role = SelectField(_l("Role"), validators=[required(_l("Choose the role you offer."))])
    # The member offers as their own organisation, shown as text; the field carries its id.
    organisation = SelectField(_l("Organisation"), coerce=int)
    message = TextAreaField(
        _l("Message to the idea's editors"),
        validators=[optional(), length(max=MESSAGE_MAX)],
        description=_l("What could you bring? How can the editors reach you?"),
    )

    def __init__(self, *args, idea: Idea, organisations: list[Organisation], **kwargs):
        """`organisation` (the member's own organisation id) is the only one offered of
        `organisations`: a member speaks for the organisation they belong to."""
        super().__init__(*args, **kwargs)
        # Any role may be offered; the ones the idea seeks come first.
        sought = idea.partner_roles
        others = [r for r in PartnerRole if r not in sought]
        self.role.choices = (
            options([("", _("Choose a role"))])
            + options(((r.value, r.label) for r in sought), optgroup=_("Roles this idea seeks"))
            + options(((r.value, r.label) for r in others), optgroup=_("Other roles"))
        )
        own = [o for o in organisations if o.id == kwargs.get("organisation")]
        self.organisation.choices = options((o.id, o.name) for o in own)
        self.own_organisation = own[0] if own else None
        if own:
            self.organisation.invalid_choice_message = _(
                "You can offer only on behalf of your own organisation, %(org)s.",
                org=own[0].name,
            )
        if len(sought) == 1 and not self.role.data:
            self.role.data = sought[0].value


class DecisionForm(FlaskForm):
    """Accept or decline: the answer comes from the button pressed."""

    decision = SelectField(
        _l("Answer"),
        choices=options([("accept", _l("Accept")), ("decline", _l("Decline"))]),
        validators=[required(_l("Choose whether to accept or decline."))],
    )
    note = TextAreaField(
        _l("Note to the member (optional)"),
        validators=[optional(), length(max=NOTE_MAX)],
    )
