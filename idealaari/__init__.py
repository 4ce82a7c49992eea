"""Idealaari: the idea pool of the Finnish social and health care innovation network."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(overrides: dict | None = None) -> Flask:
    """Create the Idealaari application; `overrides` replace configuration (tests use it)."""
    from idealaari import config, web
    from idealaari.extensions import babel, csrf, db, htmx, limiter, login_manager, migrate
    from idealaari.i18n import select_locale

    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
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

    from idealaari import (
        accounts,
        api,
        comments,
        ideas,
        notifications,
        organisations,
        partners,
        polls,
        search,
        votes,
    )
    from idealaari.accounts import views as _accounts_views  # noqa: F401
    from idealaari.api import views as _api_views  # noqa: F401

    # Models without views yet must still be known to the metadata (and to migrations).
    from idealaari.comments import models as _comment_models  # noqa: F401
    from idealaari.ideas import views as _ideas_views  # noqa: F401
    from idealaari.notifications import models as _notification_models  # noqa: F401
    from idealaari.organisations import views as _org_views  # noqa: F401
    from idealaari.partners import models as _partner_models  # noqa: F401
    from idealaari.polls import models as _poll_models  # noqa: F401
    from idealaari.search import views as _search_views  # noqa: F401
    from idealaari.votes import models as _vote_models  # noqa: F401

    app.register_blueprint(web.bp)
    app.register_blueprint(accounts.bp)
    app.register_blueprint(organisations.bp)
    app.register_blueprint(ideas.bp)
    for domain in (comments, votes, partners, notifications, polls):
        if hasattr(domain, "init_app"):  # imports the views, adds template helpers
            domain.init_app(app)
        app.register_blueprint(domain.bp)
    app.register_blueprint(search.bp)
    app.register_blueprint(api.bp)
    search.init_app(app)
    csrf.exempt(api.bp)

    web.init_app(app)

    from idealaari import cli

    cli.init_app(app)
    return app
