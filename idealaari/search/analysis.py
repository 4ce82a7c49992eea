"""Finnish-aware text analysis for the search index.

At index time every word yields its Voikko baseforms and the baseforms of its compound parts,
all at the word's own position, so "etäkuntoutuksen" is found by "etäkuntoutus" and by
"kuntoutus", and phrases and highlights still line up. At query time a word yields only its
baseforms. Words Voikko does not know (names, English, Swedish, abbreviations) fall back to the
lower-cased word plus its Snowball stems in Finnish, Swedish and English.

Whoosh pickles the analyzer into the index: the classes here must keep their module path, and
they hold no Voikko handle (that lives in a module-level cache), or the index must be rebuilt.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer
from whoosh.lang import stemmer_for_language

TOKEN_PATTERN = r"\w+(?:[:’']\w+)?"
_SUFFIX = re.compile(r"[:’'].*$")  # HUS:n -> hus, Kelan's -> kelan
_MIN_PART = 3  # compound parts shorter than this ("etä" stays, "i" goes) are noise
_voikko_lock = threading.Lock()
_voikko = None


def _analyse(word: str):
    global _voikko
    if _voikko is None:
        with _voikko_lock:
            if _voikko is None:
                import pyvoikko

                _voikko = pyvoikko
    return _voikko.analyse(word)


_STEMMERS = tuple(stemmer_for_language(lang) for lang in ("fi", "sv", "en"))


def _fallback(word: str) -> tuple[str, ...]:
    forms = [word]
    for stem in _STEMMERS:
        s = stem(word)
        if s and s not in forms:
            forms.append(s)
    return tuple(forms)


def _forms(word: str, with_compound_parts: bool) -> tuple[str, ...]:
    word = _SUFFIX.sub("", word)
    if not word:
        return ()
    if not word.isalpha():
        return (word,)
    analyses = _analyse(word)
    if not analyses:
        return _fallback(word)
    forms: list[str] = []
    for analysis in analyses:
        candidates = [(analysis.BASEFORM or word).lower()]
        if with_compound_parts:
            candidates += _compound_forms(analysis.COMPOUND_PARTS or ())
        forms.extend(f for f in candidates if f not in forms)
    return tuple(forms)


@lru_cache(maxsize=300_000)
def index_forms(word: str) -> tuple[str, ...]:
    """Every baseform of a lower-case word and of its compound parts (cached per word)."""
    return _forms(word, with_compound_parts=True)


@lru_cache(maxsize=100_000)
def query_forms(word: str) -> tuple[str, ...]:
    """The baseforms of a lower-case query word (no compound parts: they would widen it)."""
    return _forms(word, with_compound_parts=False)


def _compound_forms(parts) -> list[str]:
    """Baseforms of the parts, and of every shorter run of adjacent parts: for
    mielen|terveys|kuntoutujien also "mielenterveys" and "terveyskuntoutuja" (the modifiers
    keep their surface form, the last part of the run takes its baseform)."""
    out = []
    n = len(parts)
    for end in range(n):
        head = (parts[end].BASEFORM or "").lower()
        for start in range(end, -1, -1):
            if end - start + 1 == n and n > 1:
                continue  # the whole compound is the word's own baseform
            modifiers = "".join((p.FORM or "").lower() for p in parts[start:end])
            form = modifiers + head
            if len(form) >= _MIN_PART:
                out.append(form)
    return out


class FinnishBaseformFilter(Filter):
    """Replace each token by its baseforms (and at index time its compound parts)."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for token in tokens:
            forms = query_forms(token.text) if token.mode == "query" else index_forms(token.text)
            for form in forms:
                token.text = form
                yield token


def finnish_analyzer():
    """The analyzer of every full-text field."""
    return RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | FinnishBaseformFilter()


def query_words(text: str) -> list[tuple[str, ...]]:
    """Each word of a query as the tuple of forms it may match."""
    words = []
    for token in RegexTokenizer(TOKEN_PATTERN)(text.lower()):
        forms = query_forms(token.text)
        if forms:
            words.append(forms)
    return words


def warm_up() -> None:
    """Load the Voikko dictionary now rather than in the first search."""
    index_forms("kehittäminen")
