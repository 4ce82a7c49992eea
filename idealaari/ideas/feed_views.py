"""Atom feeds of new published ideas: all of them, one organisation's, and one theme's."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import abort, url_for
from flask_babel import gettext as _
from sqlalchemy import func

from idealaari import feeds
from idealaari.extensions import db
from idealaari.ideas import bp, queries
from idealaari.ideas.models import Idea, Theme
from idealaari.links import external_url
from idealaari.organisations import queries as org_queries
from idealaari.organisations.models import Organisation

FEED_SIZE = 30


@dataclass(frozen=True)
class FeedLink:
    """A feed's title and address, for the feed itself and for the pages that point at it."""

    title: str
    endpoint: str
    values: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        """The address on the site, for pages (which link nothing outside the site)."""
        return url_for(self.endpoint, **self.values)

    @property
    def absolute_url(self) -> str:
        """The address under IDEALAARI_BASE_URL, for the feed's self link."""
        return external_url(self.endpoint, **self.values)


def _title(name: str | None = None) -> str:
    if name is None:
        return _("Idealaari: new ideas")
    return _("Idealaari: new ideas – %(name)s", name=name)


@bp.app_template_global("idea_feed")
def idea_feed(organisation: Organisation | None = None, theme: Theme | None = None) -> FeedLink:
    """The feed of new ideas for a page: all ideas, or one organisation's or theme's."""
    if organisation is not None:
        code = organisation.code
        return FeedLink(_title(organisation.name), "ideas.organisation_feed", {"code": code})
    if theme is not None:
        return FeedLink(_title(theme.name), "ideas.theme_feed", {"theme_id": theme.id})
    return FeedLink(_title(), "ideas.feed")


def newest_published(filters: queries.IdeaFilters) -> list[Idea]:
    """The newest published ideas by when they were published, not drafted: an idea drafted
    long ago and published today is new to the feed's readers."""
    published = func.coalesce(Idea.published_at, Idea.created_at)
    stmt = (
        queries.published_ideas(filters)
        .order_by(None)
        .order_by(published.desc(), Idea.id.desc())
        .limit(FEED_SIZE)
    )
    return list(db.session.scalars(stmt))


def _entry(idea: Idea) -> feeds.FeedEntry:
    # Only what the idea's public page shows: the organisation stands for its author.
    published = idea.published_at or idea.created_at
    return feeds.FeedEntry(
        id=feeds.tag_uri(f"idea/{idea.id}"),
        title=idea.title,
        link=external_url("ideas.detail", idea_id=idea.id, slug=idea.slug),
        updated=max(idea.updated_at, published),
        published=published,
        author=idea.organisation.name,
        summary=idea.summary,
        categories=tuple(feeds.FeedCategory(theme.slug, theme.name) for theme in idea.themes),
    )


def _feed(specific: str, link: FeedLink, page_url: str, filters: queries.IdeaFilters):
    entries = [_entry(idea) for idea in newest_published(filters)]
    feed = feeds.Feed(
        id=feeds.tag_uri(specific),
        title=link.title,
        self_link=link.absolute_url,
        alternate_link=page_url,
        entries=entries,
    )
    return feeds.atom_response(feed)


@bp.get("/ideas/feed.atom")
def feed():
    """The newest published ideas of the whole network, as Atom."""
    return _feed("ideas", idea_feed(), external_url("ideas.index"), queries.IdeaFilters())


@bp.get("/organisations/<code>/ideas.atom")
def organisation_feed(code: str):
    """One organisation's newest published ideas, as Atom."""
    org = org_queries.by_code(code)
    if org is None:
        abort(404)
    return _feed(
        f"ideas/organisation/{org.id}",
        idea_feed(organisation=org),
        external_url("organisations.detail", code=org.code),
        queries.IdeaFilters(organisation=org.code),
    )


@bp.get("/themes/<int:theme_id>/feed.atom")
def theme_feed(theme_id: int):
    """One theme's newest published ideas, as Atom."""
    theme = db.get_or_404(Theme, theme_id)
    return _feed(
        f"ideas/theme/{theme.id}",
        idea_feed(theme=theme),
        external_url("ideas.theme", theme_id=theme.id, slug=theme.slug),
        queries.IdeaFilters(theme=theme.slug),
    )
