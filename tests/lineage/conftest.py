"""Lineage test helpers: area contacts of other organisations, adoptions and responses made
through the services."""

from __future__ import annotations

from datetime import date

import pytest

from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas.models import Phase
from idealaari.lineage import services
from idealaari.notifications import services as notification_services
from idealaari.targets import TargetKind


@pytest.fixture
def make_contact(app, make_user, make_org):
    """An area contact of a new wellbeing area (or of `organisation`)."""

    def make(organisation=None, **fields):
        return make_user(role=Role.AREA_CONTACT, organisation=organisation or make_org(), **fields)

    return make


@pytest.fixture
def make_adoption(app, make_contact):
    """An adoption recorded through the service and committed; a new area adopts by default."""

    def make(
        idea, *, contact=None, adopted_on=date(2025, 3, 1), phase=Phase.TESTING, evidence=None
    ):
        adoption = services.record_adoption(
            idea=idea,
            actor=contact or make_contact(),
            adopted_on=adopted_on,
            phase=phase,
            evidence=evidence or "Pilotti kahdessa kotihoidon tiimissä, 40 asiakasta.",
        )
        db.session.commit()
        return adoption

    return make


@pytest.fixture
def make_response(app, make_contact):
    def make(idea, *, contact=None, kind="interested", statement="Selvitämme käyttöönottoa."):
        response = services.give_official_response(
            idea=idea, actor=contact or make_contact(), kind=kind, statement=statement
        )
        db.session.commit()
        return response

    return make


@pytest.fixture
def follow(app):
    def _follow(user, idea):
        row = notification_services.follow(user=user, target=TargetKind.IDEA, target_id=idea.id)
        db.session.commit()
        return row

    return _follow
