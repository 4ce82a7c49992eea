"""Reads of organisations."""

from __future__ import annotations

from sqlalchemy import func, select

from idealaari.extensions import db
from idealaari.organisations.models import Organisation


def all_organisations(*, by_kind: bool = False) -> list[Organisation]:
    """Every organisation by its Finnish name (first grouped by kind, with by_kind), for selects."""
    order = (Organisation.kind, Organisation.name_fi) if by_kind else (Organisation.name_fi,)
    return list(db.session.scalars(select(Organisation).order_by(*order)))


def by_code(code: str) -> Organisation | None:
    return db.session.scalar(select(Organisation).where(Organisation.code == code))


def find_by_name(name: str) -> Organisation | None:
    """The organisation of this Finnish name, ignoring case."""
    return db.session.scalar(
        select(Organisation).where(func.lower(Organisation.name_fi) == name.strip().lower())
    )


def code_taken(code: str) -> bool:
    return db.session.scalar(select(Organisation.id).where(Organisation.code == code)) is not None


def _name_key(name: str) -> str:
    """A name for comparing: case, hyphens and runs of spaces do not matter."""
    return " ".join(name.casefold().replace("-", " ").split())


def similar_organisations(name: str, limit: int = 5) -> list[Organisation]:
    """Organisations whose Finnish, Swedish or English name resembles `name`, closest first
    (so a member adding "Tampere University" finds "Tampereen yliopisto")."""
    import difflib

    key = _name_key(name)
    if len(key) < 3:
        return []
    scored = []
    for org in db.session.scalars(select(Organisation)):
        best = 0.0
        for candidate in (org.name_fi, org.name_sv, org.name_en):
            if not candidate:
                continue
            other = _name_key(candidate)
            ratio = difflib.SequenceMatcher(None, key, other).ratio()
            if min(len(key), len(other)) >= 5 and (key in other or other in key):
                ratio = max(ratio, 0.8)
            best = max(best, ratio)
        if best >= 0.75:
            scored.append((-best, org.name_fi, org))
    return [org for *_, org in sorted(scored, key=lambda row: row[:2])[:limit]]
