"""Registering, logging in and out, rate limits, passwords, profiles."""

import pytest
from sqlalchemy import func, select

from idealaari.accounts.models import Role, User
from idealaari.extensions import db
from idealaari.organisations.models import Organisation, OrganisationKind
from tests.factories import PASSWORD


def registration(org_id, **overrides):
    data = {
        "name": "Maija Meikäläinen",
        "email": "Maija.Meikalainen@Example.fi",
        "title": "TKI-asiantuntija",
        "organisation": str(org_id),
        "password": "pitka-salasana-1",
        "password_confirm": "pitka-salasana-1",
    }
    data.update(overrides)
    return data


def test_register_with_listed_organisation_logs_in(client, make_org):
    org = make_org()
    resp = client.post("/register", data=registration(org.id))
    assert resp.status_code == 303
    user = db.session.scalar(select(User))
    assert user.email == "maija.meikalainen@example.fi"
    assert user.organisation_id == org.id and user.role == Role.MEMBER
    assert user.password_hash != "pitka-salasana-1" and user.password_hash.startswith(
        ("scrypt:", "pbkdf2:")
    )
    assert "Maija Meikäläinen" in client.get("/").text


def test_register_adds_a_new_organisation_with_its_kind(client):
    resp = client.post(
        "/register",
        data=registration(
            0, new_organisation_name="Hyvinvointiyhdistys Ry", new_organisation_kind="ngo"
        ),
    )
    assert resp.status_code == 303
    org = db.session.scalar(
        select(Organisation).where(Organisation.name_fi == "Hyvinvointiyhdistys Ry")
    )
    assert org.kind == OrganisationKind.NGO
    assert db.session.scalar(select(User)).organisation_id == org.id


def test_register_reuses_an_organisation_of_the_same_name(client, make_org):
    org = make_org(name="Tampereen yliopisto", kind=OrganisationKind.UNIVERSITY)
    client.post(
        "/register",
        data=registration(
            0, new_organisation_name="tampereen YLIOPISTO", new_organisation_kind="university"
        ),
    )
    assert db.session.scalar(select(User)).organisation_id == org.id
    assert db.session.scalar(select(db.func.count()).select_from(Organisation)) == 1


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"email": ""}, "This field is required."),
        ({"email": "ei-sahkoposti"}, "Give a valid e-mail address."),
        ({"name": ""}, "This field is required."),
        ({"name": "x" * 121}, "Write between 2 and 120 characters."),
        (
            {"password": "lyhyt", "password_confirm": "lyhyt"},
            "Write between 10 and 200 characters.",
        ),
        ({"password_confirm": "eri-salasana-2"}, "The passwords do not match."),
        ({"organisation": "999999"}, "Choose one of the options given."),
        ({"organisation": "abc"}, "Choose one of the options given."),
        ({"organisation": "0"}, "Give the name of the organisation to add."),
        (
            {"organisation": "0", "new_organisation_name": "Uusi Oy"},
            "Choose the kind of the organisation to add.",
        ),
        (
            {
                "organisation": "0",
                "new_organisation_name": "Uusi Oy",
                "new_organisation_kind": "wellbeing_area",
            },
            "Choose one of the options given.",
        ),
        ({"title": "x" * 201}, "Write at most 200 characters."),
    ],
)
def test_register_bad_input(client, make_org, overrides, message):
    org = make_org()
    resp = client.post("/register", data=registration(org.id, **overrides))
    assert resp.status_code == 422
    assert message in resp.text
    assert db.session.scalar(select(User)) is None
    if overrides.get("name", "x") and "name" not in overrides:
        assert "Maija Meikäläinen" in resp.text  # typed values are kept


def test_register_twice_with_same_email_makes_no_second_account(client, make_user, make_org):
    """The answer does not tell whether the address has an account (the owner gets a mail)."""
    make_user(email="maija.meikalainen@example.fi")
    resp = client.post("/register", data=registration(make_org().id))
    assert resp.status_code == 303 and resp.headers["Location"] == "/register/sent"
    assert "Check your e-mail" in client.get("/register/sent").text
    assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_login_and_logout(client, make_user):
    user = make_user(email="kirjautuja@example.fi")
    resp = client.post("/login", data={"email": "Kirjautuja@example.fi", "password": PASSWORD})
    assert resp.status_code == 303
    assert user.name in client.get("/").text
    assert client.get("/logout").status_code == 405  # never by GET
    assert client.post("/logout").status_code == 303
    assert user.name not in client.get("/").text


def test_wrong_password_and_unknown_email_look_the_same(client, make_user):
    make_user(email="oikea@example.fi")
    wrong = client.post("/login", data={"email": "oikea@example.fi", "password": "väärä-salasana"})
    unknown = client.post(
        "/login", data={"email": "tuntematon@example.fi", "password": "väärä-salasana"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert "The e-mail address or the password is not correct." in wrong.text
    assert "The e-mail address or the password is not correct." in unknown.text


def test_deactivated_member_cannot_log_in(client, make_user):
    make_user(email="poistunut@example.fi", active=False)
    assert (
        client.post(
            "/login", data={"email": "poistunut@example.fi", "password": PASSWORD}
        ).status_code
        == 401
    )


def test_login_bad_input(client):
    resp = client.post("/login", data={"email": "", "password": ""})
    assert resp.status_code == 422 and "This field is required." in resp.text
    assert client.post("/login", data={"email": "x" * 300, "password": "y"}).status_code == 422


def test_repeated_failures_are_rate_limited_in_the_users_language(client, make_user):
    make_user(email="kohde@example.fi")
    client.set_cookie("idealaari_lang", "fi", domain="idealaari.test")
    for _ in range(5):
        assert (
            client.post(
                "/login", data={"email": "kohde@example.fi", "password": "väärin-väärin"}
            ).status_code
            == 401
        )
    resp = client.post("/login", data={"email": "kohde@example.fi", "password": PASSWORD})
    assert resp.status_code == 429
    assert 'lang="fi"' in resp.text
    assert "Liian monta yritystä" in resp.text


def test_successful_logins_do_not_count_towards_the_limit(client, make_user):
    make_user(email="usein@example.fi")
    for _ in range(7):
        assert (
            client.post(
                "/login", data={"email": "usein@example.fi", "password": PASSWORD}
            ).status_code
            == 303
        )
        client.post("/logout")


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "ideas",
    ],
)
def test_next_redirects_only_to_same_site_paths(client, make_user, target):
    make_user(email="seuraava@example.fi")
    resp = client.post(
        f"/login?next={target}", data={"email": "seuraava@example.fi", "password": PASSWORD}
    )
    assert resp.status_code == 303
    assert resp.headers["Location"] == "/"


def test_next_follows_a_relative_path(client, make_user):
    make_user(email="seuraava@example.fi")
    resp = client.post(
        "/login?next=/ideas/new", data={"email": "seuraava@example.fi", "password": PASSWORD}
    )
    assert resp.headers["Location"] == "/ideas/new"


def test_change_password(client, login, make_user):
    user = login(make_user(email="vaihtaja@example.fi"))
    bad = client.post(
        "/account/password",
        data={
            "current_password": "väärä",
            "new_password": "uusi-salasana-123",
            "new_password_confirm": "uusi-salasana-123",
        },
    )
    assert bad.status_code == 422 and "The current password is not correct." in bad.text
    short = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "lyhyt",
            "new_password_confirm": "lyhyt",
        },
    )
    assert short.status_code == 422
    ok = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "uusi-salasana-123",
            "new_password_confirm": "uusi-salasana-123",
        },
    )
    assert ok.status_code == 303
    client.post("/logout")
    assert (
        client.post("/login", data={"email": user.email, "password": PASSWORD}).status_code == 401
    )
    assert (
        client.post(
            "/login", data={"email": user.email, "password": "uusi-salasana-123"}
        ).status_code
        == 303
    )


def test_change_password_needs_login(client):
    assert client.get("/account/password").status_code == 302


def test_profile_lists_published_ideas(client, make_idea):
    idea = make_idea(title="Profiilin idea")
    page = client.get(f"/members/{idea.author.id}")
    assert page.status_code == 200 and "Profiilin idea" in page.text
    assert client.get("/members/999999").status_code == 404


def test_logged_in_member_is_redirected_from_register(client, login, make_user):
    login(make_user())
    assert client.get("/register").status_code == 302
