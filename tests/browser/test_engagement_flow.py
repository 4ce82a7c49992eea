"""End-to-end engagement: comment and reply, vote and withdraw, partner offer accepted and shown,
follow and get notified, vote in a theme poll and see the result after it closes."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the conftest skips these tests; keep collection working
    expect = None

from tests.browser.people import add_members
from tests.browser.test_idea_flow import PASSWORD, wait_for_htmx

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def scene(live_app):
    """An author with an idea seeking a pilot site, a member of another area, and a poll."""
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
        people = add_members(
            (key, f"{key}@engagement.example.fi", f"{key.title()} Testaaja", orgs[code], role)
            for key, code, role in (
                ("author", "pk", Role.MEMBER),
                ("member", "pir", Role.MEMBER),
                ("moderator", "hus", Role.MODERATOR),
            )
        )
        idea = services.create_idea(
            author=people["author"],
            values=services.IdeaFields(
                title="Kotikuntoutuksen pilotti",
                summary="Kotikuntoutus videoyhteydellä haja-asutusalueelle.",
                organisation=orgs["pk"],
                seeks_partners=True,
                partner_roles=[PartnerRole.PILOT_SITE],
            ),
            publish=True,
        )
        now = utcnow()
        poll = create_poll(
            actor=people["moderator"],
            question="Mikä teema seuraavaan verkkoklinikkaan?",
            options=["Ennaltaehkäisevät palvelut", "Digipalvelut", "Monialaiset palvelut"],
            opens_at=now - timedelta(minutes=1),
            closes_at=now + timedelta(seconds=40),
        )
        db.session.commit()
        scene = {
            "idea_id": idea.id,
            "idea_slug": idea.slug,
            "poll_id": poll.id,
            "closes_at": poll.closes_at,
        }
        db.session.remove()
    return scene


def log_in(browser, base, who):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/login")
    page.locator("#email").fill(f"{who}@engagement.example.fi")
    page.locator("#password").fill(PASSWORD)
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".user-nav .user-link")).to_be_visible()
    return context, page


def test_discuss_vote_partner_follow_and_poll(browser, live_server, scene, screenshot):
    base = live_server
    idea_path = f"/ideas/{scene['idea_id']}-{scene['idea_slug']}"
    member_ctx, member = log_in(browser, base, "member")
    author_ctx, author = log_in(browser, base, "author")
    try:
        # The member follows the idea, votes, withdraws and votes again, in place.
        member.goto(base + idea_path)
        follow = member.locator(f"#follow-idea-{scene['idea_id']} button")
        follow.click()
        wait_for_htmx(member)
        expect(member.locator(f"#follow-idea-{scene['idea_id']} button")).to_have_attribute(
            "aria-pressed", "true"
        )
        vote_box = member.locator(f"#vote-{scene['idea_id']}")
        vote_box.locator("button[type=submit]").click()
        expect(vote_box.locator(".vote-number")).to_have_text("1")
        vote_box.locator("button[type=submit]").click()
        expect(vote_box.locator(".vote-number")).to_have_text("0")
        vote_box.locator("button[type=submit]").click()
        expect(vote_box.locator(".vote-number")).to_have_text("1")

        # ... and comments.
        member.locator("#comment-form textarea").fill("Meillä Pirkanmaalla kokeiltiin **samaa**!")
        member.locator("#comment-form button[type=submit]").click()
        thread = member.locator("#comment-thread")
        expect(thread.locator("article.comment")).to_have_count(1)
        expect(thread.locator("article.comment strong")).to_have_text("samaa")

        # The author replies; the member gets a notification.
        author.goto(base + idea_path)
        first = author.locator("#comment-thread article.comment").first
        first.locator("details.comment-reply-box > summary").click()
        first.locator("details.comment-reply-box textarea").fill("Kiitos, otetaan yhteyttä!")
        first.locator("details.comment-reply-box button[type=submit]").click()
        expect(author.locator("#comment-thread article.comment-is-reply")).to_have_count(1)
        screenshot(author, "idea-discussion")

        member.goto(base + "/notifications")
        expect(member.locator(".notification")).not_to_have_count(0)
        expect(member.locator(".notification").first).to_contain_text("Kotikuntoutuksen pilotti")
        screenshot(member, "notifications")

        # The member offers to be a pilot site; the author accepts; the partner shows on the idea.
        member.goto(base + f"/ideas/{scene['idea_id']}/partners")
        offer = member.locator("#my-partner-offers")
        offer.locator("select[name=offer-role]").select_option("pilot_site")
        offer.locator("textarea[name=offer-message]").fill(
            "Pirkanmaan kotihoito voisi olla testauspaikka."
        )
        offer.locator("button[type=submit]").first.click()
        wait_for_htmx(member)
        author.goto(base + f"/ideas/{scene['idea_id']}/partners")
        author.locator("#partner-offers button[value=accept]").first.click()
        wait_for_htmx(author)
        author.goto(base + idea_path)
        expect(author.locator("#idea-partners")).to_contain_text("Pirkanmaa")
        screenshot(author, "idea-with-partner")

        # Theme poll: vote now, see the result once it has closed.
        member.goto(base + f"/polls/{scene['poll_id']}")
        member.locator("#poll-vote input[name=option]").first.check()
        member.locator("#poll-vote button[type=submit]").click()
        wait_for_htmx(member)
        expect(member.locator("#poll-vote input[name=option]:checked")).to_have_count(1)
        remaining = (
            scene["closes_at"] - __import__("idealaari.dbtypes", fromlist=["utcnow"]).utcnow()
        ).total_seconds()
        time.sleep(max(0.0, remaining) + 1)
        member.reload()
        expect(member.locator("meter")).not_to_have_count(0)
        expect(member.locator("main")).to_contain_text("Ennaltaehkäisevät palvelut")
        screenshot(member, "poll-closed")
    finally:
        member_ctx.close()
        author_ctx.close()
