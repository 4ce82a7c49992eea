"""The search page, the header search box's target, and similar ideas while typing a title."""

from __future__ import annotations

from flask import current_app, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from idealaari.challenges.queries import awards_for_ideas
from idealaari.extensions import db, is_fragment_request
from idealaari.http import htmx_refusal
from idealaari.ideas import queries as idea_queries
from idealaari.ideas.models import Idea, IdeaStatus, Phase, TargetGroup
from idealaari.organisations.models import Organisation
from idealaari.search import bp, registry, service
from idealaari.search.limits import limit_searches
from idealaari.search.types import MAX_QUERY_WORDS, SearchParams, SearchUnavailable


def _too_many_searches() -> str:
    return _("Too many searches in a short time. Wait a minute and try again.")


search_limit = limit_searches(_too_many_searches)


@bp.errorhandler(429)
def too_many_searches(error):
    """The search limit was reached: say so in the page, or in place of the htmx swap."""
    message = _too_many_searches()
    if is_fragment_request():
        return htmx_refusal(message, 429)
    return render_template("errors/error.html", status=429, message=message), 429


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
@search_limit
def search():
    """Search everything ever posted, in Finnish; the URL holds the query."""
    params = SearchParams.from_args(request.args)
    context = {
        "params": params,
        "results": None,
        "ideas": [],
        "unavailable": False,
        "labels": _labels(),
        "max_words": MAX_QUERY_WORDS,
        "type_choices": [("all", _("All"))] + [(t.kind, t.label) for t in registry.all_types()],
        "extras": {"awards": {}},
        "oob": is_fragment_request("search-results"),
    }
    try:
        results = service.search(params, current_user)
    except SearchUnavailable as e:
        current_app.logger.error("search unavailable: %s", e)
        context["unavailable"] = True
        context["ideas"] = _fallback(params)
    else:
        context["results"] = results
        context["hits"] = registry.load_hits(results.hits, current_user)
        # The published challenge awards of the ideas on the page, for their badges.
        context["extras"]["awards"] = awards_for_ideas(
            [row.id for t, row, _h in context["hits"] if t.kind == "idea"]
        )
    if is_fragment_request("search-results"):
        return render_template("search/_results.html", **context)
    return render_template("search/index.html", **context)


def _fallback(params: SearchParams) -> list[Idea]:
    """While the index is unavailable: a plain title match, so search still helps."""
    if not params.q:
        return []
    pattern = f"%{params.q[:100]}%"
    statuses = {
        "current": (IdeaStatus.PUBLISHED,),
        "archived": (IdeaStatus.ARCHIVED,),
    }.get(params.status, (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED))
    stmt = idea_queries.ideas_by_status(statuses, idea_queries.IdeaFilters()).where(
        Idea.title.ilike(pattern) | Idea.summary.ilike(pattern)
    )
    return list(db.session.scalars(stmt.limit(20)))


@bp.get("/search/similar")
@search_limit
def similar():
    """Up to five existing ideas like the title being typed (the duplicate guard)."""
    text = (request.args.get("title") or "").strip()[:300]
    exclude = request.args.get("exclude", type=int)
    ideas: list[Idea] = []
    if len(text) >= 4:
        ideas = idea_queries.ideas_in_order(service.similar(text, exclude_id=exclude, limit=5))
    return render_template("search/_similar.html", ideas=ideas, exclude=exclude)
