"""Opening a notification marks it read; each one can be marked read on its own."""

from __future__ import annotations

from idealaari.extensions import db
from idealaari.notifications import queries
from idealaari.notifications.models import Notification


def _one_comment_notification(member, make_user, make_idea, make_comment, follow):
    idea = make_idea(title="Kotihoidon etäkäynnit")
    follow(member, "idea", idea.id)
    comment = make_comment(idea=idea, author=make_user(name="Kaisa Kommentoija"))
    db.session.expire_all()
    [n] = db.session.query(Notification).filter_by(user_id=member.id).all()
    return idea, comment, n


def read_at(n):
    db.session.expire_all()
    return db.session.get(Notification, n.id).read_at


def test_opening_marks_read_and_goes_to_the_comment(
    client, login, make_user, make_idea, make_comment, follow
):
    member = login(make_user())
    idea, comment, n = _one_comment_notification(member, make_user, make_idea, make_comment, follow)
    page = client.get("/notifications").text
    assert f'action="/notifications/{n.id}/open"' in page  # a POST: reads never write
    resp = client.post(f"/notifications/{n.id}/open")
    assert resp.status_code == 303
    assert f"/ideas/{idea.id}" in resp.headers["Location"]
    assert read_at(n) is not None and queries.unread_count(member) == 0
    # Once read, it is a plain link.
    page = client.get("/notifications").text
    assert f'action="/notifications/{n.id}/open"' not in page
    assert "Kaisa Kommentoija commented" in page and "Mark read" not in page


def test_opening_is_a_post(client, login, make_user, make_idea, make_comment, follow):
    member = login(make_user())
    _idea, _comment, n = _one_comment_notification(
        member, make_user, make_idea, make_comment, follow
    )
    assert client.get(f"/notifications/{n.id}/open").status_code == 405
    assert read_at(n) is None


def test_someone_elses_notification_cannot_be_opened_or_read(
    client, login, make_user, make_idea, make_comment, follow
):
    owner = make_user()
    _idea, _comment, n = _one_comment_notification(
        owner, make_user, make_idea, make_comment, follow
    )
    login(make_user())
    assert client.post(f"/notifications/{n.id}/open").status_code == 404
    assert client.post(f"/notifications/{n.id}/read").status_code == 404
    assert client.post("/notifications/999999/read").status_code == 404
    assert read_at(n) is None


def test_visitors_are_sent_to_log_in(client, make_user, make_idea, make_comment, follow):
    _idea, _comment, n = _one_comment_notification(
        make_user(), make_user, make_idea, make_comment, follow
    )
    resp = client.post(f"/notifications/{n.id}/open")
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]
    assert (
        client.post(f"/notifications/{n.id}/read", headers={"HX-Request": "true"}).status_code
        == 401
    )
    assert read_at(n) is None


def test_mark_one_read_without_javascript(
    client, login, make_user, make_idea, make_comment, follow
):
    member = login(make_user())
    idea = make_idea()
    follow(member, "idea", idea.id)
    make_comment(idea=idea, author=make_user())
    make_comment(idea=idea, author=make_user())
    first, second = db.session.query(Notification).filter_by(user_id=member.id).all()
    resp = client.post(f"/notifications/{first.id}/read", data={"next": "/notifications?page=1"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/notifications?page=1")
    assert read_at(first) is not None and read_at(second) is None
    page = client.get("/notifications").text
    assert "The notification is marked read." in page
    assert page.count('class="notification unread"') == 1


def test_mark_one_read_with_htmx_swaps_the_row_and_keeps_focus(
    client, login, make_user, make_idea, make_comment, follow
):
    member = login(make_user())
    _idea, _comment, n = _one_comment_notification(
        member, make_user, make_idea, make_comment, follow
    )
    page = client.get("/notifications").text
    assert f'hx-post="/notifications/{n.id}/read" hx-target="#notification-{n.id}"' in page
    resp = client.post(
        f"/notifications/{n.id}/read",
        headers={"HX-Request": "true", "HX-Target": f"notification-{n.id}"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.strip().startswith(f'<li class="notification" id="notification-{n.id}"')
    assert "autofocus" in resp.text  # focus goes to the row's link, not to <body>
    assert resp.headers["HX-Trigger"] == "notifications-changed"  # the bell refreshes
    assert read_at(n) is not None


def test_the_bell_refreshes_when_notifications_change(client, login, make_user):
    login(make_user())
    bell = client.get("/notifications/bell").text
    assert 'hx-trigger="every 60s, notifications-changed from:body"' in bell
