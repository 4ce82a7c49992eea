"""Partner offers (kumppanuus): members offer to join ideas; the ideas' editors answer."""

from flask import Blueprint, Flask

bp = Blueprint("partners", __name__)


def init_app(app: Flask) -> None:
    """Register the routes and the template helpers the idea page, profile and front page use."""
    from idealaari.partners import queries, views

    app.jinja_env.globals.update(
        partners_panel=views.partners_panel,
        offers_and_partnerships_of=queries.offers_and_partnerships_of,
        partnership_stats=queries.partnership_stats,
    )
