"""Idea pages: list, archive, detail, create and edit, history, co-editors, themes."""

from __future__ import annotations

from urllib.parse import urlencode

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user, login_required
from limits import parse_many
from sqlalchemy import select

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.challenges import idea_entry
from idealaari.comments import owners
from idealaari.comments import queries as comment_queries
from idealaari.extensions import db, is_fragment_request, limiter
from idealaari.forms import ConfirmForm
from idealaari.http import get_visible_idea, idea_url, page_arg
from idealaari.ideas import bp, history, queries, services
from idealaari.ideas.forms import CoEditorForm, IdeaForm, ThemeForm
from idealaari.ideas.models import Idea, IdeaStatus, PartnerRole, Phase, TargetGroup, Theme
from idealaari.lineage import services as lineage_services
from idealaari.lineage.forms import DerivationForm
from idealaari.organisations import queries as org_queries
from idealaari.organisations.models import AREA_KINDS, Organisation
from idealaari.partners.panel import partners_panel
from idealaari.search import service as search
from idealaari.targets import TargetKind
from idealaari.votes import queries as vote_queries


def get_editable_idea(idea_id: int) -> Idea:
    idea = get_visible_idea(idea_id)
    if not permissions.can_edit_idea(current_user, idea):
        abort(403)
    return idea


def _filter_choices() -> dict:
    return {
        "organisations": org_queries.all_organisations(),
        "area_kinds": AREA_KINDS,
        "themes": queries.active_themes(),
        "phases": list(Phase),
        "target_groups": list(TargetGroup),
    }


def _listing(status: IdeaStatus, template: str, endpoint: str):
    filters = queries.IdeaFilters.from_args(request.args)
    sort = request.args.get("sort") if request.args.get("sort") in queries.SORTS else "newest"
    stmt = queries.ideas_by_status(status, filters, sort)
    pagination = db.paginate(
        stmt, page=page_arg(), per_page=current_app_per_page(), error_out=False, count=True
    )
    context = {
        "pagination": pagination,
        "counts": listing_counts(pagination.items),
        "filters": filters,
        "sort": sort,
        "endpoint": endpoint,
        **_filter_choices(),
    }
    if is_fragment_request("idea-results"):
        return render_template("ideas/_results.html", **context)
    return render_template(template, **context)


def listing_counts(ideas) -> dict[int, dict[str, int]]:
    """Votes and comments for a page of cards, in one grouped query (no N+1)."""
    comments = comment_queries.comment_counts([i.discussion_id for i in ideas])
    return {
        i.id: {"votes": i.vote_count, "comments": comments.get(i.discussion_id, 0)} for i in ideas
    }


def current_app_per_page() -> int:
    return current_app.config["IDEALAARI_IDEAS_PER_PAGE"]


@bp.get("/ideas")
def index():
    """Published ideas with filters, sorting and pages."""
    return _listing(IdeaStatus.PUBLISHED, "ideas/index.html", "ideas.index")


@bp.get("/ideas/archive")
def archive():
    """Archived ideas: finished or paused work kept for reference."""
    return _listing(IdeaStatus.ARCHIVED, "ideas/archive.html", "ideas.archive")


def _form(idea: Idea | None = None, formdata=None) -> IdeaForm:
    owner_refusal = idea is not None and permissions.owner_change_refusal(current_user, idea)
    if owner_refusal:
        # Co-editors see the owner as text; another organisation in a crafted post is refused.
        organisations = [idea.organisation]
    else:
        organisations = services.organisation_choices(current_user)
        if idea is not None and idea.organisation not in organisations:
            organisations = [idea.organisation, *organisations]
    themes = queries.active_themes()
    if idea is not None:
        themes += [t for t in idea.themes if t not in themes]
    owner = {"organisation": idea.organisation_id} if idea is not None else {}
    form = IdeaForm(formdata=formdata, organisations=organisations, themes=themes, **owner)
    if owner_refusal:
        form.organisation.invalid_choice_message = owner_refusal
    if idea is not None and request.method == "GET":
        form.title.data = idea.title
        form.summary.data = idea.summary
        form.need.data = idea.need
        form.body.data = idea.body
        form.organisation.data = idea.organisation_id
        form.phase.data = idea.phase.value
        form.themes.data = [t.id for t in idea.themes]
        form.target_groups.data = [g.value for g in idea.target_groups]
        form.tags.data = ", ".join(t.name for t in idea.tags)
        form.seeks_partners.data = idea.seeks_partners
        form.partner_roles.data = [r.value for r in idea.partner_roles]
    elif idea is None and request.method == "GET":
        form.organisation.data = current_user.organisation_id
    return form


def _values(form: IdeaForm) -> services.IdeaFields:
    themes = list(db.session.scalars(select(Theme).where(Theme.id.in_(form.themes.data or []))))
    return services.IdeaFields(
        title=form.title.data or "",
        summary=form.summary.data or "",
        body=form.body.data or "",
        need=form.need.data or "",
        organisation=db.session.get(Organisation, form.organisation.data),
        phase=Phase(form.phase.data),
        themes=themes,
        target_groups=[TargetGroup(v) for v in form.target_groups.data or []],
        tags=services.normalise_tags(form.tags.data or ""),
        seeks_partners=bool(form.seeks_partners.data),
        partner_roles=[PartnerRole(v) for v in form.partner_roles.data or []],
    )


def _derivation_form(idea: Idea | None) -> DerivationForm:
    """The "continues an earlier idea" part of the idea form (lineage keeps the link)."""
    if request.method == "POST":
        return DerivationForm(request.form, idea=idea)
    derivation = DerivationForm(None, idea=idea)
    if idea is not None:
        derivation.fill_from(idea)
    return derivation


def _validated(form: IdeaForm, derivation: DerivationForm) -> bool:
    """Both parts valid; the error summary lists the derivation's errors too."""
    if not form.is_submitted():
        return False
    valid = form.validate_on_submit()
    valid = derivation.validate() and valid
    form.form_errors.extend(derivation.summary())
    return valid


@bp.route("/ideas/new", methods=["GET", "POST"])
@login_required
def create():
    """Write a new idea; save it as a draft or publish it."""
    form = _form(formdata=request.form if request.method == "POST" else None)
    derivation = _derivation_form(None)
    # "Create a new idea for this challenge": the challenge's themes, and entered when published.
    for_challenge = idea_entry.for_new_idea(current_user, request.values.get("challenge"))
    if for_challenge and for_challenge.will_enter and request.method == "GET":
        form.themes.data = for_challenge.theme_ids(form.themes.choices)
    if _validated(form, derivation):
        try:
            idea = services.create_idea(
                author=current_user, values=_values(form), publish="publish" in request.form
            )
            lineage_services.set_derivation(
                idea=idea, source=derivation.source_idea, actor=current_user
            )
        except (services.IdeaError, lineage_services.LineageError) as e:
            db.session.rollback()
            form.form_errors.append(str(e))
        else:
            if for_challenge is not None:
                not_entered = idea_entry.enter_new_idea(
                    actor=current_user, idea=idea, challenge=for_challenge.challenge
                )
                db.session.commit()
                return _saved_for_challenge(idea, for_challenge.challenge, not_entered)
            db.session.commit()
            if idea.is_published:
                flash(_("Your idea is published."), "success")
            else:
                flash(
                    _("Your draft is saved. Only you and the idea's editors can see it."), "success"
                )
            return redirect(idea_url(idea))
    status = 422 if request.method == "POST" else 200
    return render_template(
        "ideas/form.html",
        form=form,
        idea=None,
        derivation_form=derivation,
        for_challenge=for_challenge,
    ), status


def _saved_for_challenge(idea: Idea, challenge, not_entered: str | None):
    """After a new idea written for a challenge: back to the challenge when it was entered,
    to the idea with the reason when it was not."""
    title = challenge.title
    if not_entered is None:
        flash(
            _("Your idea is published and entered in the challenge “%(title)s”.", title=title),
            "success",
        )
        return redirect(
            url_for(
                "challenges.detail",
                challenge_id=challenge.id,
                slug=challenge.slug,
                _anchor="entries",
            ),
            303,
        )
    if not idea.is_published:
        flash(
            _(
                "Your draft is saved. Only you and the idea's editors can see it. Once it is "
                "published, you can enter it in the challenge “%(title)s” on the challenge's page.",
                title=title,
            ),
            "success",
        )
    else:
        flash(_("Your idea is published."), "success")
        flash(
            _(
                "It was not entered in the challenge “%(title)s”: %(reason)s",
                title=title,
                reason=not_entered,
            ),
            "error",
        )
    return redirect(idea_url(idea), 303)


@bp.post("/ideas/validate/<field_name>")
@login_required
def validate_field(field_name: str):
    """Check one field of the idea form inline (htmx) and return it with its message."""
    form = _form(formdata=request.form)
    if field_name not in form or field_name == "csrf_token":
        abort(404)
    field = form[field_name]
    inline = getattr(form.__class__, f"validate_{field_name}", None)
    field.validate(form, extra_validators=[inline] if inline else [])
    return render_template("ideas/_field.html", field=field, form=form)


@bp.get("/ideas/<int:idea_id>")
@bp.get("/ideas/<int:idea_id>-<slug>")
def detail(idea_id: int, slug: str | None = None):
    """One idea."""
    idea = get_visible_idea(idea_id)
    if idea.status == IdeaStatus.MERGED and idea.merged_into is not None:
        # A merged duplicate: old links lead to the idea it joined, saying so.
        flash(_("“%(title)s” was merged into this idea.", title=idea.title), "info")
        return redirect(idea_url(idea.merged_into), code=303)
    if slug != idea.slug:
        # The query string is carried over as it is: passed to url_for, names such as idea_id,
        # slug or _external would be taken as the URL's own arguments.
        query = urlencode(list(request.args.items(multi=True)))
        return redirect(idea_url(idea) + (f"?{query}" if query else ""), code=301)
    return render_template(
        "ideas/detail.html",
        idea=idea,
        comment_owner=owners.owner_for(TargetKind.IDEA, idea),
        comment_thread=comment_queries.thread_for(idea.discussion_id),
        partner_panel=partners_panel(idea, current_user),
        voted=vote_queries.has_voted(current_user, idea),
        similar=similar_to(idea),
        confirm_form=ConfirmForm(),
        co_editor_form=CoEditorForm(),
        revision_count=queries.revision_count(idea),
    )


def similar_to(idea: Idea, limit: int = 5) -> list[Idea]:
    """Published ideas like this one, from the search index (empty if it is unavailable)."""
    return queries.ideas_in_order(search.similar_to_idea(idea, limit=limit))


@bp.route("/ideas/<int:idea_id>/edit", methods=["GET", "POST"])
@login_required
def edit(idea_id: int):
    """Edit an idea; every saved edit is kept in its history."""
    idea = get_editable_idea(idea_id)
    refusal = permissions.idea_edit_refusal(current_user, idea)
    if refusal:
        flash(refusal, "error")
        return redirect(idea_url(idea))
    form = _form(idea, formdata=request.form if request.method == "POST" else None)
    derivation = _derivation_form(idea)
    if _validated(form, derivation):
        try:
            changed = services.update_idea(
                idea=idea,
                editor=current_user,
                values=_values(form),
                publish="publish" in request.form,
            )
            changed = (
                lineage_services.set_derivation(
                    idea=idea, source=derivation.source_idea, actor=current_user
                )
                or changed
            )
        except (services.IdeaError, lineage_services.LineageError) as e:
            db.session.rollback()
            form.form_errors.append(str(e))
        else:
            db.session.commit()
            flash(_("Changes saved.") if changed else _("Nothing changed."), "success")
            return redirect(idea_url(idea))
    status = 422 if request.method == "POST" else 200
    return render_template(
        "ideas/form.html", form=form, idea=idea, derivation_form=derivation
    ), status


HISTORY_PER_PAGE = history.PER_PAGE


@bp.get("/ideas/<int:idea_id>/history")
def history_page(idea_id: int):
    """Who changed what, and when: the changes stored with each edit, newest first, in pages."""
    idea = get_visible_idea(idea_id)
    pagination = db.paginate(
        queries.revisions_newest_first(idea),
        page=page_arg(),
        per_page=HISTORY_PER_PAGE,
        error_out=False,
        count=True,
    )
    if pagination.page > max(pagination.pages, 1):
        abort(404, _("There is no such page."))
    return render_template(
        "ideas/history.html",
        idea=idea,
        entries=history.entries(pagination.items),
        pagination=pagination,
    )


def _status_action(idea_id: int, action, done_message: str):
    idea = get_visible_idea(idea_id)
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        action(idea=idea, actor=current_user)
    except services.IdeaError as e:
        db.session.rollback()
        flash(str(e), "error")
        return redirect(idea_url(idea)), 303
    db.session.commit()
    flash(done_message, "success")
    return redirect(idea_url(idea)), 303


@bp.post("/ideas/<int:idea_id>/archive")
@login_required
def archive_idea(idea_id: int):
    """Move the idea to the archive."""
    return _status_action(idea_id, services.archive_idea, _("The idea is archived."))


@bp.post("/ideas/<int:idea_id>/restore")
@login_required
def restore_idea(idea_id: int):
    """Bring the idea back from the archive."""
    return _status_action(idea_id, services.restore_idea, _("The idea is published again."))


def _co_editor_lookup_allowed() -> bool:
    """Count one look-up of a member by e-mail, for the member and for their address; False
    when either is over its limit. The answer names the member found, so many look-ups would
    tell who has an account (IDEALAARI_CO_EDITOR_LIMIT, IDEALAARI_CO_EDITOR_ADDRESS_LIMIT)."""
    if not limiter.enabled:
        return True
    config = current_app.config
    keys = [
        (config["IDEALAARI_CO_EDITOR_LIMIT"], f"member:{current_user.id}"),
        (config["IDEALAARI_CO_EDITOR_ADDRESS_LIMIT"], f"address:{get_remote_address()}"),
    ]
    hits = [
        limiter.limiter.hit(item, "co-editor-lookup", key)
        for raw, key in keys
        for item in parse_many(raw)
    ]
    return all(hits)


@bp.post("/ideas/<int:idea_id>/co-editors")
@login_required
def add_co_editor(idea_id: int):
    """Let another member edit the idea."""
    idea = get_visible_idea(idea_id)
    form = CoEditorForm()
    if not permissions.can_manage_co_editors(current_user, idea):
        abort(403)
    submitted = form.validate_on_submit()
    if submitted and not _co_editor_lookup_allowed():
        form.email.errors.append(
            _(
                "You have added co-editors many times in a short while. Wait a moment and "
                "try again; the co-editors added so far are kept."
            )
        )
    elif submitted:
        try:
            member = services.add_co_editor(idea=idea, actor=current_user, email=form.email.data)
        except services.IdeaError as e:
            db.session.rollback()
            form.email.errors.append(str(e))
        else:
            db.session.commit()
            if not is_fragment_request("co-editors"):
                flash(_("%(name)s can now edit the idea.", name=member.name), "success")
                return redirect(idea_url(idea)), 303
            form = CoEditorForm(formdata=None)
    if is_fragment_request("co-editors"):
        status = 422 if form.errors else 200
        return render_template(
            "ideas/_co_editors.html", idea=idea, co_editor_form=form, confirm_form=ConfirmForm()
        ), status
    for error in form.email.errors:
        flash(error, "error")
    return redirect(idea_url(idea)), 303


@bp.post("/ideas/<int:idea_id>/co-editors/<int:user_id>/remove")
@login_required
def remove_co_editor(idea_id: int, user_id: int):
    """Take editing rights away from a co-editor."""
    idea = get_visible_idea(idea_id)
    if not permissions.can_manage_co_editors(current_user, idea):
        abort(403)
    member = db.session.get(User, user_id)
    if member is None or not ConfirmForm().validate_on_submit():
        abort(404 if member is None else 400)
    services.remove_co_editor(idea=idea, actor=current_user, member=member)
    db.session.commit()
    if is_fragment_request("co-editors"):
        return render_template(
            "ideas/_co_editors.html",
            idea=idea,
            co_editor_form=CoEditorForm(),
            confirm_form=ConfirmForm(),
        )
    flash(_("%(name)s can no longer edit the idea.", name=member.name), "success")
    return redirect(idea_url(idea)), 303


@bp.route("/themes", methods=["GET", "POST"])
def themes():
    """The theme list; moderators add themes here."""
    form = ThemeForm()
    if request.method == "POST":
        if not permissions.can_manage_themes(current_user):
            abort(403)
        if form.validate_on_submit():
            try:
                theme = services.create_theme(
                    actor=current_user,
                    name_fi=form.name_fi.data,
                    name_sv=form.name_sv.data or "",
                    name_en=form.name_en.data or "",
                )
            except services.IdeaError as e:
                db.session.rollback()
                form.name_fi.errors.append(str(e))
            else:
                db.session.commit()
                flash(_("Theme “%(name)s” added.", name=theme.name_fi), "success")
                return redirect(url_for("ideas.themes")), 303
    all_themes = (
        queries.all_themes()
        if permissions.can_manage_themes(current_user)
        else queries.active_themes()
    )
    status = 422 if form.errors else 200
    return render_template("ideas/themes.html", themes=all_themes, form=form), status


@bp.route("/themes/<int:theme_id>/edit", methods=["GET", "POST"])
@login_required
def edit_theme(theme_id: int):
    """Rename a theme or take it out of use."""
    if not permissions.can_manage_themes(current_user):
        abort(403)
    theme = db.get_or_404(Theme, theme_id)
    form = ThemeForm(obj=theme)
    if form.validate_on_submit():
        try:
            services.update_theme(
                actor=current_user,
                theme=theme,
                name_fi=form.name_fi.data,
                name_sv=form.name_sv.data or "",
                name_en=form.name_en.data or "",
                active=form.active.data,
            )
        except services.IdeaError as e:
            db.session.rollback()
            form.name_fi.errors.append(str(e))
        else:
            db.session.commit()
            flash(_("Theme saved."), "success")
            return redirect(url_for("ideas.themes")), 303
    status = 422 if form.errors else 200
    return render_template("ideas/theme_form.html", theme=theme, form=form), status
