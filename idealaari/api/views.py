"""The public read API, version 1: a stable contract for published and archived ideas.

Drafts, hidden and merged ideas never appear. Every parameter is checked: an unknown one or a
bad value is answered with 400 and a JSON message, never silently ignored. Organisation names
follow Accept-Language (fi, sv, en; Finnish by default). Absolute URLs start with
IDEALAARI_BASE_URL when it is set, never with a Host header a client made up.
"""

from __future__ import annotations

import math

from flask import current_app, jsonify, request, url_for
from sqlalchemy import select
from werkzeug.exceptions import HTTPException

from idealaari.api import bp
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.http import MAX_PAGE
from idealaari.ideas import queries
from idealaari.ideas.models import Idea, IdeaStatus, Phase, TargetGroup, Theme
from idealaari.links import external_url
from idealaari.markdown import render_markdown
from idealaari.organisations.models import Organisation
from idealaari.search.limits import limit_searches

PER_PAGE = 20
LANGUAGES = ("fi", "sv", "en")
PUBLIC_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED)
LIST_STATUSES = {
    "all": PUBLIC_STATUSES,
    "published": (IdeaStatus.PUBLISHED,),
    "archived": (IdeaStatus.ARCHIVED,),
}
# The API's status names for the search scopes ("current" is "published" for the public).
SEARCH_STATUSES = {
    "all": "all",
    "published": "current",
    "current": "current",
    "archived": "archived",
}
LIST_PARAMS = (
    "organisation",
    "theme",
    "phase",
    "target_group",
    "seeks_partners",
    "tag",
    "status",
    "page",
)
SEARCH_PARAMS = (
    "q",
    "organisation",
    "theme",
    "phase",
    "target_group",
    "seeks_partners",
    "year",
    "status",
    "sort",
    "page",
    "type",
)
# The search filters that describe ideas only; with type=challenge they are refused.
IDEA_SEARCH_FILTERS = ("organisation", "theme", "phase", "target_group", "seeks_partners", "year")
_FLAGS = {"1": True, "true": True, "yes": True, "0": False, "false": False, "no": False}
MAX_TAG_LENGTH = 40


class ApiError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@bp.errorhandler(ApiError)
def api_error(e: ApiError):
    return jsonify({"error": {"status": e.status, "message": e.message}}), e.status


@bp.errorhandler(429)  # by code: the site's own 429 page would win over the class handler
@bp.errorhandler(HTTPException)
def api_http_error(e: HTTPException):
    return jsonify({"error": {"status": e.code, "message": e.description}}), e.code


@bp.after_request
def _language_headers(response):
    response.headers["Content-Language"] = api_language()
    response.vary.add("Accept-Language")
    return response


def api_language() -> str:
    """The language of names in answers: the best of Accept-Language, else Finnish."""
    return request.accept_languages.best_match(LANGUAGES, default="fi") or "fi"


def _iso(dt) -> str:
    return dt.isoformat().replace("+00:00", "Z")


def absolute_url(endpoint: str, **values) -> str:
    """An absolute URL: under IDEALAARI_BASE_URL when it is set (as in mail), so a forged Host
    header never reaches what the API hands out; else from the request, for development."""
    if current_app.config.get("IDEALAARI_BASE_URL_SET"):
        return external_url(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def organisation_json(org: Organisation) -> dict:
    """The code, and the name in the answer's language (Finnish when there is none)."""
    return {"code": org.code, "name": getattr(org, f"name_{api_language()}", None) or org.name_fi}


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
        "status": idea.status.value,
        "url": absolute_url("ideas.detail", idea_id=idea.id, slug=idea.slug),
        "organisation": organisation_json(idea.organisation),
        "phase": idea.phase.value,
        "themes": [t.slug for t in idea.themes],
        "tags": [t.name for t in idea.tags],
        "created_at": _iso(idea.created_at),
        "updated_at": _iso(idea.updated_at),
        **(counts or engagement_counts([idea])[idea.id]),
    }


# --------------------------------------------------------------------------- parameters


def _check_names(allowed: tuple[str, ...]) -> None:
    """400 for a parameter the endpoint does not know, or one given twice."""
    unknown = sorted(set(request.args) - set(allowed))
    if unknown:
        raise ApiError(
            400, f"Unknown parameter '{unknown[0]}'. This address takes: {', '.join(allowed)}."
        )
    for name in request.args:
        if len(request.args.getlist(name)) > 1:
            raise ApiError(400, f"Give '{name}' only once.")


def _arg(name: str) -> str | None:
    value = (request.args.get(name) or "").strip()
    return value or None


def _int_arg(name: str, default: int, maximum: int = MAX_PAGE) -> int:
    raw = _arg(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.lstrip("-").isdigit()):
        raise ApiError(400, f"'{name}' must be a whole number.")
    if raw.startswith("-") or int(raw) < 1:
        raise ApiError(400, f"'{name}' must be 1 or more.")
    if len(raw) > len(str(maximum)) or int(raw) > maximum:
        raise ApiError(400, f"'{name}' must be at most {maximum}.")
    return int(raw)


def _choice(name: str, choices) -> str | None:
    value = _arg(name)
    if value is not None and value not in choices:
        raise ApiError(400, f"Unknown {name} '{value}'. Use one of: {', '.join(choices)}.")
    return value


def _flag(name: str) -> bool:
    value = (_arg(name) or "0").lower()
    if value not in _FLAGS:
        raise ApiError(400, f"'{name}' must be true or false (1 or 0).")
    return _FLAGS[value]


def _organisation_code() -> str | None:
    code = _arg("organisation")
    if (
        code is not None
        and db.session.scalar(select(Organisation.id).where(Organisation.code == code[:100]))
        is None
    ):
        raise ApiError(400, f"Unknown organisation '{code[:100]}'. See /api/v1/organisations.")
    return code


def _theme_slug() -> str | None:
    slug = _arg("theme")
    if (
        slug is not None
        and db.session.scalar(select(Theme.id).where(Theme.slug == slug[:100])) is None
    ):
        raise ApiError(400, f"Unknown theme '{slug[:100]}'. Use a theme's slug.")
    return slug


def _tag() -> str | None:
    tag = _arg("tag")
    if tag is not None and len(tag) > MAX_TAG_LENGTH:
        raise ApiError(400, f"'tag' must be at most {MAX_TAG_LENGTH} characters.")
    return tag.lower() if tag else None


def _public_idea_or_404(idea_id: int) -> Idea:
    found = db.session.get(Idea, idea_id)
    if found is None or found.status not in PUBLIC_STATUSES:
        raise ApiError(404, "No published or archived idea with that id.")
    return found


# --------------------------------------------------------------------------- endpoints


@bp.get("/ideas")
def ideas():
    """Published and archived ideas, newest first, with the filters of the idea list."""
    _check_names(LIST_PARAMS)
    phase = _choice("phase", [p.value for p in Phase])
    group = _choice("target_group", [g.value for g in TargetGroup])
    status = _choice("status", list(LIST_STATUSES)) or "all"
    filters = queries.IdeaFilters(
        organisation=_organisation_code(),
        theme=_theme_slug(),
        phase=Phase(phase) if phase else None,
        target_group=TargetGroup(group) if group else None,
        seeks_partners=_flag("seeks_partners"),
        tag=_tag(),
    )
    page = _int_arg("page", 1)
    pagination = db.paginate(
        queries.ideas_by_status(LIST_STATUSES[status], filters),
        page=page,
        per_page=PER_PAGE,
        error_out=False,
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
    """One published or archived idea with its body as safe HTML."""
    found = _public_idea_or_404(idea_id)
    return jsonify({**idea_json(found), "body_html": str(render_markdown(found.body))})


@bp.get("/ideas/<int:idea_id>/comments")
def idea_comments(idea_id: int):
    """Visible comments of a published or archived idea, each top-level comment then replies."""
    from idealaari.comments.queries import visible_comments_for_api

    found = _public_idea_or_404(idea_id)
    items = visible_comments_for_api(found.discussion_id)
    return jsonify({"items": items, "total": len(items)})


@bp.get("/search")
@limit_searches("Too many searches from this client. Wait a minute and try again.")
def search():
    """Full-text search over published and archived ideas and approved challenges, in rank
    order, with facet counts; each hit says its `type`.

    Snippets are plain text; `highlights` gives the [start, end) offsets of the matching
    words in them."""
    from idealaari.search import registry
    from idealaari.search import service as search_service
    from idealaari.search.types import SORTS, TYPE_CHOICES, SearchParams, SearchUnavailable

    _check_names(SEARCH_PARAMS)
    kind = _choice("type", TYPE_CHOICES) or "all"
    if kind == "challenge":
        given = [name for name in (*IDEA_SEARCH_FILTERS, "status") if _arg(name) is not None]
        if given:
            raise ApiError(
                400, f"'{given[0]}' filters ideas only; it cannot be used with type=challenge."
            )
    _choice("phase", [p.value for p in Phase])
    _choice("target_group", [g.value for g in TargetGroup])
    _choice("sort", SORTS)
    status = _choice("status", list(SEARCH_STATUSES)) or "all"
    year = _arg("year")
    if year is not None and not (year.isascii() and year.isdigit() and len(year) == 4):
        raise ApiError(400, "'year' must be a year such as 2025.")
    _organisation_code()
    _theme_slug()
    _flag("seeks_partners")
    _int_arg("page", 1)
    params = SearchParams.from_args({**request.args.to_dict(), "status": SEARCH_STATUSES[status]})
    try:
        # Anonymous: the API shows no drafts. It never shows suggestions, so none are made.
        results = search_service.search(params, None, suggestions=False)
    except SearchUnavailable:
        raise ApiError(503, "Search is temporarily unavailable.") from None
    items = []
    for searchable, found, hit in registry.load_hits(results.hits, None):
        if searchable.kind == "idea" and found.status not in PUBLIC_STATUSES:
            continue
        text, highlights = hit.snippet_text()
        items.append(
            {
                "type": searchable.kind,
                "id": hit.id,
                "title": found.title,
                **_search_hit_fields(searchable.kind, found),
                "score": round(hit.score, 4),
                "snippet": text,
                "highlights": [list(span) for span in highlights],
            }
        )
    facets = {name: dict(values) for name, values in results.facets.items()}
    if "status" in facets:
        facets["status"] = {
            "published": facets["status"].get("current", 0),
            "archived": facets["status"].get("archived", 0),
        }
    return jsonify(
        {
            "items": items,
            "total": results.total,
            "page": params.page,
            "pages": results.pages,
            "facets": facets,
        }
    )


def _search_hit_fields(kind: str, found) -> dict:
    """What a search hit adds for its type: an idea's status, a challenge's phase; the url."""
    if kind == "challenge":
        return {
            "phase": found.phase_at(utcnow()).value,
            "url": absolute_url("challenges.detail", challenge_id=found.id, slug=found.slug),
        }
    return {
        "status": found.status.value,
        "url": absolute_url("ideas.detail", idea_id=found.id, slug=found.slug),
    }


@bp.get("/organisations")
def organisations():
    """All organisations of the network; `name` in the answer's language, all three given."""
    orgs = db.session.scalars(select(Organisation).order_by(Organisation.name_fi))
    return jsonify(
        {
            "items": [
                {
                    **organisation_json(o),
                    "name_fi": o.name_fi,
                    "name_sv": o.name_sv,
                    "name_en": o.name_en,
                    "kind": o.kind.value,
                }
                for o in orgs
            ]
        }
    )
