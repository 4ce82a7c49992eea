"""Follows and notifications: a shared piece every domain uses through typed targets and the
registry of notification kinds; it imports no domain above accounts and organisations."""

from flask import Blueprint, Flask

bp = Blueprint("notifications", __name__)


def init_app(app: Flask) -> None:
    """Register the routes, mail (Flask-Mail and the after-commit hook), CLI and Jinja helpers."""
    from idealaari.extensions import csrf
    from idealaari.notifications import delivery, mail, queries, views  # noqa: F401 - routes, hooks
    from idealaari.notifications.cli import notifications_cli

    mail.init_app(app)
    app.register_blueprint(bp)
    app.cli.add_command(notifications_cli)
    csrf.exempt(views.unsubscribe)  # RFC 8058 one-click POSTs carry the signed token, no CSRF token
    app.jinja_env.globals["is_following"] = queries.is_following
    app.jinja_env.globals["unread_count"] = queries.unread_count
