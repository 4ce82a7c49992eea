"""Partner offers and their answers are mailed at once, after the commit, over real SMTP."""

from __future__ import annotations

import email
import email.policy
from datetime import timedelta

import pytest
from flask import jsonify
from sqlalchemy import select

from idealaari.accounts.models import Role
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import PartnerRole
from idealaari.notifications import delivery
from idealaari.notifications.models import Notification
from idealaari.partners import notifications as partner_notifications
from idealaari.partners.models import PartnerOffer
from idealaari.partners.notifications import PartnerNotice
from tests.notifications.helpers import BASE_URL, html_part, text_part


def notifications_of(user, kind=None) -> list[Notification]:
    db.session.expire_all()
    stmt = select(Notification).where(Notification.user_id == user.id)
    if kind is not None:
        stmt = stmt.where(Notification.kind == kind)
    return list(db.session.scalars(stmt.order_by(Notification.id)))


def test_partner_offer_mail_arrives_with_the_idea_title(
    smtp_server, make_idea, make_user, make_offer
):
    idea = make_idea(title="Kotihoidon etäkäynnit videoyhteydellä")
    member = make_user(name="Maija Meikäläinen")
    make_offer(idea, member=member, message="Meillä on testiyksikkö kotihoidossa.")

    [message] = smtp_server.messages
    assert message["To"].addresses[0].addr_spec == idea.author.email
    assert "Kotihoidon etäkäynnit videoyhteydellä" in message["Subject"]
    assert "Maija Meikäläinen" in message["Subject"]
    text = text_part(message)
    assert "Meillä on testiyksikkö kotihoidossa." in text
    assert f"{BASE_URL}/ideas/{idea.id}" in text  # the partners page, or the idea
    assert "Kotihoidon etäkäynnit videoyhteydellä" in html_part(message)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # A plain <URL> on one line, as mail programs expect it (not RFC 2047 encoded words).
    raw = smtp_server.envelopes[0].content
    assert f"\r\nList-Unsubscribe: <{BASE_URL}/notifications/unsubscribe/".encode() in raw
    [row] = notifications_of(idea.author, PartnerNotice.PARTNER_OFFER)
    assert row.emailed_at is not None and row.digested_at is None
    assert notifications_of(member) == []  # the one who offered hears nothing of their own offer


def test_every_editor_gets_their_own_mail(smtp_server, make_org, make_user, make_idea, make_offer):
    org = make_org()
    author = make_user(organisation=org)
    contact = make_user(organisation=org, role=Role.AREA_CONTACT)
    idea = make_idea(author=author)
    make_offer(idea)
    assert sorted(m["To"].addresses[0].addr_spec for m in smtp_server.messages) == sorted(
        [author.email, contact.email]
    )


def test_the_answer_is_mailed_to_the_member_who_offered(
    smtp_server, make_idea, make_offer, answer_offer
):
    idea = make_idea(title="Digituki ikäihmisille")
    offer = make_offer(idea)
    answer_offer(offer, actor=idea.author)
    [answer] = smtp_server.to(offer.user.email)
    assert "Digituki ikäihmisille" in answer["Subject"] and "accepted" in answer["Subject"]


def test_mail_is_in_the_recipients_language(smtp_server, make_user, make_idea, make_offer):
    swedish = make_user()
    swedish.locale = "sv"
    finnish = make_user()
    finnish.locale = None  # no language chosen: Finnish
    db.session.commit()
    make_offer(make_idea(author=swedish))
    make_offer(make_idea(author=finnish))
    assert '<html lang="sv">' in html_part(smtp_server.to(swedish.email)[0])
    assert '<html lang="fi">' in html_part(smtp_server.to(finnish.email)[0])


def test_no_mail_for_members_who_turned_mail_off(smtp_server, make_idea, make_offer):
    idea = make_idea()
    idea.author.digest_frequency = "off"
    db.session.commit()
    make_offer(idea)
    assert smtp_server.messages == []
    [row] = notifications_of(idea.author)
    assert row.emailed_at is None  # still on the notifications page


def test_a_rolled_back_offer_sends_nothing(smtp_server, make_idea, make_user):
    idea = make_idea()
    member = make_user()
    offer = PartnerOffer(
        idea_id=idea.id,
        user_id=member.id,
        organisation_id=member.organisation_id,
        role=PartnerRole.RESEARCHER,
        message="",
    )
    db.session.add(offer)
    db.session.flush()
    partner_notifications.notify_partner_offer(offer=offer)
    db.session.rollback()
    db.session.commit()
    assert smtp_server.messages == []


def test_outbox_backend_writes_a_readable_eml_file(outbox_dir, make_idea, make_offer):
    idea = make_idea(title="Yhteiskehittämisen työkalupakki")
    make_offer(idea)
    [path] = outbox_dir.glob("*.eml")
    assert idea.author.email in path.name
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert "Yhteiskehittämisen työkalupakki" in message["Subject"]
    assert "Yhteiskehittämisen työkalupakki" in text_part(message)
    assert not list(outbox_dir.glob(".*"))  # no half-written files left behind


def _offer_route(app):
    """A stand-in for the partners view: make an offer in a request and commit once."""

    def make_offer_in_request(idea_id, member_id):
        from idealaari.accounts.models import User

        member = db.session.get(User, member_id)
        offer = PartnerOffer(
            idea_id=idea_id,
            user_id=member.id,
            organisation_id=member.organisation_id,
            role=PartnerRole.PILOT_SITE,
            message="Tervetuloa testaamaan.",
        )
        db.session.add(offer)
        db.session.flush()
        partner_notifications.notify_partner_offer(offer=offer)
        db.session.commit()
        return jsonify(offer=offer.id)

    app.add_url_rule(
        "/test/offer/<int:idea_id>/<int:member_id>",
        "test_offer",
        make_offer_in_request,
        methods=["POST"],
    )


def test_request_mails_after_its_commit(app, client, smtp_server, make_idea, make_user):
    _offer_route(app)
    idea, member = make_idea(), make_user()
    resp = client.post(f"/test/offer/{idea.id}/{member.id}")
    assert resp.status_code == 200
    [message] = smtp_server.to(idea.author.email)
    assert idea.title in message["Subject"]


def test_request_of_a_logged_in_member_mails_after_its_commit(
    app, client, login, smtp_server, make_idea, make_user
):
    """The mail is composed after the commit, without touching the request's session."""
    _offer_route(app)
    idea, member = make_idea(), make_user()
    login(member)
    assert client.post(f"/test/offer/{idea.id}/{member.id}").status_code == 200
    assert len(smtp_server.to(idea.author.email)) == 1


def test_smtp_failure_never_breaks_the_request_and_send_pending_retries(
    app, client, smtp_down, make_idea, make_user, runner
):
    _offer_route(app)
    idea, member = make_idea(), make_user()
    resp = client.post(f"/test/offer/{idea.id}/{member.id}")
    assert resp.status_code == 200
    [row] = notifications_of(idea.author)
    assert row.emailed_at is None  # kept, not lost

    result = runner.invoke(args=["notifications", "send-pending"])
    assert result.exit_code == 0  # younger than five minutes: the request may still be sending it

    row.created_at = utcnow() - timedelta(minutes=10)
    db.session.commit()
    result = runner.invoke(args=["notifications", "send-pending"])
    assert result.exit_code != 0
    assert "Could not connect to the SMTP server 127.0.0.1" in result.output
    assert notifications_of(idea.author)[0].emailed_at is None


def test_send_pending_retries_once_mail_works(smtp_server, make_idea, make_offer, runner):
    idea = make_idea()
    idea.author.digest_frequency = "off"
    db.session.commit()
    make_offer(idea, created_at=utcnow() - timedelta(minutes=10))
    assert smtp_server.messages == []
    idea.author.digest_frequency = "weekly"  # mail back on
    db.session.commit()

    result = runner.invoke(args=["notifications", "send-pending"])
    assert result.exit_code == 0, result.output
    assert "Sent 1 immediate mails" in result.output
    assert len(smtp_server.to(idea.author.email)) == 1
    runner.invoke(args=["notifications", "send-pending"])
    assert len(smtp_server.messages) == 1  # never twice


@pytest.mark.parametrize(
    "age, retried",
    [(timedelta(minutes=1), False), (timedelta(days=3), False), (timedelta(hours=1), True)],
)
def test_retry_window(smtp_server, make_idea, make_offer, now, age, retried):
    idea = make_idea()
    idea.author.digest_frequency = "off"
    db.session.commit()
    make_offer(idea, created_at=now - age)
    idea.author.digest_frequency = "daily"
    db.session.commit()
    result = delivery.send_immediate(now=now)
    assert (len(result.sent) == 1) is retried
