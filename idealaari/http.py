"""The web kit every blueprint shares: safe redirects, page numbers, htmx refusals, ideas by id.

Views of one domain import these from here, never from another domain's views.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, abort, make_response, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.routing import IntegerConverter

from idealaari import permissions, textclean
from idealaari.extensions import db
from idealaari.ideas.models import Idea

# The largest id a table can hold (an INTEGER column on PostgreSQL).
MAX_ID = 2**31 - 1
# No listing has this many pages; a larger number is a typo or a probe, answered with 404.
MAX_PAGE = 100_000


class IdConverter(IntegerConverter):
    """`<int:...>` in every route. An id too large for any table still matches the route and
    is answered with 404 before the view runs (`_refuse_impossible_paths`); a converter's own
    `max` would make Werkzeug answer a POST with 405 instead."""


Request = textclean.CleanRequest


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
    """The page number from the query string; 1 for anything that is not a positive number.

    A page number beyond MAX_PAGE is answered with 404: no listing is that long, and the
    offset would overflow the database's integers."""
    raw = request.args.get(name, "1").strip()
    if not raw.isdigit() or not raw.isascii():
        return 1
    if len(raw) > len(str(MAX_PAGE)) or int(raw) > MAX_PAGE:
        abort(404, _("There is no such page."))
    return max(1, int(raw))


def parse_id(raw: str | None) -> int | None:
    """A database id from a form field or the query string; None for anything else."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > len(str(MAX_ID)):
        return None
    value = int(raw)
    return value if value <= MAX_ID else None


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


def _refuse_impossible_paths():
    """An id no table can hold, or a path segment with NUL, bidi-override or zero-width
    characters, names nothing: 404."""
    view_args = request.view_args or {}
    if any(type(v) is int and v > MAX_ID for v in view_args.values()):
        abort(404)
    if textclean.dirty_path(view_args):
        abort(404)


def _private_when_logged_in(response):
    """Pages made for a logged-in member are theirs alone: no shared or back-button cache."""
    if request.endpoint != "static" and current_user and current_user.is_authenticated:
        response.headers["Cache-Control"] = "private, no-store"
    return response


def init_app(app: Flask) -> None:
    app.before_request(_refuse_impossible_paths)
    app.after_request(_private_when_logged_in)
