"""Poll pages: the list, a poll with its ballot or results, proposals, and the moderators' form."""

from __future__ import annotations

from datetime import datetime

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari import permissions
from idealaari.dbtypes import utcnow
from idealaari.extensions import db, is_fragment_request
from idealaari.forms import ConfirmForm, attach_error
from idealaari.polls import bp, queries, services
from idealaari.polls.forms import PollForm, ProposalForm, VoteForm
from idealaari.polls.models import OptionStatus, Poll, PollOption, PollPhase

VOTE_TARGET = "poll-vote"
PROPOSALS_TARGET = "poll-proposals"


def _require_manager() -> None:
    if not permissions.can_manage_polls(current_user):
        abort(403)


def _vote_form(poll: Poll, my_vote, formdata=None) -> VoteForm:
    form = VoteForm(formdata=formdata)
    if formdata is None and my_vote is not None:
        form.option.data = my_vote.option_id
    return form


def _context(poll: Poll, now: datetime, **overrides) -> dict:
    """Everything the poll page and its partials need."""
    phase = poll.phase(now)
    my_vote = queries.vote_of(poll, current_user)
    context = {
        "poll": poll,
        "now": now,
        "phase": phase,
        "ballot": [o for o in poll.options if o.status == OptionStatus.ACCEPTED],
        "proposals": [o for o in poll.options if o.status == OptionStatus.PROPOSED],
        "rejected": [o for o in poll.options if o.status == OptionStatus.REJECTED],
        "my_vote": my_vote,
        # Counts exist only for closed polls, so an open poll cannot leak them into a page.
        "results": queries.results(poll) if phase == PollPhase.CLOSED else None,
        "editable": services.is_editable(poll, now),
        "vote_form": _vote_form(poll, my_vote),
        "proposal_form": ProposalForm(formdata=None),
        "confirm_form": ConfirmForm(formdata=None),
        "vote_message": None,
        "proposal_message": None,
    }
    context["show_proposals"] = phase == PollPhase.PROPOSALS or (
        permissions.can_manage_polls(current_user)
        and context["editable"]
        and bool(context["proposals"])
    )
    context.update(overrides)
    return context


@bp.get("/polls")
def index():
    """Theme polls: open for voting, coming up, and closed with their winners."""
    now = utcnow()
    lists = queries.poll_lists(now)
    return render_template(
        "polls/index.html",
        lists=lists,
        results=queries.results_by_poll(lists.closed),
        now=now,
    )


def _poll_fields(form: PollForm) -> dict:
    return {
        "question": form.question.data or "",
        "description": form.description.data or "",
        "options": form.options.data or [],
        "opens_at": form.opens_at.data,
        "closes_at": form.closes_at.data,
        "proposals_close_at": form.proposals_close_at.data,
    }


@bp.route("/polls/new", methods=["GET", "POST"])
@login_required
def create():
    """Moderators create a poll: a question, its options and its timeline."""
    _require_manager()
    return _save_poll(
        PollForm(),
        None,
        lambda form: services.create_poll(actor=current_user, **_poll_fields(form)),
        _("The poll is created."),
    )


@bp.route("/polls/<int:poll_id>/edit", methods=["GET", "POST"])
@login_required
def edit(poll_id: int):
    """Moderators edit a poll until voting opens."""
    _require_manager()
    poll = db.get_or_404(Poll, poll_id)
    now = utcnow()
    if not services.is_editable(poll, now):
        flash(_("A poll can be edited only until voting opens."), "error")
        return redirect(url_for("polls.detail", poll_id=poll.id), 303)
    if request.method == "GET":
        form = PollForm(
            data={
                "question": poll.question,
                "description": poll.description,
                "options": [o.label for o in poll.options if o.status == OptionStatus.ACCEPTED],
                "opens_at": poll.opens_at,
                "closes_at": poll.closes_at,
                "proposals_close_at": poll.proposals_close_at,
            }
        )
    else:
        form = PollForm()

    def save(form):
        services.update_poll(poll=poll, actor=current_user, now=now, **_poll_fields(form))
        return poll

    return _save_poll(form, poll, save, _("Changes saved."))


def _save_poll(form: PollForm, poll: Poll | None, save, message: str):
    """Validate, save with `save(form)`, commit once; re-render with the errors otherwise."""
    if form.validate_on_submit():
        try:
            saved = save(form)
        except services.PollError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            flash(message, "success")
            return redirect(url_for("polls.detail", poll_id=saved.id), 303)
    status = 422 if request.method == "POST" else 200
    return render_template("polls/form.html", form=form, poll=poll), status


@bp.get("/polls/<int:poll_id>")
def detail(poll_id: int):
    """One poll: its ballot while open, its results once closed."""
    # No announcing here: a GET must not write. Results are counted from the votes at read
    # time, so everyone sees them once the poll closes; the hourly `flask polls announce`
    # notifies the voters.
    poll = db.get_or_404(Poll, poll_id)
    now = utcnow()
    return render_template("polls/detail.html", **_context(poll, now))


@bp.post("/polls/<int:poll_id>/vote")
@login_required
def vote(poll_id: int):
    """Vote, or change one's vote, while the poll is open."""
    poll = db.get_or_404(Poll, poll_id)
    now = utcnow()
    form = VoteForm()
    if form.validate_on_submit():
        option = db.session.get(PollOption, form.option.data)
        try:
            if option is None:
                raise services.PollError(_("Choose one of the options given."), field="option")
            services.cast_vote(poll=poll, voter=current_user, option=option, now=now)
        except services.PollError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            message = _("Your vote is saved. You can change it until %(time)s.", time=_time(poll))
            if is_fragment_request(VOTE_TARGET):
                return render_template(
                    "polls/_vote.html", **_context(poll, now, vote_message=message)
                )
            flash(message, "success")
            return redirect(url_for("polls.detail", poll_id=poll.id), 303)
    context = _context(poll, now, vote_form=form)
    if is_fragment_request(VOTE_TARGET):
        return render_template("polls/_vote.html", **context), 422
    return render_template("polls/detail.html", **context), 422


def _time(poll: Poll) -> str:
    return format_datetime(poll.closes_at, "short")


@bp.post("/polls/<int:poll_id>/proposals")
@login_required
def propose(poll_id: int):
    """Propose a new option during the proposal phase."""
    poll = db.get_or_404(Poll, poll_id)
    now = utcnow()
    form = ProposalForm()
    if form.validate_on_submit():
        try:
            option = services.propose_option(
                poll=poll, proposer=current_user, label=form.label.data, now=now
            )
        except services.PollError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            message = _(
                "Thank you! The moderators will look at your proposal “%(option)s”.",
                option=option.label,
            )
            if is_fragment_request(PROPOSALS_TARGET):
                return render_template(
                    "polls/_proposals.html", **_context(poll, now, proposal_message=message)
                )
            flash(message, "success")
            return redirect(url_for("polls.detail", poll_id=poll.id, _anchor=PROPOSALS_TARGET), 303)
    context = _context(poll, now, proposal_form=form, show_proposals=True)
    if is_fragment_request(PROPOSALS_TARGET):
        return render_template("polls/_proposals.html", **context), 422
    return render_template("polls/detail.html", **context), 422


def _decide(poll_id: int, option_id: int, decide, done_message):
    _require_manager()
    poll = db.get_or_404(Poll, poll_id)
    option = db.session.get(PollOption, option_id)
    if option is None or option.poll_id != poll.id:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    now = utcnow()
    label = option.label
    try:
        decide(option=option, actor=current_user, now=now)
    except services.PollError as e:
        db.session.rollback()
        message, category, status = str(e), "error", 422
    else:
        db.session.commit()
        message, category, status = done_message(label), "success", 200
    if is_fragment_request(PROPOSALS_TARGET):
        context = _context(poll, now, proposal_message=message, show_proposals=True)
        context["proposal_message_is_error"] = category == "error"
        return render_template("polls/_moderated.html", **context), status
    flash(message, category)
    return redirect(url_for("polls.detail", poll_id=poll.id, _anchor=PROPOSALS_TARGET), 303)


@bp.post("/polls/<int:poll_id>/options/<int:option_id>/accept")
@login_required
def accept(poll_id: int, option_id: int):
    """Moderators accept a proposal onto the ballot."""
    return _decide(
        poll_id,
        option_id,
        services.accept_proposal,
        lambda label: _("“%(option)s” is now an option.", option=label),
    )


@bp.post("/polls/<int:poll_id>/options/<int:option_id>/reject")
@login_required
def reject(poll_id: int, option_id: int):
    """Moderators reject a proposal."""
    return _decide(
        poll_id,
        option_id,
        services.reject_proposal,
        lambda label: _("The proposal “%(option)s” was rejected.", option=label),
    )
