"""Who owns a discussion. Each owning domain registers an OwnerType in its `init_app`; comment
routes and permissions go through it, so this package knows no owner's model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import object_session

from idealaari import targets
from idealaari.comments.models import Discussion
from idealaari.extensions import db
from idealaari.targets import TargetKind


def _no_idea(owner) -> int | None:
    return None


def _no_badge(owner, comment) -> str | None:
    return None


@dataclass(frozen=True)
class OwnerType:
    """One kind of discussion owner.

    - `segment`: its comment pages live under /<segment>/<owner id>/comments;
    - `refusal(user, owner)`: why the member cannot comment (None when they can), a rule
      from permissions.py;
    - `is_open(owner)`: whether it takes comments at all (pages poll for new ones only then);
    - `idea_id(owner)`: the idea its news is about, for digests that group by idea;
    - `author_badge(owner, comment)`: a label shown by the author's name when the comment
      speaks for the owner ("Problem owner" on a challenge's answers), or None.
    """

    kind: TargetKind
    segment: str
    model: type
    refusal: Callable[[Any, Any], str | None]
    is_open: Callable[[Any], bool]
    idea_id: Callable[[Any], int | None] = _no_idea
    author_badge: Callable[[Any, Any], str | None] = _no_badge


_by_kind: dict[TargetKind, OwnerType] = {}
_by_segment: dict[str, OwnerType] = {}


def register(owner_type: OwnerType) -> None:
    _by_kind[owner_type.kind] = owner_type
    _by_segment[owner_type.segment] = owner_type


@dataclass(frozen=True)
class Owner:
    """A discussion's owner, resolved: what comment pages and rules ask of it."""

    type: OwnerType
    obj: Any

    @property
    def kind(self) -> TargetKind:
        return self.type.kind

    @property
    def discussion_id(self) -> int:
        return self.obj.discussion_id

    @property
    def discussion(self) -> Discussion:
        return self.obj.discussion

    @property
    def title(self) -> str:
        return targets.title(self.kind, self.obj)

    @property
    def url(self) -> str:
        return targets.url(self.kind, self.obj)

    def link(self, anchor: str | None = None) -> tuple[str, dict]:
        endpoint, values = targets.link(self.kind, self.obj)
        return endpoint, {**values, "_anchor": anchor} if anchor else values

    @property
    def route(self) -> dict[str, Any]:
        """url_for values of the owner's comment routes: url_for('comments.thread', **route)."""
        return {"owner": self.type.segment, "owner_id": self.obj.id}

    @property
    def is_open(self) -> bool:
        return self.type.is_open(self.obj)

    @property
    def idea_id(self) -> int | None:
        return self.type.idea_id(self.obj)

    def refusal(self, user) -> str | None:
        return self.type.refusal(user, self.obj)

    def author_badge(self, comment) -> str | None:
        """The label by the comment author's name, if the owner gives one (None: no badge)."""
        if comment.author is None:
            return None
        return self.type.author_badge(self.obj, comment)

    def may_comment(self, user) -> bool:
        return self.refusal(user) is None

    def can_view(self, user) -> bool:
        return targets.can_view(self.kind, user, self.obj)


def owner_for(kind: TargetKind | str, obj) -> Owner:
    """The owner wrapper of an object whose kind is known (an idea on its own page)."""
    return Owner(_by_kind[TargetKind(kind)], obj)


def owner_of(discussion: Discussion) -> Owner | None:
    """The owner of a discussion (from the session's identity map when it is loaded)."""
    owner_type = _by_kind.get(discussion.owner_kind)
    if owner_type is None or discussion.owner_id is None:
        return None
    # The discussion's own session: mail sent after a commit reads in a session of its own.
    session = object_session(discussion) or db.session
    obj = session.get(owner_type.model, discussion.owner_id)
    return Owner(owner_type, obj) if obj is not None else None


def find(segment: str, owner_id: int) -> Owner | None:
    """The owner behind a comment URL (/<segment>/<id>/comments), or None."""
    owner_type = _by_segment.get(segment)
    if owner_type is None:
        return None
    obj = db.session.get(owner_type.model, owner_id)
    return Owner(owner_type, obj) if obj is not None else None
