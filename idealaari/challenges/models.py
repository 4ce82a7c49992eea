"""Challenges (haastekisat), their timeline, entries, votes, jury and results.

A challenge's phase is a pure function of its dates, its approval and `now` (`phase_at`): no
background job switches phases, and a page rendered at any moment shows the right one.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.comments.models import Discussion
from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Theme

if TYPE_CHECKING:
    from idealaari.accounts.models import User
    from idealaari.ideas.models import Idea
    from idealaari.organisations.models import Organisation


class ChallengeStatus(enum.StrEnum):
    """Where the challenge stands in approval (its phase comes from the dates)."""

    PROPOSED = "proposed"  # an area contact proposed it; a moderator decides
    APPROVED = "approved"
    REJECTED = "rejected"


class ChallengePhase(enum.StrEnum):
    PROPOSED = "proposed"
    UPCOMING = "upcoming"  # approved; submission not yet open
    SUBMISSION = "submission"
    VOTING = "voting"
    EVALUATION = "evaluation"
    RESULTS = "results"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return str(PHASE_LABELS[self])


PHASE_LABELS = {
    ChallengePhase.PROPOSED: _l("Proposed"),
    ChallengePhase.UPCOMING: _l("Upcoming"),
    ChallengePhase.SUBMISSION: _l("Submission"),
    ChallengePhase.VOTING: _l("Voting"),
    ChallengePhase.EVALUATION: _l("Evaluation"),
    ChallengePhase.RESULTS: _l("Results"),
    ChallengePhase.CLOSED: _l("Closed"),
}


class VotingMode(enum.StrEnum):
    NONE = "none"
    SINGLE = "single"  # one vote per entry per member, as idea votes
    BUDGET = "budget"  # N votes a member spreads over entries, at most one per entry

    @property
    def label(self) -> str:
        return str(VOTING_MODE_LABELS[self])


VOTING_MODE_LABELS = {
    VotingMode.NONE: _l("No public vote"),
    VotingMode.SINGLE: _l("One vote per entry"),
    VotingMode.BUDGET: _l("A budget of votes to spread over entries"),
}


class ScoreMode(enum.StrEnum):
    RAW = "raw"  # the weighted mean of the scorecards
    NORMALISED = "normalised"  # each juror's scores standardised before averaging


class AwardKind(enum.StrEnum):
    WINNER = "winner"
    MENTION = "mention"


# Where a timeline date lives, in the order of the phases; `None` for a skipped phase.
TIMELINE_FIELDS = (
    "submission_opens_at",
    "submission_closes_at",
    "voting_closes_at",
    "evaluation_closes_at",
    "closes_at",
)

challenge_themes = Table(
    "challenge_themes",
    db.metadata,
    Column("challenge_id", ForeignKey("challenges.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True),
)

challenge_managers = Table(
    "challenge_managers",
    db.metadata,
    Column("challenge_id", ForeignKey("challenges.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)

challenge_jurors = Table(
    "challenge_jurors",
    db.metadata,
    Column("challenge_id", ForeignKey("challenges.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)


@dataclass(frozen=True)
class PhaseSpan:
    """One phase on the timeline: from `starts_at` until `ends_at` (None: open-ended)."""

    phase: ChallengePhase
    starts_at: datetime | None
    ends_at: datetime | None


class Challenge(db.Model):
    """An organisation challenges the network to solve a named problem."""

    __tablename__ = "challenges"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(160))
    slug: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(String(600))
    brief: Mapped[str] = mapped_column(Text, default="")
    problem_owner_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    # Target groups and the organisation kinds that may enter, as lists of enum values.
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    eligible_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)  # empty: any member
    prize: Mapped[str] = mapped_column(String(500), default="")
    cover_image: Mapped[str | None] = mapped_column(String(80))
    cover_alt: Mapped[str] = mapped_column(String(300), default="")

    status: Mapped[ChallengeStatus] = mapped_column(
        str_enum(ChallengeStatus), default=ChallengeStatus.PROPOSED, index=True
    )
    submission_opens_at: Mapped[datetime] = mapped_column(UTCDateTime())
    submission_closes_at: Mapped[datetime] = mapped_column(UTCDateTime())
    voting_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    evaluation_closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime())

    voting_mode: Mapped[VotingMode] = mapped_column(str_enum(VotingMode), default=VotingMode.NONE)
    vote_budget: Mapped[int] = mapped_column(Integer, default=3)
    hide_votes_until_closed: Mapped[bool] = mapped_column(Boolean, default=True)
    score_mode: Mapped[ScoreMode] = mapped_column(str_enum(ScoreMode), default=ScoreMode.RAW)
    # Independent scorecards each entry needs; the jury's share of the ranking (0-100).
    jury_quorum: Mapped[int] = mapped_column(Integer, default=2)
    jury_weight: Mapped[int] = mapped_column(Integer, default=100)

    discussion_id: Mapped[int] = mapped_column(ForeignKey("discussions.id"), unique=True)
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decision_note: Mapped[str] = mapped_column(String(500), default="")
    results_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    problem_owner: Mapped[Organisation] = relationship(lazy="joined")
    discussion: Mapped[Discussion] = relationship(cascade="all, delete-orphan", single_parent=True)
    proposed_by: Mapped[User | None] = relationship(foreign_keys=[proposed_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    themes: Mapped[list[Theme]] = relationship(secondary=challenge_themes, order_by="Theme.name_fi")
    managers: Mapped[list[User]] = relationship(secondary=challenge_managers, order_by="User.name")
    jurors: Mapped[list[User]] = relationship(secondary=challenge_jurors, order_by="User.name")
    criteria: Mapped[list[Criterion]] = relationship(
        back_populates="challenge", cascade="all, delete-orphan", order_by="Criterion.position"
    )
    entries: Mapped[list[Entry]] = relationship(
        back_populates="challenge", cascade="all, delete-orphan", order_by="Entry.entered_at"
    )
    phase_changes: Mapped[list[PhaseChange]] = relationship(
        back_populates="challenge", cascade="all, delete-orphan", order_by="PhaseChange.id"
    )

    def timeline(self) -> list[PhaseSpan]:
        """The phases this challenge has, in order, with their dates (skipped ones left out)."""
        spans = [PhaseSpan(ChallengePhase.UPCOMING, None, self.submission_opens_at)]
        spans.append(
            PhaseSpan(
                ChallengePhase.SUBMISSION, self.submission_opens_at, self.submission_closes_at
            )
        )
        start = self.submission_closes_at
        if self.voting_closes_at is not None:
            spans.append(PhaseSpan(ChallengePhase.VOTING, start, self.voting_closes_at))
            start = self.voting_closes_at
        if self.evaluation_closes_at is not None:
            spans.append(PhaseSpan(ChallengePhase.EVALUATION, start, self.evaluation_closes_at))
            start = self.evaluation_closes_at
        spans.append(PhaseSpan(ChallengePhase.RESULTS, start, self.closes_at))
        spans.append(PhaseSpan(ChallengePhase.CLOSED, self.closes_at, None))
        return spans

    def phase_at(self, now: datetime) -> ChallengePhase:
        """The phase at `now`: a pure function of the approval and the dates."""
        if self.status != ChallengeStatus.APPROVED:
            return ChallengePhase.PROPOSED
        for span in self.timeline():
            if span.ends_at is None or now < span.ends_at:
                return span.phase
        return ChallengePhase.CLOSED  # pragma: no cover - the last span is open-ended

    def steps(self, now: datetime) -> list[tuple[PhaseSpan, str]]:
        """The timeline to show, from submission on: each phase "done", "current" or "next"."""
        phase = self.phase_at(now)
        spans = [s for s in self.timeline() if s.phase != ChallengePhase.UPCOMING]
        phases = [s.phase for s in spans]
        if phase not in phases:
            return [(s, "next") for s in spans]
        current = phases.index(phase)
        return [
            (s, "done" if i < current else "current" if i == current else "next")
            for i, s in enumerate(spans)
        ]

    def current_span(self, now: datetime) -> PhaseSpan | None:
        phase = self.phase_at(now)
        return next((s for s in self.timeline() if s.phase == phase), None)

    @property
    def has_voting(self) -> bool:
        return self.voting_closes_at is not None and self.voting_mode != VotingMode.NONE

    @property
    def has_evaluation(self) -> bool:
        return self.evaluation_closes_at is not None

    def __repr__(self) -> str:
        return f"<Challenge {self.id} {self.title!r}>"


class PhaseChange(db.Model):
    """A manager moved a date of the timeline: ended a phase early or extended it."""

    __tablename__ = "challenge_phase_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("challenges.id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[datetime | None] = mapped_column(UTCDateTime())
    new_value: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(300), default="")
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    challenge: Mapped[Challenge] = relationship(back_populates="phase_changes")
    changed_by: Mapped[User | None] = relationship()


class Criterion(db.Model):
    """A jury criterion: a weight and a 1-5 scale, each point described."""

    __tablename__ = "challenge_criteria"

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("challenges.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(String(500), default="")
    weight: Mapped[int] = mapped_column(Integer, default=1)
    # Five descriptions, for the points 1..5 ("5 = ready to pilot in another area").
    scale: Mapped[list[str]] = mapped_column(JSON, default=list)

    challenge: Mapped[Challenge] = relationship(back_populates="criteria")


class Entry(db.Model):
    """An idea entered in a challenge; one entry per idea per challenge."""

    __tablename__ = "challenge_entries"
    __table_args__ = (UniqueConstraint("challenge_id", "idea_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("challenges.id", ondelete="CASCADE"), index=True
    )
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    entered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Kept with SQL increments only, as idea votes are.
    vote_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    challenge: Mapped[Challenge] = relationship(back_populates="entries")
    idea: Mapped[Idea] = relationship(lazy="joined")
    entered_by: Mapped[User | None] = relationship()


class EntryVote(db.Model):
    __tablename__ = "challenge_votes"
    __table_args__ = (UniqueConstraint("entry_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("challenges.id", ondelete="CASCADE"), index=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("challenge_entries.id", ondelete="CASCADE"), index=True
    )
    # NULL once the voter deleted their account: the vote still counts, linked to nobody.
    user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class VoteBudget(db.Model):
    """Votes a member has used in a budget challenge; raised only by a conditional UPDATE
    (`used < budget`), so parallel requests cannot exceed the budget."""

    __tablename__ = "challenge_vote_budgets"

    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("challenges.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    used: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Recusal(db.Model):
    """A juror declared a conflict of interest on an entry."""

    __tablename__ = "challenge_recusals"
    __table_args__ = (UniqueConstraint("entry_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("challenge_entries.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Scorecard(db.Model):
    """One juror's scores of one entry, with a private note for the jury and managers."""

    __tablename__ = "challenge_scorecards"
    __table_args__ = (UniqueConstraint("entry_id", "juror_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("challenge_entries.id", ondelete="CASCADE"), index=True
    )
    # NULL once the juror deleted their account; `former_juror_id` then keeps their cards
    # together as one juror's (the juror-normalised ranking standardises per juror). It is a
    # bare number that names no account: the account is gone.
    juror_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    former_juror_id: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    scores: Mapped[list[Score]] = relationship(cascade="all, delete-orphan")


class Score(db.Model):
    __tablename__ = "challenge_scores"

    scorecard_id: Mapped[int] = mapped_column(
        ForeignKey("challenge_scorecards.id", ondelete="CASCADE"), primary_key=True
    )
    criterion_id: Mapped[int] = mapped_column(
        ForeignKey("challenge_criteria.id", ondelete="CASCADE"), primary_key=True
    )
    value: Mapped[int] = mapped_column(Integer)


class Award(db.Model):
    """A winner or an honourable mention, with the jury's statement."""

    __tablename__ = "challenge_awards"
    __table_args__ = (UniqueConstraint("challenge_id", "entry_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    challenge_id: Mapped[int] = mapped_column(
        ForeignKey("challenges.id", ondelete="CASCADE"), index=True
    )
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("challenge_entries.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[AwardKind] = mapped_column(str_enum(AwardKind))
    position: Mapped[int] = mapped_column(Integer, default=0)
    statement: Mapped[str] = mapped_column(String(1000), default="")

    entry: Mapped[Entry] = relationship(lazy="joined")
