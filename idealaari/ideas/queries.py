"""Reads of ideas: filtered lists, front-page figures, a member's own ideas."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import Select, func, select
from sqlalchemy.orm import defer, selectinload

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.extensions import db
from idealaari.ideas.models import (
    Idea,
    IdeaRevision,
    IdeaStatus,
    IdeaTargetGroup,
    Phase,
    Tag,
    TargetGroup,
    Theme,
    idea_tags,
    idea_themes,
)
from idealaari.organisations.models import AREA_KINDS, Organisation
from idealaari.permissions import editable_ideas_clause

SORTS = ("newest", "updated", "votes")


@dataclass(frozen=True)
class IdeaFilters:
    """What a member can narrow the idea list by; every field is optional."""

    organisation: str | None = None
    theme: str | None = None
    phase: Phase | None = None
    target_group: TargetGroup | None = None
    seeks_partners: bool = False
    tag: str | None = None

    @classmethod
    def from_args(cls, args) -> IdeaFilters:
        """Read filters from query arguments, ignoring values that are not valid."""
        phase = args.get("phase") or None
        group = args.get("target_group") or None
        return cls(
            organisation=(args.get("organisation") or "").strip() or None,
            theme=(args.get("theme") or "").strip() or None,
            phase=Phase(phase) if phase in Phase._value2member_map_ else None,
            target_group=TargetGroup(group) if group in TargetGroup._value2member_map_ else None,
            seeks_partners=args.get("seeks_partners") in ("1", "true", "on", "y"),
            tag=(args.get("tag") or "").strip().lower() or None,
        )

    def as_args(self) -> dict[str, str]:
        """The filters as query arguments, for links that keep them."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                out[f.name] = "1" if value is True else str(value)
        return out

    @property
    def active(self) -> bool:
        return bool(self.as_args())


def with_listing_details(stmt: Select) -> Select:
    return stmt.options(selectinload(Idea.themes), selectinload(Idea.tags))


def ideas_by_status(
    status: IdeaStatus | tuple[IdeaStatus, ...], filters: IdeaFilters, sort: str = "newest"
) -> Select:
    """Ideas of one status (or of several), narrowed by the filters and sorted."""
    if isinstance(status, IdeaStatus):
        stmt = select(Idea).where(Idea.status == status)
    else:
        stmt = select(Idea).where(Idea.status.in_(status))
    if filters.organisation:
        stmt = stmt.where(
            Idea.organisation_id.in_(
                select(Organisation.id).where(Organisation.code == filters.organisation)
            )
        )
    if filters.theme:
        stmt = stmt.where(
            Idea.id.in_(
                select(idea_themes.c.idea_id)
                .join(Theme, Theme.id == idea_themes.c.theme_id)
                .where(Theme.slug == filters.theme)
            )
        )
    if filters.phase:
        stmt = stmt.where(Idea.phase == filters.phase)
    if filters.target_group:
        stmt = stmt.where(
            Idea.id.in_(
                select(IdeaTargetGroup.idea_id).where(IdeaTargetGroup.group == filters.target_group)
            )
        )
    if filters.seeks_partners:
        stmt = stmt.where(Idea.seeks_partners.is_(True))
    if filters.tag:
        stmt = stmt.where(
            Idea.id.in_(
                select(idea_tags.c.idea_id)
                .join(Tag, Tag.id == idea_tags.c.tag_id)
                .where(Tag.name == filters.tag)
            )
        )
    if sort == "votes":
        return with_listing_details(
            stmt.order_by(Idea.vote_count.desc(), Idea.created_at.desc(), Idea.id.desc())
        )
    order = Idea.updated_at if sort == "updated" else Idea.created_at
    return with_listing_details(stmt.order_by(order.desc(), Idea.id.desc()))


def published_ideas(filters: IdeaFilters | None = None, sort: str = "newest") -> Select:
    return ideas_by_status(IdeaStatus.PUBLISHED, filters or IdeaFilters(), sort)


def count_published(filters: IdeaFilters) -> int:
    stmt = published_ideas(filters).order_by(None).options()
    return db.session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def newest_ideas(limit: int = 6) -> list[Idea]:
    return list(db.session.scalars(published_ideas().limit(limit)))


def featured_ideas(limit: int = 3) -> list[Idea]:
    """Published ideas the moderators feature on the front page, most recently featured first."""
    stmt = (
        published_ideas()
        .where(Idea.featured_at.is_not(None))
        .order_by(None)
        .order_by(Idea.featured_at.desc(), Idea.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def ideas_seeking_partners(limit: int = 6) -> list[Idea]:
    stmt = published_ideas(IdeaFilters(seeks_partners=True), sort="updated").limit(limit)
    return list(db.session.scalars(stmt))


def counts_by_phase() -> list[tuple[Phase, int]]:
    """Published ideas per development phase, every phase listed in order."""
    rows = dict(
        db.session.execute(
            select(Idea.phase, func.count())
            .where(Idea.status == IdeaStatus.PUBLISHED)
            .group_by(Idea.phase)
        ).all()
    )
    return [(phase, rows.get(phase, 0)) for phase in Phase]


def counts_by_organisation(kinds=None) -> list[tuple[Organisation, int]]:
    """Published ideas per organisation (optionally of some kinds only), most first."""
    count = func.count(Idea.id)
    stmt = (
        select(Organisation, count)
        .outerjoin(
            Idea, (Idea.organisation_id == Organisation.id) & (Idea.status == IdeaStatus.PUBLISHED)
        )
        .group_by(Organisation.id)
        .order_by(count.desc(), Organisation.name_fi)
    )
    if kinds is not None:
        stmt = stmt.where(Organisation.kind.in_(kinds))
    return [(org, n) for org, n in db.session.execute(stmt).all()]


def counts_by_area() -> list[tuple[Organisation, int]]:
    """Published ideas per wellbeing area (and Helsinki and HUS), most first."""
    return counts_by_organisation(AREA_KINDS)


def drafts_of(user) -> list[Idea]:
    """Drafts the member can edit (their own, co-edited, or their area's)."""
    stmt = (
        select(Idea)
        .where(Idea.status == IdeaStatus.DRAFT, editable_ideas_clause(user))
        .order_by(Idea.updated_at.desc())
    )
    return list(db.session.scalars(with_listing_details(stmt)))


def ideas_authored_by(user, statuses: tuple[IdeaStatus, ...]) -> list[Idea]:
    stmt = (
        select(Idea)
        .where(Idea.author_id == user.id, Idea.status.in_(statuses))
        .order_by(Idea.created_at.desc())
    )
    return list(db.session.scalars(with_listing_details(stmt)))


def active_themes() -> list[Theme]:
    return list(
        db.session.scalars(select(Theme).where(Theme.active.is_(True)).order_by(Theme.name_fi))
    )


def all_themes() -> list[Theme]:
    return list(db.session.scalars(select(Theme).order_by(Theme.active.desc(), Theme.name_fi)))


def popular_tags(limit: int = 30) -> list[tuple[str, int]]:
    count = func.count(idea_tags.c.idea_id)
    stmt = (
        select(Tag.name, count)
        .join(idea_tags, idea_tags.c.tag_id == Tag.id)
        .join(Idea, Idea.id == idea_tags.c.idea_id)
        .where(Idea.status == IdeaStatus.PUBLISHED)
        .group_by(Tag.name)
        .order_by(count.desc(), Tag.name)
        .limit(limit)
    )
    return [(name, n) for name, n in db.session.execute(stmt).all()]


def editor_ids(idea: Idea) -> set[int]:
    """The active members who edit the idea (permissions.can_edit_idea, as a query)."""
    return set(
        db.session.scalars(
            select(User.id).where(permissions.idea_editors_clause(idea), User.active.is_(True))
        )
    )


def ideas_in_order(ids: list[int], visible_to=None) -> list[Idea]:
    """Published, archived and draft ideas by id, in the given order, that visible_to may see."""
    from idealaari.permissions import can_view_idea

    if not ids:
        return []
    found = {
        idea.id: idea
        for idea in db.session.scalars(with_listing_details(select(Idea).where(Idea.id.in_(ids))))
    }
    return [
        found[i]
        for i in ids
        if i in found
        and found[i].status in (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED, IdeaStatus.DRAFT)
        and can_view_idea(visible_to, found[i])
    ]


def revisions_newest_first(idea: Idea) -> Select:
    """The idea's revisions for its history page, newest first, with their editors. The stored
    snapshots are left unloaded: the page shows only the stored changes."""
    return (
        select(IdeaRevision)
        .where(IdeaRevision.idea_id == idea.id)
        .order_by(IdeaRevision.number.desc())
        .options(defer(IdeaRevision.data), selectinload(IdeaRevision.editor))
    )


def revision_count(idea: Idea) -> int:
    return (
        db.session.scalar(
            select(func.count()).select_from(IdeaRevision).where(IdeaRevision.idea_id == idea.id)
        )
        or 0
    )
