"""Theme pages: a theme's published ideas, newest first, paged, with the follow button."""

from __future__ import annotations

from datetime import timedelta

import pytest

from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus
from idealaari.notifications import queries


def theme_path(theme) -> str:
    return f"/themes/{theme.id}-{theme.slug}"


def test_lists_the_themes_published_ideas_newest_first(client, make_idea, make_theme):
    theme = make_theme(name="Digitaaliset palvelut")
    older = make_idea(title="Vanhempi idea", themes=[theme])
    newer = make_idea(title="Uudempi idea", themes=[theme])
    older.created_at = newer.created_at - timedelta(days=3)
    make_idea(title="Toisen teeman idea", themes=[make_theme()])
    make_idea(title="Luonnos teemassa", themes=[theme], status=IdeaStatus.DRAFT)
    make_idea(title="Arkistoitu teemassa", themes=[theme], status=IdeaStatus.ARCHIVED)
    db.session.commit()
    page = client.get(theme_path(theme))
    assert page.status_code == 200 and page.text.count("<h1") == 1
    text = page.text
    assert theme.name_en in text  # the name in the reader's language
    assert text.index("Uudempi idea") < text.index("Vanhempi idea")
    for hidden in ("Toisen teeman idea", "Luonnos teemassa", "Arkistoitu teemassa"):
        assert hidden not in text


def test_is_paged(app, client, make_idea, make_theme):
    app.config["IDEALAARI_IDEAS_PER_PAGE"] = 2
    theme = make_theme()
    for n in range(3):
        make_idea(title=f"Teeman idea {n}", themes=[theme])
    first = client.get(theme_path(theme)).text
    assert first.count('class="idea-card"') == 2
    assert f'href="{theme_path(theme)}?page=2"' in first
    second = client.get(theme_path(theme) + "?page=2").text
    assert second.count('class="idea-card"') == 1
    assert client.get(theme_path(theme) + "?page=99999999999").status_code == 404


def test_an_address_without_the_slug_redirects(client, make_theme):
    theme = make_theme()
    resp = client.get(f"/themes/{theme.id}?page=2&slug=x&_external=1")
    assert resp.status_code == 301
    assert resp.headers["Location"].endswith(f"{theme_path(theme)}?page=2")
    resp = client.get(f"/themes/{theme.id}-vanha-nimi")
    assert resp.status_code == 301 and resp.headers["Location"].endswith(theme_path(theme))


@pytest.mark.parametrize("path", ["/themes/987654", f"/themes/{2**63}", "/themes/987654-x"])
def test_an_unknown_theme_is_404(client, path):
    assert client.get(path).status_code == 404


def test_members_can_follow_the_theme(client, login, make_user, make_theme):
    member = login(make_user())
    theme = make_theme()
    page = client.get(theme_path(theme)).text
    assert f'id="follow-theme-{theme.id}"' in page
    assert f'action="/follow/theme/{theme.id}"' in page
    resp = client.post(f"/follow/theme/{theme.id}", data={"next": theme_path(theme)})
    assert resp.status_code == 303 and resp.headers["Location"].endswith(theme_path(theme))
    assert queries.is_following(member, "theme", theme.id)
    assert f'action="/unfollow/theme/{theme.id}"' in client.get(theme_path(theme)).text


def test_visitors_see_no_follow_button(client, make_theme):
    theme = make_theme()
    assert "follow-theme-" not in client.get(theme_path(theme)).text
    resp = client.post(f"/follow/theme/{theme.id}")
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]


def test_theme_names_link_to_the_theme_page(client, make_idea, make_theme):
    theme = make_theme()
    idea = make_idea(themes=[theme])
    assert f'href="{theme_path(theme)}"' in client.get("/themes").text
    assert f'href="{theme_path(theme)}"' in client.get(f"/ideas/{idea.id}-{idea.slug}").text


def test_a_new_idea_notification_about_a_followed_theme_leads_to_the_idea(
    client, login, make_user, make_theme, make_idea
):
    """Following a theme from its page is what brings news of new ideas in it."""
    login(make_user())
    theme = make_theme()
    client.post(f"/follow/theme/{theme.id}")
    make_idea(title="Uusi teeman idea", themes=[theme])
    assert "Uusi teeman idea" in client.get("/notifications").text
