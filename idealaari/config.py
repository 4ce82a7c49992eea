"""Configuration: defaults plus the environment, read only when the app is created."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


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
    }
