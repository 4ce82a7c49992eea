"""The public read API, version 1."""

from flask import Blueprint, Flask

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def init_app(app: Flask) -> None:
    """Register the API; it reads only, with no cookies to protect, so it takes no CSRF token."""
    from idealaari.api import challenges as _challenges  # noqa: F401 - challenge routes
    from idealaari.api import showcase as _showcase  # noqa: F401 - showcase route
    from idealaari.api import views  # noqa: F401 - routes
    from idealaari.extensions import csrf

    app.register_blueprint(bp)
    csrf.exempt(bp)
