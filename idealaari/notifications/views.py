"""Following things, the notification bell and the notifications page."""

from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from idealaari import targets
from idealaari.accounts.models import User
from idealaari.extensions import db, is_fragment_request
from idealaari.forms import ConfirmForm
from idealaari.http import page_arg, safe_next
from idealaari.notifications import bp, mail, queries, registry, services
from idealaari.notifications.forms import MailSettingsForm
from idealaari.targets import TargetKind

PER_PAGE = 30


def _target_or_404(target: str, target_id: int) -> TargetKind:
    """The kind of the followed thing, if it can be followed, exists and the member may see it."""
    kind = targets.parse_kind(target)
    if kind is None or not targets.target_type(kind).followable:
        abort(404)
    if targets.get_visible(kind, target_id, current_user) is None:
        abort(404)
    return kind


def _follow_response(target: TargetKind, target_id: int, message: str):
    if is_fragment_request(f"follow-{target.value}-{target_id}"):
        return render_template(
            "notifications/_follow_button.html", follow_target=target.value, follow_id=target_id
        )
    flash(message, "success")
    return redirect(safe_next(request.form.get("next"), url_for("web.index"))), 303


def _change_following(target: str, target_id: int, change, message: str):
    follow_target = _target_or_404(target, target_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    change(user=current_user, target=follow_target, target_id=target_id)
    db.session.commit()
    return _follow_response(follow_target, target_id, message)


@bp.post("/follow/<target>/<int:target_id>")
@login_required
def follow(target: str, target_id: int):
    """Follow an idea, an organisation or a theme."""
    return _change_following(
        target, target_id, services.follow, _("You now follow it and get notifications.")
    )


@bp.post("/unfollow/<target>/<int:target_id>")
@login_required
def unfollow(target: str, target_id: int):
    """Stop following."""
    return _change_following(target, target_id, services.unfollow, _("You no longer follow it."))


@bp.get("/notifications/bell")
def bell():
    """The unread count for the header, loaded lazily by htmx."""
    count = queries.unread_count(current_user) if current_user.is_authenticated else 0
    return render_template("notifications/_bell.html", unread=count)


@bp.get("/notifications")
@login_required
def index():
    """The member's notifications, newest first."""
    pagination = db.paginate(
        queries.notifications_of(current_user), page=page_arg(), per_page=PER_PAGE, error_out=False
    )
    registry.preload(pagination.items)
    return render_template(
        "notifications/index.html",
        pagination=pagination,
        entries=[(n, registry.describe(n), registry.notification_url(n)) for n in pagination.items],
        unread=queries.unread_count(current_user),
    )


@bp.post("/notifications/read-all")
@login_required
def read_all():
    """Mark every notification read."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.mark_all_read(user=current_user)
    db.session.commit()
    if is_fragment_request("notifications"):
        return redirect(url_for("notifications.index")), 303
    flash(_("All notifications are marked read."), "success")
    return redirect(url_for("notifications.index")), 303


@bp.route("/notifications/settings", methods=["GET", "POST"])
@login_required
def settings():
    """The member's e-mail: a daily or weekly digest (partner offers at once), or none."""
    form = MailSettingsForm(obj=current_user)
    if form.validate_on_submit():
        try:
            services.set_digest_frequency(user=current_user, frequency=form.digest_frequency.data)
        except services.NotificationError as e:
            db.session.rollback()
            form.digest_frequency.errors.append(str(e))
        else:
            db.session.commit()
            flash(_("Your e-mail settings are saved."), "success")
            return redirect(url_for("notifications.settings")), 303
    status = 422 if form.errors else 200
    return render_template("notifications/settings.html", form=form), status


def _token_page(template: str, status: int = 200, **context):
    response = make_response(render_template(template, **context), status)
    # The token in the address is a key to the member's mail settings: keep it out of caches,
    # search engines and other sites' logs.
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/notifications/unsubscribe/<token>", methods=["GET", "POST"])
def unsubscribe(token: str):
    """Stop all e-mail from the link in a mail, without logging in: GET asks, POST does it.

    Mail programs also POST here by themselves (RFC 8058 one-click), without a CSRF token: the
    signed token is what authorises the change, so the view is exempt from CSRF.
    """
    try:
        user = db.session.get(User, mail.user_id_from_unsubscribe_token(token))
    except mail.UnsubscribeTokenError as e:
        return _token_page("notifications/unsubscribe_invalid.html", 400, expired=e.expired)
    if user is None:
        return _token_page("notifications/unsubscribe_invalid.html", 400, expired=False)
    if request.method == "POST":
        services.set_digest_frequency(user=user, frequency="off")
        db.session.commit()
        return _token_page("notifications/unsubscribed.html", member=user)
    return _token_page("notifications/unsubscribe.html", member=user, token=token)
