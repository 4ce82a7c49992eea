"""Privacy fixtures: two active members who have done a bit of everything.

`world` builds, through the services, a member ("Zyxwy Quorrelmann") and another member
("Pelmovant Ostrakis") with ideas, comments, votes, a partner offer, follows, notifications,
poll votes, a challenge with entries, entry votes and jury scorecards, and a report. The
names and addresses are distinctive ASCII words, so a scan of the database for them cannot
match anything else (JSON columns escape non-ASCII text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from idealaari.accounts.models import Role, User
from idealaari.challenges import jury, voting
from idealaari.challenges import services as challenge_services
from idealaari.challenges.models import Challenge, Entry, ScoreMode, VotingMode
from idealaari.comments import services as comment_services
from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus, PartnerRole
from idealaari.moderation import services as moderation_services
from idealaari.notifications import services as notification_services
from idealaari.partners import services as partner_services
from idealaari.partners.models import PartnerOffer
from idealaari.polls import services as poll_services
from idealaari.polls.models import Poll
from idealaari.targets import TargetKind
from idealaari.votes import services as vote_services
from tests.challenges.conftest import fields as challenge_fields
from tests.challenges.conftest import jury_criteria
from tests.challenges.conftest import timeline as challenge_timeline

MEMBER_NAME = "Zyxwy Quorrelmann"
MEMBER_EMAIL = "zyxwy.quorrelmann@example.fi"
OTHER_NAME = "Pelmovant Ostrakis"
OTHER_EMAIL = "pelmovant.ostrakis@example.fi"

MEMBER_IDEA_BODY = (
    "Kotihoidon **asiakkaat** saavat iltaisin videopuhelun.\n\n"
    "- ensimmäinen kohta\n- toinen kohta\n\n"
    "Rivinvaihdot, *korostukset* ja [linkit](https://example.fi) pysyvät sellaisinaan."
)
MEMBER_COMMENT_BODY = "Tämä on **hyvä** idea.\n\nKokeiltaisiinko sitä ensin Kuopiossa?"
OTHER_COMMENT_BODY = "Kiitos, kokeillaan! Toisen jäsenen vastaus."


@dataclass
class World:
    member: User
    other: User
    moderator: User
    juror: User
    member_idea: Idea
    member_draft: Idea
    other_idea: Idea
    member_comment: Comment
    other_comment: Comment
    offer: PartnerOffer
    poll: Poll
    challenge: Challenge
    entries: list[Entry] = field(default_factory=list)


def _challenge(moderator, now) -> Challenge:
    """A challenge in evaluation, juror-normalised, with public voting before it."""
    values = challenge_fields(
        moderator.organisation,
        voting_mode=VotingMode.SINGLE,
        criteria=jury_criteria(),
        score_mode=ScoreMode.NORMALISED,
        jury_quorum=1,
        jury_weight=50,
    )
    challenge = challenge_services.propose_challenge(actor=moderator, values=values)
    for name, value in challenge_timeline("evaluation", now).items():
        setattr(challenge, name, value)
    db.session.flush()
    return challenge


def _score(juror, entry, points, now):
    criteria = entry.challenge.criteria
    jury.save_scorecard(
        actor=juror,
        entry=entry,
        scores={c.id: p for c, p in zip(criteria, points, strict=True)},
        note=f"Muistiinpano {juror.id}",
        now=now,
    )


@pytest.fixture
def world(app, make_user, make_idea, make_org) -> World:
    now = utcnow()
    member = make_user(email=MEMBER_EMAIL, name=MEMBER_NAME)
    member.expertise = "Zyxwy-osaaminen"
    other = make_user(email=OTHER_EMAIL, name=OTHER_NAME)
    moderator = make_user(role=Role.MODERATOR)

    member_idea = make_idea(
        author=member,
        title="Iltapuhelut kotihoidon asiakkaille",
        body=MEMBER_IDEA_BODY,
        need="Yksinäisyys lisääntyy iltaisin.",
        seeks_partners=True,
        partner_roles=[PartnerRole.PILOT_SITE],
    )
    member_draft = make_idea(author=member, status=IdeaStatus.DRAFT, title="Keskeneräinen aihio")
    other_idea = make_idea(
        author=other,
        title="Toisen jäsenen idea",
        body="Toisen jäsenen oma kuvaus, jota jäsen ei kirjoittanut.",
        seeks_partners=True,
        partner_roles=[PartnerRole.CO_DEVELOPER],
    )

    member_comment = comment_services.post_comment(
        discussion=other_idea.discussion, author=member, body=MEMBER_COMMENT_BODY
    )
    other_comment = comment_services.post_comment(
        discussion=member_idea.discussion, author=other, body=OTHER_COMMENT_BODY
    )
    # A reply by the member to the other's comment, on their own idea.
    comment_services.post_comment(
        discussion=member_idea.discussion,
        author=member,
        body="Vastaus toiselle jäsenelle.",
        parent=other_comment,
    )
    vote_services.add_vote(idea=other_idea, voter=member)
    vote_services.add_vote(idea=member_idea, voter=other)
    offer = partner_services.make_offer(
        idea=other_idea, member=member, role=PartnerRole.CO_DEVELOPER, message="Zyxwy tarjoaa apua"
    )
    notification_services.follow(
        user=member, target=TargetKind.ORGANISATION, target_id=other.organisation_id
    )
    moderation_services.report(
        reporter=member, kind="comment", item_id=other_comment.id, reason="spam", note="Roskaa?"
    )

    poll = poll_services.create_poll(
        actor=moderator,
        question="Mikä teema seuraavaan verkkoklinikkaan?",
        options=["Ennaltaehkäisy", "Digipalvelut"],
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=1),
    )
    poll_services.cast_vote(poll=poll, voter=member, option=poll.options[0], now=now)
    poll_services.cast_vote(poll=poll, voter=other, option=poll.options[1], now=now)

    challenge = _challenge(moderator, now)
    entries = [
        Entry(challenge_id=challenge.id, idea_id=idea.id, entered_by_id=idea.author_id)
        for idea in (other_idea, make_idea(), make_idea(), member_idea)
    ]
    db.session.add_all(entries)
    db.session.flush()
    juror = make_user()
    challenge.jurors.extend([member, juror])
    during_voting = challenge.submission_closes_at + timedelta(hours=1)
    voting.cast_vote(entry=entries[0], voter=member, now=during_voting)
    voting.cast_vote(entry=entries[1], voter=other, now=during_voting)
    voting.cast_vote(entry=entries[2], voter=other, now=during_voting)
    # The member scores three entries; on the third they declare a conflict afterwards, so
    # that scorecard does not count. The other juror scores the same three.
    for entry, points in zip(entries[:3], ((5, 4), (3, 3), (1, 2)), strict=True):
        _score(member, entry, points, now)
    jury.declare_recusal(actor=member, entry=entries[2], reason="Entinen työpaikka", now=now)
    for entry, points in zip(entries[:3], ((2, 2), (4, 5), (3, 1)), strict=True):
        _score(juror, entry, points, now)
    db.session.commit()
    return World(
        member=member,
        other=other,
        moderator=moderator,
        juror=juror,
        member_idea=member_idea,
        member_draft=member_draft,
        other_idea=other_idea,
        member_comment=member_comment,
        other_comment=other_comment,
        offer=offer,
        poll=poll,
        challenge=challenge,
        entries=entries,
    )
