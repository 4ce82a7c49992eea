"""Which notifications go out by e-mail, and when.

Partner offers and the answers to them are mailed at once, right after the transaction that made
them commits. Everything else waits for the member's daily or weekly digest. A member whose
digest_frequency is "off" gets no mail at all. Notifications are marked (emailed_at, and for
digests digested_at) only after their message was handed over, so a failure leaves them for the
next `flask notifications send-pending` or `send-digests`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app, has_app_context
from flask_babel import format_datetime, ngettext
from flask_babel import gettext as _
from flask_mail import Message
from markupsafe import Markup
from sqlalchemy import event, func, select, update
from sqlalchemy.orm import Session, selectinload

from idealaari import targets
from idealaari.accounts.models import User
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.notifications import mail, queries, registry
from idealaari.notifications.models import Notification
from idealaari.notifications.registry import describe

log = logging.getLogger(__name__)

DIGEST_PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
# Cron starts the run at about the same time every day; a run that starts a little earlier than
# the previous one must not make a member wait a whole extra period.
DIGEST_SLACK = timedelta(hours=1)
# Older news that never went out (mail was off, or kept failing) stays in the app only.
DIGEST_MAX_AGE = timedelta(days=30)
# Retrying immediate mail: younger ones may still be on their way from the request that made
# them, and an offer mailed days late is no news any more (it stays in the app).
RETRY_AFTER = timedelta(minutes=5)
RETRY_WINDOW = timedelta(days=2)

_PENDING = "idealaari_mail_pending"


@dataclass
class Outgoing:
    """One message ready to go, and the notifications it carries."""

    email: str
    message: Message
    notification_ids: list[int]
    summary: str


@dataclass
class Delivery:
    """What a run planned, handed over and had refused, and why it stopped early (if it did)."""

    planned: list[Outgoing] = field(default_factory=list)
    sent: list[Outgoing] = field(default_factory=list)
    refused: list[tuple[Outgoing, str]] = field(default_factory=list)
    error: mail.MailUnavailable | None = None

    @property
    def notification_count(self) -> int:
        return sum(len(o.notification_ids) for o in self.sent)


# Links


def notification_url(n: Notification) -> str:
    """Where the notification leads, as an absolute link for mail."""
    return registry.notification_url(n, external=True)


def _mailable(user: User, n: Notification) -> bool:
    """The member may still see what the notification is about (and its idea, if any)."""
    if n.idea is not None and not targets.can_view(targets.TargetKind.IDEA, user, n.idea):
        return False
    target = registry.target_of(n)
    return target is None or targets.can_view(n.target_kind, user, target)


def _wanted_by_email(session: Session, found: list[Notification]) -> list[Notification]:
    """Leave out the kinds each member switched off for e-mail (the settings page); they stay
    unmarked, so switching e-mail back on within the digest window brings them along."""
    preferences = queries.preferences_of({n.user_id for n in found}, session=session)
    return [n for n in found if queries.wants(preferences, n.user_id, n.kind, "by_email")]


# Handing over


def _mark(session: Session, ids: list[int], *, now: datetime, digest: bool) -> None:
    values = {"emailed_at": now, **({"digested_at": now} if digest else {})}
    session.execute(
        update(Notification)
        .where(Notification.id.in_(ids), Notification.emailed_at.is_(None))
        .values(**values)
        .execution_options(synchronize_session=False)
    )


def _deliver(
    session: Session, outgoing: list[Outgoing], *, now: datetime, digest: bool, result: Delivery
) -> None:
    """Hand each message over and mark its notifications right after, one commit per message.

    When mail stops working, stop: result.error says why, and what went out before stays marked.
    """
    try:
        with mail.open_mailer() as mailer:
            for item in outgoing:
                try:
                    mailer.send(item.message)
                except mail.MessageRefused as e:
                    log.warning("%s", e)
                    result.refused.append((item, str(e)))
                    continue
                _mark(session, item.notification_ids, now=now, digest=digest)
                session.commit()
                result.sent.append(item)
    except mail.MailUnavailable as e:
        result.error = e


# Immediate mail


def _immediate_message(n: Notification) -> Outgoing | None:
    user = n.user
    if not _mailable(user, n):
        return None
    with mail.recipient_language(user):
        text = describe(n)
        message = mail.compose(
            user=user,
            subject=text,
            template="immediate",
            notification=n,
            text=text,
            detail=registry.detail(n) or registry.Detail(),
            idea=n.idea,
            idea_url=notification_url_of_idea(n),
            url=notification_url(n),
        )
    return Outgoing(user.email, message, [n.id], f"{n.kind} on {n.target_kind} {n.target_id}")


def notification_url_of_idea(n: Notification) -> str | None:
    if n.idea is None:
        return None
    endpoint, values = targets.link(targets.TargetKind.IDEA, n.idea)
    return mail.external_url(endpoint, **values)


def send_immediate(
    *,
    session: Session | None = None,
    notification_ids: Iterable[int] | None = None,
    now: datetime | None = None,
    dry_run: bool = False,
) -> Delivery:
    """Mail partner offers and answers one by one: the given notifications, or else every unsent
    one from the retry window. When mail does not work, result.error says why."""
    session = session or db.session
    now = now or utcnow()
    stmt = (
        select(Notification)
        .join(User, User.id == Notification.user_id)
        .where(
            Notification.kind.in_(registry.immediate_kinds()),
            Notification.emailed_at.is_(None),
            User.active.is_(True),
            User.digest_frequency != "off",
        )
        .options(
            selectinload(Notification.user),
            selectinload(Notification.actor),
            selectinload(Notification.idea),
        )
        .order_by(Notification.id)
    )
    if notification_ids is not None:
        stmt = stmt.where(Notification.id.in_(sorted(set(notification_ids))))
    else:
        stmt = stmt.where(
            Notification.created_at >= now - RETRY_WINDOW,
            Notification.created_at <= now - RETRY_AFTER,
        )
    found = _wanted_by_email(session, list(session.scalars(stmt)))
    registry.preload(found)
    outgoing = [o for n in found if (o := _immediate_message(n))]
    session.commit()  # hold no transaction (SQLite: no write lock) while talking to SMTP
    result = Delivery(planned=outgoing)
    if outgoing and not dry_run:
        _deliver(session, outgoing, now=now, digest=False, result=result)
    return result


@event.listens_for(Session, "after_flush")
def _collect_immediate(session: Session, flush_context) -> None:
    ids = {
        obj.id
        for obj in session.new
        if isinstance(obj, Notification) and registry.is_immediate(obj.kind)
    }
    if ids:
        session.info.setdefault(_PENDING, set()).update(ids)


@event.listens_for(Session, "after_soft_rollback")
def _forget_immediate(session: Session, previous_transaction) -> None:
    if not previous_transaction.nested:  # a rolled-back SAVEPOINT leaves the rest to commit
        session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_commit")
def _mail_after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT was released; the real commit comes later
    ids = session.info.pop(_PENDING, None)
    if not ids or not has_app_context() or "mail" not in current_app.extensions:
        return
    try:
        with Session(db.engine) as own:
            error = send_immediate(session=own, notification_ids=ids).error
        if error is not None:
            log.warning(
                "immediate mail failed, it waits for `flask notifications send-pending`: %s", error
            )
    except Exception:  # noqa: BLE001 - mail must never break the write that committed
        log.exception("immediate mail failed, it waits for `flask notifications send-pending`")


# Digests


def digest_is_due(*, frequency: str, last_digest: datetime | None, now: datetime) -> bool:
    """Whether a member on `frequency` may get a digest at `now`, given their previous one."""
    period = DIGEST_PERIODS.get(frequency)
    if period is None:
        return False
    return last_digest is None or now - last_digest >= period - DIGEST_SLACK


@dataclass
class DigestItem:
    text: str
    url: str
    when: str
    detail: str = ""
    comment_text: str = ""
    comment_html: Markup | None = None


@dataclass
class DigestGroup:
    """The news about one idea, or (with idea None) news of one kind that concerns no idea."""

    title: str
    url: str
    items: list[DigestItem] = field(default_factory=list)
    idea: object | None = None


def _digest_candidates(
    session: Session, user: User, now: datetime
) -> list[tuple[Notification, registry.Detail]]:
    """The member's news that has not gone out and is still news (a comment removed or hidden
    since is not), each with the detail its mail shows."""
    stmt = (
        select(Notification)
        .where(
            Notification.user_id == user.id,
            Notification.emailed_at.is_(None),
            Notification.digested_at.is_(None),
            Notification.kind.not_in(registry.immediate_kinds()),
            Notification.created_at > now - DIGEST_MAX_AGE,
            Notification.created_at <= now,
        )
        .options(selectinload(Notification.actor), selectinload(Notification.idea))
        .order_by(Notification.created_at, Notification.id)
    )
    found = _wanted_by_email(session, list(session.scalars(stmt)))
    registry.preload(found)
    out = []
    for n in found:
        if not _mailable(user, n):
            continue
        detail = registry.detail(n)
        if detail is not None:
            out.append((n, detail))
    return out


def _digest_item(n: Notification, detail: registry.Detail) -> DigestItem:
    return DigestItem(
        text=describe(n),
        url=notification_url(n),
        when=format_datetime(n.created_at, "short"),
        detail=" ".join(detail.lines),
        comment_text=detail.quote,
        comment_html=detail.quote_html,
    )


def _digest_groups(candidates: list[tuple[Notification, registry.Detail]]) -> list[DigestGroup]:
    """Group by idea, the idea with the newest news first; news about no idea last, by kind."""
    by_idea: dict[int, DigestGroup] = {}
    newest: dict[int, datetime] = {}
    other: dict[str, DigestGroup] = {}
    for n, detail in candidates:  # oldest first, so items read in the order things happened
        item = _digest_item(n, detail)
        if n.idea is None:
            title = registry.group_title(n)
            if title not in other:
                other[title] = DigestGroup(
                    title=title, url=mail.external_url("notifications.index")
                )
            other[title].items.append(item)
            continue
        group = by_idea.get(n.idea.id)
        if group is None:
            endpoint, values = targets.link(targets.TargetKind.IDEA, n.idea)
            group = by_idea[n.idea.id] = DigestGroup(
                title=n.idea.title, url=mail.external_url(endpoint, **values), idea=n.idea
            )
        group.items.append(item)
        newest[n.idea.id] = n.created_at
    groups = sorted(by_idea.values(), key=lambda g: newest[g.idea.id], reverse=True)
    return groups + list(other.values())


def build_digests(
    *, frequencies: Iterable[str], now: datetime, session: Session | None = None
) -> list[Outgoing]:
    """The digests due at `now` for members on these frequencies, composed and not sent."""
    session = session or db.session
    last = (
        select(Notification.user_id, func.max(Notification.digested_at).label("last_digest"))
        .group_by(Notification.user_id)
        .subquery()
    )
    rows = session.execute(
        select(User, last.c.last_digest)
        .outerjoin(last, last.c.user_id == User.id)
        .where(User.active.is_(True), User.digest_frequency.in_(list(frequencies)))
        .order_by(User.id)
    ).all()
    outgoing = []
    for user, last_digest in rows:
        if not digest_is_due(frequency=user.digest_frequency, last_digest=last_digest, now=now):
            continue
        candidates = _digest_candidates(session, user, now)
        if not candidates:
            continue
        notifications = [n for n, _detail in candidates]
        with mail.recipient_language(user):
            groups = _digest_groups(candidates)
            subject = (
                _("Idealaari: your daily digest")
                if user.digest_frequency == "daily"
                else _("Idealaari: your weekly digest")
            )
            count = ngettext(
                "%(num)d new notification", "%(num)d new notifications", len(notifications)
            )
            message = mail.compose(
                user=user, subject=subject, template="digest", groups=groups, count=count
            )
        ideas = sum(1 for g in groups if g.idea is not None)
        outgoing.append(
            Outgoing(
                user.email,
                message,
                [n.id for n in notifications],
                f"{user.digest_frequency} digest: "
                f"{len(notifications)} notifications, {ideas} ideas",
            )
        )
    return outgoing


def send_digests(
    *, frequency: str = "all", now: datetime | None = None, dry_run: bool = False
) -> Delivery:
    """Send the digests that are due; running it again sends nothing twice.

    `frequency` is "daily", "weekly" or "all". When mail stops working, result.error says why;
    the digests handed over before that stay marked.
    """
    now = now or utcnow()
    frequencies = tuple(DIGEST_PERIODS) if frequency == "all" else (frequency,)
    if not set(frequencies) <= set(DIGEST_PERIODS):
        raise ValueError(f"unknown digest frequency {frequency!r}")
    outgoing = build_digests(frequencies=frequencies, now=now)
    db.session.commit()  # hold no transaction (SQLite: no write lock) while talking to SMTP
    result = Delivery(planned=outgoing)
    if outgoing and not dry_run:
        _deliver(db.session, outgoing, now=now, digest=True, result=result)
    return result
