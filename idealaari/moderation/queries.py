"""Reads of moderation: the queue and its health, the cases of an item or an author, and the
figures of the metrics page."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from statistics import median

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from idealaari.accounts.models import User
from idealaari.audit.models import AuditEntry
from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea
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


@dataclass
class QueueEntry:
    case: ModerationCase
    item: Item | None
    reasons: list[tuple[ReportReason, int]]
    waited: timedelta
    author_history: Counter = field(default_factory=Counter)
    duplicates: list[Idea] = field(default_factory=list)


@dataclass(frozen=True)
class Health:
    open_items: int
    oldest_wait: timedelta | None
    median_decision: timedelta | None  # over the last 30 days
    decided_recently: int
    overdue: int


def _open_cases():
    return select(ModerationCase).where(ModerationCase.closed_at.is_(None))


def decision_times(*, since: datetime) -> list[timedelta]:
    rows = db.session.execute(
        select(ModerationCase.opened_at, ModerationCase.closed_at).where(
            ModerationCase.closed_at.is_not(None), ModerationCase.closed_at >= since
        )
    ).all()
    return sorted(closed - opened for opened, closed in rows)


def _quantile(values: list[timedelta], q: float) -> timedelta | None:
    """The q-quantile (nearest rank) of sorted values."""
    if not values:
        return None
    rank = max(1, -(-len(values) * q // 1))  # ceil
    return values[int(rank) - 1]


def health(now: datetime | None = None) -> Health:
    now = now or utcnow()
    count = db.session.scalar(
        select(func.count(ModerationCase.id)).where(ModerationCase.closed_at.is_(None))
    )
    first = db.session.scalar(_open_cases().order_by(ModerationCase.opened_at).limit(1))
    oldest = first.opened_at if first is not None else None
    times = decision_times(since=now - timedelta(days=30))
    overdue = db.session.scalar(
        select(func.count(ModerationCase.id)).where(
            ModerationCase.closed_at.is_(None),
            ModerationCase.opened_at < now - timedelta(hours=48),
        )
    )
    return Health(
        open_items=count,
        oldest_wait=(now - oldest) if oldest is not None else None,
        median_decision=median(times) if times else None,
        decided_recently=len(times),
        overdue=overdue,
    )


def overdue_cases(*, now: datetime, older_than: timedelta) -> list[ModerationCase]:
    return list(
        db.session.scalars(
            _open_cases()
            .where(ModerationCase.opened_at < now - older_than)
            .order_by(ModerationCase.opened_at, ModerationCase.id)
        )
    )


def item_title(case: ModerationCase) -> str:
    item = item_types.load(case.target_kind, case.target_id)
    return item.title if item is not None else f"#{case.target_id}"


def author_decisions(author_ids: set[int]) -> dict[int, Counter]:
    """Earlier decisions on each author's posts, counted by decision."""
    if not author_ids:
        return {}
    rows = db.session.execute(
        select(ModerationCase.author_id, ModerationCase.decision, func.count())
        .where(
            ModerationCase.author_id.in_(author_ids),
            ModerationCase.closed_at.is_not(None),
        )
        .group_by(ModerationCase.author_id, ModerationCase.decision)
    ).all()
    found: dict[int, Counter] = defaultdict(Counter)
    for author_id, decision, n in rows:
        found[author_id][decision] += n
    return found


def queue(*, now: datetime | None = None, suggest_duplicates=None) -> list[QueueEntry]:
    """Open cases, oldest first, with their items, reasons, and the author's history.

    `suggest_duplicates(idea) -> list[Idea]` adds likely duplicates for reported ideas.
    """
    now = now or utcnow()
    cases = list(
        db.session.scalars(
            _open_cases()
            .options(
                selectinload(ModerationCase.reports).selectinload(Report.reporter),
                selectinload(ModerationCase.author),
            )
            .order_by(ModerationCase.opened_at, ModerationCase.id)
        )
    )
    ideas = {
        i.id: i
        for i in db.session.scalars(
            select(Idea).where(Idea.id.in_([c.target_id for c in cases if c.target_kind == "idea"]))
        )
    }
    comments = {
        c.id: c
        for c in db.session.scalars(
            select(Comment)
            .where(Comment.id.in_([c.target_id for c in cases if c.target_kind == "comment"]))
            .options(selectinload(Comment.author))
        )
    }
    history = author_decisions({c.author_id for c in cases if c.author_id is not None})
    out = []
    for case in cases:
        obj = (ideas if case.target_kind == "idea" else comments).get(case.target_id)
        item = Item(case.target_kind, obj) if obj is not None else None
        reasons = Counter(r.reason for r in case.reports).most_common()
        entry = QueueEntry(
            case=case,
            item=item,
            reasons=reasons,
            waited=now - case.opened_at,
            author_history=history.get(case.author_id, Counter()),
        )
        if (
            suggest_duplicates is not None
            and item is not None
            and item.kind == "idea"
            and any(r.reason == ReportReason.DUPLICATE for r in case.reports)
        ):
            entry.duplicates = suggest_duplicates(item.obj)
        out.append(entry)
    return out


def cases_of(item: Item) -> list[ModerationCase]:
    return list(
        db.session.scalars(
            select(ModerationCase)
            .where(ModerationCase.target_kind == item.kind, ModerationCase.target_id == item.id)
            .options(
                selectinload(ModerationCase.reports).selectinload(Report.reporter),
                selectinload(ModerationCase.decided_by),
            )
            .order_by(ModerationCase.opened_at.desc())
        )
    )


def merges_of(idea: Idea) -> list[IdeaMerge]:
    return list(
        db.session.scalars(
            select(IdeaMerge)
            .where((IdeaMerge.source_id == idea.id) | (IdeaMerge.target_id == idea.id))
            .order_by(IdeaMerge.merged_at.desc())
        )
    )


def active_merge_of(source: Idea) -> IdeaMerge | None:
    return db.session.scalar(
        select(IdeaMerge)
        .where(IdeaMerge.source_id == source.id, IdeaMerge.undone_at.is_(None))
        .order_by(IdeaMerge.merged_at.desc())
        .limit(1)
    )


def has_reported(user, kind: str, item_id: int) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return (
        db.session.scalar(
            select(Report.id).where(
                Report.target_kind == kind,
                Report.target_id == item_id,
                Report.reporter_id == user.id,
            )
        )
        is not None
    )


def open_case_kind(kind: str, item_id: int) -> CaseKind | None:
    return db.session.scalar(
        select(ModerationCase.kind).where(
            ModerationCase.target_kind == kind,
            ModerationCase.target_id == item_id,
            ModerationCase.closed_at.is_(None),
        )
    )


# Metrics


@dataclass(frozen=True)
class DecisionFigures:
    days: int
    decided: int
    median: timedelta | None
    p90: timedelta | None


def decision_figures(days: int, now: datetime | None = None) -> DecisionFigures:
    now = now or utcnow()
    times = decision_times(since=now - timedelta(days=days))
    return DecisionFigures(days, len(times), _quantile(times, 0.5), _quantile(times, 0.9))


def actions_per_moderator(*, since: datetime) -> list[tuple[User | None, int]]:
    rows = db.session.execute(
        select(AuditEntry.actor_id, func.count(AuditEntry.id))
        .where(AuditEntry.created_at >= since, AuditEntry.actor_id.is_not(None))
        .group_by(AuditEntry.actor_id)
        .order_by(func.count(AuditEntry.id).desc())
    ).all()
    users = {
        u.id: u for u in db.session.scalars(select(User).where(User.id.in_([r[0] for r in rows])))
    }
    return [(users.get(actor_id), n) for actor_id, n in rows]


def week_start(moment: datetime) -> datetime:
    day = moment - timedelta(days=moment.weekday())
    return day.replace(hour=0, minute=0, second=0, microsecond=0)


def content_per_week(*, weeks: int, now: datetime | None = None) -> list[tuple[datetime, int, int]]:
    """(Monday, ideas published, comments posted) for each of the last `weeks` weeks."""
    now = now or utcnow()
    first = week_start(now) - timedelta(weeks=weeks - 1)
    ideas = db.session.scalars(
        select(Idea.published_at).where(Idea.published_at.is_not(None), Idea.published_at >= first)
    ).all()
    comments = db.session.scalars(
        select(Comment.created_at).where(Comment.created_at >= first)
    ).all()
    zone = now.tzinfo
    idea_weeks = Counter(week_start(t.astimezone(zone)) for t in ideas)
    comment_weeks = Counter(week_start(t.astimezone(zone)) for t in comments)
    out = []
    for i in range(weeks):
        monday = first + timedelta(weeks=i)
        out.append((monday, idea_weeks.get(monday, 0), comment_weeks.get(monday, 0)))
    return out


def decisions_by_kind(*, since: datetime) -> list[tuple[Decision, int]]:
    rows = db.session.execute(
        select(ModerationCase.decision, func.count())
        .where(ModerationCase.closed_at >= since)
        .group_by(ModerationCase.decision)
    ).all()
    return sorted(((d, n) for d, n in rows if d is not None), key=lambda r: -r[1])
