"""The member's own data: download it as a ZIP file, or delete the account.

Both are the member's own pages (login required; anonymous htmx requests get 401). The
download is a POST button, so that no link or prefetch builds an archive; the deletion form
works as a plain post and, with htmx, swaps its own partial.
"""

from __future__ import annotations

from flask import (
    abort,
    current_app,
    flash,
    g,
    make_response,
    redirect,
    render_template,
    request,
    send_file,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from idealaari.dbtypes import utcnow
from idealaari.extensions import db, is_fragment_request, limiter
from idealaari.forms import ConfirmForm, local_timezone
from idealaari.privacy import bp, download, services
from idealaari.privacy.forms import DeleteAccountForm

DELETE_FORM = "account-delete"  # the deletion form's partial, swapped by htmx
# Building an archive reads everything about the member: a few a day are plenty.
DOWNLOAD_LIMIT = "5 per hour;20 per day"
# Wrong passwords on the deletion form, per member (as for a password change).
DELETE_LIMIT = "5 per 15 minutes"


def _limit(name: str, default: str):
    return lambda: current_app.config.get(name, default)


def _member_key(prefix: str):
    return lambda: f"{prefix}/{current_user.id}"


@bp.get("/account/data")
@login_required
def download_page():
    """What the data download holds, with the button that makes it."""
    return render_template("privacy/download.html", form=ConfirmForm())


@bp.post("/account/data")
@login_required
@limiter.limit(
    _limit("IDEALAARI_DATA_DOWNLOAD_LIMIT", DOWNLOAD_LIMIT), key_func=_member_key("data-download")
)
def download_data():
    """The member's data as a ZIP file."""
    if not ConfirmForm().validate_on_submit():
        abort(400)
    archive = download.build_archive(current_user)
    today = utcnow().astimezone(local_timezone()).date()
    response = send_file(
        archive,
        mimetype="application/zip",
        as_attachment=True,
        download_name=download.filename(today),
        max_age=0,
    )
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
@limiter.limit(
    _limit("IDEALAARI_ACCOUNT_DELETE_LIMIT", DELETE_LIMIT),
    methods=["POST"],
    key_func=_member_key("account-delete"),
    deduct_when=lambda response: g.get("wrong_password", False),
)
def delete_account():
    """Delete one's own account, after typing the password and ticking the confirmation."""
    user = current_user._get_current_object()
    form = DeleteAccountForm()
    if form.validate_on_submit():
        try:
            services.delete_account(user=user, password=form.password.data)
        except services.DeletionError as e:
            db.session.rollback()
            if e.field == "password":
                g.wrong_password = True
                form.password.errors.append(str(e))
            else:
                form.form_errors.append(str(e))
        else:
            db.session.commit()
            done = _(
                "Your account is deleted. Your ideas stay with their organisation, and your "
                "comments and votes stay without your name. Thank you for taking part."
            )
            session.clear()
            logout_user()
            flash(done, "success")
            if is_fragment_request(DELETE_FORM):
                response = make_response("", 204)
                response.headers["HX-Redirect"] = url_for("web.index")
                return response
            return redirect(url_for("web.index")), 303
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "refusal": services.last_admin_refusal(user)}
    if is_fragment_request(DELETE_FORM):
        return render_template("privacy/_delete_form.html", **context), status
    return render_template("privacy/delete.html", **context), status
