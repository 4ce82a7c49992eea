"""What is searchable, whatever the backend: which ideas are indexed and the text they carry."""

from __future__ import annotations

import html
from collections.abc import Iterable

import nh3
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.markdown import render_markdown

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
