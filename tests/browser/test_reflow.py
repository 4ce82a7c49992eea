"""Reflow (WCAG 1.4.10): with the longest fields filled with unbroken text, no page scrolls
sideways at 320 px; the logged-in header keeps to one row on a desktop screen."""

from __future__ import annotations

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the conftest skips these tests; keep collection working
    expect = None

from tests.browser.long_content import LONG_TITLE, PASSWORD

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 800}

# Elements wider than the viewport, leaving out the visually hidden ones.
OVERFLOWING = """
(width) => Array.from(document.querySelectorAll("body *"))
  .filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && r.right > width + 1 && !e.closest(".visually-hidden");
  })
  .slice(0, 5)
  .map((e) => e.tagName.toLowerCase() + "." + e.className
    + " right=" + Math.round(e.getBoundingClientRect().right))
"""


def log_in(page, base, email):
    page.goto(base + "/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("form.stacked-form button[type=submit]").click()
    expect(page.locator(".user-nav .user-link")).to_have_count(1)


def _paths(content, live_app) -> list[str]:
    paths = [
        "/",
        "/ideas",
        "/ideas/archive",
        content["idea_path"],
        content["history_path"],
        content["idea_path"] + "/partners",
        "/organisations/",
        content["organisation_path"],
        content["profile_path"],
        "/themes",
        "/polls",
        content["poll_path"],
        "/search?q=" + content["search_word"],
        "/accessibility",
        "/login",
        "/register",
        "/notifications",
    ]
    if "ideas.theme" in live_app.view_functions:
        paths.append(content["theme_path"])
    return paths


def _assert_no_sideways_scroll(page, base, paths):
    for path in paths:
        resp = page.goto(base + path)
        assert resp.status == 200, path
        width = page.evaluate("document.documentElement.scrollWidth")
        culprits = page.evaluate(OVERFLOWING, NARROW["width"])
        assert width <= NARROW["width"] and culprits == [], f"{path}: {width} px, {culprits}"


def test_long_unbroken_text_wraps_at_320_px(browser, live_server, live_app, long_content):
    context = browser.new_context(viewport=NARROW, locale="fi-FI")
    try:
        page = context.new_page()
        paths = _paths(long_content, live_app)
        _assert_no_sideways_scroll(page, live_server, paths)
        # The long title is on the idea page, whole.
        page.goto(live_server + long_content["idea_path"])
        expect(page.locator("h1")).to_have_text(LONG_TITLE)
        log_in(page, live_server, long_content["reader_email"])
        _assert_no_sideways_scroll(page, live_server, paths)
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_accessibility_statement_heading_fits_320_px(browser, live_server, lang):
    context = browser.new_context(viewport=NARROW)
    context.add_cookies([{"name": "idealaari_lang", "value": lang, "url": live_server}])
    try:
        page = context.new_page()
        page.goto(live_server + "/accessibility")
        heading = page.locator("main h1")
        box = heading.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"]
        # The word itself fits: the heading is one line.
        line_height = float(heading.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
        assert box["height"] < 2 * line_height
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_logged_in_header_is_one_row_at_1280_px(browser, live_server, long_content, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "idealaari_lang", "value": lang, "url": live_server}])
    try:
        page = context.new_page()
        page.goto(live_server + "/ideas")
        logged_out = page.locator(".site-header").bounding_box()["height"]
        log_in(page, live_server, long_content["reader_email"])
        for path in ("/", "/ideas", "/search?q=kotihoito"):
            page.goto(live_server + path)
            height = page.locator(".site-header").bounding_box()["height"]
            assert height <= logged_out + 2, f"{path}: header {height} px, {logged_out} logged out"
        # Phones: brand, bell and the own menu share the first row.
        page.set_viewport_size({"width": 320, "height": 800})
        brand = page.locator(".brand").bounding_box()
        menu = page.locator(".user-menu > summary").bounding_box()
        assert abs((brand["y"] + brand["height"] / 2) - (menu["y"] + menu["height"] / 2)) < 8
        # The own menu opens, and its "New idea" and "Log out" are reachable.
        page.locator(".user-menu > summary").click()
        expect(page.locator(".user-menu-new a")).to_be_visible()
        expect(page.locator(".user-menu form[action$='/logout'] button")).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.locator(".user-menu-list")).to_be_hidden()
    finally:
        context.close()


def test_partner_table_keeps_its_labels_at_320_px(browser, live_server, live_app, long_content):
    """Accepted partners, stacked on a phone: every value has its column header as a label."""
    context = browser.new_context(viewport=NARROW)
    try:
        page = context.new_page()
        page.goto(live_server + long_content["idea_path"] + "/partners")
        table = page.locator(".partner-table")
        expect(table).to_be_visible()
        label = table.locator("td").first.evaluate("e => getComputedStyle(e, '::before').content")
        assert label.strip('"') != "" and label != "none"
    finally:
        context.close()
