"""The challenge jury: naming jurors, conflicts of interest, recusals and scorecards.

Writes take the acting member explicitly, flush, and never commit. The reads at the end
gather what the jury pages show (assignments, progress, coverage, the ranking) in a fixed
number of queries, whatever the number of entries and jurors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.challenges import queries, ranking
from idealaari.challenges.models import (
    Challenge,
    Criterion,
    Entry,
    Recusal,
    Score,
    Scorecard,
    ScoreMode,
)
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus, idea_co_editors
from idealaari.permissions import EntryTies

REASON_MAX = 300
NOTE_MAX = 4000
MAX_JURORS = 30
# The entries the jury scores: those whose ideas are public (as the challenge page lists).
PUBLIC_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED)


class JuryError(Exception):
    """A refused jury action; the message is shown to the member.

    `field` names the form field the message belongs to, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


# --------------------------------------------------------------------------- jurors


def name_juror(
    *,
    actor: User,
    challenge: Challenge,
    email: str | None = None,
    member: User | None = None,
    now: datetime | None = None,
) -> User:
    """Name a member of any organisation to the jury, found by e-mail or picked from a list."""
    now = now or utcnow()
    refusal = permissions.jurors_refusal(actor, challenge, now)
    if refusal:
        raise JuryError(refusal)
    if member is None:
        address = (email or "").strip().lower()
        if address:
            member = db.session.scalar(select(User).where(func.lower(User.email) == address))
    if member is None or not member.active:
        raise JuryError(_("No member has that e-mail address."), field="email")
    if member in challenge.jurors:
        raise JuryError(_("%(name)s is already on the jury.", name=member.name), field="email")
    if len(challenge.jurors) >= MAX_JURORS:
        raise JuryError(_("A jury has at most %(max)d members.", max=MAX_JURORS), field="email")
    challenge.jurors.append(member)
    challenge.updated_at = now
    db.session.flush()
    return member


def remove_juror(
    *, actor: User, challenge: Challenge, juror: User, now: datetime | None = None
) -> None:
    """Take a member off the jury; their scorecards are kept but no longer count."""
    now = now or utcnow()
    refusal = permissions.jurors_refusal(actor, challenge, now)
    if refusal:
        raise JuryError(refusal)
    if juror in challenge.jurors:
        challenge.jurors.remove(juror)
        challenge.updated_at = now
    db.session.flush()


# --------------------------------------------------------------------------- recusals


def declare_recusal(
    *, actor: User, entry: Entry, reason: str, now: datetime | None = None
) -> Recusal:
    """A juror declares a conflict of interest on an entry, with a reason for the managers."""
    now = now or utcnow()
    refusal = permissions.recusal_refusal(actor, entry.challenge, now)
    if refusal:
        raise JuryError(refusal)
    reason = " ".join((reason or "").split())
    if not reason:
        raise JuryError(_("Say briefly what the conflict is."), field="reason")
    if len(reason) > REASON_MAX:
        raise JuryError(_("Write at most %(max)d characters.", max=REASON_MAX), field="reason")
    existing = db.session.scalar(
        select(Recusal).where(Recusal.entry_id == entry.id, Recusal.user_id == actor.id)
    )
    if existing is not None:
        existing.reason = reason
        db.session.flush()
        return existing
    recusal = Recusal(entry_id=entry.id, user_id=actor.id, reason=reason, created_at=now)
    try:
        with db.session.begin_nested():
            db.session.add(recusal)
    except IntegrityError:  # declared by a parallel request a moment ago
        raise JuryError(_("You have already declared a conflict on this entry.")) from None
    return recusal


def withdraw_recusal(*, actor: User, entry: Entry, now: datetime | None = None) -> None:
    """The juror takes their declaration back; a scorecard they made counts again."""
    now = now or utcnow()
    refusal = permissions.recusal_refusal(actor, entry.challenge, now)
    if refusal:
        raise JuryError(refusal)
    recusal = db.session.scalar(
        select(Recusal).where(Recusal.entry_id == entry.id, Recusal.user_id == actor.id)
    )
    if recusal is not None:
        db.session.delete(recusal)
    db.session.flush()


# --------------------------------------------------------------------------- scorecards


def _criterion_of(entry: Entry, criterion_id: int | None) -> Criterion:
    criterion = next((c for c in entry.challenge.criteria if c.id == criterion_id), None)
    if criterion is None:
        raise JuryError(_("Choose one of the criteria given."))
    return criterion


def parse_points(raw) -> int | None:
    """Points from a form: a whole number 1-5, else None."""
    text = str(raw if raw is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > 1:
        return None
    value = int(text)
    return value if ranking.SCALE_MIN <= value <= ranking.SCALE_MAX else None


def _check_scoring(actor: User, entry: Entry, now: datetime) -> None:
    if entry.idea.status not in PUBLIC_STATUSES:
        raise JuryError(_("This entry is no longer public, so it is not scored."))
    refusal = permissions.scoring_refusal(actor, entry.challenge, entry, now)
    if refusal:
        raise JuryError(refusal)


def _scorecard(entry: Entry, juror: User, now: datetime) -> Scorecard:
    card = db.session.scalar(
        select(Scorecard).where(Scorecard.entry_id == entry.id, Scorecard.juror_id == juror.id)
    )
    if card is None:
        card = Scorecard(entry_id=entry.id, juror_id=juror.id, note="", updated_at=now)
        try:
            with db.session.begin_nested():
                db.session.add(card)
        except IntegrityError:  # started by a parallel request (another tab)
            card = db.session.scalar(
                select(Scorecard).where(
                    Scorecard.entry_id == entry.id, Scorecard.juror_id == juror.id
                )
            )
    return card


def _set_points(card: Scorecard, criterion: Criterion, value: int) -> None:
    score = next((s for s in card.scores if s.criterion_id == criterion.id), None)
    if score is None:
        card.scores.append(Score(criterion_id=criterion.id, value=value))
    else:
        score.value = value


def save_score(
    *, actor: User, entry: Entry, criterion_id: int | None, value, now: datetime | None = None
) -> Scorecard:
    """A juror scores one criterion of an entry, 1-5 (saved in place)."""
    now = now or utcnow()
    _check_scoring(actor, entry, now)
    criterion = _criterion_of(entry, criterion_id)
    points = parse_points(value)
    if points is None:
        raise JuryError(_("Choose a score from 1 to 5."), field=f"criterion-{criterion.id}")
    card = _scorecard(entry, actor, now)
    _set_points(card, criterion, points)
    card.updated_at = now
    db.session.flush()
    return card


def save_scorecard(
    *,
    actor: User,
    entry: Entry,
    scores: dict[int, object],
    note: str | None,
    now: datetime | None = None,
) -> Scorecard:
    """The whole scorecard at once (the form without JavaScript): every score given must be
    1-5, or nothing is saved; criteria left unanswered stay as they were."""
    now = now or utcnow()
    _check_scoring(actor, entry, now)
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise JuryError(_("Write at most %(max)d characters.", max=NOTE_MAX), field="note")
    points = {}
    for criterion in entry.challenge.criteria:
        raw = scores.get(criterion.id)
        if raw is None or str(raw).strip() == "":
            continue
        value = parse_points(raw)
        if value is None:
            raise JuryError(
                _("Choose a score from 1 to 5 for “%(name)s”.", name=criterion.name),
                field=f"criterion-{criterion.id}",
            )
        points[criterion.id] = (criterion, value)
    card = _scorecard(entry, actor, now)
    for criterion, value in points.values():
        _set_points(card, criterion, value)
    card.note = note
    card.updated_at = now
    db.session.flush()
    return card


def save_note(
    *, actor: User, entry: Entry, note: str | None, now: datetime | None = None
) -> Scorecard:
    """The juror's private note on the entry, for the other jurors and the managers."""
    return save_scorecard(actor=actor, entry=entry, scores={}, note=note, now=now)


# --------------------------------------------------------------------------- reads


def ties_of(entries: list[Entry]) -> dict[int, EntryTies]:
    """The conflict-of-interest ties of many entries, in three queries."""
    from idealaari.partners.queries import accepted_partner_organisations

    idea_ids = list({e.idea_id for e in entries})
    if not idea_ids:
        return {}
    people: dict[int, set[int]] = {}
    orgs: dict[int, set[int]] = {}
    for idea_id, user_id, org_id in db.session.execute(
        select(idea_co_editors.c.idea_id, User.id, User.organisation_id)
        .join(User, User.id == idea_co_editors.c.user_id)
        .where(idea_co_editors.c.idea_id.in_(idea_ids))
    ):
        people.setdefault(idea_id, set()).add(user_id)
        orgs.setdefault(idea_id, set()).add(org_id)
    for idea_id, org_ids in accepted_partner_organisations(idea_ids).items():
        orgs.setdefault(idea_id, set()).update(org_ids)
    recused: dict[int, set[int]] = {}
    for entry_id, user_id in db.session.execute(
        select(Recusal.entry_id, Recusal.user_id).where(
            Recusal.entry_id.in_([e.id for e in entries])
        )
    ):
        recused.setdefault(entry_id, set()).add(user_id)
    result = {}
    for e in entries:
        idea = e.idea
        result[e.id] = EntryTies(
            organisation_ids=frozenset(
                ({idea.organisation_id} | orgs.get(idea.id, set())) - {None}
            ),
            people_ids=frozenset(({idea.author_id} | people.get(idea.id, set())) - {None}),
            recused_ids=frozenset(recused.get(e.id, ())),
        )
    return result


@dataclass
class JurorProgress:
    juror: User
    assigned: int
    done: int
    conflicts: int


@dataclass
class Coverage:
    entry: Entry
    independent: int  # complete scorecards from independent jurors
    below_quorum: bool


@dataclass
class RecusalRow:
    recusal: Recusal
    juror: User | None
    entry: Entry


@dataclass
class JuryOverview:
    """Everything the jury pages show about one challenge."""

    challenge: Challenge
    entries: list[Entry]
    jurors: list[User]
    ties: dict[int, EntryTies]
    # (juror id, entry id) -> the juror's scorecard
    cards: dict[tuple[int, int], Scorecard] = field(default_factory=dict)
    weights: dict[int, int] = field(default_factory=dict)
    # Cards of jurors who deleted their account since: they counted, so they still count.
    former_cards: list[Scorecard] = field(default_factory=list)

    def conflict(self, juror: User, entry: Entry) -> str | None:
        return permissions.jury_conflict(juror, self.ties[entry.id])

    def assigned(self, juror: User) -> list[Entry]:
        """The entries the juror scores: every public entry they have no conflict with."""
        return [e for e in self.entries if self.conflict(juror, e) is None]

    def card(self, juror: User, entry: Entry) -> Scorecard | None:
        return self.cards.get((juror.id, entry.id))

    def is_done(self, juror: User, entry: Entry) -> bool:
        card = self.card(juror, entry)
        return card is not None and ranking.is_complete(_points(card), self.weights)

    def scored_count(self, juror: User, entry: Entry) -> int:
        card = self.card(juror, entry)
        return 0 if card is None else len(_points(card).keys() & self.weights.keys())

    def counting_cards(self) -> list[ranking.Card]:
        """The scorecards that count: current jurors' on entries they are independent of."""
        result = []
        for juror in self.jurors:
            for entry in self.assigned(juror):
                card = self.card(juror, entry)
                if card is not None:
                    result.append(ranking.Card(entry.id, juror.id, _points(card)))
        public = {e.id for e in self.entries}
        for card in self.former_cards:
            if card.entry_id in public:
                # A negative id keeps a former juror apart from every current one.
                result.append(ranking.Card(card.entry_id, -card.former_juror_id, _points(card)))
        return result

    def progress(self) -> list[JurorProgress]:
        rows = []
        for juror in self.jurors:
            assigned = self.assigned(juror)
            rows.append(
                JurorProgress(
                    juror=juror,
                    assigned=len(assigned),
                    done=sum(1 for e in assigned if self.is_done(juror, e)),
                    conflicts=len(self.entries) - len(assigned),
                )
            )
        return rows

    def coverage(self) -> list[Coverage]:
        done: dict[int, int] = {}
        for card in self.counting_cards():
            if ranking.is_complete(card.scores, self.weights):
                done[card.entry_id] = done.get(card.entry_id, 0) + 1
        quorum = self.challenge.jury_quorum
        return [Coverage(e, done.get(e.id, 0), done.get(e.id, 0) < quorum) for e in self.entries]

    def ranking(self) -> list[ranking.RankedEntry]:
        return ranking.rank_entries(
            entry_ids=[e.id for e in self.entries],
            cards=self.counting_cards(),
            weights=self.weights,
            votes={e.id: e.vote_count or 0 for e in self.entries},
            quorum=self.challenge.jury_quorum,
            jury_weight=self.challenge.jury_weight,
            normalised=self.challenge.score_mode == ScoreMode.NORMALISED,
        )

    def recusals(self) -> list[RecusalRow]:
        by_id = {e.id: e for e in self.entries}
        rows = db.session.scalars(
            select(Recusal)
            .where(Recusal.entry_id.in_(list(by_id)))
            .order_by(Recusal.created_at, Recusal.id)
        )
        users = {u.id: u for u in self.jurors}
        wanted = list(rows)
        missing = {r.user_id for r in wanted} - users.keys()
        if missing:
            users.update(
                {u.id: u for u in db.session.scalars(select(User).where(User.id.in_(missing)))}
            )
        return [RecusalRow(r, users.get(r.user_id), by_id[r.entry_id]) for r in wanted]


def _points(card: Scorecard) -> dict[int, int]:
    return {s.criterion_id: s.value for s in card.scores}


def overview(challenge: Challenge, *, juror: User | None = None) -> JuryOverview:
    """The jury's work on the challenge's public entries; with `juror`, only their scorecards
    are loaded (a juror's own page)."""
    entries = queries.entries_of(challenge)
    jurors = list(challenge.jurors)
    result = JuryOverview(
        challenge=challenge,
        entries=entries,
        jurors=jurors,
        ties=ties_of(entries),
        weights={c.id: c.weight for c in challenge.criteria},
    )
    if entries:
        query = (
            select(Scorecard)
            .where(Scorecard.entry_id.in_([e.id for e in entries]))
            .options(selectinload(Scorecard.scores))
        )
        if juror is not None:
            query = query.where(Scorecard.juror_id == juror.id)
        for card in db.session.scalars(query):
            if card.juror_id is not None:
                result.cards[(card.juror_id, card.entry_id)] = card
            elif card.former_juror_id is not None:
                result.former_cards.append(card)
    return result


def scorecards_of(entry: Entry) -> list[tuple[User, Scorecard]]:
    """Every current juror's scorecard of the entry, for the jury and the managers."""
    jurors = {j.id: j for j in entry.challenge.jurors}
    cards = db.session.scalars(
        select(Scorecard)
        .where(Scorecard.entry_id == entry.id, Scorecard.juror_id.in_(list(jurors)))
        .options(selectinload(Scorecard.scores))
        .order_by(Scorecard.updated_at.desc())
    )
    return [(jurors[c.juror_id], c) for c in cards]


def own_scorecard(entry: Entry, juror: User) -> Scorecard | None:
    return db.session.scalar(
        select(Scorecard)
        .where(Scorecard.entry_id == entry.id, Scorecard.juror_id == juror.id)
        .options(selectinload(Scorecard.scores))
    )


def own_recusals(challenge: Challenge, juror: User) -> list[tuple[Recusal, Entry]]:
    """The entries the juror declared a conflict on, with their reasons."""
    rows = db.session.execute(
        select(Recusal, Entry)
        .join(Entry, Entry.id == Recusal.entry_id)
        .where(Entry.challenge_id == challenge.id, Recusal.user_id == juror.id)
        .order_by(Recusal.created_at)
    )
    return [(recusal, entry) for recusal, entry in rows]


def member_candidates(challenge: Challenge, text: str, limit: int = 8) -> list[User]:
    """Active members whose name or e-mail starts a word with `text`, for naming jurors;
    members already on the jury are left out."""
    text = " ".join((text or "").split())[:80].lower()
    if len(text) < 2:
        return []
    like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    jurors = [j.id for j in challenge.jurors]
    query = select(User).where(
        User.active,
        or_(
            func.lower(User.name).like(f"{like}%", escape="\\"),
            func.lower(User.name).like(f"% {like}%", escape="\\"),
            func.lower(User.email) == text,
        ),
    )
    if jurors:
        query = query.where(User.id.not_in(jurors))
    return list(db.session.scalars(query.order_by(User.name).limit(limit)))
