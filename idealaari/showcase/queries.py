"""Reads of showcases: one year's, the list, and the highlights as the page shows them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from idealaari.extensions import db
from idealaari.showcase import figures
from idealaari.showcase.models import Highlight, Showcase, ShowcaseStatus


def showcase_of(year: int) -> Showcase | None:
    return db.session.scalar(select(Showcase).where(Showcase.year == year))


def showcases(*, drafts: bool) -> list[Showcase]:
    """Showcases newest year first; drafts only when asked (for moderators)."""
    stmt = select(Showcase).order_by(Showcase.year.desc())
    if not drafts:
        stmt = stmt.where(Showcase.status == ShowcaseStatus.PUBLISHED)
    return list(db.session.scalars(stmt))


@dataclass(frozen=True)
class PickedHighlight:
    """A highlight with what it shows; `candidate` is None when the item left the compiled
    year (hidden since, or its award withdrawn): moderators see it, readers do not."""

    highlight: Highlight
    candidate: figures.Candidate | None


def picked(showcase: Showcase, *, include_missing: bool = False) -> list[PickedHighlight]:
    found = figures.candidates(showcase.snapshot or {})
    result = [PickedHighlight(h, found.get(h.key)) for h in showcase.highlights]
    if include_missing:
        return result
    return [p for p in result if p.candidate is not None]


def slides(showcase: Showcase) -> list[figures.Candidate]:
    """What the presentation shows, one per screen: the highlights in their order, or the
    challenge winners when nothing is picked yet."""
    chosen = [p.candidate for p in picked(showcase)]
    if chosen:
        return chosen
    return [
        c for c in figures.candidates(showcase.snapshot or {}).values() if c.kind.value == "award"
    ]
