"""Searching ideas: the one code path behind the search page, the API and `search eval`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markupsafe import Markup
from whoosh import highlight, sorting
from whoosh.query import And, Every, Or, Query, Sequence, Term

from idealaari import permissions
from idealaari.ideas.models import Phase, TargetGroup
from idealaari.paging import Pages
from idealaari.search.analysis import query_words
from idealaari.search.index import TEXT_FIELDS, DocSets, SearchIndex

SORTS = ("relevance", "newest", "votes")
FACETS = ("organisation", "themes", "phase", "target_groups", "seeks_partners", "year")
MULTI_VALUED = {"themes", "target_groups"}
PER_PAGE = 10
MAX_QUERY_LENGTH = 200
_PHRASE = re.compile(r'"([^"]+)"')
SIMILARITY_CUTOFF = 0.25
# Baseforms too common to say anything about what an idea is about.
STOPWORDS = frozenset(
    "ja tai sekä että kun jos myös ei olla se tämä nämä ne joka mikä kuin vain jo niin kanssa "
    "osa kaikki muu oma uusi hyvä voida tulla saada tehdä idea och att som det en ett för med "
    "the and for with of to in a".split()
)


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
            sort=args.get("sort") if args.get("sort") in SORTS else "relevance",
            page=page,
        )

    def filter_args(self) -> dict[str, str]:
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
    snippet: Markup


@dataclass
class SearchResults:
    params: SearchParams
    hits: list[SearchHit]
    total: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PER_PAGE))

    @property
    def pagination(self) -> Pages:
        return Pages(page=self.params.page, pages=self.pages)


# The facet field of each filter parameter.
FILTER_FIELDS = {
    "organisation": "organisation",
    "theme": "themes",
    "phase": "phase",
    "target_group": "target_groups",
    "year": "year",
}
FACET_PARAMS = {**{f: p for p, f in FILTER_FIELDS.items()}, "seeks_partners": "seeks_partners"}


def _word_query(forms: tuple[str, ...]) -> Query:
    return Or([Term(name, form) for name in TEXT_FIELDS for form in forms])


def _phrase_query(words: list[tuple[str, ...]]) -> Query:
    return Or(
        [
            Sequence([Or([Term(name, form) for form in forms]) for forms in words])
            for name in TEXT_FIELDS
        ]
    )


def text_query(q: str) -> Query | None:
    """All words must match (in any text field, in any of their baseforms); "quoted" = phrase."""
    parts: list[Query] = []
    for phrase in _PHRASE.findall(q):
        words = query_words(phrase)
        if len(words) == 1:
            parts.append(_word_query(words[0]))
        elif words:
            parts.append(_phrase_query(words))
    for forms in query_words(_PHRASE.sub(" ", q)):
        parts.append(_word_query(forms))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


def visibility_query(user) -> Query:
    """Published ideas for everyone, plus the drafts this member can edit."""
    published = Term("status", "published")
    scope = permissions.editor_scope(user)
    if scope is None:
        return published
    editable = [Term("editors", str(scope.user_id))]
    if scope.area_organisation_code:
        editable.append(Term("organisation", scope.area_organisation_code))
    return Or([published, And([Term("status", "draft"), Or(editable)])])


_FORMATTER = highlight.HtmlFormatter(tagname="mark", between=" … ")
_FRAGMENTER = highlight.ContextFragmenter(maxchars=220, surround=60)


def _snippet(hit) -> Markup:
    for name in ("text", "summary", "title"):
        text = hit.get(name) or ""
        if not text:
            continue
        hit.results.fragmenter = _FRAGMENTER
        hit.results.formatter = _FORMATTER
        html = hit.highlights(name, top=2)
        if html:
            return Markup(html)
    summary = hit.get("summary") or ""
    return Markup.escape(summary[:220] + ("…" if len(summary) > 220 else ""))


def _facet_counts(
    docsets: DocSets, matches: frozenset[int], filters: dict[str, frozenset[int]]
) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value over the matching ideas; each facet ignores its own filter.

    Set intersections on cached posting sets: no extra searches, whatever the number of hits.
    """
    out: dict[str, list[tuple[str, int]]] = {}
    for name in FACETS:
        param = FACET_PARAMS[name]
        narrowed = matches
        for other, docs in filters.items():
            if other != param:
                narrowed = narrowed & docs
        counts = [(value, len(narrowed & docs)) for value, docs in docsets.values(name).items()]
        out[name] = sorted(((v, n) for v, n in counts if n), key=lambda kv: (-kv[1], kv[0]))
    return out


def suggest(searcher, q: str) -> str | None:
    """A respelt query from the index's own words, or None."""
    correctors = [searcher.corrector("text"), searcher.corrector("title")]
    changed = False
    words = []
    for word in re.findall(r"\w+", q.lower()):
        forms = query_words(word)
        known = any(
            (searcher.doc_frequency("text", f) or searcher.doc_frequency("title", f))
            for fs in forms
            for f in fs
        )
        if known or len(word) < 4:
            words.append(word)
            continue
        options = next((o for c in correctors if (o := c.suggest(word, limit=1, maxdist=2))), [])
        if options:
            words.append(options[0])
            changed = True
        else:
            words.append(word)
    return " ".join(words) if changed else None


def _filter_sets(docsets: DocSets, params: SearchParams) -> dict[str, frozenset[int]]:
    sets = {
        param: docsets.docs(field_name, getattr(params, param))
        for param, field_name in FILTER_FIELDS.items()
        if getattr(params, param)
    }
    if params.seeks_partners:
        sets["seeks_partners"] = docsets.docs("seeks_partners", "1")
    return sets


def search_ideas(
    index: SearchIndex, params: SearchParams, user=None, *, facets: bool = True
) -> SearchResults:
    """Search the index; raises IndexUnavailable when the index cannot be read."""
    searcher = index.searcher()
    docsets = index.docsets()
    base = text_query(params.q)
    visible = docsets.visible(visibility_query(user))
    filters = _filter_sets(docsets, params)
    matches = visible & frozenset(searcher.docs_for_query(base)) if base is not None else visible
    allowed = matches
    for docs in filters.values():
        allowed = allowed & docs
    sortedby, reverse = None, False
    if params.sort == "newest" or base is None:
        sortedby, reverse = "created", True
    elif params.sort == "votes":
        sortedby = [
            sorting.FieldFacet("votes", reverse=True),
            sorting.FieldFacet("created", reverse=True),
        ]
    first = (params.page - 1) * PER_PAGE
    hits: list[SearchHit] = []
    if allowed and first < len(allowed):
        results = searcher.search(
            base if base is not None else Every(),
            limit=first + PER_PAGE,
            filter=set(allowed),
            sortedby=sortedby,
            reverse=reverse,
            terms=base is not None,
        )
        for hit in results[first : first + PER_PAGE]:
            hits.append(
                SearchHit(
                    int(hit["id"]),
                    # Sorted by a field, a hit's "score" is its sort key; only relevance scores.
                    float(hit.score or 0.0) if isinstance(hit.score, int | float) else 0.0,
                    _snippet(hit) if base is not None else Markup.escape(hit.get("summary", "")),
                )
            )
    results = SearchResults(params=params, hits=hits, total=len(allowed))
    if facets:
        results.facets = _facet_counts(docsets, matches, filters)
    if not allowed and params.q:
        results.suggestion = suggest(searcher, params.q)
    return results


def similar_ideas(
    index: SearchIndex, text: str, *, exclude_id: int | None = None, limit: int = 5
) -> list[tuple[int, float]]:
    """Published ideas most like the text (more-like-this over the index, never a table scan)."""
    if not text.strip():
        return []
    searcher = index.searcher()
    weights: dict[str, float] = {}
    for field_name in ("title", "text"):
        for term, weight in searcher.key_terms_from_text(field_name, text, numterms=16):
            if term not in STOPWORDS:
                weights[term] = max(weight, weights.get(term, 0.0))
    terms = sorted(weights.items(), key=lambda kv: -kv[1])[:12]
    if not terms:
        return []
    query = Or(
        [Term(name, term, boost=weight) for term, weight in terms for name in ("title", "text")]
    )
    mask = Term("id", str(exclude_id)) if exclude_id is not None else None
    results = searcher.search(query, limit=limit, filter=Term("status", "published"), mask=mask)
    hits = [(int(hit["id"]), float(hit.score)) for hit in results]
    if not hits:
        return []
    # A shared common word ("hoito") is not similarity: keep what is close to the best match.
    best = hits[0][1]
    return [(idea_id, s) for idea_id, s in hits if s >= best * SIMILARITY_CUTOFF]
