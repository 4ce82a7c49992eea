"""Reads of lineage: where an idea came from, what continues it, who adopted it and answered."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import joinedload

from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.lineage.models import Adoption, IdeaDerivation, OfficialResponse
from idealaari.organisations.models import Organisation

# Ideas everyone may read: lineage lists show only these, so drafts and hidden ideas stay out.
PUBLIC_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED)
# How far back a chain of sources is followed when looking for a loop.
MAX_CHAIN = 200


def derivation_of(idea: Idea) -> IdeaDerivation | None:
    """The row saying which idea this one continues, if any."""
    if idea.id is None:
        return None
    return db.session.scalar(select(IdeaDerivation).where(IdeaDerivation.idea_id == idea.id))


def source_id_of(idea: Idea) -> int | None:
    if idea.id is None:
        return None
    return db.session.scalar(
        select(IdeaDerivation.source_id).where(IdeaDerivation.idea_id == idea.id)
    )


def chain_reaches(start: Idea, target: Idea) -> bool:
    """Whether following sources from `start` leads to `target` (naming `start` as the source
    of `target` would then make a loop)."""
    seen: set[int] = set()
    current: int | None = start.id
    while current is not None and current not in seen and len(seen) < MAX_CHAIN:
        if current == target.id:
            return True
        seen.add(current)
        current = db.session.scalar(
            select(IdeaDerivation.source_id).where(IdeaDerivation.idea_id == current)
        )
    return False


def derived_ideas(idea: Idea) -> list[Idea]:
    """Published and archived ideas that continue this one, oldest first."""
    return list(
        db.session.scalars(
            select(Idea)
            .join(IdeaDerivation, IdeaDerivation.idea_id == Idea.id)
            .where(IdeaDerivation.source_id == idea.id, Idea.status.in_(PUBLIC_STATUSES))
            .order_by(Idea.created_at, Idea.id)
        )
    )


def adoptions_of(idea: Idea) -> list[Adoption]:
    """The organisations that adopted the idea, latest adoption first."""
    return list(
        db.session.scalars(
            select(Adoption)
            .where(Adoption.idea_id == idea.id)
            .order_by(Adoption.adopted_on.desc(), Adoption.id.desc())
        )
    )


def responses_to(idea: Idea) -> list[OfficialResponse]:
    """The organisations' current official responses, newest first."""
    return list(
        db.session.scalars(
            select(OfficialResponse)
            .where(OfficialResponse.idea_id == idea.id)
            .order_by(OfficialResponse.updated_at.desc(), OfficialResponse.id.desc())
        )
    )


def adoption_by(idea: Idea, organisation_id: int | None) -> Adoption | None:
    if organisation_id is None:
        return None
    return db.session.scalar(
        select(Adoption).where(
            Adoption.idea_id == idea.id, Adoption.organisation_id == organisation_id
        )
    )


def response_by(idea: Idea, organisation_id: int | None) -> OfficialResponse | None:
    if organisation_id is None:
        return None
    return db.session.scalar(
        select(OfficialResponse).where(
            OfficialResponse.idea_id == idea.id,
            OfficialResponse.organisation_id == organisation_id,
        )
    )


def adopted_by_organisation(org: Organisation, limit: int = 50) -> list[Adoption]:
    """What the organisation adopted from others (public ideas only), latest first."""
    return list(
        db.session.scalars(
            select(Adoption)
            .join(Idea, Idea.id == Adoption.idea_id)
            .options(joinedload(Adoption.idea))
            .where(Adoption.organisation_id == org.id, Idea.status.in_(PUBLIC_STATUSES))
            .order_by(Adoption.adopted_on.desc(), Adoption.id.desc())
            .limit(limit)
        )
    )


def adopted_from_organisation(org: Organisation, limit: int = 50) -> list[Adoption]:
    """What other organisations adopted from this organisation's public ideas, latest first."""
    return list(
        db.session.scalars(
            select(Adoption)
            .join(Idea, Idea.id == Adoption.idea_id)
            .options(joinedload(Adoption.idea))
            .where(Idea.organisation_id == org.id, Idea.status.in_(PUBLIC_STATUSES))
            .order_by(Adoption.adopted_on.desc(), Adoption.id.desc())
            .limit(limit)
        )
    )


def ideas_titled(text: str, limit: int = 5) -> list[Idea]:
    """Published and archived ideas whose title contains `text`, for "did you mean"."""
    words = [w for w in text.casefold().split() if len(w) >= 3][:5]
    if not words:
        return []
    stmt = select(Idea).where(Idea.status.in_(PUBLIC_STATUSES))
    for word in words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(func.lower(Idea.title).like(f"%{escaped}%", escape="\\"))
    return list(db.session.scalars(stmt.order_by(Idea.vote_count.desc(), Idea.id).limit(limit)))


@dataclass(frozen=True)
class OrganisationLineage:
    """What an organisation page shows of lineage."""

    adopted: list[Adoption]  # what the organisation took into use from others
    adopted_from: list[Adoption]  # what others took into use from its ideas


def organisation_lineage(org: Organisation) -> OrganisationLineage:
    return OrganisationLineage(
        adopted=adopted_by_organisation(org), adopted_from=adopted_from_organisation(org)
    )
