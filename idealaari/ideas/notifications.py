"""What ideas tell their followers: a new phase, and new ideas in followed themes and
organisations. The kinds are registered with the notifications registry in `ideas.init_app`."""

from __future__ import annotations

import enum

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from idealaari.accounts.models import User
from idealaari.ideas.models import Idea, Phase
from idealaari.notifications import queries as notification_queries
from idealaari.notifications import registry
from idealaari.notifications.models import Notification
from idealaari.notifications.services import notify
from idealaari.targets import TargetKind


class IdeaNotice(enum.StrEnum):
    PHASE_CHANGE = "phase_change"
    NEW_IDEA_IN_THEME = "new_idea_in_theme"
    NEW_IDEA_IN_ORGANISATION = "new_idea_in_organisation"


PHASE_CHANGES = registry.SettingsGroup(
    "phase_changes", _l("Phase changes of ideas you follow"), order=40
)
NEW_IDEAS = registry.SettingsGroup(
    "new_ideas", _l("New ideas in themes and organisations you follow"), order=50
)


def notify_phase_change(*, idea: Idea, old_phase: str, actor: User | None) -> list[Notification]:
    """The idea's followers hear that it moved to another phase."""
    return notify(
        notification_queries.follower_ids(TargetKind.IDEA, [idea.id]),
        kind=IdeaNotice.PHASE_CHANGE,
        actor=actor,
        target_kind=TargetKind.IDEA,
        target_id=idea.id,
        idea_id=idea.id,
        data={"from": old_phase, "to": idea.phase.value},
    )


def notify_new_idea(*, idea: Idea, actor: User | None) -> list[Notification]:
    """A newly published idea: followers of its themes and of its organisation."""
    theme_followers = notification_queries.follower_ids(
        TargetKind.THEME, [t.id for t in idea.themes]
    )
    org_followers = (
        notification_queries.follower_ids(TargetKind.ORGANISATION, [idea.organisation_id])
        - theme_followers
    )
    about = {"target_kind": TargetKind.IDEA, "target_id": idea.id, "idea_id": idea.id}
    return notify(
        theme_followers, kind=IdeaNotice.NEW_IDEA_IN_THEME, actor=actor, **about
    ) + notify(org_followers, kind=IdeaNotice.NEW_IDEA_IN_ORGANISATION, actor=actor, **about)


def _phase_detail(n: Notification, idea) -> registry.Detail:
    phase = (n.data or {}).get("to")
    if phase not in Phase._value2member_map_:
        return registry.Detail()
    return registry.Detail(lines=(_("New phase: %(phase)s", phase=Phase(phase).label),))


def _summary(n: Notification, idea) -> registry.Detail:
    return registry.Detail(lines=(idea.summary,) if idea is not None else ())


def register_kinds() -> None:
    idea = registry.idea_title
    registry.register(
        registry.NotificationType(
            IdeaNotice.PHASE_CHANGE,
            sentence=lambda n, t: _("“%(idea)s” moved to a new phase", idea=idea(n)),
            detail=_phase_detail,
            settings_group=PHASE_CHANGES,
        )
    )
    registry.register(
        registry.NotificationType(
            IdeaNotice.NEW_IDEA_IN_THEME,
            sentence=lambda n, t: _("New idea in a theme you follow: “%(idea)s”", idea=idea(n)),
            detail=_summary,
            settings_group=NEW_IDEAS,
        )
    )
    registry.register(
        registry.NotificationType(
            IdeaNotice.NEW_IDEA_IN_ORGANISATION,
            sentence=lambda n, t: _(
                "New idea from an organisation you follow: “%(idea)s”", idea=idea(n)
            ),
            detail=_summary,
            settings_group=NEW_IDEAS,
        )
    )
