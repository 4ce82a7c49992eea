"""Notification settings per kind: each kind in the app and by e-mail, everything on by default."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from idealaari.extensions import db
from idealaari.notifications import delivery, queries, registry, services
from idealaari.notifications.models import Notification, NotificationPreference
from tests.notifications.helpers import text_part

GROUPS = {
    "comments",
    "replies",
    "partner_offers",
    "phase_changes",
    "new_ideas",
    "challenges",
    "poll_results",
}


def rows_of(user, kind=None) -> list[Notification]:
    db.session.expire_all()
    stmt = select(Notification).where(Notification.user_id == user.id)
    if kind is not None:
        stmt = stmt.where(Notification.kind == kind)
    return list(db.session.scalars(stmt.order_by(Notification.id)))


def choose(user, **choices) -> None:
    services.set_preferences(user=user, choices=choices)
    db.session.commit()


def test_every_kind_of_news_has_a_settings_group(app):
    assert {g.key for g in registry.settings_groups()} == GROUPS
    assert registry.kinds_in_group("new_ideas") == (
        "new_idea_in_organisation",
        "new_idea_in_theme",
    )
    assert registry.settings_group_of("offer_answer") == "partner_offers"


def test_comments_off_in_the_app_gives_no_comment_notification(
    client, login, make_user, make_idea, make_comment, follow
):
    member = login(make_user())
    idea = make_idea()
    follow(member, "idea", idea.id)
    client.post(
        "/notifications/settings",
        data={
            "digest_frequency": "weekly",
            "kinds_shown": "1",
            "in_app": sorted(GROUPS - {"comments"}),
            "by_email": [],
        },
    )
    make_comment(idea=idea, author=make_user(name="Kaisa Kommentoija"))
    assert rows_of(member) == []  # off in the app and by e-mail: nothing is kept at all
    page = client.get("/notifications").text
    assert "Kaisa Kommentoija" not in page and "bell-count" not in page


def test_in_app_off_but_mail_on_keeps_a_row_only_for_the_mail(
    smtp_server, client, login, make_user, make_idea, make_comment, follow, now
):
    member = login(make_user())
    idea = make_idea()
    idea.author.digest_frequency = "off"
    follow(member, "idea", idea.id)
    choose(member, comments=(False, True))
    make_comment(
        idea=idea,
        author=make_user(name="Kaisa Kommentoija"),
        body="Tämä tulee vain sähköpostilla.",
        created_at=now - timedelta(hours=1),
    )
    [row] = rows_of(member)
    assert row.in_app is False
    assert queries.unread_count(member) == 0
    assert "Kaisa Kommentoija" not in client.get("/notifications").text
    delivery.send_digests(now=now + timedelta(minutes=1))
    [message] = smtp_server.to(member.email)
    assert "Tämä tulee vain sähköpostilla." in text_part(message)


def test_digest_off_for_comments_leaves_them_out_of_the_digest(
    smtp_server, make_user, make_idea, make_comment, follow, now
):
    member = make_user()
    idea = make_idea(author=member)
    other = make_idea()
    other.author.digest_frequency = "off"
    db.session.commit()
    follow(member, "idea", other.id)
    choose(member, comments=(True, False))
    mine = make_comment(
        idea=idea, author=member, body="Oma kommentti.", created_at=now - timedelta(hours=3)
    )
    make_comment(
        idea=other,
        author=make_user(),
        body="Kommentti seurattuun ideaan.",
        created_at=now - timedelta(hours=2),
    )
    make_comment(
        idea=idea,
        author=make_user(name="Vastaaja"),
        body="Vastaus kommenttiisi.",
        parent=mine,
        created_at=now - timedelta(hours=1),
    )
    assert {r.kind for r in rows_of(member)} == {"comment", "reply"}  # both stay in the app
    delivery.send_digests(now=now + timedelta(minutes=1))
    [message] = smtp_server.to(member.email)
    text = text_part(message)
    assert "Vastaus kommenttiisi." in text
    assert "Kommentti seurattuun ideaan." not in text
    [comment_row] = rows_of(member, "comment")
    assert comment_row.emailed_at is None  # not mailed, so not marked


def test_no_digest_at_all_when_every_news_is_switched_off_for_mail(
    smtp_server, make_user, make_idea, make_comment, follow, now
):
    member = make_user()
    idea = make_idea()
    idea.author.digest_frequency = "off"
    db.session.commit()
    follow(member, "idea", idea.id)
    choose(member, comments=(True, False))
    make_comment(idea=idea, author=make_user(), created_at=now - timedelta(hours=1))
    result = delivery.send_digests(now=now + timedelta(minutes=1))
    assert smtp_server.to(member.email) == [] and result.sent == []


def test_partner_offers_off_by_mail_send_no_immediate_mail(smtp_server, make_idea, make_offer):
    idea = make_idea()
    choose(idea.author, partner_offers=(True, False))
    make_offer(idea)
    assert smtp_server.messages == []
    [row] = rows_of(idea.author)
    assert row.in_app and row.emailed_at is None
    assert delivery.send_immediate(now=row.created_at + timedelta(minutes=10)).planned == []


def test_settings_page_shows_every_kind_on_by_default(client, login, make_user):
    login(make_user())
    page = client.get("/notifications/settings").text
    for group in GROUPS:
        for channel in ("in_app", "by_email"):
            assert re.search(rf'<input[^>]*name="{channel}" value="{group}"[^>]* checked', page)
    assert "Comments on what you follow" in page and "Results of polls you voted in" in page


def test_settings_are_saved_and_shown_again(client, login, make_user):
    member = login(make_user())
    resp = client.post(
        "/notifications/settings",
        data={
            "digest_frequency": "daily",
            "kinds_shown": "1",
            "in_app": sorted(GROUPS - {"poll_results"}),
            "by_email": sorted(GROUPS - {"comments", "poll_results"}),
        },
    )
    assert resp.status_code == 303
    saved = queries.preferences_of([member.id])
    assert {(g, p.in_app, p.by_email) for (_uid, g), p in saved.items()} == {
        ("comments", True, False),
        ("poll_results", False, False),
    }
    page = client.get("/notifications/settings").text
    assert not re.search(r'<input[^>]*name="by_email" value="comments"[^>]* checked', page)
    assert re.search(r'<input[^>]*name="in_app" value="comments"[^>]* checked', page)
    # Switching back on removes the row: no row means on.
    client.post(
        "/notifications/settings",
        data={
            "digest_frequency": "daily",
            "kinds_shown": "1",
            "in_app": sorted(GROUPS),
            "by_email": sorted(GROUPS),
        },
    )
    assert db.session.scalars(select(NotificationPreference)).all() == []


def test_a_post_without_the_kinds_keeps_them(client, login, make_user):
    member = login(make_user())
    choose(member, comments=(False, False))
    client.post("/notifications/settings", data={"digest_frequency": "weekly"})
    [(key, pref)] = queries.preferences_of([member.id]).items()
    assert key == (member.id, "comments") and not pref.in_app


def test_an_unknown_kind_is_refused_with_a_message(client, login, make_user):
    member = login(make_user())
    resp = client.post(
        "/notifications/settings",
        data={"digest_frequency": "weekly", "kinds_shown": "1", "in_app": ["gossip"]},
    )
    assert resp.status_code == 422 and "Choose one of the options given." in resp.text
    assert queries.preferences_of([member.id]) == {}


def test_members_change_only_their_own_settings(client, htmx_headers):
    resp = client.post(
        "/notifications/settings",
        data={"digest_frequency": "weekly", "kinds_shown": "1"},
        headers=htmx_headers,
    )
    assert resp.status_code == 401
    assert db.session.scalars(select(NotificationPreference)).all() == []
