"""Every mail has an unsubscribe link that works without logging in: GET asks, POST stops mail."""

from __future__ import annotations

import time

import pytest
from itsdangerous import TimestampSigner

from idealaari.extensions import db
from idealaari.notifications import mail
from tests.notifications.helpers import unsubscribe_path


def frequency_of(user) -> str:
    db.session.expire_all()
    return user.digest_frequency


def test_the_link_in_a_mail_asks_and_then_stops_all_mail(
    client, smtp_server, make_idea, make_offer
):
    idea = make_idea()
    make_offer(idea)
    path = unsubscribe_path(smtp_server.messages[0])

    page = client.get(path)  # a visitor: the link works without logging in
    assert page.status_code == 200
    assert "Stop all e-mail" in page.text and f'action="{path}"' in page.text
    assert page.headers["Cache-Control"] == "no-store"
    assert frequency_of(idea.author) == "weekly"  # GET changes nothing

    done = client.post(path)
    assert done.status_code == 200 and "no more e-mail" in done.text
    assert frequency_of(idea.author) == "off"

    make_offer(idea)  # and no more immediate mail
    assert len(smtp_server.messages) == 1


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_one_click_unsubscribe_from_a_mail_program(client, smtp_server, make_idea, make_offer):
    """RFC 8058: the mail program POSTs to the List-Unsubscribe URL, with no CSRF token."""
    idea = make_idea()
    make_offer(idea)
    path = unsubscribe_path(smtp_server.messages[0])
    resp = client.post(path, data={"List-Unsubscribe": "One-Click"})
    assert resp.status_code == 200
    assert frequency_of(idea.author) == "off"


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_other_posts_still_need_a_csrf_token(client, login, make_user):
    login(make_user())
    assert client.post("/notifications/read-all").status_code == 400


def test_a_tampered_token_is_refused_clearly(client, make_user):
    member = make_user()
    token = mail.unsubscribe_token(member)
    tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for method in (client.get, client.post):
        resp = method(f"/notifications/unsubscribe/{tampered}")
        assert resp.status_code == 400
        assert "This unsubscribe link is not valid" in resp.text
    assert client.get("/notifications/unsubscribe/not-a-token").status_code == 400
    assert frequency_of(member) == "weekly"


def test_a_token_for_another_purpose_is_refused(client, app, make_user):
    from itsdangerous import URLSafeTimedSerializer

    member = make_user()
    other = URLSafeTimedSerializer(app.secret_key, salt="some-other-use").dumps({"user": member.id})
    assert client.post(f"/notifications/unsubscribe/{other}").status_code == 400
    assert frequency_of(member) == "weekly"


def test_an_expired_token_is_refused_clearly(client, make_user, monkeypatch):
    member = make_user()
    sixty_one_days_ago = int(time.time()) - 61 * 24 * 3600
    with monkeypatch.context() as m:
        m.setattr(TimestampSigner, "get_timestamp", lambda self: sixty_one_days_ago)
        token = mail.unsubscribe_token(member)
    for method in (client.get, client.post):
        resp = method(f"/notifications/unsubscribe/{token}")
        assert resp.status_code == 400
        assert "This unsubscribe link has expired" in resp.text
    assert frequency_of(member) == "weekly"


def test_a_fifty_nine_day_old_token_still_works(client, make_user, monkeypatch):
    member = make_user()
    fifty_nine_days_ago = int(time.time()) - 59 * 24 * 3600
    with monkeypatch.context() as m:
        m.setattr(TimestampSigner, "get_timestamp", lambda self: fifty_nine_days_ago)
        token = mail.unsubscribe_token(member)
    assert client.post(f"/notifications/unsubscribe/{token}").status_code == 200
    assert frequency_of(member) == "off"


def test_a_token_of_a_deleted_member_is_refused(client, make_user):
    member = make_user()
    token = mail.unsubscribe_token(member)
    db.session.delete(member)
    db.session.commit()
    assert client.get(f"/notifications/unsubscribe/{token}").status_code == 400


def test_unsubscribing_twice_is_harmless(client, make_user):
    member = make_user()
    path = f"/notifications/unsubscribe/{mail.unsubscribe_token(member)}"
    assert client.post(path).status_code == 200
    assert client.post(path).status_code == 200
    page = client.get(path)
    assert (
        "already off" in page.text
        and "<form" not in page.text.split("<main")[1].split("</main>")[0]
    )
