"""The search page, the header search box's target, and similar ideas while typing a title."""

from __future__ import annotations

from flask import current_app, render_template, request
from flask_login import current_user
from sqlalchemy import select

from idealaari.extensions import db, is_fragment_request
from idealaari.ideas import queries as idea_queries
from idealaari.ideas.models import Idea, Phase, TargetGroup
from idealaari.organisations.models import Organisation
from idealaari.search import bp, get_index
from idealaari.search.index import IndexUnavailable
from idealaari.search.queries import SearchParams, search_ideas, similar_ideas


def ideas_in_order(ids: list[int], visible_to=None) -> list[Idea]:
    """Load ideas by id keeping the given order; the database decides what is visible."""
    from idealaari.permissions import can_view_idea

    if not ids:
        return []
    found = {
        idea.id: idea
        for idea in db.session.scalars(
            idea_queries.with_listing_details(select(Idea).where(Idea.id.in_(ids)))
        )
    }
    return [
        found[i]
        for i in ids
        if i in found
        and can_view_idea(visible_to, found[i])
        and found[i].status.value in ("published", "draft")
    ]


def _labels() -> dict[str, dict[str, str]]:
    """Readable names for facet values, in the member's language."""
    return {
        "organisation": {o.code: o.name for o in db.session.scalars(select(Organisation))},
        "themes": {t.slug: t.name for t in idea_queries.all_themes()},
        "phase": {p.value: f"{p.number}. {p.label}" for p in Phase},
        "target_groups": {g.value: g.label for g in TargetGroup},
        "seeks_partners": {"1": _seeks_label(True), "0": _seeks_label(False)},
    }


def _seeks_label(value: bool) -> str:
    from flask_babel import gettext as _

    return _("Seeks partners") if value else _("Does not seek partners")


@bp.get("/search")
def search():
    """Search everything ever posted, in Finnish; the URL holds the query."""
    params = SearchParams.from_args(request.args)
    context = {
        "params": params,
        "results": None,
        "ideas": [],
        "unavailable": False,
        "labels": _labels(),
    }
    try:
        results = search_ideas(get_index(), params, current_user)
    except IndexUnavailable as e:
        current_app.logger.error("search unavailable: %s", e)
        context["unavailable"] = True
        context["ideas"] = _fallback(params)
    else:
        context["results"] = results
        ideas = {i.id: i for i in ideas_in_order([h.idea_id for h in results.hits], current_user)}
        context["hits"] = [(ideas[h.idea_id], h) for h in results.hits if h.idea_id in ideas]
    if is_fragment_request("search-results"):
        return render_template("search/_results.html", **context)
    return render_template("search/index.html", **context)


def _fallback(params: SearchParams) -> list[Idea]:
    """While the index is unavailable: a plain title match, so search still helps."""
    if not params.q:
        return []
    pattern = f"%{params.q[:100]}%"
    stmt = idea_queries.published_ideas().where(
        Idea.title.ilike(pattern) | Idea.summary.ilike(pattern)
    )
    return list(db.session.scalars(stmt.limit(20)))


@bp.get("/search/similar")
def similar():
    """Up to five existing ideas like the title being typed (the duplicate guard)."""
    text = (request.args.get("title") or "").strip()[:300]
    exclude = request.args.get("exclude", type=int)
    ideas: list[Idea] = []
    if len(text) >= 4:
        try:
            ids = [i for i, _score in similar_ideas(get_index(), text, exclude_id=exclude, limit=5)]
        except IndexUnavailable:
            ids = []
        ideas = ideas_in_order(ids)
    return render_template("search/_similar.html", ideas=ideas, exclude=exclude)
