"""Partner test helpers: an idea that seeks partners, and offers made through the service."""

from __future__ import annotations

import pytest

from idealaari.extensions import db
from idealaari.ideas.models import PartnerRole
from idealaari.partners import services


@pytest.fixture
def make_seeking_idea(make_idea):
    """A published idea that seeks a pilot site and a researcher."""

    def make(**fields):
        fields.setdefault("seeks_partners", True)
        fields.setdefault("partner_roles", [PartnerRole.PILOT_SITE, PartnerRole.RESEARCHER])
        return make_idea(**fields)

    return make


@pytest.fixture
def make_offer(app, make_user):
    """An offer made through the service and committed; a new member offers by default."""

    def make(
        idea,
        *,
        member=None,
        role=PartnerRole.PILOT_SITE,
        message="Meillä on testiyksikkö.",
        organisation=None,
    ):
        offer = services.make_offer(
            idea=idea,
            member=member or make_user(),
            role=role,
            message=message,
            organisation=organisation,
        )
        db.session.commit()
        return offer

    return make
