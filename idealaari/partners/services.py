"""Writes to partner offers. Each takes the acting member explicitly, flushes, never commits."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select, update

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas import services as idea_services
from idealaari.ideas.models import Idea, IdeaStatus, PartnerRole
from idealaari.notifications.services import follow
from idealaari.organisations.models import Organisation
from idealaari.partners import notifications as partner_notifications
from idealaari.partners.models import OfferStatus, PartnerOffer
from idealaari.targets import TargetKind

MESSAGE_MAX = 2_000
NOTE_MAX = 2_000
# An offer in these states blocks another offer by the same member in the same role.
OPEN_STATUSES = (OfferStatus.OFFERED, OfferStatus.ACCEPTED)


class PartnerError(Exception):
    """A refused partner action; the message is shown to the member."""


def make_offer(
    *,
    idea: Idea,
    member: User,
    role: PartnerRole | str,
    message: str = "",
    organisation: Organisation | None = None,
) -> PartnerOffer:
    """Offer to join the idea in a role, as the member's own organisation: a member speaks
    for the organisation they belong to, and for no other."""
    refusal = permissions.offer_refusal(member, idea)
    if refusal:
        raise PartnerError(refusal)
    if organisation is not None and organisation.id != member.organisation_id:
        raise PartnerError(
            _(
                "You can offer only on behalf of your own organisation, %(org)s.",
                org=member.organisation.name,
            )
        )
    try:
        role = PartnerRole(role)
    except ValueError:
        raise PartnerError(_("Choose the role you offer.")) from None
    message = (message or "").strip()
    if len(message) > MESSAGE_MAX:
        raise PartnerError(_("Write at most %(max)d characters.", max=MESSAGE_MAX))
    organisation = member.organisation
    # Serialise one member's offers (PostgreSQL), so a double submit cannot make two open offers.
    db.session.execute(select(User.id).where(User.id == member.id).with_for_update())
    existing = db.session.scalar(
        select(PartnerOffer).where(
            PartnerOffer.idea_id == idea.id,
            PartnerOffer.user_id == member.id,
            PartnerOffer.role == role,
            PartnerOffer.status.in_(OPEN_STATUSES),
        )
    )
    if existing is not None:
        if existing.status == OfferStatus.ACCEPTED:
            raise PartnerError(
                _("You are already a partner in this idea as %(role)s.", role=role.label)
            )
        raise PartnerError(
            _("You have already offered to join this idea as %(role)s.", role=role.label)
        )
    offer = PartnerOffer(
        idea=idea,
        user=member,
        organisation=organisation,
        role=role,
        message=message,
        status=OfferStatus.OFFERED,
        created_at=utcnow(),
    )
    db.session.add(offer)
    db.session.flush()
    partner_notifications.notify_partner_offer(offer=offer)
    return offer


def _close(offer: PartnerOffer, from_statuses: tuple[OfferStatus, ...], **values) -> bool:
    """Move the offer on only if it is still in one of from_statuses; True if it moved.

    A conditional UPDATE, so two editors answering at once cannot both succeed.
    """
    result = db.session.execute(
        update(PartnerOffer)
        .where(PartnerOffer.id == offer.id, PartnerOffer.status.in_(from_statuses))
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(offer)
    return result.rowcount == 1


def _decide(*, offer: PartnerOffer, actor: User, status: OfferStatus, note: str) -> None:
    if not permissions.can_decide_offer(actor, offer):
        raise PartnerError(_("Only the idea's editors can answer partner offers."))
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise PartnerError(_("Write at most %(max)d characters.", max=NOTE_MAX))
    if status == OfferStatus.ACCEPTED and offer.idea.status != IdeaStatus.PUBLISHED:
        raise PartnerError(_("Partners can be accepted only on published ideas."))
    moved = offer.status == OfferStatus.OFFERED and _close(
        offer,
        (OfferStatus.OFFERED,),
        status=status,
        decided_at=utcnow(),
        decided_by_id=actor.id,
        decision_note=note or None,
    )
    if not moved:
        raise PartnerError(
            _("This offer is no longer open; it is “%(status)s”.", status=offer.status.label)
        )
    partner_notifications.notify_offer_answer(offer=offer, actor=actor)


def accept_offer(*, offer: PartnerOffer, actor: User, note: str = "") -> None:
    """Accept an open offer; the new partner follows the idea from now on."""
    _decide(offer=offer, actor=actor, status=OfferStatus.ACCEPTED, note=note)
    if offer.user is not None:
        follow(user=offer.user, target=TargetKind.IDEA, target_id=offer.idea_id)
    db.session.flush()


def decline_offer(*, offer: PartnerOffer, actor: User, note: str = "") -> None:
    """Decline an open offer, optionally saying why."""
    _decide(offer=offer, actor=actor, status=OfferStatus.DECLINED, note=note)
    db.session.flush()


def withdraw_offer(*, offer: PartnerOffer, member: User) -> None:
    """The member who offered takes back an open offer or leaves an accepted partnership."""
    refusal = permissions.withdraw_refusal(member, offer)
    if refusal:
        raise PartnerError(refusal)
    if not _close(offer, OPEN_STATUSES, status=OfferStatus.WITHDRAWN):
        raise PartnerError(
            _(
                "This offer can no longer be withdrawn; it is “%(status)s”.",
                status=offer.status.label,
            )
        )
    db.session.flush()


def make_co_editor(*, offer: PartnerOffer, actor: User) -> User:
    """Let an accepted co-developer edit the idea."""
    if offer.role != PartnerRole.CO_DEVELOPER or offer.status != OfferStatus.ACCEPTED:
        raise PartnerError(_("Only an accepted co-developer can become a co-editor."))
    if offer.user is None:
        raise PartnerError(_("The member who made this offer has left the network."))
    try:
        return idea_services.add_co_editor(idea=offer.idea, actor=actor, email=offer.user.email)
    except idea_services.IdeaError as e:
        raise PartnerError(str(e)) from None
