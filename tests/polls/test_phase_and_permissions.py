"""The poll timeline as a pure function, and every poll permission from the refused side."""

from datetime import UTC, datetime, timedelta

import pytest
from flask_login import AnonymousUserMixin

from idealaari import permissions
from idealaari.accounts.models import Role
from idealaari.polls.models import Poll, PollPhase

T = datetime(2023, 10, 20, 9, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
anonymous = AnonymousUserMixin()


def poll(proposals: bool = True) -> Poll:
    return Poll(
        question="Mikä teema?",
        proposals_close_at=T - HOUR if proposals else None,
        opens_at=T,
        closes_at=T + 10 * HOUR,
    )


@pytest.mark.parametrize(
    ("now", "phase"),
    [
        (T - 2 * HOUR, PollPhase.PROPOSALS),
        (T - HOUR - timedelta(microseconds=1), PollPhase.PROPOSALS),
        (T - HOUR, PollPhase.UPCOMING),  # proposals end at their closing time
        (T - timedelta(seconds=1), PollPhase.UPCOMING),
        (T, PollPhase.OPEN),  # voting opens at its opening time
        (T + 10 * HOUR - timedelta(seconds=1), PollPhase.OPEN),
        (T + 10 * HOUR, PollPhase.CLOSED),  # and closes at its closing time
        (T + 1000 * HOUR, PollPhase.CLOSED),
    ],
)
def test_phase_follows_the_timeline(now, phase):
    assert poll().phase(now) == phase


def test_without_a_proposal_phase_a_poll_is_upcoming_until_it_opens():
    assert poll(proposals=False).phase(T - 100 * HOUR) == PollPhase.UPCOMING
    assert poll(proposals=False).phase(T) == PollPhase.OPEN


def test_only_moderators_and_admins_manage_polls(make_user):
    assert permissions.can_manage_polls(make_user(role=Role.MODERATOR))
    assert permissions.can_manage_polls(make_user(role=Role.ADMIN))
    assert not permissions.can_manage_polls(make_user(role=Role.MEMBER))
    assert not permissions.can_manage_polls(make_user(role=Role.AREA_CONTACT))
    assert not permissions.can_manage_polls(anonymous)
    assert not permissions.can_manage_polls(None)


def test_members_vote_only_while_the_poll_is_open(make_user):
    member, p = make_user(), poll()
    assert permissions.can_vote_in_poll(member, p, T)
    assert not permissions.can_vote_in_poll(member, p, T - 2 * HOUR)  # proposal phase
    assert not permissions.can_vote_in_poll(member, p, T - HOUR / 2)  # upcoming
    assert not permissions.can_vote_in_poll(member, p, T + 10 * HOUR)  # closed
    assert not permissions.can_vote_in_poll(anonymous, p, T)
    assert not permissions.can_vote_in_poll(None, p, T)


def test_members_propose_only_during_the_proposal_phase(make_user):
    member, p = make_user(), poll()
    assert permissions.can_propose_poll_option(member, p, T - 2 * HOUR)
    assert not permissions.can_propose_poll_option(member, p, T - HOUR / 2)
    assert not permissions.can_propose_poll_option(member, p, T)
    assert not permissions.can_propose_poll_option(member, p, T + 10 * HOUR)
    assert not permissions.can_propose_poll_option(member, poll(proposals=False), T - 2 * HOUR)
    assert not permissions.can_propose_poll_option(anonymous, p, T - 2 * HOUR)
