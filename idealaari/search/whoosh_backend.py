"""The Whoosh backend: one index directory of (type, id) documents, its schema, one long-lived
searcher per thread, locked updates, and rebuilds that swap a new directory in.

Only the facade (`service.py`), the outbox and `search/__init__.py` (which picks the backend)
use it; every error leaves as SearchUnavailable or SearchBusy.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError
from whoosh.util.filelock import FileLock, try_for

from idealaari.search import whoosh_queries
from idealaari.search.analysis import finnish_analyzer
from idealaari.search.types import (
    SearchBusy,
    SearchDocument,
    SearchParams,
    SearchResults,
    SearchUnavailable,
)

# The lock every Whoosh writer of the live index takes (open_dir's default index name "MAIN").
WRITE_LOCK = "MAIN_WRITELOCK"
# Raise it whenever the schema or what documents carry changes: an index built by another
# version is then "unreadable", `flask search check` fails and `make` (or the operator) rebuilds.
# 2: (type, id) documents, ideas and challenges.
SCHEMA_VERSION = "2"
VERSION_FILE = "idealaari-schema-version"


def make_schema() -> Schema:
    analyzer = finnish_analyzer()
    return Schema(
        # "idea:12": one document per (type, id); `kind` and `id` are its two halves.
        key=ID(stored=True, unique=True),
        kind=ID(stored=True),
        id=ID(stored=True),
        title=TEXT(analyzer=analyzer, stored=True, field_boost=3.0),
        summary=TEXT(analyzer=analyzer, stored=True, field_boost=2.0),
        tags=TEXT(analyzer=analyzer, stored=True, field_boost=2.0),
        # The need, the description, the organisation and the themes: matching, snippets,
        # similar ideas and spelling suggestions all use this one field.
        text=TEXT(analyzer=analyzer, stored=True),
        organisation=ID(sortable=True),
        themes=KEYWORD(commas=True),
        phase=ID(sortable=True),
        target_groups=KEYWORD(commas=True),
        seeks_partners=ID(sortable=True),
        year=ID(sortable=True),
        status=ID,
        editors=KEYWORD(commas=True),
        created=DATETIME(sortable=True),
        votes=NUMERIC(sortable=True, default=0),
    )


def document_key(kind: str, row_id: int) -> str:
    return f"{kind}:{row_id}"


def whoosh_fields(document: SearchDocument) -> dict:
    """The Whoosh fields of a search document."""
    fields = {
        "key": document_key(document.kind, document.id),
        "kind": document.kind,
        "id": str(document.id),
        "title": document.title,
        "summary": document.summary,
        "tags": " ".join(document.tags),
        "text": document.text,
        "status": document.status,
        "editors": ",".join(str(i) for i in document.editors),
        "created": document.created.replace(tzinfo=None),
        "votes": document.votes,
    }
    # Facet fields are left out when empty: a facet then counts only the types that have it.
    optional = {
        "organisation": document.organisation,
        "themes": ",".join(document.themes),
        "phase": document.phase,
        "target_groups": ",".join(document.target_groups),
        "seeks_partners": (
            "" if document.seeks_partners is None else "1" if document.seeks_partners else "0"
        ),
        "year": document.year,
    }
    fields.update({name: value for name, value in optional.items() if value})
    return fields


class _Update:
    """Writes to the live index under its write lock (see WhooshBackend.update)."""

    def __init__(self, writer):
        self.writer = writer
        self.changed = False

    def put(self, document: SearchDocument) -> None:
        self.writer.update_document(**whoosh_fields(document))
        self.changed = True

    def remove(self, kind: str, row_id: int) -> None:
        self.writer.delete_by_term("key", document_key(kind, row_id))
        self.changed = True


class _Build:
    """Documents for a new index directory (see WhooshBackend.rebuilding)."""

    def __init__(self, writer):
        self.writer = writer

    def add(self, document: SearchDocument) -> None:
        self.writer.add_document(**whoosh_fields(document))


def _write_version(path: Path) -> None:
    (path / VERSION_FILE).write_text(SCHEMA_VERSION + "\n", encoding="ascii")


def _read_version(path: Path) -> str | None:
    try:
        return (path / VERSION_FILE).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None


def _finish(writer, commit: bool) -> None:
    if writer.is_closed:  # a commit that failed half-way has closed it already
        return
    if commit:
        writer.commit()
    else:
        writer.cancel()


class WhooshBackend:
    """One index directory, with a searcher kept per thread and refreshed per use."""

    def __init__(self, path: str | Path, write_timeout: float = 10.0):
        self.path = Path(path)
        self.location = str(self.path)
        self.write_timeout = write_timeout
        # Next to the index, not in it: the directory itself is replaced by a rebuild.
        self.rebuild_lock_path = self.path.with_name(self.path.name + ".rebuild-lock")
        self._ix = None
        self._lock = threading.Lock()
        self._local = threading.local()

    def exists(self) -> bool:
        # Looks for a table of contents without opening it (whoosh's exists_in reads it).
        return self.path.is_dir() and any(self.path.glob("_MAIN_*.toc"))

    def open(self):
        if self._ix is None:
            with self._lock:
                if self._ix is None:
                    if not self.exists():
                        raise SearchUnavailable(f"No search index at {self.path}.")
                    problem = None
                    try:
                        self._ix = whoosh_index.open_dir(str(self.path))
                    except Exception as e:  # noqa: BLE001 - whoosh raises many kinds
                        problem = str(e)
                    if problem is None and (
                        set(self._ix.schema.names()) != set(make_schema().names())
                        or _read_version(self.path) != SCHEMA_VERSION
                    ):
                        self._ix.close()
                        self._ix = None
                        problem = "it was built by another version of Idealaari"
                    if problem is not None:
                        # Raised outside the except block, so no traceback keeps whoosh's
                        # half-open files alive.
                        raise SearchUnavailable(
                            f"The search index at {self.path} is unreadable: {problem}"
                        )
        return self._ix

    def create_empty(self) -> None:
        """Create an empty index (for a new installation or tests)."""
        self.path.mkdir(parents=True, exist_ok=True)
        whoosh_index.create_in(str(self.path), make_schema())
        _write_version(self.path)
        self.reset()

    def reset(self) -> None:
        """Forget open handles (after a rebuild swapped the directory)."""
        with self._lock:
            self._ix = None
            self._local = threading.local()

    def searcher(self):
        """A searcher for this thread, reopened only when a commit made a new generation.

        Searcher.refresh() is not used: when it reuses segment readers it keeps their old
        deletion sets, so deleted and updated documents would still be found.
        """
        ix = self.open()
        problem = None
        try:
            current = getattr(self._local, "searcher", None)
            if (
                current is None
                or getattr(self._local, "ix", None) is not ix
                or ix.latest_generation() != current.reader().generation()
            ):
                if current is not None:
                    current.close()
                current = ix.searcher()
                self._local.docsets = whoosh_queries.DocSets(current)
            self._local.searcher, self._local.ix = current, ix
            return current
        except Exception as e:  # noqa: BLE001
            problem = str(e)
        self.reset()
        raise SearchUnavailable(f"The search index at {self.path} is unreadable: {problem}")

    def docsets(self) -> whoosh_queries.DocSets:
        """The cached document sets of this thread's current searcher."""
        self.searcher()
        return self._local.docsets

    # ------------------------------------------------------------------ reads

    def search(
        self, params: SearchParams, user, *, facets: bool = True, suggestions: bool = True
    ) -> SearchResults:
        searcher = self.searcher()
        return whoosh_queries.search_ideas(
            searcher, self._local.docsets, params, user, facets=facets, suggestions=suggestions
        )

    def similar(self, text: str, *, exclude_id: int | None = None, limit: int = 5) -> list[int]:
        return whoosh_queries.similar_ideas(
            self.searcher(), text, exclude_id=exclude_id, limit=limit
        )

    def indexed_keys(self) -> set[tuple[str, int]]:
        return {
            (fields["kind"], int(fields["id"])) for fields in self.searcher().all_stored_fields()
        }

    def indexed_idea_ids(self) -> set[int]:
        return {row_id for kind, row_id in self.indexed_keys() if kind == "idea"}

    # ------------------------------------------------------------------ writes

    def rebuild_running(self) -> bool:
        """Whether a rebuild (in any process) holds the rebuild lock; never waits."""
        lock = FileLock(str(self.rebuild_lock_path))
        try:
            free = lock.acquire(blocking=False)
        except FileNotFoundError:  # no directory for the index: nothing is rebuilding it
            return False
        if free:
            lock.release()
        return not free

    @contextmanager
    def update(self) -> Iterator[_Update]:
        """Write to the live index under its lock; commit on exit, or cancel on an error.

        While a rebuild runs this raises SearchBusy at once instead of waiting for the lock:
        what a drain would write into the old directory would be lost at the swap.
        """
        if self.rebuild_running():
            raise SearchBusy("the search index is being rebuilt")
        try:
            writer = self.open().writer(timeout=self.write_timeout, delay=0.05)
        except LockError:
            raise SearchBusy("the search index is busy") from None
        update = _Update(writer)
        try:
            yield update
        except BaseException:
            _finish(writer, commit=False)
            raise
        _finish(writer, commit=update.changed)

    @contextmanager
    def rebuilding(self) -> Iterator[_Build]:
        """Fill a new directory, then swap it in for the live one.

        Holds the rebuild lock (updates give up at once) and the live index's write lock (an
        update that was already writing finishes first, and none writes into the old directory,
        whose changes the swap would throw away).
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        rebuild_lock = FileLock(str(self.rebuild_lock_path))
        if not rebuild_lock.acquire(blocking=False):
            raise SearchBusy("another rebuild of the search index is running")
        try:
            with self._live_index_locked():
                fresh = self.path.with_name(self.path.name + ".new")
                shutil.rmtree(fresh, ignore_errors=True)
                fresh.mkdir(parents=True)
                ix = whoosh_index.create_in(str(fresh), make_schema())
                _write_version(fresh)
                writer = ix.writer(limitmb=2048)  # a pool that spills to disk costs ~40%
                try:
                    yield _Build(writer)
                    _finish(writer, commit=True)
                except BaseException:
                    _finish(writer, commit=False)
                    shutil.rmtree(fresh, ignore_errors=True)
                    raise
                old = self._swap_in(fresh)
            shutil.rmtree(old, ignore_errors=True)
            self.reset()
        finally:
            rebuild_lock.release()

    @contextmanager
    def _live_index_locked(self) -> Iterator[None]:
        """Whoosh's own write lock on the live directory, the one every writer takes."""
        if not self.path.is_dir():
            yield
            return
        lock = FileStorage(str(self.path)).lock(WRITE_LOCK)
        if not try_for(lock.acquire, timeout=self.write_timeout, delay=0.05):
            raise SearchBusy("the search index is busy")
        try:
            yield
        finally:
            lock.release()

    def _swap_in(self, fresh: Path) -> Path:
        """Put the fresh directory where the live one is; return where the old one went."""
        old = self.path.with_name(self.path.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.path.exists():
            self.path.rename(old)
        fresh.rename(self.path)
        return old
