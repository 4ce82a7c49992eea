"""Writes of moderation: reports, decisions on the queue, curation, merging and undoing.

Every moderator action takes a reason and appends a row to the audit log in the same
transaction. Each function flushes and never commits; the view commits once.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from idealaari import permissions
from idealaari.accounts.models import Role, User
from idealaari.audit.services import record
from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas import services as idea_services
from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.moderation import items as item_types
from idealaari.moderation.items import Item
from idealaari.moderation.models import (
    CaseKind,
    Decision,
    IdeaMerge,
    ModerationCase,
    Report,
    ReportReason,
)
from idealaari.moderation.notifications import notify_author
from idealaari.notifications.models import Follow
from idealaari.partners.models import PartnerOffer
from idealaari.site import settings
from idealaari.targets import TargetKind
from idealaari.votes.models import Vote

REASON_MAX = 500  # the hidden reason's column
NOTE_MAX = 1000


class ModerationError(Exception):
    """A refused moderation action; the message is shown to the member."""

    status = 422


class ModerationForbidden(ModerationError):
    status = 403


def _require_moderator(user) -> None:
    if not permissions.can_moderate(user):
        raise ModerationForbidden(_("Only moderators can do this."))


def _clean_reason(reason: str | None, *, required: bool = True) -> str:
    text = (reason or "").replace("\r\n", "\n").strip()
    if required and not text:
        raise ModerationError(_("Give a reason: it is kept in the audit log."))
    if len(text) > REASON_MAX:
        raise ModerationError(_("Write at most %(max)d characters.", max=REASON_MAX))
    return text


def open_case_of(item: Item) -> ModerationCase | None:
    return db.session.scalar(
        select(ModerationCase).where(
            ModerationCase.target_kind == item.kind,
            ModerationCase.target_id == item.id,
            ModerationCase.closed_at.is_(None),
        )
    )


def _open_case(item: Item, kind: CaseKind, now: datetime) -> ModerationCase:
    """The item's open case, opened now if there is none (parallel requests share one)."""
    case = open_case_of(item)
    if case is not None:
        return case
    try:
        with db.session.begin_nested():
            case = ModerationCase(
                kind=kind,
                target_kind=item.kind,
                target_id=item.id,
                author_id=item.author_id,
                opened_at=now,
            )
            db.session.add(case)
    except IntegrityError:
        case = open_case_of(item)
        if case is None:
            raise
    return case


# Reports


def report(
    *,
    reporter: User,
    kind: TargetKind | str,
    item_id: int,
    reason: ReportReason | str,
    note: str = "",
    now: datetime | None = None,
) -> Report:
    """A member reports an item once; at the threshold of different members it is hidden."""
    item = item_types.load(kind, item_id)
    if item is None or item.is_gone:
        raise ModerationError(_("This content cannot be reported."))
    refusal = permissions.report_refusal(reporter, item.author_id)
    if refusal:
        raise ModerationForbidden(refusal)
    try:
        reason = ReportReason(reason)
    except ValueError:
        raise ModerationError(_("Choose a reason for the report.")) from None
    note = (note or "").replace("\r\n", "\n").strip()
    if len(note) > NOTE_MAX:
        raise ModerationError(_("Write at most %(max)d characters.", max=NOTE_MAX))
    now = now or utcnow()
    already = db.session.scalar(
        select(Report.id).where(
            Report.target_kind == item.kind,
            Report.target_id == item.id,
            Report.reporter_id == reporter.id,
        )
    )
    if already is not None:
        raise ModerationError(_("You have already reported this. The moderators will look at it."))
    case = _open_case(item, CaseKind.REPORTS, now)
    row = Report(
        case_id=case.id,
        target_kind=item.kind,
        target_id=item.id,
        reporter_id=reporter.id,
        reason=reason,
        note=note,
        created_at=now,
    )
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        raise ModerationError(
            _("You have already reported this. The moderators will look at it.")
        ) from None
    # The increment takes the case's row lock, so parallel reports count one after another.
    count = db.session.scalar(
        update(ModerationCase)
        .where(ModerationCase.id == case.id)
        .values(report_count=ModerationCase.report_count + 1)
        .returning(ModerationCase.report_count)
    )
    db.session.refresh(case)
    if (
        count >= settings.value("report_threshold")
        and case.kind == CaseKind.REPORTS
        and not item.is_hidden
    ):
        item.hide(actor=None, reason=None)
        case.auto_hidden = True
        record(
            actor=None,
            action="auto_hidden",
            target_kind=item.kind,
            target_id=item.id,
            target_label=item.title,
            reason=_("%(count)d members reported it", count=count),
            now=now,
        )
        notify_author(item, kind="content_hidden", reason=None)
    db.session.flush()
    return row


# Decisions on an item


def _close(case: ModerationCase | None, moderator: User, decision: Decision, reason: str, now):
    if case is None:
        return
    case.closed_at = now
    case.decided_by_id = moderator.id
    case.decision = decision
    case.decision_reason = reason


def _log(moderator, action: str, item: Item, reason: str, now, **extra) -> None:
    record(
        actor=moderator,
        action=action,
        target_kind=item.kind,
        target_id=item.id,
        target_label=item.title,
        reason=reason,
        now=now,
        **extra,
    )


def dismiss(*, moderator: User, item: Item, reason: str, now: datetime | None = None) -> None:
    """Close the open case with no action; an item hidden by the reports shows again."""
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    case = open_case_of(item)
    if case is None:
        raise ModerationError(_("Nothing is waiting for a decision on this item."))
    now = now or utcnow()
    if case.kind == CaseKind.PREMODERATION:
        raise ModerationError(_("Approve or hide a post that waits for approval."))
    if case.auto_hidden and item.is_hidden and item.hidden_reason is None:
        item.unhide(actor=moderator, reason=reason)
    _close(case, moderator, Decision.DISMISSED, reason, now)
    _log(moderator, "case_dismissed", item, reason, now)
    db.session.flush()


def hide(*, moderator: User, item: Item, reason: str, now: datetime | None = None) -> None:
    """Hide the item with a reason its author is shown and told."""
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    if item.is_gone:
        raise ModerationError(_("This content has been removed already."))
    now = now or utcnow()
    item.hide(actor=moderator, reason=reason)
    _close(open_case_of(item), moderator, Decision.HIDDEN, reason, now)
    _log(moderator, "item_hidden", item, reason, now)
    notify_author(item, kind="content_hidden", reason=reason, actor=moderator)
    db.session.flush()


def restore(*, moderator: User, item: Item, reason: str, now: datetime | None = None) -> None:
    """Show a hidden item again (or approve a post that waited for approval)."""
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    if not item.is_hidden:
        raise ModerationError(_("This content is not hidden."))
    now = now or utcnow()
    case = open_case_of(item)
    approving = case is not None and case.kind == CaseKind.PREMODERATION
    item.unhide(actor=moderator, reason=reason)
    if approving:
        _close(case, moderator, Decision.APPROVED, reason, now)
        if item.author is not None and item.author.posts_approved_at is None:
            item.author.posts_approved_at = now
        _log(moderator, "post_approved", item, reason, now)
        _release_held_notifications(item)
        notify_author(item, kind="content_approved", reason=reason, actor=moderator)
    else:
        _close(case, moderator, Decision.RESTORED, reason, now)
        _log(moderator, "item_restored", item, reason, now)
        notify_author(item, kind="content_restored", reason=reason, actor=moderator)
    db.session.flush()


def _release_held_notifications(item: Item) -> None:
    """An approved post tells followers what it would have told them when it was posted."""
    if item.kind == TargetKind.IDEA:
        from idealaari.ideas import notifications as idea_notifications

        idea_notifications.notify_new_idea(idea=item.obj, actor=item.author)
    else:
        from idealaari.comments import owners
        from idealaari.comments.notifications import notify_comment

        owner = owners.owner_of(item.obj.discussion)
        if owner is not None:
            notify_comment(comment=item.obj, owner=owner)


# Pre-moderation


def is_new_member(user: User) -> bool:
    """A member whose posts wait for approval while pre-moderation is on."""
    if user is None or user.role in (Role.MODERATOR, Role.ADMIN) or user.posts_approved_at:
        return False
    return True


def hold_for_approval(*, kind: TargetKind, item, author: User, now=None) -> bool:
    """Hold a new member's post for approval when the site pre-moderates; True if held."""
    if not settings.value("premoderation") or not is_new_member(author):
        return False
    found = Item(kind, item)
    if found.is_hidden:
        return False
    now = now or utcnow()
    found.hide(actor=None, reason=None)
    _open_case(found, CaseKind.PREMODERATION, now)
    db.session.flush()
    return True


def is_waiting_for_approval(kind: TargetKind | str, item) -> bool:
    case = open_case_of(Item(TargetKind(kind), item))
    return case is not None and case.kind == CaseKind.PREMODERATION


# Curation of ideas


def edit_title(*, moderator: User, idea: Idea, title: str, reason: str, now=None) -> bool:
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    before = idea.title
    try:
        changed = idea_services.retitle_by_moderator(
            idea=idea, moderator=moderator, title=title, reason=reason
        )
    except idea_services.IdeaError as e:
        raise ModerationError(str(e)) from None
    if changed:
        _log(
            moderator,
            "title_edited",
            Item(TargetKind.IDEA, idea),
            reason,
            now or utcnow(),
            before=before,
            after=idea.title,
        )
    db.session.flush()
    return changed


def set_comments_locked(*, moderator: User, idea: Idea, locked: bool, reason: str, now=None):
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    if idea.comments_locked == locked:
        return
    idea.comments_locked = locked
    action = "comments_locked" if locked else "comments_unlocked"
    _log(moderator, action, Item(TargetKind.IDEA, idea), reason, now or utcnow())
    db.session.flush()


def set_featured(*, moderator: User, idea: Idea, featured: bool, reason: str, now=None):
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    if featured and idea.status != IdeaStatus.PUBLISHED:
        raise ModerationError(_("Only published ideas can be featured on the front page."))
    if (idea.featured_at is not None) == featured:
        return
    now = now or utcnow()
    idea.featured_at = now if featured else None
    _log(
        moderator,
        "idea_featured" if featured else "idea_unfeatured",
        Item(TargetKind.IDEA, idea),
        reason,
        now,
    )
    db.session.flush()


# Merging duplicates


def _recount_votes(*idea_ids: int) -> None:
    """Set vote_count from the votes themselves, in one statement per idea."""
    for idea_id in idea_ids:
        db.session.execute(
            update(Idea)
            .where(Idea.id == idea_id)
            .values(
                vote_count=select(func.count(Vote.id))
                .where(Vote.idea_id == idea_id)
                .scalar_subquery()
            )
            .execution_options(synchronize_session=False)
        )


def merge_refusal(source: Idea, target: Idea) -> str | None:
    from idealaari.challenges.models import Entry

    if source.id == target.id:
        return _("An idea cannot be merged into itself.")
    if source.status not in (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED, IdeaStatus.HIDDEN):
        return _("Only published, archived or hidden ideas can be merged.")
    if target.status not in (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED):
        return _("Merge into a published or archived idea.")
    if db.session.scalar(select(Entry.id).where(Entry.idea_id == source.id).limit(1)):
        return _("The idea is entered in a challenge: withdraw the entry before merging.")
    return None


def merge(*, moderator: User, source: Idea, target: Idea, reason: str, now=None) -> IdeaMerge:
    """Merge duplicate `source` into `target`: votes (each member once), comments, followers
    and partner offers move; the source redirects. Everything moved is listed for the undo."""
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    refusal = merge_refusal(source, target)
    if refusal:
        raise ModerationError(refusal)
    now = now or utcnow()
    # Votes of deleted accounts (user_id NULL) are nobody's twice: they always move.
    both = select(Vote.user_id).where(Vote.idea_id == target.id, Vote.user_id.is_not(None))
    doubled = list(
        db.session.execute(
            select(Vote.user_id, Vote.created_at).where(
                Vote.idea_id == source.id, Vote.user_id.in_(both)
            )
        )
    )
    moved_votes = list(
        db.session.scalars(
            select(Vote.id).where(
                Vote.idea_id == source.id, or_(Vote.user_id.is_(None), Vote.user_id.not_in(both))
            )
        )
    )
    db.session.execute(
        delete(Vote).where(Vote.idea_id == source.id, Vote.user_id.in_([u for u, _t in doubled]))
    )
    db.session.execute(update(Vote).where(Vote.id.in_(moved_votes)).values(idea_id=target.id))
    moved_comments = list(
        db.session.scalars(select(Comment.id).where(Comment.discussion_id == source.discussion_id))
    )
    db.session.execute(
        update(Comment)
        .where(Comment.id.in_(moved_comments))
        .values(discussion_id=target.discussion_id)
    )
    following = select(Follow.user_id).where(
        Follow.target == TargetKind.IDEA, Follow.target_id == target.id
    )
    doubled_follows = list(
        db.session.execute(
            select(Follow.user_id, Follow.created_at).where(
                Follow.target == TargetKind.IDEA,
                Follow.target_id == source.id,
                Follow.user_id.in_(following),
            )
        )
    )
    db.session.execute(
        delete(Follow).where(
            Follow.target == TargetKind.IDEA,
            Follow.target_id == source.id,
            Follow.user_id.in_([u for u, _t in doubled_follows]),
        )
    )
    moved_follows = list(
        db.session.scalars(
            select(Follow.id).where(Follow.target == TargetKind.IDEA, Follow.target_id == source.id)
        )
    )
    db.session.execute(
        update(Follow).where(Follow.id.in_(moved_follows)).values(target_id=target.id)
    )
    moved_offers = list(
        db.session.scalars(select(PartnerOffer.id).where(PartnerOffer.idea_id == source.id))
    )
    db.session.execute(
        update(PartnerOffer).where(PartnerOffer.id.in_(moved_offers)).values(idea_id=target.id)
    )
    _recount_votes(source.id, target.id)
    moved = {
        "votes": moved_votes,
        "doubled_votes": [[u, t.isoformat()] for u, t in doubled],
        "comments": moved_comments,
        "follows": moved_follows,
        "doubled_follows": [[u, t.isoformat()] for u, t in doubled_follows],
        "offers": moved_offers,
        "status": source.status.value,
        "hidden_reason": source.hidden_reason,
        "hidden_from": source.hidden_from.value if source.hidden_from else None,
    }
    source.status = IdeaStatus.MERGED
    source.merged_into_id = target.id
    source.featured_at = None
    source.updated_at = now
    merge_row = IdeaMerge(
        source_id=source.id,
        target_id=target.id,
        merged_by_id=moderator.id,
        merged_at=now,
        reason=reason,
        moved=moved,
    )
    db.session.add(merge_row)
    item = Item(TargetKind.IDEA, source)
    _close(open_case_of(item), moderator, Decision.MERGED, reason, now)
    db.session.flush()
    _log(
        moderator,
        "ideas_merged",
        item,
        reason,
        now,
        after=target.title,
        data={
            "merge_id": merge_row.id,
            "into": target.id,
            "votes": len(moved_votes),
            "comments": len(moved_comments),
        },
    )
    db.session.expire_all()
    return merge_row


def undo_merge(*, moderator: User, merge_row: IdeaMerge, reason: str, now=None) -> None:
    """Put everything the merge moved back where it was; the counts come back exactly."""
    _require_moderator(moderator)
    reason = _clean_reason(reason)
    if merge_row.undone_at is not None:
        raise ModerationError(_("This merge has been undone already."))
    now = now or utcnow()
    source, target = merge_row.source, merge_row.target
    moved = merge_row.moved
    db.session.execute(update(Vote).where(Vote.id.in_(moved["votes"])).values(idea_id=source.id))
    for user_id, created in moved["doubled_votes"]:
        db.session.add(
            Vote(idea_id=source.id, user_id=user_id, created_at=datetime.fromisoformat(created))
        )
    db.session.execute(
        update(Comment)
        .where(Comment.id.in_(moved["comments"]))
        .values(discussion_id=source.discussion_id)
    )
    db.session.execute(
        update(Follow).where(Follow.id.in_(moved["follows"])).values(target_id=source.id)
    )
    for user_id, created in moved["doubled_follows"]:
        db.session.add(
            Follow(
                user_id=user_id,
                target=TargetKind.IDEA,
                target_id=source.id,
                created_at=datetime.fromisoformat(created),
            )
        )
    db.session.execute(
        update(PartnerOffer).where(PartnerOffer.id.in_(moved["offers"])).values(idea_id=source.id)
    )
    db.session.flush()
    _recount_votes(source.id, target.id)
    source.status = IdeaStatus(moved["status"])
    source.hidden_from = IdeaStatus(moved["hidden_from"]) if moved.get("hidden_from") else None
    source.hidden_reason = moved.get("hidden_reason")
    source.merged_into_id = None
    source.updated_at = now
    merge_row.undone_at = now
    merge_row.undone_by_id = moderator.id
    _log(
        moderator,
        "merge_undone",
        Item(TargetKind.IDEA, source),
        reason,
        now,
        data={"merge_id": merge_row.id, "from": target.id},
    )
    db.session.flush()
    db.session.expire_all()
