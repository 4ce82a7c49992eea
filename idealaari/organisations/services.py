"""Writes to organisations: reference data and organisations added by members."""

from __future__ import annotations

import csv
from importlib import resources

from flask_babel import gettext as _
from slugify import slugify
from sqlalchemy import select

from idealaari.extensions import db
from idealaari.organisations import queries
from idealaari.organisations.models import ADDABLE_KINDS, Organisation, OrganisationKind


class OrganisationError(Exception):
    """A refused change to organisations; the message is shown to the member."""


def read_reference_areas() -> list[dict[str, str]]:
    """The 23 wellbeing-area organisations kept in idealaari/data/wellbeing_areas.csv."""
    text = resources.files("idealaari").joinpath("data/wellbeing_areas.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def sync_reference_areas() -> tuple[int, int]:
    """Insert or update the reference areas; return (added, updated)."""
    added = updated = 0
    for row in read_reference_areas():
        org = db.session.scalar(select(Organisation).where(Organisation.code == row["code"]))
        values = {
            "name_fi": row["name_fi"],
            "name_sv": row["name_sv"],
            "name_en": row["name_en"],
            "kind": OrganisationKind(row["kind"]),
        }
        if org is None:
            db.session.add(Organisation(code=row["code"], **values))
            added += 1
        elif any(getattr(org, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(org, k, v)
            updated += 1
    db.session.flush()
    return added, updated


def _free_code(name: str) -> str:
    base = slugify(name, max_length=32, word_boundary=True) or "org"
    code, n = base, 2
    while queries.code_taken(code):
        code, n = f"{base}-{n}", n + 1
    return code


def add_organisation(*, name: str, kind: OrganisationKind | str) -> Organisation:
    """Add an organisation a member named; an existing one of the same name is reused."""
    name = " ".join(name.split())
    if len(name) < 2:
        raise OrganisationError(_("Give the organisation's name."))
    if len(name) > 200:
        raise OrganisationError(_("The organisation's name can be at most 200 characters long."))
    try:
        kind = OrganisationKind(kind)
    except ValueError:
        raise OrganisationError(_("Choose the kind of organisation.")) from None
    existing = queries.find_by_name(name)
    if existing is not None:
        return existing
    if kind not in ADDABLE_KINDS:
        raise OrganisationError(
            _("Wellbeing services counties are already on the list; pick yours from it.")
        )
    org = Organisation(code=_free_code(name), name_fi=name, kind=kind)
    db.session.add(org)
    db.session.flush()
    return org
