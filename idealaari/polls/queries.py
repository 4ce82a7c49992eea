"""Reads of theme polls: lists by phase, a member's vote, and results once a poll has closed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import selectinload

from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.polls.models import OptionStatus, Poll, PollOption, PollPhase, PollVote


def vote_of(poll: Poll, user) -> PollVote | None:
    """The member's vote in the poll, if they have voted."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return db.session.scalar(
        select(PollVote).where(PollVote.poll_id == poll.id, PollVote.user_id == user.id)
    )


def voter_ids(poll: Poll) -> list[int]:
    return list(
        db.session.scalars(
            select(PollVote.user_id)
            .where(PollVote.poll_id == poll.id, PollVote.user_id.is_not(None))
            .order_by(PollVote.user_id)
        )
    )


def unannounced_closed_polls(now: datetime) -> Select:
    """Closed polls whose result notifications have not gone out."""
    return (
        select(Poll)
        .where(Poll.closes_at <= now, Poll.results_announced_at.is_(None))
        .order_by(Poll.closes_at, Poll.id)
    )


def _open_or_proposing(now: datetime):
    return and_(
        Poll.closes_at > now,
        or_(
            Poll.opens_at <= now,
            and_(Poll.proposals_close_at.is_not(None), Poll.proposals_close_at > now),
        ),
    )


def open_polls(now: datetime | None = None, limit: int = 5) -> list[Poll]:
    """Polls members can act on now: open for votes, or open for proposals; soonest first."""
    now = now or utcnow()
    stmt = (
        select(Poll)
        .where(_open_or_proposing(now))
        .order_by(Poll.opens_at > now, Poll.closes_at, Poll.id)  # voting before proposals
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


@dataclass
class PollLists:
    """The poll list page's three groups."""

    open: list[Poll] = field(default_factory=list)
    coming: list[Poll] = field(default_factory=list)  # proposal phase or waiting to open
    closed: list[Poll] = field(default_factory=list)


def poll_lists(now: datetime | None = None) -> PollLists:
    now = now or utcnow()
    lists = PollLists()
    polls = db.session.scalars(
        select(Poll).options(selectinload(Poll.options)).order_by(Poll.opens_at, Poll.id)
    )
    for poll in polls:
        phase = poll.phase(now)
        if phase == PollPhase.OPEN:
            lists.open.append(poll)
        elif phase == PollPhase.CLOSED:
            lists.closed.append(poll)
        else:
            lists.coming.append(poll)
    lists.open.sort(key=lambda p: (p.closes_at, p.id))
    lists.closed.sort(key=lambda p: (p.closes_at, p.id), reverse=True)
    return lists


def vote_counts(poll_ids: Iterable[int]) -> dict[int, int]:
    """Votes per option id, for the given polls."""
    ids = list(poll_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        select(PollVote.option_id, func.count())
        .where(PollVote.poll_id.in_(ids))
        .group_by(PollVote.option_id)
    )
    return {option_id: count for option_id, count in rows}


@dataclass(frozen=True)
class OptionResult:
    option: PollOption
    votes: int
    percent: int  # of all votes, rounded


@dataclass(frozen=True)
class PollResults:
    """A closed poll's counts; show them only after the poll has closed."""

    rows: list[OptionResult]
    total: int
    winners: list[PollOption]

    @property
    def is_tie(self) -> bool:
        return len(self.winners) > 1

    @property
    def winning_votes(self) -> int:
        return self.rows[0].votes if self.rows else 0


def results(poll: Poll, counts: dict[int, int] | None = None) -> PollResults:
    """Counts per accepted option, most votes first; the winners share the highest count."""
    if counts is None:
        counts = vote_counts([poll.id])
    options = [o for o in poll.options if o.status == OptionStatus.ACCEPTED]
    total = sum(counts.get(o.id, 0) for o in options)
    rows = sorted(
        (
            OptionResult(
                o, counts.get(o.id, 0), round(100 * counts.get(o.id, 0) / total) if total else 0
            )
            for o in options
        ),
        key=lambda r: (-r.votes, r.option.position, r.option.id),
    )
    top = rows[0].votes if rows else 0
    winners = [r.option for r in rows if r.votes == top] if top else []
    return PollResults(rows=rows, total=total, winners=winners)


def results_by_poll(polls: Iterable[Poll]) -> dict[int, PollResults]:
    """Results of several closed polls with one count query."""
    polls = list(polls)
    counts = vote_counts(p.id for p in polls)
    return {p.id: results(p, counts) for p in polls}
