"""Compiling a year: the figures and lists of the showcase and of the statistics page.

Everything here reads; `compile_year` returns plain JSON-ready data (ids, titles, codes and
enum values, never labels), so a stored snapshot still follows the reader's language. Only
public ideas (published or archived) and approved challenges with published results count.
A year runs from 1 January to 31 December in Finnish time.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from idealaari.accounts.models import User
from idealaari.challenges.models import Award, AwardKind, Challenge, ChallengeStatus, Entry
from idealaari.comments.models import Comment
from idealaari.comments.queries import is_visible_clause
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaRevision, IdeaStatus, Phase
from idealaari.lineage.models import Adoption
from idealaari.organisations.models import AREA_KINDS, Organisation, OrganisationKind
from idealaari.partners.models import OfferStatus, PartnerOffer
from idealaari.votes.models import Vote

PUBLIC_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED)
# How many ideas the most-discussed and most-voted lists hold.
TOP = 5
# The series of the participation charts, in their order.
PARTICIPATION = ("ideas", "comments", "votes", "offers")
# A snapshot says which version of this structure made it, for later readers.
SNAPSHOT_VERSION = 1
_PHASES = list(Phase)


def local_timezone() -> ZoneInfo:
    return ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE") or "Europe/Helsinki")


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """The start of the year and of the next one, in Finnish time, as UTC."""
    tz = local_timezone()
    start = datetime(year, 1, 1, tzinfo=tz).astimezone(UTC)
    end = datetime(year + 1, 1, 1, tzinfo=tz).astimezone(UTC)
    return start, end


def local_year(moment: datetime) -> int:
    return moment.astimezone(local_timezone()).year


def _org(org: Organisation) -> dict:
    return {
        "code": org.code,
        "name_fi": org.name_fi,
        "name_sv": org.name_sv,
        "name_en": org.name_en,
        "kind": org.kind.value,
    }


def _idea(idea: Idea) -> dict:
    return {
        "id": idea.id,
        "title": idea.title,
        "slug": idea.slug,
        "summary": idea.summary,
        "phase": idea.phase.value,
        "organisation": _org(idea.organisation),
    }


def _iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment else None


# --------------------------------------------------------------------------- sections


def winners(start: datetime, end: datetime) -> list[dict]:
    """Awards of challenges whose results were published in the period: winners first."""
    rows = db.session.execute(
        select(Award, Challenge, Idea)
        .join(Entry, Entry.id == Award.entry_id)
        .join(Challenge, Challenge.id == Award.challenge_id)
        .join(Idea, Idea.id == Entry.idea_id)
        .where(
            Challenge.status == ChallengeStatus.APPROVED,
            Challenge.results_published_at >= start,
            Challenge.results_published_at < end,
            Idea.status.in_(PUBLIC_STATUSES),
        )
        # "winner" sorts after "mention": winners first.
        .order_by(Challenge.results_published_at, Challenge.id, Award.kind.desc(), Award.position)
    ).all()
    return [
        {
            "award_id": award.id,
            "kind": award.kind.value,
            "statement": award.statement,
            "challenge": {
                "id": challenge.id,
                "title": challenge.title,
                "slug": challenge.slug,
                "owner": _org(challenge.problem_owner),
                "results_published_at": _iso(challenge.results_published_at),
            },
            "idea": _idea(idea),
        }
        for award, challenge, idea in rows
    ]


def phase_moves(start: datetime, end: datetime) -> list[dict]:
    """Ideas whose development phase moved forward during the period, read from their
    history: the phase before the period (or when posted in it) against the phase at its end."""
    moved_ids = select(IdeaRevision.idea_id).where(
        IdeaRevision.created_at >= start, IdeaRevision.created_at < end
    )
    ideas = {
        i.id: i
        for i in db.session.scalars(
            select(Idea).where(Idea.id.in_(moved_ids), Idea.status.in_(PUBLIC_STATUSES))
        )
    }
    if not ideas:
        return []
    revisions = db.session.execute(
        select(IdeaRevision.idea_id, IdeaRevision.created_at, IdeaRevision.data)
        .where(IdeaRevision.idea_id.in_(list(ideas)), IdeaRevision.created_at < end)
        .order_by(IdeaRevision.idea_id, IdeaRevision.number)
    ).all()
    history: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    for idea_id, created_at, data in revisions:
        phase = (data or {}).get("phase")
        if phase in Phase._value2member_map_:
            history[idea_id].append((created_at, phase))
    moves = []
    for idea_id, states in history.items():
        before = [phase for when, phase in states if when < start]
        during = [(when, phase) for when, phase in states if when >= start]
        if not during:
            continue
        first = before[-1] if before else during[0][1]
        last_when, last = during[-1]
        if _PHASES.index(Phase(last)) > _PHASES.index(Phase(first)):
            moves.append(
                {
                    "idea": _idea(ideas[idea_id]),
                    "from_phase": first,
                    "to_phase": last,
                    "moved_at": _iso(
                        next(when for when, phase in during if phase == last) or last_when
                    ),
                }
            )
    moves.sort(key=lambda m: (-_PHASES.index(Phase(m["to_phase"])), m["idea"]["title"]))
    return moves


def partnerships(start: datetime, end: datetime) -> list[dict]:
    """Partnerships accepted in the period between different organisations: across areas
    (both wellbeing areas) or across sectors (different kinds of organisation)."""
    partner_org = aliased(Organisation)
    rows = db.session.execute(
        select(PartnerOffer, Idea, partner_org)
        .join(Idea, Idea.id == PartnerOffer.idea_id)
        .join(partner_org, partner_org.id == PartnerOffer.organisation_id)
        .where(
            PartnerOffer.status == OfferStatus.ACCEPTED,
            PartnerOffer.decided_at >= start,
            PartnerOffer.decided_at < end,
            PartnerOffer.organisation_id != Idea.organisation_id,
            Idea.status.in_(PUBLIC_STATUSES),
        )
        .order_by(PartnerOffer.decided_at, PartnerOffer.id)
    ).all()
    result = []
    for offer, idea, partner in rows:
        owner = idea.organisation
        result.append(
            {
                "offer_id": offer.id,
                "role": offer.role.value,
                "decided_at": _iso(offer.decided_at),
                "idea": _idea(idea),
                "partner": _org(partner),
                "cross_area": partner.kind in AREA_KINDS and owner.kind in AREA_KINDS,
                "cross_sector": partner.kind != owner.kind
                and not (partner.kind in AREA_KINDS and owner.kind in AREA_KINDS),
            }
        )
    return result


def adoptions(start: datetime, end: datetime) -> list[dict]:
    """Adoptions dated in the period, with their evidence (the adoption story)."""
    start_day, end_day = (
        start.astimezone(local_timezone()).date(),
        end.astimezone(local_timezone()).date(),
    )
    rows = db.session.execute(
        select(Adoption, Idea)
        .join(Idea, Idea.id == Adoption.idea_id)
        .where(
            Adoption.adopted_on >= start_day,
            Adoption.adopted_on < end_day,
            Idea.status.in_(PUBLIC_STATUSES),
        )
        .order_by(Adoption.adopted_on, Adoption.id)
    ).all()
    return [
        {
            "adoption_id": adoption.id,
            "adopted_on": adoption.adopted_on.isoformat(),
            "phase": adoption.phase.value,
            "evidence": adoption.evidence,
            "organisation": _org(adoption.organisation),
            "idea": _idea(idea),
        }
        for adoption, idea in rows
    ]


def _top_ideas(counts: list[tuple[int, int]]) -> list[dict]:
    ideas = {
        i.id: i for i in db.session.scalars(select(Idea).where(Idea.id.in_([i for i, _ in counts])))
    }
    return [{"idea": _idea(ideas[i]), "count": n} for i, n in counts if i in ideas]


def most_discussed(start: datetime, end: datetime) -> list[dict]:
    """Public ideas with the most visible comments posted in the period."""
    count = func.count(Comment.id)
    rows = db.session.execute(
        select(Idea.id, count)
        .join(Comment, Comment.discussion_id == Idea.discussion_id)
        .where(
            Idea.status.in_(PUBLIC_STATUSES),
            Comment.created_at >= start,
            Comment.created_at < end,
            is_visible_clause(),
        )
        .group_by(Idea.id)
        .order_by(count.desc(), Idea.id)
        .limit(TOP)
    ).all()
    return _top_ideas([(i, n) for i, n in rows])


def most_voted(start: datetime, end: datetime) -> list[dict]:
    """Public ideas with the most votes cast in the period."""
    count = func.count(Vote.id)
    rows = db.session.execute(
        select(Idea.id, count)
        .join(Vote, Vote.idea_id == Idea.id)
        .where(Idea.status.in_(PUBLIC_STATUSES), Vote.created_at >= start, Vote.created_at < end)
        .group_by(Idea.id)
        .order_by(count.desc(), Idea.id)
        .limit(TOP)
    ).all()
    return _top_ideas([(i, n) for i, n in rows])


def _by_organisation(start: datetime, end: datetime) -> dict[int, Counter]:
    """Per organisation: ideas it published, and comments, votes and partner offers its
    members made, in the period."""
    tally: dict[int, Counter] = defaultdict(Counter)
    queries = {
        "ideas": select(Idea.organisation_id, func.count(Idea.id))
        .where(
            Idea.status.in_(PUBLIC_STATUSES), Idea.published_at >= start, Idea.published_at < end
        )
        .group_by(Idea.organisation_id),
        "comments": select(User.organisation_id, func.count(Comment.id))
        .join(User, User.id == Comment.author_id)
        .where(Comment.created_at >= start, Comment.created_at < end, is_visible_clause())
        .group_by(User.organisation_id),
        "votes": select(User.organisation_id, func.count(Vote.id))
        .join(User, User.id == Vote.user_id)
        .where(Vote.created_at >= start, Vote.created_at < end)
        .group_by(User.organisation_id),
        "offers": select(PartnerOffer.organisation_id, func.count(PartnerOffer.id))
        .where(PartnerOffer.created_at >= start, PartnerOffer.created_at < end)
        .group_by(PartnerOffer.organisation_id),
    }
    for series, stmt in queries.items():
        for org_id, n in db.session.execute(stmt):
            tally[org_id][series] += n
    return tally


def participation(start: datetime, end: datetime) -> dict:
    """Participation per wellbeing area (each area organisation) and per kind of
    organisation, in the series of PARTICIPATION."""
    tally = _by_organisation(start, end)
    orgs = {o.id: o for o in db.session.scalars(select(Organisation))}
    areas = [
        {"organisation": _org(org), **{s: tally[org.id][s] for s in PARTICIPATION}}
        for org in sorted(orgs.values(), key=lambda o: o.name_fi)
        if org.kind in AREA_KINDS
    ]
    kinds: dict[str, Counter] = {k.value: Counter() for k in OrganisationKind}
    for org_id, counts in tally.items():
        if org_id in orgs:
            kinds[orgs[org_id].kind.value].update(counts)
    return {
        "areas": areas,
        "kinds": [{"kind": k, **{s: kinds[k][s] for s in PARTICIPATION}} for k in kinds],
    }


def ideas_by_area_and_phase(end: datetime) -> list[dict]:
    """Public ideas of each wellbeing area published before `end`, per phase (as they are now)."""
    rows = db.session.execute(
        select(Idea.organisation_id, Idea.phase, func.count(Idea.id))
        .join(Organisation, Organisation.id == Idea.organisation_id)
        .where(
            Idea.status.in_(PUBLIC_STATUSES),
            Idea.published_at < end,
            Organisation.kind.in_(sorted(AREA_KINDS)),
        )
        .group_by(Idea.organisation_id, Idea.phase)
    ).all()
    counts: dict[int, Counter] = defaultdict(Counter)
    for org_id, phase, n in rows:
        counts[org_id][phase.value] = n
    orgs = db.session.scalars(
        select(Organisation)
        .where(Organisation.kind.in_(sorted(AREA_KINDS)))
        .order_by(Organisation.name_fi)
    )
    return [
        {"organisation": _org(o), "phases": {p.value: counts[o.id][p.value] for p in Phase}}
        for o in orgs
    ]


def challenge_participation(start: datetime, end: datetime) -> list[dict]:
    """Challenges whose submission closed in the period: entries (public ideas) and the
    organisations behind them."""
    entry_count = func.count(Entry.id)
    org_count = func.count(func.distinct(Idea.organisation_id))
    rows = db.session.execute(
        select(Challenge, entry_count, org_count)
        .outerjoin(Entry, Entry.challenge_id == Challenge.id)
        .outerjoin(Idea, and_(Idea.id == Entry.idea_id, Idea.status.in_(PUBLIC_STATUSES)))
        .where(
            Challenge.status == ChallengeStatus.APPROVED,
            Challenge.submission_closes_at >= start,
            Challenge.submission_closes_at < end,
        )
        .group_by(Challenge.id)
        .order_by(Challenge.submission_closes_at, Challenge.id)
    ).all()
    return [
        {
            "challenge": {"id": c.id, "title": c.title, "slug": c.slug},
            "entries": int(entries),
            "organisations": int(orgs),
        }
        for c, entries, orgs in rows
    ]


def same_part_of_year_before(year: int, until: datetime) -> datetime:
    """Where the year before is cut to compare like for like with `year` up to `until`:
    the whole year when `year` is over, else the same stretch from 1 January."""
    start, end = year_bounds(year)
    previous_start, previous_end = year_bounds(year - 1)
    if until >= end:
        return previous_end
    return previous_start + (until - start)


def compile_year(year: int, *, until: datetime | None = None) -> dict:
    """The showcase's data for `year` (up to `until`, for a year still running)."""
    start, end = year_bounds(year)
    if until is not None and until < end:
        end = until
    data = {
        "version": SNAPSHOT_VERSION,
        "year": year,
        "winners": winners(start, end),
        "phase_moves": phase_moves(start, end),
        "partnerships": partnerships(start, end),
        "adoptions": adoptions(start, end),
        "most_discussed": most_discussed(start, end),
        "most_voted": most_voted(start, end),
        "participation": participation(start, end),
        "ideas_by_area_and_phase": ideas_by_area_and_phase(end),
        "challenges": challenge_participation(start, end),
    }
    data["totals"] = totals(data, start, end)
    return data


def totals(data: dict, start: datetime, end: datetime) -> dict[str, int]:
    """The year's key figures, for "measure the change" against the year before."""
    kinds = data["participation"]["kinds"]
    return {
        "ideas": sum(k["ideas"] for k in kinds),
        "comments": sum(k["comments"] for k in kinds),
        "votes": sum(k["votes"] for k in kinds),
        "partnerships": len(data["partnerships"]),
        "cross_area": sum(1 for p in data["partnerships"] if p["cross_area"]),
        "cross_sector": sum(1 for p in data["partnerships"] if p["cross_sector"]),
        "adoptions": len(data["adoptions"]),
        "phase_moves": len(data["phase_moves"]),
        "winners": sum(1 for w in data["winners"] if w["kind"] == AwardKind.WINNER.value),
        "challenge_entries": sum(c["entries"] for c in data["challenges"]),
    }
