"""Theme pages: one theme's published ideas, newest first, and its follow button."""

from __future__ import annotations

from flask import current_app, redirect, render_template, url_for

from idealaari.extensions import db
from idealaari.http import page_arg
from idealaari.ideas import bp, queries
from idealaari.ideas.models import Theme


def theme_url(theme: Theme, **kwargs) -> str:
    """The canonical address of a theme page (with its slug)."""
    return url_for("ideas.theme", theme_id=theme.id, slug=theme.slug, **kwargs)


@bp.get("/themes/<int:theme_id>")
@bp.get("/themes/<int:theme_id>-<slug>")
def theme(theme_id: int, slug: str | None = None):
    """One theme and its published ideas, newest first."""
    found = db.get_or_404(Theme, theme_id)
    page = page_arg()
    if slug != found.slug:
        # Only the page number is carried over: other query arguments name nothing here.
        return redirect(theme_url(found, **({"page": page} if page > 1 else {})), code=301)
    stmt = queries.published_ideas(queries.IdeaFilters(theme=found.slug))
    pagination = db.paginate(
        stmt,
        page=page,
        per_page=current_app.config["IDEALAARI_IDEAS_PER_PAGE"],
        error_out=False,
        count=True,
    )
    return render_template("ideas/theme.html", theme=found, pagination=pagination)
