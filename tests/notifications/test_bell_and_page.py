"""The bell with the unread count, the notifications page and "mark all read"."""

from __future__ import annotations

from sqlalchemy import select

from idealaari.extensions import db
from idealaari.notifications import queries
from idealaari.notifications.models import Notification


def test_bell_for_a_visitor_has_no_count(client):
    resp = client.get("/notifications/bell")
    assert resp.status_code == 200 and "<html" not in resp.text
    assert 'id="bell"' in resp.text and "bell-count" not in resp.text


def test_bell_counts_unread_notifications(
    client, login, make_user, make_idea, make_comment, follow, htmx_headers
):
    member = login(make_user())
    idea = make_idea()
    follow(member, "idea", idea.id)
    make_comment(idea=idea, author=make_user())
    make_comment(idea=idea, author=make_user())
    resp = client.get("/notifications/bell", headers=htmx_headers)
    assert resp.status_code == 200 and "<html" not in resp.text
    assert '<span class="bell-count">2<' in resp.text
    assert 'hx-get="/notifications/bell"' in resp.text


def test_header_shows_the_unread_count_without_javascript(
    client, login, make_user, make_idea, make_comment, follow
):
    """The count is in the page itself; htmx only refreshes it."""
    member = login(make_user())
    assert "bell-count" not in client.get("/").text
    idea = make_idea()
    follow(member, "idea", idea.id)
    make_comment(idea=idea, author=make_user())
    page = client.get("/ideas").text
    assert page.count('id="bell"') == 1
    assert '<span class="bell-count">1<' in page
    assert 'hx-get="/notifications/bell"' in page and 'hx-trigger="load"' not in page


def test_header_counts_with_one_query(client, login, make_user, count_queries):
    login(make_user())
    client.get("/")  # warm up what every page loads once
    with count_queries() as statements:
        client.get("/")
    assert sum("FROM notifications" in s for s in statements) == 1


def test_visitors_get_no_bell(client):
    assert 'id="bell"' not in client.get("/").text


def test_page_lists_notifications_newest_first(
    client, login, make_user, make_idea, make_comment, follow
):
    member = login(make_user())
    idea = make_idea(title="Kotihoidon etäkäynnit")
    follow(member, "idea", idea.id)
    make_comment(idea=idea, author=make_user(name="Eka Kommentoija"))
    make_comment(idea=idea, author=make_user(name="Toka Kommentoija"))
    page = client.get("/notifications")
    assert page.status_code == 200 and page.text.count("<h1") == 1
    assert page.text.index("Toka Kommentoija commented") < page.text.index(
        "Eka Kommentoija commented"
    )
    assert page.text.count('class="notification unread"') == 2
    assert "Mark all read" in page.text


def test_page_is_for_members(client):
    resp = client.get("/notifications")
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]


def test_mark_all_read(client, login, make_user, make_idea, make_comment, follow):
    member = login(make_user())
    other = make_user()
    idea = make_idea()
    follow(member, "idea", idea.id)
    follow(other, "idea", idea.id)
    make_comment(idea=idea, author=make_user())
    resp = client.post("/notifications/read-all")
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/notifications")
    db.session.expire_all()
    rows = db.session.scalars(select(Notification)).all()
    assert all(r.read_at is not None for r in rows if r.user_id == member.id)
    assert all(r.read_at is None for r in rows if r.user_id == other.id)  # only one's own
    assert "bell-count" not in client.get("/notifications/bell").text
    page = client.get("/notifications").text
    assert "bell-count" not in page
    assert "All notifications are marked read." in page and "Mark all read" not in page
    assert queries.unread_count(member) == 0


def test_mark_all_read_is_for_members(client, htmx_headers):
    assert client.post("/notifications/read-all").status_code == 302
    resp = client.post("/notifications/read-all", headers=htmx_headers)
    assert resp.status_code == 401 and "HX-Redirect" in resp.headers


def test_empty_page_explains_following(client, login, make_user):
    login(make_user())
    assert "Follow ideas, organisations and themes" in client.get("/notifications").text
