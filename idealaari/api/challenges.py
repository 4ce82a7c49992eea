"""The public read API for challenges: approved challenges with their timeline, entries and,
once published, results.

Proposed and rejected challenges never appear. Jury data never appears either: no jurors,
criteria weights or scorecards, no scores, notes or recusals; only what the public challenge
page shows. Vote counts appear only when the challenge's rules show them (`hide_votes_until_
closed` keeps them back until voting closes). Parameters are checked as in idealaari.api.views.
"""

from __future__ import annotations

import math
from datetime import datetime

from flask import jsonify
from sqlalchemy import func, select

from idealaari import permissions
from idealaari.api import bp
from idealaari.api.views import (
    PER_PAGE,
    ApiError,
    _check_names,
    _choice,
    _int_arg,
    _iso,
    _theme_slug,
    absolute_url,
    organisation_json,
)
from idealaari.challenges import queries
from idealaari.challenges.feeds import PUBLIC_IDEA_STATUSES, public_awards
from idealaari.challenges.models import Challenge, Entry, VotingMode
from idealaari.challenges.voting import counts_visible
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea, Theme
from idealaari.markdown import render_markdown

LIST_PARAMS = ("state", "theme", "page")


def _when(moment: datetime | None) -> str | None:
    return _iso(moment) if moment is not None else None


def _entry_counts(challenges: list[Challenge]) -> dict[int, int]:
    """Entries whose ideas are public, per challenge, in one grouped query."""
    if not challenges:
        return {}
    rows = db.session.execute(
        select(Entry.challenge_id, func.count())
        .join(Idea, Entry.idea_id == Idea.id)
        .where(
            Entry.challenge_id.in_([c.id for c in challenges]),
            Idea.status.in_(PUBLIC_IDEA_STATUSES),
        )
        .group_by(Entry.challenge_id)
    )
    return {challenge_id: count for challenge_id, count in rows}


def _idea_url(idea: Idea) -> str:
    return absolute_url("ideas.detail", idea_id=idea.id, slug=idea.slug)


def challenge_json(challenge: Challenge, entry_count: int, now: datetime) -> dict:
    """What the list gives of a challenge: what its card and timeline show."""
    return {
        "id": challenge.id,
        "title": challenge.title,
        "summary": challenge.summary,
        "url": absolute_url("challenges.detail", challenge_id=challenge.id, slug=challenge.slug),
        "problem_owner": organisation_json(challenge.problem_owner),
        "themes": [t.slug for t in challenge.themes],
        "prize": challenge.prize or None,
        "phase": challenge.phase_at(now).value,
        "timeline": [
            {
                "phase": span.phase.value,
                "starts_at": _when(span.starts_at),
                "ends_at": _when(span.ends_at),
            }
            for span in challenge.timeline()
        ],
        "voting_mode": challenge.voting_mode.value if challenge.has_voting else "none",
        "vote_budget": (
            challenge.vote_budget
            if challenge.has_voting and challenge.voting_mode == VotingMode.BUDGET
            else None
        ),
        "entry_count": entry_count,
        "results_published_at": _when(challenge.results_published_at),
    }


def _entry_json(entry: Entry, with_votes: bool) -> dict:
    found = {
        "id": entry.id,
        "idea_id": entry.idea.id,
        "idea_title": entry.idea.title,
        "idea_url": _idea_url(entry.idea),
        "entered_at": _iso(entry.entered_at),
    }
    if with_votes:
        found["votes"] = entry.vote_count
    return found


def _results_json(challenge: Challenge) -> dict | None:
    awards = public_awards(challenge)
    if awards is None:
        return None
    return {
        "published_at": _iso(challenge.results_published_at),
        "awards": [
            {
                "kind": award.kind.value,
                "position": award.position,
                "statement": award.statement,
                "entry_id": award.entry_id,
                "idea_id": award.entry.idea.id,
                "idea_title": award.entry.idea.title,
                "idea_url": _idea_url(award.entry.idea),
            }
            for award in awards
        ],
    }


def _public_challenge_or_404(challenge_id: int) -> Challenge:
    found = db.session.get(Challenge, challenge_id)
    if found is None or not permissions.can_view_challenge(None, found):
        raise ApiError(404, "No approved challenge with that id.")
    return found


@bp.get("/challenges")
def challenges():
    """Approved challenges that are open (default), upcoming or past, as the challenge list."""
    _check_names(LIST_PARAMS)
    state = _choice("state", queries.LIST_STATES) or "open"
    slug = _theme_slug()
    theme_id = db.session.scalar(select(Theme.id).where(Theme.slug == slug)) if slug else None
    page = _int_arg("page", 1)
    now = utcnow()
    pagination = db.paginate(
        queries.challenges_in(queries.ChallengeFilters(state=state, theme_id=theme_id), now),
        page=page,
        per_page=PER_PAGE,
        error_out=False,
    )
    counts = _entry_counts(pagination.items)
    return jsonify(
        {
            "items": [challenge_json(c, counts.get(c.id, 0), now) for c in pagination.items],
            "page": page,
            "pages": max(1, math.ceil((pagination.total or 0) / PER_PAGE)),
            "total": pagination.total,
        }
    )


@bp.get("/challenges/<int:challenge_id>")
def challenge(challenge_id: int):
    """One approved challenge with its brief as safe HTML, its entries and its results."""
    found = _public_challenge_or_404(challenge_id)
    now = utcnow()
    entries = queries.entries_of(found)
    with_votes = counts_visible(found, now)
    return jsonify(
        {
            **challenge_json(found, len(entries), now),
            "brief_html": str(render_markdown(found.brief)),
            "entries": [_entry_json(e, with_votes) for e in entries],
            "results": _results_json(found),
        }
    )
