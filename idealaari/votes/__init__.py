"""Votes for ideas: one per member and idea, counted in SQL."""

from flask import Blueprint, Flask

bp = Blueprint("votes", __name__)


def init_app(app: Flask) -> None:
    """Register the vote routes."""
    from idealaari.votes import views  # noqa: F401 - registers the routes

    app.register_blueprint(bp)
