"""What moderation tells members: authors about hides, restores and approvals, and moderators
about items that have waited too long (a daily mail, `flask moderation send-overdue`)."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import select

from idealaari.accounts.models import Role, User
from idealaari.extensions import db
from idealaari.notifications import registry
from idealaari.notifications.models import Notification
from idealaari.notifications.services import notify

OVERDUE_AFTER = timedelta(hours=48)
# One overdue mail a day: a run within this time of the last one sends nothing again.
OVERDUE_EVERY = timedelta(hours=20)


def notify_author(item, *, kind: str, reason: str | None, actor: User | None = None) -> None:
    if item.author_id is None:
        return
    idea = item.idea
    notify(
        [item.author_id],
        kind=kind,
        target_kind=item.kind,
        target_id=item.id,
        actor=actor,
        idea_id=idea.id if idea is not None else None,
        data={"reason": reason or "", "what": str(item.kind)},
    )


def _what(n: Notification) -> str:
    return _("your comment") if n.data.get("what") == "comment" else _("your idea")


def _hidden_sentence(n: Notification, target) -> str:
    if not n.data.get("reason"):
        return _(
            "Members reported %(what)s on “%(idea)s”; it is hidden until a moderator has looked "
            "at it",
            what=_what(n),
            idea=registry.idea_title(n),
        )
    return _(
        "A moderator hid %(what)s on “%(idea)s”: %(reason)s",
        what=_what(n),
        idea=registry.idea_title(n),
        reason=n.data["reason"],
    )


def _reason_detail(n: Notification, target) -> registry.Detail:
    reason = n.data.get("reason")
    return registry.Detail(lines=(_("Reason: %(reason)s", reason=reason),) if reason else ())


def notify_overdue(*, now: datetime) -> list[Notification]:
    """Tell each moderator, once a day, how many items have waited for more than 48 hours."""
    from idealaari.moderation.queries import overdue_cases

    cases = overdue_cases(now=now, older_than=OVERDUE_AFTER)
    if not cases:
        return []
    moderators = db.session.scalars(
        select(User.id).where(User.role.in_([Role.MODERATOR, Role.ADMIN]), User.active.is_(True))
    ).all()
    told = set(
        db.session.scalars(
            select(Notification.user_id).where(
                Notification.kind == "moderation_overdue",
                Notification.created_at > now - OVERDUE_EVERY,
            )
        )
    )
    oldest = cases[0]
    hours = int((now - oldest.opened_at).total_seconds() // 3600)
    return notify(
        [uid for uid in moderators if uid not in told],
        kind="moderation_overdue",
        target_kind=oldest.target_kind,
        target_id=oldest.target_id,
        data={"count": len(cases), "oldest_hours": hours, "case_ids": [c.id for c in cases[:20]]},
    )


def _overdue_sentence(n: Notification, target) -> str:
    return ngettext(
        "%(num)d item in the moderation queue has waited for more than 48 hours "
        "(the oldest %(hours)d hours)",
        "%(num)d items in the moderation queue have waited for more than 48 hours "
        "(the oldest %(hours)d hours)",
        n.data.get("count", 0),
        hours=n.data.get("oldest_hours", 0),
    )


def _overdue_detail(n: Notification, target) -> registry.Detail:
    from idealaari.moderation.models import ModerationCase
    from idealaari.moderation.queries import item_title

    ids = n.data.get("case_ids", [])
    open_ids = db.session.scalars(
        select(ModerationCase).where(ModerationCase.id.in_(ids), ModerationCase.closed_at.is_(None))
    ).all()
    if not open_ids:
        return None  # decided since: no longer news
    return registry.Detail(lines=tuple(f"– {item_title(c)}" for c in open_ids[:10]))


def register_kinds() -> None:
    registry.register(
        registry.NotificationType(
            "content_hidden",
            sentence=_hidden_sentence,
            detail=_reason_detail,
            immediate=True,
            group_title=_l("Moderation"),
        )
    )
    registry.register(
        registry.NotificationType(
            "content_restored",
            sentence=lambda n, t: _(
                "A moderator restored %(what)s on “%(idea)s”",
                what=_what(n),
                idea=registry.idea_title(n),
            ),
            detail=_reason_detail,
            immediate=True,
            group_title=_l("Moderation"),
        )
    )
    registry.register(
        registry.NotificationType(
            "content_approved",
            sentence=lambda n, t: _(
                "A moderator approved %(what)s on “%(idea)s”: it is now visible to everyone",
                what=_what(n),
                idea=registry.idea_title(n),
            ),
            detail=_reason_detail,
            group_title=_l("Moderation"),
        )
    )
    registry.register(
        registry.NotificationType(
            "moderation_overdue",
            sentence=_overdue_sentence,
            link=lambda n, t: ("moderation.queue", {}),
            detail=_overdue_detail,
            immediate=True,
            group_title=_l("Moderation"),
        )
    )
