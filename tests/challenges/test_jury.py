"""Jury services: naming jurors, conflicts of interest, recusals, scoring and the overview.
Each rule is tested from the side that must be refused."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from idealaari import permissions
from idealaari.accounts.models import Role
from idealaari.challenges import jury
from idealaari.challenges.models import Recusal, Score, Scorecard, ScoreMode
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus, PartnerRole
from idealaari.partners.models import OfferStatus, PartnerOffer
from tests.challenges.conftest import jury_criteria


@pytest.fixture
def evaluation(make_challenge):
    """A challenge in evaluation with the two jury criteria."""
    return make_challenge(phase="evaluation", criteria=jury_criteria())


def criteria(challenge):
    return {c.name: c for c in challenge.criteria}


def score_all(juror, entry, points=(4, 2)):
    for criterion, value in zip(entry.challenge.criteria, points, strict=True):
        jury.save_score(actor=juror, entry=entry, criterion_id=criterion.id, value=value)
    db.session.commit()


# --- Naming the jury -------------------------------------------------------------------------


def test_a_manager_names_a_member_of_any_organisation_by_e_mail(evaluation, moderator, make_user):
    member = make_user(email="Tuomari@Example.fi")
    named = jury.name_juror(actor=moderator, challenge=evaluation, email=" tuomari@example.FI ")
    assert named == member and evaluation.jurors == [member]


def test_a_manager_names_a_member_picked_from_the_list(evaluation, moderator, make_user):
    member = make_user()
    jury.name_juror(actor=moderator, challenge=evaluation, member=member)
    assert permissions.is_juror(member, evaluation)


def test_only_managers_name_jurors(evaluation, make_user):
    with pytest.raises(jury.JuryError, match="Only the challenge's managers name the jury"):
        jury.name_juror(actor=make_user(), challenge=evaluation, member=make_user())
    assert evaluation.jurors == []


def test_an_unknown_or_inactive_address_is_refused(evaluation, moderator, make_user):
    make_user(email="poissa@example.fi", active=False)
    for email in ("ei-ketaan@example.fi", "poissa@example.fi", ""):
        with pytest.raises(jury.JuryError, match="No member has that e-mail address") as e:
            jury.name_juror(actor=moderator, challenge=evaluation, email=email)
        assert e.value.field == "email"


def test_a_juror_is_named_once(evaluation, moderator, make_juror):
    juror = make_juror(evaluation)
    with pytest.raises(jury.JuryError, match="already on the jury"):
        jury.name_juror(actor=moderator, challenge=evaluation, member=juror)


def test_the_jury_is_fixed_once_evaluation_ends(make_challenge, moderator, make_user):
    results = make_challenge(phase="results", criteria=jury_criteria())
    with pytest.raises(jury.JuryError, match="Evaluation has ended"):
        jury.name_juror(actor=moderator, challenge=results, member=make_user())


def test_a_challenge_without_evaluation_has_no_jury(make_challenge, moderator, make_user):
    challenge = make_challenge(phase="submission", evaluation_closes_at=None)
    with pytest.raises(jury.JuryError, match="no jury"):
        jury.name_juror(actor=moderator, challenge=challenge, member=make_user())


def test_removing_a_juror_keeps_their_scorecards_but_they_no_longer_count(
    evaluation, moderator, make_juror, make_idea, enter_in_challenge
):
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation)
    score_all(juror, entry)
    jury.remove_juror(actor=moderator, challenge=evaluation, juror=juror)
    db.session.commit()
    assert db.session.scalar(select(func.count()).select_from(Scorecard)) == 1
    view = jury.overview(evaluation)
    assert view.counting_cards() == [] and view.coverage()[0].independent == 0


def test_only_managers_remove_jurors(evaluation, make_juror, make_user):
    juror = make_juror(evaluation)
    with pytest.raises(jury.JuryError):
        jury.remove_juror(actor=make_user(), challenge=evaluation, juror=juror)
    assert juror in evaluation.jurors


# --- Conflicts of interest -----------------------------------------------------------------


def test_a_juror_is_not_assigned_entries_they_are_tied_to(
    evaluation, make_juror, make_user, make_org, make_idea, enter_in_challenge
):
    org = make_org()
    juror = make_juror(evaluation, organisation=org)
    colleague = make_user(organisation=org)
    own_org = enter_in_challenge(evaluation, make_idea(author=colleague))
    authored = make_idea(author=juror, organisation=make_org())
    own_idea = enter_in_challenge(evaluation, authored)
    co_edited = make_idea()
    co_edited.co_editors.append(juror)
    co_edit = enter_in_challenge(evaluation, co_edited)
    partnered = make_idea()
    db.session.add(
        PartnerOffer(
            idea_id=partnered.id,
            user_id=colleague.id,
            organisation_id=org.id,
            role=PartnerRole.PILOT_SITE,
            status=OfferStatus.ACCEPTED,
        )
    )
    partner = enter_in_challenge(evaluation, partnered)
    offered = make_idea()  # an offer not (yet) accepted is no tie
    db.session.add(
        PartnerOffer(
            idea_id=offered.id,
            user_id=colleague.id,
            organisation_id=org.id,
            role=PartnerRole.PILOT_SITE,
            status=OfferStatus.OFFERED,
        )
    )
    independent = enter_in_challenge(evaluation, offered)
    view = jury.overview(evaluation)
    assert view.assigned(juror) == [independent]
    for entry in (own_org, own_idea, co_edit, partner):
        assert view.conflict(juror, entry)
        assert permissions.scorecard_refusal(juror, evaluation, entry)
        # The single-entry check agrees with the batch one.
        assert permissions.entry_ties(entry) == view.ties[entry.id]
    assert permissions.scorecard_refusal(juror, evaluation, independent) is None


def test_a_co_editors_organisation_makes_a_joint_entry_its_own(
    evaluation, make_juror, make_user, make_org, make_idea, enter_in_challenge
):
    org = make_org()
    juror = make_juror(evaluation, organisation=org)
    idea = make_idea()
    colleague = make_user(organisation=org)
    idea.co_editors.append(colleague)
    entry = enter_in_challenge(evaluation, idea)
    assert "your own organisation" in jury.overview(evaluation).conflict(juror, entry)


def test_the_overview_reads_a_fixed_number_of_queries(
    evaluation, make_juror, make_idea, enter_in_challenge, count_queries
):
    jurors = [make_juror(evaluation) for _ in range(3)]
    entries = [enter_in_challenge(evaluation, make_idea()) for _ in range(3)]
    for juror in jurors[:2]:
        for entry in entries:
            score_all(juror, entry)

    def measure():
        db.session.expire_all()
        with count_queries() as statements:
            view = jury.overview(db.session.get(type(evaluation), evaluation.id))
            view.ranking(), view.progress(), view.coverage()
        return len(statements)

    few = measure()
    for _ in range(4):
        entries.append(enter_in_challenge(evaluation, make_idea()))
    jurors.append(make_juror(evaluation))
    for entry in entries:
        score_all(jurors[-1], entry)
    assert measure() == few


# --- Recusals --------------------------------------------------------------------------------


def test_a_juror_declares_a_conflict_with_a_reason_and_withdraws_it(
    evaluation, make_juror, make_idea, enter_in_challenge
):
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation)
    score_all(juror, entry)
    jury.declare_recusal(actor=juror, entry=entry, reason="  Ohjasin  tiimiä  ")
    db.session.commit()
    recusal = db.session.scalar(select(Recusal))
    assert recusal.reason == "Ohjasin tiimiä"
    view = jury.overview(evaluation)
    assert view.assigned(juror) == [] and view.counting_cards() == []
    assert [r.recusal.reason for r in view.recusals()] == ["Ohjasin tiimiä"]
    assert "declared a conflict" in permissions.scorecard_refusal(juror, evaluation, entry)
    jury.withdraw_recusal(actor=juror, entry=entry)
    db.session.commit()
    assert len(jury.overview(evaluation).counting_cards()) == 1  # the scorecard counts again


def test_a_recusal_needs_a_reason_of_reasonable_length(
    evaluation, make_juror, make_idea, enter_in_challenge
):
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation)
    for reason in ("", "   ", "x" * (jury.REASON_MAX + 1)):
        with pytest.raises(jury.JuryError) as e:
            jury.declare_recusal(actor=juror, entry=entry, reason=reason)
        assert e.value.field == "reason"
    assert db.session.scalar(select(func.count()).select_from(Recusal)) == 0


def test_only_jurors_declare_conflicts_and_not_after_evaluation(
    make_challenge, make_juror, make_user, make_idea, enter_in_challenge, evaluation
):
    entry = enter_in_challenge(evaluation, make_idea())
    with pytest.raises(jury.JuryError, match="Only the challenge's jury"):
        jury.declare_recusal(actor=make_user(), entry=entry, reason="Tunnen tiimin")
    results = make_challenge(phase="results", criteria=jury_criteria())
    late = enter_in_challenge(results, make_idea())
    juror = make_juror(results)
    with pytest.raises(jury.JuryError, match="Evaluation has ended"):
        jury.declare_recusal(actor=juror, entry=late, reason="Tunnen tiimin")


# --- Scoring ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phase", "message"),
    [
        ("submission", "Scoring opens when the evaluation phase starts."),
        ("voting", "Scoring opens when the evaluation phase starts."),
        ("results", "Evaluation has ended; the scorecards can no longer be changed."),
        ("closed", "Evaluation has ended; the scorecards can no longer be changed."),
    ],
)
def test_scoring_is_refused_outside_the_evaluation_phase(
    make_challenge, make_juror, make_idea, enter_in_challenge, phase, message
):
    challenge = make_challenge(phase=phase, criteria=jury_criteria())
    entry = enter_in_challenge(challenge, make_idea())
    juror = make_juror(challenge)
    with pytest.raises(jury.JuryError) as e:
        jury.save_score(actor=juror, entry=entry, criterion_id=challenge.criteria[0].id, value=4)
    assert str(e.value) == message
    with pytest.raises(jury.JuryError, match=message):
        jury.save_scorecard(actor=juror, entry=entry, scores={}, note="Hyvä")
    assert db.session.scalar(select(func.count()).select_from(Scorecard)) == 0


def test_a_juror_scores_a_criterion_and_changes_the_score(
    evaluation, make_juror, make_idea, enter_in_challenge
):
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation)
    spread = criteria(evaluation)["Levitettävyys"]
    jury.save_score(actor=juror, entry=entry, criterion_id=spread.id, value="4")
    jury.save_score(actor=juror, entry=entry, criterion_id=spread.id, value=5)
    db.session.commit()
    assert db.session.scalars(select(Score.value)).all() == [5]
    view = jury.overview(evaluation)
    assert not view.is_done(juror, entry) and view.scored_count(juror, entry) == 1


@pytest.mark.parametrize("value", [0, 6, "7", "x", "", None, "3.5", "²", "-1"])
def test_only_whole_points_from_1_to_5_are_saved(
    evaluation, make_juror, make_idea, enter_in_challenge, value
):
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation)
    with pytest.raises(jury.JuryError, match="Choose a score from 1 to 5"):
        jury.save_score(
            actor=juror, entry=entry, criterion_id=evaluation.criteria[0].id, value=value
        )
    assert db.session.scalar(select(func.count()).select_from(Score)) == 0


def test_a_criterion_of_another_challenge_is_refused(
    evaluation, make_challenge, make_juror, make_idea, enter_in_challenge
):
    other = make_challenge(phase="evaluation", criteria=jury_criteria())
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation)
    with pytest.raises(jury.JuryError, match="Choose one of the criteria"):
        jury.save_score(actor=juror, entry=entry, criterion_id=other.criteria[0].id, value=3)


def test_a_conflicted_juror_cannot_score(evaluation, make_juror, make_idea, enter_in_challenge):
    juror = make_juror(evaluation)
    entry = enter_in_challenge(evaluation, make_idea(author=juror))
    with pytest.raises(jury.JuryError, match="You cannot score this entry"):
        jury.save_score(actor=juror, entry=entry, criterion_id=evaluation.criteria[0].id, value=3)
    with pytest.raises(jury.JuryError, match="You cannot score this entry"):
        jury.save_note(actor=juror, entry=entry, note="Hyvä idea")


def test_a_member_outside_the_jury_cannot_score(
    evaluation, moderator, make_user, make_idea, enter_in_challenge
):
    entry = enter_in_challenge(evaluation, make_idea())
    for outsider in (make_user(), moderator):  # managers read the scorecards but do not score
        with pytest.raises(jury.JuryError, match="Only the challenge's jury"):
            jury.save_score(
                actor=outsider, entry=entry, criterion_id=evaluation.criteria[0].id, value=3
            )


def test_a_hidden_entry_is_not_scored(evaluation, make_juror, make_idea, enter_in_challenge):
    entry = enter_in_challenge(evaluation, make_idea(status=IdeaStatus.HIDDEN))
    juror = make_juror(evaluation)
    with pytest.raises(jury.JuryError, match="no longer public"):
        jury.save_score(actor=juror, entry=entry, criterion_id=evaluation.criteria[0].id, value=3)


def test_the_whole_scorecard_saves_all_or_nothing(
    evaluation, make_juror, make_idea, enter_in_challenge
):
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation)
    spread, cost = evaluation.criteria
    with pytest.raises(jury.JuryError, match="for “Kustannukset”") as e:
        jury.save_scorecard(
            actor=juror, entry=entry, scores={spread.id: "5", cost.id: "9"}, note="Hyvä"
        )
    assert e.value.field == f"criterion-{cost.id}"
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Scorecard)) == 0
    card = jury.save_scorecard(
        actor=juror, entry=entry, scores={spread.id: "5", cost.id: ""}, note="  Hyvä  "
    )
    db.session.commit()
    assert card.note == "Hyvä" and {s.criterion_id: s.value for s in card.scores} == {spread.id: 5}


def test_a_note_has_a_length_limit(evaluation, make_juror, make_idea, enter_in_challenge):
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation)
    with pytest.raises(jury.JuryError, match="at most") as e:
        jury.save_note(actor=juror, entry=entry, note="x" * (jury.NOTE_MAX + 1))
    assert e.value.field == "note"


def test_an_unverified_juror_confirms_their_address_first(
    evaluation, make_juror, make_idea, enter_in_challenge
):
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation, verified=False)
    with pytest.raises(jury.JuryError, match="Confirm your e-mail address"):
        jury.save_score(actor=juror, entry=entry, criterion_id=evaluation.criteria[0].id, value=3)


# --- Progress, coverage and the ranking ------------------------------------------------------


def test_progress_coverage_and_ranking(
    make_challenge, make_juror, make_org, make_user, make_idea, enter_in_challenge
):
    challenge = make_challenge(
        phase="evaluation", criteria=jury_criteria(), jury_quorum=2, jury_weight=70
    )
    org = make_org()
    first = make_juror(challenge, organisation=org)
    second = make_juror(challenge)
    strong = enter_in_challenge(challenge, make_idea(), votes=2)
    weak = enter_in_challenge(challenge, make_idea(), votes=8)
    own = enter_in_challenge(challenge, make_idea(author=make_user(organisation=org)))
    score_all(first, strong, (5, 5))
    score_all(first, weak, (1, 1))
    score_all(second, strong, (4, 4))
    score_all(second, own, (3, 3))
    jury.save_score(actor=second, entry=weak, criterion_id=challenge.criteria[0].id, value=2)
    db.session.commit()

    view = jury.overview(challenge)
    progress = {p.juror.id: p for p in view.progress()}
    assert (progress[first.id].done, progress[first.id].assigned) == (2, 2)
    assert progress[first.id].conflicts == 1
    assert (progress[second.id].done, progress[second.id].assigned) == (2, 3)
    coverage = {c.entry.id: c for c in view.coverage()}
    assert coverage[strong.id].independent == 2 and not coverage[strong.id].below_quorum
    assert coverage[weak.id].independent == 1 and coverage[weak.id].below_quorum
    assert coverage[own.id].independent == 1 and coverage[own.id].below_quorum

    rows = {r.entry_id: r for r in view.ranking()}
    assert rows[strong.id].raw == 4.5 and rows[strong.id].rank == 1
    assert rows[weak.id].raw == 1 and rows[weak.id].vote_share == 1
    assert rows[weak.id].combined == pytest.approx(0.7 * 0 + 0.3 * 1)
    challenge.score_mode = ScoreMode.NORMALISED
    rows = {r.entry_id: r for r in jury.overview(challenge).ranking()}
    assert rows[strong.id].rank == 1 and rows[strong.id].jury == 1


def test_member_candidates_match_names_and_leave_out_jurors(
    evaluation, make_user, make_juror, moderator
):
    aino = make_user(name="Aino Virtanen", email="aino@example.fi")
    make_user(name="Ville Ainola", email="ville@example.fi")
    make_user(name="Aino Poissa", active=False)
    make_juror(evaluation, name="Aino Juror")
    names = [u.name for u in jury.member_candidates(evaluation, "ain")]
    assert names == ["Aino Virtanen", "Ville Ainola"]
    assert [u.name for u in jury.member_candidates(evaluation, "virt")] == ["Aino Virtanen"]
    assert jury.member_candidates(evaluation, "a") == []
    assert jury.member_candidates(evaluation, "%") == []
    assert jury.member_candidates(evaluation, "aino@example.fi") == [aino]


def test_role_does_not_matter_for_a_juror(evaluation, make_juror, make_idea, enter_in_challenge):
    """An area contact of another organisation scores like any juror."""
    entry = enter_in_challenge(evaluation, make_idea())
    juror = make_juror(evaluation, role=Role.AREA_CONTACT)
    score_all(juror, entry)
    assert jury.overview(evaluation).is_done(juror, entry)
    assert permissions.can_score(juror, evaluation, entry, utcnow())


def test_the_demo_names_a_jury_with_a_recusal_and_scorecards(
    evaluation, make_user, make_idea, enter_in_challenge
):
    from idealaari.demo.jury import load_jury_demo

    entries = [enter_in_challenge(evaluation, make_idea()) for _ in range(3)]
    jurors = [make_user() for _ in range(3)]
    saved = load_jury_demo(evaluation, jurors)
    db.session.commit()
    assert saved == 8  # 3 jurors x 3 entries, less the one the first juror declared
    view = jury.overview(evaluation)
    assert [r.juror for r in view.recusals()] == [jurors[0]]
    assert sum(p.done for p in view.progress()) == 8
    assert all(not r.below_quorum for r in view.ranking())
    ranked = [r for r in view.ranking() if r.rank is not None]
    assert len(ranked) == len(entries)


def test_the_partial_demo_leaves_evaluation_under_way(
    evaluation, make_user, make_idea, enter_in_challenge
):
    from idealaari.demo.jury import load_jury_demo

    for _ in range(4):
        enter_in_challenge(evaluation, make_idea())
    jurors = [make_user() for _ in range(3)]
    load_jury_demo(evaluation, jurors, partial=True)
    db.session.commit()
    view = jury.overview(evaluation)
    progress = view.progress()
    assert any(p.done < p.assigned for p in progress)
    assert any(c.below_quorum for c in view.coverage())
