"""Moderation: reports, the queue and its decisions, merging duplicates, the audit log's pages
and the moderation metrics."""

from flask import Blueprint, Flask

bp = Blueprint("moderation", __name__, url_prefix="/moderation")


def init_app(app: Flask) -> None:
    from idealaari.moderation import models  # noqa: F401

    app.register_blueprint(bp)
