"""Writes to lineage. Each takes the acting member explicitly, flushes, and never commits."""

from __future__ import annotations

from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from idealaari import permissions
from idealaari.accounts.models import User
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus, Phase
from idealaari.lineage import notifications as lineage_notifications
from idealaari.lineage import queries
from idealaari.lineage.models import Adoption, IdeaDerivation, OfficialResponse, ResponseKind
from idealaari.notifications.services import follow
from idealaari.targets import TargetKind

EVIDENCE_MAX = 1_000
STATEMENT_MAX = 500
# Adoptions older than this are typing mistakes, not history of this network.
EARLIEST_ADOPTION = date(2000, 1, 1)


class LineageError(Exception):
    """A refused lineage change; the message is shown to the member."""


def set_derivation(*, idea: Idea, source: Idea | None, actor: User) -> bool:
    """Say which earlier idea `idea` continues, change it, or (source None) take it away;
    True when that changed. The source's author hears of it once `idea` is published, and
    only once per source."""
    refusal = permissions.derivation_refusal(actor, idea)
    if refusal:
        raise LineageError(refusal)
    db.session.flush()  # a new idea gets its id
    derivation = queries.derivation_of(idea)
    if source is None:
        if derivation is None:
            return False
        db.session.delete(derivation)
        db.session.flush()
        return True
    refusal = permissions.derivation_source_refusal(actor, idea, source)
    if refusal:
        raise LineageError(refusal)
    if queries.chain_reaches(source, idea):
        raise LineageError(
            _(
                "“%(title)s” already continues this idea, so this idea cannot continue it.",
                title=source.title,
            )
        )
    changed = derivation is None or derivation.source_id != source.id
    if derivation is None:
        derivation = IdeaDerivation(idea=idea, source=source)
        db.session.add(derivation)
    elif changed:
        derivation.source = source
        derivation.notified_at = None
    if changed:
        derivation.created_by_id = actor.id
        derivation.created_at = utcnow()
    db.session.flush()
    announce_derivation(derivation=derivation, actor=actor)
    return changed


def announce_derivation(*, derivation: IdeaDerivation, actor: User | None) -> None:
    """Tell the source's author, if the continuing idea is public and they were not told yet."""
    if derivation.notified_at is not None or derivation.idea.status != IdeaStatus.PUBLISHED:
        return
    derivation.notified_at = utcnow()
    lineage_notifications.notify_derivation(derivation=derivation, actor=actor)
    db.session.flush()


def adoption_date_problem(adopted_on, today: date) -> str | None:
    """What is wrong with the date of an adoption, or None."""
    if not isinstance(adopted_on, date):
        return _("Give the date of adoption, for example 3.11.2025.")
    # A day of slack: the member's today (Finnish time) may be ahead of UTC.
    if adopted_on > today + timedelta(days=1):
        return _("The date of adoption cannot be in the future.")
    if adopted_on < EARLIEST_ADOPTION:
        return _("Give a date of adoption in 2000 or later.")
    return None


def _checked_text(text: str | None, maximum: int) -> str:
    text = (text or "").strip()
    if len(text) > maximum:
        raise LineageError(_("Write at most %(max)d characters.", max=maximum))
    return text


def record_adoption(
    *, idea: Idea, actor: User, adopted_on: date, phase: Phase | str, evidence: str
) -> Adoption:
    """Record, or correct, that the actor's organisation adopted the idea. The idea's
    followers hear of a new adoption, and of a new phase reached."""
    refusal = permissions.adoption_refusal(actor, idea)
    if refusal:
        raise LineageError(refusal)
    problem = adoption_date_problem(adopted_on, utcnow().date())
    if problem:
        raise LineageError(problem)
    try:
        phase = Phase(phase)
    except ValueError:
        raise LineageError(_("Choose the development phase reached.")) from None
    evidence = _checked_text(evidence, EVIDENCE_MAX)
    if not evidence:
        raise LineageError(_("Tell briefly what shows the adoption."))
    now = utcnow()
    adoption = queries.adoption_by(idea, actor.organisation_id)
    news = adoption is None or adoption.phase != phase
    if adoption is None:
        adoption = Adoption(idea_id=idea.id, organisation_id=actor.organisation_id, created_at=now)
        try:
            with db.session.begin_nested():  # another contact of the organisation may be first
                _fill_adoption(adoption, actor, adopted_on, phase, evidence, now)
                db.session.add(adoption)
        except IntegrityError:
            adoption = queries.adoption_by(idea, actor.organisation_id)
            news = adoption.phase != phase
    _fill_adoption(adoption, actor, adopted_on, phase, evidence, now)
    db.session.flush()
    follow(user=actor, target=TargetKind.IDEA, target_id=idea.id)
    if news:
        lineage_notifications.notify_adoption(adoption=adoption, actor=actor)
    return adoption


def _fill_adoption(adoption: Adoption, actor, adopted_on, phase, evidence, now) -> None:
    adoption.adopted_on = adopted_on
    adoption.phase = phase
    adoption.evidence = evidence
    adoption.recorded_by_id = actor.id
    adoption.updated_at = now


def remove_adoption(*, adoption: Adoption, actor: User) -> None:
    """Take an adoption away (its organisation's area contacts, or a moderator)."""
    refusal = permissions.adoption_removal_refusal(actor, adoption)
    if refusal:
        raise LineageError(refusal)
    db.session.delete(adoption)
    db.session.flush()


def give_official_response(
    *, idea: Idea, actor: User, kind: ResponseKind | str, statement: str
) -> OfficialResponse:
    """Give the actor's organisation's official response; it replaces the one before. The
    idea's followers hear of it, unless nothing changed."""
    refusal = permissions.official_response_refusal(actor, idea)
    if refusal:
        raise LineageError(refusal)
    try:
        kind = ResponseKind(kind)
    except ValueError:
        raise LineageError(_("Choose your organisation's response.")) from None
    statement = _checked_text(statement, STATEMENT_MAX)
    if not statement:
        raise LineageError(_("Write a short statement with the response."))
    now = utcnow()
    response = queries.response_by(idea, actor.organisation_id)
    if response is None:
        response = OfficialResponse(
            idea_id=idea.id, organisation_id=actor.organisation_id, created_at=now
        )
        try:
            with db.session.begin_nested():  # another contact of the organisation may be first
                _fill_response(response, actor, kind, statement, now)
                db.session.add(response)
        except IntegrityError:
            response = queries.response_by(idea, actor.organisation_id)
    elif response.kind == kind and response.statement == statement:
        return response
    _fill_response(response, actor, kind, statement, now)
    db.session.flush()
    follow(user=actor, target=TargetKind.IDEA, target_id=idea.id)
    lineage_notifications.notify_official_response(response=response, actor=actor)
    return response


def _fill_response(response: OfficialResponse, actor, kind, statement, now) -> None:
    response.kind = kind
    response.statement = statement
    response.responded_by_id = actor.id
    response.updated_at = now


def remove_official_response(*, response: OfficialResponse, actor: User) -> None:
    """Take a response away (its organisation's area contacts, or a moderator)."""
    refusal = permissions.response_removal_refusal(actor, response)
    if refusal:
        raise LineageError(refusal)
    db.session.delete(response)
    db.session.flush()
