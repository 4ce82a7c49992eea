"""Members' own data under the GDPR: the data download and account deletion."""

from flask import Blueprint, Flask

bp = Blueprint("privacy", __name__)


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
