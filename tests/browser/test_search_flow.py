"""End-to-end search: Finnish inflection as you type, facets, similar ideas for a new title."""

from __future__ import annotations

import re

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the conftest skips these tests; keep collection working
    expect = None

from tests.browser.people import add_members
from tests.browser.test_idea_flow import register, wait_for_htmx

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def seeded(live_app):
    """Three published ideas from two areas."""
    from sqlalchemy import select

    from idealaari.extensions import db
    from idealaari.ideas import services
    from idealaari.organisations.models import Organisation

    with live_app.test_request_context("/seed", method="POST"):
        orgs = {o.code: o for o in db.session.scalars(select(Organisation))}
        authors = add_members(
            (code, f"hakija-{code}@example.fi", f"Hakija {code}", orgs[code], None)
            for code in ("pir", "ks")
        )
        for code, title, body in (
            (
                "pir",
                "Aivoinfarktin jälkeinen etäkuntoutus kotona",
                "Kuntoutujat jatkavat etäkuntoutuksen harjoituksia tabletilla "
                "fysioterapeutin ohjauksessa.",
            ),
            (
                "ks",
                "Etäkuntoutus lonkkaleikkauksen jälkeen",
                "Leikatut potilaat saavat etäkuntoutuksen ohjelman kotiin.",
            ),
            (
                "pir",
                "Ravitsemusneuvonta neuvolassa",
                "Neuvolan terveydenhoitajat saavat ravitsemusterapeutin tuen.",
            ),
        ):
            services.create_idea(
                author=authors[code],
                values=services.IdeaFields(
                    title=title, summary=body, body=body, organisation=orgs[code]
                ),
                publish=True,
            )
        db.session.commit()
        db.session.remove()
    return True


def test_search_understands_finnish_and_narrows_with_facets(
    page, live_server, seeded, screenshot, browser_errors
):
    page.goto(live_server + "/search")
    box = page.locator("#search-q")
    box.press_sequentially("kuntoutus", delay=40)
    wait_for_htmx(page)
    results = page.locator("#search-results")
    # Other tests on this server may add ideas about rehabilitation too; ours must be there.
    expect(results).to_contain_text("Aivoinfarktin jälkeinen etäkuntoutus kotona")
    expect(results).to_contain_text("Etäkuntoutus lonkkaleikkauksen jälkeen")
    expect(results).not_to_contain_text("Ravitsemusneuvonta neuvolassa")
    expect(results.locator("mark").first).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]q=kuntoutus"))
    screenshot(page, "search-results")

    # A facet narrows the results in place.
    results.locator(
        "section[aria-labelledby=facet-organisation] a[href*='organisation=ks']"
    ).click()
    wait_for_htmx(page)
    expect(results.locator(".hit")).to_have_count(1)
    expect(results).to_contain_text("Etäkuntoutus lonkkaleikkauksen jälkeen")
    expect(page).to_have_url(re.compile(r"organisation=ks"))
    screenshot(page, "search-faceted")

    # Without JavaScript the same URL renders the same result.
    assert browser_errors.all == []


def test_typing_a_title_shows_similar_ideas(page, live_server, seeded, screenshot, browser_errors):
    register(page, live_server)
    page.goto(live_server + "/ideas/new")
    page.locator("#title").press_sequentially("Etäkuntoutus kotiin", delay=40)
    similar = page.locator("#similar-ideas")
    expect(similar.locator("li")).not_to_have_count(0, timeout=10_000)
    expect(similar).to_contain_text("etäkuntoutus", ignore_case=True)
    screenshot(page, "idea-form-similar")
    assert browser_errors.all == []


def test_search_works_without_javascript(browser, live_server, seeded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/")
    page.locator("#header-q").fill("kuntoutus")
    page.locator("form.header-search button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/search\?q=kuntoutus"))
    expect(page.locator("#search-results")).to_contain_text(
        "Etäkuntoutus lonkkaleikkauksen jälkeen"
    )
    context.close()
