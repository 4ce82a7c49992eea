"""What challenges tell: followers hear of new entries; moderators of new proposals; the
proposer of the decision; entrants, jurors and followers of the results (by mail at once)."""

from __future__ import annotations

import enum

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from idealaari.accounts.models import Role, User
from idealaari.challenges.models import Challenge, Entry
from idealaari.extensions import db
from idealaari.notifications import queries as notification_queries
from idealaari.notifications import registry
from idealaari.notifications.services import notify
from idealaari.targets import TargetKind


class ChallengeNotice(enum.StrEnum):
    NEW_ENTRY = "challenge_entry"
    PROPOSED = "challenge_proposed"
    DECIDED = "challenge_decided"
    RESULTS = "challenge_results"


CHALLENGES = registry.SettingsGroup(
    "challenges", _l("News of challenges you follow or manage"), order=55
)


def notify_new_entry(*, challenge: Challenge, entry: Entry, actor: User) -> None:
    followers = notification_queries.follower_ids(TargetKind.CHALLENGE, [challenge.id])
    notify(
        followers,
        kind=ChallengeNotice.NEW_ENTRY,
        target_kind=TargetKind.CHALLENGE,
        target_id=challenge.id,
        actor=actor,
        data={"idea_id": entry.idea_id, "idea_title": entry.idea.title},
    )


def notify_proposed(*, challenge: Challenge, actor: User) -> None:
    moderators = db.session.scalars(
        select(User.id).where(User.role.in_((Role.MODERATOR, Role.ADMIN)), User.active)
    )
    notify(
        moderators,
        kind=ChallengeNotice.PROPOSED,
        target_kind=TargetKind.CHALLENGE,
        target_id=challenge.id,
        actor=actor,
    )


def notify_decided(*, challenge: Challenge, actor: User) -> None:
    if challenge.proposed_by_id is None:
        return
    notify(
        [challenge.proposed_by_id],
        kind=ChallengeNotice.DECIDED,
        target_kind=TargetKind.CHALLENGE,
        target_id=challenge.id,
        actor=actor,
        data={"approved": challenge.status.value == "approved"},
    )


def notify_results(*, challenge: Challenge, actor: User, awards) -> None:
    """Entrants, jurors and followers hear of the results, in the app and at once by mail."""
    from idealaari.challenges.results import people_to_tell

    followers = notification_queries.follower_ids(TargetKind.CHALLENGE, [challenge.id])
    winners = [a.entry.idea.title for a in awards if a.kind.value == "winner"]
    mentions = [a.entry.idea.title for a in awards if a.kind.value == "mention"]
    notify(
        set(followers) | people_to_tell(challenge),
        kind=ChallengeNotice.RESULTS,
        target_kind=TargetKind.CHALLENGE,
        target_id=challenge.id,
        actor=actor,
        data={"winners": winners, "mentions": mentions},
    )


def _results_detail(n, challenge) -> registry.Detail:
    data = n.data or {}
    lines = list(_title(challenge))
    lines += [_("Winner: %(title)s", title=t) for t in data.get("winners", [])]
    lines += [_("Honourable mention: %(title)s", title=t) for t in data.get("mentions", [])]
    return registry.Detail(lines=tuple(lines))


def _title(challenge) -> tuple[str, ...]:
    return (challenge.title,) if challenge else ()


def register_kinds() -> None:
    registry.register(
        registry.NotificationType(
            ChallengeNotice.NEW_ENTRY,
            sentence=lambda n, c: _(
                "%(name)s entered “%(idea)s” in a challenge",
                name=registry.actor_name(n),
                idea=(n.data or {}).get("idea_title", ""),
            ),
            detail=lambda n, c: registry.Detail(lines=_title(c)),
            group_title=_l("Challenges"),
            settings_group=CHALLENGES,
        )
    )
    registry.register(
        registry.NotificationType(
            ChallengeNotice.PROPOSED,
            sentence=lambda n, c: _(
                "%(name)s proposed a challenge for approval", name=registry.actor_name(n)
            ),
            detail=lambda n, c: registry.Detail(lines=_title(c)),
            group_title=_l("Challenges"),
            settings_group=CHALLENGES,
        )
    )
    registry.register(
        registry.NotificationType(
            ChallengeNotice.DECIDED,
            sentence=lambda n, c: (
                _("Your challenge proposal is approved and published")
                if (n.data or {}).get("approved")
                else _("Your challenge proposal was not approved")
            ),
            detail=lambda n, c: registry.Detail(lines=_title(c)),
            group_title=_l("Challenges"),
            settings_group=CHALLENGES,
        )
    )
    registry.register(
        registry.NotificationType(
            ChallengeNotice.RESULTS,
            sentence=lambda n, c: _(
                "The results of the challenge “%(title)s” are published",
                title=c.title if c else "",
            ),
            detail=_results_detail,
            immediate=True,
            group_title=_l("Challenges"),
            settings_group=CHALLENGES,
        )
    )
