"""Registering, logging in and out, passwords, member profiles."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from idealaari.accounts import bp, services
from idealaari.accounts.forms import (
    NEW_ORGANISATION,
    ChangePasswordForm,
    LoginForm,
    RegistrationForm,
)
from idealaari.accounts.models import User
from idealaari.extensions import db, limiter, login_manager
from idealaari.forms import ConfirmForm
from idealaari.http import safe_next
from idealaari.ideas import queries as idea_queries
from idealaari.ideas.models import IdeaStatus
from idealaari.organisations import queries as org_queries
from idealaari.organisations import services as org_services
from idealaari.organisations.models import Organisation
from idealaari.partners import queries as partner_queries


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    try:
        return db.session.get(User, int(user_id))
    except ValueError:
        return None


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Join Idealaari as a member of an organisation."""
    if current_user.is_authenticated:
        return redirect(url_for("web.index"))
    form = RegistrationForm(organisations=org_queries.all_organisations(by_kind=True))
    if form.validate_on_submit():
        try:
            if form.organisation.data == NEW_ORGANISATION:
                organisation = org_services.add_organisation(
                    name=form.new_organisation_name.data, kind=form.new_organisation_kind.data
                )
            else:
                organisation = db.get_or_404(Organisation, form.organisation.data)
            user = services.create_user(
                email=form.email.data,
                name=form.name.data,
                title=form.title.data or "",
                password=form.password.data,
                organisation=organisation,
                locale=request.cookies.get("idealaari_lang"),
            )
        except (services.AccountError, org_services.OrganisationError) as e:
            db.session.rollback()
            form.form_errors.append(str(e))
        else:
            db.session.commit()
            login_user(user)
            flash(_("Welcome to Idealaari, %(name)s!", name=user.name), "success")
            return redirect(url_for("web.index")), 303
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/register.html", form=form), status


def _login_limit() -> str:
    return current_app.config["IDEALAARI_LOGIN_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    _login_limit, methods=["POST"], deduct_when=lambda response: response.status_code == 401
)
def login():
    """Log in with e-mail and password."""
    form = LoginForm()
    next_url = safe_next(request.args.get("next"), url_for("web.index"))
    if form.validate_on_submit():
        user = services.authenticate(email=form.email.data, password=form.password.data)
        if user is not None:
            login_user(user, remember=form.remember.data)
            flash(_("You are logged in."), "success")
            return redirect(next_url), 303
        form.form_errors.append(_("The e-mail address or the password is not correct."))
        return render_template("accounts/login.html", form=form), 401
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/login.html", form=form), status


@bp.post("/logout")
def logout():
    """Log out (a POST, so no link or image can log anyone out)."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    logout_user()
    flash(_("You are logged out."), "success")
    return redirect(url_for("web.index")), 303


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                user=current_user, current=form.current_password.data, new=form.new_password.data
            )
        except services.AccountError as e:
            db.session.rollback()
            form.current_password.errors.append(str(e))
        else:
            db.session.commit()
            flash(_("Your password is changed."), "success")
            return redirect(url_for("accounts.profile", user_id=current_user.id)), 303
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/change_password.html", form=form), status


@bp.get("/members/<int:user_id>")
def profile(user_id: int):
    """A member's page with their ideas (and, for themselves, their drafts)."""
    member = db.get_or_404(User, user_id)
    own = current_user.is_authenticated and current_user.id == member.id
    ideas = idea_queries.ideas_authored_by(member, (IdeaStatus.PUBLISHED,))
    archived = idea_queries.ideas_authored_by(member, (IdeaStatus.ARCHIVED,))
    drafts = idea_queries.drafts_of(member) if own else []
    return render_template(
        "accounts/profile.html",
        member=member,
        ideas=ideas,
        archived=archived,
        drafts=drafts,
        own=own,
        mine=partner_queries.offers_and_partnerships_of(member, viewer=current_user),
    )
