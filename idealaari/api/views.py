"""The public read API, version 1: a stable contract for published ideas."""

from __future__ import annotations

import math

from flask import jsonify, request, url_for
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from idealaari.api import bp
from idealaari.extensions import db
from idealaari.ideas import queries
from idealaari.ideas.models import Idea, IdeaStatus, Phase
from idealaari.markdown import render_markdown
from idealaari.organisations.models import Organisation

PER_PAGE = 20


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@bp.errorhandler(ApiError)
def api_error(e: ApiError):
    return jsonify({"error": {"status": e.status, "message": e.message}}), e.status


@bp.errorhandler(HTTPException)
def api_http_error(e: HTTPException):
    return jsonify({"error": {"status": e.code, "message": e.description}}), e.code


def _iso(dt) -> str:
    return dt.isoformat().replace("+00:00", "Z")


def engagement_counts(ideas: list[Idea]) -> dict[int, dict[str, int]]:
    """Votes, visible comments and accepted partners per idea, in two grouped queries."""
    from idealaari.comments.queries import comment_counts
    from idealaari.partners.queries import partner_counts

    ids = [i.id for i in ideas]
    comments = comment_counts([i.discussion_id for i in ideas])
    partners = partner_counts(ids)
    return {
        i.id: {
            "votes": i.vote_count,
            "comments": comments.get(i.discussion_id, 0),
            "partners": partners.get(i.id, 0),
        }
        for i in ideas
    }


def idea_json(idea: Idea, counts: dict[str, int] | None = None) -> dict:
    return {
        "id": idea.id,
        "title": idea.title,
        "summary": idea.summary,
        "url": url_for("ideas.detail", idea_id=idea.id, slug=idea.slug, _external=True),
        "organisation": {"code": idea.organisation.code, "name": idea.organisation.name_fi},
        "phase": idea.phase.value,
        "themes": [t.slug for t in idea.themes],
        "tags": [t.name for t in idea.tags],
        "created_at": _iso(idea.created_at),
        "updated_at": _iso(idea.updated_at),
        **(counts or engagement_counts([idea])[idea.id]),
    }


def _int_arg(name: str, default: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f"'{name}' must be a whole number.") from None
    if value < 1:
        raise ApiError(400, f"'{name}' must be 1 or more.")
    return value


@bp.get("/ideas")
def ideas():
    """Published ideas, newest first, filtered by organisation code, theme slug and phase."""
    phase = request.args.get("phase") or None
    if phase is not None and phase not in Phase._value2member_map_:
        raise ApiError(
            400, f"Unknown phase '{phase}'. Use one of: {', '.join(p.value for p in Phase)}."
        )
    filters = queries.IdeaFilters(
        organisation=request.args.get("organisation") or None,
        theme=request.args.get("theme") or None,
        phase=Phase(phase) if phase else None,
    )
    page = _int_arg("page", 1)
    pagination = db.paginate(
        queries.published_ideas(filters), page=page, per_page=PER_PAGE, error_out=False
    )
    counts = engagement_counts(pagination.items)
    return jsonify(
        {
            "items": [idea_json(i, counts[i.id]) for i in pagination.items],
            "page": page,
            "pages": max(1, math.ceil((pagination.total or 0) / PER_PAGE)),
            "total": pagination.total,
        }
    )


@bp.get("/ideas/<int:idea_id>")
def idea(idea_id: int):
    """One published idea with its body as safe HTML."""
    found = db.session.get(Idea, idea_id)
    if found is None or found.status != IdeaStatus.PUBLISHED:
        raise ApiError(404, "No published idea with that id.")
    return jsonify({**idea_json(found), "body_html": str(render_markdown(found.body))})


@bp.get("/ideas/<int:idea_id>/comments")
def idea_comments(idea_id: int):
    """Visible comments of a published idea, each top-level comment followed by its replies."""
    from idealaari.comments.queries import visible_comments_for_api

    found = db.session.get(Idea, idea_id)
    if found is None or found.status != IdeaStatus.PUBLISHED:
        raise ApiError(404, "No published idea with that id.")
    items = visible_comments_for_api(found.discussion_id)
    return jsonify({"items": items, "total": len(items)})


@bp.get("/search")
def search():
    """Full-text search over published ideas, in rank order, with facet counts."""
    from idealaari.search import service as search_service
    from idealaari.search.types import SearchParams, SearchUnavailable

    phase = request.args.get("phase") or None
    if phase is not None and phase not in Phase._value2member_map_:
        raise ApiError(
            400, f"Unknown phase '{phase}'. Use one of: {', '.join(p.value for p in Phase)}."
        )
    _int_arg("page", 1)
    params = SearchParams.from_args(request.args)
    try:
        results = search_service.search(params, None)
    except SearchUnavailable:
        raise ApiError(503, "Search is temporarily unavailable.") from None
    ideas = {
        i.id: i
        for i in db.session.scalars(
            select(Idea).where(Idea.id.in_([h.idea_id for h in results.hits]))
        )
    }
    items = [
        {
            "id": hit.idea_id,
            "title": ideas[hit.idea_id].title,
            "url": url_for(
                "ideas.detail", idea_id=hit.idea_id, slug=ideas[hit.idea_id].slug, _external=True
            ),
            "score": round(hit.score, 4),
            "snippet": str(hit.snippet),
        }
        for hit in results.hits
        if hit.idea_id in ideas and ideas[hit.idea_id].status == IdeaStatus.PUBLISHED
    ]
    return jsonify(
        {
            "items": items,
            "total": results.total,
            "page": params.page,
            "pages": results.pages,
            "facets": {name: dict(values) for name, values in results.facets.items()},
        }
    )


@bp.get("/organisations")
def organisations():
    """All organisations of the network."""
    orgs = db.session.scalars(select(Organisation).order_by(Organisation.name_fi))
    return jsonify(
        {
            "items": [
                {
                    "code": o.code,
                    "name": o.name_fi,
                    "name_sv": o.name_sv,
                    "name_en": o.name_en,
                    "kind": o.kind.value,
                }
                for o in orgs
            ]
        }
    )
