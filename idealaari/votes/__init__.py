from flask import Blueprint, Flask

bp = Blueprint("votes", __name__)


def init_app(app: Flask) -> None:
    from idealaari.votes import services, views  # noqa: F401 - registers the routes

    app.jinja_env.globals["has_voted"] = services.has_voted
