"""What search takes and gives, whatever the backend: parameters, hits, results, errors, and
the interface a backend implements."""

from __future__ import annotations

import html
import re
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from typing import Protocol

from markupsafe import Markup

from idealaari.ideas.models import Idea, Phase, TargetGroup
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

    @classmethod
    def from_args(cls, args) -> SearchParams:
        """Read parameters, dropping values that cannot be valid."""
        phase = args.get("phase") or None
        group = args.get("target_group") or None
        year = (args.get("year") or "").strip()
        try:
            page = max(1, int(args.get("page", 1)))
        except (TypeError, ValueError):
            page = 1
        return cls(
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
        )

    def filter_args(self) -> dict[str, str]:
        """The facet filters (the status scope is a control of the form, like the order)."""
        out = {}
        for name in ("organisation", "theme", "phase", "target_group", "seeks_partners", "year"):
            value = getattr(self, name)
            if value:
                out[name] = "1" if value is True else str(value)
        return out

    def as_args(self, **changes) -> dict[str, str]:
        """Query arguments for a link, with some parameters changed (None removes one)."""
        params = replace(self, **{k: v for k, v in changes.items()})
        out = {"q": params.q} if params.q else {}
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
    idea_id: int
    score: float
    snippet: Markup  # HTML: the text escaped once, matches in <mark>

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


class IndexUpdate(Protocol):
    """Changes to the live index, made under its write lock and committed together."""

    def put_idea(self, idea: Idea) -> None: ...

    def remove_idea(self, idea_id: int) -> None: ...


class IndexBuild(Protocol):
    """A new index being filled; it replaces the live one when the build ends without error."""

    def add_idea(self, idea: Idea) -> None: ...


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

    def indexed_idea_ids(self) -> set[int]: ...

    def update(self) -> AbstractContextManager[IndexUpdate]:
        """Lock the live index for writing; raises SearchBusy, at once while a rebuild runs."""
        ...

    def rebuilding(self) -> AbstractContextManager[IndexBuild]:
        """Build a new index and swap it in on exit; until then update() raises SearchBusy."""
        ...

    def create_empty(self) -> None: ...

    def reset(self) -> None: ...
