"""The search outbox: changed rows of every searchable type are collected into it on flush, in
the same transaction, and drained into the index after commit. A row's `entity` is the name of
its searchable type (registry.py); the drain rewrites each row's document from the database.

Rows are deleted only after the index commit, so a crash or a busy index loses nothing: the
next drain (after any commit, after a rebuild, or `flask search drain`) picks them up.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from flask import current_app, has_app_context
from sqlalchemy import delete, event, func, select
from sqlalchemy.orm import Session

from idealaari.dbtypes import utcnow
from idealaari.search import registry
from idealaari.search.models import SearchOutbox
from idealaari.search.types import IndexUpdate, SearchBackend, SearchBusy, SearchUnavailable

log = logging.getLogger(__name__)
_PENDING = "idealaari_search_pending"


def enqueue(session: Session, row_id: int, *, kind: str = "idea") -> None:
    """Ask for a row to be re-indexed after commit (for changes made in SQL, not the ORM)."""
    session.connection().execute(
        SearchOutbox.__table__.insert(),
        [{"entity": kind, "entity_id": row_id, "created_at": utcnow()}],
    )
    session.info[_PENDING] = True


@event.listens_for(Session, "after_flush")
def _write_outbox(session: Session, flush_context) -> None:
    now = utcnow()
    rows = [
        {"entity": searchable.kind, "entity_id": i, "created_at": now}
        for searchable in registry.all_types()
        for i in sorted(searchable.changed_ids(session))
    ]
    if not rows:
        return
    # Core insert on the flush's connection: same transaction, and no recursive flush.
    session.connection().execute(SearchOutbox.__table__.insert(), rows)
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


def index_rows(session: Session, update: IndexUpdate, kind: str, ids: set[int]) -> None:
    """Rewrite the rows' documents from the database; remove those no longer indexed."""
    searchable = registry.get(kind)
    rows = {row.id: row for row in searchable.load(session, ids)}
    for row_id in sorted(ids):
        row = rows.get(row_id)
        if row is not None and searchable.is_indexed(row):
            update.put(searchable.document(row))
        else:
            update.remove(kind, row_id)


# Rows of an entity no searchable type is registered for are kept, not dropped: they come from
# a newer version of Idealaari (a rolling deploy, or a rollback after one), and the version that
# wrote them indexes them; dropping them would lose those changes without a trace. They cost a
# row each, and `flask search drain` (hourly cron) and rebuilds log them until a version that
# knows them runs.
def _known():
    return SearchOutbox.entity.in_(list(registry.kinds()))


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
                    index_rows(session, update, entity, ids)
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
