"""Registering: the same answer whether or not the address has an account, mail either way,
strong passwords, and organisations that do not multiply."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from idealaari.accounts.models import User
from idealaari.extensions import db
from idealaari.organisations.models import Organisation, OrganisationKind
from tests.accounts.test_accounts import registration


def users() -> int:
    db.session.commit()
    return db.session.scalar(select(func.count()).select_from(User))


def test_new_and_existing_addresses_get_the_same_answer(
    app, client, make_org, make_user, smtp_server, link
):
    org = make_org()
    existing = make_user(email="olen.jo@example.fi")
    existing.locale = "en"
    db.session.commit()
    client.set_cookie("idealaari_lang", "en", domain="idealaari.test")
    new = client.post("/register", data=registration(org.id, email="uusi.jasen@example.fi"))
    other = app.test_client()
    other.set_cookie("idealaari_lang", "en", domain="idealaari.test")
    old = other.post("/register", data=registration(org.id, email="Olen.Jo@example.fi"))
    assert new.status_code == old.status_code == 303
    assert new.headers["Location"] == old.headers["Location"] == "/register/sent"
    assert "Check your e-mail" in client.get("/register/sent").text
    assert users() == 2  # no second account for the existing address

    [verify] = smtp_server.to("uusi.jasen@example.fi")
    assert verify["Subject"] == "Confirm your e-mail address for Idealaari"
    assert client.post(link(verify, "/account/verify/")).status_code == 303
    assert (
        db.session.scalar(
            select(User).where(User.email == "uusi.jasen@example.fi")
        ).email_verified_at
        is not None
    )

    [exists] = smtp_server.to("olen.jo@example.fi")
    assert exists["Subject"] == "You already have an Idealaari account"
    reset = link(exists, "/account/password/reset/")
    assert other.get(reset).status_code == 200


def test_the_new_member_is_logged_in_but_unverified(client, make_org):
    client.post("/register", data=registration(make_org().id))
    user = db.session.scalar(select(User))
    assert user.email_verified_at is None
    assert 'id="verify-banner"' in client.get("/").text


@pytest.mark.parametrize(
    "password, message",
    [
        ("aaaaaaaaaaaa", "too easy to guess"),
        ("salasana123", "too easy to guess"),
        ("qwertyuiop", "too easy to guess"),
        ("maija.meikalainen-hyva", "must not contain your name or your e-mail"),
        ("lyhyt", "Write between 10 and 200 characters."),
    ],
)
def test_weak_passwords_are_refused(client, make_org, password, message):
    resp = client.post(
        "/register",
        data=registration(make_org().id, password=password, password_confirm=password),
    )
    assert resp.status_code == 422 and message in resp.text
    assert users() == 0


def test_weak_new_password_is_refused_on_change(client, login, make_user):
    from tests.factories import PASSWORD

    login(make_user())
    resp = client.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": "aaaaaaaaaa",
            "new_password_confirm": "aaaaaaaaaa",
        },
    )
    assert resp.status_code == 422 and "too easy to guess" in resp.text


def test_the_organisation_list_starts_empty_counties_first_new_last(client, make_org):
    university = make_org(kind=OrganisationKind.UNIVERSITY)
    county = make_org(kind=OrganisationKind.WELLBEING_AREA)
    page = client.get("/register").text
    select_html = page[page.index('name="organisation"') : page.index("</select>")]
    assert select_html.startswith('name="organisation" required>')
    options = select_html.split("<option")[1:]
    assert 'value=""' in options[0] and "Choose your organisation" in options[0]
    values = [o.split('value="')[1].split('"')[0] for o in options]
    assert values.index(str(county.id)) < values.index(str(university.id))
    assert values[-1] == "0" and "Add a new organisation" in options[-1]


def test_no_organisation_chosen_is_refused(client):
    resp = client.post("/register", data=registration(""))
    assert resp.status_code == 422 and "Choose your organisation." in resp.text


def test_an_existing_name_with_another_kind_is_not_silently_ignored(client, make_org):
    make_org(name="Tampereen yliopisto", kind=OrganisationKind.UNIVERSITY)
    resp = client.post(
        "/register",
        data=registration(
            0, new_organisation_name="Tampereen yliopisto", new_organisation_kind="company"
        ),
    )
    assert resp.status_code == 422
    assert "is already on the list" in resp.text and "University or UAS" in resp.text
    assert users() == 0


def tampere(make_org):
    org = make_org(name="Tampereen yliopisto", kind=OrganisationKind.UNIVERSITY)
    org.name_en = "Tampere University"
    org.name_sv = "Tammerfors universitet"
    db.session.commit()
    return org


def test_similar_organisations_are_shown_while_typing(client, make_org):
    tampere(make_org)
    resp = client.get(
        "/register/similar-organisations?new_organisation_name=Tampere+Universit",
        headers={"HX-Request": "true"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert 'id="similar-organisations"' in resp.text and "Tampere University" in resp.text
    unlike = client.get("/register/similar-organisations?new_organisation_name=Kissayhdistys")
    assert "Tampere University" not in unlike.text


def test_a_similar_organisation_is_asked_about_before_adding(client, make_org):
    org = tampere(make_org)
    data = registration(
        0, new_organisation_name="Tampere Universty", new_organisation_kind="university"
    )
    asked = client.post("/register", data=data)
    assert asked.status_code == 422
    assert "Did you mean one of these?" in asked.text and "Tampere University" in asked.text
    assert "Create a new one anyway" in asked.text
    assert users() == 0

    chosen = client.post("/register", data={**data, "use_organisation": str(org.id)})
    assert chosen.status_code == 303
    assert db.session.scalar(select(User)).organisation_id == org.id
    assert db.session.scalar(select(func.count()).select_from(Organisation)) == 1


def test_a_new_organisation_can_be_created_anyway(client, make_org):
    tampere(make_org)
    data = registration(
        0,
        new_organisation_name="Tampere Universities Foundation",
        new_organisation_kind="university",
        confirm_new="1",
    )
    assert client.post("/register", data=data).status_code == 303
    assert db.session.scalar(
        select(Organisation).where(Organisation.name_fi == "Tampere Universities Foundation")
    )


def test_typing_an_existing_english_name_uses_that_organisation(client, make_org):
    org = tampere(make_org)
    data = registration(
        0, new_organisation_name="Tampere University", new_organisation_kind="university"
    )
    assert client.post("/register", data=data).status_code == 303
    assert db.session.scalar(select(User)).organisation_id == org.id
    assert db.session.scalar(select(func.count()).select_from(Organisation)) == 1
