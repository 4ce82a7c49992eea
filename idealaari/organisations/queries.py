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
