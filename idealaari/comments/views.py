"""Comment routes: post, reply, edit, remove, hide. htmx swaps the partials in place;
without JavaScript every form posts and redirects (303) back to the idea."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari import permissions
from idealaari.comments import bp, queries, services
from idealaari.comments.forms import CommentForm, EditCommentForm, HideCommentForm
from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db, is_fragment_request
from idealaari.forms import ConfirmForm
from idealaari.http import get_visible_idea, htmx_refusal, idea_url
from idealaari.ideas.models import Idea

SECTION = "comments"
THREAD = "comment-thread"
UPDATES = "comment-updates"
MAX_ID = 2**31 - 1


def comment_url(idea: Idea, comment: Comment) -> str:
    return f"{idea_url(idea)}#comment-{comment.id}"


def _target(comment: Comment) -> str:
    return f"comment-{comment.id}"


def _get_comment(comment_id: int) -> tuple[Comment, Idea]:
    """The comment and its idea if the current user may see the idea; otherwise 404."""
    comment = db.session.get(Comment, comment_id)
    if comment is None:
        abort(404)
    return comment, get_visible_idea(comment.idea_id)


def _page(idea: Idea, status: int = 200, **state):
    """The discussion as a page of its own: the fallback without JavaScript."""
    return render_template(
        "comments/page.html",
        idea=idea,
        comment_thread=queries.thread_for(idea),
        now=utcnow(),
        **state,
    ), status


def _section(idea: Idea, status: int = 200, **state):
    return render_template(
        "comments/_section.html",
        idea=idea,
        comment_thread=queries.thread_for(idea),
        now=utcnow(),
        **state,
    ), status


def _comment(idea: Idea, comment: Comment, status: int = 200, **state):
    return render_template(
        "comments/_comment.html", idea=idea, comment=comment, now=utcnow(), **state
    ), status


def _add_error(field, message: str) -> None:
    field.errors = [*field.errors, message]


def _parse_id(raw: str | None) -> int | None:
    """A database id from a form or query string; None for anything else."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or int(raw) > MAX_ID:
        return None
    return int(raw)


def _is_own(comment: Comment) -> bool:
    return current_user.is_authenticated and comment.author_id == current_user.id


@bp.get("/ideas/<int:idea_id>/comments")
def thread(idea_id: int):
    """The discussion on an idea; htmx asks for the list alone to show new comments."""
    idea = get_visible_idea(idea_id)
    comment_thread = queries.thread_for(idea)
    seen = _parse_id(request.args.get("seen"))
    focus_id = None
    if seen is not None:
        # Focus the first comment the reader has not seen, so keyboard and screen reader
        # users land on what is new.
        focus_id = min(
            (
                c.id
                for root in comment_thread.comments
                for c in (root, *root.replies)
                if c.id > seen and c.is_visible and not _is_own(c)
            ),
            default=None,
        )
    context = {
        "idea": idea,
        "comment_thread": comment_thread,
        "now": utcnow(),
        "focus_id": focus_id,
    }
    if is_fragment_request(THREAD):
        return render_template("comments/_thread.html", **context)
    if is_fragment_request(SECTION):
        return render_template("comments/_section.html", **context)
    return render_template("comments/page.html", **context)


@bp.get("/ideas/<int:idea_id>/comments/updates")
def updates(idea_id: int):
    """Polled by the idea page: how many comments are new since it was loaded (204 if none)."""
    idea = db.session.get(Idea, idea_id)
    fragment = is_fragment_request(UPDATES)
    if idea is None or not permissions.can_view_idea(current_user, idea):
        if fragment:
            # 286 tells htmx to stop polling an idea that was hidden meanwhile, instead of
            # announcing an error every 30 seconds.
            return "", 286
        abort(404)
    if not fragment:
        return redirect(url_for("comments.thread", idea_id=idea.id))
    seen = _parse_id(request.args.get("seen")) or 0
    shown = _parse_id(request.args.get("shown")) or 0
    reader_id = current_user.id if current_user.is_authenticated else None
    new_count = queries.new_comment_count(idea.id, seen, reader_id)
    if new_count == shown:
        return "", 204
    return render_template("comments/_updates.html", idea=idea, seen=seen, new_count=new_count)


@bp.post("/ideas/<int:idea_id>/comments")
@login_required
def create(idea_id: int):
    """Post a comment, or with parent_id a reply."""
    idea = get_visible_idea(idea_id)
    form = CommentForm()
    parent = None
    if form.parent_id.data:
        parent_id = _parse_id(form.parent_id.data)
        parent = db.session.get(Comment, parent_id) if parent_id is not None else None
        if parent is None:
            abort(404)
    root = (parent.parent or parent) if parent is not None and parent.idea_id == idea.id else None
    if root is not None:
        form.set_html_id(f"reply-body-{root.id}", _("Your reply"))
        target, state = _target(root), {"reply_form": form, "replying_id": root.id}
    else:
        target, state = SECTION, {"comment_form": form}
    fragment = is_fragment_request(target)

    error = None
    refusal = services.closed_reason(current_user, idea)
    if refusal:
        error = services.CommentForbidden(refusal)
    elif form.validate_on_submit():
        try:
            comment = services.post_comment(
                idea=idea, author=current_user, body=form.body.data, parent=parent
            )
        except services.CommentError as e:
            db.session.rollback()
            error = e
        else:
            db.session.commit()
            if not fragment:
                flash(_("Your comment is posted."), "success")
                return redirect(comment_url(idea, comment), 303)
            if root is not None:
                return _comment(idea, db.session.get(Comment, root.id), focus_id=comment.id)
            return _section(idea, focus_id=comment.id)

    status = error.status if error else 422
    if error and error.status == 422:
        _add_error(form.body, str(error))
    if fragment:
        if status != 422:
            return htmx_refusal(str(error), status)
        if root is not None:
            return _comment(idea, root, status, **state)
        return _section(idea, status, **state)
    return _page(idea, status, page_error=str(error) if status != 422 else None, **state)


@bp.get("/comments/<int:comment_id>")
def show(comment_id: int):
    """One comment: its partial for htmx (cancelling an edit), else its place on the idea page."""
    comment, idea = _get_comment(comment_id)
    if is_fragment_request(_target(comment)):
        return _comment(idea, comment, focus_id=comment.id)
    return redirect(comment_url(idea, comment))


@bp.route("/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@login_required
def edit(comment_id: int):
    """Edit one's own comment within 15 minutes of posting it."""
    comment, idea = _get_comment(comment_id)
    target = _target(comment)
    fragment = is_fragment_request(target)
    form_options = {"html_id": f"edit-body-{comment.id}", "label": _("Edit your comment")}
    form = (
        EditCommentForm(**form_options)
        if request.method == "POST"
        else EditCommentForm(body=comment.body, **form_options)
    )
    state = {"edit_form": form, "editing_id": comment.id}

    refusal = services.edit_refusal(current_user, comment, utcnow())
    if refusal:
        if fragment:
            return htmx_refusal(refusal, 403)
        # Keep what they wrote on the page, so it can be copied elsewhere.
        keep = state if request.method == "POST" else {}
        return _page(idea, 403, page_error=refusal, **keep)

    if form.validate_on_submit():
        try:
            changed = services.edit_comment(
                comment=comment, editor=current_user, body=form.body.data
            )
        except services.CommentError as e:
            db.session.rollback()
            if e.status != 422:
                return (
                    htmx_refusal(str(e), e.status)
                    if fragment
                    else _page(idea, e.status, page_error=str(e), **state)
                )
            _add_error(form.body, str(e))
        else:
            db.session.commit()
            if fragment:
                return _comment(idea, comment, focus_id=comment.id)
            flash(_("Your comment is saved.") if changed else _("Nothing changed."), "success")
            return redirect(comment_url(idea, comment), 303)
    status = 422 if request.method == "POST" else 200
    if fragment:
        return _comment(idea, comment, status, **state)
    return _page(idea, status, **state)


@bp.post("/comments/<int:comment_id>/delete")
@login_required
def delete(comment_id: int):
    """Remove one's own comment; "Comment removed" and its replies stay."""
    comment, idea = _get_comment(comment_id)
    fragment = is_fragment_request(_target(comment))
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.delete_comment(comment=comment, actor=current_user)
    except services.CommentError as e:
        db.session.rollback()
        return (
            htmx_refusal(str(e), e.status) if fragment else _page(idea, e.status, page_error=str(e))
        )
    db.session.commit()
    if fragment:
        return _comment(idea, comment, focus_id=comment.id)
    flash(_("Your comment is removed."), "success")
    return redirect(comment_url(idea, comment), 303)


@bp.post("/comments/<int:comment_id>/hide")
@login_required
def hide(comment_id: int):
    """A moderator hides a comment and says why; the reason is shown in its place."""
    comment, idea = _get_comment(comment_id)
    fragment = is_fragment_request(_target(comment))
    if not permissions.can_hide_comment(current_user):
        abort(403)
    form = HideCommentForm(html_id=f"hide-reason-{comment.id}")
    if form.validate_on_submit():
        try:
            services.hide_comment(comment=comment, moderator=current_user, reason=form.reason.data)
        except services.CommentError as e:
            db.session.rollback()
            _add_error(form.reason, str(e))
        else:
            db.session.commit()
            if fragment:
                return _comment(idea, comment, focus_id=comment.id)
            flash(_("The comment is hidden."), "success")
            return redirect(comment_url(idea, comment), 303)
    state = {"hide_form": form, "hiding_id": comment.id}
    if fragment:
        return _comment(idea, comment, 422, **state)
    return _page(idea, 422, **state)


@bp.post("/comments/<int:comment_id>/unhide")
@login_required
def unhide(comment_id: int):
    """A moderator shows a hidden comment again."""
    comment, idea = _get_comment(comment_id)
    fragment = is_fragment_request(_target(comment))
    if not permissions.can_hide_comment(current_user):
        abort(403)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.unhide_comment(comment=comment, moderator=current_user)
    db.session.commit()
    if fragment:
        return _comment(idea, comment, focus_id=comment.id)
    flash(_("The comment is shown again."), "success")
    return redirect(comment_url(idea, comment), 303)
