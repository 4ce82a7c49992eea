"""Searchable types: what the index holds, as (type, id) documents.

One registry of what each type is: which rows of it are indexed and the document each carries,
which rows a flush changed, who may see its documents, how its hits are loaded for a page and
which partial shows one. Ideas register here (`ideas_type.py`); other domains register their
types in their `init_app` (challenges in `idealaari/challenges/search.py`). The index, the
outbox, rebuilds, checks, the search page and the API look types up here and import no domain
above search.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from idealaari.search.types import SearchDocument, Visibility


@dataclass(frozen=True)
class SearchableType:
    """One kind of searchable row.

    - `load(session, ids)`: the rows with these ids (whatever their state), or every row that
      is indexed when ids is None, with what `document` needs loaded;
    - `is_indexed(row)`: whether the row belongs in the index now;
    - `indexed_ids(session)`: the ids of every row that belongs in the index (a cheap query,
      for `search check` and the rebuild's progress bar);
    - `document(row)`: its SearchDocument;
    - `changed_ids(session)`: in an after_flush event, the ids whose documents may have changed;
    - `visibility(user)`: which of its documents the member may see;
    - `load_hits(ids, user)`: {id: row} of the rows the member may see, for a results page;
    - `hit_template`: the partial that shows one hit (given `row`, `hit`, `extras`).
    """

    kind: str
    label: Any  # a lazy string, plural: "Ideas"
    load: Callable[[Session, Iterable[int] | None], Iterable[Any]]
    is_indexed: Callable[[Any], bool]
    indexed_ids: Callable[[Session], set[int]]
    document: Callable[[Any], SearchDocument]
    changed_ids: Callable[[Session], set[int]]
    visibility: Callable[[Any], Visibility]
    load_hits: Callable[[list[int], Any], dict[int, Any]]
    hit_template: str


_types: dict[str, SearchableType] = {}


def register(searchable: SearchableType) -> None:
    """Make a type searchable (at import or in init_app; registering again replaces it)."""
    _types[searchable.kind] = searchable


def get(kind: str) -> SearchableType:
    """The registered type; LookupError for a kind nothing registered."""
    try:
        return _types[kind]
    except KeyError:
        raise LookupError(f"no searchable type {kind!r} is registered") from None


def kinds() -> tuple[str, ...]:
    """The registered types' names, ideas first."""
    return tuple(_types)


def all_types() -> tuple[SearchableType, ...]:
    return tuple(_types.values())


def load_hits(hits, user) -> list[tuple[SearchableType, Any, Any]]:
    """(type, row, hit) for each hit whose row the member may see, in the hits' order; one
    load per type."""
    wanted: dict[str, list[int]] = {}
    for hit in hits:
        wanted.setdefault(hit.kind, []).append(hit.id)
    rows = {kind: get(kind).load_hits(ids, user) for kind, ids in wanted.items() if kind in _types}
    return [
        (get(hit.kind), rows[hit.kind][hit.id], hit)
        for hit in hits
        if hit.id in rows.get(hit.kind, {})
    ]
