"""Reads of votes."""

from __future__ import annotations

from sqlalchemy import select

from idealaari.accounts.models import User
from idealaari.extensions import db
from idealaari.ideas.models import Idea
from idealaari.votes.models import Vote


def has_voted(user: User | None, idea: Idea) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return (
        db.session.scalar(select(Vote.id).where(Vote.idea_id == idea.id, Vote.user_id == user.id))
        is not None
    )
