"""What lineage tells: the author of an idea hears that a new idea continues it, and an idea's
followers hear that an organisation adopted it or gave an official response to it."""

from __future__ import annotations

import enum

from flask_babel import gettext as _
from sqlalchemy import select

from idealaari.accounts.models import User
from idealaari.extensions import db
from idealaari.ideas import notifications as idea_notifications
from idealaari.ideas.models import Idea
from idealaari.ideas.queries import editor_ids
from idealaari.lineage.models import Adoption, IdeaDerivation, OfficialResponse, ResponseKind
from idealaari.notifications import queries as notification_queries
from idealaari.notifications import registry
from idealaari.notifications.models import Notification
from idealaari.notifications.services import notify
from idealaari.organisations.models import Organisation
from idealaari.targets import TargetKind


class LineageNotice(enum.StrEnum):
    DERIVED = "idea_derived"
    ADOPTED = "idea_adopted"
    OFFICIAL_RESPONSE = "official_response"


# The settings page lists one line per group. Lineage news is news of how a followed idea
# progresses and spreads (authors follow their own ideas), so it shares that line for now; a
# line of its own can come when members ask to switch it apart.
LINEAGE_SETTINGS = idea_notifications.PHASE_CHANGES


def notify_derivation(*, derivation: IdeaDerivation, actor: User | None) -> list[Notification]:
    """The source's author (or, after they left, its editors) hears that an idea continues it."""
    source = derivation.source
    recipients = {source.author_id} if source.author_id is not None else editor_ids(source)
    return notify(
        recipients,
        kind=LineageNotice.DERIVED,
        actor=actor,
        target_kind=TargetKind.IDEA,
        target_id=derivation.idea_id,
        idea_id=source.id,
    )


def notify_adoption(*, adoption: Adoption, actor: User) -> list[Notification]:
    """The idea's followers hear that an organisation took it into use."""
    return notify(
        notification_queries.follower_ids(TargetKind.IDEA, [adoption.idea_id]),
        kind=LineageNotice.ADOPTED,
        actor=actor,
        target_kind=TargetKind.IDEA,
        target_id=adoption.idea_id,
        idea_id=adoption.idea_id,
        data={"organisation_id": adoption.organisation_id, "phase": adoption.phase.value},
    )


def notify_official_response(*, response: OfficialResponse, actor: User) -> list[Notification]:
    """The idea's followers hear an organisation's official response."""
    return notify(
        notification_queries.follower_ids(TargetKind.IDEA, [response.idea_id]),
        kind=LineageNotice.OFFICIAL_RESPONSE,
        actor=actor,
        target_kind=TargetKind.IDEA,
        target_id=response.idea_id,
        idea_id=response.idea_id,
        data={"organisation_id": response.organisation_id, "response": response.kind.value},
    )


def _organisation(n: Notification) -> Organisation | None:
    org_id = (n.data or {}).get("organisation_id")
    return db.session.get(Organisation, org_id) if isinstance(org_id, int) else None


def _organisation_name(n: Notification) -> str:
    org = _organisation(n)
    return org.name if org is not None else _("An organisation")


def _derived_sentence(n: Notification, idea: Idea | None) -> str:
    return _(
        "“%(new)s” continues your idea “%(idea)s”",
        new=idea.title if idea is not None else _("An idea"),
        idea=registry.idea_title(n),
    )


def _derived_detail(n: Notification, idea: Idea | None) -> registry.Detail | None:
    if idea is None:
        return None
    return registry.Detail(
        lines=(_("Organisation: %(organisation)s", organisation=idea.organisation.name),),
        quote=idea.summary,
    )


def _adoption_of(n: Notification) -> Adoption | None:
    org_id = (n.data or {}).get("organisation_id")
    return db.session.scalar(
        select(Adoption).where(Adoption.idea_id == n.target_id, Adoption.organisation_id == org_id)
    )


def _adopted_detail(n: Notification, idea) -> registry.Detail | None:
    adoption = _adoption_of(n)
    if adoption is None:  # removed since: no longer news
        return None
    return registry.Detail(
        lines=(_("Phase reached: %(phase)s", phase=adoption.phase.label),),
        quote=adoption.evidence,
    )


def _response_sentence(n: Notification, idea) -> str:
    value = (n.data or {}).get("response")
    kind = ResponseKind(value) if value in ResponseKind._value2member_map_ else None
    return _(
        "%(org)s responded to “%(idea)s”: %(response)s",
        org=_organisation_name(n),
        idea=registry.idea_title(n),
        response=kind.label if kind else "",
    )


def _response_detail(n: Notification, idea) -> registry.Detail | None:
    org_id = (n.data or {}).get("organisation_id")
    response = db.session.scalar(
        select(OfficialResponse).where(
            OfficialResponse.idea_id == n.target_id, OfficialResponse.organisation_id == org_id
        )
    )
    if response is None:
        return None
    return registry.Detail(quote=response.statement)


def register_kinds() -> None:
    registry.register(
        registry.NotificationType(
            LineageNotice.DERIVED,
            sentence=_derived_sentence,
            detail=_derived_detail,
            settings_group=LINEAGE_SETTINGS,
        )
    )
    registry.register(
        registry.NotificationType(
            LineageNotice.ADOPTED,
            sentence=lambda n, idea: _(
                "%(org)s adopted “%(idea)s”",
                org=_organisation_name(n),
                idea=registry.idea_title(n),
            ),
            detail=_adopted_detail,
            settings_group=LINEAGE_SETTINGS,
        )
    )
    registry.register(
        registry.NotificationType(
            LineageNotice.OFFICIAL_RESPONSE,
            sentence=_response_sentence,
            detail=_response_detail,
            settings_group=LINEAGE_SETTINGS,
        )
    )
