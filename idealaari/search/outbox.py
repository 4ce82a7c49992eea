"""Collect changed ideas into the search outbox on flush; drain it after commit."""

from __future__ import annotations

import logging
from itertools import chain

from flask import current_app, has_app_context
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from idealaari.dbtypes import utcnow
from idealaari.ideas.models import Idea, Theme, idea_themes
from idealaari.organisations.models import Organisation
from idealaari.search.models import SearchOutbox

log = logging.getLogger(__name__)
_PENDING = "idealaari_search_pending"


def _changed_idea_ids(session: Session) -> set[int]:
    ids: set[int] = set()
    for obj in chain(session.new, session.dirty, session.deleted):
        if isinstance(obj, Idea) and obj.id is not None:
            ids.add(obj.id)
        elif isinstance(obj, Organisation) and obj in session.dirty and session.is_modified(obj):
            ids.update(
                session.connection().scalars(select(Idea.id).where(Idea.organisation_id == obj.id))
            )
        elif isinstance(obj, Theme) and obj in session.dirty and session.is_modified(obj):
            ids.update(
                session.connection().scalars(
                    select(idea_themes.c.idea_id).where(idea_themes.c.theme_id == obj.id)
                )
            )
    return ids


def enqueue(session: Session, idea_id: int) -> None:
    """Ask for an idea to be re-indexed after commit (for changes made in SQL, not the ORM)."""
    session.connection().execute(
        SearchOutbox.__table__.insert(),
        [{"entity": "idea", "entity_id": idea_id, "created_at": utcnow()}],
    )
    session.info[_PENDING] = True


@event.listens_for(Session, "after_flush")
def _write_outbox(session: Session, flush_context) -> None:
    ids = _changed_idea_ids(session)
    if not ids:
        return
    now = utcnow()
    # Core insert on the flush's connection: same transaction, and no recursive flush.
    session.connection().execute(
        SearchOutbox.__table__.insert(),
        [{"entity": "idea", "entity_id": i, "created_at": now} for i in sorted(ids)],
    )
    session.info[_PENDING] = True


@event.listens_for(Session, "after_soft_rollback")
def _forget(session: Session, previous_transaction) -> None:
    session.info.pop(_PENDING, None)


@event.listens_for(Session, "after_commit")
def _drain_after_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a SAVEPOINT was released; the real commit comes later
    if not session.info.pop(_PENDING, False) or not has_app_context():
        return
    if not current_app.config.get("SEARCH_SYNC_INDEXING", True):
        return
    drain(current_app)


def drain(app) -> int:
    """Index what the outbox holds; never raises into the request that committed."""
    from idealaari.extensions import db
    from idealaari.search import get_index
    from idealaari.search.index import IndexUnavailable

    try:
        with Session(db.engine) as session:
            return get_index(app).drain_outbox(session)
    except IndexUnavailable as e:
        log.warning("search index unavailable, changes wait in the outbox: %s", e)
    except Exception:  # noqa: BLE001 - indexing must never break a write
        log.exception("draining the search outbox failed; changes wait in the outbox")
    return 0
