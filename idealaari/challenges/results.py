"""The results of a challenge: managers choose the winners and honourable mentions, each with
a short jury statement, save them as a draft, and publish them once evaluation has closed.

Publishing tells the entrants, the jurors and the challenge's followers, in the app and at
once by e-mail. Until then the awards are seen by the managers only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import delete, select

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.challenges.models import (
    Award,
    AwardKind,
    Challenge,
    ChallengePhase,
    Entry,
    challenge_jurors,
)
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea, idea_co_editors

STATEMENT_MAX = 1000
# Awards can be drafted while the jury scores; they are published once evaluation closes.
DRAFT_PHASES = (ChallengePhase.EVALUATION, ChallengePhase.RESULTS, ChallengePhase.CLOSED)
PUBLISH_PHASES = (ChallengePhase.RESULTS, ChallengePhase.CLOSED)


class ResultsError(Exception):
    """A refused change to the results; `entry_id` names the entry the message is about."""

    def __init__(self, message: str, *, entry_id: int | None = None):
        super().__init__(message)
        self.entry_id = entry_id


@dataclass
class AwardChoice:
    entry_id: int
    kind: AwardKind | None  # None: no award
    statement: str = ""


def results_refusal(user: User | None, challenge: Challenge, now: datetime, *, publish: bool):
    """Why this member cannot draft (or publish) the results now; None when they can."""
    if not permissions.can_manage_challenge(user, challenge):
        return _("Only the challenge's managers can publish its results.")
    phase = challenge.phase_at(now)
    if phase not in DRAFT_PHASES or (publish and phase not in PUBLISH_PHASES):
        if challenge.has_evaluation:
            return _(
                "The results are published once the jury's evaluation closes. You can draft "
                "them while the jury scores."
            )
        return _("The results are published once the entries are in and voting has closed.")
    return None


def save_awards(
    *,
    actor: User,
    challenge: Challenge,
    choices: list[AwardChoice],
    publish: bool = False,
    now: datetime | None = None,
) -> list[Award]:
    """Replace the challenge's awards with the choices (in their order), and publish them if
    asked. After publishing, statements can still be corrected; nobody is told twice."""
    now = now or utcnow()
    refusal = results_refusal(actor, challenge, now, publish=publish)
    if refusal:
        raise ResultsError(refusal)
    entries = {e.id: e for e in challenge.entries}
    chosen = []
    for choice in choices:
        if choice.entry_id not in entries:
            raise ResultsError(_("Choose from the entries of this challenge."))
        statement = " ".join((choice.statement or "").split())
        if len(statement) > STATEMENT_MAX:
            raise ResultsError(
                _("Write at most %(max)d characters.", max=STATEMENT_MAX),
                entry_id=choice.entry_id,
            )
        if choice.kind is None:
            continue
        if not statement:
            raise ResultsError(
                _("Write a short jury statement for each winner and mention."),
                entry_id=choice.entry_id,
            )
        chosen.append((choice, statement))
    published = challenge.results_published_at is not None
    if (publish or published) and not any(c.kind == AwardKind.WINNER for c, _s in chosen):
        raise ResultsError(_("Choose at least one winner to publish the results."))
    db.session.execute(delete(Award).where(Award.challenge_id == challenge.id))
    awards = [
        Award(
            challenge_id=challenge.id,
            entry_id=choice.entry_id,
            kind=choice.kind,
            position=i,
            statement=statement,
        )
        for i, (choice, statement) in enumerate(chosen)
    ]
    db.session.add_all(awards)
    challenge.updated_at = now
    if publish and not published:
        challenge.results_published_at = now
    db.session.flush()
    if publish and not published:
        from idealaari.challenges import notifications as challenge_notifications

        challenge_notifications.notify_results(challenge=challenge, actor=actor, awards=awards)
    return awards


def awards_of(challenge: Challenge) -> list[Award]:
    """The awards, winners first, in the managers' order (drafts included)."""
    return list(
        db.session.scalars(
            select(Award)
            .where(Award.challenge_id == challenge.id)
            .order_by(Award.kind.desc(), Award.position)  # "winner" sorts after "mention"
        )
    )


def published_awards(challenge: Challenge) -> list[Award]:
    return awards_of(challenge) if challenge.results_published_at is not None else []


def people_to_tell(challenge: Challenge) -> set[int]:
    """The entrants (who entered, the authors and co-editors of entered ideas) and the jurors."""
    entry_ideas = select(Entry.idea_id).where(Entry.challenge_id == challenge.id)
    ids = set(
        db.session.scalars(
            select(Entry.entered_by_id).where(
                Entry.challenge_id == challenge.id, Entry.entered_by_id.is_not(None)
            )
        )
    )
    ids |= set(db.session.scalars(select(Idea.author_id).where(Idea.id.in_(entry_ideas))))
    ids |= set(
        db.session.scalars(
            select(idea_co_editors.c.user_id).where(idea_co_editors.c.idea_id.in_(entry_ideas))
        )
    )
    ids |= set(
        db.session.scalars(
            select(challenge_jurors.c.user_id).where(
                challenge_jurors.c.challenge_id == challenge.id
            )
        )
    )
    ids.discard(None)
    return ids
