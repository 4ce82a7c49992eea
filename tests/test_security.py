"""Security behaviour: CSRF, headers, cookies, inert XSS in every text field."""

from html.parser import HTMLParser

import pytest

from idealaari.markdown import render_markdown
from tests.conftest import make_app
from tests.factories import PASSWORD

XSS_PAYLOADS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "[klik](javascript:alert(1))",
    '"><svg onload=alert(1)>',
    '<a href="javascript:alert(1)">a</a>',
]


class _ActiveContent(HTMLParser):
    """Collects what a browser would run: script-ish elements, on* handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed") or (tag == "script" and not dict(attrs).get("src")):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"{tag} {name}=javascript:")


def active_content(html: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(html)
    return parser.found


class _InlineCode(HTMLParser):
    """Collects what the Content-Security-Policy would block: code and style written in the page.

    A <script> without a src, whatever its type (module, importmap, JSON), on* and hx-on
    handlers, <style> elements and style= attributes.
    """

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not (dict(attrs).get("src") or "").strip():
            self.found.append(f"<script {' '.join(f'{n}={v}' for n, v in attrs)}>".strip())
        if tag == "style":
            self.found.append("<style>")
        for name, _value in attrs:
            if name.startswith(("on", "hx-on")):
                self.found.append(f"<{tag} {name}=>")
            if name == "style":
                self.found.append(f"<{tag} style=>")

    handle_startendtag = handle_starttag


def inline_code(html: str) -> list[str]:
    parser = _InlineCode()
    parser.feed(html)
    parser.close()
    return parser.found


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        "<script type=module>import './x.js'</script>",
        '<SCRIPT TYPE="text/javascript">alert(1)</SCRIPT>',
        '<script type="importmap">{}</script>',
        '<script src="">alert(1)</script>',
        '<button onclick="go()">Go</button>',
        "<img src=/x.png onerror=alert(1)>",
        '<svg onload="alert(1)"/>',
        '<div hx-on:click="alert(1)"></div>',
        "<style>body { color: red }</style>",
        '<p style="color: red">x</p>',
        "<br style=display:none>",
    ],
)
def test_inline_code_check_catches(html):
    assert inline_code(f"<!doctype html><html><body>{html}</body></html>") != [], html


def test_inline_code_check_allows_files_from_static():
    html = (
        '<link rel="stylesheet" href="/static/css/idealaari.css">'
        '<script src="/static/js/idealaari.js" defer></script>'
        '<script type="module" src="/static/js/x.js"></script>'
        '<p class="one" data-onclick="x">Ohje: on=päällä</p>'
    )
    assert inline_code(html) == []


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_markdown_renders_payloads_inert(payload):
    assert active_content(str(render_markdown(payload))) == []


def test_markdown_links_get_safe_rel():
    html = str(render_markdown("[THL](https://thl.fi)"))
    assert 'href="https://thl.fi"' in html and 'rel="noopener nofollow ugc"' in html


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payload_in_every_idea_field_is_inert(client, login, make_user, payload):
    user = login(make_user(name=f"Nimi {payload}"[:120]))
    data = {
        "title": f"Otsikko {payload}"[:160],
        "summary": f"Tiivistelmä joka on tarpeeksi pitkä {payload}",
        "need": f"Tarve {payload}",
        "body": f"Kuvaus {payload}",
        "tags": "turva, " + payload[:30].replace(",", " "),
        "phase": "ideation",
        "organisation": str(user.organisation_id),
        "publish": "1",
    }
    resp = client.post("/ideas/new", data=data)
    assert resp.status_code == 302, resp.text
    for url in (
        resp.headers["Location"],
        "/ideas",
        "/",
        f"/members/{user.id}",
        resp.headers["Location"].split("-")[0] + "/history",
    ):
        resp = client.get(url, follow_redirects=True)
        assert resp.status_code == 200, url
        assert active_content(resp.text) == [], url


def test_payload_in_registration_fields_is_inert(client, make_org):
    make_org()
    payload = "<script>alert(1)</script>"
    resp = client.post(
        "/register",
        data={
            "name": payload,
            "email": "x@example.fi",
            "title": payload,
            "organisation": "0",
            "new_organisation_name": f"Org {payload}",
            "new_organisation_kind": "ngo",
            "password": "pitka-salasana-1",
            "password_confirm": "pitka-salasana-1",
        },
        follow_redirects=True,
    )
    assert resp.status_code == 200
    assert active_content(resp.text) == [] and "&lt;script&gt;" in resp.text
    assert active_content(client.get("/organisations/").text) == []


def test_security_headers(client):
    resp = client.get("/")
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert "HX-Request" in resp.headers["Vary"]


def test_pages_have_no_inline_script_or_style(client, make_idea):
    idea = make_idea()
    for url in (
        "/",
        "/ideas",
        "/ideas/archive",
        f"/ideas/{idea.id}-{idea.slug}",
        f"/ideas/{idea.id}/history",
        "/themes",
        "/polls",
        "/search?q=kotihoito",
        "/organisations/",
        "/accessibility",
        "/login",
        "/register",
    ):
        resp = client.get(url)
        assert resp.status_code == 200, url
        page = resp.text
        assert inline_code(page) == [], url
        assert (
            'src="http' not in page
            and 'href="http' not in page.split("</main>")[0].split("<main")[0]
        )


def test_session_cookie_flags_in_development(client, make_user):
    make_user(email="keksi@example.fi")
    resp = client.post(
        "/login", data={"email": "keksi@example.fi", "password": PASSWORD, "remember": "y"}
    )
    cookies = resp.headers.getlist("Set-Cookie")
    session = next(c for c in cookies if c.startswith("session="))
    assert "HttpOnly" in session and "SameSite=Lax" in session and "Secure" not in session
    remember = next(c for c in cookies if c.startswith("remember_token="))
    assert "HttpOnly" in remember


def test_production_sets_secure_cookies_and_hsts(database_url, tmp_path):
    app = make_app(database_url, tmp_path, ENVIRON={"IDEALAARI_ENV": "production"})
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    with app.test_client() as c:
        resp = c.get("/healthz")
        assert "max-age" in resp.headers["Strict-Transport-Security"]


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_csrf_is_required_on_every_post(client, login, make_user, make_idea):
    idea = make_idea()
    login(idea.author)
    for url in (
        "/ideas/new",
        f"/ideas/{idea.id}/edit",
        f"/ideas/{idea.id}/archive",
        "/logout",
        "/language",
        "/themes",
        "/login",
        "/register",
    ):
        resp = client.post(url, data={"title": "x"})
        assert resp.status_code == 400, url
        assert "The form had expired" in resp.text


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_htmx_requests_send_the_token_in_a_header(client, login, make_user):
    login(make_user())
    page = client.get("/ideas/new").text
    token = page.split('"X-CSRFToken": "')[1].split('"')[0]
    resp = client.post(
        "/ideas/validate/title",
        data={"title": "Hyvä otsikko"},
        headers={"HX-Request": "true", "X-CSRFToken": token},
    )
    assert resp.status_code == 200
    refused = client.post(
        "/ideas/validate/title", data={"title": "Hyvä otsikko"}, headers={"HX-Request": "true"}
    )
    assert refused.status_code == 400
