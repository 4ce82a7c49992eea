"""Site-wide behaviour: health check, language choice, error pages in the user's language."""

import re
from pathlib import Path
from zoneinfo import ZoneInfo

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
    [
        ("fi", "Sivua ei löytynyt. Se on ehkä"),
        ("sv", "Vi hittade inte sidan"),
        ("en", "We could not find that page"),
    ],
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
    assert resp.status_code == 403 and 'class="error-page"' in resp.text
    assert client.post("/language", data={"lang": "xx"}).status_code == 400


def test_500_page_in_users_language(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    client.set_cookie("idealaari_lang", "sv", domain="idealaari.test")
    resp = client.get("/boom")
    assert resp.status_code == 500 and 'lang="sv"' in resp.text and "RuntimeError" not in resp.text


def test_404_page_says_what_happened_once(client):
    page = client.get("/ei-tallaista-sivua").text
    heading = re.search(r"<h1>(.*?)</h1>", page).group(1)
    lead = re.search(r'<p class="lead" id="error-reason">(.*?)</p>', page).group(1)
    assert heading == "Nothing at this address"
    assert lead.startswith("We could not find that page")
    assert page.count(heading) == 1 and "Page not found" not in page
    assert "Error 404" in page


def test_refusal_page_gives_the_reason_from_abort(app, client):
    from flask import abort

    @app.get("/refuse-with-reason")
    def refuse_with_reason():
        abort(403, description="Only the coordination team can do this.")

    @app.get("/refuse-plainly")
    def refuse_plainly():
        abort(403)

    resp = client.get("/refuse-with-reason")
    assert resp.status_code == 403
    assert '<p class="lead" id="error-reason">Only the coordination team can do this.</p>' in (
        resp.text
    )
    plain = client.get("/refuse-plainly").text
    assert "Your account cannot do this here." in plain
    assert "permission to access the requested resource" not in plain


def test_rate_limit_page_does_not_show_the_limit(app, client):
    from flask_limiter.errors import RateLimitExceeded

    @app.get("/limited")
    def limited():
        class Limit:
            error_message = None
            limit = "5 per 1 minute"

        raise RateLimitExceeded(Limit())

    resp = client.get("/limited")
    assert resp.status_code == 429
    assert "Too many attempts. Wait a moment" in resp.text and "5 per 1 minute" not in resp.text


def _someone_elses_comment(make_user, make_idea):
    from idealaari.comments import services as comment_services

    idea = make_idea()
    comment = comment_services.post_comment(
        discussion=idea.discussion, author=idea.author, body="Alkuperäinen kommentti."
    )
    db.session.commit()
    return comment


@pytest.mark.parametrize("method", ["get", "post"])
def test_editing_someone_elses_comment_is_a_plain_refusal(
    client, login, make_user, make_idea, method
):
    comment = _someone_elses_comment(make_user, make_idea)
    login(make_user())
    resp = getattr(client, method)(
        f"/comments/{comment.id}/edit", data={"body": "Väärennetty teksti."}
    )
    assert resp.status_code == 403
    assert "You can only edit your own comments." in resp.text
    assert 'class="error-page"' in resp.text
    # No edit form, neither with the comment's text nor with what the request sent.
    assert "<textarea" not in resp.text
    assert "Väärennetty teksti." not in resp.text
    assert "Alkuperäinen kommentti." not in resp.text


def test_editing_someone_elses_comment_with_htmx_is_refused_in_place(
    client, login, make_user, make_idea, htmx_headers
):
    comment = _someone_elses_comment(make_user, make_idea)
    login(make_user())
    resp = client.post(
        f"/comments/{comment.id}/edit", data={"body": "Väärennetty."}, headers=htmx_headers
    )
    assert resp.status_code == 403 and "<html" not in resp.text
    assert "You can only edit your own comments." in resp.text


@pytest.mark.parametrize(
    "lang, date, moment",
    [
        ("fi", "7.12.2026", "7.12.2026 15.31"),
        ("sv", "7.12.2026", "7.12.2026 kl. 15.31"),
        ("en", "7 Dec 2026", "7 Dec 2026, 15:31"),
    ],
)
def test_dates_are_day_month_year_with_a_24_hour_clock(app, lang, date, moment):
    from datetime import UTC, datetime

    from flask_babel import force_locale

    value = datetime(2026, 12, 7, 13, 31, tzinfo=UTC)  # 15.31 in Helsinki
    with app.test_request_context("/"), force_locale(lang):
        render = app.jinja_env.from_string("{{ v | date }}|{{ v | datetime }}|{{ v | longdate }}")
        day, at, long = render.render(v=value).split("|")
    assert (day, at) == (date, moment)
    assert "PM" not in at and "/" not in day
    assert long.startswith("7") and "2026" in long


def test_english_pages_show_day_month_year(client, make_idea):
    idea = make_idea()
    page = client.get(f"/ideas/{idea.id}-{idea.slug}").text
    d = idea.created_at.astimezone(ZoneInfo("Europe/Helsinki"))
    assert f"{d.day} {d.strftime('%b')} {d.year}" in page
    assert f"{d.month}/{d.day}/{d.strftime('%y')}" not in page


def test_front_page_lists_show_different_ideas(client, make_user, make_idea):
    author = make_user()
    seeking = [make_idea(author=author, seeks_partners=True) for _ in range(3)]
    newest = [make_idea(author=author) for _ in range(6)]
    page = client.get("/").text
    new_part, seeking_part = page.split('id="seeking-title"', 1)
    for idea in newest:
        assert f'id="new-idea-{idea.id}-title"' in new_part
    for idea in seeking:
        assert f'id="seeking-idea-{idea.id}-title"' in seeking_part
        assert f"idea-{idea.id}-title" not in new_part


def test_front_page_explains_when_all_seeking_ideas_are_new(client, make_idea):
    make_idea(seeks_partners=True)
    page = client.get("/").text
    assert "The ideas seeking partners are among the new ideas above." in page
    assert "No idea is seeking partners right now." not in page


def test_idea_cards_in_two_lists_get_their_own_ids(app, make_idea):
    idea = make_idea()
    with app.test_request_context("/"):
        html = app.jinja_env.from_string(
            '{% from "_macros/ideas.html" import idea_grid %}'
            "{{ idea_grid(ideas, id_prefix='a-') }}{{ idea_grid(ideas, id_prefix='b-') }}"
        ).render(ideas=[idea])
    assert html.count(f'id="a-idea-{idea.id}-title"') == 1
    assert html.count(f'id="b-idea-{idea.id}-title"') == 1
    assert f'aria-labelledby="b-idea-{idea.id}-title"' in html


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
