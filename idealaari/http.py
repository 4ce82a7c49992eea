"""The web kit every blueprint shares: safe redirects, page numbers, htmx refusals, ideas by id.

Views of one domain import these from here, never from another domain's views.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, make_response, render_template, request, url_for
from flask_login import current_user

from idealaari import permissions
from idealaari.extensions import db
from idealaari.ideas.models import Idea


def safe_next(target: str | None, default: str) -> str:
    """Only same-site relative paths are followed after login or a form post."""
    if not target:
        return default
    target = target.replace("\\", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return default
    return target


def page_arg(name: str = "page") -> int:
    """The page number from the query string; 1 for anything that is not a positive number."""
    try:
        return max(1, int(request.args.get(name, 1)))
    except (TypeError, ValueError):
        return 1


def htmx_refusal(message: str, status: int):
    """An htmx refusal: nothing is swapped (the text stays in the form); the script announces it."""
    response = make_response(
        render_template("errors/_fragment.html", status=status, message=message), status
    )
    response.headers["HX-Reswap"] = "none"
    return response


def idea_url(idea: Idea, **kwargs) -> str:
    """The canonical address of an idea page (with its slug)."""
    return url_for("ideas.detail", idea_id=idea.id, slug=idea.slug, **kwargs)


def get_visible_idea(idea_id: int) -> Idea:
    """The idea if the current user may see it; otherwise 404, so drafts do not leak."""
    idea = db.session.get(Idea, idea_id)
    if idea is None or not permissions.can_view_idea(current_user, idea):
        abort(404)
    return idea
