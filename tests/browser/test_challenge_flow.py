"""End-to-end challenge: an area contact proposes a challenge, a moderator approves it, and a
member enters an idea, which then shows on the challenge page and on the idea's page."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the conftest skips these tests; keep collection working
    expect = None

from tests.browser.people import add_members
from tests.browser.test_idea_flow import PASSWORD

pytestmark = pytest.mark.browser

HELSINKI = ZoneInfo("Europe/Helsinki")
TITLE = "Miten tavoitamme ikääntyneet, jotka eivät käytä digipalveluja?"


@pytest.fixture(scope="module")
def scene(live_app):
    """An area contact of North Ostrobothnia, a moderator, and a member with a published idea."""
    from sqlalchemy import select

    from idealaari.accounts.models import Role
    from idealaari.extensions import db
    from idealaari.ideas import services
    from idealaari.organisations.models import Organisation

    with live_app.test_request_context("/seed", method="POST"):
        orgs = {o.code: o for o in db.session.scalars(select(Organisation))}
        people = add_members(
            (key, f"{key}@challenge.example.fi", f"{key.title()} Haastaja", orgs[code], role)
            for key, code, role in (
                ("contact", "pp", Role.AREA_CONTACT),
                ("moderator", "hus", Role.MODERATOR),
                ("entrant", "pir", Role.MEMBER),
            )
        )
        idea = services.create_idea(
            author=people["entrant"],
            values=services.IdeaFields(
                title="Kylätalojen digituki ikäihmisille",
                summary="Vapaaehtoiset digitukijat kylätaloilla kerran viikossa.",
                organisation=orgs["pir"],
            ),
            publish=True,
        )
        db.session.commit()
        scene = {"idea_id": idea.id, "idea_slug": idea.slug}
        db.session.remove()
    return scene


def log_in(browser, base, who, width=1280):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(base + "/login")
    page.locator("#email").fill(f"{who}@challenge.example.fi")
    page.locator("#password").fill(PASSWORD)
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".user-nav .user-menu")).to_be_visible()
    return context, page


def local(dt) -> str:
    return dt.astimezone(HELSINKI).strftime("%Y-%m-%dT%H:%M")


def test_propose_approve_and_enter(browser, live_server, scene, screenshot, browser_errors):
    from idealaari.dbtypes import utcnow

    base = live_server
    now = utcnow()
    contact_ctx, contact = log_in(browser, base, "contact")
    try:
        contact.goto(base + "/challenges")
        contact.locator("a[href$='/challenges/new']").click()
        contact.locator("#title").fill(TITLE)
        contact.locator("#summary").fill("Etsimme tapoja tavoittaa ikääntyneet ilman digitaitoja.")
        contact.locator("#brief").fill("## Ongelma\n\nMoni **yli 75-vuotias** jää ulkopuolelle.")
        contact.locator("#prize").fill("Voittaja pilotoidaan kahdessa kunnassa.")
        contact.locator("#submission_opens_at").fill(local(now - timedelta(hours=1)))
        contact.locator("#submission_closes_at").fill(local(now + timedelta(days=7)))
        contact.locator("#voting_closes_at").fill(local(now + timedelta(days=14)))
        contact.locator("#evaluation_closes_at").fill(local(now + timedelta(days=28)))
        contact.locator("#closes_at").fill(local(now + timedelta(days=60)))
        contact.locator("#criteria").fill("Tavoittavuus | 3\nLevitettävyys | 2")
        contact.locator(".form-actions button[type=submit]").click()
        expect(contact.locator("h1#challenge-title")).to_have_text(TITLE)
        expect(contact.locator(".notice-draft")).to_be_visible()
        challenge_url = contact.url
    finally:
        contact_ctx.close()

    moderator_ctx, moderator = log_in(browser, base, "moderator")
    try:
        moderator.goto(base + "/challenges")
        expect(moderator.locator("#waiting-title")).to_be_visible()
        moderator.goto(challenge_url)
        moderator.locator("a[href$='/manage']").click()
        moderator.locator("button[name=decision][value=approve]").click()
        expect(moderator.locator(".challenge-timeline")).to_be_visible()
        expect(moderator.locator("#decide-title")).to_have_count(0)
    finally:
        moderator_ctx.close()

    for width in (390, 1280):
        entrant_ctx, entrant = log_in(browser, base, "entrant", width=width)
        try:
            entrant.goto(challenge_url)
            expect(entrant.locator(".challenge-step-current")).to_have_count(1)
            if width == 390:
                assert entrant.evaluate("document.documentElement.scrollWidth") <= 390
                continue
            entrant.locator("a[href$='/enter']").click()
            entrant.locator("#idea").select_option(str(scene["idea_id"]))
            entrant.locator(".form-actions button[type=submit]").click()
            expect(entrant.locator("#entries .entry")).to_have_count(1)
            expect(entrant.locator("#entries .entry-title")).to_have_text(
                "Kylätalojen digituki ikäihmisille"
            )
            screenshot(entrant, "challenge-page")
            entrant.goto(base + f"/ideas/{scene['idea_id']}-{scene['idea_slug']}")
            expect(entrant.locator("#idea-challenges-title")).to_be_visible()
        finally:
            entrant_ctx.close()
