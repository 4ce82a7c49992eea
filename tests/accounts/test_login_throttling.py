"""Login throttling per account with device cookies: guessing from many addresses stops, while
the member's own browser, and other members behind the same address, still get in."""

from __future__ import annotations

from tests.factories import PASSWORD

DEVICE_COOKIE = "idealaari_device"


def attempt(client, email, password, address="10.0.0.1"):
    return client.post(
        "/login",
        data={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def spray(app, email, *, tries=40, addresses=10):
    """Wrong passwords for one account from several addresses, each a fresh client."""
    codes = []
    for n in range(tries):
        attacker = app.test_client()
        resp = attempt(attacker, email, f"arvaus-{n}-väärin", f"192.0.2.{n % addresses}")
        codes.append(resp.status_code)
    return codes


def test_guessing_from_many_addresses_is_stopped_per_account(app, make_user):
    user = make_user(email="kohde@example.fi")
    codes = spray(app, user.email)
    assert codes[:5] == [401] * 5
    assert set(codes[5:]) == {429}
    # Even the right password is refused to a client the account has not seen.
    stranger = app.test_client()
    resp = attempt(stranger, user.email, PASSWORD, "198.51.100.7")
    assert resp.status_code == 429
    # The refusal is in the page's language (Finnish by default).
    assert "Tälle tilille on yritetty kirjautua liian monta kertaa" in resp.text


def test_the_members_own_browser_still_gets_in(app, client, make_user):
    user = make_user(email="kohde@example.fi")
    assert attempt(client, user.email, PASSWORD).status_code == 303
    assert client.get_cookie(DEVICE_COOKIE, domain="idealaari.test") is not None
    client.post("/logout")
    spray(app, user.email)
    assert attempt(client, user.email, PASSWORD).status_code == 303


def test_a_device_cookie_of_another_account_does_not_help(app, client, make_user):
    mine = make_user()
    target = make_user()
    assert attempt(client, mine.email, PASSWORD).status_code == 303
    client.post("/logout")
    spray(app, target.email, tries=6)
    assert attempt(client, target.email, PASSWORD).status_code == 429


def test_another_member_behind_the_same_address_still_gets_in(app, make_user):
    target = make_user()
    colleague = make_user()
    codes = spray(app, target.email, tries=40, addresses=1)
    assert 401 in codes and codes[-1] == 429
    same_nat = app.test_client()
    assert attempt(same_nat, colleague.email, PASSWORD, "192.0.2.0").status_code == 303


def test_the_lockout_grows_with_further_failures(app, make_user):
    from idealaari.accounts import services

    user = make_user()
    for _ in range(5):
        services.record_untrusted_failure(user.email)
    first = services.lockout_remaining(user.email)
    services.record_untrusted_failure(user.email)
    assert 0 < first <= 60 < services.lockout_remaining(user.email) <= 120


def test_unknown_addresses_lock_the_same_way(app):
    codes = spray(app, "ei-ole@example.fi", tries=7)
    assert codes == [401] * 5 + [429] * 2


def test_wrong_current_passwords_on_the_change_form_are_throttled(client, login, make_user):
    login(make_user())
    wrong = {
        "current_password": "väärä-salasana",
        "new_password": "kolme-sanaa-jotka-ei-liity",
        "new_password_confirm": "kolme-sanaa-jotka-ei-liity",
    }
    codes = [client.post("/account/password", data=wrong).status_code for _ in range(6)]
    assert codes == [422] * 5 + [429]
    right = {**wrong, "current_password": PASSWORD}
    assert client.post("/account/password", data=right).status_code == 429
