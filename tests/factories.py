"""Plain factory helpers: each makes one row with sensible defaults and flushes."""

from __future__ import annotations

import itertools
from functools import lru_cache

from werkzeug.security import generate_password_hash

from idealaari.accounts.models import Role, User
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas import services as idea_services
from idealaari.ideas.models import Idea, IdeaStatus, Phase, Theme
from idealaari.organisations.models import Organisation, OrganisationKind

PASSWORD = "oikein-hyva-salasana"
_seq = itertools.count(1)


@lru_cache(maxsize=1)
def password_hash() -> str:
    return generate_password_hash(PASSWORD)


def make_org(
    *,
    name: str | None = None,
    kind: OrganisationKind = OrganisationKind.WELLBEING_AREA,
    code: str | None = None,
) -> Organisation:
    n = next(_seq)
    org = Organisation(
        code=code or f"org{n}",
        name_fi=name or f"Testialueen {n} hyvinvointialue",
        name_sv=f"Testområde {n} välfärdsområde",
        name_en=f"Test county {n}",
        kind=kind,
    )
    db.session.add(org)
    db.session.flush()
    return org


def make_user(
    *,
    role: Role = Role.MEMBER,
    organisation: Organisation | None = None,
    email: str | None = None,
    name: str | None = None,
    active: bool = True,
    verified: bool = True,
) -> User:
    n = next(_seq)
    user = User(
        email=email or f"jasen{n}@example.fi",
        name=name or f"Jäsen {n}",
        title="Kehittäjä",
        password_hash=password_hash(),
        role=role,
        organisation=organisation or make_org(),
        active=active,
        email_verified_at=utcnow() if verified else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


def make_theme(*, name: str | None = None) -> Theme:
    n = next(_seq)
    theme = Theme(
        slug=f"teema-{n}", name_fi=name or f"Teema {n}", name_sv=f"Tema {n}", name_en=f"Theme {n}"
    )
    db.session.add(theme)
    db.session.flush()
    return theme


def make_idea(
    *,
    author: User | None = None,
    status: IdeaStatus = IdeaStatus.PUBLISHED,
    title: str | None = None,
    organisation: Organisation | None = None,
    **fields,
) -> Idea:
    author = author or make_user()
    n = next(_seq)
    values = idea_services.IdeaFields(
        title=title or f"Kotihoidon kehittämisidea {n}",
        summary=fields.pop(
            "summary", "Kotihoidon asiakkaille tarjotaan etäkäyntejä videoyhteydellä."
        ),
        body=fields.pop("body", "Tarkempi **kuvaus** ideasta."),
        need=fields.pop("need", "Hoitajien aikaa kuluu ajamiseen."),
        organisation=organisation or author.organisation,
        phase=fields.pop("phase", Phase.IDEATION),
        **fields,
    )
    if organisation is not None and organisation.id != author.organisation_id:
        # Posting for another organisation is a moderator's right; factories may set it directly.
        values.organisation = None
    idea = idea_services.create_idea(
        author=author, values=values, publish=status != IdeaStatus.DRAFT
    )
    if organisation is not None:
        idea.organisation = organisation
    if status not in (IdeaStatus.DRAFT, IdeaStatus.PUBLISHED):
        idea.status = status
    db.session.flush()
    return idea
