"""Jury pages: a juror's entries and scorecards (a criterion saves in place with htmx), the
declaration of a conflict of interest, and the managers' jury page (the jury, recusals,
progress, coverage and the ranking).

A juror who has a conflict with an entry gets 403 with the reason, for the page and for every
post; members outside the jury and the managers get 403 too, and visitors are sent to log in.
"""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from limits import parse_many
from wtforms import EmailField, StringField, TextAreaField
from wtforms.validators import Email

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.challenges import bp, jury, queries
from idealaari.challenges.models import Challenge, ChallengePhase, Entry
from idealaari.dbtypes import utcnow
from idealaari.extensions import db, is_fragment_request, limiter
from idealaari.forms import ConfirmForm, attach_error, length, optional, required
from idealaari.http import parse_id

# --------------------------------------------------------------------------- forms


class ScorecardForm(FlaskForm):
    """The note; the points come as one radio group per criterion ("criterion-<id>")."""

    note = TextAreaField(
        _l("Note for the jury and the managers"),
        validators=[optional(), length(max=jury.NOTE_MAX)],
        description=_l(
            "Only the other jurors and the challenge's managers see it, never the entrants."
        ),
    )


class RecusalForm(FlaskForm):
    reason = StringField(
        _l("What is the conflict?"),
        validators=[required(_l("Say briefly what the conflict is.")), length(max=jury.REASON_MAX)],
        description=_l(
            "For example “I advised the team on this idea”. The managers see the reason."
        ),
    )


class JurorForm(FlaskForm):
    email = EmailField(
        _l("Juror's e-mail"),
        validators=[
            optional(),
            length(max=254),
            Email(message=_l("Give a valid e-mail address."), check_deliverability=False),
        ],
        description=_l("A member of any organisation."),
    )


# --------------------------------------------------------------------------- helpers


def _challenge(challenge_id: int) -> Challenge:
    challenge = db.get_or_404(Challenge, challenge_id)
    if not permissions.can_view_challenge(current_user, challenge):
        abort(404)
    return challenge


def _entry(challenge: Challenge, entry_id: int) -> Entry:
    """The challenge's entry, if its idea is public (the jury scores only those)."""
    entry = queries.entry_of(challenge, entry_id)
    if entry is None or entry.idea.status not in jury.PUBLIC_STATUSES:
        abort(404)
    return entry


def _refuse(refusal: str | None) -> None:
    if refusal:
        abort(403, description=refusal)


def _scorecard_url(challenge: Challenge, entry: Entry, **kwargs) -> str:
    return url_for("challenges.scorecard", challenge_id=challenge.id, entry_id=entry.id, **kwargs)


def _submitted_points(challenge: Challenge) -> dict[int, str]:
    return {c.id: request.form.get(f"criterion-{c.id}", "") for c in challenge.criteria}


# --------------------------------------------------------------------------- the juror


@bp.get("/challenges/<int:challenge_id>/jury")
@login_required
def jury_home(challenge_id: int):
    """The juror's entries to score, done or not, and the conflicts they declared."""
    challenge = _challenge(challenge_id)
    _refuse(permissions.jury_refusal(current_user, challenge))
    now = utcnow()
    view = jury.overview(challenge, juror=current_user)
    assigned = view.assigned(current_user)
    return render_template(
        "challenges/jury/home.html",
        challenge=challenge,
        view=view,
        assigned=assigned,
        done=sum(1 for e in assigned if view.is_done(current_user, e)),
        not_assigned=len(view.entries) - len(assigned),
        recusals=jury.own_recusals(challenge, current_user),
        phase=challenge.phase_at(now),
        span=challenge.current_span(now),
        now=now,
        confirm_form=ConfirmForm(formdata=None),
        can_manage=permissions.can_manage_challenge(current_user, challenge),
    )


def _scorecard_page(
    challenge: Challenge,
    entry: Entry,
    *,
    form: ScorecardForm | None = None,
    recusal_form: RecusalForm | None = None,
    points: dict[int, str] | None = None,
    errors: dict[str, str] | None = None,
    refusal: str | None = None,
    status: int = 200,
):
    now = utcnow()
    juror = permissions.is_juror(current_user, challenge)
    own = jury.own_scorecard(entry, current_user) if juror else None
    saved = {s.criterion_id: str(s.value) for s in own.scores} if own else {}
    if form is None:
        form = ScorecardForm(formdata=None, data={"note": own.note if own else ""})
    others = [
        (member, card)
        for member, card in jury.scorecards_of(entry)
        if member.id != current_user.id and (card.note or card.scores)
    ]
    return render_template(
        "challenges/jury/scorecard.html",
        challenge=challenge,
        entry=entry,
        orgs=queries.entry_organisations([entry]).get(entry.id, []),
        form=form,
        recusal_form=recusal_form or RecusalForm(formdata=None),
        points={**saved, **(points or {})},
        saved=saved,
        errors=errors or {},
        refusal=refusal,
        juror=juror,
        scoring_refusal=permissions.scoring_refusal(current_user, challenge, entry, now)
        if juror
        else None,
        recusal_refusal=permissions.recusal_refusal(current_user, challenge, now),
        others=others,
        phase=challenge.phase_at(now),
        span=challenge.current_span(now),
        now=now,
    ), status


@bp.route("/challenges/<int:challenge_id>/jury/entries/<int:entry_id>", methods=["GET", "POST"])
@login_required
def scorecard(challenge_id: int, entry_id: int):
    """An entry's scorecard: the idea in short, each criterion's scale, the private note and
    the other jurors' notes. Without JavaScript the whole scorecard is saved at once."""
    challenge = _challenge(challenge_id)
    entry = _entry(challenge, entry_id)
    _refuse(permissions.scorecard_refusal(current_user, challenge, entry))
    if request.method == "GET":
        return _scorecard_page(challenge, entry)
    _refuse(permissions.jury_refusal(current_user, challenge))  # managers only read
    form = ScorecardForm()
    points = _submitted_points(challenge)
    refusal = permissions.scoring_refusal(current_user, challenge, entry, utcnow())
    if refusal:  # the phase changed while the juror was typing: keep what they wrote
        return _scorecard_page(
            challenge, entry, form=form, points=points, refusal=refusal, status=403
        )
    if not form.validate_on_submit():
        return _scorecard_page(challenge, entry, form=form, points=points, status=422)
    try:
        jury.save_scorecard(actor=current_user, entry=entry, scores=points, note=form.note.data)
    except jury.JuryError as e:
        db.session.rollback()
        errors = {}
        if e.field and e.field.startswith("criterion-"):
            errors[e.field] = str(e)
        else:
            attach_error(form, e)
        return _scorecard_page(
            challenge, entry, form=form, points=points, errors=errors, status=422
        )
    db.session.commit()
    flash(_("The scorecard is saved."), "success")
    return redirect(_scorecard_url(challenge, entry), 303)


@bp.post("/challenges/<int:challenge_id>/jury/entries/<int:entry_id>/criteria/<int:criterion_id>")
@login_required
def save_criterion(challenge_id: int, entry_id: int, criterion_id: int):
    """Save the points of one criterion; htmx swaps the criterion in place."""
    challenge = _challenge(challenge_id)
    entry = _entry(challenge, entry_id)
    now = utcnow()
    _refuse(permissions.scoring_refusal(current_user, challenge, entry, now))
    criterion = next((c for c in challenge.criteria if c.id == criterion_id), None)
    if criterion is None:
        abort(404)
    value = request.form.get(f"criterion-{criterion.id}", "")
    fragment = is_fragment_request(f"criterion-{criterion.id}")
    try:
        jury.save_score(
            actor=current_user, entry=entry, criterion_id=criterion.id, value=value, now=now
        )
    except jury.JuryError as e:
        db.session.rollback()
        if fragment:
            return render_template(
                "challenges/jury/_criterion.html",
                challenge=challenge,
                entry=entry,
                criterion=criterion,
                value=value,
                error=str(e),
                can_score=True,
            ), 422
        flash(str(e), "error")
        return redirect(_scorecard_url(challenge, entry, _anchor=f"criterion-{criterion.id}"), 303)
    db.session.commit()
    if fragment:
        return render_template(
            "challenges/jury/_criterion.html",
            challenge=challenge,
            entry=entry,
            criterion=criterion,
            value=value.strip(),
            saved_message=_(
                "Saved: %(name)s, %(points)s points.", name=criterion.name, points=value.strip()
            ),
            can_score=True,
        )
    flash(_("The score is saved."), "success")
    return redirect(_scorecard_url(challenge, entry, _anchor=f"criterion-{criterion.id}"), 303)


@bp.post("/challenges/<int:challenge_id>/jury/entries/<int:entry_id>/recusal")
@login_required
def declare_recusal(challenge_id: int, entry_id: int):
    """The juror declares a conflict of interest on the entry, with a reason."""
    challenge = _challenge(challenge_id)
    entry = _entry(challenge, entry_id)
    _refuse(permissions.recusal_refusal(current_user, challenge, utcnow()))
    form = RecusalForm()
    if form.validate_on_submit():
        try:
            jury.declare_recusal(actor=current_user, entry=entry, reason=form.reason.data)
        except jury.JuryError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            flash(
                _(
                    "You declared a conflict of interest on “%(title)s”. It is no longer "
                    "yours to score, and the managers see your reason.",
                    title=entry.idea.title,
                ),
                "success",
            )
            return redirect(url_for("challenges.jury_home", challenge_id=challenge.id), 303)
    if permissions.scorecard_refusal(current_user, challenge, entry):
        # Already conflicted: there is no scorecard page to show the form on again.
        for errors in form.errors.values():
            for error in errors:
                flash(error, "error")
        return redirect(url_for("challenges.jury_home", challenge_id=challenge.id), 303)
    return _scorecard_page(challenge, entry, recusal_form=form, status=422)


@bp.post("/challenges/<int:challenge_id>/jury/entries/<int:entry_id>/recusal/withdraw")
@login_required
def withdraw_recusal(challenge_id: int, entry_id: int):
    """The juror takes back a declared conflict; the entry is theirs to score again."""
    challenge = _challenge(challenge_id)
    entry = _entry(challenge, entry_id)
    _refuse(permissions.recusal_refusal(current_user, challenge, utcnow()))
    if not ConfirmForm().validate_on_submit():
        abort(400)
    jury.withdraw_recusal(actor=current_user, entry=entry)
    db.session.commit()
    flash(_("The declaration is withdrawn."), "success")
    return redirect(url_for("challenges.jury_home", challenge_id=challenge.id), 303)


# --------------------------------------------------------------------------- the managers


def _require_manager(challenge: Challenge) -> None:
    if not permissions.can_manage_challenge(current_user, challenge):
        abort(403, description=_("Only the challenge's managers can do this."))


def _number(value: float | None, pattern: str) -> str:
    """A score in the reader's number format; "–" for no score."""
    return "–" if value is None else format_decimal(value, format=pattern)


def _manage_page(challenge: Challenge, *, juror_form: JurorForm | None = None, status=200):
    now = utcnow()
    view = jury.overview(challenge)
    query = " ".join((request.args.get("q") or "").split())[:80]
    rows = view.ranking()
    entries = {e.id: e for e in view.entries}
    return render_template(
        "challenges/jury/manage.html",
        challenge=challenge,
        view=view,
        progress=view.progress(),
        coverage=view.coverage(),
        recusals=view.recusals(),
        ranking=[(row, entries[row.entry_id]) for row in rows],
        juror_form=juror_form or JurorForm(formdata=None),
        query=query,
        candidates=jury.member_candidates(challenge, query) if query else [],
        jurors_refusal=permissions.jurors_refusal(current_user, challenge, now),
        confirm_form=ConfirmForm(formdata=None),
        number=_number,
        phase=challenge.phase_at(now),
        span=challenge.current_span(now),
        now=now,
        evaluation=challenge.phase_at(now)
        in (ChallengePhase.EVALUATION, ChallengePhase.RESULTS, ChallengePhase.CLOSED),
    ), status


@bp.get("/challenges/<int:challenge_id>/manage/jury")
@login_required
def manage_jury(challenge_id: int):
    """The managers' jury page: the jury, recusals, progress, coverage and the ranking."""
    challenge = _challenge(challenge_id)
    _require_manager(challenge)
    return _manage_page(challenge)


@bp.get("/challenges/<int:challenge_id>/manage/jury/candidates")
@login_required
def juror_candidates(challenge_id: int):
    """Members matching what the manager typed, to name to the jury (search as you type)."""
    challenge = _challenge(challenge_id)
    _refuse(permissions.jurors_refusal(current_user, challenge, utcnow()))
    query = " ".join((request.args.get("q") or "").split())[:80]
    if not is_fragment_request("juror-candidates"):
        return redirect(url_for("challenges.manage_jury", challenge_id=challenge.id, q=query))
    return render_template(
        "challenges/jury/_candidates.html",
        challenge=challenge,
        query=query,
        candidates=jury.member_candidates(challenge, query),
    )


def _lookup_allowed() -> bool:
    """Count a look-up of a member by e-mail, as co-editor look-ups are counted: the answer
    tells whether the address has an account."""
    if not limiter.enabled:
        return True
    config = current_app.config
    keys = [
        (config["IDEALAARI_CO_EDITOR_LIMIT"], f"member:{current_user.id}"),
        (config["IDEALAARI_CO_EDITOR_ADDRESS_LIMIT"], f"address:{get_remote_address()}"),
    ]
    return all(
        [
            limiter.limiter.hit(item, "juror-lookup", key)
            for raw, key in keys
            for item in parse_many(raw)
        ]
    )


@bp.post("/challenges/<int:challenge_id>/manage/jury/jurors")
@login_required
def add_juror(challenge_id: int):
    """Name a member to the jury, by e-mail or picked from the search list."""
    challenge = _challenge(challenge_id)
    _refuse(permissions.jurors_refusal(current_user, challenge, utcnow()))
    form = JurorForm()
    member_id = parse_id(request.form.get("member_id"))
    if form.validate_on_submit():
        member = db.session.get(User, member_id) if member_id is not None else None
        try:
            if member is None and not (form.email.data or "").strip():
                raise jury.JuryError(
                    _("Give the member's e-mail address, or pick them from the list."),
                    field="email",
                )
            if member is None and not _lookup_allowed():
                raise jury.JuryError(
                    _(
                        "You have looked up members many times in a short while. Wait a "
                        "moment and try again; the jurors named so far are kept."
                    ),
                    field="email",
                )
            member = jury.name_juror(
                actor=current_user, challenge=challenge, email=form.email.data, member=member
            )
        except jury.JuryError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            flash(_("%(name)s is on the jury.", name=member.name), "success")
            return redirect(
                url_for("challenges.manage_jury", challenge_id=challenge.id, _anchor="jurors"),
                303,
            )
    return _manage_page(challenge, juror_form=form, status=422)


@bp.post("/challenges/<int:challenge_id>/manage/jury/jurors/<int:user_id>/remove")
@login_required
def remove_juror(challenge_id: int, user_id: int):
    """Take a member off the jury; their scorecards no longer count."""
    challenge = _challenge(challenge_id)
    _refuse(permissions.jurors_refusal(current_user, challenge, utcnow()))
    member = db.session.get(User, user_id)
    if member is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    jury.remove_juror(actor=current_user, challenge=challenge, juror=member)
    db.session.commit()
    flash(_("%(name)s is no longer on the jury.", name=member.name), "success")
    return redirect(
        url_for("challenges.manage_jury", challenge_id=challenge.id, _anchor="jurors"), 303
    )
