"""Whoosh queries: words, filters, types, visibility, facets, snippets, suggestions, similar
ideas.

The Whoosh half of `service.search` and `service.similar`; only `whoosh_backend` calls it.
"""

from __future__ import annotations

import re

from markupsafe import Markup
from whoosh import highlight, sorting
from whoosh.query import And, Every, Or, Query, Sequence, Term

from idealaari.search import registry
from idealaari.search.analysis import TOKEN_PATTERN, query_forms, query_words
from idealaari.search.types import (
    FACETS,
    MAX_QUERY_WORDS,
    PER_PAGE,
    SearchHit,
    SearchParams,
    SearchResults,
    Visibility,
)

# Short fields on their own (they weigh more); everything long in one field, indexed once.
TEXT_FIELDS = ("title", "summary", "tags", "text")
_PHRASE = re.compile(r'"([^"]+)"')
_TOKEN = re.compile(TOKEN_PATTERN)
SIMILARITY_CUTOFF = 0.25
# An archived idea's relevance counts this much of a current idea's. A factor rather than a
# strict "current first" sort key: an archived idea that matches clearly better (here by more
# than about 10 %) still comes first, as "nobody starts from scratch" asks, while of two ideas
# that match equally well the current one always ranks higher. Buckets of relevance would do
# the same with arbitrary edges (1.049 and 1.051 in different buckets).
ARCHIVED_RANK_FACTOR = 0.9
# Spelling suggestions: at most this many unknown words are respelt, from at most this many
# candidates each (every candidate is checked against what the asker may see). After this many
# words with no candidate at all the query is taken for nonsense and the rest are left as they
# are: each look-up walks the index's whole vocabulary, twice.
MAX_SUGGESTED_WORDS = 4
MAX_SUGGESTION_CANDIDATES = 5
MAX_SUGGESTION_MISSES = 2
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


def bounded_query(q: str) -> tuple[str, bool]:
    """The query up to its MAX_QUERY_WORDS-th word, and whether words were cut off.

    Analysis, matching and suggestions all cost per word; a pasted paragraph or a 200-character
    run of nonsense must not cost more than a long real question."""
    for n, token in enumerate(_TOKEN.finditer(q.lower()), start=1):
        if n > MAX_QUERY_WORDS:
            return q[: token.start()].rstrip(), True
    return q, False


def text_query(q: str) -> Query | None:
    """All words must match (in any text field, in any of their baseforms); "quoted" = phrase.

    The caller bounds the words first (bounded_query)."""
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


def _type_visibility(kind: str, rule: Visibility) -> Query:
    allowed: list[Query] = [Term("status", status) for status in rule.public]
    editable: list[Query] = []
    if rule.editor_id is not None:
        editable.append(Term("editors", str(rule.editor_id)))
    if rule.area_code:
        editable.append(Term("organisation", rule.area_code))
    if rule.private and editable:
        allowed.append(And([Or([Term("status", s) for s in rule.private]), Or(editable)]))
    return And([Term("kind", kind), Or(allowed)])


def visibility_query(user) -> Query:
    """Every document a member may see, by the rules each searchable type registered
    (ideas: published and archived for everyone, drafts for their editors)."""
    return Or([_type_visibility(t.kind, t.visibility(user)) for t in registry.all_types()])


class CurrentFirstRelevance(sorting.FacetType):
    """Relevance, with an archived idea's score multiplied by ARCHIVED_RANK_FACTOR."""

    def __init__(self, archived: frozenset[int]):
        self.archived = archived

    def categorizer(self, global_searcher):
        return _CurrentFirstCategorizer(self.archived)


class _CurrentFirstCategorizer(sorting.Categorizer):
    needs_current = True  # the key needs the matcher's score

    def __init__(self, archived: frozenset[int]):
        self.archived = archived
        self.offset = 0

    def set_searcher(self, segment_searcher, docoffset):
        self.offset = docoffset

    def key_for(self, matcher, segment_docnum):
        score = matcher.score()
        if self.offset + segment_docnum in self.archived:
            score *= ARCHIVED_RANK_FACTOR
        return -score  # higher scores first


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

    Only ideas carry facet fields, so the counts are of ideas whatever the type searched.

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


def _visible_term(searcher, visible: frozenset[int], field_name: str, term: str) -> bool:
    """Whether a term occurs in an idea the asker may see (not only in someone's draft)."""
    return not visible.isdisjoint(searcher.docs_for_query(Term(field_name, term)))


def suggest(searcher, q: str, visible: frozenset[int]) -> str | None:
    """A respelt query from the words of the ideas the asker may see, or None.

    The index also holds drafts; a word found only in a draft is neither "known" nor offered,
    or "Did you mean" would show draft words to anyone who misspells them."""
    fields_ = ("text", "title")
    correctors = [(name, searcher.corrector(name)) for name in fields_]
    changed = False
    attempts = misses = 0
    words = []
    for word in re.findall(r"\w+", q.lower())[:MAX_QUERY_WORDS]:
        if len(word) < 4 or attempts >= MAX_SUGGESTED_WORDS or misses >= MAX_SUGGESTION_MISSES:
            words.append(word)
            continue
        known = any(
            _visible_term(searcher, visible, name, form)
            for form in query_forms(word)
            for name in fields_
        )
        if known:
            words.append(word)
            continue
        attempts += 1
        option = next(
            (
                candidate
                for name, corrector in correctors
                for candidate in corrector.suggest(word, limit=MAX_SUGGESTION_CANDIDATES, maxdist=2)
                if _visible_term(searcher, visible, name, candidate)
            ),
            None,
        )
        if option:
            words.append(option)
            changed = True
        else:
            words.append(word)
            misses += 1
    return " ".join(words) if changed else None


def _filter_sets(docsets: DocSets, params: SearchParams) -> dict[str, frozenset[int]]:
    sets = {
        param: docsets.docs(field_name, getattr(params, param))
        for param, field_name in FILTER_FIELDS.items()
        if getattr(params, param)
    }
    if params.seeks_partners:
        sets["seeks_partners"] = docsets.docs("seeks_partners", "1")
    if params.status == "archived":
        sets["status"] = _archived(docsets)
    elif params.status == "current":
        sets["status"] = _current(docsets)
    return sets


def _archived(docsets: DocSets) -> frozenset[int]:
    return docsets.docs("status", "archived") & docsets.docs("kind", "idea")


def _current(docsets: DocSets) -> frozenset[int]:
    # Drafts count as current; visibility has already left only the asker's own.
    return (docsets.docs("status", "published") | docsets.docs("status", "draft")) & docsets.docs(
        "kind", "idea"
    )


def _type_counts(
    docsets: DocSets, matches: frozenset[int], filters: dict[str, frozenset[int]]
) -> list[tuple[str, int]]:
    """What each choice of the type facet would find: "all" and each type on its own.

    The idea filters narrow only the ideas' count: choosing "all" or another type drops them."""
    narrowed = matches
    for docs in filters.values():
        narrowed = narrowed & docs
    counts = [
        (kind, len((narrowed if kind == "idea" else matches) & docsets.docs("kind", kind)))
        for kind in registry.kinds()
    ]
    return [("all", len(matches)), *counts]


def _status_counts(
    docsets: DocSets, matches: frozenset[int], filters: dict[str, frozenset[int]]
) -> list[tuple[str, int]]:
    """Matching ideas per status scope, with the other filters applied."""
    narrowed = matches
    for other, docs in filters.items():
        if other != "status":
            narrowed = narrowed & docs
    return [
        ("current", len(narrowed & _current(docsets))),
        ("archived", len(narrowed & _archived(docsets))),
    ]


def search_ideas(
    searcher,
    docsets: DocSets,
    params: SearchParams,
    user=None,
    *,
    facets: bool = True,
    suggestions: bool = True,
) -> SearchResults:
    """The page of documents matching params that user may see, with facet counts.

    `matches` is every visible document with the words; `allowed` what the type and the
    filters leave of them (the page, and the total)."""
    params = params.of_type(params.type)
    q, words_ignored = bounded_query(params.q)
    base = text_query(q)
    visible = docsets.visible(visibility_query(user))
    filters = _filter_sets(docsets, params)
    matches = visible & frozenset(searcher.docs_for_query(base)) if base is not None else visible
    allowed = matches
    if params.type != "all":
        allowed = allowed & docsets.docs("kind", params.type)
    for docs in filters.values():
        allowed = allowed & docs
    sortedby, reverse = None, False
    if params.sort == "relevance" and base is not None:
        sortedby = CurrentFirstRelevance(_archived(docsets))
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
                    hit["kind"],
                    int(hit["id"]),
                    _score(hit, params, base),
                    _snippet(hit) if base is not None else Markup.escape(hit.get("summary", "")),
                )
            )
    results = SearchResults(
        params=params, hits=hits, total=len(allowed), words_ignored=words_ignored
    )
    if facets:
        results.facets = {"type": _type_counts(docsets, matches, filters)}
        if params.type != "challenge":
            results.facets.update(_facet_counts(docsets, matches, filters))
            results.facets["status"] = _status_counts(docsets, matches, filters)
    if suggestions and not allowed and q:
        results.suggestion = suggest(searcher, q, visible)
    return results


def _score(hit, params: SearchParams, base: Query | None) -> float:
    """A hit's relevance (archived ones already scaled); 0 when sorted by date or votes.

    Sorted by a facet, a hit's "score" is its sort key: for relevance the negated score."""
    if params.sort != "relevance" or base is None or not isinstance(hit.score, int | float):
        return 0.0
    return -float(hit.score)


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
    mask = Term("key", f"idea:{exclude_id}") if exclude_id is not None else None
    published = And([Term("kind", "idea"), Term("status", "published")])
    results = searcher.search(query, limit=limit, filter=published, mask=mask)
    hits = [(int(hit["id"]), float(hit.score)) for hit in results]
    if not hits:
        return []
    # A shared common word ("hoito") is not similarity: keep what is close to the best match.
    best = hits[0][1]
    return [idea_id for idea_id, s in hits if s >= best * SIMILARITY_CUTOFF]
