"""A challenge's Atom feed (new entries, then the results once published) and the iCalendar
files of challenge deadlines: one per challenge and one for all open and upcoming challenges.

Feeds and calendars are read anonymously (feed readers and calendar apps send no login), so a
proposed or rejected challenge is not found for anyone, its managers included.

Deadlines are moments in UTC (`DTSTART:...Z`, no VTIMEZONE): calendar apps show them in their
own time zone, and no time zone rules have to travel in the file. Each phase boundary keeps
its UID for good (`challenge-<id>-submission-closes@host`), so a calendar updates the event
when a date moves instead of adding a second one. SEQUENCE counts the recorded timeline moves
of the challenge (an extension or an early end), LAST-MODIFIED is the challenge's last edit,
and DTSTAMP is the newest edit of the calendar's challenges: it grows with any change, the
dates edited before submission opens included, and keeps the file the same (and its ETag
valid) while nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from flask import abort
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy import func, select

from idealaari import feeds, permissions
from idealaari.challenges import bp, queries, results
from idealaari.challenges.models import (
    TIMELINE_FIELDS,
    Award,
    AwardKind,
    Challenge,
    Entry,
    PhaseChange,
)
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.feed_views import FeedLink
from idealaari.ideas.models import IdeaStatus
from idealaari.links import external_url

FEED_SIZE = 30
PUBLIC_IDEA_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED)


# --------------------------------------------------------------------------- reads


def public_awards(challenge: Challenge) -> list[Award] | None:
    """The published awards (None before the results are published), winners first, without
    those of ideas that are no longer public (hidden since, for instance)."""
    if challenge.results_published_at is None:
        return None
    return [
        award
        for award in results.published_awards(challenge)
        if award.entry.idea.status in PUBLIC_IDEA_STATUSES
    ]


def _public_or_404(challenge_id: int) -> Challenge:
    challenge = db.get_or_404(Challenge, challenge_id)
    # Anonymous on purpose: a feed address can be shared, and feed readers send no login.
    if not permissions.can_view_challenge(None, challenge):
        abort(404)
    return challenge


def _page_url(challenge: Challenge, **kwargs) -> str:
    return external_url(
        "challenges.detail", challenge_id=challenge.id, slug=challenge.slug, **kwargs
    )


# --------------------------------------------------------------------------- links for pages


@bp.app_template_global("challenge_feed")
def challenge_feed(challenge: Challenge) -> FeedLink:
    """The Atom feed of a challenge's new entries and results."""
    return FeedLink(
        _("Idealaari: %(title)s – entries and results", title=challenge.title),
        "challenges.feed",
        {"challenge_id": challenge.id},
    )


@bp.app_template_global("challenge_calendar")
def challenge_calendar(challenge: Challenge | None = None) -> FeedLink:
    """The deadlines of one challenge, or of all open and upcoming ones, as iCalendar."""
    if challenge is None:
        return FeedLink(_("Idealaari: challenge deadlines"), "challenges.all_deadlines")
    return FeedLink(
        _("Idealaari: %(title)s – deadlines", title=challenge.title),
        "challenges.deadlines",
        {"challenge_id": challenge.id},
    )


# --------------------------------------------------------------------------- Atom


def _entry_item(entry: Entry) -> feeds.FeedEntry:
    idea = entry.idea
    return feeds.FeedEntry(
        id=feeds.tag_uri(f"challenge/{entry.challenge_id}/entry/{entry.id}"),
        title=idea.title,
        link=external_url("ideas.detail", idea_id=idea.id, slug=idea.slug),
        # When it was entered: later edits of the idea are not news of the challenge.
        updated=entry.entered_at,
        published=entry.entered_at,
        author=idea.organisation.name,
        summary=idea.summary,
        categories=tuple(feeds.FeedCategory(theme.slug, theme.name) for theme in idea.themes),
    )


def _award_list(heading: str, awards: Iterable[Award]) -> Markup:
    items = Markup("").join(
        Markup('<li><a href="{url}">{title}</a> ({org}){statement}</li>').format(
            url=external_url("ideas.detail", idea_id=a.entry.idea.id, slug=a.entry.idea.slug),
            title=a.entry.idea.title,
            org=a.entry.idea.organisation.name,
            statement=Markup("<br>{}").format(a.statement) if a.statement else "",
        )
        for a in awards
    )
    return Markup("<h3>{}</h3><ul>{}</ul>").format(heading, items) if items else Markup("")


def _results_item(challenge: Challenge, awards: list[Award]) -> feeds.FeedEntry:
    winners = [a for a in awards if a.kind == AwardKind.WINNER]
    mentions = [a for a in awards if a.kind == AwardKind.MENTION]
    summary = _award_list(_("Winners"), winners) + _award_list(_("Honourable mentions"), mentions)
    if not awards:
        summary = Markup("<p>{}</p>").format(_("The jury gave no awards."))
    return feeds.FeedEntry(
        id=feeds.tag_uri(f"challenge/{challenge.id}/results"),
        title=_("Results: %(title)s", title=challenge.title),
        link=_page_url(challenge),
        updated=challenge.results_published_at,
        published=challenge.results_published_at,
        author=challenge.problem_owner.name,
        summary=str(summary),
        summary_is_html=True,  # built from escaped text above
    )


@bp.get("/challenges/<int:challenge_id>/feed.atom")
def feed(challenge_id: int):
    """A challenge's newest entries and, once published, its results, as Atom."""
    challenge = _public_or_404(challenge_id)
    entries = sorted(
        queries.entries_of(challenge), key=lambda e: (e.entered_at, e.id), reverse=True
    )
    items = [_entry_item(e) for e in entries[:FEED_SIZE]]
    awards = public_awards(challenge)
    if awards is not None:
        items.append(_results_item(challenge, awards))
    items.sort(key=lambda item: item.updated, reverse=True)
    link = challenge_feed(challenge)
    return feeds.atom_response(
        feeds.Feed(
            id=feeds.tag_uri(f"challenge/{challenge.id}"),
            title=link.title,
            subtitle=challenge.summary,
            self_link=link.absolute_url,
            alternate_link=_page_url(challenge),
            entries=items,
            author=challenge.problem_owner.name,
        )
    )


# --------------------------------------------------------------------------- iCalendar


def _boundaries(challenge: Challenge) -> list[tuple[str, datetime, str]]:
    """The phase boundaries this challenge has: (UID key, moment, summary)."""
    title = challenge.title
    summaries = {
        "submission_opens_at": _("%(title)s: submission opens", title=title),
        "submission_closes_at": _("%(title)s: submission closes", title=title),
        "voting_closes_at": _("%(title)s: voting closes", title=title),
        "evaluation_closes_at": _("%(title)s: evaluation closes, results due", title=title),
        "closes_at": _("%(title)s: the challenge closes", title=title),
    }
    return [
        # "submission_closes_at" -> "submission-closes": the UID key, never to change.
        (name.removesuffix("_at").replace("_", "-"), getattr(challenge, name), summaries[name])
        for name in TIMELINE_FIELDS
        if getattr(challenge, name) is not None
    ]


def _moves(challenges: list[Challenge]) -> dict[int, int]:
    """How many timeline moves each challenge has recorded, in one query."""
    if not challenges:
        return {}
    rows = db.session.execute(
        select(PhaseChange.challenge_id, func.count())
        .where(PhaseChange.challenge_id.in_([c.id for c in challenges]))
        .group_by(PhaseChange.challenge_id)
    )
    return {challenge_id: count for challenge_id, count in rows}


def deadline_events(challenges: list[Challenge]) -> list[feeds.CalendarEvent]:
    """One event per phase boundary of each challenge, in time order."""
    moves = _moves(challenges)
    events = []
    for challenge in challenges:
        url = _page_url(challenge)
        for key, moment, summary in _boundaries(challenge):
            events.append(
                feeds.CalendarEvent(
                    uid=feeds.event_uid(f"challenge-{challenge.id}-{key}"),
                    summary=summary,
                    start=moment,
                    description=f"{challenge.summary}\n\n{url}",
                    url=url,
                    sequence=moves.get(challenge.id, 0),
                    last_modified=challenge.updated_at,
                )
            )
    events.sort(key=lambda event: (event.start, event.uid))
    return events


def _stamp(challenges: list[Challenge]) -> datetime:
    return max((c.updated_at for c in challenges), default=feeds.EMPTY_FEED_UPDATED)


@bp.get("/challenges/<int:challenge_id>/deadlines.ics")
def deadlines(challenge_id: int):
    """One challenge's deadlines, as iCalendar."""
    challenge = _public_or_404(challenge_id)
    return feeds.calendar_response(
        challenge_calendar(challenge).title,
        deadline_events([challenge]),
        now=_stamp([challenge]),
        filename=f"idealaari-challenge-{challenge.id}.ics",
    )


@bp.get("/challenges/deadlines.ics")
def all_deadlines():
    """The deadlines of every approved challenge that is open or upcoming, as iCalendar."""
    now = utcnow()
    challenges = []
    for state in ("open", "upcoming"):
        challenges += db.session.scalars(
            queries.challenges_in(queries.ChallengeFilters(state=state), now)
        ).unique()
    return feeds.calendar_response(
        challenge_calendar().title,
        deadline_events(challenges),
        now=_stamp(challenges),
        filename="idealaari-challenges.ics",
    )
