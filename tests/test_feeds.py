"""Atom feeds of new ideas, the links to them, and the shared feed and calendar builder."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import feedparser
import icalendar
import pytest

from idealaari import feeds
from idealaari.extensions import db
from idealaari.i18n import LANGUAGE_COOKIE
from idealaari.ideas import feed_views
from idealaari.ideas.models import IdeaStatus
from tests.test_reads_do_not_write import recorded_writes

BASE = "https://idealaari.example"
pytestmark = pytest.mark.app_config(ENVIRON={"IDEALAARI_BASE_URL": BASE})


def read_feed(client, path: str, **kwargs):
    response = client.get(path, **kwargs)
    assert response.status_code == 200, path
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def links_of(parsed) -> list[str]:
    found = [link.href for link in parsed.feed.links]
    for entry in parsed.entries:
        found += [entry.id, *(link.href for link in entry.links)]
    return found


def test_the_feed_of_new_ideas_lists_published_ideas_only(client, make_idea):
    published = make_idea(title="Etäkuntoutus kotiin", summary="Kuntoutusta <b>videolla</b>.")
    make_idea(title="Keskeneräinen luonnos", status=IdeaStatus.DRAFT)
    make_idea(title="Piilotettu idea", status=IdeaStatus.HIDDEN)
    make_idea(title="Yhdistetty idea", status=IdeaStatus.MERGED)
    make_idea(title="Arkistoitu idea", status=IdeaStatus.ARCHIVED)
    response = client.get("/ideas/feed.atom")
    parsed = read_feed(client, "/ideas/feed.atom")
    assert [entry.title for entry in parsed.entries] == ["Etäkuntoutus kotiin"]
    for absent in ("luonnos", "Piilotettu", "Yhdistetty", "Arkistoitu"):
        assert absent not in response.text
    entry = parsed.entries[0]
    assert entry.link == f"{BASE}/ideas/{published.id}-{published.slug}"
    assert entry.id == f"tag:idealaari.example,2026:idea/{published.id}"
    # The summary is text as written, never markup of its own.
    assert entry.summary == "Kuntoutusta <b>videolla</b>."
    assert parsed.feed.title == "Idealaari: new ideas"
    assert parsed.feed.id == "tag:idealaari.example,2026:ideas"


def test_every_link_is_absolute_under_the_base_url_not_the_host_header(client, make_idea):
    make_idea()
    parsed = read_feed(client, "/ideas/feed.atom", headers={"Host": "evil.example"})
    rels = {link.rel: link.href for link in parsed.feed.links}
    assert rels == {"self": f"{BASE}/ideas/feed.atom", "alternate": f"{BASE}/ideas"}
    links = links_of(parsed)
    assert all(url.startswith((BASE + "/", "tag:idealaari.example,")) for url in links), links
    assert not any("evil.example" in url or "idealaari.test" in url for url in links)


def test_entries_name_the_organisation_and_nothing_personal(client, make_org, make_user, make_idea):
    client.delete_cookie(LANGUAGE_COOKIE, domain="idealaari.test")  # a feed reader: Finnish
    org = make_org(name="Pirkanmaan hyvinvointialue")
    author = make_user(organisation=org, name="Maija Meikäläinen", email="maija@example.fi")
    make_idea(author=author)
    response = client.get("/ideas/feed.atom")
    parsed = read_feed(client, "/ideas/feed.atom")
    assert parsed.entries[0].author == "Pirkanmaan hyvinvointialue"
    assert "Meikäläinen" not in response.text and "maija@" not in response.text


def test_entries_carry_their_themes_and_dates(client, make_idea, make_theme):
    theme = make_theme(name="Digitaaliset palvelut")
    idea = make_idea(themes=[theme])
    entry = read_feed(client, "/ideas/feed.atom").entries[0]
    assert [(tag.term, tag.label) for tag in entry.tags] == [(theme.slug, theme.name_en)]
    published = datetime(*entry.published_parsed[:6], tzinfo=UTC)
    assert published == idea.published_at.replace(microsecond=0)


def test_newest_published_come_first_and_the_feed_is_limited(client, make_idea, monkeypatch):
    monkeypatch.setattr(feed_views, "FEED_SIZE", 2)
    oldest = make_idea(title="Vanhin julkaistu")
    drafted_long_ago = make_idea(title="Pitkään luonnoksena")
    newer = make_idea(title="Uudempi julkaistu")
    now = newer.published_at
    oldest.created_at = oldest.published_at = now - timedelta(days=5)
    newer.created_at = newer.published_at = now - timedelta(days=1)
    # Drafted first, published last: new to the feed's readers.
    drafted_long_ago.created_at = now - timedelta(days=30)
    drafted_long_ago.published_at = drafted_long_ago.updated_at = now
    db.session.commit()
    parsed = read_feed(client, "/ideas/feed.atom")
    assert [e.title for e in parsed.entries] == ["Pitkään luonnoksena", "Uudempi julkaistu"]
    # The feed was last updated when its newest entry was.
    assert parsed.feed.updated_parsed == parsed.entries[0].updated_parsed


def test_the_thirty_newest_are_shown():
    assert feed_views.FEED_SIZE == 30


def test_an_empty_feed_is_valid_and_does_not_change(client):
    parsed = read_feed(client, "/ideas/feed.atom")
    assert parsed.entries == []
    assert parsed.feed.updated == feeds.EMPTY_FEED_UPDATED.isoformat()


def test_an_unchanged_feed_is_not_sent_again(client, make_idea):
    make_idea()
    first = client.get("/ideas/feed.atom")
    assert first.headers["ETag"] and first.headers["Last-Modified"]
    again = client.get("/ideas/feed.atom", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""


def test_an_organisations_feed_has_only_its_published_ideas(client, make_org, make_user, make_idea):
    org = make_org(name="Pirkanmaan hyvinvointialue")
    author = make_user(organisation=org)
    make_idea(author=author, title="Pirkanmaan idea")
    make_idea(author=author, title="Pirkanmaan luonnos", status=IdeaStatus.DRAFT)
    make_idea(author=author, title="Pirkanmaan piilotettu", status=IdeaStatus.HIDDEN)
    make_idea(title="Toisen alueen idea")
    parsed = read_feed(client, f"/organisations/{org.code}/ideas.atom")
    assert [entry.title for entry in parsed.entries] == ["Pirkanmaan idea"]
    assert parsed.feed.title == f"Idealaari: new ideas – {org.name_en}"
    assert parsed.feed.id == f"tag:idealaari.example,2026:ideas/organisation/{org.id}"
    rels = {link.rel: link.href for link in parsed.feed.links}
    assert rels == {
        "self": f"{BASE}/organisations/{org.code}/ideas.atom",
        "alternate": f"{BASE}/organisations/{org.code}",
    }


def test_a_themes_feed_has_only_its_published_ideas(client, make_idea, make_theme):
    theme = make_theme(name="Digitaaliset palvelut")
    make_idea(title="Teeman idea", themes=[theme])
    make_idea(title="Teeman luonnos", themes=[theme], status=IdeaStatus.DRAFT)
    make_idea(title="Teeman piilotettu", themes=[theme], status=IdeaStatus.HIDDEN)
    make_idea(title="Toisen teeman idea", themes=[make_theme()])
    parsed = read_feed(client, f"/themes/{theme.id}/feed.atom")
    assert [entry.title for entry in parsed.entries] == ["Teeman idea"]
    assert parsed.feed.title == f"Idealaari: new ideas – {theme.name_en}"
    rels = {link.rel: link.href for link in parsed.feed.links}
    assert rels == {
        "self": f"{BASE}/themes/{theme.id}/feed.atom",
        "alternate": f"{BASE}/themes/{theme.id}-{theme.slug}",
    }


def test_feeds_of_unknown_organisations_and_themes_are_not_found(client, make_org, make_theme):
    make_org(code="pirkanmaa")
    theme = make_theme()
    assert client.get("/organisations/ei-ole/ideas.atom").status_code == 404
    assert client.get(f"/themes/{theme.id + 1000}/feed.atom").status_code == 404
    assert client.get("/themes/teema/feed.atom").status_code == 404


def test_reading_feeds_writes_nothing(client, make_org, make_theme, make_idea):
    org = make_org()
    theme = make_theme()
    make_idea(organisation=org, themes=[theme])
    db.session.commit()
    paths = (
        "/ideas/feed.atom",
        f"/organisations/{org.code}/ideas.atom",
        f"/themes/{theme.id}/feed.atom",
    )
    with recorded_writes() as writes:
        for path in paths:
            read_feed(client, path)
    assert writes == []


def _alternate(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" href="([^"]*)">',
        html,
    )


def test_pages_point_at_their_feeds(client, make_org, make_theme, make_idea):
    org = make_org()
    theme = make_theme()
    make_idea(themes=[theme])
    pages = {
        "/ideas": ("Idealaari: new ideas", f"{BASE}/ideas/feed.atom"),
        f"/organisations/{org.code}": (
            f"Idealaari: new ideas – {org.name_en}",
            f"{BASE}/organisations/{org.code}/ideas.atom",
        ),
        f"/themes/{theme.id}-{theme.slug}": (
            f"Idealaari: new ideas – {theme.name_en}",
            f"{BASE}/themes/{theme.id}/feed.atom",
        ),
    }
    for path, (title, url) in pages.items():
        html = client.get(path).text
        # Pages link within the site; the feed's own links are absolute.
        href = url.removeprefix(BASE)
        assert _alternate(html) == [(title, href)], path
        head, body = html.split("</head>")
        assert f'href="{href}" type="application/atom+xml">Subscribe to the feed (Atom)</a>' in body
        rels = {link.rel: link.href for link in read_feed(client, href).feed.links}
        assert rels["self"] == url


def test_pages_without_a_feed_have_no_feed_link(client, make_idea):
    idea = make_idea()
    html = client.get(f"/ideas/{idea.id}-{idea.slug}").text
    assert _alternate(html) == [] and "Subscribe to the feed" not in html


# The shared builder, with made-up entries and events (challenges will use it too).


def test_the_builder_makes_atom_of_neutral_entries(app):
    moment = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
    feed = feeds.Feed(
        id=feeds.tag_uri("challenges/7/entries"),
        title="Haastekisan ehdotukset",
        self_link=f"{BASE}/challenges/7/entries.atom",
        alternate_link=f"{BASE}/challenges/7",
        entries=[
            feeds.FeedEntry(
                id=feeds.tag_uri("entry/2"),
                title="Toinen ehdotus",
                link=f"{BASE}/entries/2",
                updated=moment,
                summary="<p>Sanitoitu <em>HTML</em></p>",
                summary_is_html=True,
                categories=(feeds.FeedCategory("kotihoito"),),
            ),
            feeds.FeedEntry(
                id=feeds.tag_uri("entry/1"),
                title="Ensimmäinen ehdotus",
                link=f"{BASE}/entries/1",
                updated=moment - timedelta(days=2),
                published=moment - timedelta(days=3),
                author="Helsingin kaupunki",
            ),
        ],
    )
    parsed = feedparser.parse(feeds.render_atom(feed))
    assert parsed.bozo == 0
    assert parsed.feed.id == "tag:idealaari.example,2026:challenges/7/entries"
    assert parsed.feed.updated == "2027-03-01T12:00:00+00:00"
    first, second = parsed.entries
    assert first.summary_detail.type == "text/html" and "<em>HTML</em>" in first.summary
    assert parsed.feed.author == "Idealaari"  # stands in for entries without an author
    assert "author" not in first
    assert [tag.term for tag in first.tags] == ["kotihoito"]
    assert second.author == "Helsingin kaupunki" and "summary" not in second


def test_the_builder_refuses_naive_times(app):
    naive = feeds.FeedEntry(id="tag:x,2026:1", title="x", link=BASE, updated=datetime(2027, 1, 1))
    feed = feeds.Feed(
        id="tag:x,2026:f", title="x", self_link=BASE, alternate_link=BASE, entries=[naive]
    )
    with pytest.raises(ValueError):
        feeds.render_atom(feed)


def _calendar_events():
    deadline = datetime(2027, 3, 31, 21, 0, tzinfo=UTC)
    return [
        feeds.CalendarEvent(
            uid=feeds.event_uid("challenge-7-deadline"),
            summary="Haastekisan määräaika",
            start=deadline,
            description="Ehdotukset viimeistään tänään.",
            url=f"{BASE}/challenges/7",
        ),
        feeds.CalendarEvent(
            uid=feeds.event_uid("challenge-7-judging"),
            summary="Arviointi",
            start=datetime(2027, 4, 1, 7, 0, tzinfo=UTC),
            end=datetime(2027, 4, 1, 9, 30, tzinfo=UTC),
        ),
        feeds.CalendarEvent(
            uid=feeds.event_uid("challenge-7-results"),
            summary="Tulokset",
            start=date(2027, 4, 15),
        ),
    ]


def test_the_calendar_builder_makes_ical_that_reads_back(app):
    stamp = datetime(2027, 1, 2, 3, 4, 5, tzinfo=UTC)
    data = feeds.render_calendar("Idealaari: haastekisat", _calendar_events(), now=stamp)
    calendar = icalendar.Calendar.from_ical(data)
    assert str(calendar["PRODID"]) == feeds.PRODID
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Idealaari: haastekisat"
    deadline, judging, results = calendar.walk("VEVENT")
    assert str(deadline["UID"]) == "challenge-7-deadline@idealaari.example"
    assert str(deadline["SUMMARY"]) == "Haastekisan määräaika"
    assert deadline.decoded("DTSTART") == datetime(2027, 3, 31, 21, 0, tzinfo=UTC)
    assert "DTEND" not in deadline  # a deadline is a moment
    assert str(deadline["DESCRIPTION"]) == "Ehdotukset viimeistään tänään."
    assert str(deadline["URL"]) == f"{BASE}/challenges/7"
    assert deadline.decoded("DTSTAMP") == stamp
    assert judging.decoded("DTEND") - judging.decoded("DTSTART") == timedelta(hours=2, minutes=30)
    # An all-day event: dates, and the end is the (exclusive) next day.
    assert results.decoded("DTSTART") == date(2027, 4, 15)
    assert results.decoded("DTEND") == date(2027, 4, 16)


def test_the_calendar_response_is_text_calendar(app):
    with app.test_request_context():
        response = feeds.calendar_response(
            "Määräajat", _calendar_events(), filename="idealaari-maaraajat.ics"
        )
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "idealaari-maaraajat.ics" in response.headers["Content-Disposition"]
    assert len(icalendar.Calendar.from_ical(response.data).walk("VEVENT")) == 3


def test_the_calendar_builder_refuses_mixed_and_naive_times(app):
    mixed = feeds.CalendarEvent(
        uid="x@y", summary="x", start=date(2027, 1, 1), end=datetime(2027, 1, 2, tzinfo=UTC)
    )
    naive = feeds.CalendarEvent(uid="x@y", summary="x", start=datetime(2027, 1, 1))
    for event in (mixed, naive):
        with pytest.raises(ValueError):
            feeds.render_calendar("x", [event])
