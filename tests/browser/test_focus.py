"""Focus after htmx swaps (WCAG 2.4.3): voting, following, a partner offer and a poll vote,
done with the keyboard, leave focus on the button that replaced the pressed one or on the
message that answers it, never on <body>."""

from __future__ import annotations

from datetime import timedelta

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the conftest skips these tests; keep collection working
    expect = None

from tests.browser.people import add_members
from tests.browser.test_idea_flow import PASSWORD, wait_for_htmx

pytestmark = pytest.mark.browser

FOCUSED = """() => {
  const e = document.activeElement;
  return {tag: e.tagName.toLowerCase(), text: (e.textContent || "").trim(),
          inside: e.closest("[id]") ? e.closest("[id]").id : ""};
}"""


@pytest.fixture(scope="module")
def scene(live_app):
    """An idea seeking a pilot site, a member of another area, and an open poll."""
    from sqlalchemy import select

    from idealaari.accounts.models import Role
    from idealaari.dbtypes import utcnow
    from idealaari.extensions import db
    from idealaari.ideas import services
    from idealaari.ideas.models import PartnerRole
    from idealaari.organisations.models import Organisation
    from idealaari.polls.services import create_poll

    with live_app.test_request_context("/seed", method="POST"):
        orgs = {o.code: o for o in db.session.scalars(select(Organisation))}
        now = utcnow()
        people = add_members(
            (key, f"{key}@focus.example.fi", f"{key.title()} Fokus", orgs[code], role)
            for key, code, role in (
                ("author", "ks", Role.MEMBER),
                ("member", "ph", Role.MEMBER),
                ("moderator", "hus", Role.MODERATOR),
            )
        )
        idea = services.create_idea(
            author=people["author"],
            values=services.IdeaFields(
                title="Fokuksen testi-idea",
                summary="Idea, jota äänestetään ja seurataan näppäimistöllä.",
                organisation=orgs["ks"],
                seeks_partners=True,
                partner_roles=[PartnerRole.PILOT_SITE],
            ),
            publish=True,
        )
        poll = create_poll(
            actor=people["moderator"],
            question="Fokuskysely: mikä teema?",
            options=["Ensimmäinen vaihtoehto", "Toinen vaihtoehto"],
            opens_at=now - timedelta(minutes=1),
            closes_at=now + timedelta(days=2),
        )
        db.session.commit()
        scene = {"idea_id": idea.id, "poll_id": poll.id}
        db.session.remove()
    return scene


def _press(page, locator, key="Enter"):
    locator.focus()
    expect(locator).to_be_focused()
    page.keyboard.press(key)
    wait_for_htmx(page)
    page.wait_for_timeout(150)  # htmx settles after the swap
    return page.evaluate(FOCUSED)


def test_focus_stays_put_after_htmx_swaps(browser, live_server, scene):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(live_server + "/login")
        page.locator("#email").fill("member@focus.example.fi")
        page.locator("#password").fill(PASSWORD)
        page.locator("form.stacked-form button[type=submit]").click()
        page.goto(live_server + f"/ideas/{scene['idea_id']}")
        vote = f"#vote-{scene['idea_id']}"

        # Vote, then withdraw: focus moves to the button that took the pressed one's place.
        focused = _press(page, page.locator(f"{vote} button[type=submit]"))
        assert focused["tag"] == "button" and focused["inside"] == f"vote-{scene['idea_id']}"
        expect(page.locator(f"{vote} button")).to_have_attribute("aria-pressed", "true")
        focused = _press(page, page.locator(f"{vote} button[type=submit]"), key="Space")
        assert focused["tag"] == "button" and focused["inside"] == f"vote-{scene['idea_id']}"
        expect(page.locator(f"{vote} button")).to_have_attribute("aria-pressed", "false")

        # Follow and unfollow.
        follow = f"#follow-idea-{scene['idea_id']}"
        focused = _press(page, page.locator(f"{follow} button"))
        assert focused["tag"] == "button" and focused["inside"] == follow[1:]
        expect(page.locator(f"{follow} button")).to_have_attribute("aria-pressed", "true")
        focused = _press(page, page.locator(f"{follow} button"))
        assert focused["tag"] == "button" and focused["inside"] == follow[1:]

        # A partner offer: focus goes to the thank-you message in the panel.
        page.locator("#idea-partners summary").focus()
        page.keyboard.press("Enter")
        page.locator("#idea-partners select[name=offer-role]").select_option("pilot_site")
        focused = _press(page, page.locator("#idea-partners button[type=submit]").last)
        assert focused["tag"] == "p" and focused["inside"] == "idea-partners"
        assert focused["text"] and focused["tag"] != "body"

        # A poll vote: focus goes to the confirmation.
        page.goto(live_server + f"/polls/{scene['poll_id']}")
        page.locator("#poll-vote input[name=option]").first.check()
        focused = _press(page, page.locator("#poll-vote button[type=submit]"))
        assert focused["tag"] == "p" and focused["inside"] == "poll-vote"
        expect(page.locator("#poll-vote .flash-success")).to_be_focused()

        # A poll vote without a choice: focus goes to the error.
        page.goto(live_server + f"/polls/{scene['poll_id']}")
        page.evaluate(
            "document.querySelectorAll('#poll-vote input:checked')"
            ".forEach(i => { i.checked = false; })"
        )
        focused = _press(page, page.locator("#poll-vote button[type=submit]"))
        assert focused["tag"] != "body" and focused["inside"] in ("poll-vote", "option-error")
    finally:
        context.close()
