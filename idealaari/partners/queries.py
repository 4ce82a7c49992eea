"""Reads of partner offers: an idea's partners and offers, a member's offers, network figures."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import aliased, joinedload

from idealaari.accounts.models import User
from idealaari.extensions import db
from idealaari.ideas.models import Idea, PartnerRole
from idealaari.organisations.models import AREA_KINDS, Organisation
from idealaari.partners.models import OfferStatus, PartnerOffer
from idealaari.permissions import can_view_idea

_ROLE_ORDER = list(PartnerRole)


def _by_organisation_and_role(offers: Iterable[PartnerOffer]) -> list[PartnerOffer]:
    # Names are localised in Python (LocalisedName), so sort here rather than in SQL.
    return sorted(offers, key=lambda o: (o.organisation.name.casefold(), _ROLE_ORDER.index(o.role)))


def _with_people(stmt):
    return stmt.options(joinedload(PartnerOffer.organisation), joinedload(PartnerOffer.user))


def accepted_partners(idea: Idea) -> list[PartnerOffer]:
    """The idea's accepted partners, sorted by organisation and role."""
    stmt = _with_people(
        select(PartnerOffer).where(
            PartnerOffer.idea_id == idea.id, PartnerOffer.status == OfferStatus.ACCEPTED
        )
    )
    return _by_organisation_and_role(db.session.scalars(stmt))


@dataclass(frozen=True)
class PartnerGroup:
    """One organisation's accepted partnerships on an idea."""

    organisation: Organisation
    offers: list[PartnerOffer]

    @property
    def roles(self) -> list[PartnerRole]:
        return sorted({o.role for o in self.offers}, key=_ROLE_ORDER.index)


def partners_by_organisation(idea: Idea) -> list[PartnerGroup]:
    """Accepted partners grouped by organisation, for the idea page."""
    groups: dict[int, PartnerGroup] = {}
    for offer in accepted_partners(idea):
        groups.setdefault(
            offer.organisation_id, PartnerGroup(offer.organisation, [])
        ).offers.append(offer)
    return list(groups.values())


def offers_for_idea(idea: Idea) -> list[PartnerOffer]:
    """Every offer on the idea, open ones first, then newest first (for its editors)."""
    stmt = _with_people(
        select(PartnerOffer)
        .where(PartnerOffer.idea_id == idea.id)
        .order_by(
            case((PartnerOffer.status == OfferStatus.OFFERED, 0), else_=1),
            PartnerOffer.created_at.desc(),
            PartnerOffer.id.desc(),
        )
    )
    return list(db.session.scalars(stmt))


def pending_offer_count(idea: Idea) -> int:
    """How many offers on the idea wait for an answer."""
    return (
        db.session.scalar(
            select(func.count())
            .select_from(PartnerOffer)
            .where(PartnerOffer.idea_id == idea.id, PartnerOffer.status == OfferStatus.OFFERED)
        )
        or 0
    )


def offers_by_member_on(user: User, idea: Idea) -> list[PartnerOffer]:
    """The member's own offers on one idea, newest first."""
    if user is None or not getattr(user, "is_authenticated", False):
        return []
    stmt = _with_people(
        select(PartnerOffer)
        .where(PartnerOffer.idea_id == idea.id, PartnerOffer.user_id == user.id)
        .order_by(PartnerOffer.created_at.desc(), PartnerOffer.id.desc())
    )
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class MemberOffers:
    """A member's accepted partnerships and their other offers (open, declined, withdrawn)."""

    partnerships: list[PartnerOffer]
    offers: list[PartnerOffer]


def offers_and_partnerships_of(user: User, *, viewer: User | None = None) -> MemberOffers:
    """Everything the member has offered, newest first.

    Given a viewer, only offers on ideas the viewer may see are kept; whether the viewer sees
    more than the accepted partnerships is the template's choice (the member's own profile).
    """
    stmt = (
        select(PartnerOffer)
        .where(PartnerOffer.user_id == user.id)
        .options(
            joinedload(PartnerOffer.idea).joinedload(Idea.organisation),
            joinedload(PartnerOffer.organisation),
        )
        .order_by(PartnerOffer.created_at.desc(), PartnerOffer.id.desc())
    )
    offers = list(db.session.scalars(stmt))
    if viewer is not None:
        offers = [o for o in offers if can_view_idea(viewer, o.idea)]
    return MemberOffers(
        partnerships=[o for o in offers if o.status == OfferStatus.ACCEPTED],
        offers=[o for o in offers if o.status != OfferStatus.ACCEPTED],
    )


def partner_counts(idea_ids: Iterable[int]) -> dict[int, int]:
    """Accepted partnerships per idea, in one grouped query; ideas without any count 0."""
    ids = list(dict.fromkeys(idea_ids))
    if not ids:
        return {}
    rows = db.session.execute(
        select(PartnerOffer.idea_id, func.count())
        .where(PartnerOffer.idea_id.in_(ids), PartnerOffer.status == OfferStatus.ACCEPTED)
        .group_by(PartnerOffer.idea_id)
    )
    return {idea_id: 0 for idea_id in ids} | {idea_id: n for idea_id, n in rows}


def partnership_stats() -> dict[str, int]:
    """Accepted partnerships in the network, those across organisations, and across areas.

    cross_area counts partnerships where both the partner's and the idea's organisation are
    wellbeing areas (or other area kinds) and differ.
    """
    partner_org = aliased(Organisation)
    idea_org = aliased(Organisation)
    cross_org = PartnerOffer.organisation_id != Idea.organisation_id
    area_kinds = sorted(AREA_KINDS)
    cross_area = and_(cross_org, partner_org.kind.in_(area_kinds), idea_org.kind.in_(area_kinds))
    accepted, cross_organisation, across_areas = db.session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(case((cross_org, 1), else_=0)), 0),
            func.coalesce(func.sum(case((cross_area, 1), else_=0)), 0),
        )
        .select_from(PartnerOffer)
        .join(Idea, Idea.id == PartnerOffer.idea_id)
        .join(partner_org, partner_org.id == PartnerOffer.organisation_id)
        .join(idea_org, idea_org.id == Idea.organisation_id)
        .where(PartnerOffer.status == OfferStatus.ACCEPTED)
    ).one()
    return {
        "accepted": int(accepted),
        "cross_organisation": int(cross_organisation),
        "cross_area": int(across_areas),
    }


def accepted_partner_organisations(idea_ids: Iterable[int]) -> dict[int, set[int]]:
    """Per idea, the ids of the organisations whose partner offers were accepted."""
    ids = list(dict.fromkeys(idea_ids))
    result: dict[int, set[int]] = {}
    if not ids:
        return result
    rows = db.session.execute(
        select(PartnerOffer.idea_id, PartnerOffer.organisation_id).where(
            PartnerOffer.idea_id.in_(ids), PartnerOffer.status == OfferStatus.ACCEPTED
        )
    )
    for idea_id, org_id in rows:
        result.setdefault(idea_id, set()).add(org_id)
    return result
