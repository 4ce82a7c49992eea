"""Poll services: creating and editing polls, voting, proposals, results and announcements."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from idealaari.accounts.models import Role
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.notifications.models import Notification
from idealaari.polls import queries, services
from idealaari.polls.models import OptionStatus, Poll, PollVote
from idealaari.polls.notifications import PollNotice
from tests.polls.conftest import DAY, THEMES, option, timeline

T = datetime(2023, 10, 20, 9, 0, tzinfo=UTC)


def create(actor, **overrides):
    values = {
        "question": "Mikä teema seuraavaan verkkoklinikkaan?",
        "options": list(THEMES),
        "opens_at": T,
        "closes_at": T + DAY,
    }
    values.update(overrides)
    return services.create_poll(actor=actor, **values)


def notifications() -> list[Notification]:
    return list(db.session.scalars(select(Notification).order_by(Notification.user_id)))


# --- Creating and editing -----------------------------------------------------------------


def test_create_poll_keeps_options_in_order_and_times_in_utc(moderator):
    helsinki = ZoneInfo("Europe/Helsinki")
    poll = create(
        moderator,
        options=["  Ennaltaehkäisy ", "", "Digipalvelut", "   "],
        opens_at=datetime(2023, 10, 20, 9, 0, tzinfo=helsinki),
        closes_at=datetime(2023, 10, 27, 16, 0, tzinfo=helsinki),
        description="Äänestä suosikkiasi.",
    )
    db.session.commit()
    db.session.expire_all()
    poll = db.session.get(Poll, poll.id)
    assert [(o.label, o.position, o.status) for o in poll.options] == [
        ("Ennaltaehkäisy", 0, OptionStatus.ACCEPTED),
        ("Digipalvelut", 1, OptionStatus.ACCEPTED),
    ]
    assert poll.opens_at == datetime(2023, 10, 20, 6, 0, tzinfo=UTC)  # EEST is UTC+3
    assert poll.closes_at.utcoffset() == timedelta(0)
    assert poll.created_by_id == moderator.id and poll.proposals_close_at is None


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"question": "  "}, "question", "Write the question of the poll."),
        ({"question": "x" * 301}, "question", "Write at most 300 characters."),
        ({"options": ["Vain yksi"]}, "options", "Give at least 2 options."),
        ({"options": ["A", " ", ""]}, "options", "Give at least 2 options."),
        ({"options": [f"Teema {i}" for i in range(11)]}, "options", "Give at most 10 options."),
        ({"options": ["A", "x" * 201]}, "options", "An option can be at most 200 characters long."),
        ({"options": ["Digi", "  DIGI "]}, "options", "Each option must be different."),
        ({"closes_at": T}, "closes_at", "Voting must close after it opens."),
        ({"closes_at": T - DAY}, "closes_at", "Voting must close after it opens."),
        (
            {"proposals_close_at": T + timedelta(minutes=1)},
            "proposals_close_at",
            "The proposal phase must end before voting opens.",
        ),
    ],
)
def test_create_poll_refuses_bad_input(moderator, overrides, field, message):
    with pytest.raises(services.PollError) as e:
        create(moderator, **overrides)
    assert str(e.value) == message and e.value.field == field


def test_ten_options_of_200_characters_are_fine(moderator):
    poll = create(moderator, options=[f"{i}" + "x" * 199 for i in range(10)])
    assert len(poll.options) == 10


def test_naive_times_are_a_programming_error(moderator):
    with pytest.raises(ValueError):
        create(moderator, opens_at=datetime(2023, 10, 20, 9), closes_at=datetime(2023, 10, 21, 9))


@pytest.mark.parametrize("role", [Role.MEMBER, Role.AREA_CONTACT])
def test_only_moderators_create_polls(make_user, role):
    with pytest.raises(services.PollError, match="Only moderators"):
        create(make_user(role=role))
    assert db.session.scalar(select(func.count()).select_from(Poll)) == 0


def test_update_poll_before_it_opens(moderator, make_user):
    member = make_user()
    poll = create(moderator, proposals_close_at=T - DAY, opens_at=T, closes_at=T + DAY)
    proposal = services.propose_option(poll=poll, proposer=member, label="Tekoäly", now=T - 2 * DAY)
    services.update_poll(
        poll=poll,
        actor=moderator,
        question="Uusi kysymys",
        description="",
        # Recases one option, accepts the proposal, adds one and drops two.
        options=[THEMES[1].upper(), "Tekoäly", "Uusi teema"],
        opens_at=T + DAY,
        closes_at=T + 2 * DAY,
        now=T - DAY / 2,
    )
    db.session.commit()
    db.session.expire_all()
    poll = db.session.get(Poll, poll.id)
    assert poll.question == "Uusi kysymys" and poll.opens_at == T + DAY
    assert [(o.label, o.position, o.status) for o in poll.options] == [
        (THEMES[1].upper(), 0, OptionStatus.ACCEPTED),
        ("Tekoäly", 1, OptionStatus.ACCEPTED),
        ("Uusi teema", 2, OptionStatus.ACCEPTED),
    ]  # the dropped moderator options are deleted: nobody could vote for them yet
    assert option(poll, "Tekoäly").id == proposal.id


def test_update_poll_rejects_a_dropped_member_proposal(moderator, make_user):
    poll = create(moderator, proposals_close_at=T - DAY)
    proposal = services.propose_option(
        poll=poll, proposer=make_user(), label="Oma", now=T - 2 * DAY
    )
    services.accept_proposal(option=proposal, actor=moderator, now=T - DAY / 2)
    services.update_poll(
        poll=poll,
        actor=moderator,
        question=poll.question,
        options=list(THEMES),
        opens_at=T,
        closes_at=T + DAY,
        proposals_close_at=T - DAY,
        now=T - DAY / 2,
    )
    assert proposal.status == OptionStatus.REJECTED


@pytest.mark.parametrize("now", [T, T + 2 * DAY])
def test_an_open_or_closed_poll_cannot_be_edited(moderator, now):
    poll = create(moderator)
    with pytest.raises(services.PollError, match="only until voting opens"):
        services.update_poll(
            poll=poll,
            actor=moderator,
            question="Muutettu",
            options=["A", "B"],
            opens_at=T,
            closes_at=T + DAY,
            now=now,
        )
    assert poll.question != "Muutettu"


def test_members_cannot_edit_polls(moderator, make_user):
    poll = create(moderator)
    with pytest.raises(services.PollError, match="Only moderators"):
        services.update_poll(
            poll=poll,
            actor=make_user(),
            question="Muutettu",
            options=["A", "B"],
            opens_at=T,
            closes_at=T + DAY,
            now=T - DAY,
        )


# --- Voting ---------------------------------------------------------------------------------


def test_vote_and_change_vote(moderator, make_user):
    poll, member = create(moderator), make_user()
    first = services.cast_vote(poll=poll, voter=member, option=option(poll, THEMES[0]), now=T)
    later = T + timedelta(hours=3)
    second = services.cast_vote(poll=poll, voter=member, option=option(poll, THEMES[1]), now=later)
    assert second.id == first.id  # changing is an UPDATE of the one vote
    assert second.option_id == option(poll, THEMES[1]).id and second.updated_at == later
    assert db.session.scalar(select(func.count()).select_from(PollVote)) == 1
    assert queries.vote_of(poll, member) is second


@pytest.mark.parametrize(
    ("now", "message"),
    [
        (T - timedelta(seconds=1), "Voting has not opened yet."),
        (T + DAY, "The poll has closed; votes can no longer be given or changed."),
    ],
)
def test_no_voting_outside_the_voting_time(moderator, make_user, now, message):
    poll = create(moderator)
    with pytest.raises(services.PollError) as e:
        services.cast_vote(poll=poll, voter=make_user(), option=option(poll, THEMES[0]), now=now)
    assert str(e.value) == message
    assert db.session.scalar(select(func.count()).select_from(PollVote)) == 0


def test_no_vote_changes_after_closing(moderator, make_user):
    poll, member = create(moderator), make_user()
    services.cast_vote(poll=poll, voter=member, option=option(poll, THEMES[0]), now=T)
    with pytest.raises(services.PollError):
        services.cast_vote(poll=poll, voter=member, option=option(poll, THEMES[1]), now=T + DAY)
    assert queries.vote_of(poll, member).option_id == option(poll, THEMES[0]).id


def test_no_vote_for_another_polls_option(moderator, make_user):
    poll, other = create(moderator), create(moderator, question="Toinen kysely")
    with pytest.raises(services.PollError, match="Choose one of the options given."):
        services.cast_vote(poll=poll, voter=make_user(), option=other.options[0], now=T)


@pytest.mark.parametrize("status", [OptionStatus.PROPOSED, OptionStatus.REJECTED])
def test_no_vote_for_proposals_that_are_not_on_the_ballot(moderator, make_user, status):
    poll = create(moderator)
    option_ = poll.options[0]
    option_.status = status
    with pytest.raises(services.PollError, match="Choose one of the options given."):
        services.cast_vote(poll=poll, voter=make_user(), option=option_, now=T)


def test_anonymous_cannot_vote(moderator):
    from flask_login import AnonymousUserMixin

    poll = create(moderator)
    with pytest.raises(services.PollError, match="Log in to vote."):
        services.cast_vote(poll=poll, voter=AnonymousUserMixin(), option=poll.options[0], now=T)


def test_an_unverified_member_is_told_to_confirm_the_address_before_voting(moderator, make_user):
    poll, member = create(moderator), make_user(verified=False)
    with pytest.raises(services.PollError, match="Confirm your e-mail address first"):
        services.cast_vote(poll=poll, voter=member, option=option(poll, THEMES[0]), now=T)
    assert db.session.scalar(select(func.count()).select_from(PollVote)) == 0


def test_a_concurrent_double_submit_updates_the_vote(moderator, make_user, monkeypatch):
    """Two requests both see no vote; the second insert hits the unique constraint."""
    poll, member = create(moderator), make_user()
    services.cast_vote(poll=poll, voter=member, option=option(poll, THEMES[0]), now=T)
    db.session.commit()
    monkeypatch.setattr(queries, "vote_of", lambda poll, user: None)  # the race: not seen yet
    vote = services.cast_vote(poll=poll, voter=member, option=option(poll, THEMES[2]), now=T)
    db.session.commit()
    assert vote.option_id == option(poll, THEMES[2]).id
    assert db.session.scalar(select(func.count()).select_from(PollVote)) == 1


# --- Proposals ------------------------------------------------------------------------------


def proposal_poll(moderator):
    return create(moderator, proposals_close_at=T - DAY)


PROPOSING = T - 2 * DAY


def test_member_proposes_and_moderator_accepts(moderator, make_user):
    poll, member = proposal_poll(moderator), make_user()
    proposal = services.propose_option(
        poll=poll, proposer=member, label="  Tekoäly   sotessa ", now=PROPOSING
    )
    assert proposal.label == "Tekoäly sotessa" and proposal.status == OptionStatus.PROPOSED
    assert proposal.proposed_by_id == member.id
    services.accept_proposal(option=proposal, actor=moderator, now=T - DAY / 2)
    assert proposal.status == OptionStatus.ACCEPTED
    assert proposal.position == max(o.position for o in poll.options)
    # The accepted proposal is now on the ballot.
    services.cast_vote(poll=poll, voter=member, option=proposal, now=T)


def test_moderator_rejects_a_proposal(moderator, make_user):
    poll = proposal_poll(moderator)
    proposal = services.propose_option(poll=poll, proposer=make_user(), label="Ei", now=PROPOSING)
    services.reject_proposal(option=proposal, actor=moderator, now=PROPOSING)
    assert proposal.status == OptionStatus.REJECTED
    with pytest.raises(services.PollError, match="already been decided"):
        services.accept_proposal(option=proposal, actor=moderator, now=PROPOSING)


def test_an_unverified_member_cannot_propose_an_option(moderator, make_user):
    poll = proposal_poll(moderator)
    with pytest.raises(services.PollError, match="Confirm your e-mail address first"):
        services.propose_option(
            poll=poll, proposer=make_user(verified=False), label="Tekoäly", now=PROPOSING
        )
    assert [o.label for o in poll.options] == list(THEMES)


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("   ", "Write the option you propose."),
        ("x" * 201, "Write at most 200 characters."),
        (THEMES[1].upper(), "That option has already been proposed."),
        ("tekoäly", "That option has already been proposed."),  # a pending proposal
        ("hylätty", "That option has already been proposed."),  # a rejected one too
    ],
)
def test_bad_proposals_are_refused(moderator, make_user, label, message):
    poll = proposal_poll(moderator)
    services.propose_option(poll=poll, proposer=make_user(), label="Tekoäly", now=PROPOSING)
    rejected = services.propose_option(
        poll=poll, proposer=make_user(), label="Hylätty", now=PROPOSING
    )
    services.reject_proposal(option=rejected, actor=moderator, now=PROPOSING)
    with pytest.raises(services.PollError) as e:
        services.propose_option(poll=poll, proposer=make_user(), label=label, now=PROPOSING)
    assert str(e.value) == message and e.value.field == "label"


@pytest.mark.parametrize("now", [T - DAY, T, T + DAY])  # upcoming, open, closed
def test_no_proposals_outside_the_proposal_phase(moderator, make_user, now):
    poll = proposal_poll(moderator)
    with pytest.raises(services.PollError, match="only during the poll’s proposal phase"):
        services.propose_option(poll=poll, proposer=make_user(), label="Myöhässä", now=now)


def test_no_proposals_to_a_poll_without_a_proposal_phase(moderator, make_user):
    poll = create(moderator)
    with pytest.raises(services.PollError):
        services.propose_option(poll=poll, proposer=make_user(), label="Uusi", now=T - 5 * DAY)


def test_members_cannot_decide_proposals(moderator, make_user):
    poll, member = proposal_poll(moderator), make_user()
    proposal = services.propose_option(poll=poll, proposer=member, label="Oma", now=PROPOSING)
    for decide in (services.accept_proposal, services.reject_proposal):
        with pytest.raises(services.PollError, match="Only moderators"):
            decide(option=proposal, actor=member, now=PROPOSING)
    assert proposal.status == OptionStatus.PROPOSED


def test_proposals_cannot_be_decided_once_voting_opened(moderator, make_user):
    poll = proposal_poll(moderator)
    proposal = services.propose_option(poll=poll, proposer=make_user(), label="Oma", now=PROPOSING)
    with pytest.raises(services.PollError, match="can no longer change"):
        services.accept_proposal(option=proposal, actor=moderator, now=T)
    assert proposal.status == OptionStatus.PROPOSED


def test_a_ballot_holds_at_most_ten_options(moderator, make_user):
    poll = create(moderator, options=[f"Teema {i}" for i in range(10)], proposals_close_at=T - DAY)
    proposal = services.propose_option(poll=poll, proposer=make_user(), label="11.", now=PROPOSING)
    with pytest.raises(services.PollError, match="at most 10 options"):
        services.accept_proposal(option=proposal, actor=moderator, now=PROPOSING)


# --- Results and announcements ------------------------------------------------------------


def test_results_count_votes_and_name_the_winner(moderator, make_user):
    poll = create(moderator)
    for label in (THEMES[0], THEMES[0], THEMES[1]):
        services.cast_vote(poll=poll, voter=make_user(), option=option(poll, label), now=T)
    results = queries.results(poll)
    assert [(r.option.label, r.votes, r.percent) for r in results.rows] == [
        (THEMES[0], 2, 67),
        (THEMES[1], 1, 33),
        (THEMES[2], 0, 0),
    ]
    assert results.total == 3 and results.winners == [option(poll, THEMES[0])]
    assert not results.is_tie and results.winning_votes == 2


def test_results_announce_a_tie(moderator, make_user):
    poll = create(moderator)
    for label in (THEMES[2], THEMES[1]):
        services.cast_vote(poll=poll, voter=make_user(), option=option(poll, label), now=T)
    results = queries.results(poll)
    assert results.is_tie
    assert [o.label for o in results.winners] == [THEMES[1], THEMES[2]]  # ballot order


def test_no_votes_no_winner(moderator):
    results = queries.results(create(moderator))
    assert results.total == 0 and results.winners == [] and not results.is_tie


def test_announce_notifies_the_voters_once(moderator, make_user):
    poll = create(moderator)
    voters = [make_user(), make_user()]
    bystander = make_user()
    for voter in voters:
        services.cast_vote(poll=poll, voter=voter, option=poll.options[0], now=T)
    db.session.commit()
    with pytest.raises(services.PollError):  # still open
        services.announce_results(poll=poll, now=T + DAY / 2)
    assert services.announce_results(poll=poll, now=T + DAY) is True
    db.session.commit()
    assert services.announce_results(poll=poll, now=T + 2 * DAY) is False
    db.session.commit()
    rows = notifications()
    assert [(n.user_id, n.kind, n.target_id) for n in rows] == [
        (v.id, PollNotice.POLL_RESULT, poll.id) for v in sorted(voters, key=lambda u: u.id)
    ]
    assert bystander.id not in {n.user_id for n in rows}
    assert poll.results_announced_at == T + DAY


def test_announce_is_safe_when_another_process_announced_first(moderator, make_user):
    """A stale copy of the poll (results_announced_at unseen) does not announce again."""
    poll = create(moderator)
    services.cast_vote(poll=poll, voter=make_user(), option=poll.options[0], now=T)
    db.session.commit()
    assert services.announce_results(poll=poll, now=T + DAY)
    db.session.commit()
    poll.results_announced_at = None  # what a concurrent request still believed
    db.session.flush()
    db.session.execute(
        Poll.__table__.update().where(Poll.id == poll.id).values(results_announced_at=T + DAY)
    )
    assert services.announce_results(poll=poll, now=T + DAY) is False
    assert len(notifications()) == 1


def test_announce_due_results_takes_only_closed_unannounced_polls(make_poll, make_user, cast):
    closed, still_open = make_poll(phase="closed"), make_poll(phase="open")
    voter = make_user()
    cast(closed, voter, THEMES[0])
    cast(still_open, voter, THEMES[0])
    assert services.announce_due_results() == [closed]
    db.session.commit()
    assert services.announce_due_results() == []
    assert [(n.user_id, n.target_id) for n in notifications()] == [(voter.id, closed.id)]


def test_cli_announce_is_idempotent(runner, make_poll, make_user, cast):
    poll = make_poll(phase="closed")
    voters = [make_user(), make_user(), make_user()]
    for voter, label in zip(voters, (THEMES[0], THEMES[1], THEMES[0]), strict=True):
        cast(poll, voter, label)
    result = runner.invoke(args=["polls", "announce"])
    assert result.exit_code == 0, result.output
    assert f"Announced poll {poll.id}" in result.output
    assert "Announced the results of 1 poll(s)." in result.output
    again = runner.invoke(args=["polls", "announce"])
    assert again.exit_code == 0 and "Announced the results of 0 poll(s)." in again.output
    db.session.expire_all()
    assert sorted(n.user_id for n in notifications()) == sorted(v.id for v in voters)
    assert db.session.get(Poll, poll.id).results_announced_at is not None


def test_open_polls_lists_voting_and_proposing_polls(make_poll):
    voting = make_poll(phase="open", question="Äänestys")
    proposing = make_poll(phase="proposals", question="Ehdotukset")
    make_poll(phase="upcoming", question="Tulossa")
    make_poll(phase="closed", question="Päättynyt")
    assert queries.open_polls() == [voting, proposing]
    assert queries.open_polls(now=utcnow() + 10 * DAY) == []
    lists = queries.poll_lists()
    assert lists.open == [voting]
    assert {p.question for p in lists.coming} == {"Ehdotukset", "Tulossa"}
    assert [p.question for p in lists.closed] == ["Päättynyt"]


def test_timeline_helper_matches_phase():
    now = utcnow()
    for phase in ("open", "upcoming", "proposals", "closed"):
        p = Poll(question="q", **timeline(phase, now))
        assert p.phase(now) == phase
