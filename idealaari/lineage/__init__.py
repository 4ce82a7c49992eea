"""Adoption lineage (the spread of good practice, as in Innokylä): which idea an idea
continues, which organisations adopted it, and the organisations' official responses."""

from flask import Blueprint, Flask

bp = Blueprint("lineage", __name__)


def init_app(app: Flask) -> None:
    """Register the routes, the notification kinds, and the Jinja globals through which idea
    and organisation pages show lineage without their packages knowing of it."""
    from idealaari.lineage import notifications, queries
    from idealaari.lineage import views as _views  # noqa: F401 - registers the routes on bp
    from idealaari.lineage.panel import cached_idea_lineage

    notifications.register_kinds()
    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        idea_lineage=cached_idea_lineage,
        organisation_lineage=queries.organisation_lineage,
        source_check_url=_views.source_check_url,
    )
