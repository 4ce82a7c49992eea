"""The readable edit history of an idea: what changed between consecutive revisions.

An edit is compared with the revision before it once, when it is saved, and the comparison is
stored on the revision (`IdeaRevision.changes`). The history page only renders what was stored,
so a page view never diffs anything. The stored comparison holds field names and raw values,
not labels, so the page still follows the reader's language.

The work of one comparison is bounded: texts are compared word by word while the number of
token pairs stays under WORD_DIFF_LIMIT; beyond that line by line, with word marks only inside
changed lines while the same budget lasts; and a text with too many lines on both sides is
"too large to compare".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from rapidfuzz.distance import Indel

from idealaari.ideas.models import IdeaRevision, IdeaStatus, PartnerRole, Phase, TargetGroup

# Revisions per page of the history, newest first.
PER_PAGE = 10

TEXT_FIELDS = {
    "title": _l("Title"),
    "summary": _l("Summary"),
    "need": _l("The need it answers"),
    "body": _l("Description"),
}
LIST_FIELDS = {
    "themes": _l("Themes"),
    "target_groups": _l("Target groups"),
    "tags": _l("Tags"),
    "partner_roles": _l("Partners wanted"),
}
VALUE_FIELDS = {
    "organisation": _l("Owning organisation"),
    "phase": _l("Development phase"),
    "seeks_partners": _l("Seeks partners"),
    "status": _l("Status"),
}
OWNER_FIELD = "organisation"
# Token pairs one text comparison may look at: two texts of about 15,000 characters word by
# word. The differ (rapidfuzz's bit-parallel LCS) needs about pairs / 8 bytes of memory.
WORD_DIFF_LIMIT = 25_000_000
# Unchanged characters shown on each side of a change; longer unchanged runs are shortened.
CONTEXT = 200
_TOKENS = re.compile(r"\s+|[^\s]+")

# A segment of a compared text: ("=", unchanged), ("-", removed) or ("+", added).
Segment = tuple[str, str]


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text or "")


def _runs(a: list[str], b: list[str]) -> Iterable[tuple[str, int, int, int, int]]:
    """Opcodes of a against b, with each run of changes joined into one "change" block."""
    block = None
    for op in Indel.opcodes(a, b):
        if op.tag == "equal":
            if block is not None:
                yield block
                block = None
            yield ("equal", op.src_start, op.src_end, op.dest_start, op.dest_end)
        elif block is None:
            block = ("change", op.src_start, op.src_end, op.dest_start, op.dest_end)
        else:
            block = ("change", block[1], op.src_end, block[3], op.dest_end)
    if block is not None:
        yield block


def _changed(old: str, new: str) -> list[Segment]:
    """Removed text before added text, as a reader expects a replacement."""
    return [s for s in (("-", old), ("+", new)) if s[1]]


def _word_segments(a: list[str], b: list[str]) -> list[Segment]:
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in _runs(a, b):
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
        else:
            out.extend(_changed("".join(a[i1:i2]), "".join(b[j1:j2])))
    return out


def _merged(segments: Iterable[Segment]) -> list[list[str]]:
    """Neighbouring segments of the same kind as one (lists, as JSON keeps them)."""
    out: list[list[str]] = []
    for op, text in segments:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1][1] += text
        else:
            out.append([op, text])
    return out


def text_segments(before: str, after: str, limit: int | None = None) -> list[list[str]] | None:
    """The word diff of two texts as segments, or None when they are too large to compare."""
    limit = WORD_DIFF_LIMIT if limit is None else limit
    before, after = before or "", after or ""
    a, b = _tokens(before), _tokens(after)
    # The unchanged start and end cost nothing to find; most edits change one place.
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
    if len(middle_a) * len(middle_b) <= limit:
        return _merged(
            [
                ("=", "".join(a[:head])),
                *_word_segments(middle_a, middle_b),
                ("=", "".join(a[len(a) - tail :])),
            ]
        )
    lines_a, lines_b = before.splitlines(keepends=True), after.splitlines(keepends=True)
    budget = limit - len(lines_a) * len(lines_b)
    if budget < 0:
        return None
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in _runs(lines_a, lines_b):
        old, new = "".join(lines_a[i1:i2]), "".join(lines_b[j1:j2])
        if tag == "equal":
            out.append(("=", old))
            continue
        words_a, words_b = _tokens(old), _tokens(new)
        cost = len(words_a) * len(words_b)
        if cost <= budget:
            budget -= cost
            out.extend(_word_segments(words_a, words_b))
        else:  # the whole block as removed and added lines
            out.extend(_changed(old, new))
    return _merged(out)


def _context(text: str, first: bool, last: bool) -> str:
    """Unchanged text around the changes; a long run is cut to CONTEXT characters on each side."""
    keep_head = 0 if first else CONTEXT
    keep_tail = 0 if last else CONTEXT
    if len(text) <= keep_head + keep_tail + CONTEXT:
        return str(escape(text))
    left_out = escape(_l("unchanged text left out"))
    gap = f'<span class="diff-gap">…<span class="visually-hidden"> ({left_out}) </span></span>'
    head = escape(text[:keep_head]) if keep_head else ""
    tail = escape(text[len(text) - keep_tail :]) if keep_tail else ""
    return f"{head}{gap}{tail}"


def render_segments(segments: list[list[str]]) -> Markup:
    """Mark removed words with <del> and added words with <ins>, with the unchanged text
    around them (long unchanged runs shortened)."""
    out = []
    for i, (op, text) in enumerate(segments):
        if op == "-":
            out.append(f"<del>{escape(text)}</del>")
        elif op == "+":
            out.append(f"<ins>{escape(text)}</ins>")
        else:
            out.append(_context(text, first=i == 0, last=i == len(segments) - 1))
    return Markup("".join(out))


def changes_between(before: dict, after: dict, limit: int | None = None) -> list[dict]:
    """What changed from one snapshot to the next, as plain data to store, in form order."""
    changes: list[dict] = []
    for name in TEXT_FIELDS:
        old, new = before.get(name) or "", after.get(name) or ""
        if old != new:
            segments = text_segments(old, new, limit)
            if segments is None:
                changes.append({"field": name, "too_large": True})
            else:
                changes.append({"field": name, "segments": segments})
    for name in VALUE_FIELDS:
        if before.get(name) != after.get(name):
            changes.append({"field": name, "before": before.get(name), "after": after.get(name)})
    for name in LIST_FIELDS:
        old, new = before.get(name) or [], after.get(name) or []
        if old != new:
            changes.append(
                {
                    "field": name,
                    "added": [v for v in new if v not in old],
                    "removed": [v for v in old if v not in new],
                }
            )
    return changes


def _display(field_name: str, value) -> str:
    """A stored value as the member reads it, in their language."""
    enums = {
        "phase": Phase,
        "status": IdeaStatus,
        "target_groups": TargetGroup,
        "partner_roles": PartnerRole,
    }
    if field_name == "seeks_partners":
        return str(_l("yes") if value else _l("no"))
    if field_name == "phase" and value in Phase._value2member_map_:
        phase = Phase(value)
        return f"{phase.number}. {phase.label}"
    enum_cls = enums.get(field_name)
    if enum_cls is not None and value in enum_cls._value2member_map_:
        return enum_cls(value).label
    return "" if value is None else str(value)


_LABELS = {**TEXT_FIELDS, **VALUE_FIELDS, **LIST_FIELDS}


@dataclass
class FieldChange:
    label: str
    diff: Markup | None = None
    too_large: bool = False
    owner: bool = False  # the owning organisation changed
    before: str = ""
    after: str = ""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def field_change(stored: dict) -> FieldChange:
    """One stored change, labelled and worded in the reader's language."""
    name = stored["field"]
    change = FieldChange(str(_LABELS.get(name, name)))
    if "segments" in stored:
        change.diff = render_segments(stored["segments"])
    elif stored.get("too_large"):
        change.too_large = True
    elif "added" in stored or "removed" in stored:
        change.added = [_display(name, v) for v in stored.get("added", [])]
        change.removed = [_display(name, v) for v in stored.get("removed", [])]
    else:
        change.owner = name == OWNER_FIELD
        change.before = _display(name, stored.get("before"))
        change.after = _display(name, stored.get("after"))
    return change


@dataclass
class HistoryEntry:
    revision: IdeaRevision
    changes: list[FieldChange]
    recorded: bool = True  # False for a revision saved before comparisons were stored

    @property
    def is_creation(self) -> bool:
        return self.revision.number == 1


def entries(revisions: list[IdeaRevision]) -> list[HistoryEntry]:
    """History entries of the given revisions, in the given order, from their stored changes."""
    return [
        HistoryEntry(
            revision,
            [field_change(c) for c in revision.changes or []],
            recorded=revision.changes is not None,
        )
        for revision in revisions
    ]
