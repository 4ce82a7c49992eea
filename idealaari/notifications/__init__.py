from flask import Blueprint, Flask

bp = Blueprint("notifications", __name__)


def init_app(app: Flask) -> None:
    """Register the routes, mail (Flask-Mail and the after-commit hook) and template helpers."""
    from idealaari.extensions import csrf
    from idealaari.notifications import delivery, mail, services, views  # noqa: F401 - routes, hooks

    mail.init_app(app)
    csrf.exempt(views.unsubscribe)  # RFC 8058 one-click POSTs carry the signed token, no CSRF token
    app.jinja_env.globals["is_following"] = services.is_following
