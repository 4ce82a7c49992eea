"""What moderation can act on: ideas and comments (challenge questions are comments, and a
challenge entry is its idea). One small adapter per kind says how to read and hide an item."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from idealaari import targets
from idealaari.comments import services as comment_services
from idealaari.comments.models import Comment
from idealaari.extensions import db
from idealaari.ideas import services as idea_services
from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.targets import TargetKind

REPORTABLE = (TargetKind.IDEA, TargetKind.COMMENT)


@dataclass(frozen=True)
class Item:
    kind: TargetKind
    obj: Any

    @property
    def id(self) -> int:
        return self.obj.id

    @property
    def author_id(self) -> int | None:
        return self.obj.author_id

    @property
    def author(self):
        return self.obj.author

    @property
    def title(self) -> str:
        return targets.title(self.kind, self.obj)

    @property
    def excerpt(self) -> str:
        text = self.obj.summary if self.kind == TargetKind.IDEA else self.obj.body
        text = " ".join((text or "").split())
        return text if len(text) <= 300 else text[:299].rstrip() + "…"

    @property
    def url(self) -> str:
        return targets.url(self.kind, self.obj)

    @property
    def idea(self) -> Idea | None:
        """The idea an item belongs to (itself, or the idea a comment is on), if any."""
        if self.kind == TargetKind.IDEA:
            return self.obj
        return db.session.scalar(
            db.select(Idea).where(Idea.discussion_id == self.obj.discussion_id)
        )

    @property
    def is_hidden(self) -> bool:
        if self.kind == TargetKind.IDEA:
            return self.obj.status == IdeaStatus.HIDDEN
        return self.obj.hidden_at is not None

    @property
    def is_gone(self) -> bool:
        """Removed by its author, or merged: nothing left to hide."""
        if self.kind == TargetKind.IDEA:
            return self.obj.status in (IdeaStatus.MERGED, IdeaStatus.DRAFT)
        return self.obj.deleted_at is not None

    @property
    def hidden_reason(self) -> str | None:
        return self.obj.hidden_reason

    def hide(self, *, actor, reason: str | None) -> None:
        """Hide the item; with reason None it waits for review (the author is told so)."""
        if self.kind == TargetKind.IDEA:
            idea_services.hide_idea(idea=self.obj, actor=actor, reason=reason)
        elif reason is None:
            comment_services.hold_comment(comment=self.obj)
        else:
            comment_services.hide_comment(comment=self.obj, moderator=actor, reason=reason)

    def unhide(self, *, actor, reason: str) -> None:
        if self.kind == TargetKind.IDEA:
            idea_services.unhide_idea(idea=self.obj, actor=actor, reason=reason)
        else:
            comment_services.unhide_comment(comment=self.obj, moderator=actor)


def load(kind: TargetKind | str, item_id: int) -> Item | None:
    kind = TargetKind(kind)
    if kind not in REPORTABLE:
        return None
    model = Idea if kind == TargetKind.IDEA else Comment
    obj = db.session.get(model, item_id)
    return Item(kind, obj) if obj is not None else None
