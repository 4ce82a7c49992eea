"""Notification fixtures: a real SMTP server on 127.0.0.1, an outbox folder, and rows made with
the comment and partner models directly (their services are being written in parallel)."""

from __future__ import annotations

import email
import email.policy
import threading

import pytest
from aiosmtpd.controller import Controller

from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import PartnerRole
from idealaari.notifications import mail, services
from idealaari.notifications.models import FollowTarget
from idealaari.partners.models import OfferStatus, PartnerOffer
from tests.notifications.helpers import BASE_URL, free_port


class SMTPSink:
    """What an aiosmtpd server received, parsed with the email package."""

    def __init__(self):
        self.envelopes = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.envelopes.append(envelope)
        return "250 Message accepted"

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        with self._lock:
            return [
                email.message_from_bytes(
                    e.original_content or e.content, policy=email.policy.default
                )
                for e in self.envelopes
            ]

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [m for m in self.messages if address in m["To"]]


def use_mail(app, **config) -> None:
    """Really send mail (TESTING suppresses it), with links under BASE_URL."""
    app.config.update(MAIL_SUPPRESS_SEND=False, IDEALAARI_BASE_URL=BASE_URL, **config)
    mail.init_app(app)


@pytest.fixture
def make_user(make_user):
    """Members who chose English, so mail reads like the message ids (as pages do in tests).

    Idea authors made by make_idea() keep no language, which means Finnish.
    """

    def make(**kwargs):
        user = make_user(**kwargs)
        user.locale = "en"
        db.session.commit()
        return user

    return make


@pytest.fixture
def smtp_server(app):
    """A real SMTP server on 127.0.0.1 and a free port; the app sends to it."""
    sink = SMTPSink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    use_mail(app, IDEALAARI_MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    yield sink
    controller.stop()


@pytest.fixture
def smtp_down(app):
    """The app sends to a port where no SMTP server listens."""
    use_mail(app, IDEALAARI_MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=free_port())


@pytest.fixture
def outbox_dir(app, tmp_path):
    directory = tmp_path / "outbox"
    use_mail(app, IDEALAARI_MAIL_BACKEND="outbox", IDEALAARI_MAIL_OUTBOX=str(directory))
    return directory


@pytest.fixture
def now():
    return utcnow()


@pytest.fixture
def follow(app):
    def _follow(user, target, target_id):
        row = services.follow(user=user, target=FollowTarget(target), target_id=target_id)
        db.session.commit()
        return row

    return _follow


@pytest.fixture
def make_comment(app):
    """A comment row and its notifications, committed, as the comments service will make them."""

    def make(
        *, idea, author, body="Hyvä idea, kokeillaan meilläkin!", parent=None, created_at=None
    ):
        comment = Comment(
            idea_id=idea.id,
            author_id=author.id,
            parent_id=parent.id if parent else None,
            body=body,
            created_at=created_at or utcnow(),
        )
        db.session.add(comment)
        db.session.flush()
        rows = services.notify_comment(comment=comment)
        if created_at is not None:
            for row in rows:
                row.created_at = created_at
        db.session.commit()
        return comment

    return make


@pytest.fixture
def make_offer(app, make_user):
    """A partner offer row and its notifications, committed (which mails the editors at once)."""

    def make(idea, *, member=None, message="Meillä on testiyksikkö kotihoidossa.", created_at=None):
        member = member or make_user()
        offer = PartnerOffer(
            idea_id=idea.id,
            user_id=member.id,
            organisation_id=member.organisation_id,
            role=PartnerRole.PILOT_SITE,
            message=message,
        )
        db.session.add(offer)
        db.session.flush()
        rows = services.notify_partner_offer(offer=offer)
        if created_at is not None:
            for row in rows:
                row.created_at = created_at
        db.session.commit()
        return offer

    return make


@pytest.fixture
def answer_offer(app):
    def answer(offer, *, actor, status=OfferStatus.ACCEPTED):
        offer.status = status
        offer.decided_by_id = actor.id
        offer.decided_at = utcnow()
        rows = services.notify_offer_answer(offer=offer, actor=actor)
        db.session.commit()
        return rows

    return answer
