"""Demo moderation: a few months of decided reports (for the metrics), open reports of
different ages in the queue, a merged duplicate, a title edited for clarity, locked comments,
a featured idea and a suspended member, all written through the services and in the audit log."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from idealaari.accounts.models import User
from idealaari.accounts.services import rotate_session_token
from idealaari.audit.services import record
from idealaari.comments import services as comment_services
from idealaari.comments.models import Comment
from idealaari.demo.engagement import backdate
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.ideas.services import IdeaFields, create_idea
from idealaari.moderation import services
from idealaari.moderation.items import Item
from idealaari.targets import TargetKind
from idealaari.votes import services as vote_services

MODERATORS = (
    "moderaattori@idealaari.example.fi",
    "mikko.heikkinen@thl.example.fi",
    "sofia.gronroos@ovph.example.fi",
)
REPORTERS = (
    "jasen@idealaari.example.fi",
    "aleksi.heinonen@pirha.example.fi",
    "sanna.karkkainen@pohde.example.fi",
    "emma.lindroos@varha.example.fi",
    "ville.laine@hel.example.fi",
    "elina.saarinen@hus.example.fi",
    "niko.hamalainen@vakehyva.example.fi",
    "tiina.korhonen@keusote.example.fi",
)
SUSPENDED = "henrik.lindholm@itauusimaa.example.fi"

# (days ago reported, hours to the decision, decision, reason of the reports, decision reason)
PAST = [
    (118, 20, "dismiss", "off_topic", "Aihe liittyy verkoston teemaan; ei toimenpiteitä."),
    (104, 6, "hide_restore", "personal_data", "Asiakkaan nimi poistettu tekstistä."),
    (92, 30, "dismiss", "spam", "Tapahtumailmoitus on verkoston sääntöjen mukainen."),
    (77, 3, "dismiss", "offensive", "Kriittinen mutta asiallinen kommentti."),
    (63, 52, "dismiss", "duplicate", "Eri alueen kokeilu, ei kaksoiskappale."),
    (49, 9, "hide_restore", "personal_data", "Puhelinnumero poistettu, näytetään taas."),
    (35, 14, "dismiss", "other", "Linkki toimii, ei toimenpiteitä."),
    (21, 4, "dismiss", "off_topic", "Sopii teemaan digitaaliset palvelut."),
    (12, 26, "hide_restore", "offensive", "Kirjoittaja muotoili kommentin uudelleen."),
    (6, 2, "dismiss", "spam", "Ei mainos vaan hankkeen tulosten esittely."),
]


def _user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def _published_ideas() -> list[Idea]:
    return list(
        db.session.scalars(
            select(Idea).where(Idea.status == IdeaStatus.PUBLISHED).order_by(Idea.id)
        )
    )


def _comments() -> list[Comment]:
    return list(
        db.session.scalars(
            select(Comment)
            .where(
                Comment.deleted_at.is_(None),
                Comment.hidden_at.is_(None),
                Comment.author_id.is_not(None),
            )
            .order_by(Comment.id)
        )
    )


def _reporters(author_id: int | None, n: int) -> list[User]:
    found = [u for u in (_user(e) for e in REPORTERS) if u is not None and u.id != author_id]
    return found[:n]


def load_moderation(*, now: datetime) -> int:
    """Load the demo's moderation; returns the number of audit log rows it made."""
    moderators = [u for u in (_user(e) for e in MODERATORS) if u is not None]
    if not moderators:
        return 0
    ideas, comments = _published_ideas(), _comments()
    if len(ideas) < 12 or len(comments) < 12:
        return 0
    for i, (days, hours, decision, reason, note) in enumerate(PAST):
        target = (
            Item(TargetKind.COMMENT, comments[i]) if i % 2 else Item(TargetKind.IDEA, ideas[-1 - i])
        )
        reported = now - timedelta(days=days)
        decided = reported + timedelta(hours=hours)
        since = datetime.now(reported.tzinfo)
        for reporter in _reporters(target.author_id, 1 + i % 2):
            services.report(
                reporter=reporter, kind=target.kind, item_id=target.id, reason=reason, now=reported
            )
        moderator = moderators[i % len(moderators)]
        if decision == "dismiss":
            services.dismiss(moderator=moderator, item=target, reason=note, now=decided)
        else:
            services.hide(moderator=moderator, item=target, reason=note, now=decided)
            services.restore(
                moderator=moderator, item=target, reason=note, now=decided + timedelta(hours=20)
            )
        backdate(decided, since)

    # Open reports of different ages: one overdue, one fresh and auto-hidden, a duplicate.
    since = datetime.now(now.tzinfo)
    overdue = Item(TargetKind.IDEA, ideas[3])
    for reporter in _reporters(overdue.author_id, 1):
        services.report(
            reporter=reporter,
            kind="idea",
            item_id=overdue.id,
            reason="off_topic",
            note="Onko tämä enää ajankohtainen?",
            now=now - timedelta(days=3),
        )
    hot = Item(TargetKind.COMMENT, comments[15 if len(comments) > 15 else -1])
    for j, reporter in enumerate(_reporters(hot.author_id, 3)):
        services.report(
            reporter=reporter,
            kind="comment",
            item_id=hot.id,
            reason="offensive",
            now=now - timedelta(hours=5 - j),
        )
    backdate(now - timedelta(hours=3), since)

    # A duplicate: posted again by another member, reported, then merged into the original.
    original = ideas[0]
    copier = _user("ville.laine@hel.example.fi") or moderators[0]
    since = datetime.now(now.tzinfo)
    duplicate = create_idea(
        author=copier,
        values=IdeaFields(
            title=original.title + " (Helsinki)",
            summary=original.summary,
            body="Sama ajatus kuin alueen ideassa – kokeillaan myös Helsingissä.",
            phase=original.phase,
            themes=list(original.themes),
        ),
        publish=True,
    )
    db.session.flush()
    for voter in _reporters(duplicate.author_id, 3):
        vote_services.add_vote(idea=duplicate, voter=voter)
    comment_services.post_comment(
        discussion=duplicate.discussion,
        author=_reporters(copier.id, 4)[-1],
        body="Tämähän on sama kuin alueen idea – yhdistetään?",
    )
    services.report(
        reporter=_reporters(copier.id, 5)[-1],
        kind="idea",
        item_id=duplicate.id,
        reason="duplicate",
        now=now - timedelta(days=11),
    )
    services.merge(
        moderator=moderators[1 % len(moderators)],
        source=duplicate,
        target=original,
        reason="Sama idea kuin alkuperäinen; äänet ja kommentit yhdistetty.",
        now=now - timedelta(days=10),
    )
    backdate(now - timedelta(days=10), since)
    # A fresh duplicate report waits in the queue with the similar ideas beside it.
    second = ideas[5]
    services.report(
        reporter=_reporters(second.author_id, 6)[-1],
        kind="idea",
        item_id=second.id,
        reason="duplicate",
        note="Muistuttaa kovasti toista ideaa.",
        now=now - timedelta(hours=20),
    )

    # Curation: a clearer title, closed comments, a featured idea.
    lead = moderators[0]
    idea = ideas[7]
    services.edit_title(
        moderator=lead,
        idea=idea,
        title=idea.title.rstrip(".!") + " – kokeilu",
        reason="Otsikko kertoo nyt, että kyse on kokeilusta.",
        now=now - timedelta(days=40),
    )
    services.set_comments_locked(
        moderator=lead,
        idea=ideas[9],
        locked=True,
        reason="Keskustelu siirtyi verkkoklinikkaan.",
        now=now - timedelta(days=15),
    )
    services.set_featured(
        moderator=lead,
        idea=ideas[1],
        featured=True,
        reason="Kevään esimerkki yhteiskehittämisestä.",
        now=now - timedelta(days=8),
    )

    # A suspended member.
    admin = _user("admin@idealaari.example.fi")
    member = _user(SUSPENDED)
    if member is not None and admin is not None:
        member.suspended_until = now + timedelta(days=14)
        member.suspension_reason = "Toistuvaa mainostamista keskusteluissa."
        rotate_session_token(member)
        record(
            actor=admin,
            action="user_suspended",
            target_kind="user",
            target_id=member.id,
            reason=member.suspension_reason,
            after=member.suspended_until.date().isoformat(),
            now=now - timedelta(days=2),
        )
    db.session.flush()
    from idealaari.audit.models import AuditEntry

    return db.session.scalar(select(db.func.count(AuditEntry.id))) or 0
