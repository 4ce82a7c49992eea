"""Writes of showcases: compiling a year, curating its highlights, the introduction, and
publishing. Each takes the acting moderator, flushes and never commits."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import func, select

from idealaari.accounts.models import User
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.permissions import curation_refusal
from idealaari.showcase import compile as compiler
from idealaari.showcase import figures, queries
from idealaari.showcase.models import Highlight, HighlightKind, Showcase, ShowcaseStatus

INTRO_MAX = 5000
FIRST_YEAR = 2020  # the network began in 2021; a year before leaves room for imported work
MAX_HIGHLIGHTS = 40


class ShowcaseError(Exception):
    """A refused showcase action; the message is shown to the moderator."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def _check(actor: User) -> None:
    refusal = curation_refusal(actor)
    if refusal:
        raise ShowcaseError(refusal)


def year_problem(year: int | None, now: datetime) -> str | None:
    """What is wrong with a year to compile, or None: from FIRST_YEAR to this year."""
    this_year = compiler.local_year(now)
    if year is None or not FIRST_YEAR <= year <= this_year:
        return _("Give a year from %(first)d to %(last)d.", first=FIRST_YEAR, last=this_year)
    return None


def compile_showcase(*, year: int, actor: User, now: datetime | None = None) -> Showcase:
    """Compile the year's showcase, or compile it again: the snapshot is refreshed, and the
    highlights, their order, the introduction and the status stay."""
    _check(actor)
    now = now or utcnow()
    problem = year_problem(year, now)
    if problem:
        raise ShowcaseError(problem, field="year")
    showcase = queries.showcase_of(year)
    if showcase is None:
        showcase = Showcase(year=year, intro="", status=ShowcaseStatus.DRAFT, created_at=now)
        db.session.add(showcase)
    snapshot = compiler.compile_year(year, until=now)
    # The year before, for "measure the change": kept with the snapshot, cut alike.
    before = compiler.same_part_of_year_before(year, now)
    snapshot["previous_totals"] = compiler.compile_year(year - 1, until=before)["totals"]
    showcase.snapshot = snapshot
    showcase.compiled_at = now
    _touch(showcase, actor, now)
    db.session.flush()
    return showcase


def _touch(showcase: Showcase, actor: User, now: datetime) -> None:
    showcase.updated_at = now
    showcase.updated_by_id = actor.id


def set_intro(*, showcase: Showcase, actor: User, intro: str) -> None:
    """The moderators' introduction, in Markdown."""
    _check(actor)
    intro = (intro or "").strip()
    if len(intro) > INTRO_MAX:
        raise ShowcaseError(_("Write at most %(max)d characters.", max=INTRO_MAX), field="intro")
    showcase.intro = intro
    _touch(showcase, actor, utcnow())
    db.session.flush()


def pick(*, showcase: Showcase, actor: User, kind: str, item_id: int) -> Highlight:
    """Add an item of the compiled year to the highlights, last."""
    _check(actor)
    try:
        kind = HighlightKind(kind)
    except ValueError:
        raise ShowcaseError(_("Choose one of the options given.")) from None
    key = f"{kind.value}:{item_id}"
    if key not in figures.candidates(showcase.snapshot or {}):
        raise ShowcaseError(_("That is not among this year's results. Compile the year again?"))
    if any(h.key == key for h in showcase.highlights):
        raise ShowcaseError(_("That is already a highlight."))
    if len(showcase.highlights) >= MAX_HIGHLIGHTS:
        raise ShowcaseError(_("A showcase holds at most %(max)d highlights.", max=MAX_HIGHLIGHTS))
    last = db.session.scalar(
        select(func.max(Highlight.position)).where(Highlight.showcase_id == showcase.id)
    )
    highlight = Highlight(kind=kind, item_id=item_id, position=(last or 0) + 1, note="")
    showcase.highlights.append(highlight)
    _touch(showcase, actor, utcnow())
    db.session.flush()
    return highlight


def unpick(*, highlight: Highlight, actor: User) -> None:
    _check(actor)
    showcase = highlight.showcase
    showcase.highlights.remove(highlight)
    _touch(showcase, actor, utcnow())
    db.session.flush()


def move(*, highlight: Highlight, actor: User, direction: str) -> bool:
    """Move a highlight one place up or down; False when it is already first or last."""
    _check(actor)
    if direction not in ("up", "down"):
        raise ShowcaseError(_("Choose one of the options given."))
    showcase = highlight.showcase
    order = list(showcase.highlights)
    i = order.index(highlight)
    j = i - 1 if direction == "up" else i + 1
    if not 0 <= j < len(order):
        return False
    order[i], order[j] = order[j], order[i]
    # Renumber all: positions stay distinct and dense whatever happened before.
    for position, h in enumerate(order, start=1):
        h.position = position
    _touch(showcase, actor, utcnow())
    db.session.flush()
    db.session.expire(showcase, ["highlights"])
    return True


def publish(*, showcase: Showcase, actor: User, now: datetime | None = None) -> None:
    """Publish the showcase: everyone can read it, and the API serves it."""
    _check(actor)
    if showcase.is_published:
        raise ShowcaseError(_("The showcase is already published."))
    now = now or utcnow()
    showcase.status = ShowcaseStatus.PUBLISHED
    showcase.published_at = now
    _touch(showcase, actor, now)
    db.session.flush()


def unpublish(*, showcase: Showcase, actor: User) -> None:
    """Back to a draft, seen by moderators only."""
    _check(actor)
    if not showcase.is_published:
        raise ShowcaseError(_("The showcase is a draft already."))
    showcase.status = ShowcaseStatus.DRAFT
    showcase.published_at = None
    _touch(showcase, actor, utcnow())
    db.session.flush()
