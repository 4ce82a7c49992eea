"""The managers' results page: choose winners and mentions with statements, save a draft,
publish."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari import permissions
from idealaari.challenges import bp, jury, queries, results
from idealaari.challenges.models import AwardKind
from idealaari.challenges.views import _require_manager, _visible_or_404, challenge_url
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.forms import ConfirmForm


def _rows(challenge, choices: dict[int, results.AwardChoice]):
    """The entries in the order to decide them: current awards first, then by the ranking
    (the jury's and the public vote combined), each with its ranking row."""
    entries = queries.entries_of(challenge)
    ranked = {r.entry_id: r for r in jury.overview(challenge).ranking()}
    placed = {a.entry_id: i for i, a in enumerate(results.awards_of(challenge))}

    def order(entry):
        row = ranked.get(entry.id)
        rank = row.rank if row is not None and row.rank is not None else len(entries) + 1
        return (placed.get(entry.id, len(placed)), rank, -entry.vote_count, entry.entered_at)

    entries.sort(key=order)
    return [(e, choices.get(e.id), ranked.get(e.id)) for e in entries]


def _choices_from_form(challenge) -> list[results.AwardChoice]:
    choices = []
    for entry in challenge.entries:
        kind = request.form.get(f"kind-{entry.id}", "")
        if kind and kind not in AwardKind._value2member_map_:
            raise results.ResultsError(_("Choose one of the options given."), entry_id=entry.id)
        choices.append(
            results.AwardChoice(
                entry.id,
                AwardKind(kind) if kind else None,
                (request.form.get(f"statement-{entry.id}") or "")[: results.STATEMENT_MAX * 2],
            )
        )
    order = {e.id: i for i, e in enumerate(challenge.entries)}
    # Winners first, then mentions, each in the order of the page.
    choices.sort(key=lambda c: (c.kind != AwardKind.WINNER, order[c.entry_id]))
    return choices


@bp.route("/challenges/<int:challenge_id>/results", methods=["GET", "POST"])
@login_required
def results_page(challenge_id: int):
    """Draft the winners and mentions with their statements; publish once evaluation closes."""
    challenge = _visible_or_404(challenge_id)
    _require_manager(challenge)
    now = utcnow()
    form = ConfirmForm()
    current = {
        a.entry_id: results.AwardChoice(a.entry_id, a.kind, a.statement)
        for a in results.awards_of(challenge)
    }
    error = None
    status = 200
    if request.method == "POST":
        publish = request.form.get("action") == "publish"
        choices: list[results.AwardChoice] = []
        try:
            if not form.validate_on_submit():
                raise results.ResultsError(_("The form had expired. Please try again."))
            choices = _choices_from_form(challenge)
            results.save_awards(
                actor=current_user, challenge=challenge, choices=choices, publish=publish, now=now
            )
        except results.ResultsError as e:
            db.session.rollback()
            error = e
            status = 422
            # Show what the manager typed, not what was saved.
            current = {c.entry_id: c for c in choices} or current
        else:
            db.session.commit()
            if publish:
                flash(_("The results are published, and the entrants are told."), "success")
                return redirect(challenge_url(challenge, _anchor="results"), 303)
            flash(_("The results are saved as a draft."), "success")
            return redirect(url_for("challenges.results_page", challenge_id=challenge.id), 303)
    return render_template(
        "challenges/results_form.html",
        challenge=challenge,
        form=form,
        rows=_rows(challenge, current),
        error=error,
        phase=challenge.phase_at(now),
        draft_refusal=results.results_refusal(current_user, challenge, now, publish=False),
        publish_refusal=results.results_refusal(current_user, challenge, now, publish=True),
        can_manage=permissions.can_manage_challenge(current_user, challenge),
    ), status
