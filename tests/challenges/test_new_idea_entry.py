""" "Create a new idea for this challenge": the form starts with the challenge's themes, and the
idea is entered when it is published; every refusal keeps the idea and says why."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from idealaari.challenges.models import Challenge, ChallengeStatus, Entry
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.organisations.models import OrganisationKind

NOTICE = 'id="new-idea-challenge"'


def idea_form(**overrides) -> dict:
    data = {
        "title": "Digituki kirjaston lukusalissa",
        "summary": "Vapaaehtoiset neuvovat ikääntyneitä digipalveluissa kirjastossa.",
        "need": "Moni ikääntynyt ei osaa käyttää digipalveluja.",
        "body": "Kokeillaan kahdessa kirjastossa.",
        "phase": "ideation",
        "publish": "1",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def entries() -> list[Entry]:
    return list(db.session.scalars(select(Entry)))


def the_idea() -> Idea:
    return db.session.scalar(select(Idea))


@pytest.fixture
def themed(make_challenge, make_theme):
    """A challenge in submission with two themes, and a theme it does not have."""
    first, second, other = make_theme(), make_theme(), make_theme()
    challenge = make_challenge(themes=[first, second])
    return challenge, [first, second], other


def test_the_challenge_page_offers_a_new_idea(client, login, make_user, themed):
    challenge, _themes, _other = themed
    login(make_user())
    page = client.get(f"/challenges/{challenge.id}-{challenge.slug}").text
    assert f'href="/ideas/new?challenge={challenge.id}"' in page
    assert "Create a new idea for this challenge" in page
    enter = client.get(f"/challenges/{challenge.id}/enter").text
    assert f'href="/ideas/new?challenge={challenge.id}"' in enter


def test_the_link_is_not_offered_outside_submission(client, login, make_user, make_challenge):
    challenge = make_challenge(phase="voting")
    login(make_user())
    page = client.get(f"/challenges/{challenge.id}-{challenge.slug}").text
    assert "/ideas/new?challenge=" not in page


def test_the_form_starts_with_the_challenges_themes(client, login, make_user, themed):
    challenge, themes, other = themed
    login(make_user())
    page = client.get(f"/ideas/new?challenge={challenge.id}").text
    assert NOTICE in page and challenge.title in page
    assert f'<input type="hidden" name="challenge" value="{challenge.id}">' in page
    checked = re.findall(
        r'<input checked id="themes-\d+" name="themes" type="checkbox" value="(\d+)"', page
    )
    assert sorted(checked) == sorted(str(t.id) for t in themes)
    assert str(other.id) not in checked


def test_a_published_idea_is_entered_and_the_member_lands_on_the_challenge(
    client, login, make_user, themed
):
    challenge, themes, _other = themed
    member = login(make_user())
    data = idea_form(
        challenge=str(challenge.id),
        themes=[str(t.id) for t in themes],
        organisation=str(member.organisation_id),
    )
    resp = client.post("/ideas/new", data=data)
    assert resp.status_code == 303
    assert resp.location.endswith(f"/challenges/{challenge.id}-{challenge.slug}#entries")
    idea = the_idea()
    assert idea.status == IdeaStatus.PUBLISHED
    assert [(e.challenge_id, e.idea_id, e.entered_by_id) for e in entries()] == [
        (challenge.id, idea.id, member.id)
    ]
    page = client.get(resp.location).text
    assert "Your idea is published and entered in the challenge" in page
    assert idea.title in page


def test_a_draft_is_saved_and_not_entered(client, login, make_user, themed):
    challenge, _themes, _other = themed
    member = login(make_user())
    data = idea_form(
        challenge=str(challenge.id),
        organisation=str(member.organisation_id),
        publish=None,
        save_draft="1",
    )
    resp = client.post("/ideas/new", data=data)
    assert resp.status_code == 303
    idea = the_idea()
    assert idea.status == IdeaStatus.DRAFT and entries() == []
    page = client.get(resp.location).text
    assert "Your draft is saved." in page
    assert "you can enter it in the challenge" in page


def test_a_challenge_closed_meanwhile_keeps_the_idea_and_says_why(client, login, make_user, themed):
    challenge, _themes, _other = themed
    member = login(make_user())
    assert NOTICE in client.get(f"/ideas/new?challenge={challenge.id}").text
    challenge.submission_closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    data = idea_form(challenge=str(challenge.id), organisation=str(member.organisation_id))
    resp = client.post("/ideas/new", data=data)
    assert resp.status_code == 303
    idea = the_idea()
    assert idea.status == IdeaStatus.PUBLISHED and entries() == []
    page = client.get(resp.location).text
    assert "Your idea is published." in page
    assert "It was not entered in the challenge" in page
    assert "Submission has closed" in page


def test_a_member_who_may_not_enter_is_told_so_on_the_form(
    client, login, make_user, make_org, make_challenge, make_theme
):
    theme = make_theme()
    challenge = make_challenge(
        themes=[theme], eligible_kinds=[OrganisationKind.WELLBEING_AREA.value]
    )
    member = login(make_user(organisation=make_org(kind=OrganisationKind.COMPANY)))
    page = client.get(f"/ideas/new?challenge={challenge.id}").text
    assert NOTICE in page
    assert "This idea will not be entered" in page and "some kinds of organisation" in page
    assert 'name="challenge"' not in page
    assert "checked" not in page  # no themes chosen for an idea that is not entered

    # A crafted post naming the challenge saves the idea and enters nothing.
    data = idea_form(challenge=str(challenge.id), organisation=str(member.organisation_id))
    resp = client.post("/ideas/new", data=data)
    assert resp.status_code == 303
    assert the_idea().status == IdeaStatus.PUBLISHED and entries() == []
    page = client.get(resp.location).text
    assert "It was not entered in the challenge" in page and "some kinds of organisation" in page


def test_a_closed_challenge_is_ignored_politely(client, login, make_user, make_challenge):
    challenge = make_challenge(phase="closed")
    login(make_user())
    resp = client.get(f"/ideas/new?challenge={challenge.id}")
    assert resp.status_code == 200
    assert "This idea will not be entered" in resp.text
    assert 'name="challenge"' not in resp.text


def test_a_proposal_is_not_revealed_nor_entered(client, login, make_user, make_challenge):
    challenge = make_challenge()
    challenge.status = ChallengeStatus.PROPOSED
    db.session.commit()
    member = login(make_user())
    page = client.get(f"/ideas/new?challenge={challenge.id}").text
    assert NOTICE not in page and challenge.title not in page
    data = idea_form(challenge=str(challenge.id), organisation=str(member.organisation_id))
    resp = client.post("/ideas/new", data=data)
    assert resp.status_code == 302  # as any new idea
    assert the_idea().status == IdeaStatus.PUBLISHED and entries() == []
    assert challenge.title not in client.get(resp.location).text


@pytest.mark.parametrize("raw", ["abc", "0", "-3", "999999", "99999999999999999999", ""])
def test_a_bogus_challenge_id_is_ignored(client, login, make_user, raw):
    member = login(make_user())
    resp = client.get(f"/ideas/new?challenge={raw}")
    assert resp.status_code == 200 and NOTICE not in resp.text
    data = idea_form(challenge=raw, organisation=str(member.organisation_id))
    resp = client.post("/ideas/new", data=data)
    assert resp.status_code == 302  # as any new idea
    assert the_idea() is not None and entries() == []
    assert db.session.scalar(select(Challenge)) is None


def test_an_invalid_idea_keeps_the_challenge_along(client, login, make_user, themed):
    challenge, _themes, _other = themed
    member = login(make_user())
    data = idea_form(
        challenge=str(challenge.id), title="", organisation=str(member.organisation_id)
    )
    resp = client.post("/ideas/new", data=data)
    assert resp.status_code == 422
    assert NOTICE in resp.text
    assert f'name="challenge" value="{challenge.id}"' in resp.text
    assert the_idea() is None and entries() == []
