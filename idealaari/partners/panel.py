"""The partner panel of an idea page and the member's own offers, for one member.

The idea page, the partners page and the partner routes all show it, so it is built here,
outside the views, and passed to the templates.
"""

from __future__ import annotations

from dataclasses import dataclass

from idealaari import permissions
from idealaari.ideas.models import Idea
from idealaari.organisations import queries as org_queries
from idealaari.partners import queries
from idealaari.partners.forms import OfferForm
from idealaari.partners.models import PartnerOffer


def offer_form(idea: Idea, user, formdata=None) -> OfferForm:
    """The offer form; a fresh one defaults to the member's own organisation."""
    return OfferForm(
        formdata=formdata,
        prefix="offer",
        idea=idea,
        organisations=org_queries.all_organisations(),
        organisation=getattr(user, "organisation_id", None),
    )


@dataclass
class PartnerPanel:
    """What the partner panel and the member's offer section show for the current user."""

    idea: Idea
    groups: list[queries.PartnerGroup]
    own_offers: list[PartnerOffer]
    pending_count: int | None  # for the idea's editors only
    form: OfferForm | None
    notice: str | None = None
    error: str | None = None

    @property
    def accepted_count(self) -> int:
        return sum(len(g.offers) for g in self.groups)

    @property
    def visible(self) -> bool:
        return bool(
            self.idea.seeks_partners or self.groups or self.own_offers or self.pending_count
        )


def partners_panel(idea: Idea, user, form: OfferForm | None = None, **messages) -> PartnerPanel:
    """The partner panel as `user` sees it."""
    can_offer = permissions.can_offer_partnership(user, idea)
    return PartnerPanel(
        idea=idea,
        groups=queries.partners_by_organisation(idea),
        own_offers=queries.offers_by_member_on(user, idea),
        pending_count=(
            queries.pending_offer_count(idea) if permissions.can_edit_idea(user, idea) else None
        ),
        form=(form if form is not None else offer_form(idea, user)) if can_offer else None,
        **messages,
    )
