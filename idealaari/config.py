"""Configuration: defaults plus the environment, read only when the app is created."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit


class ConfigError(RuntimeError):
    """The environment does not describe a runnable Idealaari."""


ENVIRONMENTS = ("development", "production")


def _secret_key(env: str, instance_path: Path, environ: dict[str, str]) -> str:
    """Return the secret key: from the environment, or in development one kept under instance/."""
    key = environ.get("IDEALAARI_SECRET_KEY", "").strip()
    if key:
        return key
    if env == "production":
        raise ConfigError("IDEALAARI_SECRET_KEY must be set in production.")
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    key_file.write_text(key)
    key_file.chmod(0o600)
    return key


def normalise_database_url(url: str) -> str:
    """Use the psycopg 3 driver for plain postgres:// URLs."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _proxy_count(environ: dict[str, str]) -> int:
    raw = environ.get("IDEALAARI_PROXY_COUNT", "0").strip() or "0"
    if not raw.isdigit():
        raise ConfigError(f"IDEALAARI_PROXY_COUNT must be a whole number, not {raw!r}.")
    return int(raw)


MAIL_BACKENDS = ("smtp", "outbox")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")


def _flag(environ: dict[str, str], name: str) -> bool:
    raw = environ.get(name, "").strip().lower()
    if raw not in _TRUE + _FALSE:
        raise ConfigError(f"{name} must be true or false, not {raw!r}.")
    return raw in _TRUE


def _mail_port(environ: dict[str, str]) -> int:
    raw = environ.get("MAIL_PORT", "25").strip() or "25"
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise ConfigError(f"MAIL_PORT must be a port number, not {raw!r}.")
    return int(raw)


def _mail_backend(env: str, environ: dict[str, str]) -> str:
    """How mail leaves: over SMTP, or (the development default) as .eml files in an outbox."""
    default = "smtp" if env == "production" else "outbox"
    backend = environ.get("IDEALAARI_MAIL_BACKEND", "").strip().lower() or default
    if backend not in MAIL_BACKENDS:
        raise ConfigError(
            f"IDEALAARI_MAIL_BACKEND must be one of {', '.join(MAIL_BACKENDS)}, not {backend!r}."
        )
    return backend


def _base_url(environ: dict[str, str]) -> str:
    """The public address links in e-mails start with (mail is also sent outside requests)."""
    url = environ.get("IDEALAARI_BASE_URL", "").strip().rstrip("/") or "http://127.0.0.1:5000"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ConfigError(
            "IDEALAARI_BASE_URL must be an http(s) address such as https://idealaari.fi, "
            f"not {url!r}."
        )
    return url


def _rate_limit(environ: dict[str, str], name: str, default: str) -> str:
    """A Flask-Limiter limit such as "60 per minute", checked now rather than at a request."""
    from limits import parse_many

    raw = environ.get(name, "").strip() or default
    try:
        parse_many(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a limit such as '60 per minute', not {raw!r}.") from None
    return raw


def load(instance_path: str, environ: dict[str, str] | None = None) -> dict:
    """Build the Flask configuration mapping from the environment."""
    environ = dict(os.environ if environ is None else environ)
    instance = Path(instance_path)
    env = environ.get("IDEALAARI_ENV", "development").strip() or "development"
    if env not in ENVIRONMENTS:
        raise ConfigError(f"IDEALAARI_ENV must be one of {', '.join(ENVIRONMENTS)}, not {env!r}.")
    production = env == "production"
    database_url = environ.get("DATABASE_URL", "").strip()
    if not database_url:
        instance.mkdir(parents=True, exist_ok=True)
        database_url = f"sqlite:///{instance / 'idealaari.db'}"
    return {
        "IDEALAARI_ENV": env,
        "SECRET_KEY": _secret_key(env, instance, environ),
        "SQLALCHEMY_DATABASE_URI": normalise_database_url(database_url),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "PREFERRED_URL_SCHEME": "https" if production else "http",
        "WTF_CSRF_TIME_LIMIT": None,
        "BABEL_DEFAULT_LOCALE": "fi",
        "BABEL_DEFAULT_TIMEZONE": "Europe/Helsinki",
        "LANGUAGES": ("fi", "sv", "en"),
        "RATELIMIT_STORAGE_URI": environ.get("IDEALAARI_RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_HEADERS_ENABLED": True,
        "IDEALAARI_LOGIN_LIMIT": environ.get("IDEALAARI_LOGIN_LIMIT", "5 per minute"),
        # Failed logins from one address, whatever the account (clients that logged in to the
        # account before are exempt; see accounts.services on device cookies).
        "IDEALAARI_LOGIN_ADDRESS_LIMIT": _rate_limit(
            environ, "IDEALAARI_LOGIN_ADDRESS_LIMIT", "30 per 10 minutes"
        ),
        "IDEALAARI_REGISTER_LIMIT": _rate_limit(environ, "IDEALAARI_REGISTER_LIMIT", "20 per hour"),
        "IDEALAARI_VERIFY_RESEND_LIMIT": _rate_limit(
            environ, "IDEALAARI_VERIFY_RESEND_LIMIT", "3 per hour"
        ),
        "IDEALAARI_PASSWORD_CHANGE_LIMIT": _rate_limit(
            environ, "IDEALAARI_PASSWORD_CHANGE_LIMIT", "5 per 15 minutes"
        ),
        "IDEALAARI_RESET_LIMIT": _rate_limit(environ, "IDEALAARI_RESET_LIMIT", "10 per hour"),
        "IDEALAARI_RESET_ADDRESS_LIMIT": _rate_limit(
            environ, "IDEALAARI_RESET_ADDRESS_LIMIT", "3 per hour"
        ),
        "IDEALAARI_SEARCH_RATE_LIMIT": _rate_limit(
            environ, "IDEALAARI_SEARCH_RATE_LIMIT", "60 per minute"
        ),
        # Co-editor look-ups by e-mail, per member and per client address (they name members).
        "IDEALAARI_CO_EDITOR_LIMIT": _rate_limit(
            environ, "IDEALAARI_CO_EDITOR_LIMIT", "10 per minute;30 per hour"
        ),
        "IDEALAARI_CO_EDITOR_ADDRESS_LIMIT": _rate_limit(
            environ, "IDEALAARI_CO_EDITOR_ADDRESS_LIMIT", "60 per hour"
        ),
        "IDEALAARI_IDEAS_PER_PAGE": 20,
        # Accessibility feedback (Act 306/2019) goes to the network's coordination team.
        "IDEALAARI_ACCESSIBILITY_FEEDBACK_EMAIL": environ.get(
            "IDEALAARI_ACCESSIBILITY_FEEDBACK_EMAIL", ""
        ).strip()
        or "saavutettavuus@idealaari.fi",
        "IDEALAARI_FEEDBACK_LIMIT": _rate_limit(environ, "IDEALAARI_FEEDBACK_LIMIT", "5 per hour"),
        "IDEALAARI_PROXY_COUNT": _proxy_count(environ),
        "SEARCH_INDEX_DIR": environ.get("IDEALAARI_SEARCH_INDEX", "").strip()
        or str(instance / "search-index"),
        "SEARCH_SYNC_INDEXING": True,
        "IDEALAARI_BASE_URL": _base_url(environ),
        # Set explicitly: the API builds its absolute URLs from it, not from the Host header.
        "IDEALAARI_BASE_URL_SET": bool(environ.get("IDEALAARI_BASE_URL", "").strip()),
        "IDEALAARI_MAIL_BACKEND": _mail_backend(env, environ),
        "IDEALAARI_MAIL_OUTBOX": environ.get("IDEALAARI_MAIL_OUTBOX", "").strip()
        or str(instance / "outbox"),
        # Uploaded files (challenge covers); served by the app, never from static/.
        "IDEALAARI_UPLOAD_DIR": environ.get("IDEALAARI_UPLOAD_DIR", "").strip()
        or str(instance / "uploads"),
        # Files the app can make again (showcase PDFs); safe to delete.
        "IDEALAARI_CACHE_DIR": environ.get("IDEALAARI_CACHE_DIR", "").strip()
        or str(instance / "cache"),
        "MAIL_SERVER": environ.get("MAIL_SERVER", "").strip() or "localhost",
        "MAIL_PORT": _mail_port(environ),
        "MAIL_USE_TLS": _flag(environ, "MAIL_USE_TLS"),
        "MAIL_USE_SSL": _flag(environ, "MAIL_USE_SSL"),
        "MAIL_USERNAME": environ.get("MAIL_USERNAME", "").strip() or None,
        "MAIL_PASSWORD": environ.get("MAIL_PASSWORD") or None,
        "MAIL_DEFAULT_SENDER": environ.get("MAIL_DEFAULT_SENDER", "").strip()
        or "Idealaari <noreply@localhost>",
    }
