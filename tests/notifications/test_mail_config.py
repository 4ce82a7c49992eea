"""Mail settings come from the environment when the app is created."""

from __future__ import annotations

import pytest

from idealaari import config

BASE = {"DATABASE_URL": "sqlite://", "IDEALAARI_SECRET_KEY": "k"}


def test_development_writes_mail_to_the_outbox(tmp_path):
    settings = config.load(str(tmp_path), BASE)
    assert settings["IDEALAARI_MAIL_BACKEND"] == "outbox"
    assert settings["IDEALAARI_MAIL_OUTBOX"] == str(tmp_path / "outbox")
    assert settings["IDEALAARI_BASE_URL"] == "http://127.0.0.1:5000"
    assert not (tmp_path / "outbox").exists()  # made when the first message is written


def test_production_sends_over_smtp(tmp_path):
    settings = config.load(
        str(tmp_path),
        {
            **BASE,
            "IDEALAARI_ENV": "production",
            "IDEALAARI_BASE_URL": "https://idealaari.fi/",
            "MAIL_SERVER": "smtp.example.fi",
            "MAIL_PORT": "587",
            "MAIL_USE_TLS": "true",
            "MAIL_USERNAME": "idealaari",
            "MAIL_PASSWORD": "salainen",
            "MAIL_DEFAULT_SENDER": "Idealaari <idealaari@example.fi>",
        },
    )
    assert settings["IDEALAARI_MAIL_BACKEND"] == "smtp"
    assert settings["IDEALAARI_BASE_URL"] == "https://idealaari.fi"
    assert (settings["MAIL_SERVER"], settings["MAIL_PORT"], settings["MAIL_USE_TLS"]) == (
        "smtp.example.fi",
        587,
        True,
    )
    assert settings["MAIL_USE_SSL"] is False
    assert settings["MAIL_DEFAULT_SENDER"] == "Idealaari <idealaari@example.fi>"


@pytest.mark.parametrize(
    "name, value",
    [
        ("IDEALAARI_MAIL_BACKEND", "sendmail"),
        ("MAIL_PORT", "smtp"),
        ("MAIL_PORT", "70000"),
        ("MAIL_USE_TLS", "maybe"),
        ("IDEALAARI_BASE_URL", "idealaari.fi"),
        ("IDEALAARI_BASE_URL", "ftp://idealaari.fi"),
    ],
)
def test_bad_mail_settings_are_refused_by_name(tmp_path, name, value):
    with pytest.raises(config.ConfigError, match=name):
        config.load(str(tmp_path), {**BASE, name: value})


def test_cli_lists_the_notification_commands(runner):
    result = runner.invoke(args=["notifications", "--help"])
    assert result.exit_code == 0
    assert "send-digests" in result.output and "send-pending" in result.output
    result = runner.invoke(args=["notifications", "send-digests", "--help"])
    assert "--frequency [daily|weekly|all]" in result.output and "--dry-run" in result.output
