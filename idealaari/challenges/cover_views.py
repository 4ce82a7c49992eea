"""The cover image of a challenge, served from the instance folder (see covers.py), and the
template helpers that show it."""

from __future__ import annotations

from flask import abort, send_file
from flask_login import current_user

from idealaari import permissions
from idealaari.challenges import bp, covers
from idealaari.challenges.models import Challenge, ChallengeStatus
from idealaari.extensions import db

# The name changes whenever the image does, so a browser may keep a file for a year.
CACHE_SECONDS = 365 * 24 * 3600


@bp.get("/challenges/<int:challenge_id>/cover/<name>")
def cover(challenge_id: int, name: str):
    """The cover image or its thumbnail; 404 for a proposal the visitor may not see."""
    challenge = db.get_or_404(Challenge, challenge_id)
    if not permissions.can_view_challenge(current_user, challenge):
        abort(404)
    if name not in covers.file_names(challenge):
        abort(404)
    path = covers.path_of(name)
    if path is None or not path.is_file():
        abort(404)
    response = send_file(path, mimetype=covers.MIMETYPE, max_age=CACHE_SECONDS, conditional=True)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = "inline"
    response.cache_control.immutable = True
    if challenge.status == ChallengeStatus.APPROVED:
        response.cache_control.public = True
    else:
        # Only its managers see a proposal: no shared cache may keep it for others.
        response.cache_control.private = True
    return response


@bp.app_template_global()
def challenge_cover_url(challenge, thumbnail: bool = False) -> str | None:
    return covers.cover_url(challenge, thumbnail=thumbnail)


@bp.app_template_global()
def challenge_cover_size(challenge, thumbnail: bool = False) -> tuple[int, int]:
    return covers.cover_size(challenge, thumbnail=thumbnail)
