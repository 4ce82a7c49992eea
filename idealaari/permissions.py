"""Every permission rule of Idealaari, written once; views and templates both use these."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, false, or_

from idealaari.accounts.models import Role

if TYPE_CHECKING:
    from idealaari.accounts.models import User
    from idealaari.ideas.models import Idea


def _member(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False)


def is_moderator(user: User | None) -> bool:
    """Moderators and admins curate content and manage themes."""
    return _member(user) and user.role in (Role.MODERATOR, Role.ADMIN)


def is_admin(user: User | None) -> bool:
    return _member(user) and user.role == Role.ADMIN


def can_manage_themes(user: User | None) -> bool:
    return is_moderator(user)


def can_manage_users(user: User | None) -> bool:
    return is_admin(user)


def can_create_idea(user: User | None) -> bool:
    return _member(user)


def can_edit_idea(user: User | None, idea: Idea) -> bool:
    """The author, the owning organisation's area contacts, and co-editors edit an idea."""
    if not _member(user):
        return False
    if idea.author_id is not None and idea.author_id == user.id:
        return True
    if user.role == Role.AREA_CONTACT and user.organisation_id == idea.organisation_id:
        return True
    return any(editor.id == user.id for editor in idea.co_editors)


def can_manage_co_editors(user: User | None, idea: Idea) -> bool:
    """The author adds co-editors; so do the organisation's area contacts once the author left."""
    if not _member(user):
        return False
    if idea.author_id is not None:
        return idea.author_id == user.id
    return user.role == Role.AREA_CONTACT and user.organisation_id == idea.organisation_id


def can_view_idea(user: User | None, idea: Idea) -> bool:
    """Published and archived ideas are public; drafts to editors; hidden also to moderators."""
    from idealaari.ideas.models import IdeaStatus

    if idea.status in (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED, IdeaStatus.MERGED):
        return True
    if idea.status == IdeaStatus.HIDDEN and is_moderator(user):
        return True
    return can_edit_idea(user, idea)


def can_archive_idea(user: User | None, idea: Idea) -> bool:
    from idealaari.ideas.models import IdeaStatus

    return idea.status == IdeaStatus.PUBLISHED and (can_edit_idea(user, idea) or is_moderator(user))


def can_view_history(user: User | None, idea: Idea) -> bool:
    return can_view_idea(user, idea)


@dataclass(frozen=True)
class EditorScope:
    """Which ideas can_edit_idea lets a member edit, as data for queries that filter by it."""

    user_id: int  # as author or co-editor
    area_organisation_id: int | None  # every idea of this organisation (area contacts)
    area_organisation_code: str | None


def editor_scope(user: User | None) -> EditorScope | None:
    if not _member(user):
        return None
    if user.role == Role.AREA_CONTACT:
        return EditorScope(user.id, user.organisation_id, user.organisation.code)
    return EditorScope(user.id, None, None)


def editable_ideas_clause(user: User | None) -> ColumnElement[bool]:
    """SQL form of can_edit_idea, for listing a member's own drafts."""
    from idealaari.ideas.models import Idea, idea_co_editors

    scope = editor_scope(user)
    if scope is None:
        return false()
    clauses = [
        Idea.author_id == scope.user_id,
        Idea.id.in_(
            idea_co_editors.select()
            .with_only_columns(idea_co_editors.c.idea_id)
            .where(idea_co_editors.c.user_id == scope.user_id)
        ),
    ]
    if scope.area_organisation_id is not None:
        clauses.append(Idea.organisation_id == scope.area_organisation_id)
    return or_(*clauses)


JINJA_GLOBALS = {
    "is_moderator": is_moderator,
    "is_admin": is_admin,
    "can_manage_themes": can_manage_themes,
    "can_create_idea": can_create_idea,
    "can_edit_idea": can_edit_idea,
    "can_manage_co_editors": can_manage_co_editors,
    "can_view_idea": can_view_idea,
    "can_archive_idea": can_archive_idea,
}
