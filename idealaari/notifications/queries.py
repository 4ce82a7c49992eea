"""Reads of follows and notifications."""

from __future__ import annotations

from collections.abc import Iterable

from flask import g, has_app_context
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from idealaari.accounts.models import User
from idealaari.extensions import db
from idealaari.notifications import registry
from idealaari.notifications.models import Follow, Notification, NotificationPreference
from idealaari.targets import TargetKind

_FOLLOWS = "idealaari_follows"


def follows_of(user: User) -> frozenset[tuple[TargetKind, int]]:
    """Everything the member follows, loaded once per request (follow buttons ask many times)."""
    cache = g.setdefault(_FOLLOWS, {}) if has_app_context() else {}
    if user.id not in cache:
        cache[user.id] = frozenset(
            (TargetKind(kind), target_id)
            for kind, target_id in db.session.execute(
                select(Follow.target, Follow.target_id).where(Follow.user_id == user.id)
            )
        )
    return cache[user.id]


def forget_follows() -> None:
    """Drop the request's cached follows after a follow or unfollow."""
    if has_app_context():
        g.pop(_FOLLOWS, None)


def is_following(user: User | None, target: TargetKind | str, target_id: int) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return (TargetKind(target), target_id) in follows_of(user)


def follower_ids(target: TargetKind, target_ids: Iterable[int]) -> set[int]:
    ids = list(target_ids)
    if not ids:
        return set()
    return set(
        db.session.scalars(
            select(Follow.user_id).where(Follow.target == target, Follow.target_id.in_(ids))
        )
    )


def unread_count(user: User) -> int:
    return (
        db.session.scalar(
            select(db.func.count())
            .select_from(Notification)
            .where(
                Notification.user_id == user.id,
                Notification.read_at.is_(None),
                Notification.in_app.is_(True),
            )
        )
        or 0
    )


def notifications_of(user: User) -> Select:
    """The member's notifications, newest first, with their actors and ideas."""
    return (
        select(Notification)
        .where(Notification.user_id == user.id, Notification.in_app.is_(True))
        .options(selectinload(Notification.actor), selectinload(Notification.idea))
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )


def notification_of(user: User, notification_id: int) -> Notification | None:
    """One of the member's own notifications (as shown in the app), or None."""
    n = db.session.get(Notification, notification_id)
    if n is None or n.user_id != user.id or not n.in_app:
        return None
    return n


def followed_by(user: User) -> list[Follow]:
    """What the member follows, newest follow first."""
    return list(
        db.session.scalars(
            select(Follow)
            .where(Follow.user_id == user.id)
            .order_by(Follow.created_at.desc(), Follow.id.desc())
        )
    )


# Preferences: the member's choices per settings group (registry.SettingsGroup). No row: all on.

Preferences = dict[tuple[int, str], NotificationPreference]
CHANNELS = ("in_app", "by_email")


def preferences_of(user_ids: Iterable[int], *, session=None) -> Preferences:
    """The saved choices of these members, keyed by (user id, group), in one query."""
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    rows = (session or db.session).scalars(
        select(NotificationPreference).where(NotificationPreference.user_id.in_(ids))
    )
    return {(p.user_id, p.group): p for p in rows}


def wants(preferences: Preferences, user_id: int, kind: str, channel: str) -> bool:
    """Whether the member gets news of this kind in the app ("in_app") or by e-mail
    ("by_email"); kinds in no settings group always come."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    group = registry.settings_group_of(kind)
    found = preferences.get((user_id, group)) if group is not None else None
    return found is None or bool(getattr(found, channel))
