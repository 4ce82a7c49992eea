"""Forgotten password: a signed, single-use link by e-mail, valid for an hour."""

from __future__ import annotations

import time

from itsdangerous import TimestampSigner

from idealaari.accounts import services
from idealaari.extensions import db
from tests.factories import PASSWORD

NEW_PASSWORD = "kolme-sanaa-jotka-ei-liity"


def ask(client, email, **environ):
    return client.post("/account/password/forgot", data={"email": email}, environ_base=environ)


def set_password(client, path, password=NEW_PASSWORD):
    return client.post(path, data={"new_password": password, "new_password_confirm": password})


def test_login_page_links_to_the_reset(client):
    assert "/account/password/forgot" in client.get("/login").text


def test_the_link_works_once(client, make_user, smtp_server, link):
    user = make_user(email="unohtaja@example.fi")
    user.locale = "en"
    db.session.commit()
    resp = ask(client, "Unohtaja@Example.fi")
    assert resp.status_code == 303
    [message] = smtp_server.to("unohtaja@example.fi")
    assert message["Subject"] == "Set a new password for Idealaari"
    path = link(message, "/account/password/reset/")
    assert client.get(path).status_code == 200

    weak = set_password(client, path, "aaaaaaaaaaaa")
    assert weak.status_code == 422 and "too easy to guess" in weak.text

    done = set_password(client, path)
    assert done.status_code == 303 and done.headers["Location"].endswith("/login")
    assert "Log in with the new password" in client.get("/login").text
    again = set_password(client, path, "toinen-uusi-salasana-kelpaa")
    assert again.status_code == 400 and "already been used" in again.text
    assert client.get(path).status_code == 400

    old = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert old.status_code == 401
    new = client.post("/login", data={"email": user.email, "password": NEW_PASSWORD})
    assert new.status_code == 303


def test_a_reset_ends_every_session(app, client, make_user):
    user = make_user()
    assert (
        client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 303
    )
    token = services.password_reset_token(user)
    other = app.test_client()
    assert set_password(other, f"/account/password/reset/{token}").status_code == 303
    assert client.get("/notifications").status_code == 302


def test_the_link_expires_after_an_hour(client, make_user, monkeypatch):
    user = make_user()
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(time.time()) - 3601)
    token = services.password_reset_token(user)
    monkeypatch.undo()
    resp = client.get(f"/account/password/reset/{token}")
    assert resp.status_code == 400 and "expired" in resp.text
    assert set_password(client, f"/account/password/reset/{token}").status_code == 400


def test_a_forged_link_is_refused(client):
    resp = client.get("/account/password/reset/eyJ1c2VyIjoxfQ.forged.sig")
    assert resp.status_code == 400 and "not valid" in resp.text


def test_unknown_address_gets_the_same_answer_and_no_mail(client, make_user, smtp_server):
    make_user(email="olemassa@example.fi")
    known = ask(client, "olemassa@example.fi")
    unknown = ask(client, "ei-ketaan@example.fi")
    assert known.status_code == unknown.status_code == 303
    assert known.headers["Location"] == unknown.headers["Location"]
    page = client.get(unknown.headers["Location"]).text
    assert "If the address has an account" in page
    assert len(smtp_server.to("olemassa@example.fi")) == 1
    assert smtp_server.to("ei-ketaan@example.fi") == []


def test_the_limit_bites_per_address(client, make_user, smtp_server):
    make_user(email="kohde@example.fi")
    answers = [
        ask(client, "kohde@example.fi", REMOTE_ADDR=f"10.0.0.{n}").status_code for n in range(5)
    ]
    assert answers == [303, 303, 303, 429, 429]
    assert len(smtp_server.to("kohde@example.fi")) == 3


def test_the_limit_bites_per_client(client, make_user):
    answers = [ask(client, f"osoite{n}@example.fi").status_code for n in range(12)]
    assert answers[:10] == [303] * 10 and answers[10:] == [429, 429]
