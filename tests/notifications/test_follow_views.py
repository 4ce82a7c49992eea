"""Following ideas, organisations and themes: plain form posts and htmx partials."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from idealaari import targets
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus
from idealaari.notifications.models import Follow
from idealaari.targets import TargetKind


def follows_of(user) -> list[tuple[str, int]]:
    db.session.expire_all()
    return [
        (f.target.value, f.target_id)
        for f in db.session.scalars(select(Follow).where(Follow.user_id == user.id))
    ]


@pytest.fixture
def target(make_idea, make_org, make_theme):
    """One thing of each kind to follow, by its kind's name."""

    def make(kind: str) -> int:
        if kind == "idea":
            return make_idea().id
        if kind == "organisation":
            return make_org().id
        return make_theme().id

    return make


@pytest.mark.parametrize("kind", ["idea", "organisation", "theme"])
def test_follow_and_unfollow_with_plain_posts(client, login, make_user, target, kind):
    member = login(make_user())
    target_id = target(kind)
    resp = client.post(f"/follow/{kind}/{target_id}", data={"next": "/organisations/"})
    assert resp.status_code == 303 and resp.headers["Location"] == "/organisations/"
    assert (kind, target_id) in follows_of(member)
    assert "You now follow it" in client.get("/organisations/").text

    resp = client.post(f"/unfollow/{kind}/{target_id}", data={"next": "/organisations/"})
    assert resp.status_code == 303
    assert (kind, target_id) not in follows_of(member)


@pytest.mark.parametrize("kind", ["idea", "organisation", "theme"])
def test_follow_with_htmx_swaps_the_button(client, login, make_user, target, htmx_headers, kind):
    member = login(make_user())
    target_id = target(kind)
    form_id = f"follow-{kind}-{target_id}"
    headers = {**htmx_headers, "HX-Target": form_id}
    resp = client.post(f"/follow/{kind}/{target_id}", headers=headers)
    assert resp.status_code == 200 and "<html" not in resp.text
    assert f'id="{form_id}"' in resp.text and 'aria-pressed="true"' in resp.text
    assert f"/unfollow/{kind}/{target_id}" in resp.text
    resp = client.post(f"/unfollow/{kind}/{target_id}", headers=headers)
    assert 'aria-pressed="false"' in resp.text and f"/follow/{kind}/{target_id}" in resp.text
    assert follows_of(member) == []


def test_following_twice_is_harmless(client, login, make_user, make_idea):
    member = login(make_user())
    idea = make_idea()
    client.post(f"/follow/idea/{idea.id}")
    client.post(f"/follow/idea/{idea.id}")
    assert follows_of(member) == [("idea", idea.id)]


def test_boosted_request_gets_the_redirect_not_a_fragment(client, login, make_user, make_idea):
    login(make_user())
    idea = make_idea()
    resp = client.post(
        f"/follow/idea/{idea.id}",
        headers={"HX-Request": "true", "HX-Boosted": "true", "HX-Target": f"follow-idea-{idea.id}"},
    )
    assert resp.status_code == 303


def test_visitors_are_sent_to_log_in(client, make_idea, htmx_headers):
    idea = make_idea()
    resp = client.post(f"/follow/idea/{idea.id}")
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]
    resp = client.post(f"/follow/idea/{idea.id}", headers=htmx_headers)
    assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]
    followers = db.session.scalars(select(Follow.user_id).where(Follow.target_id == idea.id))
    assert list(followers) == [idea.author_id]  # only the author, who follows their own idea


@pytest.mark.parametrize(
    "url",
    [
        "/follow/idea/999999",
        "/follow/organisation/999999",
        "/follow/theme/999999",
        "/follow/member/1",
        "/unfollow/idea/999999",
    ],
)
def test_unknown_targets_are_404(client, login, make_user, url):
    login(make_user())
    assert client.post(url).status_code == 404


def test_someone_elses_draft_is_404(client, login, make_user, make_idea):
    draft = make_idea(status=IdeaStatus.DRAFT)
    member = login(make_user())
    assert client.post(f"/follow/idea/{draft.id}").status_code == 404
    assert client.post(f"/unfollow/idea/{draft.id}").status_code == 404
    assert follows_of(member) == []


def test_own_draft_can_be_followed(client, login, make_idea):
    draft = make_idea(status=IdeaStatus.DRAFT)
    login(draft.author)
    assert client.post(f"/follow/idea/{draft.id}").status_code == 303
    assert ("idea", draft.id) in follows_of(draft.author)


def test_idea_page_shows_the_follow_button(client, login, make_user, make_idea):
    idea = make_idea()
    login(make_user())
    page = client.get(f"/ideas/{idea.id}-{idea.slug}").text
    assert f'id="follow-idea-{idea.id}"' in page and 'aria-pressed="false"' in page


def test_followable_targets_are_ideas_organisations_themes_and_challenges(app):
    followable = {
        k.value for k in TargetKind if targets.parse_kind(k) and targets.target_type(k).followable
    }
    assert followable == {"idea", "organisation", "theme", "challenge"}
