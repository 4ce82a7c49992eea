"""The registry of notification kinds: each domain says, in its `init_app`, how its news reads.

A kind gives the sentence, the link and the detail that digests and immediate mails show. The
notifications page and the e-mail both call `describe(n)` and `notification_url(n)`, so every
sentence is written once, by the domain that sends it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy.orm import object_session

from idealaari import targets
from idealaari.notifications.models import Notification

Link = tuple[str, dict[str, Any]]


@dataclass(frozen=True)
class Detail:
    """What a mail shows under the sentence: short lines, and a quoted text (plain and HTML)."""

    lines: tuple[str, ...] = ()
    quote: str = ""
    quote_html: Markup | None = None


def _target_link(n: Notification, target) -> Link | None:
    return targets.link(n.target_kind, target) if target is not None else None


def _no_detail(n: Notification, target) -> Detail:
    return Detail()


@dataclass(frozen=True)
class SettingsGroup:
    """A line on the notification settings page: kinds a member switches on and off together.

    `order` places it on the page; `key` is what the member's preferences store.
    """

    key: str
    label: Any
    order: int = 100


@dataclass(frozen=True)
class NotificationType:
    """One kind of notification.

    - `sentence(n, target)`: one sentence in the current language;
    - `link(n, target)`: (endpoint, values) of the page it leads to; None: the notifications page;
    - `detail(n, target)`: what mails show under the sentence; None when the news is no longer
      news (say, the comment was removed), which leaves it out of digests;
    - `immediate`: mailed at once after the commit that made it, instead of in a digest;
    - `group_title`: the digest heading of news that is about no idea;
    - `settings_group`: where the member switches it on or off, in the app and by e-mail (None:
      always on).
    """

    kind: str
    sentence: Callable[[Notification, Any], str]
    link: Callable[[Notification, Any], Link | None] = _target_link
    detail: Callable[[Notification, Any], Detail | None] = _no_detail
    immediate: bool = False
    group_title: Any = field(default_factory=lambda: _l("Other news"))
    settings_group: SettingsGroup | None = None


_types: dict[str, NotificationType] = {}


def register(notification_type: NotificationType) -> None:
    _types[notification_type.kind] = notification_type


def settings_groups() -> list[SettingsGroup]:
    """The groups of the registered kinds, in page order (each key once)."""
    found: dict[str, SettingsGroup] = {}
    for t in _types.values():
        if t.settings_group is not None:
            found.setdefault(t.settings_group.key, t.settings_group)
    return sorted(found.values(), key=lambda g: (g.order, g.key))


def settings_group_of(kind: str) -> str | None:
    """The key of the settings group a kind belongs to, or None when it is always on."""
    found = _types.get(kind)
    return found.settings_group.key if found is not None and found.settings_group else None


def kinds_in_group(key: str) -> tuple[str, ...]:
    return tuple(
        sorted(k for k, t in _types.items() if t.settings_group and t.settings_group.key == key)
    )


def notification_type(kind: str) -> NotificationType | None:
    return _types.get(kind)


def immediate_kinds() -> tuple[str, ...]:
    return tuple(sorted(k for k, t in _types.items() if t.immediate))


def is_immediate(kind: str) -> bool:
    found = _types.get(kind)
    return found is not None and found.immediate


def actor_name(n: Notification) -> str:
    return n.actor.name if n.actor else _("Someone")


def idea_title(n: Notification) -> str:
    return n.idea.title if n.idea else ""


def target_of(n: Notification):
    """The row the notification is about, or None when it was removed since."""
    try:
        return targets.get(n.target_kind, n.target_id, session=object_session(n))
    except LookupError:
        return None


def preload(notifications: Iterable[Notification]) -> None:
    """Load the targets of many notifications with one query per kind."""
    notifications = list(notifications)
    if notifications:
        targets.preload(
            ((n.target_kind, n.target_id) for n in notifications),
            session=object_session(notifications[0]),
        )


def describe(n: Notification) -> str:
    """The notification as one sentence in the current language."""
    found = _types.get(n.kind)
    if found is None:
        return _("Notifications")
    return found.sentence(n, target_of(n))


def link(n: Notification) -> Link:
    found = _types.get(n.kind)
    result = found.link(n, target_of(n)) if found is not None else None
    return result or ("notifications.index", {})


def notification_url(n: Notification, *, external: bool = False) -> str:
    """Where the notification leads: a path for pages, or an absolute link for mail."""
    endpoint, values = link(n)
    if external:
        from idealaari.notifications import mail

        return mail.external_url(endpoint, **values)
    return url_for(endpoint, **values)


def detail(n: Notification) -> Detail | None:
    found = _types.get(n.kind)
    if found is None:
        return Detail()
    return found.detail(n, target_of(n))


def group_title(n: Notification) -> str:
    found = _types.get(n.kind)
    return str(found.group_title) if found is not None else _("Other news")
