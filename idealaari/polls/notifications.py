"""What theme polls tell: voters hear when the results of a poll they voted in are out."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from idealaari.notifications import registry
from idealaari.notifications.models import Notification
from idealaari.notifications.services import notify
from idealaari.polls.models import Poll
from idealaari.targets import TargetKind


class PollNotice(enum.StrEnum):
    POLL_RESULT = "poll_result"


POLL_RESULTS = registry.SettingsGroup("poll_results", _l("Results of polls you voted in"), order=60)


def notify_poll_result(*, poll: Poll, recipients: Iterable[int]) -> list[Notification]:
    return notify(
        recipients, kind=PollNotice.POLL_RESULT, target_kind=TargetKind.POLL, target_id=poll.id
    )


def register_kinds() -> None:
    registry.register(
        registry.NotificationType(
            PollNotice.POLL_RESULT,
            sentence=lambda n, poll: _("The results of a poll you voted in are out"),
            detail=lambda n, poll: registry.Detail(lines=(poll.question,) if poll else ()),
            group_title=_l("Polls"),
            settings_group=POLL_RESULTS,
        )
    )
