"""Every text a client sends is normalised here, once, before any view or form sees it.

Form fields and query parameters come out of the request already clean:
- Unicode NFC, so "ä" typed as "a" + combining diaeresis matches the "ä" in the database and
  in the search index;
- no NUL or other control characters (PostgreSQL refuses NUL in text; the others have no
  business in a title or a comment); tab, line feed and carriage return stay;
- no bidirectional overrides, embeddings or isolates (U+202E would show the rest of a title
  reversed) and no zero-width characters (they hide a word from search and make two equal
  names look different).

Path segments of a URL can't be cleaned without changing the address, so a path that would
need cleaning is answered with 404 instead (`dirty_path`).
"""

from __future__ import annotations

import re
import unicodedata

from flask import Request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.utils import cached_property

# C0 controls but tab, LF and CR; DEL and the C1 controls.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# Bidi marks, embeddings, overrides and isolates.
_BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c"
# Zero-width space, non-joiner, joiner, word joiner, invisible operators, BOM / ZWNBSP.
_ZERO_WIDTH = "\u200b-\u200d\u2060-\u2064\ufeff"
_UNWANTED = re.compile(f"[{_CONTROL}{_BIDI}{_ZERO_WIDTH}]")


def clean_text(value: str) -> str:
    """`value` in NFC without control, bidi-override or zero-width characters."""
    if value.isascii():
        return _UNWANTED.sub("", value) if _needs_ascii_cleaning(value) else value
    return _UNWANTED.sub("", unicodedata.normalize("NFC", value))


def _needs_ascii_cleaning(value: str) -> bool:
    return any(ord(c) < 32 and c not in "\t\n\r" or c == "\x7f" for c in value)


def is_clean(value: str) -> bool:
    return clean_text(value) == value


def clean_multidict(data: MultiDict) -> ImmutableMultiDict:
    return ImmutableMultiDict(
        [(clean_text(key), clean_text(value)) for key, value in data.items(multi=True)]
    )


class CleanRequest(Request):
    """A request whose `args` and `form` hold only normalised text (see the module text)."""

    @cached_property
    def args(self) -> ImmutableMultiDict:
        return clean_multidict(super().args)

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = clean_multidict(self.__dict__["form"])


def dirty_path(view_args: dict | None) -> bool:
    """True when a string taken from the URL path would need cleaning."""
    return any(isinstance(v, str) and not is_clean(v) for v in (view_args or {}).values())
