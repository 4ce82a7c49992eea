"""Showcase pages: the list of years, a year's yearbook, its PDF and presentation mode, the
moderators' curation, and the network's statistics (live, for the current year)."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari.dbtypes import utcnow
from idealaari.extensions import db, is_fragment_request
from idealaari.forms import ConfirmForm, attach_error
from idealaari.http import htmx_refusal, parse_id
from idealaari.permissions import can_curate_showcase, can_view_showcase, curation_refusal
from idealaari.showcase import bp, figures, queries, services
from idealaari.showcase import compile as compiler
from idealaari.showcase.forms import CompileForm, IntroForm
from idealaari.showcase.models import Highlight, Showcase

CURATION_TARGET = "showcase-curation"


def _visible_or_404(year: int) -> Showcase:
    """The year's showcase if the current user may see it: drafts are 404 to all but
    moderators, so their existence does not leak."""
    showcase = queries.showcase_of(year)
    if showcase is None or not can_view_showcase(current_user, showcase):
        abort(404)
    return showcase


def _require_curator() -> None:
    refusal = curation_refusal(current_user)
    if refusal:
        abort(403, description=refusal)


def _page_context(showcase: Showcase, **extra) -> dict:
    data = showcase.snapshot or {}
    previous = {"totals": data["previous_totals"]} if "previous_totals" in data else None
    return {
        "showcase": showcase,
        "data": data,
        "charts": figures.charts(data, "sc"),
        "changes": figures.changes(data, previous),
        "highlights": queries.picked(showcase),
        "org_name": figures.org_name,
        "phase_label": figures.phase_label,
        "role_label": figures.role_label,
        "can_curate": can_curate_showcase(current_user),
        **extra,
    }


# --------------------------------------------------------------------------- reading


@bp.get("/showcase")
def index():
    """The published showcases, newest first; moderators also see drafts and compile a year."""
    curator = can_curate_showcase(current_user)
    form = CompileForm(formdata=None)
    if curator and not form.year.data:
        form.year.data = str(compiler.local_year(utcnow()) - 1)
    return render_template(
        "showcase/index.html",
        showcases=queries.showcases(drafts=curator),
        form=form,
        can_curate=curator,
    )


@bp.get("/showcase/<int:year>")
def detail(year: int):
    """The yearbook of `year`."""
    showcase = _visible_or_404(year)
    return render_template("showcase/detail.html", **_page_context(showcase))


@bp.get("/showcase/<int:year>.pdf")
def pdf(year: int):
    """The yearbook as a PDF, made on the server."""
    from idealaari.showcase.pdf import cached_pdf

    showcase = _visible_or_404(year)
    html = render_template("showcase/pdf.html", **_page_context(showcase, for_pdf=True))
    response = Response(
        cached_pdf(html, name=f"showcase-{showcase.year}"), mimetype="application/pdf"
    )
    response.headers["Content-Disposition"] = (
        f'inline; filename="idealaari-showcase-{showcase.year}.pdf"'
    )
    return response


@bp.get("/showcase/<int:year>/present")
def present(year: int):
    """Presentation mode: one highlight per screen, at big type; the arrow keys (or the
    links) move between them."""
    showcase = _visible_or_404(year)
    slides = queries.slides(showcase)
    raw = (request.args.get("slide") or "0").strip()
    number = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 4 else -1
    if not 0 <= number <= len(slides):
        abort(404, _("There is no such slide."))
    return render_template(
        "showcase/present.html",
        showcase=showcase,
        slides=slides,
        number=number,
        slide=slides[number - 1] if number else None,
        count=len(slides),
    )


# --------------------------------------------------------------------------- statistics


def _stats_data():
    now = utcnow()
    year = compiler.local_year(now)
    data = compiler.compile_year(year, until=now)
    # The year before, up to the same day: the change so far, measured like for like.
    previous_until = compiler.same_part_of_year_before(year, now)
    previous = compiler.compile_year(year - 1, until=previous_until)
    previous["until"] = previous_until
    return data, previous


@bp.get("/stats")
def stats():
    """The network's statistics for the current year, live, against the year before."""
    data, previous = _stats_data()
    return render_template(
        "showcase/stats.html",
        data=data,
        charts=figures.charts(data, "st"),
        changes=figures.changes(data, previous),
        previous_until=previous["until"],
    )


@bp.get("/stats.csv")
def stats_csv():
    """The statistics as CSV, for the coordination team's reports."""
    data, previous = _stats_data()
    body = figures.csv_text(data, previous, figures.charts(data, "st"))
    response = Response("\ufeff" + body, mimetype="text/csv")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="idealaari-stats-{data["year"]}.csv"'
    )
    return response


# --------------------------------------------------------------------------- curation


@bp.post("/showcase")
@login_required
def compile_new():
    """Compile a year's showcase (or again, when it exists), then curate it."""
    _require_curator()
    form = CompileForm()
    if form.validate_on_submit():
        try:
            showcase = services.compile_showcase(year=form.year_value(), actor=current_user)
        except services.ShowcaseError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            flash(_("The showcase of %(year)d is compiled.", year=showcase.year), "success")
            return redirect(url_for("showcase.curate", year=showcase.year), 303)
    return render_template(
        "showcase/index.html",
        showcases=queries.showcases(drafts=True),
        form=form,
        can_curate=True,
    ), 422


def _curation_context(showcase: Showcase, **overrides) -> dict:
    picked = queries.picked(showcase, include_missing=True)
    picked_keys = {p.highlight.key for p in picked}
    context = {
        "showcase": showcase,
        "picked": picked,
        "candidates": [
            c
            for c in figures.candidates(showcase.snapshot or {}).values()
            if c.key not in picked_keys
        ],
        "intro_form": IntroForm(formdata=None, data={"intro": showcase.intro}),
        "confirm_form": ConfirmForm(formdata=None),
        "message": None,
        "focus": "",
    }
    context.update(overrides)
    return context


@bp.get("/showcase/<int:year>/curate")
@login_required
def curate(year: int):
    """The moderators' page: highlights and their order, the introduction, publishing."""
    _require_curator()
    showcase = _visible_or_404(year)
    return render_template("showcase/curate.html", **_curation_context(showcase))


def _after_curation(showcase: Showcase, message: str | None = None, *, focus: str = ""):
    """htmx swaps the curation region; a plain post goes back to the page. `focus` names the
    control keyboard focus lands on after the swap (the item just added or moved)."""
    if is_fragment_request(CURATION_TARGET):
        return render_template(
            "showcase/_curation.html",
            **_curation_context(showcase, message=message, focus=focus or "picked-title"),
        )
    if message:
        flash(message, "success")
    return redirect(url_for("showcase.curate", year=showcase.year, _anchor="highlights"), 303)


def _refused(showcase: Showcase, error: services.ShowcaseError):
    db.session.rollback()
    if is_fragment_request(CURATION_TARGET):
        return htmx_refusal(str(error), 422)
    flash(str(error), "error")
    return redirect(url_for("showcase.curate", year=showcase.year, _anchor="highlights"), 303)


def _checked_post(year: int) -> Showcase:
    _require_curator()
    showcase = _visible_or_404(year)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    return showcase


@bp.post("/showcase/<int:year>/compile")
@login_required
def recompile(year: int):
    """Compile the year again after late changes; the curation stays."""
    showcase = _checked_post(year)
    try:
        services.compile_showcase(year=showcase.year, actor=current_user)
    except services.ShowcaseError as e:
        return _refused(showcase, e)
    db.session.commit()
    flash(_("Compiled again; the highlights and their order are kept."), "success")
    return redirect(url_for("showcase.curate", year=showcase.year), 303)


@bp.post("/showcase/<int:year>/intro")
@login_required
def intro(year: int):
    _require_curator()
    showcase = _visible_or_404(year)
    form = IntroForm()
    if form.validate_on_submit():
        try:
            services.set_intro(showcase=showcase, actor=current_user, intro=form.intro.data)
        except services.ShowcaseError as e:
            db.session.rollback()
            attach_error(form, e)
        else:
            db.session.commit()
            flash(_("The introduction is saved."), "success")
            return redirect(url_for("showcase.curate", year=showcase.year), 303)
    return render_template(
        "showcase/curate.html", **_curation_context(showcase, intro_form=form)
    ), 422


@bp.post("/showcase/<int:year>/highlights")
@login_required
def pick(year: int):
    showcase = _checked_post(year)
    item_id = parse_id(request.form.get("item_id"))
    try:
        if item_id is None:
            raise services.ShowcaseError(_("Choose one of the options given."))
        picked = services.pick(
            showcase=showcase,
            actor=current_user,
            kind=request.form.get("kind", ""),
            item_id=item_id,
        )
    except services.ShowcaseError as e:
        return _refused(showcase, e)
    db.session.commit()
    return _after_curation(showcase, _("Added to the highlights."), focus=f"remove-{picked.id}")


def _highlight_of(showcase: Showcase, highlight_id: int) -> Highlight:
    highlight = db.session.get(Highlight, highlight_id)
    if highlight is None or highlight.showcase_id != showcase.id:
        abort(404)
    return highlight


@bp.post("/showcase/<int:year>/highlights/<int:highlight_id>/move")
@login_required
def move(year: int, highlight_id: int):
    showcase = _checked_post(year)
    highlight = _highlight_of(showcase, highlight_id)
    try:
        services.move(
            highlight=highlight, actor=current_user, direction=request.form.get("direction", "")
        )
    except services.ShowcaseError as e:
        return _refused(showcase, e)
    db.session.commit()
    direction = request.form.get("direction", "")
    return _after_curation(
        showcase, _("The order is changed."), focus=f"move-{direction}-{highlight.id}"
    )


@bp.post("/showcase/<int:year>/highlights/<int:highlight_id>/remove")
@login_required
def unpick(year: int, highlight_id: int):
    showcase = _checked_post(year)
    highlight = _highlight_of(showcase, highlight_id)
    try:
        services.unpick(highlight=highlight, actor=current_user)
    except services.ShowcaseError as e:
        return _refused(showcase, e)
    db.session.commit()
    return _after_curation(showcase, _("Removed from the highlights."))


@bp.post("/showcase/<int:year>/publish")
@login_required
def publish(year: int):
    showcase = _checked_post(year)
    try:
        services.publish(showcase=showcase, actor=current_user)
    except services.ShowcaseError as e:
        return _refused(showcase, e)
    db.session.commit()
    flash(_("The showcase is published."), "success")
    return redirect(url_for("showcase.detail", year=showcase.year), 303)


@bp.post("/showcase/<int:year>/unpublish")
@login_required
def unpublish(year: int):
    showcase = _checked_post(year)
    try:
        services.unpublish(showcase=showcase, actor=current_user)
    except services.ShowcaseError as e:
        return _refused(showcase, e)
    db.session.commit()
    flash(_("The showcase is a draft again; only moderators see it."), "success")
    return redirect(url_for("showcase.curate", year=showcase.year), 303)
