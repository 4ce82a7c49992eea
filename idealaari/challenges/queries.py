"""Reads of challenges: lists, entries and the organisations behind each entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, or_, select

from idealaari.accounts.models import User
from idealaari.challenges.models import (
    Award,
    Challenge,
    ChallengeStatus,
    Entry,
    challenge_managers,
    challenge_themes,
)
from idealaari.extensions import db
from idealaari.ideas import history
from idealaari.ideas.models import Idea, IdeaRevision, IdeaStatus, idea_co_editors
from idealaari.organisations.models import Organisation

LIST_STATES = ("open", "upcoming", "past")


@dataclass(frozen=True)
class ChallengeFilters:
    state: str = "open"
    theme_id: int | None = None
    owner_code: str | None = None


def challenges_in(filters: ChallengeFilters, now: datetime) -> Select:
    """Approved challenges in a state: open (submission to results), upcoming, or past
    (closed), with the theme and problem-owner filters of the list page."""
    query = select(Challenge).where(Challenge.status == ChallengeStatus.APPROVED)
    if filters.state == "upcoming":
        query = query.where(Challenge.submission_opens_at > now).order_by(
            Challenge.submission_opens_at
        )
    elif filters.state == "past":
        query = query.where(Challenge.closes_at <= now).order_by(Challenge.closes_at.desc())
    else:
        query = query.where(
            Challenge.submission_opens_at <= now, Challenge.closes_at > now
        ).order_by(Challenge.submission_closes_at)
    if filters.theme_id is not None:
        query = query.where(
            Challenge.id.in_(
                select(challenge_themes.c.challenge_id).where(
                    challenge_themes.c.theme_id == filters.theme_id
                )
            )
        )
    if filters.owner_code:
        query = query.join(Organisation, Challenge.problem_owner_id == Organisation.id).where(
            Organisation.code == filters.owner_code
        )
    return query


def state_counts(now: datetime) -> dict[str, int]:
    """How many approved challenges each tab of the list holds (the list's own conditions)."""
    return {
        state: db.session.scalar(
            select(func.count()).select_from(
                challenges_in(ChallengeFilters(state=state), now).order_by(None).subquery()
            )
        )
        or 0
        for state in LIST_STATES
    }


def proposals() -> list[Challenge]:
    """Challenges waiting for a moderator's decision, oldest first."""
    return list(
        db.session.scalars(
            select(Challenge)
            .where(Challenge.status == ChallengeStatus.PROPOSED)
            .order_by(Challenge.created_at)
        )
    )


def managed_proposals(user: User) -> list[Challenge]:
    """The member's own proposals that are not approved (yet), newest first."""
    return list(
        db.session.scalars(
            select(Challenge)
            .join(challenge_managers, challenge_managers.c.challenge_id == Challenge.id)
            .where(
                challenge_managers.c.user_id == user.id,
                Challenge.status != ChallengeStatus.APPROVED,
            )
            .order_by(Challenge.created_at.desc())
        )
    )


def entries_of(challenge: Challenge) -> list[Entry]:
    """The entries whose ideas are public, oldest first."""
    return [
        e for e in challenge.entries if e.idea.status in (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED)
    ]


def entry_organisations(entries: list[Entry]) -> dict[int, list[Organisation]]:
    """Per entry, the organisations behind it: the idea's owner, its co-editors'
    organisations and its accepted partners', owner first (a joint entry names them all)."""
    from idealaari.partners.queries import accepted_partner_organisations

    idea_ids = [e.idea_id for e in entries]
    if not idea_ids:
        return {}
    co_orgs: dict[int, set[int]] = {}
    for idea_id, org_id in db.session.execute(
        select(idea_co_editors.c.idea_id, User.organisation_id)
        .join(User, User.id == idea_co_editors.c.user_id)
        .where(idea_co_editors.c.idea_id.in_(idea_ids))
    ):
        co_orgs.setdefault(idea_id, set()).add(org_id)
    for idea_id, org_ids in accepted_partner_organisations(idea_ids).items():
        co_orgs.setdefault(idea_id, set()).update(org_ids)
    wanted = {oid for ids in co_orgs.values() for oid in ids}
    orgs = {
        o.id: o for o in db.session.scalars(select(Organisation).where(Organisation.id.in_(wanted)))
    }
    result = {}
    for e in entries:
        owner = e.idea.organisation
        others = sorted(
            (orgs[i] for i in co_orgs.get(e.idea_id, ()) if i != owner.id and i in orgs),
            key=lambda o: o.name_fi,
        )
        result[e.id] = [owner, *others]
    return result


def enterable_ideas(user: User, challenge: Challenge) -> list[Idea]:
    """Published ideas the member can edit that are not yet entered, newest first."""
    from idealaari import permissions

    entered = {e.idea_id for e in challenge.entries}
    candidates = db.session.scalars(
        select(Idea)
        .where(
            Idea.status == IdeaStatus.PUBLISHED,
            or_(
                Idea.author_id == user.id,
                Idea.id.in_(
                    select(idea_co_editors.c.idea_id).where(idea_co_editors.c.user_id == user.id)
                ),
                Idea.organisation_id == user.organisation_id,
            ),
        )
        .order_by(Idea.created_at.desc())
    )
    return [i for i in candidates if i.id not in entered and permissions.can_edit_idea(user, i)]


def entry_of(challenge: Challenge, entry_id: int) -> Entry | None:
    entry = db.session.get(Entry, entry_id)
    return entry if entry is not None and entry.challenge_id == challenge.id else None


@dataclass(frozen=True)
class IdeaEntry:
    """An idea's entry in a challenge; `version` is the revision entered, once submission
    has closed (the last one saved before it closed)."""

    challenge: Challenge
    entry: Entry
    version: IdeaRevision | None
    version_page: int = 1  # the history page that shows it


def entries_of_idea(idea: Idea, now: datetime) -> list[IdeaEntry]:
    """The approved challenges the idea is entered in, with the version entered."""
    rows = db.session.execute(
        select(Challenge, Entry)
        .join(Entry, Entry.challenge_id == Challenge.id)
        .where(Entry.idea_id == idea.id, Challenge.status == ChallengeStatus.APPROVED)
        .order_by(Challenge.submission_closes_at.desc())
    ).all()
    result = []
    for challenge, entry in rows:
        version = None
        if challenge.submission_closes_at <= now:
            version = db.session.scalar(
                select(IdeaRevision)
                .where(
                    IdeaRevision.idea_id == idea.id,
                    IdeaRevision.created_at <= challenge.submission_closes_at,
                )
                .order_by(IdeaRevision.number.desc())
                .limit(1)
            )
        page = 1
        if version is not None:
            newer = db.session.scalar(
                select(func.count())
                .select_from(IdeaRevision)
                .where(IdeaRevision.idea_id == idea.id, IdeaRevision.number > version.number)
            )
            page = (newer or 0) // history.PER_PAGE + 1
        result.append(IdeaEntry(challenge, entry, version, page))
    return result


@dataclass(frozen=True)
class AwardBadge:
    """A published award of an idea, for its badge ("Haastekisan voittaja 2026: …")."""

    kind: str  # "winner" or "mention"
    year: int
    challenge_id: int
    challenge_title: str
    challenge_slug: str


def awards_for_ideas(idea_ids) -> dict[int, list[AwardBadge]]:
    """The published awards of these ideas, newest first, in one query."""
    ids = list({int(i) for i in idea_ids})
    if not ids:
        return {}
    rows = db.session.execute(
        select(Entry.idea_id, Award.kind, Challenge)
        .join(Award, Award.entry_id == Entry.id)
        .join(Challenge, Challenge.id == Entry.challenge_id)
        .where(
            Entry.idea_id.in_(ids),
            Challenge.status == ChallengeStatus.APPROVED,
            Challenge.results_published_at.is_not(None),
        )
        # "winner" sorts after "mention": winners first.
        .order_by(Challenge.results_published_at.desc(), Award.kind.desc(), Award.position)
    ).all()
    result: dict[int, list[AwardBadge]] = {}
    for idea_id, kind, challenge in rows:
        result.setdefault(idea_id, []).append(
            AwardBadge(
                kind.value,
                challenge.results_published_at.year,
                challenge.id,
                challenge.title,
                challenge.slug,
            )
        )
    return result
