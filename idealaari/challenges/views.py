"""Challenge pages: the list, a challenge with its timeline, entries and questions, proposing
and editing, entering an idea, and the managers' page (approval and the timeline)."""

from __future__ import annotations

from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from idealaari import permissions
from idealaari.challenges import bp, queries, results, services, voting
from idealaari.challenges.forms import (
    ChallengeForm,
    DecideForm,
    EnterForm,
    TimelineForm,
    parse_criteria,
)
from idealaari.challenges.models import (
    Challenge,
    ChallengeStatus,
    ScoreMode,
    VotingMode,
)
from idealaari.comments import owners
from idealaari.comments import queries as comment_queries
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.forms import ConfirmForm, attach_error, options
from idealaari.http import parse_id
from idealaari.ideas.models import Idea, TargetGroup, Theme
from idealaari.organisations.models import Organisation, OrganisationKind
from idealaari.targets import TargetKind


def challenge_url(challenge: Challenge, **kwargs) -> str:
    return url_for("challenges.detail", challenge_id=challenge.id, slug=challenge.slug, **kwargs)


def _visible_or_404(challenge_id: int) -> Challenge:
    challenge = db.get_or_404(Challenge, challenge_id)
    if not permissions.can_view_challenge(current_user, challenge):
        abort(404)
    return challenge


def _require_manager(challenge: Challenge) -> None:
    if not permissions.can_manage_challenge(current_user, challenge):
        abort(403, description=_("Only the challenge's managers can do this."))


# --------------------------------------------------------------------------- list


@bp.get("/challenges")
def index():
    """Challenges open now, coming up and past, by theme and problem owner."""
    now = utcnow()
    state = request.args.get("state", "open")
    if state not in queries.LIST_STATES:
        state = "open"
    theme = None
    theme_id = parse_id(request.args.get("theme"))
    if theme_id is not None:
        theme = db.session.get(Theme, theme_id)
    owner_code = (request.args.get("owner") or "").strip()[:40] or None
    owner = (
        db.session.scalar(select(Organisation).where(Organisation.code == owner_code))
        if owner_code
        else None
    )
    filters = queries.ChallengeFilters(
        state=state,
        theme_id=theme_id,
        owner_code=owner.code if owner else None,
    )
    challenges = list(db.session.scalars(queries.challenges_in(filters, now)).unique())
    waiting = []
    if permissions.can_decide_challenge(current_user):
        waiting = queries.proposals()
    elif current_user.is_authenticated:
        waiting = queries.managed_proposals(current_user)
    return render_template(
        "challenges/index.html",
        challenges=challenges,
        state=state,
        counts=queries.state_counts(now),
        theme=theme,
        owner=owner,
        themes=list(db.session.scalars(select(Theme).where(Theme.active).order_by(Theme.name_fi))),
        owners=_problem_owners(),
        waiting=waiting,
        now=now,
    )


def _problem_owners() -> list[Organisation]:
    return list(
        db.session.scalars(
            select(Organisation)
            .where(
                Organisation.id.in_(
                    select(Challenge.problem_owner_id).where(
                        Challenge.status == ChallengeStatus.APPROVED
                    )
                )
            )
            .order_by(Organisation.name_fi)
        )
    )


# --------------------------------------------------------------------------- one challenge


@bp.get("/challenges/<int:challenge_id>")
@bp.get("/challenges/<int:challenge_id>-<slug>")
def detail(challenge_id: int, slug: str | None = None):
    """The brief, the timeline, the entries and the questions."""
    challenge = _visible_or_404(challenge_id)
    if slug != challenge.slug:
        return redirect(challenge_url(challenge), code=301)
    now = utcnow()
    entries = queries.entries_of(challenge)
    owner = owners.owner_for(TargetKind.CHALLENGE, challenge)
    return render_template(
        "challenges/detail.html",
        challenge=challenge,
        now=now,
        phase=challenge.phase_at(now),
        span=challenge.current_span(now),
        entries=entries,
        entry_orgs=queries.entry_organisations(entries),
        entry_refusal=permissions.entry_refusal(current_user, challenge, now),
        ballot=voting.ballot(current_user, challenge, now),
        awards=results.published_awards(challenge),
        comment_owner=owner,
        comment_thread=comment_queries.thread_for(challenge.discussion_id),
        confirm_form=ConfirmForm(formdata=None),
        can_manage=permissions.can_manage_challenge(current_user, challenge),
    )


# --------------------------------------------------------------------------- propose / edit


def _form(challenge: Challenge | None = None, formdata=...) -> ChallengeForm:
    kwargs = {} if formdata is ... else {"formdata": formdata}
    if challenge is not None and request.method == "GET":
        kwargs["data"] = {
            "title": challenge.title,
            "summary": challenge.summary,
            "brief": challenge.brief,
            "problem_owner": challenge.problem_owner_id,
            "themes": [t.id for t in challenge.themes],
            "target_groups": list(challenge.target_groups or []),
            "prize": challenge.prize,
            "cover_alt": challenge.cover_alt,
            "eligible_kinds": list(challenge.eligible_kinds or []),
            "submission_opens_at": challenge.submission_opens_at,
            "submission_closes_at": challenge.submission_closes_at,
            "voting_closes_at": challenge.voting_closes_at,
            "evaluation_closes_at": challenge.evaluation_closes_at,
            "closes_at": challenge.closes_at,
            "voting_mode": challenge.voting_mode.value,
            "vote_budget": challenge.vote_budget,
            "hide_votes_until_closed": challenge.hide_votes_until_closed,
            "score_mode": challenge.score_mode.value,
            "jury_quorum": challenge.jury_quorum,
            "jury_weight": challenge.jury_weight,
            "criteria": "\n".join(f"{c.name} | {c.weight}" for c in challenge.criteria),
        }
    form = ChallengeForm(**kwargs)
    if permissions.is_moderator(current_user):
        orgs = db.session.scalars(select(Organisation).order_by(Organisation.name_fi))
    else:
        orgs = [current_user.organisation] if current_user.organisation else []
        if challenge is not None and challenge.problem_owner not in orgs:
            orgs = [challenge.problem_owner, *orgs]
    form.problem_owner.choices = options([(o.id, o.name) for o in orgs])
    if request.method == "GET" and challenge is None and current_user.organisation_id:
        form.problem_owner.data = current_user.organisation_id
    form.themes.choices = options(
        [
            (t.id, t.name)
            for t in db.session.scalars(select(Theme).where(Theme.active).order_by(Theme.name_fi))
        ]
    )
    form.target_groups.choices = options([(g.value, g.label) for g in TargetGroup])
    form.eligible_kinds.choices = options([(k.value, k.label) for k in OrganisationKind])
    return form


def _fields(form: ChallengeForm) -> services.ChallengeFields:
    criteria = []
    for name, weight in parse_criteria(form.criteria.data):
        if not weight.isdigit():
            raise services.ChallengeError(
                _("Give each criterion's weight as a whole number after a | sign."),
                field="criteria",
            )
        criteria.append(services.CriterionFields(name=name, weight=int(weight)))
    themes = [db.session.get(Theme, i) for i in form.themes.data or []]
    owner = db.session.get(Organisation, form.problem_owner.data)
    if owner is None:
        raise services.ChallengeError(_("Choose one of the options given."), field="problem_owner")
    return services.ChallengeFields(
        title=form.title.data or "",
        summary=form.summary.data or "",
        brief=form.brief.data or "",
        prize=form.prize.data or "",
        cover=form.prepared_cover,
        cover_alt=form.cover_alt.data or "",
        remove_cover=bool(form.remove_cover.data),
        problem_owner=owner,
        themes=[t for t in themes if t is not None],
        target_groups=list(form.target_groups.data or []),
        eligible_kinds=list(form.eligible_kinds.data or []),
        submission_opens_at=form.submission_opens_at.data,
        submission_closes_at=form.submission_closes_at.data,
        voting_closes_at=form.voting_closes_at.data,
        evaluation_closes_at=form.evaluation_closes_at.data,
        closes_at=form.closes_at.data,
        voting_mode=VotingMode(form.voting_mode.data or VotingMode.NONE.value),
        vote_budget=form.vote_budget.data or 3,
        hide_votes_until_closed=bool(form.hide_votes_until_closed.data),
        score_mode=ScoreMode(form.score_mode.data or ScoreMode.RAW.value),
        jury_quorum=form.jury_quorum.data or 2,
        jury_weight=form.jury_weight.data if form.jury_weight.data is not None else 70,
        criteria=criteria,
    )


@bp.route("/challenges/new", methods=["GET", "POST"])
@login_required
def create():
    """An area contact proposes a challenge for their organisation; a moderator creates one."""
    refusal = permissions.challenge_proposal_refusal(current_user)
    if refusal:
        abort(403, description=refusal)
    form = _form()
    if form.validate_on_submit():
        try:
            challenge = services.propose_challenge(actor=current_user, values=_fields(form))
        except services.ChallengeError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            if challenge.status == ChallengeStatus.APPROVED:
                flash(_("The challenge is published."), "success")
            else:
                flash(_("Thank you! A moderator will review the proposal."), "success")
            return redirect(challenge_url(challenge), 303)
    status = 422 if request.method == "POST" else 200
    return render_template("challenges/form.html", form=form, challenge=None), status


@bp.route("/challenges/<int:challenge_id>/edit", methods=["GET", "POST"])
@login_required
def edit(challenge_id: int):
    """Managers edit the texts any time, and the dates and rules until submission opens."""
    challenge = _visible_or_404(challenge_id)
    _require_manager(challenge)
    now = utcnow()
    form = _form(challenge)
    if form.validate_on_submit():
        try:
            services.update_challenge(
                actor=current_user, challenge=challenge, values=_fields(form), now=now
            )
        except services.ChallengeError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            flash(_("Changes saved."), "success")
            return redirect(challenge_url(challenge), 303)
    status = 422 if request.method == "POST" else 200
    return render_template(
        "challenges/form.html",
        form=form,
        challenge=challenge,
        rules_fixed=challenge.phase_at(now) not in services.EDITABLE_PHASES,
    ), status


# --------------------------------------------------------------------------- entries


@bp.route("/challenges/<int:challenge_id>/enter", methods=["GET", "POST"])
@login_required
def enter(challenge_id: int):
    """Enter one of the member's ideas; the page says why not when they can't."""
    challenge = _visible_or_404(challenge_id)
    now = utcnow()
    refusal = permissions.entry_refusal(current_user, challenge, now)
    ideas = [] if refusal else queries.enterable_ideas(current_user, challenge)
    form = EnterForm()
    form.idea.choices = options([(i.id, i.title) for i in ideas])
    preselect = parse_id(request.args.get("idea"))
    if request.method == "GET" and preselect in {i.id for i in ideas}:
        form.idea.data = preselect
    if request.method == "POST":
        if refusal:
            form.form_errors.append(refusal)
        elif form.validate_on_submit():
            idea = db.session.get(Idea, form.idea.data)
            try:
                if idea is None:
                    raise services.ChallengeError(_("Choose one of the options given."))
                services.enter_idea(actor=current_user, challenge=challenge, idea=idea, now=now)
            except services.ChallengeError as e:
                db.session.rollback()
                form.idea.errors.append(str(e))
            else:
                db.session.commit()
                flash(_("Your idea is entered in the challenge."), "success")
                return redirect(challenge_url(challenge, _anchor="entries"), 303)
    status = 422 if request.method == "POST" else (403 if refusal else 200)
    return render_template(
        "challenges/enter.html",
        challenge=challenge,
        form=form,
        ideas=ideas,
        refusal=refusal,
        phase=challenge.phase_at(now),
        span=challenge.current_span(now),
        now=now,
    ), status


@bp.post("/challenges/<int:challenge_id>/entries/<int:entry_id>/withdraw")
@login_required
def withdraw(challenge_id: int, entry_id: int):
    challenge = _visible_or_404(challenge_id)
    entry = queries.entry_of(challenge, entry_id)
    if entry is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.withdraw_entry(actor=current_user, entry=entry)
    except services.ChallengeError as e:
        db.session.rollback()
        abort(403, description=str(e))
    db.session.commit()
    flash(_("The entry is withdrawn."), "success")
    return redirect(challenge_url(challenge, _anchor="entries"), 303)


# --------------------------------------------------------------------------- managers


def _manage_context(challenge: Challenge, now: datetime, **overrides) -> dict:
    context = {
        "challenge": challenge,
        "now": now,
        "phase": challenge.phase_at(now),
        "span": challenge.current_span(now),
        "decide_form": DecideForm(formdata=None),
        "timeline_form": TimelineForm(formdata=None),
        "confirm_form": ConfirmForm(formdata=None),
        "entries": queries.entries_of(challenge),
        "can_decide": permissions.can_decide_challenge(current_user)
        and challenge.status == ChallengeStatus.PROPOSED,
    }
    context.update(overrides)
    return context


@bp.get("/challenges/<int:challenge_id>/manage")
@login_required
def manage(challenge_id: int):
    """The managers' page: approval, the timeline and its changes."""
    challenge = _visible_or_404(challenge_id)
    _require_manager(challenge)
    return render_template("challenges/manage.html", **_manage_context(challenge, utcnow()))


@bp.post("/challenges/<int:challenge_id>/decide")
@login_required
def decide(challenge_id: int):
    challenge = _visible_or_404(challenge_id)
    if not permissions.can_decide_challenge(current_user):
        abort(403, description=_("Only moderators approve challenges."))
    form = DecideForm()
    approve = request.form.get("decision") == "approve"
    if form.validate_on_submit():
        try:
            services.decide_challenge(
                actor=current_user, challenge=challenge, approve=approve, note=form.note.data
            )
        except services.ChallengeError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            flash(
                _("The challenge is approved and published.")
                if approve
                else _("The challenge is not approved; the proposer sees your note."),
                "success",
            )
            return redirect(url_for("challenges.manage", challenge_id=challenge.id), 303)
    context = _manage_context(challenge, utcnow(), decide_form=form)
    return render_template("challenges/manage.html", **context), 422


@bp.post("/challenges/<int:challenge_id>/timeline")
@login_required
def timeline(challenge_id: int):
    """End the current phase now, or extend it; both are recorded."""
    challenge = _visible_or_404(challenge_id)
    _require_manager(challenge)
    now = utcnow()
    form = TimelineForm()
    action = request.form.get("action")
    if form.validate_on_submit() and action in ("end_now", "extend"):
        try:
            if action == "extend" and form.new_end.data is None:
                raise services.ChallengeError(_("Give the new end."), field="new_end")
            services.move_phase_end(
                actor=current_user,
                challenge=challenge,
                new_end=None if action == "end_now" else form.new_end.data,
                reason=form.reason.data or "",
                now=now,
            )
        except services.ChallengeError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            flash(_("The timeline is changed."), "success")
            return redirect(url_for("challenges.manage", challenge_id=challenge.id), 303)
    elif action not in ("end_now", "extend"):
        form.form_errors.append(_("Choose one of the options given."))
    context = _manage_context(challenge, now, timeline_form=form)
    return render_template("challenges/manage.html", **context), 422
