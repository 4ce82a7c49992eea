"""What partner offers tell: an offer goes to the idea's editors, the answer to the member who
offered. Both are mailed at once (immediate kinds in the notifications registry)."""

from __future__ import annotations

import enum

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from idealaari.accounts.models import User
from idealaari.ideas.queries import editor_ids
from idealaari.notifications import registry
from idealaari.notifications.models import Notification
from idealaari.notifications.services import notify
from idealaari.partners.models import PartnerOffer
from idealaari.targets import TargetKind


class PartnerNotice(enum.StrEnum):
    PARTNER_OFFER = "partner_offer"
    OFFER_ANSWER = "offer_answer"


PARTNER_OFFERS = registry.SettingsGroup(
    "partner_offers", _l("Partner offers and their answers"), order=30
)


def _about(offer: PartnerOffer) -> dict:
    return {"target_kind": TargetKind.OFFER, "target_id": offer.id, "idea_id": offer.idea_id}


def notify_partner_offer(*, offer: PartnerOffer) -> list[Notification]:
    """A partner offer goes to the idea's editors."""
    return notify(
        editor_ids(offer.idea), kind=PartnerNotice.PARTNER_OFFER, actor=offer.user, **_about(offer)
    )


def notify_offer_answer(*, offer: PartnerOffer, actor: User) -> list[Notification]:
    """The member who offered hears whether the offer was accepted or declined."""
    if offer.user_id is None:
        return []
    return notify(
        [offer.user_id],
        kind=PartnerNotice.OFFER_ANSWER,
        actor=actor,
        data={"status": offer.status.value},
        **_about(offer),
    )


def _partners_page(n: Notification, offer) -> registry.Link | None:
    if n.idea_id is None:
        return None
    return "partners.idea_partners", {"idea_id": n.idea_id}


def _offer_detail(n: Notification, offer: PartnerOffer | None) -> registry.Detail:
    if offer is None:
        return registry.Detail()
    return registry.Detail(
        lines=(
            _("Role: %(role)s", role=offer.role.label),
            _("Organisation: %(organisation)s", organisation=offer.organisation.name),
        ),
        quote=offer.message or "",
    )


def _answer_sentence(n: Notification, offer) -> str:
    idea = registry.idea_title(n)
    if (n.data or {}).get("status") == "accepted":
        return _("Your partner offer on “%(idea)s” was accepted", idea=idea)
    return _("Your partner offer on “%(idea)s” was declined", idea=idea)


def _answer_detail(n: Notification, offer: PartnerOffer | None) -> registry.Detail:
    return registry.Detail(quote=(offer.decision_note or "") if offer is not None else "")


def register_kinds() -> None:
    registry.register(
        registry.NotificationType(
            PartnerNotice.PARTNER_OFFER,
            sentence=lambda n, o: _(
                "%(who)s offered to partner on “%(idea)s”",
                who=registry.actor_name(n),
                idea=registry.idea_title(n),
            ),
            link=_partners_page,
            detail=_offer_detail,
            immediate=True,
            settings_group=PARTNER_OFFERS,
        )
    )
    registry.register(
        registry.NotificationType(
            PartnerNotice.OFFER_ANSWER,
            sentence=_answer_sentence,
            link=_partners_page,
            detail=_answer_detail,
            immediate=True,
            settings_group=PARTNER_OFFERS,
        )
    )
