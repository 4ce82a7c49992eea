"""The readable edit history of an idea: what changed between consecutive revisions."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape

from idealaari.ideas.models import IdeaRevision, IdeaStatus, PartnerRole, Phase, TargetGroup

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
_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(before: str, after: str) -> Markup:
    """Mark removed words with <del> and added words with <ins>."""
    a, b = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(str(escape("".join(a[i1:i2]))))
            continue
        if op in ("delete", "replace"):
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return Markup("".join(out))


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


@dataclass
class FieldChange:
    label: str
    diff: Markup | None = None
    before: str = ""
    after: str = ""
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


@dataclass
class HistoryEntry:
    revision: IdeaRevision
    changes: list[FieldChange]

    @property
    def is_creation(self) -> bool:
        return self.revision.number == 1


def compare(before: dict, after: dict) -> list[FieldChange]:
    """Changes between two snapshots, in the order of the form."""
    changes = []
    for name, label in TEXT_FIELDS.items():
        if before.get(name, "") != after.get(name, ""):
            changes.append(
                FieldChange(str(label), diff=word_diff(before.get(name, ""), after.get(name, "")))
            )
    for name, label in VALUE_FIELDS.items():
        if before.get(name) != after.get(name):
            changes.append(
                FieldChange(
                    str(label),
                    before=_display(name, before.get(name)),
                    after=_display(name, after.get(name)),
                )
            )
    for name, label in LIST_FIELDS.items():
        old, new = before.get(name) or [], after.get(name) or []
        if old != new:
            changes.append(
                FieldChange(
                    str(label),
                    added=[_display(name, v) for v in new if v not in old],
                    removed=[_display(name, v) for v in old if v not in new],
                )
            )
    return changes


def history(revisions: list[IdeaRevision]) -> list[HistoryEntry]:
    """Entries newest first; the first revision is compared against an empty idea."""
    entries = []
    previous: dict = {}
    for revision in sorted(revisions, key=lambda r: r.number):
        entries.append(HistoryEntry(revision, compare(previous, revision.data)))
        previous = revision.data
    return list(reversed(entries))
