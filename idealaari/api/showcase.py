"""`GET /api/v1/showcase/<year>`: a published showcase as JSON.

The compiled year as stored (ids, titles, organisation codes and enum values), the
introduction as safe HTML, and the highlights in their order. Drafts are 404, as for a year
without a showcase. Organisation names follow Accept-Language, as elsewhere in the API.
"""

from __future__ import annotations

from flask import jsonify

from idealaari.api import bp
from idealaari.api.views import ApiError, _check_names, _iso, absolute_url, api_language
from idealaari.markdown import render_markdown
from idealaari.showcase import queries


def _named(org: dict | None) -> dict | None:
    if not org:
        return org
    return {
        "code": org.get("code"),
        "name": org.get(f"name_{api_language()}") or org.get("name_fi"),
        "kind": org.get("kind"),
    }


def _localised(value):
    """Organisations in the snapshot get `name` in the answer's language."""
    if isinstance(value, dict):
        if "code" in value and "name_fi" in value:
            return _named(value)
        return {k: _localised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_localised(v) for v in value]
    return value


def _with_urls(value):
    """Ideas and challenges in the snapshot get their absolute `url`."""
    if isinstance(value, list):
        return [_with_urls(v) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _with_urls(v) for k, v in value.items()}
    if "slug" in value and "id" in value:
        # Ideas carry their summary; challenges do not.
        if "summary" in value:
            out["url"] = absolute_url("ideas.detail", idea_id=value["id"], slug=value["slug"])
        else:
            out["url"] = absolute_url(
                "challenges.detail", challenge_id=value["id"], slug=value["slug"]
            )
    return out


@bp.get("/showcase/<int:year>")
def showcase(year: int):
    """A published showcase; 404 for drafts and years without one."""
    _check_names(())
    found = queries.showcase_of(year)
    if found is None or not found.is_published:
        raise ApiError(404, f"No published showcase for {year}.")
    data = dict(found.snapshot or {})
    data.pop("version", None)
    data["previous_year_totals"] = data.pop("previous_totals", None)
    highlights = [
        {
            "position": i,
            "kind": p.highlight.kind.value,
            "id": p.highlight.item_id,
            "title": p.candidate.title,
            "idea_id": p.candidate.idea_id,
        }
        for i, p in enumerate(queries.picked(found), start=1)
    ]
    return jsonify(
        {
            "year": found.year,
            "url": absolute_url("showcase.detail", year=found.year),
            "pdf_url": absolute_url("showcase.pdf", year=found.year),
            "published_at": _iso(found.published_at),
            "compiled_at": _iso(found.compiled_at),
            "intro_html": str(render_markdown(found.intro or "")),
            "highlights": highlights,
            **_with_urls(_localised(data)),
        }
    )
