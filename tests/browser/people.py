"""Members the browser tests log in as: verified, with a known password, made in one place."""

from __future__ import annotations

PASSWORD = "hyvin-pitka-salasana-42"


def add_members(specs, *, password: str = PASSWORD) -> dict:
    """Add verified members; `specs` are (key, e-mail, name, organisation, role) tuples.

    Call inside the live app's request context; flushes, and returns the members by key."""
    from werkzeug.security import generate_password_hash

    from idealaari.accounts.models import User
    from idealaari.dbtypes import utcnow
    from idealaari.extensions import db

    password_hash = generate_password_hash(password)
    people = {}
    for key, email, name, organisation, role in specs:
        people[key] = User(
            email=email,
            name=name,
            title="",
            password_hash=password_hash,
            organisation=organisation,
            email_verified_at=utcnow(),
            **({"role": role} if role is not None else {}),
        )
        db.session.add(people[key])
    db.session.flush()
    return people
