"""Account deletion: the member goes, what they gave the network stays, unlinked from them.

The users row is deleted (not kept as a tombstone), and the database does the rest in the same
transaction (see the foreign keys' ON DELETE):

- ideas, comments, partner offers, challenge entries and reports stay, with their author or
  maker set to NULL ("Deleted user"); ideas stay with their organisation, which carries them;
- idea votes, challenge entry votes, poll votes and jury scorecards stay, so every count and
  result stays as it was, but point to nobody (migration 0013);
- what is only about the member goes: follows, notifications, notification settings,
  co-editor and jury seats, vote budgets, recusals and the sessions (the session token was a
  column of the row). Unsubscribe links carry the account id, which then names no account.

A juror's scorecards that did not count (a conflict of interest, or a challenge they were no
longer a juror of) could never be judged again without the account, so they are deleted; the
ones that counted keep the juror's former id in `former_juror_id`, which names no account but
keeps them one juror's for the juror-normalised ranking.

The audit log gets one row with counts only: no name, no e-mail address.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, update
from werkzeug.security import check_password_hash

from idealaari import permissions
from idealaari.accounts.models import Role, User
from idealaari.audit import services as audit
from idealaari.challenges.jury import ties_of
from idealaari.challenges.models import Entry, EntryVote, Scorecard, challenge_jurors
from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea, idea_co_editors
from idealaari.notifications.models import Follow, Notification
from idealaari.partners.models import PartnerOffer
from idealaari.polls.models import PollVote
from idealaari.privacy import queries
from idealaari.search import outbox
from idealaari.votes.models import Vote

ACTION = "account_deleted"


class DeletionError(Exception):
    """A refused deletion; the message is shown to the member, next to `field` if given."""

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


def last_admin_refusal(user: User, *, lock: bool = False) -> str | None:
    """Why this member cannot delete their account: the network keeps at least one admin."""
    if user.role != Role.ADMIN or queries.other_admin_count(user, lock=lock) > 0:
        return None
    return _(
        "You are the only admin of Idealaari. Make another member an admin before you "
        "delete your account."
    )


def delete_account(*, user: User, password: str, now: datetime | None = None) -> dict[str, int]:
    """Delete the member's own account after checking their password; the counts of what
    stayed and what went (as logged)."""
    now = now or utcnow()
    if not password or not check_password_hash(user.password_hash, password):
        raise DeletionError(_("The password is not correct."), field="password")
    refusal = last_admin_refusal(user, lock=True)
    if refusal:
        raise DeletionError(refusal)
    user_id = user.id
    scorecards_removed, scorecards_kept = _settle_scorecards(user)
    counts = {**_counts(user_id), "scorecards_kept": scorecards_kept}
    counts["scorecards_removed"] = scorecards_removed
    _reindex_ideas(user_id)
    audit.record(
        actor=None,
        action=ACTION,
        target_kind="user",
        target_id=user_id,
        data=counts,
        now=now,
    )
    db.session.delete(user)
    db.session.flush()
    # Rows the database changed (authors set to NULL, follows removed) are read afresh.
    db.session.expire_all()
    return counts


def _count(stmt) -> int:
    return db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def _counts(user_id: int) -> dict[str, int]:
    """How many of each thing the member leaves behind (kept) or takes along (removed)."""
    return {
        "ideas_kept": _count(select(Idea.id).where(Idea.author_id == user_id)),
        "comments_kept": _count(select(Comment.id).where(Comment.author_id == user_id)),
        "idea_votes_kept": _count(select(Vote.id).where(Vote.user_id == user_id)),
        "entry_votes_kept": _count(select(EntryVote.id).where(EntryVote.user_id == user_id)),
        "poll_votes_kept": _count(select(PollVote.id).where(PollVote.user_id == user_id)),
        "partner_offers_kept": _count(
            select(PartnerOffer.id).where(PartnerOffer.user_id == user_id)
        ),
        "follows_removed": _count(select(Follow.id).where(Follow.user_id == user_id)),
        "notifications_removed": _count(
            select(Notification.id).where(Notification.user_id == user_id)
        ),
    }


def _settle_scorecards(user: User) -> tuple[int, int]:
    """Delete the juror's scorecards that do not count, and mark the ones that do with their
    former id; (removed, kept)."""
    cards = list(
        db.session.execute(
            select(Scorecard.id, Scorecard.entry_id).where(Scorecard.juror_id == user.id)
        )
    )
    if not cards:
        return 0, 0
    entries = list(
        db.session.scalars(select(Entry).where(Entry.id.in_({c.entry_id for c in cards})))
    )
    seated = set(
        db.session.scalars(
            select(challenge_jurors.c.challenge_id).where(challenge_jurors.c.user_id == user.id)
        )
    )
    ties = ties_of(entries)
    counting = {
        e.id
        for e in entries
        if e.challenge_id in seated and permissions.jury_conflict(user, ties[e.id]) is None
    }
    keep = [c.id for c in cards if c.entry_id in counting]
    drop = [c.id for c in cards if c.entry_id not in counting]
    if drop:
        db.session.execute(delete(Scorecard).where(Scorecard.id.in_(drop)))
    if keep:
        db.session.execute(
            update(Scorecard).where(Scorecard.id.in_(keep)).values(former_juror_id=user.id)
        )
    return len(drop), len(keep)


def _reindex_ideas(user_id: int) -> None:
    """The search documents of the member's ideas name them as an editor: rewrite them."""
    co_edited = select(idea_co_editors.c.idea_id).where(idea_co_editors.c.user_id == user_id)
    stmt = select(Idea.id).where(or_(Idea.author_id == user_id, Idea.id.in_(co_edited)))
    for (idea_id,) in queries.pages(stmt, Idea.id):
        outbox.enqueue(db.session, idea_id)
