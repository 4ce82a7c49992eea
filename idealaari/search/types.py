"""What search takes and gives, whatever the backend: parameters, hits, results, errors, and
the interface a backend implements."""

from __future__ import annotations

import html
import re
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from markupsafe import Markup

from idealaari.ideas.models import Phase, TargetGroup
from idealaari.paging import Pages

SORTS = ("relevance", "newest", "votes")
# The facets of a result, by name: each counts the matching ideas per value.
FACETS = ("organisation", "themes", "phase", "target_groups", "seeks_partners", "year")
PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# Words of a query that are analysed and matched; the rest are ignored (and the page says so).
MAX_QUERY_WORDS = 12
# Which ideas a search covers: current (published, and the asker's drafts), archived, or both.
STATUS_SCOPES = ("all", "current", "archived")
# What a search covers: everything, or one searchable type (see registry.py).
TYPE_CHOICES = ("all", "idea", "challenge")
# The parameters that describe ideas only; any of them narrows a search to ideas.
IDEA_FILTERS = ("organisation", "theme", "phase", "target_group", "seeks_partners", "year")


class SearchUnavailable(Exception):
    """Search cannot answer now (the index is missing or unreadable); the message says why."""


class SearchBusy(Exception):
    """The index is being written by someone else (another drain, or a rebuild); try later."""


@dataclass(frozen=True)
class SearchParams:
    """What the member asked: words, filters, order and page."""

    q: str = ""
    organisation: str | None = None
    theme: str | None = None
    phase: str | None = None
    target_group: str | None = None
    seeks_partners: bool = False
    year: str | None = None
    status: str = "all"
    sort: str = "relevance"
    page: int = 1
    type: str = "all"

    @classmethod
    def from_args(cls, args) -> SearchParams:
        """Read parameters, dropping values that cannot be valid.

        The idea facets and the status scope describe ideas: with any of them the search is
        of ideas. Challenges chosen explicitly drop them (a challenge has none of them)."""
        phase = args.get("phase") or None
        group = args.get("target_group") or None
        year = (args.get("year") or "").strip()
        try:
            page = max(1, int(args.get("page", 1)))
        except (TypeError, ValueError):
            page = 1
        kind = args.get("type") if args.get("type") in TYPE_CHOICES else "all"
        params = cls(
            q=(args.get("q") or "").strip()[:MAX_QUERY_LENGTH],
            organisation=(args.get("organisation") or "").strip() or None,
            theme=(args.get("theme") or "").strip() or None,
            phase=phase if phase in Phase._value2member_map_ else None,
            target_group=group if group in TargetGroup._value2member_map_ else None,
            seeks_partners=args.get("seeks_partners") in ("1", "true", "on", "y"),
            year=year if year.isdigit() and len(year) == 4 else None,
            status=args.get("status") if args.get("status") in STATUS_SCOPES else "all",
            sort=args.get("sort") if args.get("sort") in SORTS else "relevance",
            page=page,
            type=kind,
        )
        return params.of_type(kind)

    def of_type(self, kind: str) -> SearchParams:
        """These parameters searching one type (or "all"), with the filters that fit it."""
        if kind == "challenge":
            return replace(self.without_idea_filters(), type=kind)
        if kind == "all" and self.narrows_to_ideas:
            return replace(self, type="idea")
        return replace(self, type=kind)

    def without_idea_filters(self) -> SearchParams:
        return replace(
            self,
            organisation=None,
            theme=None,
            phase=None,
            target_group=None,
            seeks_partners=False,
            year=None,
            status="all",
        )

    @property
    def narrows_to_ideas(self) -> bool:
        """Whether a filter only ideas have is set (then only ideas can match)."""
        return self.has_filters or self.status != "all"

    def filter_args(self) -> dict[str, str]:
        """The facet filters (the status scope is a control of the form, like the order)."""
        out = {}
        for name in IDEA_FILTERS:
            value = getattr(self, name)
            if value:
                out[name] = "1" if value is True else str(value)
        return out

    def as_args(self, **changes) -> dict[str, str]:
        """Query arguments for a link, with some parameters changed (None removes one).

        Changing the type drops the filters the new type has no use for."""
        kind = changes.pop("type", None)
        params = replace(self, **changes)
        if kind is not None:
            params = params.of_type(kind) if kind != "all" else params.without_idea_filters()
            params = replace(params, type=kind)
        out = {"q": params.q} if params.q else {}
        if params.type != "all":
            out["type"] = params.type
        out.update(params.filter_args())
        if params.status != "all":
            out["status"] = params.status
        if params.sort != "relevance":
            out["sort"] = params.sort
        if params.page > 1:
            out["page"] = str(params.page)
        return out

    @property
    def has_filters(self) -> bool:
        return bool(self.filter_args())


@dataclass
class SearchHit:
    kind: str  # a searchable type's name (registry.py): "idea", "challenge"
    id: int
    score: float
    snippet: Markup  # HTML: the text escaped once, matches in <mark>

    @property
    def idea_id(self) -> int | None:
        return self.id if self.kind == "idea" else None

    def snippet_text(self) -> tuple[str, list[tuple[int, int]]]:
        """The snippet as plain text, with the (start, end) offsets of its highlighted words."""
        return snippet_parts(self.snippet)


_MARK = re.compile(r"<mark\b[^>]*>(.*?)</mark>", re.S)


def snippet_parts(snippet: Markup) -> tuple[str, list[tuple[int, int]]]:
    """Plain text and highlight offsets of a snippet made by the highlighter (or escaped text)."""
    text, spans, pos = [], [], 0
    for match in _MARK.finditer(str(snippet)):
        text.append(html.unescape(str(snippet)[pos : match.start()]))
        start = sum(map(len, text))
        text.append(html.unescape(match.group(1)))
        spans.append((start, start + len(text[-1])))
        pos = match.end()
    text.append(html.unescape(str(snippet)[pos:]))
    return "".join(text), spans


@dataclass
class SearchResults:
    params: SearchParams
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None
    words_ignored: bool = False  # the query had more than MAX_QUERY_WORDS words

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PER_PAGE))

    @property
    def pagination(self) -> Pages:
        return Pages(page=self.params.page, pages=self.pages)


@dataclass(frozen=True)
class SearchDocument:
    """What one searchable row carries into any backend: its words, and the fields it is
    filtered, counted, ordered and shown by. Facet fields are empty for types without them."""

    kind: str
    id: int
    title: str
    summary: str
    # The long text (a need, a body, an organisation's names, themes): matching, snippets,
    # similar ideas and spelling suggestions use it.
    text: str
    status: str
    created: datetime
    tags: tuple[str, ...] = ()
    organisation: str = ""
    themes: tuple[str, ...] = ()
    phase: str = ""
    target_groups: tuple[str, ...] = ()
    seeks_partners: bool | None = None
    year: str = ""
    editors: tuple[int, ...] = ()
    votes: int = 0


@dataclass(frozen=True)
class Visibility:
    """Which documents of one type a member may see: those with a public status, and those
    with a private status that the member edits (as an editor, or through their area)."""

    public: tuple[str, ...]
    private: tuple[str, ...] = ()
    editor_id: int | None = None
    area_code: str | None = None


class IndexUpdate(Protocol):
    """Changes to the live index, made under its write lock and committed together."""

    def put(self, document: SearchDocument) -> None: ...

    def remove(self, kind: str, row_id: int) -> None: ...


class IndexBuild(Protocol):
    """A new index being filled; it replaces the live one when the build ends without error."""

    def add(self, document: SearchDocument) -> None: ...


class SearchBackend(Protocol):
    """What the facade (`service.py`) and the outbox need from a backend; nothing else sees it.

    A missing or unreadable index raises SearchUnavailable, a locked one SearchBusy; callers
    never see the backend's own exceptions for them.
    """

    location: str  # where the index lives, for messages

    def search(
        self, params: SearchParams, user, *, facets: bool = True, suggestions: bool = True
    ) -> SearchResults: ...

    def similar(self, text: str, *, exclude_id: int | None, limit: int) -> list[int]: ...

    def indexed_keys(self) -> set[tuple[str, int]]:
        """(type, id) of every document in the index."""
        ...

    def update(self) -> AbstractContextManager[IndexUpdate]:
        """Lock the live index for writing; raises SearchBusy, at once while a rebuild runs."""
        ...

    def rebuilding(self) -> AbstractContextManager[IndexBuild]:
        """Build a new index and swap it in on exit; until then update() raises SearchBusy."""
        ...

    def create_empty(self) -> None: ...

    def reset(self) -> None: ...
