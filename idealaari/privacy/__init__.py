"""Members' own data under the GDPR: the data download and account deletion."""

from flask import Blueprint, Flask

bp = Blueprint("privacy", __name__)


def init_app(app: Flask) -> None:
    from flask_babel import lazy_gettext as _l

    from idealaari.audit.services import register_actions
    from idealaari.privacy import views  # noqa: F401 - routes
    from idealaari.privacy.services import ACTION

    register_actions({ACTION: _l("A member deleted their account")})
    app.register_blueprint(bp)
