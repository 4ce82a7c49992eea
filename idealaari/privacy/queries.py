"""Reads for the data download: everything kept about one member, read in pages of rows.

Each section is a Select ordered by a unique key and read with `pages()`, a keyset pager, so
that a member with years of activity is never loaded into memory at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from idealaari.accounts.models import Role, User
from idealaari.challenges.models import (
    Challenge,
    Entry,
    EntryVote,
    Recusal,
    Scorecard,
    challenge_jurors,
    challenge_managers,
)
from idealaari.comments.models import Comment, Discussion
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea, idea_co_editors
from idealaari.notifications.models import Follow, Notification, NotificationPreference
from idealaari.partners.models import PartnerOffer
from idealaari.polls.models import Poll, PollOption, PollVote
from idealaari.votes.models import Vote

PAGE_SIZE = 200


def pages(
    stmt: Select,
    key,
    *,
    key_of: Callable[[Any], Any] = lambda row: row[0],
    size: int | None = None,
) -> Iterator[Any]:
    """The rows of `stmt`, fetched `size` (PAGE_SIZE) at a time in order of the unique column
    `key` (keyset paging: each page starts after the last key seen, so no row is read twice or
    skipped, and no page depends on an offset)."""
    size = size or PAGE_SIZE
    last = None
    while True:
        page = stmt.order_by(key).limit(size)
        if last is not None:
            page = page.where(key > last)
        rows = db.session.execute(page).all()
        yield from rows
        if len(rows) < size:
            return
        last = key_of(rows[-1])


def other_admin_count(user: User, *, lock: bool = False) -> int:
    """Admins other than `user` who can act: active and not suspended. With `lock`, the
    admins' rows stay locked until the transaction ends (PostgreSQL), so two admins deleting
    their accounts at once cannot both count on the other."""
    now = utcnow()
    stmt = select(User.id).where(
        User.role == Role.ADMIN,
        User.id != user.id,
        User.active.is_(True),
        or_(User.suspended_until.is_(None), User.suspended_until <= now),
    )
    if lock:
        stmt = stmt.with_for_update()
    return len(db.session.scalars(stmt).all())


def is_last_admin(user: User) -> bool:
    return user.role == Role.ADMIN and other_admin_count(user) == 0


# --- The sections of the download ---------------------------------------------------------


def ideas(user: User) -> Iterator[Idea]:
    """The member's own ideas, every status, with what their files show."""
    stmt = (
        select(Idea)
        .where(Idea.author_id == user.id)
        .options(
            selectinload(Idea.themes),
            selectinload(Idea.tags),
            selectinload(Idea.target_group_rows),
            selectinload(Idea.partner_role_rows),
        )
    )
    for (idea,) in pages(stmt, Idea.id, key_of=lambda row: row[0].id):
        yield idea


def co_edited_ideas(user: User) -> Iterator[Any]:
    stmt = (
        select(Idea.id, Idea.title)
        .join(idea_co_editors, idea_co_editors.c.idea_id == Idea.id)
        .where(idea_co_editors.c.user_id == user.id)
    )
    return pages(stmt, Idea.id)


def comments(user: User) -> Iterator[Any]:
    """The member's comments, removed and hidden ones too, with what they commented on."""
    on_idea = Idea.__table__.alias("on_idea")
    on_challenge = Challenge.__table__.alias("on_challenge")
    stmt = (
        select(
            Comment.id,
            Comment.parent_id,
            Comment.body,
            Comment.created_at,
            Comment.edited_at,
            Comment.deleted_at,
            Comment.hidden_at,
            Comment.hidden_reason,
            Discussion.owner_kind,
            Discussion.owner_id,
            func.coalesce(on_idea.c.title, on_challenge.c.title).label("owner_title"),
        )
        .join(Discussion, Discussion.id == Comment.discussion_id)
        .outerjoin(on_idea, on_idea.c.discussion_id == Discussion.id)
        .outerjoin(on_challenge, on_challenge.c.discussion_id == Discussion.id)
        .where(Comment.author_id == user.id)
    )
    return pages(stmt, Comment.id)


def idea_votes(user: User) -> Iterator[Any]:
    stmt = (
        select(Vote.id, Vote.idea_id, Idea.title, Vote.created_at)
        .join(Idea, Idea.id == Vote.idea_id)
        .where(Vote.user_id == user.id)
    )
    return pages(stmt, Vote.id)


def entry_votes(user: User) -> Iterator[Any]:
    stmt = (
        select(
            EntryVote.id,
            EntryVote.entry_id,
            EntryVote.challenge_id,
            Challenge.title.label("challenge_title"),
            Idea.title.label("idea_title"),
            EntryVote.created_at,
        )
        .join(Entry, Entry.id == EntryVote.entry_id)
        .join(Challenge, Challenge.id == EntryVote.challenge_id)
        .join(Idea, Idea.id == Entry.idea_id)
        .where(EntryVote.user_id == user.id)
    )
    return pages(stmt, EntryVote.id)


def poll_votes(user: User) -> Iterator[Any]:
    stmt = (
        select(
            PollVote.id,
            PollVote.poll_id,
            Poll.question,
            PollOption.label,
            PollVote.created_at,
            PollVote.updated_at,
        )
        .join(Poll, Poll.id == PollVote.poll_id)
        .join(PollOption, PollOption.id == PollVote.option_id)
        .where(PollVote.user_id == user.id)
    )
    return pages(stmt, PollVote.id)


def poll_options_proposed(user: User) -> Iterator[Any]:
    stmt = (
        select(
            PollOption.id,
            PollOption.poll_id,
            Poll.question,
            PollOption.label,
            PollOption.status,
            PollOption.created_at,
        )
        .join(Poll, Poll.id == PollOption.poll_id)
        .where(PollOption.proposed_by_id == user.id)
    )
    return pages(stmt, PollOption.id)


def partner_offers(user: User) -> Iterator[PartnerOffer]:
    stmt = select(PartnerOffer).where(PartnerOffer.user_id == user.id)
    for (offer,) in pages(stmt, PartnerOffer.id, key_of=lambda row: row[0].id):
        yield offer


def follows(user: User) -> Iterator[Any]:
    stmt = select(Follow.id, Follow.target, Follow.target_id, Follow.created_at).where(
        Follow.user_id == user.id
    )
    return pages(stmt, Follow.id)


def notifications(user: User) -> Iterator[Any]:
    stmt = select(
        Notification.id,
        Notification.kind,
        Notification.target_kind,
        Notification.target_id,
        Notification.idea_id,
        Notification.data,
        Notification.created_at,
        Notification.read_at,
        Notification.emailed_at,
        Notification.digested_at,
        Notification.in_app,
    ).where(Notification.user_id == user.id)
    return pages(stmt, Notification.id)


def notification_preferences(user: User) -> list[NotificationPreference]:
    return list(
        db.session.scalars(
            select(NotificationPreference)
            .where(NotificationPreference.user_id == user.id)
            .order_by(NotificationPreference.group)
        )
    )


def challenges_proposed(user: User) -> Iterator[Any]:
    stmt = select(Challenge.id, Challenge.title, Challenge.status, Challenge.created_at).where(
        Challenge.proposed_by_id == user.id
    )
    return pages(stmt, Challenge.id)


def challenge_roles(user: User) -> Iterator[Any]:
    """(challenge id, title, "manager" or "juror") for every challenge role the member has."""
    for table, role in ((challenge_managers, "manager"), (challenge_jurors, "juror")):
        stmt = (
            select(Challenge.id, Challenge.title)
            .join(table, table.c.challenge_id == Challenge.id)
            .where(table.c.user_id == user.id)
        )
        for row in pages(stmt, Challenge.id):
            yield row.id, row.title, role


def challenge_entries(user: User) -> Iterator[Any]:
    stmt = (
        select(
            Entry.id,
            Entry.challenge_id,
            Challenge.title.label("challenge_title"),
            Entry.idea_id,
            Idea.title.label("idea_title"),
            Entry.entered_at,
        )
        .join(Challenge, Challenge.id == Entry.challenge_id)
        .join(Idea, Idea.id == Entry.idea_id)
        .where(Entry.entered_by_id == user.id)
    )
    return pages(stmt, Entry.id)


def scorecards(user: User) -> Iterator[Scorecard]:
    stmt = (
        select(Scorecard)
        .where(Scorecard.juror_id == user.id)
        .options(selectinload(Scorecard.scores))
    )
    for (card,) in pages(stmt, Scorecard.id, key_of=lambda row: row[0].id):
        yield card


def entries_by_id(entry_ids) -> dict[int, Entry]:
    """Entries with their challenge and criteria, for naming what a scorecard scored."""
    ids = list(entry_ids)
    if not ids:
        return {}
    stmt = (
        select(Entry)
        .where(Entry.id.in_(ids))
        .options(selectinload(Entry.challenge).selectinload(Challenge.criteria))
    )
    return {entry.id: entry for entry in db.session.scalars(stmt)}


def recusals(user: User) -> Iterator[Any]:
    stmt = (
        select(
            Recusal.id,
            Recusal.entry_id,
            Entry.challenge_id,
            Challenge.title.label("challenge_title"),
            Recusal.reason,
            Recusal.created_at,
        )
        .join(Entry, Entry.id == Recusal.entry_id)
        .join(Challenge, Challenge.id == Entry.challenge_id)
        .where(Recusal.user_id == user.id)
    )
    return pages(stmt, Recusal.id)


def reports(user: User) -> Iterator[Any] | None:
    """The reports the member filed, or None where moderation reports do not exist."""
    try:
        from idealaari.moderation.models import Report
    except ImportError:  # pragma: no cover - a deployment without moderation
        return None
    stmt = select(
        Report.id,
        Report.target_kind,
        Report.target_id,
        Report.reason,
        Report.note,
        Report.created_at,
    ).where(Report.reporter_id == user.id)
    return pages(stmt, Report.id)
