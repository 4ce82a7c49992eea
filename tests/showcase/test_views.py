"""Showcase pages from the reader's and the refused side: drafts are 404 to all but
moderators, curation is moderators' only, and bad input gets a message, never a 500."""

import pytest

from idealaari.extensions import db
from idealaari.showcase import queries, services
from idealaari.showcase.models import ShowcaseStatus
from tests.showcase.conftest import YEAR
from tests.test_unique_ids import duplicate_ids

READ_PATHS = [
    f"/showcase/{YEAR}",
    f"/showcase/{YEAR}/present",
    f"/showcase/{YEAR}/present?slide=1",
    f"/api/v1/showcase/{YEAR}",
]
CURATION_POSTS = [
    f"/showcase/{YEAR}/compile",
    f"/showcase/{YEAR}/intro",
    f"/showcase/{YEAR}/highlights",
    f"/showcase/{YEAR}/highlights/1/move",
    f"/showcase/{YEAR}/highlights/1/remove",
    f"/showcase/{YEAR}/publish",
    f"/showcase/{YEAR}/unpublish",
    "/showcase",
]


@pytest.mark.parametrize("path", [*READ_PATHS, f"/showcase/{YEAR}.pdf"])
def test_a_draft_is_not_found_by_visitors_and_members(client, login, member, make_showcase, path):
    make_showcase()
    assert client.get(path).status_code == 404
    login(member)
    assert client.get(path).status_code == 404


def test_a_draft_is_listed_for_moderators_only(client, login, member, moderator, make_showcase):
    make_showcase()
    assert f"/showcase/{YEAR}" not in client.get("/showcase").text
    login(member)
    assert f"/showcase/{YEAR}" not in client.get("/showcase").text
    login(moderator)
    page = client.get("/showcase").text
    assert f"/showcase/{YEAR}" in page and "Draft" in page and "Compile a year" in page


def test_moderators_read_the_draft(client, login, moderator, seeded_year, make_showcase):
    make_showcase()
    login(moderator)
    page = client.get(f"/showcase/{YEAR}")
    assert page.status_code == 200
    assert "only moderators see it" in page.text and seeded_year.winner.title in page.text


def test_the_published_showcase_is_public(client, seeded_year, make_showcase):
    make_showcase(published=True, intro="Hyvä **verkosto**!")
    page = client.get(f"/showcase/{YEAR}").text
    assert "<strong>verkosto</strong>" in page
    assert seeded_year.winner.title in page and "Raati palkitsee levitettävän mallin." in page
    assert seeded_year.moved.title in page and "Pilotti kahdessa tiimissä." in page
    assert 'id="sc-participation-areas"' in page and 'role="img"' in page
    assert "Show as table" in page and "Curate" not in page
    # Measured against the year before: five ideas published against one.
    assert "▲ +4" in page and f"compared with {YEAR - 1}" in page
    assert f"/showcase/{YEAR}" in client.get("/showcase").text


@pytest.mark.parametrize("path", CURATION_POSTS)
def test_curation_is_refused_to_visitors_and_members(client, login, member, make_showcase, path):
    showcase = make_showcase()
    response = client.post(path, data={"year": str(YEAR), "intro": "Hei", "direction": "up"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    login(member)
    assert client.post(path, data={"year": str(YEAR), "intro": "Hei"}).status_code == 403
    db.session.expire_all()
    assert showcase.status == ShowcaseStatus.DRAFT and showcase.intro == ""


def test_the_curation_page_is_refused_to_members(client, login, member, make_showcase):
    make_showcase()
    login(member)
    assert client.get(f"/showcase/{YEAR}/curate").status_code == 403


@pytest.mark.parametrize("year, message", [("abc", "Give a year from 2020"), ("", "Give the year")])
def test_a_bad_year_to_compile_gets_a_message(client, login, moderator, year, message):
    login(moderator)
    response = client.post("/showcase", data={"year": year})
    assert response.status_code == 422 and message in response.text
    assert queries.showcases(drafts=True) == []


def test_compiling_leads_to_curation_where_highlights_are_picked_and_ordered(
    client, login, moderator, seeded_year
):
    login(moderator)
    response = client.post("/showcase", data={"year": str(YEAR)})
    assert response.status_code == 303 and response.headers["Location"].endswith("/curate")
    page = client.get(f"/showcase/{YEAR}/curate").text
    assert "Pick" in page and seeded_year.winner.title in page
    for kind, item_id in (("award", seeded_year.winner_award.id), ("idea", seeded_year.moved.id)):
        response = client.post(
            f"/showcase/{YEAR}/highlights", data={"kind": kind, "item_id": str(item_id)}
        )
        assert response.status_code == 303
    showcase = queries.showcase_of(YEAR)
    second = showcase.highlights[1]
    client.post(f"/showcase/{YEAR}/highlights/{second.id}/move", data={"direction": "up"})
    db.session.expire_all()
    assert [h.kind.value for h in queries.showcase_of(YEAR).highlights] == ["idea", "award"]


def test_htmx_gets_the_curation_region_back(client, login, moderator, seeded_year, make_showcase):
    make_showcase()
    login(moderator)
    response = client.post(
        f"/showcase/{YEAR}/highlights",
        data={"kind": "award", "item_id": str(seeded_year.winner_award.id)},
        headers={"HX-Request": "true", "HX-Target": "showcase-curation"},
    )
    assert response.status_code == 200 and "<html" not in response.text
    assert 'id="showcase-curation"' in response.text and "Added to the highlights." in response.text
    refused = client.post(
        f"/showcase/{YEAR}/highlights",
        data={"kind": "award", "item_id": str(seeded_year.winner_award.id)},
        headers={"HX-Request": "true", "HX-Target": "showcase-curation"},
    )
    assert refused.status_code == 422 and "already a highlight" in refused.text


@pytest.mark.parametrize("item_id", ["", "abc", "99999999999"])
def test_a_bad_pick_gets_a_message(client, login, moderator, make_showcase, item_id):
    make_showcase()
    login(moderator)
    response = client.post(
        f"/showcase/{YEAR}/highlights",
        data={"kind": "award", "item_id": item_id},
        follow_redirects=True,
    )
    assert response.status_code == 200 and "Choose one of the options given." in response.text


def test_a_too_long_introduction_is_refused_and_kept_in_the_form(
    client, login, moderator, make_showcase
):
    make_showcase()
    login(moderator)
    text = "Pitkä johdanto. " * 400
    response = client.post(f"/showcase/{YEAR}/intro", data={"intro": text})
    assert response.status_code == 422 and "at most 5000 characters" in response.text
    assert "Pitkä johdanto. Pitkä johdanto." in response.text
    assert queries.showcase_of(YEAR).intro == ""


def test_publish_and_back_to_draft(client, login, moderator, make_showcase):
    make_showcase()
    login(moderator)
    assert client.post(f"/showcase/{YEAR}/publish").status_code == 303
    assert queries.showcase_of(YEAR).is_published
    client.post(f"/showcase/{YEAR}/unpublish")
    db.session.expire_all()
    assert not queries.showcase_of(YEAR).is_published


def test_presentation_mode_has_one_highlight_per_screen_and_links_without_javascript(
    client, seeded_year, make_showcase
):
    make_showcase(published=True)
    first = client.get(f"/showcase/{YEAR}/present")
    assert first.status_code == 200
    assert f'rel="next" href="/showcase/{YEAR}/present?slide=1"' in first.text
    assert "js/present.js" in first.text and "<script>" not in first.text
    # Nothing picked: the winners are the slides.
    slide = client.get(f"/showcase/{YEAR}/present?slide=1").text
    assert seeded_year.winner.title in slide and 'rel="prev"' in slide
    last = client.get(f"/showcase/{YEAR}/present?slide=2").text
    assert 'rel="next"' not in last and "Back to the showcase" in last
    for bad in ("3", "-1", "x", "99999"):
        assert client.get(f"/showcase/{YEAR}/present?slide={bad}").status_code == 404


def test_no_showcase_for_a_year_is_404(client):
    assert client.get("/showcase/2024").status_code == 404
    assert client.get("/api/v1/showcase/2024").status_code == 404


def test_every_id_on_the_showcase_pages_is_unique(
    client, login, moderator, seeded_year, make_showcase
):
    showcase = make_showcase(published=True)
    services.pick(
        showcase=showcase, actor=moderator, kind="award", item_id=seeded_year.winner_award.id
    )
    db.session.commit()
    login(moderator)
    for path in (f"/showcase/{YEAR}", f"/showcase/{YEAR}/curate", "/stats", "/showcase"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert duplicate_ids(response.text) == [], path


def test_focus_lands_on_the_item_just_picked_or_moved(
    client, login, moderator, seeded_year, make_showcase
):
    import re

    make_showcase()
    login(moderator)
    htmx = {"HX-Request": "true", "HX-Target": "showcase-curation"}

    def focused(html: str) -> list[str]:
        return re.findall(r'<[^>]*\bid="([^"]+)"[^>]*\bdata-focus', html)

    first = client.post(
        f"/showcase/{YEAR}/highlights",
        data={"kind": "award", "item_id": str(seeded_year.winner_award.id)},
        headers=htmx,
    )
    second = client.post(
        f"/showcase/{YEAR}/highlights",
        data={"kind": "idea", "item_id": str(seeded_year.winner.id)},
        headers=htmx,
    )
    showcase = queries.showcase_of(YEAR)
    award, idea = showcase.highlights
    assert focused(first.text) == [f"remove-{award.id}"]
    assert focused(second.text) == [f"remove-{idea.id}"]  # the new one, not the first Remove
    moved = client.post(
        f"/showcase/{YEAR}/highlights/{award.id}/move", data={"direction": "down"}, headers=htmx
    )
    # It is last now, so its Down button is gone: focus goes to its Remove button.
    assert focused(moved.text) == [f"remove-{award.id}"]
    removed = client.post(f"/showcase/{YEAR}/highlights/{award.id}/remove", headers=htmx)
    assert focused(removed.text) == ["picked-title"]
