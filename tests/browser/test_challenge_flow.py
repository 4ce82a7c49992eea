"""End-to-end challenge: an area contact proposes a challenge, a moderator approves it, members
enter ideas, another member votes, a juror scores (and cannot open a conflicted entry), the
manager publishes the results, and the year's showcase shows the winner, also in its PDF."""

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
                ("colleague", "ks", Role.MEMBER),
                ("juror", "ks", Role.MEMBER),
                ("voter", "vs", Role.MEMBER),
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
        conflicted = services.create_idea(
            author=people["colleague"],
            values=services.IdeaFields(
                title="Keski-Suomen digikummit",
                summary="Digikummit tukevat ikäihmisiä kirjastoissa ja palvelutaloissa.",
                organisation=orgs["ks"],
            ),
            publish=True,
        )
        db.session.commit()
        scene = {
            "idea_id": idea.id,
            "idea_slug": idea.slug,
            "conflicted_id": conflicted.id,
        }
        db.session.remove()
    return scene


def log_in(browser, base, who, width=1280):
    """A member's browser, in English so that the steps read like the message ids."""
    from idealaari.i18n import LANGUAGE_COOKIE

    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": LANGUAGE_COOKIE, "value": "en", "url": base}])
    page = context.new_page()
    page.goto(base + "/login")
    page.locator("#email").fill(f"{who}@challenge.example.fi")
    page.locator("#password").fill(PASSWORD)
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".user-nav .user-menu")).to_be_visible()
    return context, page


def local(dt) -> str:
    return dt.astimezone(HELSINKI).strftime("%Y-%m-%dT%H:%M")


def test_a_challenge_from_proposal_to_showcase(
    browser, live_server, scene, screenshot, browser_errors
):
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

    colleague_ctx, colleague = log_in(browser, base, "colleague")
    try:
        colleague.goto(challenge_url)
        colleague.locator("a[href$='/enter']").click()
        colleague.locator("#idea").select_option(str(scene["conflicted_id"]))
        colleague.locator(".form-actions button[type=submit]").click()
        expect(colleague.locator("#entries .entry")).to_have_count(2)
    finally:
        colleague_ctx.close()

    # The moderator names the juror and ends submission: voting opens.
    moderator_ctx, moderator = log_in(browser, base, "moderator")
    try:
        moderator.goto(challenge_url)
        moderator.locator("a[href$='/manage']").click()
        moderator.locator("a[href$='/manage/jury']").first.click()
        moderator.locator("#email").fill("juror@challenge.example.fi")
        moderator.locator(".jury-add-form button[type=submit]").click()
        expect(moderator.locator("body")).to_contain_text("Juror Haastaja")
        end_phase(moderator, challenge_url)
    finally:
        moderator_ctx.close()

    voter_ctx, voter = log_in(browser, base, "voter")
    try:
        voter.goto(challenge_url)
        entry = voter.locator("#entries .entry", has_text="Kylätalojen digituki ikäihmisille")
        entry.get_by_role("button", name="Vote for this entry").click()
        expect(entry.get_by_role("button", name="Withdraw my vote")).to_be_visible()
        expect(entry.get_by_role("button", name="Withdraw my vote")).to_be_focused()
        screenshot(voter, "challenge-voting")
    finally:
        voter_ctx.close()

    moderator_ctx, moderator = log_in(browser, base, "moderator")
    try:
        end_phase(moderator, challenge_url)  # voting ends: the jury scores
    finally:
        moderator_ctx.close()

    juror_ctx, juror = log_in(browser, base, "juror")
    try:
        juror.goto(challenge_url)
        juror.get_by_role("link", name="Your scorecards").click()
        jury_url = juror.url
        expect(juror.locator("main")).not_to_contain_text("Keski-Suomen digikummit")
        juror.get_by_role("link", name="Kylätalojen digituki ikäihmisille").first.click()
        for radio in juror.locator("input[type=radio][value='4']").all():
            radio.check()
        juror.locator(".jury-scorecard button[type=submit]").click()
        expect(juror.locator("body")).to_contain_text("4")
        screenshot(juror, "challenge-scorecard")
        # The entry from the juror's own organisation stays closed, even by its address.
        conflicted_entry = entry_id_of(live_server.app, scene["conflicted_id"])
        conflicted = juror.request.get(jury_url.rstrip("/") + f"/entries/{conflicted_entry}")
        assert conflicted.status == 403
    finally:
        juror_ctx.close()

    moderator_ctx, moderator = log_in(browser, base, "moderator")
    try:
        end_phase(moderator, challenge_url)  # evaluation ends: results
        moderator.goto(challenge_url)
        moderator.locator("a[href$='/manage']").click()
        moderator.locator("a[href$='/manage/jury']").first.click()
        screenshot(moderator, "challenge-ranking")
        moderator.goto(challenge_url)
        moderator.locator("a[href$='/manage']").click()
        moderator.locator("a[href$='/results']").click()
        winner = moderator.locator(".award-choice", has_text="Kylätalojen digituki ikäihmisille")
        winner.locator("input[value=winner]").check()
        winner.locator("textarea").fill("Tavoittaa ne, joita muut eivät tavoita.")
        moderator.locator("button[name=action][value=publish]").click()
        expect(moderator.locator("#results")).to_contain_text("Tavoittaa ne, joita muut")

        year = str(utcnow().astimezone(HELSINKI).year)
        moderator.goto(base + "/showcase")
        moderator.locator("#year").fill(year)
        moderator.get_by_role("button", name="Compile").click()
        moderator.get_by_role("button", name="Publish").click()
        moderator.goto(base + f"/showcase/{year}")
        expect(moderator.locator(".showcase-winner").first).to_contain_text(
            "Kylätalojen digituki ikäihmisille"
        )
        screenshot(moderator, "showcase")
        pdf = moderator.request.get(base + f"/showcase/{year}.pdf")
        assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
        assert pdf_text(pdf.body()).count("Kylätalojen digituki ikäihmisille") >= 1
    finally:
        moderator_ctx.close()


def end_phase(page, challenge_url) -> None:
    page.goto(challenge_url)
    page.locator("a[href$='/manage']").click()
    page.get_by_role("button", name="End the phase now").click()
    expect(page.locator(".flash, .flashes, [role=status]").first).to_be_visible()


def entry_id_of(app, idea_id: int) -> int:
    from sqlalchemy import select

    from idealaari.challenges.models import Entry
    from idealaari.extensions import db

    with app.app_context():
        entry_id = db.session.scalar(select(Entry.id).where(Entry.idea_id == idea_id))
        db.session.remove()
    return entry_id


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)
