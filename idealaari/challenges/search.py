"""Challenges as a searchable type: approved challenges are indexed, with the same Finnish
analysis as ideas; proposed and rejected ones never enter the index."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from idealaari.challenges.models import Challenge, ChallengeStatus, challenge_themes
from idealaari.extensions import db
from idealaari.ideas.models import Theme
from idealaari.organisations.models import Organisation
from idealaari.search import registry
from idealaari.search.documents import plain_text
from idealaari.search.types import SearchDocument, Visibility


def challenges_for_index(session: Session, ids: Iterable[int] | None = None):
    """The given challenges (whatever their status), or every approved one."""
    stmt = select(Challenge).options(selectinload(Challenge.themes))
    if ids is not None:
        stmt = stmt.where(Challenge.id.in_(list(ids)))
    else:
        stmt = stmt.where(Challenge.status == ChallengeStatus.APPROVED).order_by(Challenge.id)
    return session.scalars(stmt)


def indexed_challenge_ids(session: Session) -> set[int]:
    return set(
        session.scalars(select(Challenge.id).where(Challenge.status == ChallengeStatus.APPROVED))
    )


def is_indexed(challenge: Challenge | None) -> bool:
    return challenge is not None and challenge.status == ChallengeStatus.APPROVED


def challenge_document(challenge: Challenge) -> SearchDocument:
    """The search document of one challenge: its words and the problem owner's names.

    Its phase is left out: it follows the clock, so the page reads it from the database."""
    owner = challenge.problem_owner
    return SearchDocument(
        kind="challenge",
        id=challenge.id,
        title=challenge.title,
        summary=challenge.summary,
        text="\n".join(
            part
            for part in (
                plain_text(challenge.brief or ""),
                owner.name_fi,
                owner.name_sv or "",
                " ".join(t.name_fi for t in challenge.themes),
            )
            if part
        ),
        status=challenge.status.value,
        created=challenge.decided_at or challenge.created_at,
    )


def changed_challenge_ids(session: Session) -> set[int]:
    """Challenges a flush changed, and those whose problem owner or theme was renamed."""
    ids: set[int] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Challenge) and obj.id is not None:
            ids.add(obj.id)
        elif isinstance(obj, Organisation) and obj in session.dirty and session.is_modified(obj):
            ids.update(
                session.connection().scalars(
                    select(Challenge.id).where(Challenge.problem_owner_id == obj.id)
                )
            )
        elif isinstance(obj, Theme) and obj in session.dirty and session.is_modified(obj):
            ids.update(
                session.connection().scalars(
                    select(challenge_themes.c.challenge_id).where(
                        challenge_themes.c.theme_id == obj.id
                    )
                )
            )
    return ids


def challenge_visibility(user) -> Visibility:
    """Only approved challenges are indexed, and every one of them is public."""
    return Visibility(public=(ChallengeStatus.APPROVED.value,))


def _load_hits(ids: list[int], user) -> dict[int, Challenge]:
    from idealaari.permissions import can_view_challenge

    found = db.session.scalars(select(Challenge).where(Challenge.id.in_(ids)))
    return {c.id: c for c in found if is_indexed(c) and can_view_challenge(user, c)}


CHALLENGES = registry.SearchableType(
    kind="challenge",
    label=_l("Challenges"),
    load=challenges_for_index,
    is_indexed=is_indexed,
    indexed_ids=indexed_challenge_ids,
    document=challenge_document,
    changed_ids=changed_challenge_ids,
    visibility=challenge_visibility,
    load_hits=_load_hits,
    hit_template="search/_challenge_hit.html",
)


def register() -> None:
    """Make challenges searchable (from the challenges' init_app)."""
    registry.register(CHALLENGES)
