"""Ideas as a searchable type: drafts for their editors, published and archived for everyone."""

from __future__ import annotations

from itertools import chain

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from idealaari import permissions
from idealaari.ideas import queries as idea_queries
from idealaari.ideas.models import Idea, Theme, idea_themes
from idealaari.organisations.models import Organisation
from idealaari.search import documents, registry
from idealaari.search.types import Visibility


def changed_idea_ids(session: Session) -> set[int]:
    """Ideas a flush changed, and those whose organisation or theme was renamed."""
    ids: set[int] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Idea) and obj.id is not None:
            ids.add(obj.id)
        elif isinstance(obj, Organisation) and obj in session.dirty and session.is_modified(obj):
            ids.update(
                session.connection().scalars(select(Idea.id).where(Idea.organisation_id == obj.id))
            )
        elif isinstance(obj, Theme) and obj in session.dirty and session.is_modified(obj):
            ids.update(
                session.connection().scalars(
                    select(idea_themes.c.idea_id).where(idea_themes.c.theme_id == obj.id)
                )
            )
    return ids


def idea_visibility(user) -> Visibility:
    """Published and archived ideas for everyone, plus the drafts this member can edit."""
    scope = permissions.editor_scope(user)
    if scope is None:
        return Visibility(public=("published", "archived"))
    return Visibility(
        public=("published", "archived"),
        private=("draft",),
        editor_id=scope.user_id,
        area_code=scope.area_organisation_code,
    )


def _load_hits(ids: list[int], user) -> dict[int, Idea]:
    return {idea.id: idea for idea in idea_queries.ideas_in_order(ids, user)}


IDEAS = registry.SearchableType(
    kind="idea",
    label=_l("Ideas"),
    load=documents.ideas_for_index,
    is_indexed=documents.is_indexed,
    indexed_ids=documents.indexed_idea_ids,
    document=documents.idea_document,
    changed_ids=changed_idea_ids,
    visibility=idea_visibility,
    load_hits=_load_hits,
    hit_template="search/_idea_hit.html",
)
registry.register(IDEAS)
