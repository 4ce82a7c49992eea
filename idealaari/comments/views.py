"""Comment routes: post, reply, edit, remove, hide. htmx swaps the partials in place;
without JavaScript every form posts and redirects (303) back to the owner's page.

A discussion's comments live under its owner's address, /<segment>/<owner id>/comments
(/ideas/5/comments); who may see and comment is the owner's rule (comments/owners.py).
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari import permissions
from idealaari.comments import bp, owners, queries, services
from idealaari.comments.forms import CommentForm, EditCommentForm, HideCommentForm
from idealaari.comments.models import Comment
from idealaari.comments.owners import Owner
from idealaari.dbtypes import utcnow
from idealaari.extensions import db, is_fragment_request
from idealaari.forms import ConfirmForm
from idealaari.http import htmx_refusal, parse_id
from idealaari.moderation import services as moderation
from idealaari.moderation.items import Item
from idealaari.targets import TargetKind

SECTION = "comments"
THREAD = "comment-thread"
UPDATES = "comment-updates"


def comment_url(owner: Owner, comment: Comment) -> str:
    return f"{owner.url}#comment-{comment.id}"


def _target(comment: Comment) -> str:
    return f"comment-{comment.id}"


def _visible_owner(owner: Owner | None) -> Owner:
    if owner is None or not owner.can_view(current_user):
        abort(404)
    return owner


def _get_owner(segment: str, owner_id: int) -> Owner:
    """The discussion's owner behind the URL if the current user may see it; otherwise 404."""
    return _visible_owner(owners.find(segment, owner_id))


def _get_comment(comment_id: int) -> tuple[Comment, Owner]:
    """The comment and its discussion's owner if the current user may see it; otherwise 404."""
    comment = db.session.get(Comment, comment_id)
    if comment is None:
        abort(404)
    return comment, _visible_owner(owners.owner_of(comment.discussion))


def _page(owner: Owner, status: int = 200, **state):
    """The discussion as a page of its own: the fallback without JavaScript."""
    return render_template(
        "comments/page.html",
        owner=owner,
        comment_thread=queries.thread_for(owner.discussion_id),
        now=utcnow(),
        **state,
    ), status


def _section(owner: Owner, status: int = 200, **state):
    return render_template(
        "comments/_section.html",
        owner=owner,
        comment_thread=queries.thread_for(owner.discussion_id),
        now=utcnow(),
        **state,
    ), status


def _comment(owner: Owner, comment: Comment, status: int = 200, **state):
    return render_template(
        "comments/_comment.html", owner=owner, comment=comment, now=utcnow(), **state
    ), status


def _add_error(field, message: str) -> None:
    field.errors = [*field.errors, message]


def _is_own(comment: Comment) -> bool:
    return current_user.is_authenticated and comment.author_id == current_user.id


@bp.get("/<owner>/<int:owner_id>/comments")
def thread(owner: str, owner_id: int):
    """The discussion on an idea; htmx asks for the list alone to show new comments."""
    found = _get_owner(owner, owner_id)
    comment_thread = queries.thread_for(found.discussion_id)
    seen = parse_id(request.args.get("seen"))
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
        "owner": found,
        "comment_thread": comment_thread,
        "now": utcnow(),
        "focus_id": focus_id,
    }
    if is_fragment_request(THREAD):
        return render_template("comments/_thread.html", **context)
    if is_fragment_request(SECTION):
        return render_template("comments/_section.html", **context)
    return render_template("comments/page.html", **context)


@bp.get("/<owner>/<int:owner_id>/comments/updates")
def updates(owner: str, owner_id: int):
    """Polled by the idea page: how many comments are new since it was loaded (204 if none)."""
    found = owners.find(owner, owner_id)
    fragment = is_fragment_request(UPDATES)
    if found is None or not found.can_view(current_user):
        if fragment:
            # 286 tells htmx to stop polling an idea that was hidden meanwhile, instead of
            # announcing an error every 30 seconds.
            return "", 286
        abort(404)
    if not fragment:
        return redirect(url_for("comments.thread", **found.route))
    seen = parse_id(request.args.get("seen")) or 0
    shown = parse_id(request.args.get("shown")) or 0
    reader_id = current_user.id if current_user.is_authenticated else None
    new_count = queries.new_comment_count(found.discussion_id, seen, reader_id)
    if new_count == shown:
        return "", 204
    return render_template("comments/_updates.html", owner=found, seen=seen, new_count=new_count)


@bp.post("/<owner>/<int:owner_id>/comments")
@login_required
def create(owner: str, owner_id: int):
    """Post a comment, or with parent_id a reply."""
    found = _get_owner(owner, owner_id)
    form = CommentForm()
    parent = None
    if form.parent_id.data:
        parent_id = parse_id(form.parent_id.data)
        parent = db.session.get(Comment, parent_id) if parent_id is not None else None
        if parent is None:
            abort(404)
    in_discussion = parent is not None and parent.discussion_id == found.discussion_id
    root = (parent.parent or parent) if in_discussion else None
    if root is not None:
        form.set_html_id(f"reply-body-{root.id}", _("Your reply"))
        target, state = _target(root), {"reply_form": form, "replying_id": root.id}
    else:
        target, state = SECTION, {"comment_form": form}
    fragment = is_fragment_request(target)

    error = None
    refusal = found.refusal(current_user)
    if refusal:
        error = services.CommentForbidden(refusal)
    elif form.validate_on_submit():
        try:
            comment = services.post_comment(
                discussion=found.discussion, author=current_user, body=form.body.data, parent=parent
            )
        except services.CommentError as e:
            db.session.rollback()
            error = e
        else:
            db.session.commit()
            if not fragment:
                flash(_("Your comment is posted."), "success")
                return redirect(comment_url(found, comment), 303)
            if root is not None:
                return _comment(found, db.session.get(Comment, root.id), focus_id=comment.id)
            return _section(found, focus_id=comment.id)

    status = error.status if error else 422
    if error and error.status == 422:
        _add_error(form.body, str(error))
    if fragment:
        if status != 422:
            return htmx_refusal(str(error), status)
        if root is not None:
            return _comment(found, root, status, **state)
        return _section(found, status, **state)
    return _page(found, status, page_error=str(error) if status != 422 else None, **state)


@bp.get("/comments/<int:comment_id>")
def show(comment_id: int):
    """One comment: its partial for htmx (cancelling an edit), else its place on the idea page."""
    comment, owner = _get_comment(comment_id)
    if is_fragment_request(_target(comment)):
        return _comment(owner, comment, focus_id=comment.id)
    return redirect(comment_url(owner, comment))


@bp.route("/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@login_required
def edit(comment_id: int):
    """Edit one's own comment within 15 minutes of posting it."""
    comment, owner = _get_comment(comment_id)
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
        if comment.author_id != current_user.id:
            # Someone else's comment: a plain refusal, never an edit form holding their text.
            abort(403, description=refusal)
        # Keep what they wrote on the page, so it can be copied elsewhere.
        keep = state if request.method == "POST" else {}
        return _page(owner, 403, page_error=refusal, **keep)

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
                    else _page(owner, e.status, page_error=str(e), **state)
                )
            _add_error(form.body, str(e))
        else:
            db.session.commit()
            if fragment:
                return _comment(owner, comment, focus_id=comment.id)
            flash(_("Your comment is saved.") if changed else _("Nothing changed."), "success")
            return redirect(comment_url(owner, comment), 303)
    status = 422 if request.method == "POST" else 200
    if fragment:
        return _comment(owner, comment, status, **state)
    return _page(owner, status, **state)


@bp.post("/comments/<int:comment_id>/delete")
@login_required
def delete(comment_id: int):
    """Remove one's own comment; "Comment removed" and its replies stay."""
    comment, owner = _get_comment(comment_id)
    fragment = is_fragment_request(_target(comment))
    if not ConfirmForm().validate_on_submit():
        abort(400)
    try:
        services.delete_comment(comment=comment, actor=current_user)
    except services.CommentError as e:
        db.session.rollback()
        if fragment:
            return htmx_refusal(str(e), e.status)
        return _page(owner, e.status, page_error=str(e))
    db.session.commit()
    if fragment:
        return _comment(owner, comment, focus_id=comment.id)
    flash(_("Your comment is removed."), "success")
    return redirect(comment_url(owner, comment), 303)


@bp.post("/comments/<int:comment_id>/hide")
@login_required
def hide(comment_id: int):
    """A moderator hides a comment and says why; the reason is shown in its place."""
    comment, owner = _get_comment(comment_id)
    fragment = is_fragment_request(_target(comment))
    if not permissions.can_hide_comment(current_user):
        abort(403)
    form = HideCommentForm(html_id=f"hide-reason-{comment.id}")
    if form.validate_on_submit():
        try:
            # Through moderation: the author is told, an open case closes, the log keeps it.
            moderation.hide(
                moderator=current_user,
                item=Item(TargetKind.COMMENT, comment),
                reason=form.reason.data,
            )
        except (services.CommentError, moderation.ModerationError) as e:
            db.session.rollback()
            _add_error(form.reason, str(e))
        else:
            db.session.commit()
            if fragment:
                return _comment(owner, comment, focus_id=comment.id)
            flash(_("The comment is hidden."), "success")
            return redirect(comment_url(owner, comment), 303)
    state = {"hide_form": form, "hiding_id": comment.id}
    if fragment:
        return _comment(owner, comment, 422, **state)
    return _page(owner, 422, **state)


@bp.post("/comments/<int:comment_id>/unhide")
@login_required
def unhide(comment_id: int):
    """A moderator shows a hidden comment again."""
    comment, owner = _get_comment(comment_id)
    fragment = is_fragment_request(_target(comment))
    if not permissions.can_hide_comment(current_user):
        abort(403)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if comment.hidden_at is not None:
        moderation.restore(
            moderator=current_user,
            item=Item(TargetKind.COMMENT, comment),
            reason=_("Shown again from the discussion"),
        )
    db.session.commit()
    if fragment:
        return _comment(owner, comment, focus_id=comment.id)
    flash(_("The comment is shown again."), "success")
    return redirect(comment_url(owner, comment), 303)
