from flask import Blueprint, Flask

bp = Blueprint("notifications", __name__)


def init_app(app: Flask) -> None:
    from idealaari.notifications import services, views  # noqa: F401 - registers the routes

    app.jinja_env.globals["is_following"] = services.is_following
