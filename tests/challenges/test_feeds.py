"""A challenge's Atom feed (entries, then results), its deadline calendar and the calendar of
all open and upcoming challenges, and the links to them on the challenge pages."""

from __future__ import annotations

import re
from datetime import timedelta

import feedparser
import icalendar
import pytest

from idealaari.challenges import services
from idealaari.challenges.models import Award, AwardKind, ChallengeStatus, Entry
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.http import MAX_ID
from idealaari.ideas.models import IdeaStatus
from tests.challenges.conftest import fields
from tests.test_reads_do_not_write import recorded_writes

BASE = "https://idealaari.example"
pytestmark = pytest.mark.app_config(ENVIRON={"IDEALAARI_BASE_URL": BASE})
HOUR = timedelta(hours=1)


def read_feed(client, path: str):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.data)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def read_calendar(client, path: str) -> icalendar.Calendar:
    response = client.get(path)
    assert response.status_code == 200, path
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.data)


def events_by_uid(calendar) -> dict[str, icalendar.Event]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def enter(challenge, idea, *, at):
    entry = Entry(challenge_id=challenge.id, idea_id=idea.id, entered_at=at)
    db.session.add(entry)
    db.session.flush()
    return entry


def proposed_and_rejected(area_contact, moderator):
    proposed = services.propose_challenge(
        actor=area_contact, values=fields(area_contact.organisation, title="Ehdotettu haaste")
    )
    rejected = services.propose_challenge(
        actor=area_contact, values=fields(area_contact.organisation, title="Hylätty haaste")
    )
    services.decide_challenge(actor=moderator, challenge=rejected, approve=False, note="Ei nyt.")
    db.session.commit()
    return proposed, rejected


# --------------------------------------------------------------------------- Atom


def test_the_feed_lists_public_entries_newest_first(client, make_challenge, make_idea):
    challenge = make_challenge(phase="submission")
    now = utcnow()
    older = enter(challenge, make_idea(title="Kotikäynnit videolla"), at=now - 3 * HOUR)
    newer = enter(challenge, make_idea(title="Digituki kirjastoissa"), at=now - HOUR)
    hidden = make_idea(title="Piilotettu ehdotus", status=IdeaStatus.HIDDEN)
    enter(challenge, hidden, at=now)
    db.session.commit()

    parsed = read_feed(client, f"/challenges/{challenge.id}/feed.atom")
    assert [e.title for e in parsed.entries] == ["Digituki kirjastoissa", "Kotikäynnit videolla"]
    first = parsed.entries[0]
    assert first.id == f"tag:idealaari.example,2026:challenge/{challenge.id}/entry/{newer.id}"
    assert first.link == f"{BASE}/ideas/{newer.idea.id}-{newer.idea.slug}"
    assert first.author == newer.idea.organisation.name_en
    assert first.summary == newer.idea.summary
    assert parsed.entries[1].id.endswith(f"/entry/{older.id}")
    assert parsed.feed.title == f"Idealaari: {challenge.title} – entries and results"
    assert parsed.feed.id == f"tag:idealaari.example,2026:challenge/{challenge.id}"
    rels = {link.rel: link.href for link in parsed.feed.links}
    assert rels == {
        "self": f"{BASE}/challenges/{challenge.id}/feed.atom",
        "alternate": f"{BASE}/challenges/{challenge.id}-{challenge.slug}",
    }
    assert "Piilotettu" not in client.get(f"/challenges/{challenge.id}/feed.atom").text


def test_the_results_appear_once_published_with_statements(client, make_challenge, make_idea):
    challenge = make_challenge(phase="results")
    start = challenge.submission_opens_at
    winner = enter(challenge, make_idea(title="Voittava idea"), at=start + HOUR)
    mention = enter(challenge, make_idea(title="Mainittu idea"), at=start + 2 * HOUR)
    plain = enter(challenge, make_idea(title="Muu ehdotus"), at=start + 3 * HOUR)
    db.session.add_all(
        [
            Award(
                challenge_id=challenge.id,
                entry_id=winner.id,
                kind=AwardKind.WINNER,
                statement="Levitettävä <malli> koko maahan.",
            ),
            Award(
                challenge_id=challenge.id,
                entry_id=mention.id,
                kind=AwardKind.MENTION,
                statement="Rohkea kokeilu.",
            ),
        ]
    )
    db.session.commit()
    path = f"/challenges/{challenge.id}/feed.atom"

    # Awards the jury has decided stay private until the results are published.
    before = client.get(path).text
    assert "Levitettävä" not in before and "Results" not in before
    assert len(read_feed(client, path).entries) == 3

    challenge.results_published_at = utcnow() - HOUR
    db.session.commit()
    parsed = read_feed(client, path)
    results = parsed.entries[0]
    assert results.title == f"Results: {challenge.title}"
    assert results.id == f"tag:idealaari.example,2026:challenge/{challenge.id}/results"
    assert results.link == f"{BASE}/challenges/{challenge.id}-{challenge.slug}"
    assert results.summary_detail.type == "text/html"
    html = results.summary
    assert html.index("Winners") < html.index("Voittava idea") < html.index("Honourable mentions")
    assert html.index("Honourable mentions") < html.index("Mainittu idea")
    assert "Muu ehdotus" not in html
    # Statements are text: escaped, never markup of their own.
    assert "Levitettävä &lt;malli&gt; koko maahan." in html and "Rohkea kokeilu." in html
    assert f'href="{BASE}/ideas/{winner.idea.id}-{winner.idea.slug}"' in html
    assert [e.title for e in parsed.entries[1:]] == [
        "Muu ehdotus",
        "Mainittu idea",
        "Voittava idea",
    ]
    assert plain.id  # an entry without an award is listed, but not in the results


def test_feeds_and_calendars_of_proposals_are_not_found_even_for_managers(
    client, login, area_contact, moderator
):
    proposed, rejected = proposed_and_rejected(area_contact, moderator)
    for user in (None, area_contact, moderator):
        if user is not None:
            login(user)
        for challenge in (proposed, rejected):
            for suffix in ("feed.atom", "deadlines.ics"):
                assert client.get(f"/challenges/{challenge.id}/{suffix}").status_code == 404
    calendar = client.get("/challenges/deadlines.ics").text
    assert "Ehdotettu" not in calendar and "Hylätty" not in calendar


def test_unknown_and_impossible_challenges_are_not_found(client, make_challenge):
    challenge = make_challenge()
    for challenge_id in (challenge.id + 1000, MAX_ID + 1, 2**63):
        for suffix in ("feed.atom", "deadlines.ics"):
            assert client.get(f"/challenges/{challenge_id}/{suffix}").status_code == 404
    assert client.get("/challenges/abc/feed.atom").status_code == 404


# --------------------------------------------------------------------------- iCalendar


def test_a_challenges_calendar_has_each_deadline_in_utc(client, make_challenge):
    challenge = make_challenge(phase="submission")
    calendar = read_calendar(client, f"/challenges/{challenge.id}/deadlines.ics")
    assert str(calendar["X-WR-CALNAME"]) == f"Idealaari: {challenge.title} – deadlines"
    events = events_by_uid(calendar)
    expected = {
        "submission-opens": challenge.submission_opens_at,
        "submission-closes": challenge.submission_closes_at,
        "voting-closes": challenge.voting_closes_at,
        "evaluation-closes": challenge.evaluation_closes_at,
        "closes": challenge.closes_at,
    }
    assert set(events) == {f"challenge-{challenge.id}-{key}@idealaari.example" for key in expected}
    for key, moment in expected.items():
        event = events[f"challenge-{challenge.id}-{key}@idealaari.example"]
        # Seconds, in UTC: the times are written with Z, and no VTIMEZONE is needed.
        assert event.decoded("DTSTART") == moment.replace(microsecond=0)
        assert event.decoded("DTSTART").utcoffset() == timedelta(0)
        assert str(event["URL"]) == f"{BASE}/challenges/{challenge.id}-{challenge.slug}"
        assert "DTEND" not in event  # a deadline is a moment
    assert calendar.walk("VTIMEZONE") == []
    closes = events[f"challenge-{challenge.id}-submission-closes@idealaari.example"]
    assert str(closes["SUMMARY"]) == f"{challenge.title}: submission closes"
    assert challenge.summary in str(closes["DESCRIPTION"])
    text = client.get(f"/challenges/{challenge.id}/deadlines.ics").text
    starts = re.findall(r"^DTSTART[^\r\n]*", text, flags=re.M)
    assert len(starts) == 5 and all(re.fullmatch(r"DTSTART:\d{8}T\d{6}Z", s) for s in starts)


def test_skipped_phases_have_no_event(client, make_challenge):
    challenge = make_challenge(phase="submission", voting_closes_at=None, evaluation_closes_at=None)
    challenge.voting_closes_at = challenge.evaluation_closes_at = None
    db.session.commit()
    events = events_by_uid(read_calendar(client, f"/challenges/{challenge.id}/deadlines.ics"))
    keys = {uid.split("@")[0].removeprefix(f"challenge-{challenge.id}-") for uid in events}
    assert keys == {"submission-opens", "submission-closes", "closes"}


def test_a_moved_deadline_updates_the_event_under_the_same_uid(client, make_challenge, moderator):
    challenge = make_challenge(phase="submission")
    path = f"/challenges/{challenge.id}/deadlines.ics"
    uid = f"challenge-{challenge.id}-submission-closes@idealaari.example"
    before = events_by_uid(read_calendar(client, path))
    first = client.get(path)
    assert client.get(path, headers={"If-None-Match": first.headers["ETag"]}).status_code == 304

    new_end = challenge.submission_closes_at + timedelta(days=3)
    services.move_phase_end(
        actor=moderator,
        challenge=challenge,
        new_end=new_end,
        reason="Lisäaikaa",
        now=utcnow() + timedelta(minutes=5),
    )
    db.session.commit()
    after = events_by_uid(read_calendar(client, path))
    assert set(after) == set(before)  # the same UIDs: calendars update, not duplicate
    assert after[uid].decoded("DTSTART") == new_end.replace(microsecond=0)
    assert after[uid].decoded("DTSTART") != before[uid].decoded("DTSTART")
    assert int(before[uid]["SEQUENCE"]) == 0 and int(after[uid]["SEQUENCE"]) == 1
    assert after[uid].decoded("LAST-MODIFIED") > before[uid].decoded("LAST-MODIFIED")
    assert after[uid].decoded("DTSTAMP") > before[uid].decoded("DTSTAMP")
    # The file changed, so the old ETag no longer answers 304.
    again = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200


def test_the_calendar_of_all_challenges_has_open_and_upcoming_ones(
    client, make_challenge, area_contact, moderator
):
    open_one = make_challenge(phase="voting", title="Avoin haaste")
    upcoming = make_challenge(phase="upcoming", title="Tuleva haaste")
    past = make_challenge(phase="closed", title="Päättynyt haaste")
    proposed_and_rejected(area_contact, moderator)
    calendar = read_calendar(client, "/challenges/deadlines.ics")
    assert str(calendar["X-WR-CALNAME"]) == "Idealaari: challenge deadlines"
    ids = {str(uid).split("-")[1] for uid in events_by_uid(calendar)}
    assert ids == {str(open_one.id), str(upcoming.id)}
    assert past.status == ChallengeStatus.APPROVED
    starts = [event.decoded("DTSTART") for event in calendar.walk("VEVENT")]
    assert starts == sorted(starts)
    response = client.get("/challenges/deadlines.ics")
    assert "idealaari-challenges.ics" in response.headers["Content-Disposition"]


def test_an_empty_calendar_is_valid(client):
    calendar = read_calendar(client, "/challenges/deadlines.ics")
    assert calendar.walk("VEVENT") == [] and str(calendar["VERSION"]) == "2.0"


def test_reading_feeds_and_calendars_writes_nothing(client, make_challenge, make_idea):
    challenge = make_challenge(phase="submission")
    enter(challenge, make_idea(), at=utcnow())
    db.session.commit()
    paths = (
        f"/challenges/{challenge.id}/feed.atom",
        f"/challenges/{challenge.id}/deadlines.ics",
        "/challenges/deadlines.ics",
    )
    with recorded_writes() as writes:
        for path in paths:
            assert client.get(path).status_code == 200
    assert writes == []


# --------------------------------------------------------------------------- links on pages


def _alternates(html: str) -> list[tuple[str, str, str]]:
    head = html.split("</head>")[0]
    return re.findall(r'<link rel="alternate" type="([^"]*)" title="([^"]*)" href="([^"]*)">', head)


def test_the_challenge_page_links_its_feed_and_calendar(client, make_challenge):
    challenge = make_challenge(phase="submission")
    html = client.get(f"/challenges/{challenge.id}-{challenge.slug}").text
    feed = f"/challenges/{challenge.id}/feed.atom"
    calendar = f"/challenges/{challenge.id}/deadlines.ics"
    assert _alternates(html) == [
        ("application/atom+xml", f"Idealaari: {challenge.title} – entries and results", feed),
        ("text/calendar", f"Idealaari: {challenge.title} – deadlines", calendar),
    ]
    body = html.split("</head>")[1]
    assert f'href="{feed}" type="application/atom+xml">Subscribe to the feed (Atom)</a>' in body
    assert f'href="{calendar}" type="text/calendar" download>Add the deadlines' in body
    assert read_feed(client, feed).feed.title.startswith("Idealaari:")
    assert read_calendar(client, calendar).walk("VEVENT")


def test_the_challenge_list_links_the_calendar_of_all(client, make_challenge):
    make_challenge()
    html = client.get("/challenges").text
    assert _alternates(html) == [
        ("text/calendar", "Idealaari: challenge deadlines", "/challenges/deadlines.ics")
    ]
    assert 'href="/challenges/deadlines.ics" type="text/calendar" download>' in html


def test_a_proposal_page_has_no_feed_links(client, login, area_contact, moderator):
    proposed, _rejected = proposed_and_rejected(area_contact, moderator)
    login(area_contact)
    html = client.get(f"/challenges/{proposed.id}-{proposed.slug}").text
    assert "Ehdotettu haaste" in html
    assert _alternates(html) == []
    assert "feed.atom" not in html and "deadlines.ics" not in html
