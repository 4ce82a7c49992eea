"""Every element id on a page is unique, so labels, aria-labelledby and skip links point to the
right element (WCAG 4.1.1, 1.3.1). Checked on each main page, logged out and logged in."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from html.parser import HTMLParser

import pytest

from idealaari.accounts.models import Role
from idealaari.comments import services as comment_services
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import PartnerRole
from idealaari.polls.services import create_poll


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: Counter[str] = Counter()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids[value] += 1

    handle_startendtag = handle_starttag


def duplicate_ids(html: str) -> list[str]:
    parser = _Ids()
    parser.feed(html)
    return sorted(i for i, n in parser.ids.items() if n > 1)


def test_duplicate_ids_are_found():
    assert duplicate_ids('<p id="a"></p><br id="a"/><p id="b">') == ["a"]


@pytest.fixture
def scene(make_user, make_idea, make_theme):
    """Ideas that appear in several lists (new, seeking partners), with a comment and a poll."""
    theme = make_theme()
    author = make_user()
    ideas = [
        make_idea(
            author=author,
            themes=[theme],
            tags=["kotihoito"],
            seeks_partners=True,
            partner_roles=[PartnerRole.PILOT_SITE],
        )
        for _ in range(3)
    ]
    idea = ideas[0]
    comment_services.post_comment(discussion=idea.discussion, author=author, body="Hyvä idea.")
    moderator = make_user(role=Role.MODERATOR)
    now = utcnow()
    poll = create_poll(
        actor=moderator,
        question="Mikä teema seuraavaksi?",
        options=["Kotihoito", "Digipalvelut"],
        opens_at=now - timedelta(minutes=1),
        closes_at=now + timedelta(days=1),
    )
    db.session.commit()
    return {"idea": idea, "author": author, "poll": poll, "theme": theme}


def _paths(scene) -> list[str]:
    idea = scene["idea"]
    return [
        "/",
        "/ideas",
        "/ideas/archive",
        f"/ideas/{idea.id}-{idea.slug}",
        "/organisations/",
        f"/organisations/{idea.organisation.code}",
        "/polls",
        f"/polls/{scene['poll'].id}",
        "/search?q=kotihoidon",
        "/themes",
        f"/themes/{scene['theme'].id}",
        f"/members/{scene['author'].id}",
        "/notifications",
        "/login",
        "/register",
        "/accessibility",
    ]


@pytest.mark.parametrize("logged_in", [False, True], ids=["anonymous", "member"])
def test_ids_are_unique_on_every_main_page(client, login, scene, logged_in):
    if logged_in:
        login(scene["author"])
    checked = 0
    for path in _paths(scene):
        resp = client.get(path, follow_redirects=True)
        if resp.status_code != 200 or resp.mimetype != "text/html":
            # /notifications sends anonymous visitors to the login page (followed above);
            # nothing else may fail.
            pytest.fail(f"{path} answered {resp.status_code}")
        assert duplicate_ids(resp.text) == [], path
        checked += 1
    assert checked == len(_paths(scene))
