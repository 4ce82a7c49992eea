"""Organisation pages: the network's members by organisation."""

from __future__ import annotations

from flask import abort, render_template

from idealaari.extensions import db
from idealaari.ideas import queries as idea_queries
from idealaari.organisations import bp, queries
from idealaari.organisations.models import OrganisationKind


@bp.get("/")
def index():
    """Every organisation, grouped by kind, with its number of published ideas."""
    groups: dict[OrganisationKind, list] = {kind: [] for kind in OrganisationKind}
    rows = sorted(idea_queries.counts_by_organisation(), key=lambda row: row[0].name.casefold())
    for org, n in rows:
        groups[org.kind].append((org, n))
    return render_template(
        "organisations/index.html",
        groups=[(k, v) for k, v in groups.items() if v],
        total=len(rows),
    )


@bp.get("/<code>")
def detail(code: str):
    """One organisation and its published ideas."""
    org = queries.by_code(code)
    if org is None:
        abort(404)
    ideas = list(
        db.session.scalars(
            idea_queries.published_ideas(idea_queries.IdeaFilters(organisation=code)).limit(50)
        )
    )
    return render_template("organisations/detail.html", organisation=org, ideas=ideas)
