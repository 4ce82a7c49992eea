"""Whoosh queries: words, filters, visibility, facets, snippets, suggestions, similar ideas.

The Whoosh half of `service.search` and `service.similar`; only `whoosh_backend` calls it.
"""

from __future__ import annotations

import re

from markupsafe import Markup
from whoosh import highlight, sorting
from whoosh.query import And, Every, Or, Query, Sequence, Term

from idealaari import permissions
from idealaari.search.analysis import query_words
from idealaari.search.types import FACETS, PER_PAGE, SearchHit, SearchParams, SearchResults

# Short fields on their own (they weigh more); everything long in one field, indexed once.
TEXT_FIELDS = ("title", "summary", "tags", "text")
_PHRASE = re.compile(r'"([^"]+)"')
SIMILARITY_CUTOFF = 0.25
# Baseforms too common to say anything about what an idea is about.
STOPWORDS = frozenset(
    "ja tai sekä että kun jos myös ei olla se tämä nämä ne joka mikä kuin vain jo niin kanssa "
    "osa kaikki muu oma uusi hyvä voida tulla saada tehdä idea och att som det en ett för med "
    "the and for with of to in a".split()
)


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
    searcher, docsets: DocSets, params: SearchParams, user=None, *, facets: bool = True
) -> SearchResults:
    """The page of ideas matching params that user may see, with facet counts."""
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
    searcher, text: str, *, exclude_id: int | None = None, limit: int = 5
) -> list[int]:
    """Published ideas most like the text (more-like-this over the index, never a table scan)."""
    if not text.strip():
        return []
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
    return [idea_id for idea_id, s in hits if s >= best * SIMILARITY_CUTOFF]
