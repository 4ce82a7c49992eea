"""The lineage panels of an idea page, as one member sees them.

The idea page, the lineage page and the lineage routes all show them, so they are built here
and given to templates through the `idea_lineage` Jinja global (lineage.init_app): the idea
page includes the partials, and the ideas package needs no knowledge of lineage.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import g, has_request_context
from flask_login import current_user

from idealaari import permissions
from idealaari.extensions import db
from idealaari.ideas.models import Idea
from idealaari.lineage import queries
from idealaari.lineage.forms import AdoptionForm, ResponseForm
from idealaari.lineage.models import Adoption, OfficialResponse


@dataclass
class IdeaLineage:
    """Where the idea came from, what continues it, who adopted it and who answered it."""

    idea: Idea
    source: Idea | None  # only when the member may see it
    derived: list[Idea]
    adoptions: list[Adoption]
    responses: list[OfficialResponse]
    own_adoption: Adoption | None
    own_response: OfficialResponse | None
    adoption_form: AdoptionForm | None  # for area contacts who may record one
    response_form: ResponseForm | None
    adoption_notice: str | None = None
    adoption_error: str | None = None
    response_notice: str | None = None
    response_error: str | None = None

    @property
    def has_lineage(self) -> bool:
        return bool(self.source or self.derived)


def idea_lineage(
    idea: Idea,
    user=None,
    *,
    adoption_form: AdoptionForm | None = None,
    response_form: ResponseForm | None = None,
    **messages,
) -> IdeaLineage:
    """The lineage panels as `user` (the current user by default) sees them."""
    user = user if user is not None else current_user
    source_id = queries.source_id_of(idea)
    source = db.session.get(Idea, source_id) if source_id is not None else None
    if source is not None and not permissions.can_view_idea(user, source):
        source = None
    signed_in = getattr(user, "is_authenticated", False)
    org_id = user.organisation_id if signed_in else None
    adoptions = queries.adoptions_of(idea)
    responses = queries.responses_to(idea)
    own_adoption = next((a for a in adoptions if a.organisation_id == org_id), None)
    own_response = next((r for r in responses if r.organisation_id == org_id), None)
    if permissions.can_record_adoption(user, idea):
        adoption_form = adoption_form or new_adoption_form(adoption=own_adoption)
    else:
        adoption_form = None
    if permissions.can_respond_officially(user, idea):
        response_form = response_form or new_response_form(response=own_response)
    else:
        response_form = None
    return IdeaLineage(
        idea=idea,
        source=source,
        derived=queries.derived_ideas(idea),
        adoptions=adoptions,
        responses=responses,
        own_adoption=own_adoption,
        own_response=own_response,
        adoption_form=adoption_form,
        response_form=response_form,
        **messages,
    )


def cached_idea_lineage(idea: Idea) -> IdeaLineage:
    """The Jinja global: built once per request and idea, as the idea page shows two panels."""
    if not has_request_context():
        return idea_lineage(idea)
    cache = g.setdefault("idea_lineage", {})
    if idea.id not in cache:
        cache[idea.id] = idea_lineage(idea)
    return cache[idea.id]


def new_adoption_form(formdata=None, adoption: Adoption | None = None) -> AdoptionForm:
    """The adoption form; prefixed, as the idea page holds other forms."""
    return AdoptionForm(formdata, adoption=adoption, prefix="adoption")


def new_response_form(formdata=None, response: OfficialResponse | None = None) -> ResponseForm:
    return ResponseForm(formdata, response=response, prefix="response")
