"""Typed targets: what a follow, a notification or a discussion points at, as (kind, id).

One enum of target kinds and one registry of what each kind is: its model, its title, its
address and who may see it. Each domain registers its kinds in its `init_app`; the shared
pieces (follows, notifications, discussions) look targets up here and import no domain.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from flask import url_for
from sqlalchemy import select

from idealaari.extensions import db


class TargetKind(enum.StrEnum):
    IDEA = "idea"
    COMMENT = "comment"
    ORGANISATION = "organisation"
    THEME = "theme"
    POLL = "poll"
    OFFER = "offer"
    CHALLENGE = "challenge"
    ENTRY = "entry"
    MEETING = "meeting"
    NETWORK = "network"


def _everyone(user, target) -> bool:
    return True


@dataclass(frozen=True)
class TargetType:
    """What one kind of target is. `link` gives (endpoint, url_for values) for its page."""

    kind: TargetKind
    model: type
    title: Callable[[Any], str]
    link: Callable[[Any], tuple[str, dict[str, Any]]]
    can_view: Callable[[Any, Any], bool] = _everyone
    followable: bool = False


_types: dict[TargetKind, TargetType] = {}


def register(target_type: TargetType) -> None:
    """Make a kind known (each domain's init_app; registering again replaces it)."""
    _types[target_type.kind] = target_type


def target_type(kind: TargetKind | str) -> TargetType:
    """The registered type of a kind; LookupError for a kind no domain registered."""
    try:
        return _types[TargetKind(kind)]
    except (KeyError, ValueError):
        raise LookupError(f"no target kind {kind!r} is registered") from None


def parse_kind(value: str) -> TargetKind | None:
    """A registered kind from a URL or form value, or None."""
    kind = TargetKind._value2member_map_.get(value)
    return kind if kind in _types else None


def get(kind: TargetKind | str, target_id: int | None, *, session=None):
    """The target row, or None when it does not exist (any more)."""
    if target_id is None:
        return None
    return (session or db.session).get(target_type(kind).model, target_id)


def get_visible(kind: TargetKind | str, target_id: int | None, user):
    """The target if it exists and the member may see it, else None."""
    target = get(kind, target_id)
    if target is None or not target_type(kind).can_view(user, target):
        return None
    return target


def preload(pairs: Iterable[tuple[str | None, int | None]], *, session=None) -> None:
    """Load many targets with one query per kind, so later `get`s are served from the session."""
    wanted: dict[TargetKind, set[int]] = {}
    for kind, target_id in pairs:
        if kind is None or target_id is None:
            continue
        try:
            wanted.setdefault(TargetKind(kind), set()).add(target_id)
        except ValueError:
            continue
    for kind, ids in wanted.items():
        if kind not in _types:
            continue
        model = _types[kind].model
        list((session or db.session).scalars(select(model).where(model.id.in_(sorted(ids)))))


def title(kind: TargetKind | str, target) -> str:
    return target_type(kind).title(target)


def link(kind: TargetKind | str, target) -> tuple[str, dict[str, Any]]:
    return target_type(kind).link(target)


def url(kind: TargetKind | str, target) -> str:
    """The target's page, as a path for links on pages."""
    endpoint, values = link(kind, target)
    return url_for(endpoint, **values)


def can_view(kind: TargetKind | str, user, target) -> bool:
    return target_type(kind).can_view(user, target)
