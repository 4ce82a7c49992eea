"""A member's page, and editing one's own profile."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import exists, or_, select
from werkzeug.routing import BuildError

from idealaari.accounts import bp
from idealaari.accounts.models import User
from idealaari.accounts.profile import services
from idealaari.accounts.profile.forms import ProfileForm
from idealaari.accounts.services import AccountError
from idealaari.comments.models import Comment
from idealaari.comments.queries import is_visible_clause
from idealaari.extensions import db
from idealaari.i18n import current_language, remember_language
from idealaari.ideas import queries as idea_queries
from idealaari.ideas.models import Idea, IdeaRevision, IdeaStatus, idea_co_editors
from idealaari.organisations import queries as org_queries
from idealaari.organisations.models import Organisation
from idealaari.partners import queries as partner_queries
from idealaari.partners.models import OfferStatus, PartnerOffer

PUBLIC_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED)


def has_public_content(member: User) -> bool:
    """Whether visitors already see the member's name on a public idea: as its author, editor
    or accepted partner, or by a visible comment on it (one query)."""
    public_idea = Idea.status.in_(PUBLIC_STATUSES)
    checks = (
        select(Idea.id).where(Idea.author_id == member.id, public_idea),
        select(idea_co_editors.c.idea_id)
        .join(Idea, Idea.id == idea_co_editors.c.idea_id)
        .where(idea_co_editors.c.user_id == member.id, public_idea),
        select(IdeaRevision.id)
        .join(Idea, Idea.id == IdeaRevision.idea_id)
        .where(IdeaRevision.editor_id == member.id, public_idea),
        select(Comment.id)
        .join(Idea, Idea.discussion_id == Comment.discussion_id)
        .where(Comment.author_id == member.id, is_visible_clause(), public_idea),
        select(PartnerOffer.id)
        .join(Idea, Idea.id == PartnerOffer.idea_id)
        .where(
            PartnerOffer.user_id == member.id,
            PartnerOffer.status == OfferStatus.ACCEPTED,
            public_idea,
        ),
    )
    return bool(db.session.scalar(select(or_(*(exists(check) for check in checks)))))


def may_see_profile(viewer, member: User) -> bool:
    """Members see every profile. Visitors see an active member's profile only when the member
    has public content, so that sequential ids do not list the whole membership."""
    if viewer.is_authenticated:
        return True
    return member.active and has_public_content(member)


@bp.get("/members/<int:user_id>")
def profile(user_id: int):
    """A member's page with their ideas (and, for themselves, their drafts)."""
    member = db.session.get(User, user_id)
    if member is None or not may_see_profile(current_user, member):
        abort(404)  # the same answer for a hidden profile as for a missing one
    own = current_user.is_authenticated and current_user.id == member.id
    return render_template(
        "accounts/profile.html",
        member=member,
        ideas=idea_queries.ideas_authored_by(member, (IdeaStatus.PUBLISHED,)),
        archived=idea_queries.ideas_authored_by(member, (IdeaStatus.ARCHIVED,)),
        drafts=idea_queries.drafts_of(member) if own else [],
        own=own,
        mine=partner_queries.offers_and_partnerships_of(member, viewer=current_user),
        logout_everywhere_url=_logout_everywhere_url() if own else None,
    )


def _logout_everywhere_url() -> str | None:
    # The page still renders where the route that ends all sessions is not registered.
    try:
        return url_for("accounts.logout_everywhere")
    except BuildError:
        return None


@bp.route("/account/profile", methods=["GET", "POST"])
@login_required
def edit_profile():
    """Edit one's own name, title, expertise, language, e-mail and organisation."""
    user = current_user
    form = ProfileForm(
        organisations=org_queries.all_organisations(),
        data={
            "name": user.name,
            "title": user.title,
            "expertise": user.expertise,
            "language": user.locale or current_language(),
            "email": user.email,
            "organisation": user.organisation_id,
        },
    )
    if form.validate_on_submit():
        try:
            new_email = _save(form, user)
        except _FieldRefused as refused:
            db.session.rollback()
            refused.field.errors.append(refused.message)
        else:
            db.session.commit()
            with force_locale(user.locale):  # the answer comes in the language just chosen
                flash(_("Your profile is saved."), "success")
                if new_email:
                    flash(
                        _(
                            "We sent a confirmation link to %(email)s. Your e-mail address "
                            "changes when you open the link.",
                            email=new_email,
                        ),
                        "info",
                    )
            response = redirect(url_for("accounts.profile", user_id=user.id), 303)
            remember_language(response, user.locale)
            return response
    status = 422 if request.method == "POST" else 200
    return render_template("accounts/profile_edit.html", form=form), status


class _FieldRefused(Exception):
    def __init__(self, field, message: str):
        super().__init__(message)
        self.field, self.message = field, message


def _save(form: ProfileForm, user: User) -> str | None:
    """Save the form's details and ask to confirm a new address; the address, if new."""
    try:
        services.update_profile(
            user=user,
            name=form.name.data,
            title=form.title.data or "",
            expertise=form.expertise.data or "",
            organisation=db.session.get(Organisation, form.organisation.data),
            locale=form.language.data,
        )
    except AccountError as e:
        raise _FieldRefused(form.name, str(e)) from None
    try:
        return services.request_email_change(user=user, email=form.email.data)
    except AccountError as e:
        raise _FieldRefused(form.email, str(e)) from None
