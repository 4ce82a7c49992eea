"""The search facade: what views, the API, the CLI and `search eval` call.

It speaks in SearchParams, SearchResults and (type, id) pairs of the searchable types in
registry.py, and raises only SearchUnavailable (and SearchBusy for a second rebuild). Which
backend answers is decided once, in `idealaari.search.init_app`.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from idealaari.extensions import db
from idealaari.ideas.models import Idea
from idealaari.search import documents, get_index, outbox, registry
from idealaari.search.types import SearchParams, SearchResults, SearchUnavailable


def search(
    params: SearchParams, user=None, *, facets: bool = True, suggestions: bool = True
) -> SearchResults:
    """The page of ideas and challenges matching params that user may see; raises
    SearchUnavailable.

    Spelling suggestions cost the most for queries that find nothing: callers that never
    show them pass suggestions=False."""
    return get_index().search(params, user, facets=facets, suggestions=suggestions)


def similar(text: str, *, exclude_id: int | None = None, limit: int = 5) -> list[int]:
    """Ids of published ideas most like the text, best first; [] while search is unavailable."""
    if not text.strip():
        return []
    try:
        return get_index().similar(text, exclude_id=exclude_id, limit=limit)
    except SearchUnavailable:
        return []


def similar_to_idea(idea: Idea, *, limit: int = 5) -> list[int]:
    """Ids of other published ideas like this one, best first; [] while search is unavailable."""
    return similar(documents.idea_text(idea), exclude_id=idea.id, limit=limit)


def create_empty() -> None:
    """Start an empty index (a new installation, an evaluation's throw-away index)."""
    get_index().create_empty()


def location() -> str:
    """Where the index lives, for messages."""
    return get_index().location


def _expected_keys(session: Session) -> set[tuple[str, int]]:
    return {
        (searchable.kind, row_id)
        for searchable in registry.all_types()
        for row_id in searchable.indexed_ids(session)
    }


def indexed_counts() -> dict[str, int]:
    """How many rows of each searchable type a rebuild indexes."""
    counts = dict.fromkeys(registry.kinds(), 0)
    with Session(db.engine) as session:
        for kind, _row_id in _expected_keys(session):
            counts[kind] += 1
    return counts


def indexed_count() -> int:
    """How many documents a rebuild indexes."""
    return sum(indexed_counts().values())


def check() -> tuple[set[tuple[str, int]], set[tuple[str, int]]]:
    """((type, id) missing from the index, (type, id) in the index that should not be there)."""
    with Session(db.engine) as session:
        expected = _expected_keys(session)
    indexed = get_index().indexed_keys()
    return expected - indexed, indexed - expected


def drain() -> int:
    """Index the changes waiting in the outbox; return how many; raises SearchUnavailable."""
    with Session(db.engine) as session:
        written = outbox.drain_outbox(session, get_index())
        outbox.log_unknown_rows(session)
    return written


def rebuild(progress: Callable[[int], None] | None = None) -> int:
    """Recreate the index from the database, swap it in, then index what changed meanwhile;
    return how many documents it indexed (of every type).

    Changes committed while the rebuild runs stay in the outbox (updates of the live index
    give up at once while a rebuild runs) and are drained into the new index after the swap.
    """
    backend = get_index()
    count = 0
    with Session(db.engine) as session:
        with backend.rebuilding() as build:
            # Read under the rebuild's locks, in the transaction that reads the ideas: these
            # changes are in what it reads. Ids, not "up to the highest id": on PostgreSQL a
            # lower id may still commit later, and its change would be lost.
            taken_in = outbox.pending_ids(session)
            for searchable in registry.all_types():
                for row in searchable.load(session, None):
                    build.add(searchable.document(row))
                    count += 1
                    if progress is not None:
                        progress(1)
        session.rollback()  # end the long read before writing
        outbox.remove_rows(session, taken_in)
        session.commit()
        outbox.drain_outbox(session, backend)
        outbox.log_unknown_rows(session)
    return count
