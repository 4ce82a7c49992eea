"""Writes to theme polls. Each takes the acting member explicitly, flushes, and never commits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.polls import queries
from idealaari.polls.models import OptionStatus, Poll, PollOption, PollPhase, PollVote

QUESTION_MAX = 300
DESCRIPTION_MAX = 5_000
OPTION_MAX = 200
MIN_OPTIONS = 2
MAX_OPTIONS = 10
_SPACE = re.compile(r"\s+")

#: Phases in which a poll's question, timeline and options may still change.
EDITABLE_PHASES = (PollPhase.PROPOSALS, PollPhase.UPCOMING)


class PollError(Exception):
    """A refused change to a poll; the message is shown to the member.

    `field` names the form field the message belongs to, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


def clean_label(label: str | None) -> str:
    """An option label with surrounding and repeated white space removed."""
    return _SPACE.sub(" ", label or "").strip()


def label_key(label: str) -> str:
    """What makes two labels the same option: case and spacing do not count."""
    return clean_label(label).casefold()


def is_editable(poll: Poll, now: datetime) -> bool:
    """A poll can be edited until it opens; after that its ballot is fixed."""
    return poll.phase(now) in EDITABLE_PHASES


def clean_option_labels(labels: Iterable[str | None]) -> list[str]:
    """Validate a ballot: 2–10 distinct labels, each at most 200 characters; skip empty ones."""
    cleaned = [clean_label(label) for label in labels]
    cleaned = [label for label in cleaned if label]
    if len(cleaned) < MIN_OPTIONS:
        raise PollError(_("Give at least %(n)d options.", n=MIN_OPTIONS), field="options")
    if len(cleaned) > MAX_OPTIONS:
        raise PollError(_("Give at most %(n)d options.", n=MAX_OPTIONS), field="options")
    if any(len(label) > OPTION_MAX for label in cleaned):
        raise PollError(
            _("An option can be at most %(n)d characters long.", n=OPTION_MAX), field="options"
        )
    keys = [label_key(label) for label in cleaned]
    if len(set(keys)) != len(keys):
        raise PollError(_("Each option must be different."), field="options")
    return cleaned


def _as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given; use a timezone-aware time")
    return value.astimezone(UTC)


def _check_timeline(
    opens_at: datetime | None, closes_at: datetime | None, proposals_close_at: datetime | None
) -> tuple[datetime, datetime, datetime | None]:
    if opens_at is None:
        raise PollError(_("Give the time voting opens."), field="opens_at")
    if closes_at is None:
        raise PollError(_("Give the time voting closes."), field="closes_at")
    opens_at, closes_at = _as_utc(opens_at), _as_utc(closes_at)
    proposals_close_at = _as_utc(proposals_close_at)
    if closes_at <= opens_at:
        raise PollError(_("Voting must close after it opens."), field="closes_at")
    if proposals_close_at is not None and proposals_close_at > opens_at:
        raise PollError(
            _("The proposal phase must end before voting opens."), field="proposals_close_at"
        )
    return opens_at, closes_at, proposals_close_at


def _check_question(question: str | None, description: str | None) -> tuple[str, str]:
    question = (question or "").strip()
    description = (description or "").strip()
    if not question:
        raise PollError(_("Write the question of the poll."), field="question")
    if len(question) > QUESTION_MAX:
        raise PollError(_("Write at most %(max)d characters.", max=QUESTION_MAX), field="question")
    if len(description) > DESCRIPTION_MAX:
        raise PollError(
            _("Write at most %(max)d characters.", max=DESCRIPTION_MAX), field="description"
        )
    return question, description


def create_poll(
    *,
    actor: User,
    question: str,
    options: Iterable[str],
    opens_at: datetime,
    closes_at: datetime,
    proposals_close_at: datetime | None = None,
    description: str = "",
) -> Poll:
    """Create a poll with its first options (times are timezone-aware; they are kept in UTC)."""
    if not permissions.can_manage_polls(actor):
        raise PollError(_("Only moderators can manage polls."))
    question, description = _check_question(question, description)
    labels = clean_option_labels(options)
    opens_at, closes_at, proposals_close_at = _check_timeline(
        opens_at, closes_at, proposals_close_at
    )
    poll = Poll(
        question=question,
        description=description,
        opens_at=opens_at,
        closes_at=closes_at,
        proposals_close_at=proposals_close_at,
        created_by_id=actor.id,
        options=[
            PollOption(label=label, position=i, status=OptionStatus.ACCEPTED)
            for i, label in enumerate(labels)
        ],
    )
    db.session.add(poll)
    db.session.flush()
    return poll


def update_poll(
    *,
    poll: Poll,
    actor: User,
    question: str,
    options: Iterable[str],
    opens_at: datetime,
    closes_at: datetime,
    proposals_close_at: datetime | None = None,
    description: str = "",
    now: datetime | None = None,
) -> None:
    """Change a poll before it opens; `options` is the whole ballot, in order.

    A listed label that matches a proposal (or a rejected one) accepts it. A member's accepted
    proposal left off the ballot is rejected, so the member still sees what became of it.
    """
    now = now or utcnow()
    if not permissions.can_manage_polls(actor):
        raise PollError(_("Only moderators can manage polls."))
    if not is_editable(poll, now):
        raise PollError(_("A poll can be edited only until voting opens."))
    question, description = _check_question(question, description)
    labels = clean_option_labels(options)
    opens_at, closes_at, proposals_close_at = _check_timeline(
        opens_at, closes_at, proposals_close_at
    )
    poll.question, poll.description = question, description
    poll.opens_at, poll.closes_at, poll.proposals_close_at = opens_at, closes_at, proposals_close_at

    by_key = {label_key(option.label): option for option in poll.options}
    kept: set[int] = set()
    for position, label in enumerate(labels):
        option = by_key.get(label_key(label))
        if option is None:
            option = PollOption(label=label, status=OptionStatus.ACCEPTED)
            poll.options.append(option)
        option.label, option.position, option.status = label, position, OptionStatus.ACCEPTED
        kept.add(id(option))
    for option in list(poll.options):
        if id(option) in kept or option.status != OptionStatus.ACCEPTED:
            continue
        if option.proposed_by_id is not None:
            option.status = OptionStatus.REJECTED
        else:
            poll.options.remove(option)  # nobody could vote yet; nothing refers to it
    db.session.flush()


def _vote_refusal(poll: Poll, voter: User, option: PollOption, now: datetime) -> str | None:
    if not getattr(voter, "is_authenticated", False):
        return _("Log in to vote.")
    unverified = permissions.verification_refusal(voter)
    if unverified:
        return unverified
    phase = poll.phase(now)
    if phase == PollPhase.CLOSED:
        return _("The poll has closed; votes can no longer be given or changed.")
    if phase != PollPhase.OPEN:
        return _("Voting has not opened yet.")
    if not permissions.can_vote_in_poll(voter, poll, now):
        return _("You cannot vote in this poll.")
    if option.poll_id != poll.id or option.status != OptionStatus.ACCEPTED:
        return _("Choose one of the options given.")
    return None


def cast_vote(
    *, poll: Poll, voter: User, option: PollOption, now: datetime | None = None
) -> PollVote:
    """Give the member's vote to `option`, or move their earlier vote there."""
    now = now or utcnow()
    refusal = _vote_refusal(poll, voter, option, now)
    if refusal is not None:
        raise PollError(refusal, field="option")
    vote = queries.vote_of(poll, voter)
    if vote is None:
        vote = PollVote(
            poll_id=poll.id, user_id=voter.id, option_id=option.id, created_at=now, updated_at=now
        )
        try:
            with db.session.begin_nested():  # a double-submit may have inserted it meanwhile
                db.session.add(vote)
        except IntegrityError:
            vote = db.session.scalar(
                select(PollVote).where(PollVote.poll_id == poll.id, PollVote.user_id == voter.id)
            )
            if vote is None:  # the conflict was something else
                raise
        else:
            return vote
    if vote.option_id != option.id:
        vote.option_id = option.id
        vote.updated_at = now
    db.session.flush()
    return vote


def propose_option(
    *, poll: Poll, proposer: User, label: str, now: datetime | None = None
) -> PollOption:
    """A member proposes a new option; moderators accept or reject it."""
    now = now or utcnow()
    if not permissions.can_propose_poll_option(proposer, poll, now):
        if not getattr(proposer, "is_authenticated", False):
            raise PollError(_("Log in to propose an option."))
        unverified = permissions.verification_refusal(proposer)
        if unverified:
            raise PollError(unverified)
        raise PollError(_("Options can be proposed only during the poll’s proposal phase."))
    label = clean_label(label)
    if not label:
        raise PollError(_("Write the option you propose."), field="label")
    if len(label) > OPTION_MAX:
        raise PollError(_("Write at most %(max)d characters.", max=OPTION_MAX), field="label")
    key = label_key(label)
    if any(label_key(option.label) == key for option in poll.options):
        raise PollError(_("That option has already been proposed."), field="label")
    position = (
        db.session.scalar(
            select(func.max(PollOption.position)).where(PollOption.poll_id == poll.id)
        )
        or 0
    ) + 1
    option = PollOption(
        label=label, position=position, status=OptionStatus.PROPOSED, proposed_by_id=proposer.id
    )
    poll.options.append(option)
    db.session.flush()
    return option


def _decide(option: PollOption, actor: User, now: datetime) -> Poll:
    if not permissions.can_manage_polls(actor):
        raise PollError(_("Only moderators can manage polls."))
    poll = option.poll
    if not is_editable(poll, now):
        raise PollError(_("Voting has opened; the options can no longer change."))
    if option.status != OptionStatus.PROPOSED:
        raise PollError(_("That proposal has already been decided."))
    return poll


def accept_proposal(*, option: PollOption, actor: User, now: datetime | None = None) -> None:
    """A moderator accepts a proposal: it becomes an option members can vote for."""
    poll = _decide(option, actor, now or utcnow())
    accepted = [o for o in poll.options if o.status == OptionStatus.ACCEPTED]
    if len(accepted) >= MAX_OPTIONS:
        raise PollError(_("A poll can have at most %(n)d options.", n=MAX_OPTIONS))
    option.status = OptionStatus.ACCEPTED
    option.position = max((o.position for o in accepted), default=-1) + 1
    db.session.flush()


def reject_proposal(*, option: PollOption, actor: User, now: datetime | None = None) -> None:
    """A moderator rejects a proposal; it stays on record but cannot be voted for."""
    _decide(option, actor, now or utcnow())
    option.status = OptionStatus.REJECTED
    db.session.flush()


def announce_results(*, poll: Poll, now: datetime | None = None) -> bool:
    """Tell the voters of a closed poll its result, once; return False if it was already done.

    The guarded UPDATE makes overlapping runs safe (two `flask polls announce` processes, or a
    stale copy of the poll): only the transaction that sets results_announced_at notifies.
    Page views never call this; a GET does not write.
    """
    from idealaari.polls.notifications import notify_poll_result

    now = now or utcnow()
    if poll.phase(now) != PollPhase.CLOSED:
        raise PollError(_("The results are announced when the poll closes."))
    if poll.results_announced_at is not None:
        return False
    claimed = db.session.execute(
        update(Poll)
        .where(Poll.id == poll.id, Poll.results_announced_at.is_(None))
        .values(results_announced_at=now)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(poll, ["results_announced_at"])
    if claimed.rowcount != 1:
        return False
    notify_poll_result(poll=poll, recipients=queries.voter_ids(poll))
    db.session.flush()
    return True


def announce_due_results(*, now: datetime | None = None) -> list[Poll]:
    """Announce every closed poll not yet announced: the only sender of results (hourly cron)."""
    now = now or utcnow()
    announced = []
    for poll in db.session.scalars(queries.unannounced_closed_polls(now)):
        if announce_results(poll=poll, now=now):
            announced.append(poll)
    return announced
