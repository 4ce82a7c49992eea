"""End-to-end moderation: three members report an idea, it is hidden pending review, a moderator
restores it from the queue, the author sees the notification, the metrics count the decision."""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the conftest skips these tests; keep collection working
    expect = None

from tests.browser.people import add_members
from tests.browser.test_idea_flow import PASSWORD

pytestmark = pytest.mark.browser
DOMAIN = "moderation.example.fi"


@pytest.fixture(scope="module")
def scene(live_app):
    from sqlalchemy import select

    from idealaari.accounts.models import Role
    from idealaari.extensions import db
    from idealaari.ideas import services
    from idealaari.organisations.models import Organisation

    with live_app.test_request_context("/seed", method="POST"):
        orgs = {o.code: o for o in db.session.scalars(select(Organisation))}
        people = add_members(
            (key, f"{key}@{DOMAIN}", f"{key.title()} Moderointitesti", orgs[code], role)
            for key, code, role in (
                ("author", "pk", Role.MEMBER),
                ("first", "pir", Role.MEMBER),
                ("second", "hus", Role.MEMBER),
                ("third", "pk", Role.MEMBER),
                ("moderator", "hus", Role.MODERATOR),
            )
        )
        idea = services.create_idea(
            author=people["author"],
            values=services.IdeaFields(
                title="Ilmoitettu idea kotihoidon robotiikasta",
                summary="Robotti muistuttaa lääkkeistä ja soittaa omaiselle.",
                organisation=orgs["pk"],
            ),
            publish=True,
        )
        db.session.commit()
        scene = {"idea_id": idea.id, "idea_slug": idea.slug}
        db.session.remove()
    return scene


def log_in(browser, base, who, width=1280):
    from idealaari.i18n import LANGUAGE_COOKIE

    context = browser.new_context(viewport={"width": width, "height": 900})
    context.add_cookies([{"name": LANGUAGE_COOKIE, "value": "en", "url": base}])
    page = context.new_page()
    page.goto(base + "/login")
    page.locator("#email").fill(f"{who}@{DOMAIN}")
    page.locator("#password").fill(PASSWORD)
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".user-nav .user-menu")).to_be_visible()
    return context, page


def test_report_hide_restore_notify_and_count(browser, live_server, scene, screenshot):
    base = live_server
    idea_path = f"/ideas/{scene['idea_id']}-{scene['idea_slug']}"
    contexts = []
    try:
        for i, who in enumerate(("first", "second", "third")):
            context, page = log_in(browser, base, who)
            contexts.append(context)
            page.goto(base + idea_path)
            page.locator(".idea-moderation a", has_text="Report").click()
            expect(page.locator("h1")).to_have_text("Report content")
            if i == 0:
                # Sent without a reason: told what is missing, nothing is lost.
                page.locator("#note").fill("Mainos, ei kehittämisidea.")
                page.locator("main form button.button-primary").click()
                expect(page.locator(".form-errors")).to_contain_text("Choose a reason")
                expect(page.locator("#note")).to_have_value("Mainos, ei kehittämisidea.")
                screenshot(page, "moderation-report-form")
            page.locator("input[name=reason][value=spam]").check()
            page.locator("main form button.button-primary").click()
            expect(page.locator(".flash, .flash-messages, [role=status]").first).to_contain_text(
                "Thank you"
            )

        # Hidden at the third report: the author sees why; others no longer find it.
        author_ctx, author = log_in(browser, base, "author")
        contexts.append(author_ctx)
        author.goto(base + idea_path)
        expect(author.locator(".notice-warning")).to_contain_text("hidden pending review")
        anonymous = browser.new_context()
        contexts.append(anonymous)
        assert anonymous.new_page().goto(base + idea_path).status == 404

        # The moderator decides from the queue.
        mod_ctx, moderator = log_in(browser, base, "moderator")
        contexts.append(mod_ctx)
        moderator.goto(base + "/moderation/")
        item = moderator.locator(".queue-item", has_text="Ilmoitettu idea kotihoidon robotiikasta")
        expect(item).to_contain_text("3 reports")
        expect(item).to_contain_text("Hidden until decided")
        screenshot(moderator, "moderation-queue")
        item.locator("a.button-primary").click()
        moderator.locator("#reason-restore").fill("Asiallinen kehittämisidea, ei mainos.")
        moderator.locator("#action-restore button[type=submit]").click()
        expect(moderator.locator("main")).to_contain_text("visible again")
        screenshot(moderator, "moderation-item")

        # The author is told, with the reason.
        author.goto(base + "/notifications")
        expect(author.locator(".notification").first).to_contain_text("restored")
        screenshot(author, "moderation-author-notified")
        author.goto(base + idea_path)
        expect(author.locator(".notice-warning")).to_have_count(0)

        # The metrics count the decision.
        moderator.goto(base + "/moderation/metrics")
        expect(moderator.locator("#decision-figures dd").first).to_have_text("1")
        screenshot(moderator, "moderation-metrics")
        moderator.goto(base + "/moderation/log")
        expect(moderator.locator("main")).to_contain_text("Asiallinen kehittämisidea")
        screenshot(moderator, "moderation-log")
    finally:
        for context in contexts:
            context.close()
