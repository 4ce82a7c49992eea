"""Votes: one per member and idea, never for one's own idea, correct under parallel requests."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.votes import services
from idealaari.votes.models import Vote
from tests.conftest import logged_in_client

HTMX = {"HX-Request": "true", "HX-Target": None}


def htmx_for(idea):
    return {"HX-Request": "true", "HX-Target": f"vote-{idea.id}"}


def count(idea) -> int:
    db.session.commit()  # end this test's snapshot, so it sees what the requests committed
    return db.session.get(Idea, idea.id).vote_count


def test_vote_and_withdraw_plain_form(client, login, make_user, make_idea):
    idea = make_idea()
    login(make_user())
    resp = client.post(f"/ideas/{idea.id}/vote")
    assert resp.status_code == 303 and count(idea) == 1
    assert "Your vote is counted." in client.get(resp.headers["Location"]).text
    assert (
        client.post(f"/ideas/{idea.id}/vote").status_code == 303 and count(idea) == 1
    )  # twice = once
    assert client.post(f"/ideas/{idea.id}/unvote").status_code == 303 and count(idea) == 0
    assert client.post(f"/ideas/{idea.id}/unvote").status_code == 303 and count(idea) == 0


def test_vote_fragment(client, login, make_user, make_idea):
    idea = make_idea()
    login(make_user())
    resp = client.post(f"/ideas/{idea.id}/vote", headers=htmx_for(idea))
    assert resp.status_code == 200 and "<html" not in resp.text
    assert f'id="vote-{idea.id}"' in resp.text and 'aria-pressed="true"' in resp.text
    assert '<span class="vote-number">1</span>' in resp.text
    resp = client.post(f"/ideas/{idea.id}/unvote", headers=htmx_for(idea))
    assert '<span class="vote-number">0</span>' in resp.text and 'aria-pressed="false"' in resp.text


def test_author_and_co_editors_cannot_vote_and_are_told_why(client, login, make_user, make_idea):
    idea = make_idea()
    co = make_user()
    idea.co_editors.append(co)
    db.session.commit()
    for member in (idea.author, co):
        login(member)
        resp = client.post(f"/ideas/{idea.id}/vote", headers=htmx_for(idea))
        assert resp.status_code == 422
        assert "You cannot vote for an idea you are developing yourself." in resp.text
        plain = client.post(f"/ideas/{idea.id}/vote", follow_redirects=True)
        assert "You cannot vote for an idea you are developing yourself." in plain.text
    assert count(idea) == 0


def test_whoever_edits_the_idea_cannot_vote_for_it(client, login, make_user, make_org, make_idea):
    """The owning organisation's area contacts edit its ideas, so they cannot vote for them
    either: not through the button (there is none) nor through a crafted post."""
    idea = make_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    area_contact = make_user(role=Role.AREA_CONTACT, organisation=idea.organisation)
    db.session.commit()
    refusal = "You cannot vote for an idea you are developing yourself."
    for editor in (area_contact, co_editor, idea.author):
        login(editor)
        page = client.get(f"/ideas/{idea.id}-{idea.slug}").text
        assert refusal in page and f'action="/ideas/{idea.id}/vote"' not in page
        resp = client.post(f"/ideas/{idea.id}/vote", headers=htmx_for(idea))
        assert resp.status_code == 422 and refusal in resp.text
        plain = client.post(f"/ideas/{idea.id}/vote", follow_redirects=True)
        assert refusal in plain.text
    assert count(idea) == 0
    with pytest.raises(services.VoteError, match="developing yourself"):
        services.add_vote(idea=db.session.get(Idea, idea.id), voter=area_contact)
    db.session.rollback()
    # Members who do not edit it still vote: an area contact of another organisation too.
    others = (make_user(), make_user(role=Role.AREA_CONTACT, organisation=make_org()))
    for member in others:
        login(member)
        page = client.get(f"/ideas/{idea.id}-{idea.slug}").text
        assert f'action="/ideas/{idea.id}/vote"' in page
        assert client.post(f"/ideas/{idea.id}/vote").status_code == 303
    assert count(idea) == 2


def test_idea_page_shows_the_reason_instead_of_a_button(client, login, make_idea):
    idea = make_idea()
    login(idea.author)
    page = client.get(f"/ideas/{idea.id}-{idea.slug}").text
    assert "You cannot vote for an idea you are developing yourself." in page
    assert f'action="/ideas/{idea.id}/vote"' not in page


@pytest.mark.parametrize("status", [IdeaStatus.ARCHIVED, IdeaStatus.HIDDEN])
def test_no_votes_for_unpublished_ideas(client, login, make_user, make_idea, status):
    idea = make_idea(status=status)
    login(make_user(role=Role.MODERATOR))
    resp = client.post(f"/ideas/{idea.id}/vote", headers=htmx_for(idea))
    assert resp.status_code == 422 and "Only published ideas can be voted for." in resp.text
    assert count(idea) == 0


def test_votes_on_drafts_and_unknown_ideas_are_404(client, login, make_user, make_idea):
    draft = make_idea(status=IdeaStatus.DRAFT)
    login(make_user())
    assert client.post(f"/ideas/{draft.id}/vote").status_code == 404
    assert client.post("/ideas/987654/vote").status_code == 404


def test_visitors_are_sent_to_log_in(client, make_idea):
    idea = make_idea()
    assert client.post(f"/ideas/{idea.id}/vote").status_code == 302
    resp = client.post(f"/ideas/{idea.id}/vote", headers=htmx_for(idea))
    assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]
    assert "Log in to vote" in client.get(f"/ideas/{idea.id}-{idea.slug}").text


def test_service_refuses_own_idea(app, make_idea):
    idea = make_idea()
    with pytest.raises(services.VoteError):
        services.add_vote(idea=idea, voter=idea.author)


def test_lists_sort_by_most_votes(client, login, make_user, make_idea):
    quiet = make_idea(title="Hiljainen idea")
    popular = make_idea(title="Suosittu idea")
    for _ in range(2):
        login(make_user())
        client.post(f"/ideas/{popular.id}/vote")
    page = client.get("/ideas?sort=votes").text
    assert page.index("Suosittu idea") < page.index("Hiljainen idea")
    assert client.get("/api/v1/search?q=idea&sort=votes").get_json()["items"][0]["id"] == popular.id
    assert quiet.id


def test_parallel_votes_from_many_members_all_count(app, make_user, make_idea):
    idea = make_idea()
    voters = [make_user() for _ in range(8)]
    clients = [logged_in_client(app, v) for v in voters]
    url = f"/ideas/{idea.id}/vote"
    db.session.commit()
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda c: c.post(url).status_code, clients))
    assert statuses == [303] * 8
    assert count(idea) == 8
    assert (
        db.session.scalar(select(db.func.count()).select_from(Vote).where(Vote.idea_id == idea.id))
        == 8
    )


def test_parallel_double_clicks_count_once(app, make_user, make_idea):
    idea = make_idea()
    voter = make_user()
    clients = [logged_in_client(app, voter) for _ in range(6)]
    idea_id = idea.id
    db.session.commit()
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(lambda c: c.post(f"/ideas/{idea_id}/vote").status_code, clients))
    assert set(statuses) == {303}
    assert count(idea) == 1
    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(lambda c: c.post(f"/ideas/{idea_id}/unvote").status_code, clients))
    assert set(statuses) == {303}
    assert count(idea) == 0
