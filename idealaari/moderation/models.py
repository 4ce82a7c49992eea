"""Reports, the cases the queue lists, and merges of duplicate ideas."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, ForeignKey, Index, Integer, Text, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db
from idealaari.targets import TargetKind

if TYPE_CHECKING:
    from idealaari.accounts.models import User
    from idealaari.ideas.models import Idea


class ReportReason(enum.StrEnum):
    SPAM = "spam"
    OFFENSIVE = "offensive"
    PERSONAL_DATA = "personal_data"
    OFF_TOPIC = "off_topic"
    DUPLICATE = "duplicate"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(REASON_LABELS[self])


REASON_LABELS = {
    ReportReason.SPAM: _l("Spam or advertising"),
    ReportReason.OFFENSIVE: _l("Offensive or inappropriate"),
    ReportReason.PERSONAL_DATA: _l("Contains personal data"),
    ReportReason.OFF_TOPIC: _l("Off-topic"),
    ReportReason.DUPLICATE: _l("Duplicate of another idea"),
    ReportReason.OTHER: _l("Something else"),
}


class CaseKind(enum.StrEnum):
    REPORTS = "reports"  # members reported the item
    PREMODERATION = "premoderation"  # a new member's first post waits for approval


class Decision(enum.StrEnum):
    DISMISSED = "dismissed"
    HIDDEN = "hidden"
    RESTORED = "restored"
    APPROVED = "approved"
    MERGED = "merged"

    @property
    def label(self) -> str:
        return str(DECISION_LABELS[self])


DECISION_LABELS = {
    Decision.DISMISSED: _l("Dismissed"),
    Decision.HIDDEN: _l("Hidden"),
    Decision.RESTORED: _l("Restored"),
    Decision.APPROVED: _l("Approved"),
    Decision.MERGED: _l("Merged as a duplicate"),
}


class ModerationCase(db.Model):
    """One item waiting for a moderator (open), or the decision taken on it (closed).

    An item has at most one open case; reports after a decision open a new one.
    """

    __tablename__ = "moderation_cases"
    __table_args__ = (
        Index(
            "uq_moderation_cases_open_item",
            "target_kind",
            "target_id",
            unique=True,
            sqlite_where=text("closed_at IS NULL"),
            postgresql_where=text("closed_at IS NULL"),
        ),
        Index("ix_moderation_cases_closed_at", "closed_at"),
        Index("ix_moderation_cases_opened_at", "opened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[CaseKind] = mapped_column(str_enum(CaseKind))
    target_kind: Mapped[TargetKind] = mapped_column(str_enum(TargetKind))
    target_id: Mapped[int] = mapped_column(Integer)
    # The item's author when the case opened: the queue shows earlier decisions on them.
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Raised with SQL increments only: the row lock orders parallel reports at the threshold.
    report_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The item was hidden because the threshold was reached; a dismissal shows it again.
    auto_hidden: Mapped[bool] = mapped_column(default=False, server_default=false())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision: Mapped[Decision | None] = mapped_column(str_enum(Decision))
    decision_reason: Mapped[str | None] = mapped_column(Text)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    reports: Mapped[list[Report]] = relationship(back_populates="case", order_by="Report.id")

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Report(db.Model):
    """A member's report of an item; each member reports an item once."""

    __tablename__ = "moderation_reports"
    __table_args__ = (UniqueConstraint("target_kind", "target_id", "reporter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("moderation_cases.id", ondelete="CASCADE"), index=True
    )
    target_kind: Mapped[TargetKind] = mapped_column(str_enum(TargetKind))
    target_id: Mapped[int] = mapped_column(Integer)
    reporter_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    reason: Mapped[ReportReason] = mapped_column(str_enum(ReportReason))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    case: Mapped[ModerationCase] = relationship(back_populates="reports")
    reporter: Mapped[User | None] = relationship()


class IdeaMerge(db.Model):
    """Idea `source` merged into `target`; `moved` lists what moved, so an undo is exact."""

    __tablename__ = "idea_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    merged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    reason: Mapped[str] = mapped_column(Text, default="")
    moved: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    undone_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    source: Mapped[Idea] = relationship(foreign_keys=[source_id])
    target: Mapped[Idea] = relationship(foreign_keys=[target_id])
    merged_by: Mapped[User | None] = relationship(foreign_keys=[merged_by_id])
