"""Showcase fixtures: a moderator and a member, and a seeded year whose results are made
through the services and dated into that year (last year, so every date is in the past)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from idealaari.accounts.models import Role
from idealaari.challenges import services as challenge_services
from idealaari.challenges.models import Award, AwardKind, VotingMode
from idealaari.comments import services as comment_services
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas import services as idea_services
from idealaari.ideas.models import Idea, IdeaRevision, IdeaStatus, PartnerRole, Phase
from idealaari.lineage import services as lineage_services
from idealaari.organisations.models import OrganisationKind
from idealaari.partners import services as partner_services
from idealaari.showcase import services
from idealaari.votes import services as vote_services

YEAR = utcnow().year - 1


def at(month: int, day: int, year: int = YEAR) -> datetime:
    return datetime(year, month, day, 10, tzinfo=UTC)


@pytest.fixture
def moderator(make_user):
    return make_user(role=Role.MODERATOR)


@pytest.fixture
def member(make_user):
    return make_user()


@dataclass
class SeededYear:
    year: int
    winner: Idea
    mention: Idea
    moved: Idea
    adopted: Idea
    partnered: Idea
    winner_award: Award
    mention_award: Award
    challenge_title: str


def _fields_of(idea: Idea, **changes) -> idea_services.IdeaFields:
    values = {
        "title": idea.title,
        "summary": idea.summary,
        "body": idea.body,
        "need": idea.need,
        "organisation": idea.organisation,
        "phase": idea.phase,
        "seeks_partners": idea.seeks_partners,
        "partner_roles": list(idea.partner_roles),
    }
    values.update(changes)
    return idea_services.IdeaFields(**values)


def _date_revisions(idea: Idea, when: datetime) -> None:
    db.session.flush()
    for revision in db.session.scalars(select(IdeaRevision).where(IdeaRevision.idea_id == idea.id)):
        revision.created_at = when


@pytest.fixture
def seeded_year(app, moderator, make_user, make_org, make_idea) -> SeededYear:
    """A year with a challenge's winner and mention, an idea moved from ideation to testing,
    a partnership across areas, an adoption, comments and votes; plus noise from the year
    before and a hidden idea, which must not count."""
    area_a, area_b = make_org(), make_org()
    company = make_org(kind=OrganisationKind.COMPANY)
    author = make_user(organisation=area_a)
    ideas = {}
    for key in ("winner", "mention", "moved", "adopted", "partnered", "hidden", "old"):
        idea = make_idea(author=author, title=f"Idea {key} kotihoidosta")
        idea.created_at = idea.published_at = at(1, 10)
        _date_revisions(idea, at(1, 10))
        ideas[key] = idea
    ideas["old"].created_at = ideas["old"].published_at = at(3, 1, YEAR - 1)
    _date_revisions(ideas["old"], at(3, 1, YEAR - 1))

    # Moved forward: ideation -> selection in March, -> testing in June.
    for month, phase in ((3, Phase.SELECTION), (6, Phase.TESTING)):
        moved = ideas["moved"]
        idea_services.update_idea(idea=moved, editor=author, values=_fields_of(moved, phase=phase))
        db.session.flush()
        newest = db.session.scalar(
            select(IdeaRevision)
            .where(IdeaRevision.idea_id == moved.id)
            .order_by(IdeaRevision.number.desc())
            .limit(1)
        )
        newest.created_at = at(month, 1)

    # A challenge whose results were published in May.
    opens = at(2, 1)
    challenge = challenge_services.propose_challenge(
        actor=moderator,
        values=challenge_services.ChallengeFields(
            title="Miten tuemme kotona asumista?",
            summary="Etsimme keinoja tukea kotona asumista.",
            problem_owner=moderator.organisation,
            submission_opens_at=opens,
            submission_closes_at=at(3, 1),
            voting_closes_at=at(3, 15),
            evaluation_closes_at=at(4, 15),
            closes_at=at(6, 30),
            voting_mode=VotingMode.SINGLE,
            criteria=[challenge_services.CriterionFields("Levitettävyys", 2)],
        ),
        now=opens - timedelta(days=10),
    )
    awards = {}
    for key, kind, statement in (
        ("winner", AwardKind.WINNER, "Raati palkitsee levitettävän mallin."),
        ("mention", AwardKind.MENTION, "Kunniamaininta rohkeasta kokeilusta."),
    ):
        entry = challenge_services.enter_idea(
            actor=author, challenge=challenge, idea=ideas[key], now=opens + timedelta(days=2)
        )
        awards[key] = Award(
            challenge_id=challenge.id, entry_id=entry.id, kind=kind, position=1, statement=statement
        )
        db.session.add(awards[key])
    challenge.results_published_at = at(5, 2)

    # A partnership across areas, accepted in April; one with a company the year before.
    partner = make_user(organisation=area_b)
    partnered = ideas["partnered"]
    idea_services.update_idea(
        idea=partnered,
        editor=author,
        values=_fields_of(partnered, seeks_partners=True, partner_roles=[PartnerRole.CO_DEVELOPER]),
    )
    _date_revisions(partnered, at(1, 10))
    offer = partner_services.make_offer(
        idea=partnered, member=partner, role=PartnerRole.CO_DEVELOPER
    )
    partner_services.accept_offer(offer=offer, actor=author)
    offer.created_at, offer.decided_at = at(4, 1), at(4, 5)
    old_offer = partner_services.make_offer(
        idea=partnered, member=make_user(organisation=company), role=PartnerRole.CO_DEVELOPER
    )
    partner_services.accept_offer(offer=old_offer, actor=author)
    old_offer.created_at = old_offer.decided_at = at(6, 1, YEAR - 1)

    # An adoption in September.
    contact = make_user(role=Role.AREA_CONTACT, organisation=area_b)
    lineage_services.record_adoption(
        idea=ideas["adopted"],
        actor=contact,
        adopted_on=date(YEAR, 9, 1),
        phase=Phase.TESTING,
        evidence="Pilotti kahdessa tiimissä.",
    )

    # Discussion and votes: the adopted idea is the most discussed, the winner most voted.
    for n in range(3):
        comment = comment_services.post_comment(
            discussion=ideas["adopted"].discussion, author=partner, body=f"Hyvä idea {n}!"
        )
        comment.created_at = at(7, 1 + n)
    for _ in range(2):
        vote_services.add_vote(idea=ideas["winner"], voter=make_user(organisation=area_b))
    db.session.execute(
        Idea.__table__.update()
        .values(status=IdeaStatus.HIDDEN.value)
        .where(Idea.id == ideas["hidden"].id)
    )
    from idealaari.votes.models import Vote

    for vote in db.session.scalars(select(Vote)):
        vote.created_at = at(8, 1)
    db.session.commit()
    return SeededYear(
        YEAR,
        ideas["winner"],
        ideas["mention"],
        ideas["moved"],
        ideas["adopted"],
        ideas["partnered"],
        awards["winner"],
        awards["mention"],
        challenge.title,
    )


@pytest.fixture
def make_showcase(app, moderator):
    """A showcase compiled (and optionally published) by the moderator, committed."""

    def make(year: int = YEAR, *, published: bool = False, intro: str = ""):
        showcase = services.compile_showcase(year=year, actor=moderator)
        if intro:
            services.set_intro(showcase=showcase, actor=moderator, intro=intro)
        if published:
            services.publish(showcase=showcase, actor=moderator)
        db.session.commit()
        return showcase

    return make
