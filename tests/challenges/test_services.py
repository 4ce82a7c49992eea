"""Challenge services: proposing, approving, the timeline, entering and withdrawing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from idealaari.accounts.models import Role
from idealaari.challenges import services
from idealaari.challenges.models import (
    Challenge,
    ChallengePhase,
    ChallengeStatus,
    Entry,
    PhaseChange,
    VotingMode,
)
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.organisations.models import OrganisationKind
from tests.challenges.conftest import DAY, fields, timeline


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


# --- Proposing and approving ------------------------------------------------------------


def test_an_area_contact_proposes_for_their_organisation_and_manages_it(area_contact):
    c = services.propose_challenge(actor=area_contact, values=fields(area_contact.organisation))
    assert c.status == ChallengeStatus.PROPOSED and c.phase_at(utcnow()) == ChallengePhase.PROPOSED
    assert c.managers == [area_contact] and c.proposed_by_id == area_contact.id
    assert c.slug.startswith("miten-tavoitamme") and c.discussion.owner_id == c.id


def test_a_moderator_creates_an_approved_challenge_for_any_organisation(moderator, make_org):
    c = services.propose_challenge(actor=moderator, values=fields(make_org()))
    assert c.status == ChallengeStatus.APPROVED and c.decided_by_id == moderator.id
    assert c.phase_at(utcnow()) == ChallengePhase.UPCOMING


@pytest.mark.parametrize(
    ("role", "verified", "message"),
    [
        (Role.MEMBER, True, "proposed by the area contacts"),
        (Role.AREA_CONTACT, False, "Confirm your e-mail address first"),
    ],
)
def test_others_cannot_propose(make_user, role, verified, message):
    user = make_user(role=role, verified=verified)
    with pytest.raises(services.ChallengeError, match=message):
        services.propose_challenge(actor=user, values=fields(user.organisation))
    assert count(Challenge) == 0


def test_an_area_contact_cannot_propose_for_another_organisation(area_contact, make_org):
    with pytest.raises(services.ChallengeError, match="your own organisation") as e:
        services.propose_challenge(actor=area_contact, values=fields(make_org()))
    assert e.value.field == "problem_owner"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": "   "}, "title", "Give the challenge a title."),
        ({"summary": ""}, "summary", "Summarise the challenge"),
        ({"title": "x" * 161}, "title", "at most 160"),
        (
            {"submission_closes_at": utcnow() + DAY, "submission_opens_at": utcnow() + 2 * DAY},
            "submission_closes_at",
            "must come after",
        ),
        ({"voting_mode": VotingMode.NONE}, "voting_mode", "Choose how members vote"),
        ({"voting_mode": VotingMode.BUDGET, "vote_budget": 0}, "vote_budget", "budget"),
        ({"criteria": []}, "criteria", "at least one criterion"),
        ({"target_groups": ["nobody"]}, "target_groups", "target groups"),
        ({"eligible_kinds": ["pirates"]}, "eligible_kinds", "kinds"),
    ],
)
def test_bad_challenges_are_refused_with_the_field(area_contact, overrides, field, message):
    with pytest.raises(services.ChallengeError, match=message) as e:
        services.propose_challenge(
            actor=area_contact, values=fields(area_contact.organisation, **overrides)
        )
    assert e.value.field == field


def test_skipping_voting_and_evaluation_is_allowed(area_contact):
    c = services.propose_challenge(
        actor=area_contact,
        values=fields(
            area_contact.organisation,
            voting_closes_at=None,
            evaluation_closes_at=None,
            criteria=[],
        ),
    )
    assert c.voting_mode == VotingMode.NONE and not c.has_voting and not c.has_evaluation


def test_a_moderator_approves_or_rejects_with_a_reason(area_contact, moderator):
    first = services.propose_challenge(actor=area_contact, values=fields(area_contact.organisation))
    services.decide_challenge(actor=moderator, challenge=first, approve=True)
    assert first.status == ChallengeStatus.APPROVED and moderator in first.managers
    second = services.propose_challenge(
        actor=area_contact, values=fields(area_contact.organisation)
    )
    with pytest.raises(services.ChallengeError, match="Say why"):
        services.decide_challenge(actor=moderator, challenge=second, approve=False)
    services.decide_challenge(
        actor=moderator, challenge=second, approve=False, note="Päällekkäinen haasteen kanssa."
    )
    assert second.status == ChallengeStatus.REJECTED
    with pytest.raises(services.ChallengeError, match="already been decided"):
        services.decide_challenge(actor=moderator, challenge=second, approve=True)


def test_only_moderators_decide(area_contact):
    c = services.propose_challenge(actor=area_contact, values=fields(area_contact.organisation))
    with pytest.raises(services.ChallengeError, match="Only moderators"):
        services.decide_challenge(actor=area_contact, challenge=c, approve=True)
    assert c.status == ChallengeStatus.PROPOSED


# --- The timeline --------------------------------------------------------------------------


def test_ending_the_phase_now_is_recorded(make_challenge, moderator):
    c = make_challenge(phase="submission")
    now = utcnow()
    change = services.move_phase_end(actor=moderator, challenge=c, reason="Riittävästi", now=now)
    assert c.submission_closes_at == now and c.phase_at(now) == ChallengePhase.VOTING
    assert change.field == "submission_closes_at" and change.reason == "Riittävästi"
    assert count(PhaseChange) == 1


def test_extending_moves_later_phases_that_would_overlap(make_challenge, moderator):
    c = make_challenge(phase="submission")
    now = utcnow()
    voting, evaluation = c.voting_closes_at, c.evaluation_closes_at
    new_end = c.voting_closes_at + DAY  # past the end of voting
    delta = new_end - c.submission_closes_at
    services.move_phase_end(actor=moderator, challenge=c, new_end=new_end, now=now)
    assert c.submission_closes_at == new_end
    assert c.voting_closes_at == voting + delta
    # Evaluation still ended after voting, so it stays ... unless it would overlap too.
    assert c.evaluation_closes_at in (evaluation, evaluation + delta)
    assert c.evaluation_closes_at > c.voting_closes_at < c.closes_at


def test_the_timeline_cannot_move_into_the_past_or_by_others(make_challenge, make_user):
    c = make_challenge(phase="submission")
    with pytest.raises(services.ChallengeError, match="managers"):
        services.move_phase_end(actor=make_user(), challenge=c)
    with pytest.raises(services.ChallengeError, match="past"):
        services.move_phase_end(
            actor=c.managers[0], challenge=c, new_end=utcnow() - timedelta(minutes=5)
        )
    assert count(PhaseChange) == 0


# --- Entries -------------------------------------------------------------------------------


def test_a_member_enters_an_idea_once(make_challenge, make_user, make_idea):
    c = make_challenge()
    member = make_user()
    idea = make_idea(author=member)
    entry = services.enter_idea(actor=member, challenge=c, idea=idea)
    assert entry.idea_id == idea.id and entry.entered_by_id == member.id
    with pytest.raises(services.ChallengeError, match="already entered"):
        services.enter_idea(actor=member, challenge=c, idea=idea)
    assert count(Entry) == 1


@pytest.mark.parametrize(
    ("phase", "message"),
    [
        ("upcoming", "not opened yet"),
        ("voting", "Submission has closed"),
        ("closed", "Submission has closed"),
    ],
)
def test_entering_is_refused_outside_submission(
    make_challenge, make_user, make_idea, phase, message
):
    c = make_challenge(phase=phase)
    member = make_user()
    with pytest.raises(services.ChallengeError, match=message):
        services.enter_idea(actor=member, challenge=c, idea=make_idea(author=member))
    assert count(Entry) == 0


def test_only_ideas_the_member_can_edit_are_entered(make_challenge, make_user, make_idea):
    c = make_challenge()
    with pytest.raises(services.ChallengeError, match="ideas you can edit"):
        services.enter_idea(actor=make_user(), challenge=c, idea=make_idea())


def test_drafts_are_not_entered(make_challenge, make_user, make_idea):
    from idealaari.ideas.models import IdeaStatus

    c, member = make_challenge(), make_user()
    draft = make_idea(author=member, status=IdeaStatus.DRAFT)
    with pytest.raises(services.ChallengeError, match="Only published ideas"):
        services.enter_idea(actor=member, challenge=c, idea=draft)


def test_eligible_organisation_kinds_are_enforced(make_challenge, make_user, make_org, make_idea):
    c = make_challenge(eligible_kinds=[OrganisationKind.WELLBEING_AREA.value])
    company_member = make_user(organisation=make_org(kind=OrganisationKind.COMPANY))
    with pytest.raises(services.ChallengeError, match="some kinds of organisation"):
        services.enter_idea(
            actor=company_member, challenge=c, idea=make_idea(author=company_member)
        )
    area_member = make_user()
    services.enter_idea(actor=area_member, challenge=c, idea=make_idea(author=area_member))


def test_withdrawing_until_submission_closes(make_challenge, make_user, make_idea, moderator):
    c = make_challenge()
    member = make_user()
    entry = services.enter_idea(actor=member, challenge=c, idea=make_idea(author=member))
    db.session.commit()
    with pytest.raises(services.ChallengeError, match="editors and the challenge's managers"):
        services.withdraw_entry(actor=make_user(), entry=entry)
    later = c.submission_closes_at + timedelta(minutes=1)
    with pytest.raises(services.ChallengeError, match="Submission has closed"):
        services.withdraw_entry(actor=member, entry=entry, now=later)
    services.withdraw_entry(actor=member, entry=entry)
    assert count(Entry) == 0


def test_a_joint_entry_names_every_organisation(make_challenge, make_user, make_idea, make_org):
    from idealaari.challenges import queries

    c = make_challenge()
    author = make_user()
    partner_org = make_org(name="Tampereen yliopisto", kind=OrganisationKind.UNIVERSITY)
    co_editor = make_user(organisation=partner_org)
    idea = make_idea(author=author)
    idea.co_editors.append(co_editor)
    db.session.commit()
    entry = services.enter_idea(actor=co_editor, challenge=c, idea=idea)
    orgs = queries.entry_organisations([entry])[entry.id]
    assert orgs == [author.organisation, partner_org]


def test_the_problem_owner_cannot_be_changed_to_another_by_an_area_contact(area_contact, make_org):
    c = services.propose_challenge(actor=area_contact, values=fields(area_contact.organisation))
    with pytest.raises(services.ChallengeError, match="your own organisation"):
        services.update_challenge(actor=area_contact, challenge=c, values=fields(make_org()))


def test_dates_and_rules_are_fixed_once_submission_opens(make_challenge, moderator):
    c = make_challenge(phase="submission")
    closes = c.submission_closes_at
    values = fields(c.problem_owner, title="Uusi otsikko", **timeline("upcoming"))
    services.update_challenge(actor=moderator, challenge=c, values=values)
    assert c.title == "Uusi otsikko" and c.submission_closes_at == closes


# --- Notifications -------------------------------------------------------------------------


def _notices(kind):
    from idealaari.notifications.models import Notification

    return list(db.session.scalars(select(Notification).where(Notification.kind == kind)))


def test_moderators_hear_of_proposals_and_the_proposer_of_the_decision(area_contact, moderator):
    c = services.propose_challenge(actor=area_contact, values=fields(area_contact.organisation))
    assert [n.user_id for n in _notices("challenge_proposed")] == [moderator.id]
    services.decide_challenge(actor=moderator, challenge=c, approve=True)
    decided = _notices("challenge_decided")
    assert [n.user_id for n in decided] == [area_contact.id] and decided[0].data["approved"]


def test_followers_hear_of_new_entries_but_not_the_entrant(make_challenge, make_user, make_idea):
    from idealaari.notifications import services as notification_services

    c = make_challenge()
    follower, member = make_user(), make_user()
    notification_services.follow(user=follower, target="challenge", target_id=c.id)
    notification_services.follow(user=member, target="challenge", target_id=c.id)
    services.enter_idea(actor=member, challenge=c, idea=make_idea(author=member, title="Digituki"))
    notices = _notices("challenge_entry")
    recipients = {n.user_id for n in notices}
    assert follower.id in recipients and member.id not in recipients
    assert notices[0].data["idea_title"] == "Digituki"
