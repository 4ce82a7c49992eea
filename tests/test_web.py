"""Site-wide behaviour: health check, language choice, error pages in the user's language."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from sqlalchemy.exc import OperationalError

from idealaari.extensions import db

TRANSLATIONS = Path(__file__).resolve().parent.parent / "idealaari" / "translations"


def test_healthz_ok(client):
    resp = client.get("/healthz")
    assert resp.status_code == 200 and resp.get_json() == {"status": "ok", "database": "ok"}


def test_healthz_reports_a_failing_database(client, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(db.session, "execute", broken)
    resp = client.get("/healthz")
    assert resp.status_code == 503
    assert resp.get_json()["status"] == "error" and resp.get_json()["database"] == "error"


def test_finnish_is_the_default(app):
    client = app.test_client()
    page = client.get("/").text
    assert '<html lang="fi"' in page and "Siirry sisältöön" in page


def test_language_choice_persists_in_a_cookie(client):
    resp = client.post("/language", data={"lang": "sv", "next": "/ideas"})
    assert resp.status_code == 303 and resp.headers["Location"] == "/ideas"
    assert "HttpOnly" in resp.headers["Set-Cookie"]
    page = client.get("/ideas").text
    assert '<html lang="sv"' in page
    assert 'href="#main">Hoppa till innehållet</a>' in page
    assert "Siirry sisältöön" not in page and "Skip to content" not in page


def test_language_choice_is_saved_on_the_account(client, login, make_user):
    user = login(make_user())
    client.post("/language", data={"lang": "sv"})
    db.session.expire_all()
    assert db.session.get(type(user), user.id).locale == "sv"
    client.delete_cookie("idealaari_lang", domain="idealaari.test")
    assert '<html lang="sv"' in client.get("/").text


@pytest.mark.parametrize("data", [{"lang": "de"}, {"lang": ""}, {}])
def test_unknown_language_is_refused(client, data):
    assert client.post("/language", data=data).status_code == 400


def test_language_next_must_be_same_site(client):
    resp = client.post("/language", data={"lang": "fi", "next": "https://evil.example/"})
    assert resp.headers["Location"] == "/"


@pytest.mark.parametrize(
    "lang, text",
    [("fi", "Sivua ei löytynyt"), ("sv", "Sidan hittades inte"), ("en", "Page not found")],
)
def test_error_pages_speak_the_users_language(client, lang, text):
    client.set_cookie("idealaari_lang", lang, domain="idealaari.test")
    resp = client.get("/ei-tallaista-sivua")
    assert resp.status_code == 404 and text in resp.text and f'lang="{lang}"' in resp.text


def test_403_and_400_pages(client, login, make_user, make_idea):
    client.set_cookie("idealaari_lang", "fi", domain="idealaari.test")
    idea = make_idea()
    login(make_user())
    resp = client.get(f"/ideas/{idea.id}/edit")
    assert resp.status_code == 403 and "Ei käyttöoikeutta" in resp.text
    assert client.post("/language", data={"lang": "xx"}).status_code == 400


def test_500_page_in_users_language(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    client.set_cookie("idealaari_lang", "sv", domain="idealaari.test")
    resp = client.get("/boom")
    assert resp.status_code == 500 and 'lang="sv"' in resp.text and "RuntimeError" not in resp.text


def test_dates_are_in_finnish_format(app, make_idea):
    client = app.test_client()
    idea = make_idea()
    page = client.get(f"/ideas/{idea.id}-{idea.slug}").text
    d = idea.created_at.astimezone()
    assert f"{d.day}.{d.month}.{d.year}" in page


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_catalogues_are_complete(lang):
    with open(TRANSLATIONS / "messages.pot", "rb") as f:
        template = read_po(f)
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        catalogue = read_po(f)
    missing = [
        m.id
        for m in template
        if m.id and (catalogue.get(m.id) is None or not catalogue.get(m.id).string)
    ]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert missing == [] and fuzzy == []


def test_every_page_has_one_h1_a_skip_link_and_labels(client, login, make_user, make_idea):
    idea = make_idea()
    login(idea.author)
    for url in (
        "/",
        "/ideas",
        "/ideas/archive",
        f"/ideas/{idea.id}-{idea.slug}",
        "/ideas/new",
        f"/ideas/{idea.id}/edit",
        f"/ideas/{idea.id}/history",
        "/themes",
        "/organisations/",
        f"/members/{idea.author.id}",
        "/accessibility",
    ):
        page = client.get(url).text
        assert page.count("<h1") == 1, url
        assert 'class="skip-link" href="#main"' in page and 'id="main"' in page, url
