"""The data download: one ZIP file with everything Idealaari keeps about the member.

- `tiedot.json`: one JSON document, the account and a list per kind of thing they did;
- `ideat/<id>-<slug>.md`: each of their ideas as they wrote it;
- `kommentit/<id>.md`: each of their comments as they wrote it.

Nothing is held in memory at once: rows are read in pages (queries.pages), the JSON document
is written item by item straight into the archive, and the archive is spooled to a temporary
file once it outgrows SPOOL_LIMIT.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import IO, Any

from flask_babel import format_datetime
from flask_babel import gettext as _

from idealaari.accounts.models import User
from idealaari.dbtypes import utcnow
from idealaari.http import idea_url
from idealaari.ideas.models import Idea
from idealaari.privacy import queries

FORMAT = "idealaari-member-data"
VERSION = 1
DOCUMENT = "tiedot.json"
IDEA_DIR = "ideat"
COMMENT_DIR = "kommentit"
# Archives up to this size stay in memory; larger ones go to a temporary file on disk.
SPOOL_LIMIT = 8 * 1024 * 1024
_UNSAFE = re.compile(r"[^a-z0-9-]+")


def filename(today: date) -> str:
    return f"idealaari-omat-tiedot-{today.isoformat()}.zip"


def build_archive(user: User, *, now: datetime | None = None) -> IO[bytes]:
    """The member's archive as an open binary file, read from its start."""
    now = now or utcnow()
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_LIMIT)
    try:
        with zipfile.ZipFile(spool, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            with archive.open(DOCUMENT, "w", force_zip64=True) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
                write_document(JsonObjectWriter(text), user, now)
                text.flush()
                text.detach()
            for idea in queries.ideas(user):
                archive.writestr(idea_path(idea), idea_markdown(idea))
            for comment in queries.comments(user):
                archive.writestr(f"{COMMENT_DIR}/{comment.id}.md", comment_markdown(comment))
    except BaseException:
        spool.close()
        raise
    spool.seek(0)
    return spool


# --- JSON, written incrementally -----------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_plain)


class JsonObjectWriter:
    """Writes one JSON object to a text stream member by member, and an array member item by
    item, so that no list is ever built whole."""

    def __init__(self, out: IO[str]):
        self._out = out
        self._members = 0
        out.write("{")

    def _key(self, key: str) -> None:
        self._out.write(("," if self._members else "") + "\n  " + _dumps(key) + ": ")
        self._members += 1

    def member(self, key: str, value: Any) -> None:
        self._key(key)
        self._out.write(_dumps(value))

    def array(self, key: str, items: Iterable[Any]) -> None:
        self._key(key)
        self._out.write("[")
        count = 0
        for item in items:
            self._out.write(("," if count else "") + "\n    " + _dumps(item))
            count += 1
        self._out.write("\n  ]" if count else "]")

    def close(self) -> None:
        self._out.write("\n}\n")


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def write_document(doc: JsonObjectWriter, user: User, now: datetime) -> None:
    """The whole document: the account, then one array per kind of thing the member did."""
    doc.member("format", FORMAT)
    doc.member("version", VERSION)
    doc.member("generated_at", now)
    doc.member("account", account_record(user))
    doc.array(
        "notification_preferences",
        (
            {"group": p.group, "in_app": p.in_app, "by_email": p.by_email}
            for p in queries.notification_preferences(user)
        ),
    )
    doc.array("ideas", (idea_record(idea) for idea in queries.ideas(user)))
    doc.array(
        "co_edited_ideas",
        ({"idea_id": r.id, "title": r.title} for r in queries.co_edited_ideas(user)),
    )
    doc.array("comments", (comment_record(c) for c in queries.comments(user)))
    doc.array(
        "idea_votes",
        (
            {"idea_id": r.idea_id, "idea_title": r.title, "created_at": r.created_at}
            for r in queries.idea_votes(user)
        ),
    )
    doc.array(
        "challenge_entry_votes",
        (
            {
                "entry_id": r.entry_id,
                "challenge_id": r.challenge_id,
                "challenge_title": r.challenge_title,
                "idea_title": r.idea_title,
                "created_at": r.created_at,
            }
            for r in queries.entry_votes(user)
        ),
    )
    doc.array(
        "poll_votes",
        (
            {
                "poll_id": r.poll_id,
                "question": r.question,
                "option": r.label,
                "created_at": r.created_at,
                "updated_at": r.updated_at,
            }
            for r in queries.poll_votes(user)
        ),
    )
    doc.array(
        "poll_options_proposed",
        (
            {
                "poll_id": r.poll_id,
                "question": r.question,
                "option": r.label,
                "status": r.status,
                "created_at": r.created_at,
            }
            for r in queries.poll_options_proposed(user)
        ),
    )
    doc.array("partner_offers", (offer_record(o) for o in queries.partner_offers(user)))
    doc.array(
        "follows",
        (
            {"target": r.target, "target_id": r.target_id, "created_at": r.created_at}
            for r in queries.follows(user)
        ),
    )
    doc.array("notifications", (notification_record(r) for r in queries.notifications(user)))
    doc.array(
        "challenges_proposed",
        (
            {"challenge_id": r.id, "title": r.title, "status": r.status, "created_at": r.created_at}
            for r in queries.challenges_proposed(user)
        ),
    )
    doc.array(
        "challenge_roles",
        (
            {"challenge_id": cid, "title": title, "role": role}
            for cid, title, role in queries.challenge_roles(user)
        ),
    )
    doc.array(
        "challenge_entries",
        (
            {
                "entry_id": r.id,
                "challenge_id": r.challenge_id,
                "challenge_title": r.challenge_title,
                "idea_id": r.idea_id,
                "idea_title": r.idea_title,
                "entered_at": r.entered_at,
            }
            for r in queries.challenge_entries(user)
        ),
    )
    doc.array("jury_scorecards", _scorecard_records(user))
    doc.array(
        "jury_recusals",
        (
            {
                "entry_id": r.entry_id,
                "challenge_id": r.challenge_id,
                "challenge_title": r.challenge_title,
                "reason": r.reason,
                "created_at": r.created_at,
            }
            for r in queries.recusals(user)
        ),
    )
    reports = queries.reports(user)
    if reports is not None:
        doc.array(
            "reports",
            (
                {
                    "target_kind": r.target_kind,
                    "target_id": r.target_id,
                    "reason": r.reason,
                    "note": r.note,
                    "created_at": r.created_at,
                }
                for r in reports
            ),
        )
    doc.close()


def account_record(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "title": user.title,
        "expertise": user.expertise,
        "role": user.role,
        "locale": user.locale,
        "organisation": {"id": user.organisation_id, "name": user.organisation.name_fi},
        "created_at": user.created_at,
        "email_verified_at": user.email_verified_at,
        "digest_frequency": user.digest_frequency,
        "active": user.active,
        "suspended_until": user.suspended_until,
        "suspension_reason": user.suspension_reason,
        "posts_approved_at": user.posts_approved_at,
    }


def idea_record(idea: Idea) -> dict[str, Any]:
    return {
        "id": idea.id,
        "title": idea.title,
        "slug": idea.slug,
        "summary": idea.summary,
        "need": idea.need,
        "body": idea.body,
        "status": idea.status,
        "phase": idea.phase,
        "organisation": {"id": idea.organisation_id, "name": idea.organisation.name_fi},
        "themes": [t.name_fi for t in idea.themes],
        "tags": [t.name for t in idea.tags],
        "target_groups": list(idea.target_groups),
        "seeks_partners": idea.seeks_partners,
        "partner_roles": list(idea.partner_roles),
        "vote_count": idea.vote_count,
        "created_at": idea.created_at,
        "updated_at": idea.updated_at,
        "published_at": idea.published_at,
        "hidden_reason": idea.hidden_reason,
        "file": idea_path(idea),
    }


def comment_record(row) -> dict[str, Any]:
    return {
        "id": row.id,
        "on": {"kind": row.owner_kind, "id": row.owner_id, "title": row.owner_title},
        "reply_to": row.parent_id,
        "body": row.body,
        "created_at": row.created_at,
        "edited_at": row.edited_at,
        "removed_at": row.deleted_at,
        "hidden_at": row.hidden_at,
        "hidden_reason": row.hidden_reason,
        "file": f"{COMMENT_DIR}/{row.id}.md",
    }


def offer_record(offer) -> dict[str, Any]:
    return {
        "id": offer.id,
        "idea_id": offer.idea_id,
        "idea_title": offer.idea.title,
        "organisation": {"id": offer.organisation_id, "name": offer.organisation.name_fi},
        "role": offer.role,
        "message": offer.message,
        "status": offer.status,
        "created_at": offer.created_at,
        "decided_at": offer.decided_at,
        "decision_note": offer.decision_note,
    }


def notification_record(row) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "target_kind": row.target_kind,
        "target_id": row.target_id,
        "idea_id": row.idea_id,
        "data": row.data,
        "created_at": row.created_at,
        "read_at": row.read_at,
        "emailed_at": row.emailed_at,
        "digested_at": row.digested_at,
        "in_app": row.in_app,
    }


def _scorecard_records(user: User) -> Iterator[dict[str, Any]]:
    for cards in _chunks(queries.scorecards(user), queries.PAGE_SIZE):
        entries = queries.entries_by_id({card.entry_id for card in cards})
        for card in cards:
            entry = entries[card.entry_id]
            names = {c.id: c.name for c in entry.challenge.criteria}
            yield {
                "entry_id": card.entry_id,
                "challenge_id": entry.challenge_id,
                "challenge_title": entry.challenge.title,
                "idea_title": entry.idea.title,
                "scores": {
                    names.get(s.criterion_id, str(s.criterion_id)): s.value for s in card.scores
                },
                "note": card.note,
                "updated_at": card.updated_at,
            }


# --- Markdown ---------------------------------------------------------------------------


def idea_path(idea: Idea) -> str:
    slug = _UNSAFE.sub("-", (idea.slug or "").lower()).strip("-")[:60].strip("-") or "idea"
    return f"{IDEA_DIR}/{idea.id}-{slug}.md"


def _when(value: datetime | None) -> str:
    return format_datetime(value) if value else ""


def _section(heading: str, text: str) -> str:
    return f"## {heading}\n\n{text}\n" if text else ""


def idea_markdown(idea: Idea) -> str:
    """The idea as a Markdown file: its title, its details as a list, its texts as written."""
    details = [
        (_("Status"), idea.status.label),
        (_("Development phase"), idea.phase.label),
        (_("Owning organisation"), idea.organisation.name),
        (_("Themes"), ", ".join(t.name for t in idea.themes)),
        (_("Target groups"), ", ".join(g.label for g in idea.target_groups)),
        (_("Tags"), ", ".join(t.name for t in idea.tags)),
        (_("Partners wanted"), ", ".join(r.label for r in idea.partner_roles)),
        (_("Published"), _when(idea.published_at)),
        (_("Address"), idea_url(idea, _external=True) if idea.is_published else ""),
    ]
    lines = [f"# {idea.title}", ""]
    lines += [f"- {label}: {value}" for label, value in details if value]
    parts = ["\n".join(lines) + "\n"]
    parts += [
        _section(_("Summary"), idea.summary),
        _section(_("The need it answers"), idea.need),
        _section(_("Description"), idea.body),
    ]
    return "\n".join(part for part in parts if part)


def comment_markdown(row) -> str:
    """The comment as a Markdown file: what it was on and when, then the text as written."""
    heading = (
        _("Comment on “%(title)s”", title=row.owner_title) if row.owner_title else _("Comment")
    )
    lines = [f"# {heading}", "", f"- {_when(row.created_at)}"]
    if row.parent_id:
        lines.append("- " + _("A reply to comment %(id)d", id=row.parent_id))
    return "\n".join(lines) + "\n\n" + row.body + "\n"
