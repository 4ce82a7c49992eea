"""Flask CLI commands: users and organisations; each fails clearly with a non-zero exit."""

from sqlalchemy import select

from idealaari.accounts.models import Role, User
from idealaari.extensions import db
from idealaari.organisations.models import Organisation


def test_users_create_and_set_role(runner, make_org):
    make_org(code="pir")
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "Uusi@Example.fi",
            "--name",
            "Uusi Käyttäjä",
            "--role",
            "moderator",
            "--organisation",
            "pir",
            "--password",
            "pitka-salasana-1",
        ]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User))
    assert user.email == "uusi@example.fi" and user.role == Role.MODERATOR
    result = runner.invoke(args=["users", "set-role", "uusi@example.fi", "admin"])
    assert result.exit_code == 0 and "admin" in result.output
    db.session.expire_all()
    assert db.session.scalar(select(User)).role == Role.ADMIN


def test_users_create_errors(runner, make_org, make_user):
    make_org(code="pir")
    make_user(email="olemassa@example.fi")
    base = ["users", "create", "--name", "X Y", "--password", "pitka-salasana-1"]
    unknown_org = runner.invoke(args=[*base, "--email", "a@example.fi", "--organisation", "nope"])
    assert unknown_org.exit_code != 0 and "No organisation with code 'nope'" in unknown_org.output
    duplicate = runner.invoke(
        args=[*base, "--email", "olemassa@example.fi", "--organisation", "pir"]
    )
    assert duplicate.exit_code != 0 and "already exists" in duplicate.output
    short = runner.invoke(
        args=[
            "users",
            "create",
            "--name",
            "X",
            "--email",
            "b@example.fi",
            "--organisation",
            "pir",
            "--password",
            "lyhyt",
        ]
    )
    assert short.exit_code != 0 and "at least 10 characters" in short.output
    bad_role = runner.invoke(
        args=[*base, "--email", "c@example.fi", "--organisation", "pir", "--role", "king"]
    )
    assert bad_role.exit_code != 0 and "Invalid value for '--role'" in bad_role.output


def test_set_role_errors(runner):
    missing = runner.invoke(args=["users", "set-role", "ei@example.fi", "admin"])
    assert missing.exit_code != 0 and "No member with e-mail" in missing.output
    bad = runner.invoke(args=["users", "set-role", "ei@example.fi", "emperor"])
    assert bad.exit_code != 0


def test_commands_have_help(runner):
    for args in (
        ["users", "create", "--help"],
        ["users", "set-role", "--help"],
        ["demo-data", "--help"],
        ["organisations", "sync-areas", "--help"],
    ):
        result = runner.invoke(args=args)
        assert result.exit_code == 0 and "Usage:" in result.output


def test_sync_areas_is_idempotent(runner):
    assert "23 added" in runner.invoke(args=["organisations", "sync-areas"]).output
    assert "0 added, 0 updated" in runner.invoke(args=["organisations", "sync-areas"]).output
    assert db.session.scalar(select(db.func.count()).select_from(Organisation)) == 23


def test_demo_data_is_idempotent(runner):
    runner.invoke(args=["organisations", "sync-areas"])
    first = runner.invoke(args=["demo-data"])
    assert first.exit_code == 0, first.output
    assert "Loaded demo data" in first.output
    counts = {
        m: db.session.scalar(select(db.func.count()).select_from(m)) for m in (User, Organisation)
    }
    second = runner.invoke(args=["demo-data"])
    assert second.exit_code == 0 and "nothing changed" in second.output
    assert counts == {
        m: db.session.scalar(select(db.func.count()).select_from(m)) for m in (User, Organisation)
    }
    from idealaari.ideas.models import Idea, IdeaStatus

    statuses = [i.status for i in db.session.scalars(select(Idea))]
    assert len(statuses) >= 50
    assert IdeaStatus.DRAFT in statuses and IdeaStatus.ARCHIVED in statuses
    assert {u.role for u in db.session.scalars(select(User))} == set(Role)


def test_demo_data_refuses_production(database_url, tmp_path):
    from tests.conftest import make_app

    app = make_app(database_url, tmp_path, ENVIRON={"IDEALAARI_ENV": "production"})
    result = app.test_cli_runner().invoke(args=["demo-data"])
    assert result.exit_code != 0 and "not loaded in production" in result.output
