"""Votes. The database keeps one vote per member and idea; the count moves only in SQL."""

from __future__ import annotations

from sqlalchemy import delete, insert, update
from sqlalchemy.exc import IntegrityError

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.extensions import db
from idealaari.ideas.models import Idea
from idealaari.search.outbox import enqueue
from idealaari.votes.models import Vote


class VoteError(Exception):
    """A refused vote; the message says why, in the member's language."""


def _change_count(idea: Idea, delta: int) -> None:
    # vote_count = vote_count ± 1 in SQL: parallel votes never overwrite each other.
    db.session.execute(
        update(Idea).where(Idea.id == idea.id).values(vote_count=Idea.vote_count + delta)
    )
    enqueue(db.session, idea.id)  # "most voted" sorting in search follows the count


def add_vote(*, idea: Idea, voter: User) -> bool:
    """Give the idea the member's vote; return False if they had already voted."""
    refusal = permissions.vote_refusal(voter, idea)
    if refusal:
        raise VoteError(refusal)
    try:
        with db.session.begin_nested():
            db.session.execute(insert(Vote).values(idea_id=idea.id, user_id=voter.id))
    except IntegrityError:  # already voted (perhaps in a parallel request)
        return False
    _change_count(idea, +1)
    return True


def withdraw_vote(*, idea: Idea, voter: User) -> bool:
    """Take the member's vote back; return False if there was none."""
    result = db.session.execute(
        delete(Vote).where(Vote.idea_id == idea.id, Vote.user_id == voter.id)
    )
    if not result.rowcount:
        return False
    _change_count(idea, -1)
    return True
