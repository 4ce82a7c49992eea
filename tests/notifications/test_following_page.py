"""The followed page ("Seuraamani"): what the member follows, by kind, with unfollow buttons."""

from __future__ import annotations

from idealaari.ideas.models import IdeaStatus
from idealaari.notifications import queries
from tests.test_reads_do_not_write import recorded_writes


def test_lists_followed_ideas_organisations_and_themes_by_kind(
    client, login, make_user, make_idea, make_org, make_theme, follow
):
    member = login(make_user())
    idea = make_idea(title="Kotihoidon etäkäynnit")
    org = make_org(name="Pirkanmaan hyvinvointialue")
    theme = make_theme(name="Digitaaliset palvelut")
    follow(member, "idea", idea.id)
    follow(member, "organisation", org.id)
    follow(member, "theme", theme.id)
    page = client.get("/notifications/following")
    assert page.status_code == 200 and page.text.count("<h1") == 1
    text = page.text
    assert "What I follow" in text
    assert text.index('id="following-idea"') < text.index('id="following-organisation"')
    assert text.index('id="following-organisation"') < text.index('id="following-theme"')
    assert f'href="/ideas/{idea.id}-{idea.slug}"' in text
    assert f'href="/organisations/{org.code}"' in text
    assert f'href="/themes/{theme.id}-{theme.slug}"' in text
    for kind, target_id in (("idea", idea.id), ("organisation", org.id), ("theme", theme.id)):
        assert f'action="/unfollow/{kind}/{target_id}"' in text


def test_unfollow_without_javascript_comes_back_to_the_page(
    client, login, make_user, make_theme, follow
):
    member = login(make_user())
    theme = make_theme()
    follow(member, "theme", theme.id)
    resp = client.post(f"/unfollow/theme/{theme.id}", data={"next": "/notifications/following"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/notifications/following")
    assert not queries.is_following(member, "theme", theme.id)
    page = client.get("/notifications/following").text
    assert "You no longer follow it." in page and "You follow nothing yet." in page


def test_unfollow_with_htmx_names_the_target_and_keeps_focus(
    client, login, make_user, make_org, follow
):
    member = login(make_user())
    org = make_org(name="Pirkanmaan hyvinvointialue")
    follow(member, "organisation", org.id)
    resp = client.post(
        f"/unfollow/organisation/{org.id}",
        headers={"HX-Request": "true", "HX-Target": f"follow-organisation-{org.id}"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert 'aria-pressed="false"' in resp.text and "autofocus" in resp.text
    assert org.name in resp.text  # the button's accessible name says what it follows


def test_a_draft_or_removed_target_is_left_out(client, login, make_user, make_idea, follow):
    member = login(make_user())
    draft = make_idea(title="Keskeneräinen luonnos", status=IdeaStatus.DRAFT)
    follow(member, "idea", draft.id)
    follow(member, "theme", 987654)
    page = client.get("/notifications/following").text
    assert "Keskeneräinen luonnos" not in page and "You follow nothing yet." in page


def test_only_ones_own_follows(client, login, make_user, make_idea, follow):
    other = make_user()
    idea = make_idea(title="Jonkun muun seuraama")
    follow(other, "idea", idea.id)
    login(make_user())
    assert "Jonkun muun seuraama" not in client.get("/notifications/following").text


def test_is_for_members(client):
    resp = client.get("/notifications/following")
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]


def test_notifications_page_links_to_it(client, login, make_user):
    login(make_user())
    assert 'href="/notifications/following"' in client.get("/notifications").text


def test_reading_these_pages_writes_nothing(
    client, login, make_user, make_idea, make_theme, make_comment, follow
):
    member = login(make_user())
    idea = make_idea()
    theme = make_theme()
    follow(member, "idea", idea.id)
    follow(member, "theme", theme.id)
    make_comment(idea=idea, author=make_user())
    pages = [
        "/notifications",
        "/notifications/following",
        "/notifications/settings",
        "/notifications/bell",
        f"/themes/{theme.id}-{theme.slug}",
        f"/organisations/{idea.organisation.code}",
    ]
    for url in pages:
        with recorded_writes() as writes:
            resp = client.get(url)
        assert resp.status_code == 200, url
        assert writes == [], url
    assert queries.unread_count(member) == 1  # looking at the list is not opening


def test_settings_page_links_to_it(client, login, make_user):
    login(make_user())
    assert 'href="/notifications/following"' in client.get("/notifications/settings").text
