"""The search outbox: changed ideas are collected into it on flush, in the same transaction,
and drained into the index after commit. The drain dispatches each row on its `entity`.

Rows are deleted only after the index commit, so a crash or a busy index loses nothing: the
next drain (after any commit, after a rebuild, or `flask search drain`) picks them up.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import chain

from flask import current_app, has_app_context
from sqlalchemy import delete, event, func, select
from sqlalchemy.orm import Session

from idealaari.dbtypes import utcnow
from idealaari.ideas.models import Idea, Theme, idea_themes
from idealaari.organisations.models import Organisation
from idealaari.search.documents import ideas_for_index, is_indexed
from idealaari.search.models import SearchOutbox
from idealaari.search.types import IndexUpdate, SearchBackend, SearchBusy, SearchUnavailable

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


def _index_ideas(session: Session, update: IndexUpdate, ids: set[int]) -> None:
    """Rewrite the ideas' documents from the database; remove those no longer indexed."""
    ideas = {idea.id: idea for idea in ideas_for_index(session, ids)}
    for idea_id in sorted(ids):
        idea = ideas.get(idea_id)
        if is_indexed(idea):
            update.put_idea(idea)
        else:
            update.remove_idea(idea_id)


# How each kind of outbox row reaches the index: entity -> handler(session, update, ids).
# Rows of an entity without a handler are kept, not dropped: they come from a newer version of
# Idealaari (a rolling deploy, or a rollback after one), and the version that wrote them indexes
# them; dropping them would lose those changes without a trace. They cost a row each, and
# `flask search drain` (hourly cron) and rebuilds log them until a version that knows them runs.
HANDLERS: dict[str, Callable[[Session, IndexUpdate, set[int]], None]] = {
    "idea": _index_ideas,
}


def _known():
    return SearchOutbox.entity.in_(list(HANDLERS))


def drain_outbox(session: Session, backend: SearchBackend, batch: int = 500) -> int:
    """Write pending outbox entries to the index; return how many entities were written.

    Raises SearchUnavailable when the index cannot be opened; a busy index (another drain,
    a rebuild) leaves the rows for the next drain.
    """
    written = 0
    while True:
        pending = session.scalar(select(SearchOutbox.id).where(_known()).limit(1))
        # Hold no database transaction (on SQLite: no write lock) while waiting for the
        # index lock, or two drains could wait for each other.
        session.rollback()
        if not pending:
            break
        # Take the index lock before reading the database: a drain that read an idea
        # earlier but wrote later could otherwise overwrite a newer version of it.
        try:
            with backend.update() as update:
                rows = session.execute(
                    select(SearchOutbox.id, SearchOutbox.entity, SearchOutbox.entity_id)
                    .where(_known())
                    .order_by(SearchOutbox.id)
                    .limit(batch)
                ).all()
                by_entity: dict[str, set[int]] = defaultdict(set)
                for row in rows:
                    by_entity[row.entity].add(row.entity_id)
                for entity, ids in by_entity.items():
                    HANDLERS[entity](session, update, ids)
        except SearchBusy as e:
            session.rollback()
            log.warning("%s; changes stay in the outbox for the next drain", e)
            return written
        # End the read first: on SQLite a reading transaction that then writes fails at once
        # when another connection has written since it began.
        session.rollback()
        if not rows:  # another worker drained them while we waited
            break
        remove_rows(session, [row.id for row in rows])
        session.commit()
        written += sum(len(ids) for ids in by_entity.values())
        if len(rows) < batch:
            break
    return written


def remove_rows(session: Session, ids: Iterable[int], chunk: int = 500) -> None:
    """Delete outbox rows that are in the index now (the caller commits)."""
    ids = list(ids)
    for start in range(0, len(ids), chunk):
        session.execute(delete(SearchOutbox).where(SearchOutbox.id.in_(ids[start : start + chunk])))


def pending_ids(session: Session) -> set[int]:
    """The outbox rows the drain would index now (a rebuild takes them in instead)."""
    return set(session.scalars(select(SearchOutbox.id).where(_known())))


def log_unknown_rows(session: Session) -> None:
    """Warn about rows of entities this version does not index (they are kept)."""
    unknown = session.execute(
        select(SearchOutbox.entity, func.count()).where(~_known()).group_by(SearchOutbox.entity)
    ).all()
    session.rollback()
    if unknown:
        log.warning(
            "search outbox rows of unknown kinds are kept for a version that indexes them: %s",
            ", ".join(f"{entity} ({count})" for entity, count in unknown),
        )


def drain(app) -> int:
    """Index what the outbox holds; never raises into the request that committed."""
    from idealaari.extensions import db
    from idealaari.search import get_index

    try:
        with Session(db.engine) as session:
            return drain_outbox(session, get_index(app))
    except SearchUnavailable as e:
        log.warning("search index unavailable, changes wait in the outbox: %s", e)
    except Exception:  # noqa: BLE001 - indexing must never break a write
        log.exception("draining the search outbox failed; changes wait in the outbox")
    return 0
