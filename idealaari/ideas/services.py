"""Writes to ideas. Each takes the acting member explicitly, flushes, and never commits."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from flask_babel import gettext as _
from slugify import slugify
from sqlalchemy import func, select

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.comments import services as comment_services
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas import history
from idealaari.ideas import notifications as idea_notifications
from idealaari.ideas.models import (
    Idea,
    IdeaRevision,
    IdeaStatus,
    PartnerRole,
    Phase,
    Tag,
    TargetGroup,
    Theme,
)
from idealaari.notifications import services as notification_services
from idealaari.organisations import queries as org_queries
from idealaari.organisations.models import Organisation
from idealaari.signals import content_published
from idealaari.targets import TargetKind

MAX_TAGS = 10
MAX_TAG_LENGTH = 40
_TAG_SPACE = re.compile(r"\s+")


TITLE_MAX = 160  # the column's length


class IdeaError(Exception):
    """A refused change to an idea; the message is shown to the member."""


def normalise_tags(raw: str | Iterable[str]) -> list[str]:
    """Split on commas, lower-case, trim '#' and spaces, drop duplicates; keep the order given."""
    parts = raw.split(",") if isinstance(raw, str) else list(raw)
    seen: list[str] = []
    for part in parts:
        tag = _TAG_SPACE.sub(" ", part.strip().lstrip("#").strip()).lower()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def validate_tags(tags: list[str]) -> None:
    if len(tags) > MAX_TAGS:
        raise IdeaError(_("Give at most %(n)d tags.", n=MAX_TAGS))
    for tag in tags:
        if len(tag) > MAX_TAG_LENGTH:
            raise IdeaError(_("A tag can be at most %(n)d characters long.", n=MAX_TAG_LENGTH))


def make_slug(title: str) -> str:
    """At most 80 characters, cut between words; a first word longer than that is cut inside,
    rather than dropped (a pasted file name as the title would otherwise leave its tail)."""
    whole = slugify(title)
    cut = slugify(title, max_length=80, word_boundary=True)
    if whole.split("-")[0] != cut.split("-")[0]:
        cut = whole[:80].strip("-")
    return cut or "idea"


def _tags_by_name(names: list[str]) -> list[Tag]:
    existing = {t.name: t for t in db.session.scalars(select(Tag).where(Tag.name.in_(names)))}
    tags = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            db.session.add(tag)
            existing[name] = tag
        tags.append(tag)
    return tags


def organisation_choices(user: User) -> list[Organisation]:
    """Organisations the member may post for: their own, or any for moderators."""
    if permissions.is_moderator(user):
        return org_queries.all_organisations()
    return [user.organisation]


@dataclass
class IdeaFields:
    """The editable content of an idea, as validated by the form."""

    title: str
    summary: str
    body: str = ""
    need: str = ""
    organisation: Organisation | None = None
    phase: Phase = Phase.IDEATION
    themes: list[Theme] | None = None
    target_groups: list[TargetGroup] | None = None
    tags: list[str] | None = None
    seeks_partners: bool = False
    partner_roles: list[PartnerRole] | None = None


def snapshot(idea: Idea) -> dict:
    """The idea's content as plain data, for the edit history."""
    return {
        "title": idea.title,
        "summary": idea.summary,
        "body": idea.body,
        "need": idea.need,
        "organisation": idea.organisation.name_fi if idea.organisation else None,
        "phase": idea.phase.value,
        "themes": sorted(t.name_fi for t in idea.themes),
        "target_groups": [g.value for g in idea.target_groups],
        "tags": sorted(t.name for t in idea.tags),
        "seeks_partners": idea.seeks_partners,
        "partner_roles": [r.value for r in idea.partner_roles],
        "status": idea.status.value,
    }


def _record_revision(
    idea: Idea, editor: User | None, moderation_reason: str | None = None
) -> IdeaRevision | None:
    """Keep the idea's current state as a new revision, unless nothing changed."""
    db.session.flush()
    data = snapshot(idea)
    last = db.session.scalar(
        select(IdeaRevision)
        .where(IdeaRevision.idea_id == idea.id)
        .order_by(IdeaRevision.number.desc())
        .limit(1)
    )
    if last is not None and last.data == data:
        return None
    # Compared once, here: the history page renders the stored changes and never diffs. The
    # first revision is the idea as created; the page lists no changes for it.
    changes = history.changes_between(last.data, data) if last is not None else []
    number = (
        db.session.scalar(
            select(func.max(IdeaRevision.number)).where(IdeaRevision.idea_id == idea.id)
        )
        or 0
    ) + 1
    revision = IdeaRevision(
        idea_id=idea.id,
        number=number,
        editor_id=editor.id if editor else None,
        data=data,
        changes=changes,
        moderation_reason=moderation_reason,
    )
    db.session.add(revision)
    db.session.flush()
    return revision


def _apply(idea: Idea, values: IdeaFields, actor: User) -> None:
    tags = normalise_tags(values.tags or [])
    validate_tags(tags)
    existing = idea.id is not None
    # An edit that names no organisation keeps the owner; a new idea is the author's own.
    organisation = values.organisation or (idea.organisation if existing else actor.organisation)
    if organisation.id != idea.organisation_id:
        if existing:
            refusal = permissions.owner_change_refusal(actor, idea)
            if refusal:
                raise IdeaError(refusal)
        if organisation not in organisation_choices(actor):
            raise IdeaError(_("You cannot post ideas for that organisation."))
    if not values.title.strip():
        raise IdeaError(_("Give the idea a title."))
    if not values.summary.strip():
        raise IdeaError(_("Give the idea a short summary."))
    if values.title.strip() != idea.title:
        idea.slug = make_slug(values.title)
    idea.title = values.title.strip()
    idea.summary = values.summary.strip()
    idea.body = values.body.strip()
    idea.need = values.need.strip()
    idea.organisation = organisation
    idea.organisation_id = organisation.id
    idea.phase = Phase(values.phase)
    idea.themes = list(values.themes or [])
    idea.target_groups = values.target_groups or []
    idea.tags = _tags_by_name(tags)
    idea.seeks_partners = bool(values.seeks_partners)
    idea.partner_roles = (values.partner_roles or []) if values.seeks_partners else []


def create_idea(*, author: User, values: IdeaFields, publish: bool) -> Idea:
    """Create an idea as a draft, or publish it straight away."""
    refusal = permissions.create_idea_refusal(author)
    if refusal:
        raise IdeaError(refusal)
    idea = Idea(title="", slug="", summary="", author_id=author.id, status=IdeaStatus.DRAFT)
    _apply(idea, values, author)
    now = utcnow()
    idea.created_at = idea.updated_at = now
    if publish:
        idea.status = IdeaStatus.PUBLISHED
        idea.published_at = now
    idea.discussion = comment_services.open_discussion(TargetKind.IDEA)
    db.session.add(idea)
    _record_revision(idea, author)
    comment_services.attach_discussion(idea.discussion, owner_id=idea.id)
    notification_services.follow(user=author, target=TargetKind.IDEA, target_id=idea.id)
    if publish:
        _published(idea, author)
    return idea


def _published(idea: Idea, actor: User) -> None:
    """Tell followers, unless moderation holds the idea for approval (pre-moderation)."""
    content_published.send(None, kind=TargetKind.IDEA, item=idea, author=actor)
    if idea.status == IdeaStatus.PUBLISHED:
        idea_notifications.notify_new_idea(idea=idea, actor=actor)


def update_idea(*, idea: Idea, editor: User, values: IdeaFields, publish: bool = False) -> bool:
    """Save an edit; return True when something changed (and so a revision was kept)."""
    refusal = permissions.idea_edit_refusal(editor, idea)
    if refusal:
        raise IdeaError(refusal)
    old_phase = idea.phase
    _apply(idea, values, editor)
    newly_published = publish and idea.status == IdeaStatus.DRAFT
    if newly_published:
        idea.status = IdeaStatus.PUBLISHED
        idea.published_at = utcnow()
    changed = _record_revision(idea, editor) is not None
    if changed:
        idea.updated_at = utcnow()
    if newly_published:
        _published(idea, editor)
    elif idea.phase != old_phase and idea.status == IdeaStatus.PUBLISHED:
        idea_notifications.notify_phase_change(idea=idea, old_phase=old_phase.value, actor=editor)
    return changed


def _set_status(idea: Idea, actor: User, status: IdeaStatus) -> None:
    idea.status = status
    idea.updated_at = utcnow()
    _record_revision(idea, actor)


def archive_idea(*, idea: Idea, actor: User) -> None:
    """Move a published idea to the archive; it stays readable but leaves the lists."""
    if not permissions.can_archive_idea(actor, idea):
        raise IdeaError(_("You cannot archive this idea."))
    _set_status(idea, actor, IdeaStatus.ARCHIVED)


def restore_idea(*, idea: Idea, actor: User) -> None:
    """Bring an archived idea back to the published lists."""
    if not permissions.can_restore_idea(actor, idea):
        raise IdeaError(_("You cannot restore this idea."))
    _set_status(idea, actor, IdeaStatus.PUBLISHED)


def add_co_editor(*, idea: Idea, actor: User, email: str) -> User:
    """Let another member edit the idea."""
    if not permissions.can_manage_co_editors(actor, idea):
        raise IdeaError(_("Only the author can add co-editors."))
    member = db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))
    if member is None or not member.active:
        raise IdeaError(_("No member has that e-mail address."))
    if member.id == idea.author_id or member in idea.co_editors:
        raise IdeaError(_("%(name)s can already edit this idea.", name=member.name))
    idea.co_editors.append(member)
    db.session.flush()
    return member


def remove_co_editor(*, idea: Idea, actor: User, member: User) -> None:
    if not permissions.can_manage_co_editors(actor, idea):
        raise IdeaError(_("Only the author can remove co-editors."))
    if member in idea.co_editors:
        idea.co_editors.remove(member)
    db.session.flush()


def create_theme(*, actor: User, name_fi: str, name_sv: str = "", name_en: str = "") -> Theme:
    """Add a theme to the list members pick from."""
    if not permissions.can_manage_themes(actor):
        raise IdeaError(_("Only moderators can manage themes."))
    name_fi = name_fi.strip()
    if not name_fi:
        raise IdeaError(_("Give the theme a Finnish name."))
    slug = slugify(name_fi, max_length=80, word_boundary=True)
    if db.session.scalar(select(Theme).where(Theme.slug == slug)) is not None:
        raise IdeaError(_("A theme with that name already exists."))
    theme = Theme(
        slug=slug, name_fi=name_fi, name_sv=name_sv.strip() or None, name_en=name_en.strip() or None
    )
    db.session.add(theme)
    db.session.flush()
    return theme


def update_theme(
    *, actor: User, theme: Theme, name_fi: str, name_sv: str, name_en: str, active: bool
) -> None:
    if not permissions.can_manage_themes(actor):
        raise IdeaError(_("Only moderators can manage themes."))
    if not name_fi.strip():
        raise IdeaError(_("Give the theme a Finnish name."))
    theme.name_fi = name_fi.strip()
    theme.name_sv = name_sv.strip() or None
    theme.name_en = name_en.strip() or None
    theme.active = active
    db.session.flush()


# Moderation (idealaari/moderation decides who may; these keep the idea's own state right)


def hide_idea(*, idea: Idea, actor: User | None, reason: str | None) -> None:
    """Hide a published or archived idea; a None reason means it waits for review."""
    if idea.status != IdeaStatus.HIDDEN:
        idea.hidden_from = idea.status
        idea.status = IdeaStatus.HIDDEN
    idea.hidden_reason = reason
    _record_revision(idea, actor, moderation_reason=reason)


def unhide_idea(*, idea: Idea, actor: User, reason: str) -> None:
    """Show a hidden idea again, in the status it had."""
    if idea.status != IdeaStatus.HIDDEN:
        return
    idea.status = idea.hidden_from or IdeaStatus.PUBLISHED
    if idea.status == IdeaStatus.PUBLISHED and idea.published_at is None:
        idea.published_at = utcnow()
    idea.hidden_from = None
    idea.hidden_reason = None
    _record_revision(idea, actor, moderation_reason=reason)


def retitle_by_moderator(*, idea: Idea, moderator: User, title: str, reason: str) -> bool:
    """A moderator's edit of the title for clarity, kept in the history with its reason."""
    title = (title or "").strip()
    if not title:
        raise IdeaError(_("Give the idea a title."))
    if len(title) > TITLE_MAX:
        raise IdeaError(_("Write at most %(max)d characters.", max=TITLE_MAX))
    if title == idea.title:
        return False
    idea.title = title
    idea.slug = make_slug(title)
    idea.updated_at = utcnow()
    _record_revision(idea, moderator, moderation_reason=reason)
    return True
