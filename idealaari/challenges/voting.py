"""The public vote of a challenge: one vote per entry, or a budget of N votes to spread.

The database keeps the counts exact under concurrency:
- one vote per member and entry is a unique constraint;
- an entry's count moves only by SQL increments;
- a budget is spent only by a conditional UPDATE (`used < budget`), so two parallel votes
  can't both take the last one. On PostgreSQL the second UPDATE waits for the first one's row
  lock and re-checks the condition; on SQLite writes are serialised.
The vote, the count and the budget change in one savepoint: a refused vote leaves no trace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.challenges.models import (
    Challenge,
    ChallengePhase,
    Entry,
    EntryVote,
    VoteBudget,
    VotingMode,
)
from idealaari.dbtypes import utcnow
from idealaari.extensions import db


class ChallengeVoteError(Exception):
    """A refused vote; the message says why, in the member's language."""


def _change_count(entry: Entry, delta: int) -> None:
    db.session.execute(
        update(Entry).where(Entry.id == entry.id).values(vote_count=Entry.vote_count + delta)
    )


def _ensure_budget_row(challenge: Challenge, voter: User) -> None:
    """The member's budget row exists (made at the first vote; a parallel first vote may
    make it a moment earlier, which is fine)."""
    exists = db.session.scalar(
        select(VoteBudget.used).where(
            VoteBudget.challenge_id == challenge.id, VoteBudget.user_id == voter.id
        )
    )
    if exists is not None:
        return
    try:
        with db.session.begin_nested():
            db.session.execute(
                insert(VoteBudget).values(challenge_id=challenge.id, user_id=voter.id, used=0)
            )
    except IntegrityError:
        pass


def cast_vote(*, entry: Entry, voter: User, now: datetime | None = None) -> bool:
    """Give the entry the member's vote; False if they had already voted for it."""
    now = now or utcnow()
    challenge = entry.challenge
    refusal = permissions.challenge_vote_refusal(voter, challenge, entry, now)
    if refusal:
        raise ChallengeVoteError(refusal)
    budget = challenge.voting_mode == VotingMode.BUDGET
    if budget:
        _ensure_budget_row(challenge, voter)
    try:
        with db.session.begin_nested():
            db.session.execute(
                insert(EntryVote).values(
                    challenge_id=challenge.id, entry_id=entry.id, user_id=voter.id, created_at=now
                )
            )
            if budget:
                spent = db.session.execute(
                    update(VoteBudget)
                    .where(
                        VoteBudget.challenge_id == challenge.id,
                        VoteBudget.user_id == voter.id,
                        VoteBudget.used < challenge.vote_budget,
                    )
                    .values(used=VoteBudget.used + 1)
                )
                if spent.rowcount != 1:
                    raise _BudgetSpent
    except IntegrityError:  # already voted for this entry (perhaps in a parallel request)
        return False
    except _BudgetSpent:
        raise ChallengeVoteError(
            _(
                "You have used all your %(num)d votes. Take one back to vote for this entry.",
                num=challenge.vote_budget,
            )
        ) from None
    _change_count(entry, +1)
    return True


class _BudgetSpent(Exception):
    """Raised inside the savepoint so that the vote row is rolled back with it."""


def withdraw_vote(*, entry: Entry, voter: User, now: datetime | None = None) -> bool:
    """Take the member's vote back while voting is open; False if there was none."""
    now = now or utcnow()
    challenge = entry.challenge
    refusal = permissions.challenge_vote_refusal(voter, challenge, None, now)
    if refusal:
        raise ChallengeVoteError(refusal)
    removed = db.session.execute(
        delete(EntryVote).where(EntryVote.entry_id == entry.id, EntryVote.user_id == voter.id)
    )
    if not removed.rowcount:
        return False
    if challenge.voting_mode == VotingMode.BUDGET:
        db.session.execute(
            update(VoteBudget)
            .where(
                VoteBudget.challenge_id == challenge.id,
                VoteBudget.user_id == voter.id,
                VoteBudget.used > 0,
            )
            .values(used=VoteBudget.used - 1)
        )
    _change_count(entry, -1)
    return True


# --------------------------------------------------------------------------- reads


@dataclass(frozen=True)
class Ballot:
    """What one member sees of the vote: their votes, the budget left, and whether the
    counts are shown yet."""

    voted: frozenset[int]
    budget: int | None  # None: one vote per entry, no budget
    used: int
    counts_visible: bool

    @property
    def left(self) -> int | None:
        return None if self.budget is None else max(0, self.budget - self.used)


def counts_visible(challenge: Challenge, now: datetime) -> bool:
    """Counts are public unless the challenge hides them until voting closes."""
    if not challenge.has_voting:
        return False
    if not challenge.hide_votes_until_closed:
        return True
    return challenge.phase_at(now) in (
        ChallengePhase.EVALUATION,
        ChallengePhase.RESULTS,
        ChallengePhase.CLOSED,
    )


def ballot(user: User | None, challenge: Challenge, now: datetime) -> Ballot:
    budget = challenge.vote_budget if challenge.voting_mode == VotingMode.BUDGET else None
    voted: frozenset[int] = frozenset()
    if user is not None and getattr(user, "is_authenticated", False) and challenge.has_voting:
        voted = frozenset(
            db.session.scalars(
                select(EntryVote.entry_id).where(
                    EntryVote.challenge_id == challenge.id, EntryVote.user_id == user.id
                )
            )
        )
    return Ballot(voted, budget, len(voted), counts_visible(challenge, now))


def voter_count(challenge: Challenge) -> int:
    """How many different members voted."""
    return (
        db.session.scalar(
            select(func.count(func.distinct(EntryVote.user_id))).where(
                EntryVote.challenge_id == challenge.id
            )
        )
        or 0
    )
