"""Following things, the notification bell and the notifications page."""

from __future__ import annotations

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
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


def _target_or_404(target: str, target_id: int):
    """The kind and row of the followed thing, if it can be followed, exists and the member may
    see it."""
    kind = targets.parse_kind(target)
    if kind is None or not targets.target_type(kind).followable:
        abort(404)
    found = targets.get_visible(kind, target_id, current_user)
    if found is None:
        abort(404)
    return kind, found


def _follow_response(target: TargetKind, found, message: str):
    if is_fragment_request(f"follow-{target.value}-{found.id}"):
        return render_template(
            "notifications/_follow_button.html",
            follow_target=target.value,
            follow_id=found.id,
            follow_title=targets.title(target, found),
            follow_focus=True,
        )
    flash(message, "success")
    return redirect(safe_next(request.form.get("next"), url_for("web.index"))), 303


def _change_following(target: str, target_id: int, change, message: str):
    follow_target, found = _target_or_404(target, target_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    change(user=current_user, target=follow_target, target_id=target_id)
    db.session.commit()
    return _follow_response(follow_target, found, message)


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
    """The unread count for the header; htmx refreshes it (the page renders it too)."""
    count = queries.unread_count(current_user) if current_user.is_authenticated else 0
    return render_template("notifications/_bell.html", unread=count)


def _entry(n) -> tuple:
    return n, registry.describe(n), registry.notification_url(n)


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
        entries=[_entry(n) for n in pagination.items],
        unread=queries.unread_count(current_user),
    )


def _own_notification_or_404(notification_id: int):
    n = queries.notification_of(current_user, notification_id)
    if n is None:
        abort(404)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    return n


@bp.post("/notifications/<int:notification_id>/open")
@login_required
def open_notification(notification_id: int):
    """Open a notification: mark it read and go where it leads."""
    n = _own_notification_or_404(notification_id)
    services.mark_read(user=current_user, notification=n)
    target = registry.notification_url(n)
    db.session.commit()
    return redirect(target), 303


@bp.post("/notifications/<int:notification_id>/read")
@login_required
def read_one(notification_id: int):
    """Mark one notification read."""
    n = _own_notification_or_404(notification_id)
    services.mark_read(user=current_user, notification=n)
    db.session.commit()
    if is_fragment_request(f"notification-{n.id}"):
        response = make_response(
            render_template("notifications/_notification.html", entry=_entry(n), focus=True)
        )
        response.headers["HX-Trigger"] = "notifications-changed"  # the bell refreshes its count
        return response
    flash(_("The notification is marked read."), "success")
    return redirect(safe_next(request.form.get("next"), url_for("notifications.index"))), 303


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


# Headings of the followed page, in this order; kinds not named here come after, by their value.
FOLLOWED_HEADINGS = {
    TargetKind.IDEA: _l("Ideas"),
    TargetKind.ORGANISATION: _l("Organisations"),
    TargetKind.THEME: _l("Themes"),
    TargetKind.CHALLENGE: _l("Challenges"),
    TargetKind.NETWORK: _l("Theme networks"),
    TargetKind.MEETING: _l("Meetings"),
}


@bp.get("/notifications/following")
@login_required
def following():
    """What the member follows, by kind, each with its unfollow button."""
    follows = queries.followed_by(current_user)
    targets.preload((f.target, f.target_id) for f in follows)
    groups: dict[TargetKind, list] = {}
    for f in follows:
        try:
            found = targets.get_visible(f.target, f.target_id, current_user)
        except LookupError:  # a kind no domain registers any more
            continue
        if found is None:  # removed since, or no longer visible to the member
            continue
        groups.setdefault(f.target, []).append(
            (found, targets.title(f.target, found), targets.url(f.target, found))
        )
    order = list(FOLLOWED_HEADINGS)
    ordered = sorted(
        groups.items(),
        key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order), kv[0].value),
    )
    return render_template(
        "notifications/following.html",
        groups=[(kind, FOLLOWED_HEADINGS.get(kind, kind.value), rows) for kind, rows in ordered],
    )


@bp.route("/notifications/settings", methods=["GET", "POST"])
@login_required
def settings():
    """The member's e-mail (a daily or weekly digest, partner offers at once, or none) and each
    kind of notification in the app and by e-mail."""
    groups = registry.settings_groups()
    form = MailSettingsForm(obj=current_user)
    form.set_groups(groups)
    if not form.is_submitted():
        saved = queries.preferences_of([current_user.id])
        chosen = {
            channel: [
                g.key for g in groups if getattr(saved.get((current_user.id, g.key)), channel, True)
            ]
            for channel in queries.CHANNELS
        }
        form.in_app.data, form.by_email.data = chosen["in_app"], chosen["by_email"]
    if form.validate_on_submit():
        try:
            services.set_digest_frequency(user=current_user, frequency=form.digest_frequency.data)
            services.set_preferences(user=current_user, choices=form.preference_choices())
        except services.NotificationError as e:
            db.session.rollback()
            form.digest_frequency.errors.append(str(e))
        else:
            db.session.commit()
            flash(_("Your notification settings are saved."), "success")
            return redirect(url_for("notifications.settings")), 303
    status = 422 if form.errors else 200
    return render_template("notifications/settings.html", form=form, groups=groups), status


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
