"""The spring showcase (kevätjuhla): one yearbook per year, compiled from that year's results
and curated by moderators.

A showcase keeps what was compiled as a snapshot (plain JSON), so the published yearbook stays
as it was presented. Highlights name stable items (an award, an idea, an adoption, a
partnership) by kind and id, with their order; compiling again refreshes the snapshot and keeps
the highlights as they are.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db


class ShowcaseStatus(enum.StrEnum):
    DRAFT = "draft"  # moderators only
    PUBLISHED = "published"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    ShowcaseStatus.DRAFT: _l("Draft"),
    ShowcaseStatus.PUBLISHED: _l("Published"),
}


class HighlightKind(enum.StrEnum):
    """What a highlight points to; the id is that row's id."""

    AWARD = "award"
    IDEA = "idea"
    ADOPTION = "adoption"
    PARTNERSHIP = "partnership"  # an accepted partner offer


class Showcase(db.Model):
    """The yearbook of one year."""

    __tablename__ = "showcases"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    intro: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ShowcaseStatus] = mapped_column(
        str_enum(ShowcaseStatus), default=ShowcaseStatus.DRAFT
    )
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The figures and lists of the year as compiled (idealaari.showcase.compile).
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    compiled_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    highlights: Mapped[list[Highlight]] = relationship(
        back_populates="showcase",
        cascade="all, delete-orphan",
        order_by=lambda: (Highlight.position, Highlight.id),
    )

    @property
    def is_published(self) -> bool:
        return self.status == ShowcaseStatus.PUBLISHED

    def __repr__(self) -> str:
        return f"<Showcase {self.year} {self.status.value}>"


class Highlight(db.Model):
    """A moderator's pick for the showcase, in the order they gave."""

    __tablename__ = "showcase_highlights"
    __table_args__ = (UniqueConstraint("showcase_id", "kind", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    showcase_id: Mapped[int] = mapped_column(
        ForeignKey("showcases.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[HighlightKind] = mapped_column(str_enum(HighlightKind))
    item_id: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(500), default="")

    showcase: Mapped[Showcase] = relationship(back_populates="highlights")

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.item_id}"
