"""Voting for entries: a plain form post, or an in-place update with htmx (which also
updates the budget left, out of band)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari.challenges import bp, queries, voting
from idealaari.challenges.views import _visible_or_404, challenge_url
from idealaari.dbtypes import utcnow
from idealaari.extensions import db, is_fragment_request
from idealaari.forms import ConfirmForm


def _respond(challenge, entry, *, message: str, error: str | None = None):
    now = utcnow()
    if is_fragment_request(f"entry-vote-{entry.id}"):
        db.session.refresh(entry)
        html = render_template(
            "challenges/_entry_vote.html",
            challenge=challenge,
            entry=entry,
            ballot=voting.ballot(current_user, challenge, now),
            now=now,
            vote_error=error,
            vote_message=None if error else message,
            oob_budget=True,
            other_entries=queries.entries_of(challenge),
        )
        return html, 422 if error else 200
    flash(error or message, "error" if error else "success")
    return redirect(challenge_url(challenge, _anchor=f"entry-{entry.id}")), 303


def _vote(challenge_id: int, entry_id: int, action, message: str):
    challenge = _visible_or_404(challenge_id)
    entry = queries.entry_of(challenge, entry_id)
    if entry is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        return _respond(
            challenge, entry, message="", error=_("The form had expired. Please try again.")
        )
    try:
        action(entry=entry, voter=current_user)
    except voting.ChallengeVoteError as e:
        db.session.rollback()
        return _respond(challenge, entry, message="", error=str(e))
    db.session.commit()
    return _respond(challenge, entry, message=message)


@bp.post("/challenges/<int:challenge_id>/entries/<int:entry_id>/vote")
@login_required
def vote_entry(challenge_id: int, entry_id: int):
    """Give the entry your vote (one of your budget, in a budget vote)."""
    return _vote(challenge_id, entry_id, voting.cast_vote, _("Your vote is counted."))


@bp.post("/challenges/<int:challenge_id>/entries/<int:entry_id>/unvote")
@login_required
def unvote_entry(challenge_id: int, entry_id: int):
    """Take your vote back while voting is open."""
    return _vote(challenge_id, entry_id, voting.withdraw_vote, _("Your vote is withdrawn."))
