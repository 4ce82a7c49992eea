"""Notification fixtures: a real SMTP server on 127.0.0.1, an outbox folder, and comments and
partner offers made through their services, so the notifications are the ones members cause."""

from __future__ import annotations

import email
import email.policy
import threading

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from idealaari.comments import services as comment_services
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import PartnerRole
from idealaari.notifications import mail, services
from idealaari.notifications.models import Notification
from idealaari.partners import services as partner_services
from idealaari.partners.models import OfferStatus
from idealaari.partners.notifications import PartnerNotice
from idealaari.targets import TargetKind
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
        row = services.follow(user=user, target=TargetKind(target), target_id=target_id)
        db.session.commit()
        return row

    return _follow


@pytest.fixture
def make_comment(app):
    """A comment posted through the comments service, committed; `created_at` dates it (and
    its notifications) in the past."""

    def make(
        *, idea, author, body="Hyvä idea, kokeillaan meilläkin!", parent=None, created_at=None
    ):
        comment = comment_services.post_comment(
            discussion=idea.discussion, author=author, body=body, parent=parent, now=created_at
        )
        _date_notifications(TargetKind.COMMENT, comment.id, created_at)
        db.session.commit()
        return comment

    return make


def _date_notifications(kind: TargetKind, target_id: int, created_at) -> None:
    if created_at is None:
        return
    for row in db.session.scalars(
        select(Notification).where(
            Notification.target_kind == kind, Notification.target_id == target_id
        )
    ):
        row.created_at = created_at


@pytest.fixture
def make_offer(app, make_user):
    """A partner offer made through the partners service, committed (which mails the editors
    at once)."""

    def make(idea, *, member=None, message="Meillä on testiyksikkö kotihoidossa.", created_at=None):
        member = member or make_user()
        if not idea.seeks_partners:  # as its editors would have said, so that it takes offers
            idea.seeks_partners = True
            idea.partner_roles = [PartnerRole.PILOT_SITE]
        offer = partner_services.make_offer(
            idea=idea, member=member, role=PartnerRole.PILOT_SITE, message=message
        )
        _date_notifications(TargetKind.OFFER, offer.id, created_at)
        db.session.commit()
        return offer

    return make


@pytest.fixture
def answer_offer(app):
    """Accept or decline an offer through the partners service; returns the answer's rows."""

    def answer(offer, *, actor, status=OfferStatus.ACCEPTED):
        decide = (
            partner_services.accept_offer
            if status == OfferStatus.ACCEPTED
            else partner_services.decline_offer
        )
        decide(offer=offer, actor=actor)
        rows = list(
            db.session.scalars(
                select(Notification).where(
                    Notification.target_kind == TargetKind.OFFER,
                    Notification.target_id == offer.id,
                    Notification.kind == PartnerNotice.OFFER_ANSWER,
                )
            )
        )
        db.session.commit()
        return rows

    return answer
