"""Appending to the audit log. Each domain names its actions once, with a label to show."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from idealaari.audit.models import AuditEntry
from idealaari.dbtypes import utcnow
from idealaari.extensions import db

LABEL_MAX = 300

_labels: dict[str, Any] = {}


def register_actions(labels: dict[str, Any]) -> None:
    """Make actions known with their (lazy) labels; the log's filter lists them."""
    _labels.update(labels)


def action_label(action: str) -> str:
    label = _labels.get(action)
    return str(label) if label is not None else action


def known_actions() -> list[tuple[str, str]]:
    """(action, label) pairs in label order, for the filter."""
    return sorted(((k, str(v)) for k, v in _labels.items()), key=lambda kv: kv[1].casefold())


def record(
    *,
    actor,
    action: str,
    target_kind: str | None = None,
    target_id: int | None = None,
    target_label: str = "",
    reason: str = "",
    before: str | None = None,
    after: str | None = None,
    data: dict[str, Any] | None = None,
    now: datetime | None = None,
) -> AuditEntry:
    """Append one row; flushed with the action's own transaction, so both land or neither."""
    if action not in _labels:
        raise ValueError(f"unregistered audit action {action!r}")
    entry = AuditEntry(
        created_at=now or utcnow(),
        actor_id=getattr(actor, "id", None),
        action=action,
        target_kind=str(target_kind) if target_kind is not None else None,
        target_id=target_id,
        target_label=(target_label or "")[:LABEL_MAX],
        reason=reason or "",
        before=before,
        after=after,
        data=data or {},
    )
    db.session.add(entry)
    db.session.flush()
    return entry
