"""Lineage pages: an idea's lineage, adoptions and official responses, and the inline check
of the "continues an earlier idea" field.

Every form works as a plain post (redirect after success); htmx swaps the same partials.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari import permissions
from idealaari.extensions import db, is_fragment_request
from idealaari.forms import ConfirmForm
from idealaari.http import get_visible_idea, idea_url, parse_id
from idealaari.ideas.models import Idea
from idealaari.lineage import bp, queries, services
from idealaari.lineage.forms import DerivationForm
from idealaari.lineage.models import Adoption, OfficialResponse
from idealaari.lineage.panel import IdeaLineage, idea_lineage, new_adoption_form, new_response_form

ADOPTIONS = "idea-adoptions"  # the adoptions panel of the idea page
RESPONSES = "idea-responses"  # the official responses panel near the top of the idea page
PARTIALS = {ADOPTIONS: "lineage/_idea_adoptions.html", RESPONSES: "lineage/_idea_responses.html"}


@bp.get("/ideas/<int:idea_id>/lineage")
def idea_page(idea_id: int):
    """Where the idea came from, what continues it, who adopted it and who answered it."""
    idea = get_visible_idea(idea_id)
    return _page(idea, idea_lineage(idea))


def _page(idea: Idea, lineage: IdeaLineage, status: int = 200):
    return render_template("lineage/page.html", idea=idea, lineage=lineage), status


def _answer(idea: Idea, target: str, lineage: IdeaLineage, status: int, done: str | None = None):
    """After a post: the panel (htmx), the lineage page with the form's errors, or back to
    the idea page with the message."""
    if is_fragment_request(target):
        return render_template(PARTIALS[target], idea=idea, lineage=lineage), status
    form = lineage.adoption_form if target == ADOPTIONS else lineage.response_form
    if form is not None and form.errors:
        return _page(idea, lineage, 422)
    error = lineage.adoption_error if target == ADOPTIONS else lineage.response_error
    if error:
        flash(error, "error")
    elif done:
        flash(done, "success")
    return redirect(idea_url(idea, _anchor=target)), 303


def _refused(idea: Idea, target: str, message: str):
    key = "adoption_error" if target == ADOPTIONS else "response_error"
    return _answer(idea, target, idea_lineage(idea, **{key: message}), 422)


@bp.post("/ideas/<int:idea_id>/adoption")
@login_required
def record_adoption(idea_id: int):
    """Record, or correct, that the member's organisation adopted the idea."""
    idea = get_visible_idea(idea_id)
    refusal = permissions.adoption_refusal(current_user, idea)
    if refusal:
        return _refused(idea, ADOPTIONS, refusal)
    existed = queries.adoption_by(idea, current_user.organisation_id) is not None
    form = new_adoption_form(request.form)
    if not form.validate_on_submit():
        return _answer(idea, ADOPTIONS, idea_lineage(idea, adoption_form=form), 422)
    try:
        services.record_adoption(
            idea=idea,
            actor=current_user,
            adopted_on=form.adopted_on.data,
            phase=form.phase.data,
            evidence=form.evidence.data or "",
        )
    except services.LineageError as e:
        db.session.rollback()
        return _refused(idea, ADOPTIONS, str(e))
    db.session.commit()
    org = current_user.organisation.name
    done = (
        _("The adoption by %(org)s is updated.", org=org)
        if existed
        else _("Thank you! The adoption by %(org)s is recorded.", org=org)
    )
    return _answer(idea, ADOPTIONS, idea_lineage(idea, adoption_notice=done), 200, done)


def _remove(row, remove, section: str, notice: str, message: str):
    """Take an adoption or an official response away and answer with the section again."""
    if row is None:
        abort(404)
    idea = get_visible_idea(row.idea_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    org = row.organisation.name
    try:
        remove(row)
    except services.LineageError as e:
        db.session.rollback()
        return _refused(idea, section, str(e))
    db.session.commit()
    done = message % {"org": org}
    return _answer(idea, section, idea_lineage(idea, **{notice: done}), 200, done)


@bp.post("/adoptions/<int:adoption_id>/remove")
@login_required
def remove_adoption(adoption_id: int):
    """Take an adoption away."""
    return _remove(
        db.session.get(Adoption, adoption_id),
        lambda row: services.remove_adoption(adoption=row, actor=current_user),
        ADOPTIONS,
        "adoption_notice",
        _("The adoption by %(org)s is removed."),
    )


@bp.post("/ideas/<int:idea_id>/response")
@login_required
def give_response(idea_id: int):
    """Give the member's organisation's official response; it replaces the one before."""
    idea = get_visible_idea(idea_id)
    refusal = permissions.official_response_refusal(current_user, idea)
    if refusal:
        return _refused(idea, RESPONSES, refusal)
    form = new_response_form(request.form)
    if not form.validate_on_submit():
        return _answer(idea, RESPONSES, idea_lineage(idea, response_form=form), 422)
    try:
        services.give_official_response(
            idea=idea,
            actor=current_user,
            kind=form.kind.data,
            statement=form.statement.data or "",
        )
    except services.LineageError as e:
        db.session.rollback()
        return _refused(idea, RESPONSES, str(e))
    db.session.commit()
    done = _("The response of %(org)s is published.", org=current_user.organisation.name)
    return _answer(idea, RESPONSES, idea_lineage(idea, response_notice=done), 200, done)


@bp.post("/official-responses/<int:response_id>/remove")
@login_required
def remove_response(response_id: int):
    """Take an official response away."""
    return _remove(
        db.session.get(OfficialResponse, response_id),
        lambda row: services.remove_official_response(response=row, actor=current_user),
        RESPONSES,
        "response_notice",
        _("The response of %(org)s is removed."),
    )


@bp.post("/ideas/source-check")
@login_required
def check_source():
    """Check the "continues an earlier idea" field inline (htmx) and name the idea found."""
    idea_id = parse_id(request.args.get("idea"))
    idea = db.session.get(Idea, idea_id) if idea_id is not None else None
    if idea is not None and not permissions.can_edit_idea(current_user, idea):
        idea = None
    form = DerivationForm(request.form, idea=idea)
    form.validate()
    return render_template("lineage/_source_field.html", derivation_form=form, idea=idea)


def source_check_url(idea: Idea | None) -> str:
    return url_for("lineage.check_source", idea=idea.id if idea is not None else None)
