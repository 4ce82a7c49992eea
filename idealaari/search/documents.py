"""What ideas carry into search, whatever the backend: which are indexed and their documents."""

from __future__ import annotations

import html
from collections.abc import Iterable

import nh3
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.markdown import render_markdown
from idealaari.search.types import SearchDocument

# Archived ideas are the network's memory: everyone finds them (ranked below current ones).
# Drafts are indexed so that their editors find them; hidden and merged ideas leave the index.
INDEXED_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED, IdeaStatus.DRAFT)


def plain_text(markdown: str) -> str:
    """Markdown as plain text (not HTML: "<" is "<"), for indexing and snippets.

    The highlighter escapes the text when it makes a snippet; text that was still escaped
    here would show as "&lt;"."""
    return html.unescape(nh3.clean(str(render_markdown(markdown)), tags=set())).strip()


def idea_text(idea: Idea) -> str:
    """The words an idea is compared by when looking for similar ideas."""
    return "\n".join([idea.title, idea.summary, idea.need or "", plain_text(idea.body)])


def is_indexed(idea: Idea | None) -> bool:
    return idea is not None and idea.status in INDEXED_STATUSES


def indexed_idea_ids(session: Session) -> set[int]:
    return set(session.scalars(select(Idea.id).where(Idea.status.in_(INDEXED_STATUSES))))


def ideas_for_index(session: Session, ids: Iterable[int] | None = None):
    """The given ideas (whatever their status), or every indexed idea, with what documents need."""
    stmt = select(Idea).options(
        selectinload(Idea.tags),
        selectinload(Idea.themes),
        selectinload(Idea.co_editors),
        selectinload(Idea.target_group_rows),
    )
    if ids is not None:
        stmt = stmt.where(Idea.id.in_(list(ids)))
    else:
        stmt = stmt.where(Idea.status.in_(INDEXED_STATUSES)).order_by(Idea.id)
    return session.scalars(stmt)


def idea_document(idea: Idea) -> SearchDocument:
    """The search document of one idea, from the database."""
    themes = list(idea.themes)
    editors = {idea.author_id, *(u.id for u in idea.co_editors)} - {None}
    created = idea.published_at or idea.created_at
    return SearchDocument(
        kind="idea",
        id=idea.id,
        title=idea.title,
        summary=idea.summary,
        text="\n".join(
            part
            for part in (
                idea.need or "",
                plain_text(idea.body),
                idea.organisation.name_fi,
                idea.organisation.name_sv or "",
                " ".join(t.name_fi for t in themes),
            )
            if part
        ),
        status=idea.status.value,
        created=created,
        tags=tuple(t.name for t in idea.tags),
        organisation=idea.organisation.code,
        themes=tuple(t.slug for t in themes),
        phase=idea.phase.value,
        target_groups=tuple(g.value for g in idea.target_groups),
        seeks_partners=bool(idea.seeks_partners),
        year=str(created.year),
        editors=tuple(sorted(editors)),
        votes=idea.vote_count or 0,
    )
