"""Site-wide pages and behaviour: front page, health, language, errors, security headers."""

from __future__ import annotations

from datetime import date

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
from flask_babel import format_date, format_datetime, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from sqlalchemy import text
from werkzeug.exceptions import HTTPException
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional

from idealaari import permissions
from idealaari.extensions import db, htmx, limiter, login_manager
from idealaari.i18n import LANGUAGE_NAMES, current_language, remember_language
from idealaari.markdown import render_markdown

bp = Blueprint("web", __name__)


def _strip(value):
    return value.strip() if isinstance(value, str) else value


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


NEWEST_ON_FRONT = 6
FEATURED_ON_FRONT = 3
SEEKING_ON_FRONT = 4


@bp.get("/")
def index():
    """The front page: new ideas, ideas seeking partners, figures per phase and area."""
    from idealaari.ideas import queries
    from idealaari.partners.queries import partnership_stats
    from idealaari.polls.queries import open_polls

    featured = queries.featured_ideas(FEATURED_ON_FRONT)
    newest = [i for i in queries.newest_ideas(NEWEST_ON_FRONT + len(featured)) if i not in featured]
    newest = newest[:NEWEST_ON_FRONT]
    # The second list shows other ideas than the first: those already among the new ones
    # would only repeat above.
    shown = {idea.id for idea in newest + featured}
    seeking = [
        idea
        for idea in queries.ideas_seeking_partners(SEEKING_ON_FRONT + len(shown))
        if idea.id not in shown
    ][:SEEKING_ON_FRONT]
    return render_template(
        "index.html",
        polls_now=open_polls(),
        stats=partnership_stats(),
        featured=featured,
        newest=newest,
        seeking=seeking,
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


class AccessibilityFeedbackForm(FlaskForm):
    """Feedback on accessibility, to the coordination team; only the message is required."""

    name = StringField(
        _l("Your name (optional)"), validators=[Optional(), Length(max=120)], filters=[_strip]
    )
    email = StringField(
        _l("Your e-mail address (optional)"),
        description=_l("Give it if you want an answer."),
        validators=[
            Optional(),
            Length(max=254),
            Email(message=_l("Give a valid e-mail address."), check_deliverability=False),
        ],
        filters=[_strip],
    )
    page = StringField(
        _l("The page where you met the problem (optional)"),
        validators=[Optional(), Length(max=500)],
        filters=[_strip],
    )
    message = TextAreaField(
        _l("What is the problem?"),
        description=_l("Tell what you tried to do and what got in the way."),
        validators=[
            DataRequired(message=_l("Write your feedback.")),
            Length(max=5000, message=_l("Keep the feedback under %(max)d characters.")),
        ],
        filters=[_strip],
    )


# The last assessment behind the accessibility statement; update it with the statement.
ACCESSIBILITY_ASSESSED_ON = date(2026, 12, 2)


def _feedback_limit() -> str:
    return current_app.config["IDEALAARI_FEEDBACK_LIMIT"]


@bp.route("/accessibility", methods=["GET", "POST"])
@limiter.limit(_feedback_limit, methods=["POST"])
def accessibility():
    """The accessibility statement (Act 306/2019), with its feedback form."""
    form = AccessibilityFeedbackForm()
    if request.method == "GET" and not form.page.data:
        form.page.data = _same_site_page(request.args.get("page") or request.referrer)
    status = 200
    if form.validate_on_submit():
        if _send_accessibility_feedback(form):
            flash(_("Thank you! Your feedback has been sent to the coordination team."), "success")
            return redirect(url_for("web.accessibility") + "#feedback", 303)
        status = 503
        form.message.errors = [
            _(
                "The feedback could not be sent just now. Please try again later or write to "
                "%(address)s.",
                address=current_app.config["IDEALAARI_ACCESSIBILITY_FEEDBACK_EMAIL"],
            )
        ]
    elif request.method == "POST":
        status = 422
    return render_template(
        "accessibility.html",
        form=form,
        assessed_on=ACCESSIBILITY_ASSESSED_ON,
        feedback_address=current_app.config["IDEALAARI_ACCESSIBILITY_FEEDBACK_EMAIL"],
    ), status


def _same_site_page(url: str | None) -> str:
    """The page a visitor came from, as a path on this site; anything else is dropped."""
    from urllib.parse import urlsplit

    if not url:
        return ""
    parts = urlsplit(url)
    if parts.netloc and parts.netloc != request.host:
        return ""
    path = parts.path or "/"
    if path == url_for("web.accessibility"):
        return ""
    return (path + (f"?{parts.query}" if parts.query else ""))[:500]


def _send_accessibility_feedback(form: AccessibilityFeedbackForm) -> bool:
    """Mail the feedback to the coordination team; False (and logged) if it could not go."""
    from flask_babel import force_locale
    from flask_mail import Message

    from idealaari.notifications.mail import MailUnavailable, MessageRefused, open_mailer

    to = current_app.config["IDEALAARI_ACCESSIBILITY_FEEDBACK_EMAIL"]
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("Accessibility feedback on Idealaari")
        lines = [
            f"{_('Name')}: {form.name.data or '-'}",
            f"{_('E-mail')}: {form.email.data or '-'}",
            f"{_('Page')}: {form.page.data or '-'}",
            f"{_('Language of the page')}: {current_language()}",
            "",
            form.message.data,
        ]
    message = Message(
        subject=subject,
        recipients=[to],
        body="\n".join(lines) + "\n",
        sender=current_app.config["MAIL_DEFAULT_SENDER"],
        reply_to=form.email.data or None,
        extra_headers={"Auto-Submitted": "auto-generated"},
    )
    try:
        with open_mailer() as mailer:
            mailer.send(message)
    except (MailUnavailable, MessageRefused) as e:
        current_app.logger.error("Accessibility feedback was not sent to %s: %s", to, e)
        return False
    return True


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
    remember_language(response, lang)
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
            code, lambda e, code=code: _error_page(code, _reason(e) or _error_message(code))
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
        date=format_day,
        datetime=format_moment,
        longdate=format_long_day,
    )


# Day, month, year in every language, and a 24-hour clock: CLDR's English "short" formats are
# the US ones ("12/7/26, 3:31 PM"), which read as 12 July here.
DATE_PATTERNS = {
    # language: (date, date and time, long date)
    "fi": ("d.M.yyyy", "d.M.yyyy H.mm", "d. MMMM yyyy"),
    "sv": ("d.M.yyyy", "d.M.yyyy 'kl.' H.mm", "d MMMM yyyy"),
    "en": ("d MMM yyyy", "d MMM yyyy, HH:mm", "d MMMM yyyy"),
}


def _patterns() -> tuple[str, str, str]:
    language = str(get_locale() or "fi").split("_")[0]
    return DATE_PATTERNS.get(language, DATE_PATTERNS["fi"])


def format_day(value) -> str:
    """A date as day, month and year in the page's language (7.12.2026, 7 Dec 2026)."""
    return format_date(value, _patterns()[0]) if value else ""


def format_moment(value) -> str:
    """A point in time, in Finnish time, with a 24-hour clock (7.12.2026 15.31)."""
    return format_datetime(value, _patterns()[1]) if value else ""


def format_long_day(value) -> str:
    """A date with the month spelled out (7. joulukuuta 2026, 7 December 2026)."""
    return format_date(value, _patterns()[2]) if value else ""


class _EndpointNames:
    """`'name' in url_map_endpoints` in templates: is that endpoint registered?"""

    def __init__(self, app: Flask):
        self.app = app

    def __contains__(self, name: str) -> bool:
        return name in self.app.view_functions


def _reason(error: HTTPException) -> str | None:
    """The reason given with abort(code, description=...), if any; not werkzeug's default."""
    description = getattr(error, "description", None)
    # Flask-Limiter puts the limit itself ("5 per 1 minute") there: not a reason for people.
    if error.code in (405, 429) or not description or description == type(error).description:
        return None
    return str(description)


def _server_error(error: Exception):
    db.session.rollback()
    return _error_page(500, _error_message(500))


def _error_message(code: int) -> str:
    messages = {
        400: _("The request was not understood. Check what you sent and try again."),
        403: _("Your account cannot do this here."),
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
