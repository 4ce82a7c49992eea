"""Poll fixtures: a moderator and polls in each phase, timed around the real clock."""

from __future__ import annotations

from datetime import timedelta

import pytest

from idealaari.accounts.models import Role
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.polls import services
from idealaari.polls.models import Poll

THEMES = (
    "Ennaltaehkäisevien sosiaali- ja terveyspalvelujen kehittäminen",
    "Sosiaali- ja terveydenhuollon digipalveluiden kehittäminen",
    "Monialaisten palvelujen kehittäminen sosiaali- ja terveydenhuollossa",
)
DAY = timedelta(days=1)


def timeline(phase: str, now=None) -> dict:
    """Opening and closing times that put a poll in `phase` at `now`."""
    now = now or utcnow()
    return {
        "open": {"opens_at": now - DAY, "closes_at": now + DAY},
        "upcoming": {"opens_at": now + DAY, "closes_at": now + 2 * DAY},
        "proposals": {
            "proposals_close_at": now + DAY,
            "opens_at": now + 2 * DAY,
            "closes_at": now + 3 * DAY,
        },
        "closed": {"opens_at": now - 2 * DAY, "closes_at": now - DAY},
    }[phase]


def option(poll: Poll, label: str):
    return next(o for o in poll.options if o.label == label)


@pytest.fixture
def moderator(make_user):
    return make_user(role=Role.MODERATOR)


@pytest.fixture
def make_poll(app, moderator):
    """Create a poll through the service, as a moderator would, and commit it."""

    def make(
        *,
        phase: str = "open",
        question="Mikä teema seuraavaan verkkoklinikkaan?",
        options=THEMES,
        **times,
    ):
        poll = services.create_poll(
            actor=moderator,
            question=question,
            options=list(options),
            **{**timeline(phase), **times},
        )
        db.session.commit()
        return poll

    return make


@pytest.fixture
def cast(app):
    """Record a vote while the poll was open (also for polls that have closed since)."""

    def _cast(poll: Poll, voter, label: str):
        vote = services.cast_vote(
            poll=poll,
            voter=voter,
            option=option(poll, label),
            now=poll.opens_at + timedelta(minutes=1),
        )
        db.session.commit()
        return vote

    return _cast
