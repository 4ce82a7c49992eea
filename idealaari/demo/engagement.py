"""Engagement for the demo network: follows, comments, partner offers, votes and theme polls.

Everything goes through the services, so notifications, follows, vote counts and the search
outbox come out as they would in the browser. The services stamp most rows with the real time;
afterwards the rows are dated back to the moment the demo's story puts them at, in the order
the story has them, so that a follower hears of the comments made after they started following.
The texts are in idealaari.demo.engagement_content.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from idealaari import permissions
from idealaari.accounts.models import Role, User
from idealaari.comments.models import Comment
from idealaari.comments.services import delete_comment, hide_comment, post_comment
from idealaari.demo import engagement_content as text
from idealaari.demo.text import line, markdown
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus, Theme
from idealaari.notifications.models import Follow, Notification
from idealaari.notifications.services import follow
from idealaari.organisations.models import Organisation
from idealaari.partners.models import PartnerOffer
from idealaari.partners.notifications import PartnerNotice
from idealaari.partners.services import (
    accept_offer,
    decline_offer,
    make_co_editor,
    make_offer,
    withdraw_offer,
)
from idealaari.polls.models import Poll, PollOption
from idealaari.polls.services import (
    accept_proposal,
    announce_results,
    cast_vote,
    create_poll,
    propose_option,
)
from idealaari.targets import TargetKind
from idealaari.votes.models import Vote
from idealaari.votes.services import add_vote

# Mailed at once when they were made (idealaari.notifications.delivery.IMMEDIATE_KINDS), so in
# the story they went out long ago; the rest wait for the members' digests.
_MAILED_AT_ONCE = (PartnerNotice.PARTNER_OFFER, PartnerNotice.OFFER_ANSWER)
# Notifications older than this have been read; newer ones are unread.
READ_AFTER = timedelta(days=14)
# Events on the same idea and day keep their order, at least this far apart.
_STEP = timedelta(minutes=20)


@dataclass
class EngagementCounts:
    comments: int = 0
    votes: int = 0
    partner_offers: int = 0
    follows: int = 0
    polls: int = 0


def backdate(when: datetime, since: datetime) -> None:
    """Date the notifications and follows the services made since `since` to `when`."""
    db.session.execute(
        update(Notification).where(Notification.created_at >= since).values(created_at=when)
    )
    db.session.execute(update(Follow).where(Follow.created_at >= since).values(created_at=when))


def _people(users: dict[str, User]) -> dict[str, User]:
    """Users by the part of their e-mail address before the @."""
    people = {email.split("@")[0]: user for email, user in users.items()}
    if len(people) != len(users):
        raise RuntimeError("demo users must differ before the @ of their e-mail addresses")
    return people


def follow_from_start(
    *,
    users: dict[str, User],
    organisations: dict[str, Organisation],
    themes: dict[str, Theme],
    rng: random.Random,
    since: datetime,
) -> None:
    """Theme and organisation follows, a few days after each member joined (before any idea)."""
    people = _people(users)
    targets = [(who, TargetKind.THEME, themes[key].id) for who, key in text.THEME_FOLLOWS] + [
        (who, TargetKind.ORGANISATION, organisations[key].id)
        for who, key in text.ORGANISATION_FOLLOWS
    ]
    for who, target, target_id in targets:
        user = people[who]
        follow(user=user, target=target, target_id=target_id)
        db.session.flush()
        backdate(user.created_at + timedelta(hours=rng.randint(20, 90)), since)


# The story: events on ideas, dated and then run in time order


@dataclass
class _Event:
    kind: str  # comment, follow, offer, answer, co_editor, withdraw
    idea: Idea
    days: int
    spec: dict = field(default_factory=dict)
    parent: dict | None = None  # the comment a reply answers, or the offer of an answer
    who: str = ""
    seq: int = 0
    when: datetime | None = None


def _story(ideas: dict[str, Idea]) -> list[_Event]:
    events: list[_Event] = []
    for thread in text.DISCUSSIONS:
        idea = ideas[thread["idea"]]
        for comment in thread["comments"]:
            events.append(_Event("comment", idea, comment["days"], comment, who=comment["by"]))
            if comment.get("follow"):
                events.append(_Event("follow", idea, comment["days"], who=comment["by"]))
            for reply in comment.get("replies", []):
                events.append(
                    _Event("comment", idea, reply["days"], reply, parent=comment, who=reply["by"])
                )
    for offer in text.OFFERS:
        idea = ideas[offer["idea"]]
        events.append(_Event("offer", idea, offer["days"], offer, who=offer["by"]))
        if "answer" in offer:
            answer = offer["answer"]
            events.append(_Event("answer", idea, answer["days"], answer, offer, answer["by"]))
        if "co_editor" in offer:
            step = offer["co_editor"]
            events.append(_Event("co_editor", idea, step["days"], step, offer, step["by"]))
        if "withdrawn" in offer:
            events.append(_Event("withdraw", idea, offer["withdrawn"], {}, offer, offer["by"]))
    for who, title, days in text.IDEA_FOLLOWS:
        events.append(_Event("follow", ideas[title], days, who=who))
    for seq, event in enumerate(events):
        event.seq = seq
    return events


def _schedule(events: list[_Event], today: datetime, rng: random.Random) -> None:
    """Give each event its moment: `days` ago at office hours, after the idea was published.

    An idea younger than its oldest event has its events squeezed into its lifetime; events on
    one idea keep the order of their days, and on the same day the order they are listed in.
    """
    by_idea: dict[int, list[_Event]] = {}
    for event in events:
        by_idea.setdefault(event.idea.id, []).append(event)
    for idea_events in by_idea.values():
        published = idea_events[0].idea.published_at or idea_events[0].idea.created_at
        age = (today - published) / timedelta(days=1)
        oldest = max(e.days for e in idea_events)
        scale = min(1.0, (age - 1) / oldest) if oldest else 1.0
        previous: datetime | None = None
        for event in sorted(idea_events, key=lambda e: (-e.days, e.seq)):
            days = max(1, math.floor(event.days * scale + 0.5))
            when = today - timedelta(days=days)
            when += timedelta(hours=rng.randint(5, 16), minutes=rng.randint(0, 59))
            if previous is not None and when < previous + _STEP:
                when = previous + _STEP
            event.when = previous = when


@dataclass
class _Made:
    comments: dict[int, Comment] = field(default_factory=dict)  # by id() of the spec
    offers: dict[int, PartnerOffer] = field(default_factory=dict)


def _run(event: _Event, people: dict[str, User], made: _Made) -> None:
    user = people[event.who]
    spec = event.spec
    when = event.when
    if event.kind == "comment":
        parent = made.comments[id(event.parent)] if event.parent is not None else None
        comment = post_comment(
            discussion=event.idea.discussion,
            author=user,
            body=markdown(spec["body"]),
            parent=parent,
            now=when,
        )
        made.comments[id(spec)] = comment
        if "deleted" in spec:
            delete_comment(
                comment=comment, actor=user, now=when + timedelta(minutes=spec["deleted"])
            )
        if "hidden" in spec:
            hidden = spec["hidden"]
            hide_comment(
                comment=comment,
                moderator=people[hidden["by"]],
                reason=line(hidden["reason"]),
                now=when + timedelta(hours=hidden["hours"]),
            )
    elif event.kind == "follow":
        follow(user=user, target=TargetKind.IDEA, target_id=event.idea.id)
    elif event.kind == "offer":
        offer = make_offer(
            idea=event.idea, member=user, role=spec["role"], message=line(spec["message"])
        )
        offer.created_at = when
        made.offers[id(spec)] = offer
    elif event.kind == "answer":
        offer = made.offers[id(event.parent)]
        decide = accept_offer if spec["status"] == "accepted" else decline_offer
        decide(offer=offer, actor=user, note=line(spec.get("note", "")))
        offer.decided_at = when
    elif event.kind == "co_editor":
        make_co_editor(offer=made.offers[id(event.parent)], actor=user)
    elif event.kind == "withdraw":
        withdraw_offer(offer=made.offers[id(event.parent)], member=user)
    else:  # pragma: no cover - a typo in the story
        raise ValueError(f"unknown demo event {event.kind!r}")


def _votes(
    ideas: list[Idea],
    people: dict[str, User],
    events: list[_Event],
    rng: random.Random,
    now: datetime,
) -> None:
    """Votes: the popular ideas get many, the rest a few; those who took part vote first."""
    engaged: dict[int, list[str]] = {}
    for event in sorted(events, key=lambda e: e.seq):
        if event.kind in ("comment", "offer") and event.who not in engaged.get(event.idea.id, []):
            engaged.setdefault(event.idea.id, []).append(event.who)
    members = [people[key] for key in sorted(people) if people[key].role != Role.ADMIN]
    for idea in ideas:
        if idea.status != IdeaStatus.PUBLISHED:
            continue
        wanted = text.POPULAR.get(idea.title)
        if wanted is None:
            wanted = rng.choice(text.OTHER_VOTES)
        eligible = [
            u
            for u in members
            if permissions.can_vote(u, idea) and not permissions.can_edit_idea(u, idea)
        ]
        first = [people[w] for w in engaged.get(idea.id, []) if people[w] in eligible]
        rest = [u for u in eligible if u not in first]
        rng.shuffle(rest)
        start = idea.published_at or idea.created_at
        span = max((now - start) / timedelta(hours=1) - 2, 1)
        for voter in (first + rest)[:wanted]:
            add_vote(idea=idea, voter=voter)
            db.session.execute(
                update(Vote)
                .where(Vote.idea_id == idea.id, Vote.user_id == voter.id)
                .values(created_at=start + timedelta(hours=rng.uniform(1, span)))
            )


def _date_poll(poll: Poll, when: datetime) -> None:
    poll.created_at = when
    for option in poll.options:
        option.created_at = when


def _cast(
    poll: Poll,
    options: list[PollOption],
    counts: list[int],
    voters: list[User],
    start: datetime,
    end: datetime,
    rng: random.Random,
) -> None:
    ballots = [option for option, n in zip(options, counts, strict=True) for _ in range(n)]
    rng.shuffle(ballots)
    span = (end - start) / timedelta(minutes=1)
    for voter, option in zip(voters, ballots, strict=True):
        moment = start + timedelta(minutes=rng.uniform(1, span - 1))
        cast_vote(poll=poll, voter=voter, option=option, now=moment)


def _polls(people: dict[str, User], rng: random.Random, now: datetime, since: datetime) -> int:
    moderator = people["moderaattori"]
    members = [people[key] for key in sorted(people) if people[key].role != Role.ADMIN]

    # 1. The theme vote of the last verkkoklinikka: closed, the first option won.
    spec = text.CLOSED_POLL
    opens = now - timedelta(days=spec["opens_days"])
    closes = now - timedelta(days=spec["closes_days"])
    closed = create_poll(
        actor=moderator,
        question=spec["question"],
        description=markdown(spec["description"]),
        options=spec["options"],
        opens_at=opens,
        closes_at=closes,
    )
    _date_poll(closed, now - timedelta(days=spec["created_days"]))
    voters = rng.sample(members, sum(spec["votes"]))
    _cast(closed, list(closed.options), spec["votes"], voters, opens, closes, rng)
    announced = closes + timedelta(minutes=15)
    announce_results(poll=closed, now=announced)
    backdate(announced, since)

    # 2. The spring showcase theme: open, with an option a member proposed.
    spec = text.OPEN_POLL
    opens = now - timedelta(days=spec["opens_days"])
    showcase = create_poll(
        actor=moderator,
        question=spec["question"],
        description=markdown(spec["description"]),
        options=spec["options"],
        proposals_close_at=now - timedelta(days=spec["proposals_close_days"]),
        opens_at=opens,
        closes_at=now + timedelta(days=spec["closes_in_days"]),
    )
    _date_poll(showcase, now - timedelta(days=spec["created_days"]))
    proposed_at = now - timedelta(days=spec["proposal_days"])
    proposal = propose_option(
        poll=showcase,
        proposer=people[spec["proposal"]["by"]],
        label=spec["proposal"]["label"],
        now=proposed_at,
    )
    proposal.created_at = proposed_at
    accept_proposal(
        option=proposal, actor=moderator, now=now - timedelta(days=spec["accepted_days"])
    )
    voters = rng.sample(members, sum(spec["votes"]))
    options = sorted(showcase.options, key=lambda o: o.position)
    _cast(showcase, options, spec["votes"], voters, opens, now - timedelta(hours=1), rng)

    # 3. The next verkkoklinikka: proposals open, one accepted and one waiting for a moderator.
    spec = text.PROPOSAL_POLL
    coming = create_poll(
        actor=moderator,
        question=spec["question"],
        description=markdown(spec["description"]),
        options=spec["options"],
        proposals_close_at=now + timedelta(days=spec["proposals_close_in_days"]),
        opens_at=now + timedelta(days=spec["opens_in_days"]),
        closes_at=now + timedelta(days=spec["closes_in_days"]),
    )
    _date_poll(coming, now - timedelta(hours=spec["created_hours"]))
    for key in ("accepted", "pending"):
        step = spec[key]
        proposed_at = now - timedelta(hours=step["hours"])
        option = propose_option(
            poll=coming, proposer=people[step["by"]], label=step["label"], now=proposed_at
        )
        option.created_at = proposed_at
        if key == "accepted":
            accept_proposal(
                option=option, actor=moderator, now=now - timedelta(hours=spec["accepted_hours"])
            )
    db.session.flush()
    return 3


def _settle_notifications(now: datetime, rng: random.Random) -> None:
    """Old news has been read; partner offers and answers were mailed when they were made.

    Other notifications wait for the members' digests (which skip news older than a month).
    """
    for n in db.session.scalars(select(Notification).order_by(Notification.id)):
        if n.kind in _MAILED_AT_ONCE:
            n.emailed_at = n.created_at + timedelta(minutes=2)
        if n.created_at < now - READ_AFTER:
            n.read_at = min(n.created_at + timedelta(hours=rng.randint(2, 96)), now)
    db.session.flush()


def load_engagement(
    *,
    users: dict[str, User],
    ideas: list[Idea],
    rng: random.Random,
    now: datetime,
    since: datetime,
) -> EngagementCounts:
    """Run the story on the loaded ideas; `since` is when this load began (see backdate)."""
    people = _people(users)
    by_title = {idea.title: idea for idea in ideas}
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)

    events = _story(by_title)
    _schedule(events, today, rng)
    made = _Made()
    for event in sorted(events, key=lambda e: (e.when, e.seq)):
        _run(event, people, made)
        db.session.flush()
        backdate(event.when, since)

    _votes(ideas, people, events, rng, now)
    polls = _polls(people, rng, now, since)
    db.session.flush()
    _settle_notifications(now, rng)

    def count(model) -> int:
        return db.session.scalar(select(func.count()).select_from(model)) or 0

    return EngagementCounts(
        comments=count(Comment),
        votes=count(Vote),
        partner_offers=count(PartnerOffer),
        follows=count(Follow),
        polls=polls,
    )
