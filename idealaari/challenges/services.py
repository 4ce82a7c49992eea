"""Writes to challenges. Each takes the acting member explicitly, flushes, and never commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.challenges import covers
from idealaari.challenges import notifications as challenge_notifications
from idealaari.challenges.models import (
    TIMELINE_FIELDS,
    Challenge,
    ChallengePhase,
    ChallengeStatus,
    Criterion,
    Entry,
    PhaseChange,
    ScoreMode,
    VotingMode,
)
from idealaari.comments import services as comment_services
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea, TargetGroup, Theme
from idealaari.ideas.services import make_slug
from idealaari.notifications import services as notification_services
from idealaari.organisations.models import Organisation, OrganisationKind
from idealaari.targets import TargetKind

TITLE_MAX = 160
SUMMARY_MAX = 600
BRIEF_MAX = 20_000
PRIZE_MAX = 500
MAX_CRITERIA = 8
MAX_BUDGET = 20
# Phases whose dates and rules can still be set in the form; later they move only through
# "end now" and "extend", which are recorded.
EDITABLE_PHASES = (ChallengePhase.PROPOSED, ChallengePhase.UPCOMING)


class ChallengeError(Exception):
    """A refused change to a challenge; the message is shown to the member.

    `field` names the form field the message belongs to, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


@dataclass
class CriterionFields:
    name: str
    weight: int = 1
    description: str = ""
    scale: list[str] = field(default_factory=list)


@dataclass
class ChallengeFields:
    title: str
    summary: str
    problem_owner: Organisation
    submission_opens_at: datetime
    submission_closes_at: datetime
    closes_at: datetime
    brief: str = ""
    prize: str = ""
    themes: list[Theme] = field(default_factory=list)
    target_groups: list[str] = field(default_factory=list)
    eligible_kinds: list[str] = field(default_factory=list)
    voting_closes_at: datetime | None = None
    evaluation_closes_at: datetime | None = None
    voting_mode: VotingMode = VotingMode.NONE
    vote_budget: int = 3
    hide_votes_until_closed: bool = True
    score_mode: ScoreMode = ScoreMode.RAW
    jury_quorum: int = 2
    jury_weight: int = 100
    criteria: list[CriterionFields] = field(default_factory=list)
    # A checked upload (covers.prepare) replaces the cover; `remove_cover` drops it.
    cover: covers.PreparedCover | None = None
    cover_alt: str = ""
    remove_cover: bool = False


def check_timeline(values: ChallengeFields | Challenge) -> None:
    """The dates follow each other: opens < closes < (voting) < (evaluation) < closes_at."""
    labels = {
        "submission_opens_at": _("Submission opens"),
        "submission_closes_at": _("Submission closes"),
        "voting_closes_at": _("Voting closes"),
        "evaluation_closes_at": _("Evaluation closes"),
        "closes_at": _("The challenge closes"),
    }
    previous = None
    for name in TIMELINE_FIELDS:
        value = getattr(values, name)
        if value is None:
            continue
        if previous is not None and value <= getattr(values, previous):
            raise ChallengeError(
                _(
                    "“%(this)s” must come after “%(before)s”.",
                    this=labels[name],
                    before=labels[previous],
                ),
                field=name,
            )
        previous = name


def _check(values: ChallengeFields) -> None:
    values.title = " ".join((values.title or "").split())
    values.summary = (values.summary or "").strip()
    if not values.title:
        raise ChallengeError(_("Give the challenge a title."), field="title")
    if len(values.title) > TITLE_MAX:
        raise ChallengeError(_("Write at most %(max)d characters.", max=TITLE_MAX), field="title")
    if not values.summary:
        raise ChallengeError(_("Summarise the challenge in a few sentences."), field="summary")
    if len(values.summary) > SUMMARY_MAX:
        raise ChallengeError(
            _("Write at most %(max)d characters.", max=SUMMARY_MAX), field="summary"
        )
    if len(values.brief or "") > BRIEF_MAX:
        raise ChallengeError(_("Write at most %(max)d characters.", max=BRIEF_MAX), field="brief")
    if len(values.prize or "") > PRIZE_MAX:
        raise ChallengeError(_("Write at most %(max)d characters.", max=PRIZE_MAX), field="prize")
    if any(g not in TargetGroup._value2member_map_ for g in values.target_groups):
        raise ChallengeError(_("Choose from the target groups given."), field="target_groups")
    if any(k not in OrganisationKind._value2member_map_ for k in values.eligible_kinds):
        raise ChallengeError(_("Choose from the kinds given."), field="eligible_kinds")
    check_timeline(values)
    if values.voting_closes_at is None:
        values.voting_mode = VotingMode.NONE
    elif values.voting_mode == VotingMode.NONE:
        raise ChallengeError(
            _("Choose how members vote, or leave the voting phase out."), field="voting_mode"
        )
    if values.voting_mode == VotingMode.BUDGET and not 1 <= values.vote_budget <= MAX_BUDGET:
        raise ChallengeError(
            _("A member's budget is 1–%(max)d votes.", max=MAX_BUDGET), field="vote_budget"
        )
    if not 1 <= values.jury_quorum <= 10:
        raise ChallengeError(_("Give a number from 1 to 10."), field="jury_quorum")
    if not 0 <= values.jury_weight <= 100:
        raise ChallengeError(_("Give a share from 0 to 100."), field="jury_weight")
    if values.evaluation_closes_at is None:
        values.jury_weight = 0 if values.voting_mode != VotingMode.NONE else 100
    elif values.voting_mode == VotingMode.NONE:
        values.jury_weight = 100
    criteria = [c for c in values.criteria if (c.name or "").strip()]
    if len(criteria) > MAX_CRITERIA:
        raise ChallengeError(
            _("Give at most %(max)d criteria.", max=MAX_CRITERIA), field="criteria"
        )
    for c in criteria:
        c.name = " ".join(c.name.split())[:120]
        if not 1 <= c.weight <= 10:
            raise ChallengeError(_("A criterion's weight is 1–10."), field="criteria")
    if values.evaluation_closes_at is not None and not criteria:
        raise ChallengeError(
            _("The jury needs at least one criterion to score against."), field="criteria"
        )
    values.criteria = criteria


def _apply(challenge: Challenge, values: ChallengeFields, *, rules: bool) -> None:
    challenge.title = values.title
    challenge.slug = make_slug(values.title)
    challenge.summary = values.summary
    challenge.brief = values.brief or ""
    challenge.prize = (values.prize or "").strip()
    challenge.problem_owner = values.problem_owner
    challenge.themes = list(values.themes)
    challenge.target_groups = list(values.target_groups)
    try:
        covers.apply(
            challenge, cover=values.cover, alt=values.cover_alt, remove=values.remove_cover
        )
    except covers.CoverError as e:
        raise ChallengeError(str(e), field=e.field) from None
    if not rules:
        return
    for name in TIMELINE_FIELDS:
        setattr(challenge, name, getattr(values, name))
    challenge.eligible_kinds = list(values.eligible_kinds)
    challenge.voting_mode = values.voting_mode
    challenge.vote_budget = values.vote_budget
    challenge.hide_votes_until_closed = values.hide_votes_until_closed
    challenge.score_mode = values.score_mode
    challenge.jury_quorum = values.jury_quorum
    challenge.jury_weight = values.jury_weight
    challenge.criteria = [
        Criterion(
            position=i,
            name=c.name,
            weight=c.weight,
            description=(c.description or "").strip()[:500],
            scale=[str(s).strip()[:200] for s in (c.scale or [])][:5],
        )
        for i, c in enumerate(values.criteria)
    ]


def propose_challenge(*, actor: User, values: ChallengeFields, now: datetime | None = None):
    """An area contact proposes a challenge for their organisation (a moderator decides); a
    moderator's challenge is approved at once. The proposer manages the challenge."""
    now = now or utcnow()
    refusal = permissions.challenge_proposal_refusal(actor)
    if refusal:
        raise ChallengeError(refusal)
    moderator = permissions.is_moderator(actor)
    if not moderator and values.problem_owner.id != actor.organisation_id:
        raise ChallengeError(
            _("You can propose a challenge on behalf of your own organisation only."),
            field="problem_owner",
        )
    _check(values)
    if values.submission_closes_at <= now:
        raise ChallengeError(
            _("Submission must close in the future."), field="submission_closes_at"
        )
    challenge = Challenge(
        status=ChallengeStatus.APPROVED if moderator else ChallengeStatus.PROPOSED,
        proposed_by_id=actor.id,
        created_at=now,
        updated_at=now,
    )
    _apply(challenge, values, rules=True)
    if moderator:
        challenge.decided_by_id, challenge.decided_at = actor.id, now
    challenge.managers = [actor]
    challenge.discussion = comment_services.open_discussion(TargetKind.CHALLENGE)
    db.session.add(challenge)
    db.session.flush()
    comment_services.attach_discussion(challenge.discussion, owner_id=challenge.id)
    notification_services.follow(user=actor, target=TargetKind.CHALLENGE, target_id=challenge.id)
    if not moderator:
        challenge_notifications.notify_proposed(challenge=challenge, actor=actor)
    return challenge


def update_challenge(
    *, actor: User, challenge: Challenge, values: ChallengeFields, now: datetime | None = None
) -> None:
    """Managers edit the texts at any time; the dates and rules until submission opens."""
    now = now or utcnow()
    if not permissions.can_manage_challenge(actor, challenge):
        raise ChallengeError(_("Only the challenge's managers can edit it."))
    if (
        not permissions.is_moderator(actor)
        and values.problem_owner.id != challenge.problem_owner_id
        and values.problem_owner.id != actor.organisation_id
    ):
        raise ChallengeError(
            _("You can propose a challenge on behalf of your own organisation only."),
            field="problem_owner",
        )
    rules = challenge.phase_at(now) in EDITABLE_PHASES
    if not rules:
        # The form shows the fixed rules; what it sends for them does not count.
        for name in TIMELINE_FIELDS:
            setattr(values, name, getattr(challenge, name))
        values.voting_mode = challenge.voting_mode
        values.evaluation_closes_at = challenge.evaluation_closes_at
        values.criteria = [
            CriterionFields(c.name, c.weight, c.description, c.scale) for c in challenge.criteria
        ]
    _check(values)
    _apply(challenge, values, rules=rules)
    challenge.updated_at = now
    db.session.flush()


def decide_challenge(
    *, actor: User, challenge: Challenge, approve: bool, note: str = "", now=None
) -> None:
    """A moderator approves a proposed challenge, or rejects it with a reason."""
    now = now or utcnow()
    if not permissions.can_decide_challenge(actor):
        raise ChallengeError(_("Only moderators approve challenges."))
    if challenge.status != ChallengeStatus.PROPOSED:
        raise ChallengeError(_("This challenge has already been decided."))
    note = " ".join((note or "").split())[:500]
    if not approve and not note:
        raise ChallengeError(_("Say why the challenge is not approved."), field="note")
    if approve and challenge.submission_closes_at <= now:
        raise ChallengeError(
            _("Submission would already have closed. Move the dates before approving.")
        )
    challenge.status = ChallengeStatus.APPROVED if approve else ChallengeStatus.REJECTED
    challenge.decided_by_id, challenge.decided_at, challenge.decision_note = actor.id, now, note
    if actor not in challenge.managers:
        challenge.managers.append(actor)
    db.session.flush()
    challenge_notifications.notify_decided(challenge=challenge, actor=actor)


def _current_end_field(challenge: Challenge, now: datetime) -> str:
    phase = challenge.phase_at(now)
    field_of = {
        ChallengePhase.UPCOMING: "submission_opens_at",
        ChallengePhase.SUBMISSION: "submission_closes_at",
        ChallengePhase.VOTING: "voting_closes_at",
        ChallengePhase.EVALUATION: "evaluation_closes_at",
        ChallengePhase.RESULTS: "closes_at",
    }
    if phase not in field_of:
        raise ChallengeError(_("The current phase has no end to move."))
    return field_of[phase]


def move_phase_end(
    *,
    actor: User,
    challenge: Challenge,
    new_end: datetime | None = None,
    reason: str = "",
    now: datetime | None = None,
) -> PhaseChange:
    """End the current phase now (`new_end` None) or move its end later (extend).

    Later dates move by the same amount when they would otherwise come first, so the phases
    keep their lengths. Each change is recorded."""
    now = now or utcnow()
    if not permissions.can_manage_challenge(actor, challenge):
        raise ChallengeError(_("Only the challenge's managers can change its timeline."))
    name = _current_end_field(challenge, now)
    old = getattr(challenge, name)
    new = now if new_end is None else new_end
    if new < now:
        raise ChallengeError(_("A phase cannot end in the past."), field="new_end")
    if new == old:
        raise ChallengeError(_("That is when the phase ends already."), field="new_end")
    delta = new - old
    setattr(challenge, name, new)
    if delta > timedelta(0):
        later = TIMELINE_FIELDS[TIMELINE_FIELDS.index(name) + 1 :]
        previous = new
        for other in later:
            value = getattr(challenge, other)
            if value is None:
                continue
            if value <= previous:
                setattr(challenge, other, value + delta)
            previous = getattr(challenge, other)
    check_timeline(challenge)
    change = PhaseChange(
        challenge=challenge,
        field=name,
        old_value=old,
        new_value=new,
        reason=" ".join((reason or "").split())[:300],
        changed_by_id=actor.id,
        changed_at=now,
    )
    db.session.add(change)
    challenge.updated_at = now
    db.session.flush()
    return change


def enter_idea(*, actor: User, challenge: Challenge, idea: Idea, now=None) -> Entry:
    """Enter one of the ideas the member can edit; one entry per idea per challenge."""
    now = now or utcnow()
    refusal = permissions.entry_idea_refusal(actor, challenge, idea, now)
    if refusal:
        raise ChallengeError(refusal)
    existing = db.session.scalar(
        select(Entry).where(Entry.challenge_id == challenge.id, Entry.idea_id == idea.id)
    )
    if existing is not None:
        raise ChallengeError(_("This idea is already entered in the challenge."))
    entry = Entry(challenge_id=challenge.id, idea_id=idea.id, entered_by_id=actor.id)
    entry.entered_at = now
    try:
        with db.session.begin_nested():
            db.session.add(entry)
    except IntegrityError:  # entered by a parallel request a moment ago
        raise ChallengeError(_("This idea is already entered in the challenge.")) from None
    challenge_notifications.notify_new_entry(challenge=challenge, entry=entry, actor=actor)
    notification_services.follow(user=actor, target=TargetKind.CHALLENGE, target_id=challenge.id)
    return entry


def withdraw_entry(*, actor: User, entry: Entry, now=None) -> None:
    now = now or utcnow()
    refusal = permissions.withdraw_entry_refusal(actor, entry.challenge, entry.idea, now)
    if refusal:
        raise ChallengeError(refusal)
    db.session.delete(entry)
    db.session.flush()
