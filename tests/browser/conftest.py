"""Fixtures for the end-to-end tests: the real app on a local port, driven by Debian's Chromium.

The tests here only run with IDEALAARI_BROWSER_TESTS=1 (`make test-browser`); a plain `pytest`
skips them, as it does when Chromium or the playwright package is missing.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SCREENSHOT_DIR = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
THEMES = [
    ("digitaaliset-palvelut", "Digitaaliset palvelut", "Digitala tjänster", "Digital services"),
    (
        "ikaantyneiden-palvelut",
        "Ikääntyneiden palvelut",
        "Äldreomsorg",
        "Services for older people",
    ),
]


def _skip_reason() -> str | None:
    if os.environ.get("IDEALAARI_BROWSER_TESTS") != "1":
        return "browser tests are off: set IDEALAARI_BROWSER_TESTS=1 (make test-browser)"
    if not os.path.exists(CHROMIUM):
        return f"Chromium not found at {CHROMIUM}; install Debian's chromium package"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    return None


def pytest_collection_modifyitems(config, items):
    """Skip every test in this directory unless browser tests are switched on and can run."""
    reason = _skip_reason()
    if reason is None:
        return
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(skip)


def _create_search_index(app) -> None:
    """Start with an empty full-text index, as a deployed site has one (if the app has search)."""
    try:
        from idealaari.search import get_index
    except ImportError:
        return
    create_empty = getattr(get_index(app), "create_empty", None)
    if create_empty is not None:
        create_empty()


@pytest.fixture(scope="session")
def live_app(live_server):
    """The application behind the live server, for tests that seed data directly."""
    return live_server.app


class LiveServer(str):
    """The live server's base URL (a str), carrying the app it serves."""

    app = None


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app served by werkzeug on a free localhost port; yields its base URL."""
    from werkzeug.serving import make_server

    from idealaari import create_app
    from idealaari.extensions import db
    from idealaari.ideas.models import Theme
    from idealaari.organisations.services import sync_reference_areas

    tmp = tmp_path_factory.mktemp("live-server")
    app = create_app(
        {
            "ENVIRON": {
                "IDEALAARI_ENV": "development",
                "IDEALAARI_SECRET_KEY": "browser-test-secret",
                "DATABASE_URL": f"sqlite:///{tmp / 'idealaari-browser.db'}",
                "IDEALAARI_SEARCH_INDEX": str(tmp / "search-index"),
                "IDEALAARI_MAIL_OUTBOX": str(tmp / "outbox"),
                "IDEALAARI_UPLOAD_DIR": str(tmp / "uploads"),
                "IDEALAARI_CACHE_DIR": str(tmp / "cache"),
            },
            "TESTING": True,
            # Mail goes to the outbox folder, where the tests read the links a member gets.
            "MAIL_SUPPRESS_SEND": False,
        }
    )
    with app.app_context():
        db.create_all()
        sync_reference_areas()
        for slug, fi, sv, en in THEMES:
            db.session.add(Theme(slug=slug, name_fi=fi, name_sv=sv, name_en=en, active=True))
        db.session.commit()
        db.session.remove()
        _create_search_index(app)

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(
        target=server.serve_forever, name="idealaari-live-server", daemon=True
    )
    thread.start()
    base = LiveServer(f"http://127.0.0.1:{server.server_port}")
    base.app = app
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=10_000)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# Reports every CSP violation (with where it came from) to the test through an exposed function.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", function (e) {
  var text = e.violatedDirective + " blocked " + (e.blockedURI || "inline");
  text += " on " + e.documentURI;
  if (e.sourceFile) { text += " from " + e.sourceFile + ":" + e.lineNumber + ":" + e.columnNumber; }
  if (e.target && e.target.outerHTML) { text += " at " + e.target.outerHTML.slice(0, 120); }
  window.__idealaariCspViolation(text);
});
"""


class BrowserErrors:
    """Console errors, uncaught page errors and CSP violations seen during a test."""

    def __init__(self):
        self.console: list[str] = []
        self.page_errors: list[str] = []
        self.csp: list[str] = []

    def attach(self, context):
        context.expose_function("__idealaariCspViolation", lambda text: self.csp.append(text))
        context.add_init_script(CSP_LISTENER)
        context.on("page", self._watch)

    def _watch(self, page):
        page.on(
            "console",
            lambda msg: (
                self.console.append(f"{msg.text} ({page.url})") if msg.type == "error" else None
            ),
        )
        page.on("pageerror", lambda exc: self.page_errors.append(f"{exc} ({page.url})"))

    @property
    def all(self) -> list[str]:
        return [*self.console, *self.page_errors, *(f"CSP: {v}" for v in self.csp)]


@pytest.fixture
def browser_errors():
    return BrowserErrors()


@pytest.fixture
def context(browser, browser_errors):
    """A fresh browser context (own cookies) at desktop size, with JavaScript on."""
    context = browser.new_context(viewport=DESKTOP, locale="fi-FI")
    browser_errors.attach(context)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    yield page
    page.close()


@pytest.fixture
def screenshot():
    """Save full-page PNGs at desktop and phone width.

    They go to test-artifacts/screenshots/<name>-desktop.png and <name>-phone.png.
    """
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    def _shoot(page, name: str) -> None:
        original = page.viewport_size or DESKTOP
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            page.set_viewport_size(size)
            page.wait_for_timeout(100)
            # caret="initial": hiding the caret leaves style="" on the form fields, which htmx's
            # settle step then copies with setAttribute() -- a (test-made) CSP style-src violation.
            page.screenshot(
                path=str(SCREENSHOT_DIR / f"{name}-{label}.png"), full_page=True, caret="initial"
            )
        page.set_viewport_size(original)

    return _shoot


@pytest.fixture(scope="session")
def long_content(live_app):
    """Content with its longest fields filled with unbroken text (tests/browser/long_content.py)."""
    from tests.browser.long_content import seed_long_content

    return seed_long_content(live_app)
