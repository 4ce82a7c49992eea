"""Ideas (development drafts), their themes, tags and edit history."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.comments.models import Discussion
from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db
from idealaari.i18n import LocalisedName

if TYPE_CHECKING:
    from idealaari.accounts.models import User
    from idealaari.organisations.models import Organisation


class Phase(enum.StrEnum):
    """The six Innokylä-style development phases, in order."""

    IDEATION = "ideation"
    SELECTION = "selection"
    CONCRETISING = "concretising"
    TESTING = "testing"
    LEARNINGS = "learnings"
    ADOPTION = "adoption"

    @property
    def number(self) -> int:
        return list(Phase).index(self) + 1

    @property
    def label(self) -> str:
        return str(PHASE_LABELS[self])


PHASE_LABELS = {
    Phase.IDEATION: _l("Ideation"),
    Phase.SELECTION: _l("Selecting the idea"),
    Phase.CONCRETISING: _l("Concretising"),
    Phase.TESTING: _l("Testing"),
    Phase.LEARNINGS: _l("Learnings from the trial"),
    Phase.ADOPTION: _l("Adoption and spread"),
}


class TargetGroup(enum.StrEnum):
    CLIENTS = "clients"
    PROFESSIONALS = "professionals"
    COMPANIES = "companies"
    RESEARCHERS = "researchers"
    STUDENTS = "students"
    OTHER_PARTNERS = "other_partners"

    @property
    def label(self) -> str:
        return str(TARGET_GROUP_LABELS[self])


TARGET_GROUP_LABELS = {
    TargetGroup.CLIENTS: _l("Clients"),
    TargetGroup.PROFESSIONALS: _l("Professionals"),
    TargetGroup.COMPANIES: _l("Companies"),
    TargetGroup.RESEARCHERS: _l("Researchers"),
    TargetGroup.STUDENTS: _l("Students and teaching staff"),
    TargetGroup.OTHER_PARTNERS: _l("Other partners"),
}


class PartnerRole(enum.StrEnum):
    CO_DEVELOPER = "co_developer"
    PILOT_SITE = "pilot_site"
    RESEARCHER = "researcher"
    COMPANY = "company"
    STUDENT = "student"
    FUNDER = "funder"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(PARTNER_ROLE_LABELS[self])


PARTNER_ROLE_LABELS = {
    PartnerRole.CO_DEVELOPER: _l("Co-developer"),
    PartnerRole.PILOT_SITE: _l("Pilot or test site"),
    PartnerRole.RESEARCHER: _l("Researcher or research group"),
    PartnerRole.COMPANY: _l("Company"),
    PartnerRole.STUDENT: _l("Student or thesis"),
    PartnerRole.FUNDER: _l("Funder"),
    PartnerRole.OTHER: _l("Other"),
}


class IdeaStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    HIDDEN = "hidden"
    MERGED = "merged"
    ARCHIVED = "archived"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    IdeaStatus.DRAFT: _l("Draft"),
    IdeaStatus.PUBLISHED: _l("Published"),
    IdeaStatus.HIDDEN: _l("Hidden"),
    IdeaStatus.MERGED: _l("Merged"),
    IdeaStatus.ARCHIVED: _l("Archived"),
}


idea_themes = Table(
    "idea_themes",
    db.metadata,
    Column("idea_id", ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True),
    Column("theme_id", ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True),
)

idea_tags = Table(
    "idea_tags",
    db.metadata,
    Column("idea_id", ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)

idea_co_editors = Table(
    "idea_co_editors",
    db.metadata,
    Column("idea_id", ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Theme(LocalisedName, db.Model):
    """A theme of the network; moderators manage the list."""

    __tablename__ = "themes"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    name_fi: Mapped[str] = mapped_column(String(200))
    name_sv: Mapped[str | None] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Tag(db.Model):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)


class IdeaTargetGroup(db.Model):
    __tablename__ = "idea_target_groups"

    idea_id: Mapped[int] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True
    )
    group: Mapped[TargetGroup] = mapped_column(str_enum(TargetGroup), primary_key=True, index=True)


class IdeaPartnerRole(db.Model):
    __tablename__ = "idea_partner_roles"

    idea_id: Mapped[int] = mapped_column(
        ForeignKey("ideas.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[PartnerRole] = mapped_column(str_enum(PartnerRole), primary_key=True)


class Idea(db.Model):
    """A development draft (kehittämisaihio), owned by an organisation."""

    __tablename__ = "ideas"
    __table_args__ = (
        Index("ix_ideas_status_created_at", "status", "created_at"),
        Index("ix_ideas_status_updated_at", "status", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(160))
    slug: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(String(600))
    body: Mapped[str] = mapped_column(Text, default="")
    need: Mapped[str] = mapped_column(Text, default="")
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    phase: Mapped[Phase] = mapped_column(str_enum(Phase), default=Phase.IDEATION, index=True)
    seeks_partners: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    status: Mapped[IdeaStatus] = mapped_column(str_enum(IdeaStatus), default=IdeaStatus.DRAFT)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Kept by votes.services with SQL increments only (never read-modify-write in Python).
    vote_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0", index=True)
    # The idea's comments; the discussion goes with the idea.
    discussion_id: Mapped[int] = mapped_column(ForeignKey("discussions.id"), unique=True)
    # Moderation (idealaari/moderation): the reason shown to the author of a hidden idea (None
    # while it waits for review), the status to return to, locked comments, the front page's
    # featured ideas, and where a merged duplicate now lives.
    hidden_reason: Mapped[str | None] = mapped_column(String(500))
    hidden_from: Mapped[IdeaStatus | None] = mapped_column(str_enum(IdeaStatus))
    comments_locked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    featured_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("ideas.id", ondelete="SET NULL"), index=True
    )

    organisation: Mapped[Organisation] = relationship(lazy="joined")
    discussion: Mapped[Discussion] = relationship(cascade="all, delete-orphan", single_parent=True)
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    merged_into: Mapped[Idea | None] = relationship(remote_side=[id], foreign_keys=[merged_into_id])
    themes: Mapped[list[Theme]] = relationship(secondary=idea_themes, order_by="Theme.name_fi")
    tags: Mapped[list[Tag]] = relationship(secondary=idea_tags, order_by="Tag.name")
    co_editors: Mapped[list[User]] = relationship(secondary=idea_co_editors, order_by="User.name")
    target_group_rows: Mapped[list[IdeaTargetGroup]] = relationship(
        cascade="all, delete-orphan", order_by="IdeaTargetGroup.group"
    )
    partner_role_rows: Mapped[list[IdeaPartnerRole]] = relationship(
        cascade="all, delete-orphan", order_by="IdeaPartnerRole.role"
    )
    revisions: Mapped[list[IdeaRevision]] = relationship(
        back_populates="idea", cascade="all, delete-orphan", order_by="IdeaRevision.number"
    )

    @property
    def target_groups(self) -> list[TargetGroup]:
        return sorted((row.group for row in self.target_group_rows), key=list(TargetGroup).index)

    @target_groups.setter
    def target_groups(self, groups) -> None:
        wanted = {TargetGroup(g) for g in groups}
        self.target_group_rows = [r for r in self.target_group_rows if r.group in wanted] + [
            IdeaTargetGroup(group=g)
            for g in sorted(wanted - {r.group for r in self.target_group_rows})
        ]

    @property
    def partner_roles(self) -> list[PartnerRole]:
        return sorted((row.role for row in self.partner_role_rows), key=list(PartnerRole).index)

    @partner_roles.setter
    def partner_roles(self, roles) -> None:
        wanted = {PartnerRole(r) for r in roles}
        self.partner_role_rows = [r for r in self.partner_role_rows if r.role in wanted] + [
            IdeaPartnerRole(role=r)
            for r in sorted(wanted - {r.role for r in self.partner_role_rows})
        ]

    @property
    def is_published(self) -> bool:
        return self.status == IdeaStatus.PUBLISHED

    def __repr__(self) -> str:
        return f"<Idea {self.id} {self.title!r}>"


class IdeaRevision(db.Model):
    """One saved state of an idea; consecutive revisions give the edit history."""

    __tablename__ = "idea_revisions"
    __table_args__ = (UniqueConstraint("idea_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(ForeignKey("ideas.id", ondelete="CASCADE"), index=True)
    number: Mapped[int]
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    # Set when a moderator made the edit: the reason, shown in the history.
    moderation_reason: Mapped[str | None] = mapped_column(String(500))
    # What changed since the revision before, compared once when the edit was saved
    # (ideas.history.changes_between); the history page renders it without diffing.
    changes: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)

    idea: Mapped[Idea] = relationship(back_populates="revisions")
    editor: Mapped[User | None] = relationship()
