"""Follows and notifications. Writes flush, never commit; the view commits once."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from idealaari.accounts.models import User
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.notifications import queries, registry
from idealaari.notifications.models import Follow, Notification, NotificationPreference
from idealaari.targets import TargetKind


def follow(*, user: User, target: TargetKind | str, target_id: int) -> Follow:
    """Follow an idea, organisation or theme (following twice is harmless)."""
    target = TargetKind(target)
    existing = db.session.scalar(
        select(Follow).where(
            Follow.user_id == user.id, Follow.target == target, Follow.target_id == target_id
        )
    )
    if existing is not None:
        return existing
    queries.forget_follows()
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


def unfollow(*, user: User, target: TargetKind | str, target_id: int) -> None:
    db.session.execute(
        delete(Follow).where(
            Follow.user_id == user.id,
            Follow.target == TargetKind(target),
            Follow.target_id == target_id,
        )
    )
    queries.forget_follows()
    db.session.flush()


def notify(
    recipients: Iterable[int],
    *,
    kind: str,
    target_kind: TargetKind | str,
    target_id: int,
    actor: User | None = None,
    idea_id: int | None = None,
    exclude: Iterable[int] = (),
    data: dict | None = None,
) -> list[Notification]:
    """One notification of a registered kind per recipient (never to the actor themselves),
    as each recipient's settings ask: none for a member who switched the kind off both in the
    app and by e-mail, and a mail-only row (in_app False) for one who wants it by e-mail only."""
    if registry.notification_type(kind) is None:
        raise LookupError(f"notification kind {kind!r} is not registered")
    skip = set(exclude) | ({actor.id} if actor is not None else set())
    uids = sorted({r for r in recipients if r is not None} - skip)
    preferences = queries.preferences_of(uids)
    now = utcnow()
    rows = []
    for uid in uids:
        in_app = queries.wants(preferences, uid, kind, "in_app")
        if not in_app and not queries.wants(preferences, uid, kind, "by_email"):
            continue
        rows.append(
            Notification(
                user_id=uid,
                kind=kind,
                actor_id=actor.id if actor else None,
                target_kind=TargetKind(target_kind),
                target_id=target_id,
                idea_id=idea_id,
                data=data or {},
                created_at=now,
                in_app=in_app,
            )
        )
    db.session.add_all(rows)
    db.session.flush()
    return rows


def mark_read(*, user: User, notification: Notification) -> None:
    """Mark one of the member's own notifications read (again is harmless)."""
    if notification.user_id != user.id:
        raise NotificationError(_("This notification is not yours."))
    if notification.read_at is None:
        notification.read_at = utcnow()
    db.session.flush()


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


def set_preferences(*, user: User, choices: dict[str, tuple[bool, bool]]) -> None:
    """Save the member's (in the app, by e-mail) choice per settings group; a group left out
    keeps what it had. Only choices that differ from the default (both on) keep a row."""
    known = {g.key for g in registry.settings_groups()}
    unknown = set(choices) - known
    if unknown:
        raise NotificationError(_("Choose from the kinds of notifications given."))
    existing = queries.preferences_of([user.id])
    for group, (in_app, by_email) in choices.items():
        row = existing.get((user.id, group))
        if in_app and by_email:
            if row is not None:
                db.session.delete(row)
            continue
        if row is None:
            row = NotificationPreference(user_id=user.id, group=group)
            db.session.add(row)
        row.in_app, row.by_email = bool(in_app), bool(by_email)
    db.session.flush()
