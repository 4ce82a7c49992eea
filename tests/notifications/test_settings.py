"""The member's e-mail settings page: a daily or weekly digest, or no e-mail at all."""

from __future__ import annotations

import re

from idealaari.extensions import db


def frequency_of(user) -> str:
    db.session.expire_all()
    return user.digest_frequency


def test_page_shows_the_current_choice_and_what_off_means(client, login, make_user):
    member = login(make_user())
    page = client.get("/notifications/settings")
    assert page.status_code == 200
    assert page.text.count("<h1") == 1
    assert re.search(r'<input[^>]* checked [^>]*value="weekly"', page.text)
    assert not re.search(r'<input[^>]* checked [^>]*value="(daily|off)"', page.text)
    assert "No digests and no partner offers by e-mail" in page.text
    assert member.email in page.text


def test_choosing_daily_saves_and_redirects(client, login, make_user):
    member = login(make_user())
    resp = client.post("/notifications/settings", data={"digest_frequency": "daily"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/notifications/settings")
    assert frequency_of(member) == "daily"
    assert "Your notification settings are saved." in client.get("/notifications/settings").text


def test_turning_mail_off_and_back_on(client, login, make_user):
    member = login(make_user())
    client.post("/notifications/settings", data={"digest_frequency": "off"})
    assert frequency_of(member) == "off"
    client.post("/notifications/settings", data={"digest_frequency": "weekly"})
    assert frequency_of(member) == "weekly"


def test_an_unknown_choice_is_refused_inline(client, login, make_user):
    member = login(make_user())
    resp = client.post("/notifications/settings", data={"digest_frequency": "hourly"})
    assert resp.status_code == 422
    assert "Choose one of the options given." in resp.text
    assert frequency_of(member) == "weekly"


def test_visitors_are_sent_to_log_in(client, htmx_headers):
    resp = client.get("/notifications/settings")
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]
    resp = client.post(
        "/notifications/settings", data={"digest_frequency": "off"}, headers=htmx_headers
    )
    assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]


def test_notifications_page_links_to_the_settings(client, login, make_user):
    login(make_user())
    assert 'href="/notifications/settings"' in client.get("/notifications").text
