"""Sessions can be revoked: log out everywhere, a password change and a reset end them."""

from __future__ import annotations

from idealaari.extensions import db
from tests.factories import PASSWORD

NEW_PASSWORD = "kolme-sanaa-jotka-ei-liity"


def log_in(client, user, *, remember=True):
    data = {"email": user.email, "password": PASSWORD}
    if remember:
        data["remember"] = "y"
    assert client.post("/login", data=data).status_code == 303


def browser_with(app, **cookies):
    """Another browser holding only the given saved cookies."""
    other = app.test_client()
    for name, value in cookies.items():
        other.set_cookie(name, value, domain="idealaari.test")
    return other


def saved_cookies(client):
    return {
        "session": client.get_cookie("session", domain="idealaari.test").value,
        "remember_token": client.get_cookie("remember_token", domain="idealaari.test").value,
    }


def opens_notifications(browser) -> bool:
    return browser.get("/notifications").status_code == 200


def test_the_session_carries_the_session_token_not_the_id(app, client, make_user):
    user = make_user()
    log_in(client, user)
    with client.session_transaction() as session:
        assert session["_user_id"] == user.session_token != str(user.id)


def test_logout_everywhere_ends_saved_sessions_and_remember_cookies(app, client, make_user):
    user = make_user()
    log_in(client, user)
    cookies = saved_cookies(client)
    assert opens_notifications(browser_with(app, session=cookies["session"]))
    assert opens_notifications(browser_with(app, remember_token=cookies["remember_token"]))

    resp = client.post("/account/logout-everywhere")
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/login")
    assert "You are logged out on all your devices." in client.get("/login").text

    assert not opens_notifications(browser_with(app, session=cookies["session"]))
    assert not opens_notifications(browser_with(app, remember_token=cookies["remember_token"]))
    assert not opens_notifications(client)
    db.session.refresh(user)
    assert user.session_token != cookies["session"]


def test_logout_everywhere_needs_login_and_a_post(client):
    assert client.get("/account/logout-everywhere").status_code == 405
    assert client.post("/account/logout-everywhere").status_code == 302


def test_logging_out_on_one_device_keeps_the_others(app, client, make_user):
    user = make_user()
    log_in(client, user)
    other = app.test_client()
    log_in(other, user)
    client.post("/logout")
    assert not opens_notifications(client)
    assert opens_notifications(other)


def test_password_change_ends_other_sessions_but_keeps_this_one(app, client, make_user):
    user = make_user()
    log_in(client, user)
    other = app.test_client()
    log_in(other, user)
    cookies = saved_cookies(other)
    resp = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "new_password_confirm": NEW_PASSWORD,
        },
    )
    assert resp.status_code == 303
    assert opens_notifications(client)
    assert not opens_notifications(other)
    assert not opens_notifications(browser_with(app, remember_token=cookies["remember_token"]))
    assert not opens_notifications(browser_with(app, session=cookies["session"]))
