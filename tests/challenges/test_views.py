"""Challenge pages, each rule tested from the side that must be refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from idealaari.accounts.models import Role
from idealaari.challenges.models import Challenge, ChallengeStatus, Entry, PhaseChange
from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from tests.challenges.conftest import DAY


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def local(dt) -> str:
    from zoneinfo import ZoneInfo

    return dt.astimezone(ZoneInfo("Europe/Helsinki")).strftime("%Y-%m-%dT%H:%M")


def form(owner_id, **overrides) -> dict:
    now = utcnow()
    data = {
        "title": "Miten tavoitamme ikääntyneet?",
        "summary": "Etsimme tapoja tavoittaa ikääntyneet.",
        "brief": "Taustaa",
        "problem_owner": str(owner_id),
        "submission_opens_at": local(now + DAY),
        "submission_closes_at": local(now + 10 * DAY),
        "voting_closes_at": local(now + 15 * DAY),
        "evaluation_closes_at": local(now + 25 * DAY),
        "closes_at": local(now + 60 * DAY),
        "voting_mode": "single",
        "vote_budget": "3",
        "score_mode": "normalised",
        "jury_quorum": "2",
        "jury_weight": "70",
        "criteria": "Levitettävyys | 2\nVaikuttavuus | 3",
    }
    data.update(overrides)
    return data


# --- Proposing -------------------------------------------------------------------------------


def test_an_area_contact_proposes_a_challenge_through_the_form(client, login, area_contact):
    login(area_contact)
    assert client.get("/challenges/new").status_code == 200
    resp = client.post("/challenges/new", data=form(area_contact.organisation_id))
    assert resp.status_code == 303
    c = db.session.scalar(select(Challenge))
    assert c.status == ChallengeStatus.PROPOSED
    assert [(x.name, x.weight) for x in c.criteria] == [("Levitettävyys", 2), ("Vaikuttavuus", 3)]
    assert "A moderator will review the proposal" in client.get(resp.location).text


def test_the_form_keeps_what_was_typed_and_says_what_is_wrong(client, login, area_contact):
    login(area_contact)
    data = form(area_contact.organisation_id, closes_at="huomenna", criteria="Laatu | paljon")
    resp = client.post("/challenges/new", data=data)
    assert resp.status_code == 422
    assert "Give a date and time" in resp.text
    assert "Miten tavoitamme ikääntyneet?" in resp.text
    assert count(Challenge) == 0


def test_dates_out_of_order_are_refused_next_to_the_field(client, login, area_contact):
    login(area_contact)
    now = utcnow()
    data = form(
        area_contact.organisation_id,
        submission_closes_at=local(now + 12 * 3600 * timedelta(seconds=1)),
    )
    resp = client.post("/challenges/new", data=data)
    assert resp.status_code == 422 and "must come after" in resp.text
    assert count(Challenge) == 0


@pytest.mark.parametrize("role", [Role.MEMBER])
def test_plain_members_and_visitors_cannot_propose(client, login, make_user, role):
    assert client.get("/challenges/new").status_code in (302, 401)
    user = login(make_user(role=role))
    assert client.get("/challenges/new").status_code == 403
    resp = client.post("/challenges/new", data=form(user.organisation_id))
    assert resp.status_code == 403 and count(Challenge) == 0


def test_a_crafted_post_for_another_organisation_is_refused(client, login, area_contact, make_org):
    login(area_contact)
    resp = client.post("/challenges/new", data=form(make_org().id))
    assert resp.status_code == 422 and count(Challenge) == 0


# --- Visibility and approval ------------------------------------------------------------------


def test_a_proposal_is_seen_by_its_managers_and_moderators_only(
    client, login, area_contact, moderator, make_user
):
    from idealaari.challenges import services
    from tests.challenges.conftest import fields

    c = services.propose_challenge(actor=area_contact, values=fields(area_contact.organisation))
    db.session.commit()
    url = f"/challenges/{c.id}-{c.slug}"
    assert client.get(url).status_code == 404
    assert c.title not in client.get("/challenges").text
    login(make_user())
    assert client.get(url).status_code == 404
    assert client.get(f"/challenges/{c.id}/manage").status_code == 404
    login(area_contact)
    assert client.get(url).status_code == 200
    login(moderator)
    page = client.get("/challenges").text
    assert "Waiting for approval" in page and c.title in page
    resp = client.post(f"/challenges/{c.id}/decide", data={"decision": "approve", "note": ""})
    assert resp.status_code == 303
    db.session.expire_all()
    assert db.session.get(Challenge, c.id).status == ChallengeStatus.APPROVED


def test_only_moderators_can_approve(client, login, area_contact):
    from idealaari.challenges import services
    from tests.challenges.conftest import fields

    c = services.propose_challenge(actor=area_contact, values=fields(area_contact.organisation))
    db.session.commit()
    login(area_contact)  # a manager, but not a moderator
    resp = client.post(f"/challenges/{c.id}/decide", data={"decision": "approve"})
    assert resp.status_code == 403
    db.session.expire_all()
    assert db.session.get(Challenge, c.id).status == ChallengeStatus.PROPOSED


# --- The challenge page ------------------------------------------------------------------------


def test_the_page_shows_the_timeline_and_what_happens_next(client, make_challenge):
    c = make_challenge(phase="submission")
    c.submission_closes_at = utcnow() + 5 * DAY + timedelta(hours=2)
    db.session.commit()
    page = client.get(f"/challenges/{c.id}-{c.slug}").text
    assert "5 days left to enter ideas" in page
    assert 'aria-current="step"' in page and "Submission" in page
    assert "Questions and answers (0)" in page
    assert f'id="follow-challenge-{c.id}"' not in page  # visitors get no follow button


def test_finnish_says_how_many_days_are_left(client, make_challenge):
    c = make_challenge(phase="submission")
    c.submission_closes_at = utcnow() + 5 * DAY + timedelta(hours=2)
    db.session.commit()
    client.set_cookie("idealaari_lang", "fi", domain="idealaari.test")
    page = client.get(f"/challenges/{c.id}-{c.slug}").text
    assert "Ehdotusten jättöaikaa on 5 päivää" in page


def test_a_wrong_slug_redirects_and_an_unknown_challenge_is_404(client, make_challenge):
    c = make_challenge()
    resp = client.get(f"/challenges/{c.id}-vanha")
    assert resp.status_code == 301 and resp.location.endswith(f"/challenges/{c.id}-{c.slug}")
    assert client.get("/challenges/999999").status_code == 404


def test_the_list_by_state_theme_and_owner(client, make_challenge, make_theme, make_org):
    theme = make_theme()
    other = make_org(name="Kainuun hyvinvointialue")
    open_ = make_challenge(phase="submission", title="Avoin haaste", themes=[theme])
    make_challenge(phase="upcoming", title="Tuleva haaste")
    make_challenge(phase="closed", title="Mennyt haaste", owner=other)
    page = client.get("/challenges").text
    assert "Avoin haaste" in page and "Tuleva haaste" not in page and "Mennyt haaste" not in page
    assert "Tuleva haaste" in client.get("/challenges?state=upcoming").text
    assert "Mennyt haaste" in client.get("/challenges?state=past").text
    assert "Avoin haaste" in client.get(f"/challenges?theme={theme.id}").text
    assert "Avoin haaste" not in client.get(f"/challenges?theme={theme.id + 1}").text
    assert "Mennyt haaste" in client.get(f"/challenges?state=past&owner={other.code}").text
    assert (
        "Mennyt haaste"
        not in client.get(f"/challenges?state=past&owner={open_.problem_owner.code}").text
    )
    # Nonsense filters are ignored, not 500s.
    assert client.get("/challenges?state=x&theme=abc&owner=%00").status_code == 200


# --- Entering -----------------------------------------------------------------------------------


def test_entering_through_the_page(client, login, make_challenge, make_user, make_idea):
    c = make_challenge()
    member = make_user()
    idea = make_idea(author=member, title="Kylätalon digituki")
    login(member)
    page = client.get(f"/challenges/{c.id}/enter").text
    assert "Kylätalon digituki" in page
    resp = client.post(f"/challenges/{c.id}/enter", data={"idea": str(idea.id)})
    assert resp.status_code == 303
    page = client.get(f"/challenges/{c.id}-{c.slug}").text
    assert "Kylätalon digituki" in page and "Withdraw the entry" in page


def test_a_crafted_post_with_someone_elses_idea_is_refused(
    client, login, make_challenge, make_user, make_idea
):
    c = make_challenge()
    login(make_user())
    resp = client.post(f"/challenges/{c.id}/enter", data={"idea": str(make_idea().id)})
    assert resp.status_code == 422 and count(Entry) == 0
    resp = client.post(f"/challenges/{c.id}/enter", data={"idea": "99999999999"})
    assert resp.status_code == 422 and count(Entry) == 0


@pytest.mark.parametrize(
    ("phase", "message"), [("upcoming", "not opened yet"), ("voting", "has closed")]
)
def test_entering_outside_submission_says_why(
    client, login, make_challenge, make_user, make_idea, phase, message
):
    c = make_challenge(phase=phase)
    member = login(make_user())
    idea = make_idea(author=member)
    assert message in client.get(f"/challenges/{c.id}/enter").text
    resp = client.post(f"/challenges/{c.id}/enter", data={"idea": str(idea.id)})
    assert resp.status_code == 422 and message in resp.text and count(Entry) == 0


def test_visitors_are_sent_to_log_in(client, make_challenge):
    c = make_challenge()
    assert client.get(f"/challenges/{c.id}/enter").status_code in (302, 401)


def test_withdrawing_is_refused_to_others(client, login, make_challenge, make_user, make_idea):
    from idealaari.challenges import services

    c = make_challenge()
    member = make_user()
    entry = services.enter_idea(actor=member, challenge=c, idea=make_idea(author=member))
    db.session.commit()
    login(make_user())
    resp = client.post(f"/challenges/{c.id}/entries/{entry.id}/withdraw")
    assert resp.status_code == 403 and count(Entry) == 1
    login(member)
    assert client.post(f"/challenges/{c.id}/entries/{entry.id}/withdraw").status_code == 303
    assert count(Entry) == 0


# --- Questions ----------------------------------------------------------------------------------


def test_members_ask_questions_during_submission(client, login, make_challenge, make_user):
    c = make_challenge(phase="submission")
    login(make_user())
    resp = client.post(f"/challenges/{c.id}/comments", data={"body": "Saako osallistua yhdessä?"})
    assert resp.status_code in (200, 303) and count(Comment) == 1


def test_no_questions_before_submission_opens(client, login, make_challenge, make_user):
    c = make_challenge(phase="upcoming")
    login(make_user())
    resp = client.post(f"/challenges/{c.id}/comments", data={"body": "Kysymys"})
    assert resp.status_code in (403, 422) and count(Comment) == 0


# --- Managers -----------------------------------------------------------------------------------


def test_managers_end_a_phase_and_others_cannot(client, login, make_challenge, make_user):
    c = make_challenge(phase="submission")
    login(make_user())
    assert client.get(f"/challenges/{c.id}/manage").status_code == 403
    resp = client.post(f"/challenges/{c.id}/timeline", data={"action": "end_now"})
    assert resp.status_code == 403 and count(PhaseChange) == 0
    login(c.managers[0])
    assert client.get(f"/challenges/{c.id}/manage").status_code == 200
    resp = client.post(
        f"/challenges/{c.id}/timeline", data={"action": "end_now", "reason": "Valmis"}
    )
    assert resp.status_code == 303 and count(PhaseChange) == 1
    page = client.get(f"/challenges/{c.id}/manage").text
    assert "Changes to the timeline" in page and "Valmis" in page


def test_extending_without_a_date_says_so(client, login, make_challenge):
    c = make_challenge(phase="submission")
    login(c.managers[0])
    resp = client.post(f"/challenges/{c.id}/timeline", data={"action": "extend"})
    assert resp.status_code == 422 and "Give the new end." in resp.text
    assert count(PhaseChange) == 0


def test_following_a_challenge(client, login, make_challenge, make_user):
    c = make_challenge()
    login(make_user())
    page = client.get(f"/challenges/{c.id}-{c.slug}").text
    assert f'id="follow-challenge-{c.id}"' in page
    resp = client.post(f"/follow/challenge/{c.id}")
    assert resp.status_code in (200, 303)


def test_the_idea_page_names_its_challenges_and_the_version_entered(
    client, make_challenge, make_user, make_idea
):
    from idealaari.challenges import services

    c = make_challenge(phase="submission")
    member = make_user()
    idea = make_idea(author=member, title="Kylätalon digituki")
    services.enter_idea(actor=member, challenge=c, idea=idea)
    db.session.commit()
    page = client.get(f"/ideas/{idea.id}-{idea.slug}").text
    assert "In challenges" in page and c.title in page and "Version entered" not in page
    c.submission_closes_at = utcnow() - timedelta(minutes=1)
    idea.revisions[0].created_at = utcnow() - timedelta(hours=1)  # saved before it closed
    db.session.commit()
    page = client.get(f"/ideas/{idea.id}-{idea.slug}").text
    assert "Version entered: #1" in page and "#revision-1" in page
    assert 'id="revision-1"' in client.get(f"/ideas/{idea.id}/history").text
