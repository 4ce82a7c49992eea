"""Atom feeds and iCalendar files, built from neutral entries and events for any domain.

A domain maps its rows to `FeedEntry` or `CalendarEvent` and gives its own titles; this module
knows nothing of ideas or challenges. Every link in a feed or a calendar is absolute under
IDEALAARI_BASE_URL (idealaari.links): feed readers and calendars keep the links long after the
request, and a request's Host header can be made up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from urllib.parse import quote, urlsplit

import icalendar
from feedgen.feed import FeedGenerator
from flask import Response, current_app, request

from idealaari.dbtypes import utcnow
from idealaari.links import external_url

ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8"
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"
# The date in every tag: URI (RFC 4151). Changing it would change every feed and entry id, and
# feed readers would show everything as new again.
TAG_DATE = "2026"
# The `updated` of a feed with no entries: fixed, so an empty feed looks unchanged to readers.
EMPTY_FEED_UPDATED = datetime(2026, 1, 1, tzinfo=UTC)
PRODID = "-//Idealaari//Idealaari//FI"


def _host() -> str:
    return urlsplit(current_app.config["IDEALAARI_BASE_URL"]).hostname or "localhost"


def tag_uri(specific: str) -> str:
    """A stable tag: URI under the site's host, such as `tag:idealaari.fi,2026:idea/12`."""
    return f"tag:{_host()},{TAG_DATE}:{quote(specific, safe='/:@-._~')}"


def event_uid(specific: str) -> str:
    """A globally unique iCalendar UID under the site's host, such as `challenge-3@idealaari.fi`."""
    return f"{quote(specific, safe='-._~')}@{_host()}"


@dataclass(frozen=True)
class FeedCategory:
    term: str
    label: str | None = None


@dataclass(frozen=True)
class FeedEntry:
    """One entry of an Atom feed: an idea, a challenge entry, a result..."""

    id: str  # a tag_uri() that stays the same when the row is edited
    title: str
    link: str  # absolute, from external_url()
    updated: datetime
    published: datetime | None = None
    author: str | None = None
    summary: str = ""
    # True when summary is HTML that is already sanitised (idealaari.markdown); else plain text.
    summary_is_html: bool = False
    categories: tuple[FeedCategory, ...] = ()


@dataclass(frozen=True)
class Feed:
    """An Atom feed: its id, title, its own address and the page it belongs to, and entries."""

    id: str  # a tag_uri()
    title: str
    self_link: str  # absolute: the feed's own address
    alternate_link: str  # absolute: the page the feed follows
    entries: Sequence[FeedEntry] = field(default_factory=tuple)
    subtitle: str | None = None
    # Atom needs an author for every entry; entries without one have the feed's.
    author: str = "Idealaari"

    @property
    def updated(self) -> datetime:
        """The newest entry's `updated`; a fixed moment when there are no entries."""
        return max((entry.updated for entry in self.entries), default=EMPTY_FEED_UPDATED)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("naive datetime given; use timezone-aware UTC")
    return moment.astimezone(UTC)


def render_atom(feed: Feed) -> bytes:
    """The feed as an Atom 1.0 document, entries in the given order."""
    fg = FeedGenerator()
    fg.id(feed.id)
    fg.title(feed.title)
    if feed.subtitle:
        fg.subtitle(feed.subtitle)
    fg.author({"name": feed.author})
    fg.link(href=feed.self_link, rel="self", type="application/atom+xml")
    fg.link(href=feed.alternate_link, rel="alternate", type="text/html")
    fg.updated(_utc(feed.updated))
    fg.icon(external_url("static", filename="img/favicon.svg"))
    fg.generator("Idealaari", uri=current_app.config["IDEALAARI_BASE_URL"])
    for entry in feed.entries:
        fe = fg.add_entry(order="append")
        fe.id(entry.id)
        fe.title(entry.title)
        fe.link(href=entry.link, rel="alternate", type="text/html")
        fe.updated(_utc(entry.updated))
        if entry.published:
            fe.published(_utc(entry.published))
        if entry.author:
            fe.author({"name": entry.author})
        if entry.summary:
            fe.summary(entry.summary, type="html" if entry.summary_is_html else "text")
        for category in entry.categories:
            fe.category(term=category.term, label=category.label)
    return fg.atom_str(pretty=True)


def atom_response(feed: Feed) -> Response:
    """The feed as an `application/atom+xml` response that answers conditional GETs."""
    response = Response(render_atom(feed), content_type=ATOM_CONTENT_TYPE)
    response.last_modified = feed.updated
    response.add_etag()
    # Titles follow the reader's language, which a cookie chooses.
    response.vary.add("Cookie")
    return response.make_conditional(request)


@dataclass(frozen=True)
class CalendarEvent:
    """One event of a calendar, such as a challenge's deadline.

    A `date` start (not a datetime) makes an all-day event; without an end it lasts that day.
    A datetime start without an end is a moment, as a deadline is.
    """

    uid: str  # an event_uid() that stays the same when the event moves
    summary: str
    start: datetime | date
    end: datetime | date | None = None
    description: str = ""
    url: str | None = None  # absolute, from external_url()
    # A calendar app that imported the file replaces its copy when SEQUENCE grows (same UID).
    sequence: int = 0
    last_modified: datetime | None = None

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)


def _event(event: CalendarEvent, stamp: datetime) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp)
    vevent.add("summary", event.summary)
    if event.all_day:
        if isinstance(event.end, datetime):
            raise ValueError("an all-day event ends on a date, not at a time")
        vevent.add("dtstart", event.start)
        # DTEND of an all-day event is exclusive: the day after the last day.
        vevent.add("dtend", event.end or event.start + timedelta(days=1))
    else:
        if event.end is not None and not isinstance(event.end, datetime):
            raise ValueError("an event that starts at a time ends at a time")
        vevent.add("dtstart", _utc(event.start))
        if event.end is not None:
            vevent.add("dtend", _utc(event.end))
    if event.description:
        vevent.add("description", event.description)
    if event.url:
        vevent.add("url", event.url)
    vevent.add("sequence", event.sequence)
    if event.last_modified is not None:
        vevent.add("last-modified", _utc(event.last_modified))
    return vevent


def render_calendar(
    name: str, events: Sequence[CalendarEvent], *, now: datetime | None = None
) -> bytes:
    """The events as an iCalendar (RFC 5545) file named `name`; `now` is its DTSTAMP."""
    stamp = _utc(now or utcnow())
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_event(event, stamp))
    return calendar.to_ical()


def calendar_response(
    name: str,
    events: Sequence[CalendarEvent],
    *,
    now: datetime | None = None,
    filename: str | None = None,
) -> Response:
    """The events as a `text/calendar` response; with `filename`, offered as a download."""
    response = Response(render_calendar(name, events, now=now), content_type=CALENDAR_CONTENT_TYPE)
    if filename:
        response.headers.set("Content-Disposition", "attachment", filename=filename)
    response.vary.add("Cookie")
    # An ETag only: which events a calendar holds can change with the clock alone, so a
    # Last-Modified could say "unchanged" wrongly. Pass a fixed `now` for the ETag to hold.
    response.add_etag()
    return response.make_conditional(request)
