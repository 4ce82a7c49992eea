"""The spring showcase (kevätjuhla): the yearbook of each year's results, curated by the
moderators, as a page, a PDF and a presentation; and the network's live statistics."""

from flask import Blueprint, Flask

bp = Blueprint("showcase", __name__)


def init_app(app: Flask) -> None:
    """Register the showcase and statistics pages."""
    from idealaari.showcase import views as _views  # noqa: F401 - registers the routes on bp

    app.register_blueprint(bp)
