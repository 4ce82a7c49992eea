"""Members: registering, logging in and out, passwords, profiles."""

from flask import Blueprint, Flask

bp = Blueprint("accounts", __name__)


def init_app(app: Flask) -> None:
    """Register the account routes (and the login manager's user loader)."""
    from idealaari.accounts import views  # noqa: F401 - routes, user loader
    from idealaari.accounts.cli import users_cli
    from idealaari.accounts.profile import views as profile_views  # noqa: F401 - routes

    app.register_blueprint(bp)
    app.cli.add_command(users_cli)
