"""Partner offers: offer to join an idea, answer offers, withdraw, the idea's partners page.

Every form works as a plain post (redirect after success); htmx swaps the same partials.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari import permissions
from idealaari.extensions import db, is_fragment_request
from idealaari.forms import ConfirmForm
from idealaari.http import get_visible_idea, idea_url, safe_next
from idealaari.ideas.models import Idea
from idealaari.organisations.models import Organisation
from idealaari.partners import bp, queries, services
from idealaari.partners.forms import DecisionForm
from idealaari.partners.models import PartnerOffer
from idealaari.partners.panel import PartnerPanel, offer_form, partners_panel

PANEL = "idea-partners"  # the panel on the idea page
MY_OFFERS = "my-partner-offers"  # the member's offers and the offer form on the partners page
OFFERS = "partner-offers"  # accepted partners and, for editors, every offer
PROFILE = "profile-offers"  # the member's offers on their profile


def decision_form(offer: PartnerOffer, formdata=None) -> DecisionForm:
    """The accept/decline form of one offer; prefixed, as a page lists many."""
    return DecisionForm(formdata=formdata, prefix=f"decision-{offer.id}")


def _offers_context(idea: Idea, *, decision_forms: dict | None = None, **extra) -> dict:
    editor = permissions.can_edit_idea(current_user, idea)
    forms = decision_forms or {}
    return {
        "idea": idea,
        "accepted": queries.accepted_partners(idea),
        "offers": queries.offers_for_idea(idea) if editor else [],
        "decision_form_for": lambda offer: (
            forms[offer.id] if offer.id in forms else decision_form(offer)
        ),
        "offer_errors": {},
        "notice": None,
        **extra,
    }


def _partners_page(idea: Idea, *, panel: PartnerPanel | None = None, status: int = 200, **extra):
    return render_template(
        "partners/page.html",
        partner_panel=panel or partners_panel(idea, current_user),
        **_offers_context(idea, **extra),
    ), status


@bp.get("/ideas/<int:idea_id>/partners")
def idea_partners(idea_id: int):
    """The idea's partners; its editors also see and answer every offer here."""
    idea = get_visible_idea(idea_id)
    return _partners_page(idea)


def _member_partial(target: str, idea: Idea, panel: PartnerPanel, status: int):
    template = "partners/_idea_partners.html" if target == PANEL else "partners/_my_offers.html"
    return render_template(template, idea=idea, partner_panel=panel), status


@bp.post("/ideas/<int:idea_id>/partners")
@login_required
def offer(idea_id: int):
    """Offer to join the idea in a role."""
    idea = get_visible_idea(idea_id)
    target = next((t for t in (PANEL, MY_OFFERS) if is_fragment_request(t)), None)
    refusal = permissions.offer_refusal(current_user, idea)
    if refusal:
        if target:
            return _member_partial(
                target, idea, partners_panel(idea, current_user, error=refusal), 422
            )
        flash(refusal, "error")
        return redirect(idea_url(idea)), 303
    form = offer_form(idea, current_user, formdata=request.form)
    if form.validate_on_submit():
        try:
            services.make_offer(
                idea=idea,
                member=current_user,
                role=form.role.data,
                message=form.message.data or "",
                organisation=db.session.get(Organisation, form.organisation.data),
            )
        except services.PartnerError as e:
            db.session.rollback()
            form.form_errors.append(str(e))
        else:
            db.session.commit()
            done = _("Thank you! Your offer was sent to the idea's editors.")
            if target:
                return _member_partial(
                    target, idea, partners_panel(idea, current_user, notice=done), 200
                )
            flash(done, "success")
            return redirect(idea_url(idea)), 303
    panel = partners_panel(idea, current_user, form=form)
    if target:
        return _member_partial(target, idea, panel, 422)
    return _partners_page(idea, panel=panel, status=422)


def _get_offer(offer_id: int) -> PartnerOffer:
    """The offer if the current user may see its idea; otherwise 404."""
    offer = db.session.get(PartnerOffer, offer_id)
    if offer is None:
        abort(404)
    get_visible_idea(offer.idea_id)
    return offer


def _offers_response(
    offer: PartnerOffer,
    *,
    done: str | None = None,
    error: str | None = None,
    form: DecisionForm | None = None,
):
    """After an editor's action: the offers partial (htmx) or back to the partners page."""
    idea = offer.idea
    if is_fragment_request(OFFERS):
        context = _offers_context(
            idea,
            notice=done,
            offer_errors={offer.id: error} if error else {},
            decision_forms={offer.id: form} if form is not None else None,
        )
        status = 422 if (error or (form is not None and form.errors)) else 200
        return render_template("partners/_offers.html", **context), status
    if form is not None and form.errors:
        return _partners_page(idea, status=422, decision_forms={offer.id: form})
    if error:
        flash(error, "error")
    elif done:
        flash(done, "success")
    return redirect(url_for("partners.idea_partners", idea_id=idea.id)), 303


@bp.post("/partner-offers/<int:offer_id>/decide")
@login_required
def decide(offer_id: int):
    """Accept or decline an offer, with an optional note to the member."""
    offer = _get_offer(offer_id)
    if not permissions.can_decide_offer(current_user, offer):
        abort(403)
    form = decision_form(offer, formdata=request.form)
    if not form.validate_on_submit():
        return _offers_response(offer, form=form)
    action = services.accept_offer if form.decision.data == "accept" else services.decline_offer
    try:
        action(offer=offer, actor=current_user, note=form.note.data or "")
    except services.PartnerError as e:
        db.session.rollback()
        return _offers_response(offer, error=str(e))
    db.session.commit()
    member = offer.user.name if offer.user else _("Former member")
    if form.decision.data == "accept":
        done = _("%(name)s is now a partner of the idea.", name=member)
    else:
        done = _("The offer of %(name)s is declined.", name=member)
    return _offers_response(offer, done=done)


@bp.post("/partner-offers/<int:offer_id>/co-editor")
@login_required
def make_co_editor(offer_id: int):
    """Let an accepted co-developer edit the idea."""
    offer = _get_offer(offer_id)
    if not permissions.can_manage_co_editors(current_user, offer.idea):
        abort(403)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        member = services.make_co_editor(offer=offer, actor=current_user)
    except services.PartnerError as e:
        db.session.rollback()
        return _offers_response(offer, error=str(e))
    db.session.commit()
    return _offers_response(offer, done=_("%(name)s can now edit the idea.", name=member.name))


@bp.post("/partner-offers/<int:offer_id>/withdraw")
@login_required
def withdraw(offer_id: int):
    """The member who offered withdraws their offer or leaves the partnership."""
    offer = _get_offer(offer_id)
    if not permissions.is_offer_maker(current_user, offer):
        abort(403)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    idea = offer.idea
    error = done = None
    try:
        services.withdraw_offer(offer=offer, member=current_user)
    except services.PartnerError as e:
        db.session.rollback()
        error = str(e)
    else:
        db.session.commit()
        done = _("Your offer is withdrawn.")
    status = 422 if error else 200
    if is_fragment_request(PROFILE):
        return render_template(
            "partners/_profile_offers.html",
            member=current_user,
            own=True,
            mine=queries.offers_and_partnerships_of(current_user, viewer=current_user),
            notice=done,
            error=error,
        ), status
    for target in (PANEL, MY_OFFERS):
        if is_fragment_request(target):
            return _member_partial(
                target, idea, partners_panel(idea, current_user, notice=done, error=error), status
            )
    flash(error or done, "error" if error else "success")
    return redirect(safe_next(request.form.get("next"), idea_url(idea))), 303
