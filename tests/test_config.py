"""Configuration comes from the environment when the app is created, never at import."""

import importlib

import pytest

from idealaari import config


def test_development_generates_and_keeps_a_secret_key(tmp_path):
    first = config.load(str(tmp_path), {"DATABASE_URL": "sqlite://"})
    second = config.load(str(tmp_path), {"DATABASE_URL": "sqlite://"})
    assert len(first["SECRET_KEY"]) >= 32 and first["SECRET_KEY"] == second["SECRET_KEY"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    with pytest.raises(config.ConfigError, match="IDEALAARI_SECRET_KEY"):
        config.load(str(tmp_path), {"IDEALAARI_ENV": "production", "DATABASE_URL": "sqlite://"})


def test_unknown_environment_is_refused(tmp_path):
    with pytest.raises(config.ConfigError, match="IDEALAARI_ENV"):
        config.load(str(tmp_path), {"IDEALAARI_ENV": "staging"})


def test_database_defaults_to_sqlite_under_instance(tmp_path):
    settings = config.load(str(tmp_path), {})
    assert settings["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'idealaari.db'}"


@pytest.mark.parametrize(
    "url, expected",
    [
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_database_url_uses_psycopg3(url, expected):
    assert config.normalise_database_url(url) == expected


def test_rate_limit_storage_is_configurable(tmp_path):
    settings = config.load(
        str(tmp_path), {"IDEALAARI_RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/0"}
    )
    assert settings["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"


def test_nothing_is_read_at_import(monkeypatch):
    monkeypatch.setenv("IDEALAARI_ENV", "nonsense")
    importlib.reload(config)
    import idealaari

    importlib.reload(idealaari)  # importing must not touch the environment


def test_proxy_count_must_be_a_number(tmp_path):
    with pytest.raises(config.ConfigError, match="IDEALAARI_PROXY_COUNT"):
        config.load(str(tmp_path), {"DATABASE_URL": "sqlite://", "IDEALAARI_PROXY_COUNT": "yes"})


def test_behind_a_proxy_the_client_address_is_used(database_url, tmp_path):
    from flask import request

    from tests.conftest import make_app

    app = make_app(database_url, tmp_path, ENVIRON={"IDEALAARI_PROXY_COUNT": "1"})
    app.add_url_rule("/whoami", "whoami", lambda: request.remote_addr)
    resp = app.test_client().get("/whoami", headers={"X-Forwarded-For": "203.0.113.7"})
    assert resp.text == "203.0.113.7"
