"""Reading the audit log, newest first, filtered by actor, action and item."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from idealaari.audit.models import AuditEntry
from idealaari.extensions import db


@dataclass(frozen=True)
class AuditFilters:
    actor_id: int | None = None
    action: str | None = None
    target_kind: str | None = None
    target_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None


def filtered(filters: AuditFilters) -> Select:
    stmt = select(AuditEntry)
    if filters.actor_id is not None:
        stmt = stmt.where(AuditEntry.actor_id == filters.actor_id)
    if filters.action:
        stmt = stmt.where(AuditEntry.action == filters.action)
    if filters.target_kind:
        stmt = stmt.where(AuditEntry.target_kind == filters.target_kind)
    if filters.target_id is not None:
        stmt = stmt.where(AuditEntry.target_id == filters.target_id)
    if filters.since is not None:
        stmt = stmt.where(AuditEntry.created_at >= filters.since)
    if filters.until is not None:
        stmt = stmt.where(AuditEntry.created_at < filters.until)
    return stmt.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())


def entries(filters: AuditFilters, *, limit: int, offset: int = 0) -> list[AuditEntry]:
    stmt = filtered(filters).options(selectinload(AuditEntry.actor)).limit(limit).offset(offset)
    return list(db.session.scalars(stmt))


def iter_entries(filters: AuditFilters, *, batch: int = 500) -> Iterator[AuditEntry]:
    """Every matching row, read in batches (for the CSV export)."""
    stmt = filtered(filters).options(selectinload(AuditEntry.actor))
    offset = 0
    while True:
        rows = list(db.session.scalars(stmt.limit(batch).offset(offset)))
        yield from rows
        if len(rows) < batch:
            return
        offset += batch


def entries_for(target_kind: str, target_id: int) -> list[AuditEntry]:
    stmt = filtered(AuditFilters(target_kind=target_kind, target_id=target_id))
    return list(db.session.scalars(stmt.options(selectinload(AuditEntry.actor))))
