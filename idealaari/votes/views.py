"""Voting for ideas: a plain form post, or an in-place update with htmx."""

from __future__ import annotations

from flask import flash, redirect, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari.extensions import db, is_fragment_request
from idealaari.forms import ConfirmForm
from idealaari.http import get_visible_idea, idea_url
from idealaari.votes import bp, queries, services


def _respond(idea, *, voted: bool, error: str | None = None):
    target = f"vote-{idea.id}"
    if is_fragment_request(target):
        html = render_template(
            "votes/_vote_button.html",
            idea=idea,
            voted=queries.has_voted(current_user, idea),
            vote_error=error,
        )
        return html, 422 if error else 200
    if error:
        flash(error, "error")
    elif voted:
        flash(_("Your vote is counted."), "success")
    else:
        flash(_("Your vote is withdrawn."), "success")
    return redirect(idea_url(idea)), 303


def _vote(idea_id: int, action):
    idea = get_visible_idea(idea_id)
    if not ConfirmForm().validate_on_submit():
        return _respond(idea, voted=False, error=_("The form had expired. Please try again."))
    try:
        action(idea=idea, voter=current_user)
    except services.VoteError as e:
        db.session.rollback()
        return _respond(idea, voted=False, error=str(e))
    db.session.commit()
    db.session.refresh(idea)
    return _respond(idea, voted=queries.has_voted(current_user, idea))


@bp.post("/ideas/<int:idea_id>/vote")
@login_required
def vote(idea_id: int):
    """Give the idea your vote."""
    return _vote(idea_id, services.add_vote)


@bp.post("/ideas/<int:idea_id>/unvote")
@login_required
def unvote(idea_id: int):
    """Withdraw your vote."""
    return _vote(idea_id, services.withdraw_vote)
