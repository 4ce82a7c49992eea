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
        "IDEALAARI_IDEAS_PER_PAGE": 20,
        "IDEALAARI_PROXY_COUNT": _proxy_count(environ),
        "SEARCH_INDEX_DIR": environ.get("IDEALAARI_SEARCH_INDEX", "").strip()
        or str(instance / "search-index"),
        "SEARCH_SYNC_INDEXING": True,
        "IDEALAARI_BASE_URL": _base_url(environ),
        "IDEALAARI_MAIL_BACKEND": _mail_backend(env, environ),
        "IDEALAARI_MAIL_OUTBOX": environ.get("IDEALAARI_MAIL_OUTBOX", "").strip()
        or str(instance / "outbox"),
        "MAIL_SERVER": environ.get("MAIL_SERVER", "").strip() or "localhost",
        "MAIL_PORT": _mail_port(environ),
        "MAIL_USE_TLS": _flag(environ, "MAIL_USE_TLS"),
        "MAIL_USE_SSL": _flag(environ, "MAIL_USE_SSL"),
        "MAIL_USERNAME": environ.get("MAIL_USERNAME", "").strip() or None,
        "MAIL_PASSWORD": environ.get("MAIL_PASSWORD") or None,
        "MAIL_DEFAULT_SENDER": environ.get("MAIL_DEFAULT_SENDER", "").strip()
        or "Idealaari <noreply@localhost>",
    }
