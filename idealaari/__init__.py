"""Idealaari: the idea pool of the Finnish social and health care innovation network."""

from __future__ import annotations

import importlib
from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent

# The domain packages, lower layers first; each `init_app` registers its blueprint, targets,
# notification kinds, Jinja helpers and CLI. tests/test_layers.py holds the layering.
DOMAINS = (
    "audit",
    "site",
    "accounts",
    "organisations",
    "notifications",
    "comments",
    "ideas",
    "search",
    "votes",
    "partners",
    "polls",
    "challenges",
    "lineage",
    "showcase",
    "moderation",
    "admin",
    "privacy",
    "api",
)


def create_app(overrides: dict | None = None) -> Flask:
    """Create the Idealaari application; `overrides` replace configuration (tests use it)."""
    from idealaari import config, http, web
    from idealaari.extensions import babel, csrf, db, htmx, limiter, login_manager, migrate
    from idealaari.i18n import select_locale

    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.request_class = http.Request
    app.url_map.converters["int"] = http.IdConverter
    settings = config.load(app.instance_path, (overrides or {}).get("ENVIRON"))
    app.config.update(settings)
    app.config.update({k: v for k, v in (overrides or {}).items() if k != "ENVIRON"})

    if app.config["IDEALAARI_PROXY_COUNT"]:
        # Behind a reverse proxy: trust its X-Forwarded-For/-Proto, so rate limits see clients.
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = app.config["IDEALAARI_PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)

    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    login_manager.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(Path(__file__).parent / "translations"),
    )
    limiter.init_app(app)

    app.register_blueprint(web.bp)
    for domain in DOMAINS:
        importlib.import_module(f"idealaari.{domain}").init_app(app)
    web.init_app(app)
    http.init_app(app)

    from idealaari import cli

    cli.init_app(app)
    return app
