"""The Whoosh index of ideas: schema, documents, one long-lived searcher per thread, writes.

The database is the source of truth. Changed ideas are written to the `search_outbox` table
in the same transaction as the change (see `outbox.py`); after commit the outbox is drained
into the index. A rollback leaves no outbox rows, so it indexes nothing.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import nh3
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload
from whoosh import index as whoosh_index
from whoosh.fields import DATETIME, ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.index import LockError

from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.markdown import render_markdown
from idealaari.search.analysis import finnish_analyzer
from idealaari.search.models import SearchOutbox

log = logging.getLogger(__name__)

# Drafts are indexed so that their editors find them; everything else leaves the index.
INDEXED_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.DRAFT)
# Short fields on their own (they weigh more); everything long in one field, indexed once.
TEXT_FIELDS = ("title", "summary", "tags", "text")


def make_schema() -> Schema:
    analyzer = finnish_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
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


class IndexUnavailable(Exception):
    """The index is missing or unreadable; `flask search rebuild` recreates it."""


def plain_text(markdown: str) -> str:
    """Markdown as plain text, for indexing and snippets."""
    return nh3.clean(str(render_markdown(markdown)), tags=set()).replace("&amp;", "&").strip()


def idea_document(idea: Idea) -> dict:
    """The search document of one idea, from the database."""
    tags = [t.name for t in idea.tags]
    themes = list(idea.themes)
    editors = {idea.author_id, *(u.id for u in idea.co_editors)} - {None}
    body = plain_text(idea.body)
    return {
        "id": str(idea.id),
        "title": idea.title,
        "summary": idea.summary,
        "tags": " ".join(tags),
        "text": "\n".join(
            part
            for part in (
                idea.need or "",
                body,
                idea.organisation.name_fi,
                idea.organisation.name_sv or "",
                " ".join(t.name_fi for t in themes),
            )
            if part
        ),
        "organisation": idea.organisation.code,
        "themes": ",".join(t.slug for t in themes),
        "phase": idea.phase.value,
        "target_groups": ",".join(g.value for g in idea.target_groups),
        "seeks_partners": "1" if idea.seeks_partners else "0",
        "year": str((idea.published_at or idea.created_at).year),
        "status": idea.status.value,
        "editors": ",".join(str(i) for i in sorted(editors)),
        "created": (idea.published_at or idea.created_at).replace(tzinfo=None),
        "votes": idea.vote_count or 0,
    }


def ideas_for_index(session: Session, ids: Iterable[int] | None = None):
    stmt = select(Idea).options(
        selectinload(Idea.tags),
        selectinload(Idea.themes),
        selectinload(Idea.co_editors),
        selectinload(Idea.target_group_rows),
    )
    if ids is not None:
        stmt = stmt.where(Idea.id.in_(list(ids)))
    else:
        stmt = stmt.where(Idea.status.in_(INDEXED_STATUSES)).order_by(Idea.id)
    return session.scalars(stmt)


class DocSets:
    """Document-number sets of one searcher generation, built on first use and then reused:
    who may see what, and every facet value. Filters and facet counts become set operations."""

    def __init__(self, searcher):
        self.searcher = searcher
        self._docs: dict[tuple[str, str], frozenset[int]] = {}
        self._values: dict[str, dict[str, frozenset[int]]] = {}
        self._queries: dict[str, frozenset[int]] = {}

    def docs(self, field: str, value: str) -> frozenset[int]:
        key = (field, value)
        if key not in self._docs:
            from whoosh.query import Term

            self._docs[key] = frozenset(self.searcher.docs_for_query(Term(field, value)))
        return self._docs[key]

    def values(self, field: str) -> dict[str, frozenset[int]]:
        """Every value of a facet field with its documents."""
        if field not in self._values:
            terms = [
                t.decode("utf-8") if isinstance(t, bytes) else t
                for t in self.searcher.lexicon(field)
            ]
            self._values[field] = {t: self.docs(field, t) for t in terms if t}
        return self._values[field]

    def visible(self, query) -> frozenset[int]:
        """The documents a visibility query admits (cached per distinct query)."""
        key = repr(query)
        if key not in self._queries:
            self._queries[key] = frozenset(self.searcher.docs_for_query(query))
        return self._queries[key]


class SearchIndex:
    """One index directory, with a searcher kept per thread and refreshed per use."""

    def __init__(self, path: str | Path, write_timeout: float = 10.0):
        self.path = Path(path)
        self.write_timeout = write_timeout
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
                        raise IndexUnavailable(f"No search index at {self.path}.")
                    problem = None
                    try:
                        self._ix = whoosh_index.open_dir(str(self.path))
                    except Exception as e:  # noqa: BLE001 - whoosh raises many kinds
                        problem = str(e)
                    if problem is None and set(self._ix.schema.names()) != set(
                        make_schema().names()
                    ):
                        self._ix = None
                        problem = "it was built by an older version of Idealaari"
                    if problem is not None:
                        # Raised outside the except block, so no traceback keeps whoosh's
                        # half-open files alive.
                        raise IndexUnavailable(
                            f"The search index at {self.path} is unreadable: {problem}"
                        )
        return self._ix

    def create_empty(self) -> None:
        """Create an empty index (for a new installation or tests)."""
        self.path.mkdir(parents=True, exist_ok=True)
        whoosh_index.create_in(str(self.path), make_schema())
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
                self._local.docsets = DocSets(current)
            self._local.searcher, self._local.ix = current, ix
            return current
        except Exception as e:  # noqa: BLE001
            problem = str(e)
        self.reset()
        raise IndexUnavailable(f"The search index at {self.path} is unreadable: {problem}")

    def docsets(self) -> DocSets:
        """The cached document sets of this thread's current searcher."""
        self.searcher()
        return self._local.docsets

    def writer(self):
        return self.open().writer(timeout=self.write_timeout, delay=0.05)

    def doc_ids(self) -> set[int]:
        searcher = self.searcher()
        return {int(fields["id"]) for fields in searcher.all_stored_fields()}

    def rebuild(self, session: Session, progress: Callable[[int], None] | None = None) -> int:
        """Recreate the index from the database in a new directory, then swap it in."""
        start_outbox = session.scalar(select(func.max(SearchOutbox.id))) or 0
        fresh = self.path.with_name(self.path.name + ".new")
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir(parents=True)
        ix = whoosh_index.create_in(str(fresh), make_schema())
        writer = ix.writer(limitmb=2048)  # a pool that spills to disk costs ~40% of a rebuild
        count = 0
        for idea in ideas_for_index(session):
            writer.add_document(**idea_document(idea))
            count += 1
            if progress is not None:
                progress(1)
        writer.commit()
        old = self.path.with_name(self.path.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.path.exists():
            self.path.rename(old)
        fresh.rename(self.path)
        shutil.rmtree(old, ignore_errors=True)
        self.reset()
        # Whatever changed before the rebuild started is in the new index now.
        session.execute(delete(SearchOutbox).where(SearchOutbox.id <= start_outbox))
        session.commit()
        return count

    def drain_outbox(self, session: Session, batch: int = 500) -> int:
        """Write pending outbox entries to the index; return how many ideas were written.

        Rows are deleted only after the index commit, so a crash or a busy lock loses nothing:
        the next drain (after any commit, or `flask search drain`) picks them up.
        """
        written = 0
        while True:
            pending = session.scalar(select(SearchOutbox.id).limit(1))
            # Hold no database transaction (on SQLite: no write lock) while waiting for the
            # index lock, or two drains could wait for each other.
            session.rollback()
            if not pending:
                return written
            # Take the index lock before reading the database: a drain that read an idea
            # earlier but wrote later could otherwise overwrite a newer version of it.
            try:
                writer = self.writer()
            except LockError:
                log.warning("search index busy; changes stay in the outbox for the next drain")
                return written
            rows = session.execute(
                select(SearchOutbox.id, SearchOutbox.entity_id)
                .order_by(SearchOutbox.id)
                .limit(batch)
            ).all()
            if not rows:  # another worker drained them while we waited
                writer.cancel()
                return written
            ids = {row.entity_id for row in rows}
            ideas = {idea.id: idea for idea in ideas_for_index(session, ids)}
            try:
                for idea_id in sorted(ids):
                    idea = ideas.get(idea_id)
                    if idea is None or idea.status not in INDEXED_STATUSES:
                        writer.delete_by_term("id", str(idea_id))
                    else:
                        writer.update_document(**idea_document(idea))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            session.execute(
                delete(SearchOutbox).where(SearchOutbox.id.in_([row.id for row in rows]))
            )
            session.commit()
            written += len(ids)
            if len(rows) < batch:
                return written

    def drift(self, session: Session) -> tuple[set[int], set[int]]:
        """(ids missing from the index, ids in the index that should not be there)."""
        expected = set(session.scalars(select(Idea.id).where(Idea.status.in_(INDEXED_STATUSES))))
        indexed = self.doc_ids()
        return expected - indexed, indexed - expected
