"""Challenge fixtures: a moderator, an area contact, and challenges in each phase, timed
around the real clock (pages compute the phase from `utcnow()`)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from idealaari.accounts.models import Role
from idealaari.challenges import services
from idealaari.challenges.models import ChallengeStatus, VotingMode
from idealaari.dbtypes import utcnow
from idealaari.extensions import db

DAY = timedelta(days=1)


def timeline(phase: str, now=None) -> dict:
    """Dates that put an approved challenge in `phase` at `now`."""
    now = now or utcnow()
    starts = {
        "upcoming": now + 2 * DAY,
        "submission": now - 2 * DAY,
        "voting": now - 12 * DAY,
        "evaluation": now - 19 * DAY,
        "results": now - 40 * DAY,
        "closed": now - 90 * DAY,
    }[phase]
    return {
        "submission_opens_at": starts,
        "submission_closes_at": starts + 7 * DAY + timedelta(hours=1),
        "voting_closes_at": starts + 14 * DAY,
        "evaluation_closes_at": starts + 28 * DAY,
        "closes_at": starts + 60 * DAY,
    }


@pytest.fixture
def moderator(make_user):
    return make_user(role=Role.MODERATOR)


@pytest.fixture
def area_contact(make_user):
    return make_user(role=Role.AREA_CONTACT)


def fields(owner, **overrides) -> services.ChallengeFields:
    values = {
        "title": "Miten tavoitamme ikääntyneet, jotka eivät käytä digipalveluja?",
        "summary": "Etsimme tapoja tavoittaa ikääntyneet, jotka eivät käytä digipalveluja.",
        "brief": "Moni **ikääntynyt** jää digipalvelujen ulkopuolelle.",
        "problem_owner": owner,
        "voting_mode": VotingMode.SINGLE,
        "criteria": [services.CriterionFields("Levitettävyys", 2)],
        **timeline("upcoming"),
    }
    values.update(overrides)
    return services.ChallengeFields(**values)


@pytest.fixture
def make_challenge(app, moderator):
    """An approved challenge in `phase` (made by a moderator), committed.

    The service refuses dates already past, so the dates are set after creating it."""

    def make(*, phase: str = "submission", owner=None, **overrides):
        owner = owner or moderator.organisation
        challenge = services.propose_challenge(actor=moderator, values=fields(owner, **overrides))
        for name, value in timeline(phase).items():
            if name not in overrides:
                setattr(challenge, name, value)
        assert challenge.status == ChallengeStatus.APPROVED
        db.session.commit()
        return challenge

    return make


# --- Jury fixtures -------------------------------------------------------------------------


def jury_criteria() -> list[services.CriterionFields]:
    """Two criteria: one weighted 3 with a described scale, one weighted 1 without."""
    return [
        services.CriterionFields(
            "Levitettävyys",
            3,
            "Voiko toinen alue ottaa ratkaisun käyttöön?",
            [
                "Sidottu yhteen paikkaan",
                "Vaatii paljon muokkausta",
                "Levitettävissä muokaten",
                "Levitettävissä pienin muutoksin",
                "Valmis pilotoitavaksi toisella alueella",
            ],
        ),
        services.CriterionFields("Kustannukset", 1),
    ]


@pytest.fixture
def enter_in_challenge(app):
    """Enter an idea in a challenge directly, whatever its phase now (committed)."""
    from idealaari.challenges.models import Entry

    def enter(challenge, idea, *, votes: int = 0):
        entry = Entry(
            challenge_id=challenge.id,
            idea_id=idea.id,
            entered_by_id=idea.author_id,
            vote_count=votes,
        )
        db.session.add(entry)
        db.session.commit()
        return entry

    return enter


@pytest.fixture
def make_juror(app, make_user):
    """A member (of a new organisation unless given) named to the challenge's jury."""

    def make(challenge, **user_fields):
        juror = make_user(**user_fields)
        challenge.jurors.append(juror)
        db.session.commit()
        return juror

    return make
