"""Challenge competitions (haastekisat): an organisation challenges the network to solve a
named problem; members enter ideas, vote, a jury scores the entries and the results are
published."""

from flask import Blueprint, Flask

bp = Blueprint("challenges", __name__)


def init_app(app: Flask) -> None:
    """Register the challenge pages."""
    from idealaari.challenges import models as _models  # noqa: F401 - the tables

    app.register_blueprint(bp)
