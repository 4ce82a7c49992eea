"""Registering, verifying the address, logging in and out, passwords."""

from __future__ import annotations

import hashlib
import logging

from flask import (
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required, login_user, logout_user
from wtforms.widgets import PasswordInput

from idealaari.accounts import bp, mail, services
from idealaari.accounts.forms import (
    NEW_ORGANISATION,
    ChangePasswordForm,
    ForgotPasswordForm,
    LoginForm,
    RegistrationForm,
    ResetPasswordForm,
)
from idealaari.accounts.models import User
from idealaari.extensions import db, limiter, login_manager
from idealaari.forms import ConfirmForm
from idealaari.http import safe_next
from idealaari.notifications.mail import MailUnavailable, MessageRefused, open_mailer
from idealaari.organisations import queries as org_queries
from idealaari.organisations import services as org_services
from idealaari.organisations.models import Organisation

log = logging.getLogger(__name__)

DEVICE_COOKIE = "idealaari_device"


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    """Sessions and remember-me cookies carry the member's session token, not their id, so
    rotating the token ends them all."""
    if not session_token or len(session_token) > 64:
        return None
    return db.session.scalar(db.select(User).where(User.session_token == session_token))


def _send(message) -> bool:
    try:
        with open_mailer() as mailer:
            mailer.send(message)
    except (MailUnavailable, MessageRefused) as e:
        log.error("Account mail to %s was not sent: %s", message.recipients, e)
        return False
    return True


@bp.record_once
def _use_mail_transport(state) -> None:
    mail.use_transport(state.app, _send)


def _config_limit(name: str):
    return lambda: current_app.config[name]


def _posted_email_key() -> str:
    email = services.normalise_email(request.form.get("email", ""))
    return hashlib.sha256(email.encode()).hexdigest()[:32]


# Registration


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_config_limit("IDEALAARI_REGISTER_LIMIT"), methods=["POST"])
def register():
    """Join Idealaari as a member of an organisation."""
    if current_user.is_authenticated:
        return redirect(url_for("web.index"))
    form = RegistrationForm(organisations=org_queries.all_organisations())
    similar: list[Organisation] = []
    if form.validate_on_submit():
        try:
            similar = _register(form)
        except (services.AccountError, org_services.OrganisationError) as e:
            db.session.rollback()
            form.form_errors.append(str(e))
        else:
            if not similar:
                return redirect(url_for("accounts.register_sent")), 303
            # Asked "did you mean": keep the passwords typed, so only a click is needed.
            form.password.widget = form.password_confirm.widget = PasswordInput(hide_value=False)
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/register.html", form=form, similar=similar), status


def _register(form: RegistrationForm) -> list[Organisation]:
    """Register, or (for an address that has an account) mail its owner; the same answer
    either way. Returns organisations similar to a new one not yet confirmed as new."""
    email = services.normalise_email(form.email.data)
    problem = services.check_password_strength(
        form.password.data, user_inputs=(email, form.name.data)
    )
    if problem:
        form.password.errors.append(problem)
        raise services.AccountError(_("Check the password."))
    organisation = None
    if form.organisation.data == NEW_ORGANISATION:
        name = form.new_organisation_name.data
        chosen = request.form.get("use_organisation", type=int)
        similar = org_queries.similar_organisations(name)
        organisation = next((org for org in similar if org.id == chosen), None)
        if organisation is None:
            organisation = _same_name(name, similar)
        if organisation is not None and organisation.id != chosen:
            if organisation.kind.value != form.new_organisation_kind.data:
                raise services.AccountError(
                    _(
                        "“%(name)s” is already on the list, as “%(kind)s”. Choose it from the "
                        "list, or give the new organisation a name of its own.",
                        name=organisation.name,
                        kind=organisation.kind.label,
                    )
                )
        if organisation is None and similar and not request.form.get("confirm_new"):
            return similar
    else:
        organisation = db.get_or_404(Organisation, form.organisation.data)
    existing = services.find_user_by_email(email)
    if existing is not None:
        if existing.active:
            services.send_existing_account_mail(existing)
        return []
    if organisation is None:
        organisation = org_services.add_organisation(
            name=form.new_organisation_name.data, kind=form.new_organisation_kind.data
        )
    user = services.create_user(
        email=email,
        name=form.name.data,
        title=form.title.data or "",
        password=form.password.data,
        organisation=organisation,
        locale=request.cookies.get("idealaari_lang"),
    )
    db.session.commit()
    services.send_verification_mail(user)
    login_user(user)
    return []


def _same_name(name: str, candidates: list[Organisation]) -> Organisation | None:
    key = org_queries._name_key(name)
    for org in candidates:
        if key in {org_queries._name_key(n) for n in (org.name_fi, org.name_sv, org.name_en) if n}:
            return org
    return None


@bp.get("/register/sent")
def register_sent():
    """What everyone who registers sees: check your e-mail."""
    return render_template("accounts/register_sent.html")


@bp.get("/register/similar-organisations")
@limiter.limit(_config_limit("IDEALAARI_SEARCH_RATE_LIMIT"))
def similar_organisations():
    """Existing organisations resembling the name being typed (an htmx partial)."""
    name = request.args.get("new_organisation_name", "")[:200]
    similar = org_queries.similar_organisations(name)
    return render_template("accounts/_similar_organisations.html", similar=similar)


# Verifying the address


@bp.route("/account/verify/<token>", methods=["GET", "POST"])
def verify_email(token: str):
    """Confirm an e-mail address from the link in the mail (a button, so that mail scanners
    opening the link confirm nothing)."""
    form = ConfirmForm()
    if len(token) > 1000:
        abort(404)
    try:
        if request.method == "POST":
            if not form.validate_on_submit():
                abort(400)
            user = services.verify_email(token)
            db.session.commit()
            if current_user.is_authenticated and current_user.id == user.id:
                flash(
                    _("Thank you: your e-mail address %(email)s is confirmed.", email=user.email),
                    "success",
                )
                return redirect(url_for("web.index")), 303
            flash(_("Your e-mail address is confirmed. You can now log in."), "success")
            return redirect(url_for("accounts.login")), 303
        services.verify_email_check(token)
    except services.AccountError as e:
        db.session.rollback()
        return render_template("accounts/link_refused.html", message=str(e)), 400
    return render_template("accounts/verify.html", form=form)


def _resend_key() -> str:
    return f"verify-resend/{current_user.id}"


@bp.post("/account/verify/resend")
@login_required
@limiter.limit(_config_limit("IDEALAARI_VERIFY_RESEND_LIMIT"), key_func=_resend_key)
def resend_verification():
    """Send the verification link again."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if current_user.email_verified_at is None:
        services.send_verification_mail(current_user)
        flash(_("We sent the link again to %(email)s.", email=current_user.email), "success")
    else:
        flash(_("Your e-mail address is already confirmed."), "info")
    return redirect(safe_next(request.form.get("next"), url_for("web.index"))), 303


# Logging in and out


def _login_key() -> str:
    return f"{get_remote_address()}/{_posted_email_key()}"


def _has_device_cookie() -> bool:
    return (
        services.trusted_device(request.cookies.get(DEVICE_COOKIE), request.form.get("email", ""))
        is not None
    )


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    _config_limit("IDEALAARI_LOGIN_LIMIT"),
    methods=["POST"],
    key_func=_login_key,
    deduct_when=lambda response: response.status_code == 401,
)
@limiter.limit(
    _config_limit("IDEALAARI_LOGIN_ADDRESS_LIMIT"),
    methods=["POST"],
    deduct_when=lambda response: response.status_code == 401,
    exempt_when=_has_device_cookie,
)
def login():
    """Log in with e-mail and password."""
    form = LoginForm()
    next_url = safe_next(request.args.get("next"), url_for("web.index"))
    if form.validate_on_submit():
        email = form.email.data
        device = services.trusted_device(request.cookies.get(DEVICE_COOKIE), email)
        if device is None and (wait := services.lockout_remaining(email)):
            minutes = max(1, round(wait / 60))
            form.form_errors.append(
                ngettext(
                    "Too many failed attempts to log in to this account. Try again in %(num)d "
                    "minute, or set a new password with “Forgot your password?”.",
                    "Too many failed attempts to log in to this account. Try again in %(num)d "
                    "minutes, or set a new password with “Forgot your password?”.",
                    minutes,
                )
            )
            return render_template("accounts/login.html", form=form), 429
        user = services.authenticate(email=email, password=form.password.data)
        if user is not None:
            login_user(user, remember=form.remember.data)
            if device is None:
                services.clear_untrusted_failures(email)
            flash(_("You are logged in."), "success")
            response = redirect(next_url)
            response.set_cookie(
                DEVICE_COOKIE,
                services.device_cookie_value(email),
                max_age=int(services.DEVICE_MAX_AGE.total_seconds()),
                httponly=True,
                samesite="Lax",
                secure=current_app.config["SESSION_COOKIE_SECURE"],
            )
            return response, 303
        if device is None:
            services.record_untrusted_failure(email)
        else:
            services.record_device_failure(device)
        form.form_errors.append(_("The e-mail address or the password is not correct."))
        return render_template("accounts/login.html", form=form), 401
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/login.html", form=form), status


@bp.post("/logout")
def logout():
    """Log out on this device (a POST, so no link or image can log anyone out)."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    logout_user()
    flash(_("You are logged out."), "success")
    return redirect(url_for("web.index")), 303


@bp.post("/account/logout-everywhere")
@login_required
def logout_everywhere():
    """End every session of the member, on every device."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.rotate_session_token(current_user)
    db.session.commit()
    logout_user()
    flash(_("You are logged out on all your devices."), "success")
    return redirect(url_for("accounts.login")), 303


# Passwords


def _password_change_key() -> str:
    return f"password-change/{current_user.id}"


def _relogin(user: User) -> None:
    """Keep this session after the token rotated (the others end)."""
    remember_cookie = current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
    login_user(user, remember=remember_cookie in request.cookies)


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@limiter.limit(
    _config_limit("IDEALAARI_PASSWORD_CHANGE_LIMIT"),
    methods=["POST"],
    key_func=_password_change_key,
    deduct_when=lambda response: g.get("wrong_current_password", False),
)
def change_password():
    """Change one's own password; it ends the sessions on other devices."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            services.change_password(
                user=user, current=form.current_password.data, new=form.new_password.data
            )
        except services.AccountError as e:
            db.session.rollback()
            if str(e) == _("The current password is not correct."):
                g.wrong_current_password = True
                form.current_password.errors.append(str(e))
            else:
                form.new_password.errors.append(str(e))
        else:
            db.session.commit()
            _relogin(user)
            flash(_("Your password is changed. Other devices are logged out."), "success")
            return redirect(url_for("accounts.profile", user_id=user.id)), 303
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/change_password.html", form=form), status


@bp.route("/account/password/forgot", methods=["GET", "POST"])
@limiter.limit(_config_limit("IDEALAARI_RESET_LIMIT"), methods=["POST"])
@limiter.limit(
    _config_limit("IDEALAARI_RESET_ADDRESS_LIMIT"),
    methods=["POST"],
    key_func=lambda: f"reset-address/{_posted_email_key()}",
)
def forgot_password():
    """Ask for a link to set a new password."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = services.find_user_by_email(form.email.data)
        if user is not None and user.active:
            services.send_password_reset_mail(user)
        return redirect(url_for("accounts.reset_sent")), 303
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/forgot_password.html", form=form), status


@bp.get("/account/password/sent")
def reset_sent():
    """The same answer for every address: the link is on its way if there is an account."""
    return render_template("accounts/reset_sent.html")


@bp.route("/account/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    """Set a new password from the link in the mail."""
    if len(token) > 1000:
        abort(404)
    try:
        user = services.user_from_reset_token(token)
    except services.AccountError as e:
        return render_template("accounts/link_refused.html", message=str(e)), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        try:
            services.reset_password(user=user, new=form.new_password.data)
        except services.AccountError as e:
            db.session.rollback()
            form.new_password.errors.append(str(e))
        else:
            db.session.commit()
            services.clear_untrusted_failures(user.email)
            logout_user()
            flash(_("Your password is changed. Log in with the new password."), "success")
            return redirect(url_for("accounts.login")), 303
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/reset_password.html", form=form), status
