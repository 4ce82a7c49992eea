"""Follows and notifications. Writes flush, never commit; the view commits once."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from idealaari.accounts.models import Role, User
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea
from idealaari.notifications.models import Follow, FollowTarget, Notification, NotificationKind


def follow(*, user: User, target: FollowTarget | str, target_id: int) -> Follow:
    """Follow an idea, organisation or theme (following twice is harmless)."""
    target = FollowTarget(target)
    existing = db.session.scalar(
        select(Follow).where(
            Follow.user_id == user.id, Follow.target == target, Follow.target_id == target_id
        )
    )
    if existing is not None:
        return existing
    row = Follow(user_id=user.id, target=target, target_id=target_id)
    try:
        with db.session.begin_nested():  # a parallel request may have followed at the same time
            db.session.add(row)
    except IntegrityError:
        return db.session.scalar(
            select(Follow).where(
                Follow.user_id == user.id, Follow.target == target, Follow.target_id == target_id
            )
        )
    return row


def unfollow(*, user: User, target: FollowTarget | str, target_id: int) -> None:
    db.session.execute(
        delete(Follow).where(
            Follow.user_id == user.id,
            Follow.target == FollowTarget(target),
            Follow.target_id == target_id,
        )
    )
    db.session.flush()


def is_following(user: User | None, target: FollowTarget | str, target_id: int) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return (
        db.session.scalar(
            select(Follow.id).where(
                Follow.user_id == user.id,
                Follow.target == FollowTarget(target),
                Follow.target_id == target_id,
            )
        )
        is not None
    )


def follower_ids(target: FollowTarget, target_ids: Iterable[int]) -> set[int]:
    ids = list(target_ids)
    if not ids:
        return set()
    return set(
        db.session.scalars(
            select(Follow.user_id).where(Follow.target == target, Follow.target_id.in_(ids))
        )
    )


def editor_ids(idea: Idea) -> set[int]:
    """Who edits the idea: its author, co-editors and the owning organisation's area contacts."""
    ids = {u.id for u in idea.co_editors}
    if idea.author_id:
        ids.add(idea.author_id)
    ids.update(
        db.session.scalars(
            select(User.id).where(
                User.organisation_id == idea.organisation_id,
                User.role == Role.AREA_CONTACT,
                User.active.is_(True),
            )
        )
    )
    return ids


def _notify(
    recipients: Iterable[int],
    *,
    kind: NotificationKind,
    actor: User | None = None,
    exclude: Iterable[int] = (),
    **fields,
) -> list[Notification]:
    """One notification per recipient (never to the actor themselves)."""
    skip = set(exclude) | ({actor.id} if actor is not None else set())
    now = utcnow()
    rows = [
        Notification(
            user_id=uid, kind=kind, actor_id=actor.id if actor else None, created_at=now, **fields
        )
        for uid in sorted(set(recipients) - skip)
    ]
    db.session.add_all(rows)
    db.session.flush()
    return rows


def notify_comment(*, comment) -> list[Notification]:
    """A new comment: followers of the idea hear of it; the parent's author gets a reply notice."""
    idea = comment.idea
    actor = comment.author
    rows: list[Notification] = []
    reply_to = None
    if comment.parent_id is not None and comment.parent is not None and comment.parent.author_id:
        reply_to = comment.parent.author_id
        rows += _notify(
            [reply_to],
            kind=NotificationKind.REPLY,
            actor=actor,
            idea_id=idea.id,
            comment_id=comment.id,
        )
    followers = follower_ids(FollowTarget.IDEA, [idea.id])
    rows += _notify(
        followers,
        kind=NotificationKind.COMMENT,
        actor=actor,
        exclude=[reply_to] if reply_to else [],
        idea_id=idea.id,
        comment_id=comment.id,
    )
    return rows


def notify_partner_offer(*, offer) -> list[Notification]:
    """A partner offer goes to the idea's editors."""
    return _notify(
        editor_ids(offer.idea),
        kind=NotificationKind.PARTNER_OFFER,
        actor=offer.user,
        idea_id=offer.idea_id,
        offer_id=offer.id,
    )


def notify_offer_answer(*, offer, actor: User) -> list[Notification]:
    """The member who offered hears whether the offer was accepted or declined."""
    if offer.user_id is None:
        return []
    return _notify(
        [offer.user_id],
        kind=NotificationKind.OFFER_ANSWER,
        actor=actor,
        idea_id=offer.idea_id,
        offer_id=offer.id,
        data={"status": offer.status.value},
    )


def notify_phase_change(*, idea: Idea, old_phase: str, actor: User | None) -> list[Notification]:
    return _notify(
        follower_ids(FollowTarget.IDEA, [idea.id]),
        kind=NotificationKind.PHASE_CHANGE,
        actor=actor,
        idea_id=idea.id,
        data={"from": old_phase, "to": idea.phase.value},
    )


def notify_new_idea(*, idea: Idea, actor: User | None) -> list[Notification]:
    """A newly published idea: followers of its themes and of its organisation."""
    theme_ids = [t.id for t in idea.themes]
    theme_followers = follower_ids(FollowTarget.THEME, theme_ids)
    org_followers = (
        follower_ids(FollowTarget.ORGANISATION, [idea.organisation_id]) - theme_followers
    )
    return _notify(
        theme_followers, kind=NotificationKind.NEW_IDEA_IN_THEME, actor=actor, idea_id=idea.id
    ) + _notify(
        org_followers, kind=NotificationKind.NEW_IDEA_IN_ORGANISATION, actor=actor, idea_id=idea.id
    )


def notify_poll_result(*, poll, recipients: Iterable[int]) -> list[Notification]:
    return _notify(recipients, kind=NotificationKind.POLL_RESULT, poll_id=poll.id)


def unread_count(user: User) -> int:
    return (
        db.session.scalar(
            select(db.func.count())
            .select_from(Notification)
            .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        )
        or 0
    )


def mark_all_read(*, user: User) -> int:
    result = db.session.execute(
        Notification.__table__.update()
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    db.session.flush()
    return result.rowcount or 0


# "off" stops all e-mail, immediate partner-offer mail included (the settings page says so).
DIGEST_FREQUENCIES = ("daily", "weekly", "off")


class NotificationError(ValueError):
    """A change to notification settings that cannot be made; the message is for the member."""


def set_digest_frequency(*, user: User, frequency: str) -> None:
    """Choose the e-mail digest: "daily", "weekly", or "off", which stops all e-mail."""
    if frequency not in DIGEST_FREQUENCIES:
        raise NotificationError(_("Choose daily, weekly or off."))
    user.digest_frequency = frequency
    db.session.flush()
