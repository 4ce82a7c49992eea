"""Site-wide pages and behaviour: front page, health, language, errors, security headers."""

from __future__ import annotations

from flask import (
    Blueprint,
    Flask,
    abort,
    current_app,
    flash,
    jsonify,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import format_date, format_datetime
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy import text

from idealaari import permissions
from idealaari.extensions import db, htmx, login_manager
from idealaari.i18n import LANGUAGE_COOKIE, LANGUAGE_NAMES, current_language
from idealaari.markdown import render_markdown

bp = Blueprint("web", __name__)

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


@bp.get("/")
def index():
    """The front page: new ideas, ideas seeking partners, figures per phase and area."""
    from idealaari.ideas import queries
    from idealaari.partners.queries import partnership_stats
    from idealaari.polls.queries import open_polls

    return render_template(
        "index.html",
        polls_now=open_polls(),
        stats=partnership_stats(),
        newest=queries.newest_ideas(6),
        seeking=queries.ideas_seeking_partners(4),
        seeking_total=queries.count_published(queries.IdeaFilters(seeks_partners=True)),
        phases=queries.counts_by_phase(),
        areas=queries.counts_by_area(),
        tags=queries.popular_tags(20),
    )


@bp.get("/healthz")
def healthz():
    """Liveness and database check for the load balancer."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception as e:  # noqa: BLE001 - any failure means unhealthy
        db.session.rollback()
        current_app.logger.warning("health check: database failed: %s", e)
        return jsonify({"status": "error", "database": "error", "detail": type(e).__name__}), 503
    return jsonify({"status": "ok", "database": "ok"})


@bp.get("/accessibility")
def accessibility():
    """The accessibility statement required of Finnish public digital services."""
    return render_template("accessibility.html")


@bp.post("/language")
def set_language():
    """Choose the UI language; it is kept in a cookie and on the member's account."""
    from idealaari.accounts.services import set_locale
    from idealaari.http import safe_next

    lang = request.form.get("lang", "")
    if lang not in current_app.config["LANGUAGES"]:
        abort(400)
    response = make_response(
        redirect(safe_next(request.form.get("next"), url_for("web.index")), 303)
    )
    response.set_cookie(
        LANGUAGE_COOKIE,
        lang,
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
    if current_user.is_authenticated:
        set_locale(user=current_user, locale=lang)
        db.session.commit()
    return response


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _error_page(status: int, message: str | None = None):
    if _wants_json():
        return jsonify({"error": {"status": status, "message": message or ""}}), status
    if htmx and not htmx.boosted:
        # htmx does not swap 4xx/5xx by default; show the message where the page expects it.
        response = make_response(
            render_template("errors/_fragment.html", status=status, message=message), status
        )
        response.headers["HX-Reswap"] = "none"
        return response
    return render_template("errors/error.html", status=status, message=message), status


def _unauthorized():
    """Send anonymous visitors to login; htmx gets a 401 with HX-Redirect instead of a 302."""
    login_url = url_for("accounts.login", next=request.full_path.rstrip("?"))
    if _wants_json():
        return jsonify({"error": {"status": 401, "message": "Log in first."}}), 401
    if htmx:
        response = make_response("", 401)
        response.headers["HX-Redirect"] = login_url
        return response
    flash(_("Log in to continue."), "info")
    return redirect(login_url)


def init_app(app: Flask) -> None:
    """Register error pages, headers, template helpers and the login handler."""
    from idealaari.http import idea_url

    app.register_error_handler(
        CSRFError, lambda e: _error_page(400, _("The form had expired. Please try again."))
    )
    for code in (400, 403, 404, 405, 413, 422, 429, 503):
        app.register_error_handler(
            code, lambda e, code=code: _error_page(code, _error_message(code))
        )
    app.register_error_handler(500, _server_error)
    login_manager.unauthorized_handler(_unauthorized)

    app.after_request(_security_headers)
    app.jinja_env.globals.update(
        permissions.JINJA_GLOBALS,
        idea_url=idea_url,
        language_names=LANGUAGE_NAMES,
        current_language=current_language,
        url_map_endpoints=_EndpointNames(app),
    )
    app.jinja_env.filters.update(
        markdown=render_markdown,
        date=lambda value: format_date(value, "short") if value else "",
        datetime=lambda value: format_datetime(value, "short") if value else "",
        longdate=lambda value: format_date(value, "long") if value else "",
    )


class _EndpointNames:
    """`'name' in url_map_endpoints` in templates: is that endpoint registered?"""

    def __init__(self, app: Flask):
        self.app = app

    def __contains__(self, name: str) -> bool:
        return name in self.app.view_functions


def _server_error(error: Exception):
    db.session.rollback()
    return _error_page(500, _error_message(500))


def _error_message(code: int) -> str:
    messages = {
        400: _("The request was not understood. Check what you sent and try again."),
        403: _("You do not have permission to do that."),
        404: _("We could not find that page. It may have been moved or removed."),
        405: _("That is not something this address can do."),
        413: _("What you sent is too large."),
        422: _("Check what you sent and try again."),
        429: _("Too many attempts. Wait a moment and try again."),
        500: _(
            "Something went wrong on our side. The error has been logged; please try again later."
        ),
        503: _("The service is temporarily unavailable. Please try again shortly."),
    }
    return messages.get(code, "")


def _security_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if current_app.config["IDEALAARI_ENV"] == "production":
        headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if response.mimetype == "text/html":
        response.vary.add("HX-Request")
        response.vary.add("Cookie")
    return response
