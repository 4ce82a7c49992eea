"""Moderation pages: reporting, the queue, an item's decisions, the audit log and the metrics.

Every page and action but reporting is for moderators; permissions.can_moderate says who.
Forms post and redirect (they work without JavaScript); the view commits once.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime

from flask import (
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari import permissions, targets
from idealaari.accounts.models import Role, User
from idealaari.audit import queries as audit_queries
from idealaari.audit.services import action_label, known_actions, record
from idealaari.extensions import db
from idealaari.forms import local_timezone
from idealaari.ideas.models import Idea
from idealaari.moderation import bp, charts, queries, services
from idealaari.moderation import items as item_types
from idealaari.moderation.forms import MergeForm, ReasonForm, ReportForm, TitleForm
from idealaari.moderation.models import IdeaMerge
from idealaari.paging import Pages
from idealaari.targets import TargetKind

LOG_PAGE_SIZE = 50


def _require_moderator() -> None:
    if not permissions.can_moderate(current_user):
        abort(403)


def _item_or_404(kind: str, item_id: int) -> item_types.Item:
    parsed = TargetKind._value2member_map_.get(kind)
    item = item_types.load(parsed, item_id) if parsed in item_types.REPORTABLE else None
    if item is None:
        abort(404)
    return item


def _suggest_duplicates(idea: Idea) -> list[Idea]:
    from idealaari.ideas.queries import ideas_in_order
    from idealaari.search import service as search

    return ideas_in_order(search.similar_to_idea(idea, limit=3))


# Reporting (members)


@bp.route("/report/<kind>/<int:item_id>", methods=["GET", "POST"])
@login_required
def report(kind: str, item_id: int):
    item = _item_or_404(kind, item_id)
    if item.is_gone or not targets.can_view(item.kind, current_user, item.obj):
        abort(404)
    refusal = permissions.report_refusal(current_user, item.author_id)
    if refusal:
        flash(refusal, "error")
        return redirect(item.url)
    if queries.has_reported(current_user, item.kind, item.id):
        flash(_("You have already reported this. The moderators will look at it."), "info")
        return redirect(item.url)
    form = ReportForm()
    status = 200
    if form.validate_on_submit():
        try:
            services.report(
                reporter=current_user,
                kind=item.kind,
                item_id=item.id,
                reason=form.reason.data,
                note=form.note.data,
            )
        except services.ModerationError as e:
            db.session.rollback()
            form.form_errors.append(str(e))
            status = e.status
        else:
            db.session.commit()
            flash(_("Thank you. The moderators will look at your report."), "success")
            return redirect(item.url)
    elif request.method == "POST":
        status = 422
    return render_template("moderation/report.html", item=item, form=form), status


# The queue


@bp.get("/")
@login_required
def queue():
    _require_moderator()
    return render_template(
        "moderation/queue.html",
        health=queries.health(),
        entries=queries.queue(suggest_duplicates=_suggest_duplicates),
        reason_form=ReasonForm(formdata=None),
    )


# One item: its cases, history and the actions on it


def _item_page(item, *, forms=None, status=200):
    forms = forms or {}
    idea = item.obj if item.kind == TargetKind.IDEA else None
    return render_template(
        "moderation/item.html",
        item=item,
        idea=idea,
        open_case=services.open_case_of(item),
        cases=queries.cases_of(item),
        log=audit_queries.entries_for(str(item.kind), item.id),
        merges=queries.merges_of(idea) if idea is not None else [],
        active_merge=queries.active_merge_of(idea) if idea is not None else None,
        duplicates=_suggest_duplicates(idea) if idea is not None and idea.is_published else [],
        reason_form=forms.get("reason") or ReasonForm(formdata=None),
        failed_action=forms.get("action"),
        title_form=forms.get("title") or TitleForm(formdata=None, title=idea.title if idea else ""),
        merge_form=forms.get("merge") or MergeForm(formdata=None),
    ), status


@bp.get("/item/<kind>/<int:item_id>")
@login_required
def item(kind: str, item_id: int):
    _require_moderator()
    return _item_page(_item_or_404(kind, item_id))


ACTIONS = {
    "dismiss": lambda item, form: services.dismiss(
        moderator=current_user, item=item, reason=form.reason.data
    ),
    "hide": lambda item, form: services.hide(
        moderator=current_user, item=item, reason=form.reason.data
    ),
    "restore": lambda item, form: services.restore(
        moderator=current_user, item=item, reason=form.reason.data
    ),
    "lock": lambda item, form: services.set_comments_locked(
        moderator=current_user, idea=item.obj, locked=True, reason=form.reason.data
    ),
    "unlock": lambda item, form: services.set_comments_locked(
        moderator=current_user, idea=item.obj, locked=False, reason=form.reason.data
    ),
    "feature": lambda item, form: services.set_featured(
        moderator=current_user, idea=item.obj, featured=True, reason=form.reason.data
    ),
    "unfeature": lambda item, form: services.set_featured(
        moderator=current_user, idea=item.obj, featured=False, reason=form.reason.data
    ),
}
IDEA_ONLY = {"lock", "unlock", "feature", "unfeature", "title", "merge"}


def _done_message(action: str) -> str:
    return {
        "dismiss": _("The reports were dismissed."),
        "hide": _("The content is hidden and its author has been told why."),
        "restore": _("The content is visible again and its author has been told."),
        "lock": _("Comments are closed on this idea."),
        "unlock": _("Comments are open again on this idea."),
        "feature": _("The idea is featured on the front page."),
        "unfeature": _("The idea is no longer featured."),
        "title": _("The title was changed and kept in the idea's history."),
        "merge": _("The ideas were merged. You can undo the merge on this page."),
    }[action]


@bp.post("/item/<kind>/<int:item_id>/<action>")
@login_required
def act(kind: str, item_id: int, action: str):
    _require_moderator()
    item = _item_or_404(kind, item_id)
    if action not in ACTIONS and action not in ("title", "merge"):
        abort(404)
    if action in IDEA_ONLY and item.kind != TargetKind.IDEA:
        abort(404)
    form = {"title": TitleForm, "merge": MergeForm}.get(action, ReasonForm)()
    if form.validate_on_submit():
        try:
            if action == "title":
                services.edit_title(
                    moderator=current_user,
                    idea=item.obj,
                    title=form.title.data,
                    reason=form.reason.data,
                )
            elif action == "merge":
                target = db.session.get(Idea, form.target_id)
                if target is None:
                    raise services.ModerationError(_("There is no idea with that number."))
                services.merge(
                    moderator=current_user,
                    source=item.obj,
                    target=target,
                    reason=form.reason.data,
                )
            else:
                ACTIONS[action](item, form)
        except services.ModerationError as e:
            db.session.rollback()
            form.form_errors.append(str(e))
        else:
            db.session.commit()
            flash(_done_message(action), "success")
            return redirect(url_for("moderation.item", kind=item.kind, item_id=item.id))
    key = {"title": "title", "merge": "merge"}.get(action, "reason")
    return _item_page(item, forms={key: form, "action": action}, status=422)


@bp.post("/merges/<int:merge_id>/undo")
@login_required
def undo_merge(merge_id: int):
    _require_moderator()
    merge_row = db.session.get(IdeaMerge, merge_id)
    if merge_row is None:
        abort(404)
    form = ReasonForm()
    item = item_types.Item(TargetKind.IDEA, merge_row.source)
    if form.validate_on_submit():
        try:
            services.undo_merge(
                moderator=current_user, merge_row=merge_row, reason=form.reason.data
            )
        except services.ModerationError as e:
            db.session.rollback()
            form.form_errors.append(str(e))
        else:
            db.session.commit()
            flash(_("The merge was undone: votes, comments and followers are back."), "success")
            return redirect(url_for("moderation.item", kind="idea", item_id=merge_row.source_id))
    return _item_page(item, forms={"reason": form, "action": "undo"}, status=422)


# The audit log


def _log_filters() -> tuple[audit_queries.AuditFilters, dict]:
    args = request.args
    actor_id = args.get("actor", type=int)
    action = args.get("action") or None
    kind = args.get("kind") or None
    target_id = args.get("item", type=int)
    if action is not None and action not in dict(known_actions()):
        action = None
    if (
        kind is not None
        and kind not in TargetKind._value2member_map_
        and kind not in ("user", "setting", "page", "organisation")
    ):
        kind = None
    filters = audit_queries.AuditFilters(
        actor_id=actor_id, action=action, target_kind=kind, target_id=target_id
    )
    return filters, {
        k: v
        for k, v in {"actor": actor_id, "action": action, "kind": kind, "item": target_id}.items()
        if v is not None
    }


def _staff() -> list[User]:
    return list(
        db.session.scalars(
            db.select(User).where(User.role.in_([Role.MODERATOR, Role.ADMIN])).order_by(User.name)
        )
    )


@bp.get("/log")
@login_required
def log():
    _require_moderator()
    filters, args = _log_filters()
    page = max(1, request.args.get("page", 1, type=int))
    rows = audit_queries.entries(
        filters, limit=LOG_PAGE_SIZE + 1, offset=(page - 1) * LOG_PAGE_SIZE
    )
    more = len(rows) > LOG_PAGE_SIZE
    return render_template(
        "moderation/log.html",
        rows=rows[:LOG_PAGE_SIZE],
        pages=Pages(page=page, pages=page + 1 if more else page),
        args=args,
        staff=_staff(),
        actions=known_actions(),
        action_label=action_label,
    )


def _csv_cell(value) -> str:
    """A cell Excel will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@bp.get("/log.csv")
@login_required
def log_csv():
    if not permissions.can_export_audit_log(current_user):
        abort(403)
    filters, _args = _log_filters()
    zone = local_timezone()

    def as_csv() -> str:
        """The log as one text: it holds actions, thousands of rows in years."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write("\ufeff")
        writer.writerow(
            [
                _("Time"),
                _("Who"),
                _("Action"),
                _("Item"),
                _("Item number"),
                _("Title"),
                _("Reason"),
                _("Before"),
                _("After"),
            ]
        )
        for entry in audit_queries.iter_entries(filters):
            writer.writerow(
                [
                    _csv_cell(v)
                    for v in (
                        entry.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                        entry.actor.name if entry.actor else _("System"),
                        action_label(entry.action),
                        entry.target_kind or "",
                        entry.target_id or "",
                        entry.target_label,
                        entry.reason,
                        entry.before or "",
                        entry.after or "",
                    )
                ]
            )
        return buffer.getvalue()

    record(
        actor=current_user,
        action="audit_exported",
        target_kind="audit",
        reason="",
        data={k: v for k, v in _args.items()},
    )
    db.session.commit()
    stamp = datetime.now(zone).strftime("%Y-%m-%d")
    return Response(
        as_csv(),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="idealaari-tapahtumaloki-{stamp}.csv"'
        },
    )


# Metrics


@bp.get("/metrics")
@login_required
def metrics():
    _require_moderator()
    figures = [queries.decision_figures(30), queries.decision_figures(90)]
    now = datetime.now(local_timezone())
    return render_template(
        "moderation/metrics.html",
        health=queries.health(),
        figures=figures,
        charts=charts.metrics_charts(now=now),
    )
