"""The phase of a challenge is a pure function of its approval, its dates and `now`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from idealaari.challenges.models import Challenge, ChallengePhase, ChallengeStatus

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
TICK = timedelta(microseconds=1)


def challenge(*, voting=True, evaluation=True, status=ChallengeStatus.APPROVED) -> Challenge:
    return Challenge(
        status=status,
        submission_opens_at=T0,
        submission_closes_at=T0 + 10 * DAY,
        voting_closes_at=T0 + 17 * DAY if voting else None,
        evaluation_closes_at=T0 + 31 * DAY if evaluation else None,
        closes_at=T0 + 60 * DAY,
    )


@pytest.mark.parametrize(
    ("at", "phase"),
    [
        (T0 - 30 * DAY, ChallengePhase.UPCOMING),
        (T0 - TICK, ChallengePhase.UPCOMING),
        (T0, ChallengePhase.SUBMISSION),  # a phase starts at its first instant
        (T0 + 10 * DAY - TICK, ChallengePhase.SUBMISSION),
        (T0 + 10 * DAY, ChallengePhase.VOTING),  # ... and ends just before the next starts
        (T0 + 17 * DAY - TICK, ChallengePhase.VOTING),
        (T0 + 17 * DAY, ChallengePhase.EVALUATION),
        (T0 + 31 * DAY - TICK, ChallengePhase.EVALUATION),
        (T0 + 31 * DAY, ChallengePhase.RESULTS),
        (T0 + 60 * DAY - TICK, ChallengePhase.RESULTS),
        (T0 + 60 * DAY, ChallengePhase.CLOSED),
        (T0 + 3650 * DAY, ChallengePhase.CLOSED),
    ],
)
def test_every_boundary_of_the_full_timeline(at, phase):
    assert challenge().phase_at(at) == phase


def test_skipped_voting_goes_from_submission_to_evaluation():
    c = challenge(voting=False)
    assert c.phase_at(T0 + 10 * DAY - TICK) == ChallengePhase.SUBMISSION
    assert c.phase_at(T0 + 10 * DAY) == ChallengePhase.EVALUATION
    assert ChallengePhase.VOTING not in [s.phase for s in c.timeline()]


def test_skipped_evaluation_goes_from_voting_to_results():
    c = challenge(evaluation=False)
    assert c.phase_at(T0 + 17 * DAY - TICK) == ChallengePhase.VOTING
    assert c.phase_at(T0 + 17 * DAY) == ChallengePhase.RESULTS


def test_both_skipped_go_from_submission_to_results():
    c = challenge(voting=False, evaluation=False)
    assert c.phase_at(T0 + 10 * DAY) == ChallengePhase.RESULTS
    assert [s.phase for s in c.timeline()] == [
        ChallengePhase.UPCOMING,
        ChallengePhase.SUBMISSION,
        ChallengePhase.RESULTS,
        ChallengePhase.CLOSED,
    ]


@pytest.mark.parametrize("status", [ChallengeStatus.PROPOSED, ChallengeStatus.REJECTED])
def test_a_challenge_not_approved_stays_proposed_whatever_the_dates(status):
    c = challenge(status=status)
    for at in (T0 - DAY, T0 + DAY, T0 + 100 * DAY):
        assert c.phase_at(at) == ChallengePhase.PROPOSED


def test_the_timeline_spans_follow_each_other():
    spans = challenge().timeline()
    for before, after in zip(spans, spans[1:], strict=False):
        assert before.ends_at == after.starts_at
    assert spans[0].starts_at is None and spans[-1].ends_at is None


def test_current_span_gives_the_end_of_the_phase():
    span = challenge().current_span(T0 + 5 * DAY)
    assert span.phase == ChallengePhase.SUBMISSION and span.ends_at == T0 + 10 * DAY
