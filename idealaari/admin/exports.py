"""The coordination team's exports: what each one holds, read in batches, written as CSV or as
an Excel workbook. No views here (export_views.py serves the page and the downloads).

Exports hold public content only (ideas that are published or archived, comments that are
neither removed nor hidden) and name organisations, never people: a file outlives the
accounts it would name. Times are Finnish time, written as 2026-03-01 14:05 in CSV and as date
cells in Excel.

Any text cell that a spreadsheet would read as a formula (it starts with =, +, -, @, a tab or
a carriage return) is defused: CSV puts an apostrophe before it, the workbook stores it as a
string with Excel's quote prefix, so it shows as typed and is never evaluated.
"""

from __future__ import annotations

import csv
import enum
import io
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import IO, Any

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from idealaari.accounts.models import User
from idealaari.challenges import jury, results
from idealaari.challenges import queries as challenge_queries
from idealaari.challenges.models import AwardKind, Challenge, Entry, challenge_themes
from idealaari.comments.models import Comment
from idealaari.extensions import db
from idealaari.forms import local_timezone
from idealaari.i18n import current_language
from idealaari.ideas.models import Idea, IdeaStatus, Phase, Theme, idea_themes
from idealaari.organisations.models import Organisation
from idealaari.partners.models import OfferStatus, PartnerOffer
from idealaari.votes.models import Vote

BATCH = 500
PUBLIC_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED)
# Spreadsheets read a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Excel's limit for the text of one cell; longer text would make Excel "repair" the file.
XLSX_TEXT_MAX = 32_767
# Characters XML 1.0 cannot hold (openpyxl refuses them); the request cleaning keeps new text
# free of them, but older rows may have some.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
MOMENT_FORMAT = "%Y-%m-%d %H:%M"
XLSX_MOMENT_FORMAT = "yyyy-mm-dd hh:mm"
# The first and the last day a period may name; outside them a date is a typo.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)


class ColumnKind(enum.StrEnum):
    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    MOMENT = "moment"  # a timezone-aware datetime, written in Finnish time
    YES_NO = "yes_no"


@dataclass(frozen=True)
class Column:
    header: Any  # a lazy string: the header is in the language of the download
    kind: ColumnKind = ColumnKind.TEXT
    decimals: int = 2
    width: int = 14  # in the workbook, in characters


@dataclass(frozen=True)
class ExportFilters:
    """The filters of a download; `day_to` is included in the period (Finnish days)."""

    organisation: Organisation | None = None
    theme: Theme | None = None
    day_from: date | None = None
    day_to: date | None = None

    @property
    def since(self) -> datetime | None:
        """The start of the period as UTC: midnight of `day_from` in Finnish time."""
        return _day_start(self.day_from) if self.day_from else None

    @property
    def until(self) -> datetime | None:
        """The end of the period (not included) as UTC: midnight after `day_to`."""
        return _day_start(self.day_to + timedelta(days=1)) if self.day_to else None

    def as_data(self) -> dict[str, Any]:
        """The filters for the audit log: ids and codes, no names of people."""
        data: dict[str, Any] = {}
        if self.organisation is not None:
            data["organisation"] = {"id": self.organisation.id, "code": self.organisation.code}
        if self.theme is not None:
            data["theme"] = {"id": self.theme.id, "slug": self.theme.slug}
        if self.day_from is not None:
            data["from"] = self.day_from.isoformat()
        if self.day_to is not None:
            data["to"] = self.day_to.isoformat()
        return data


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=local_timezone()).astimezone(UTC)


def period_problem(day_from: date | None, day_to: date | None) -> str | None:
    """Why the period cannot be exported (a date out of range, or the end before the start)."""
    for day in (day_from, day_to):
        if day is not None and not FIRST_DAY <= day <= LAST_DAY:
            return _(
                "Give a date between %(first)s and %(last)s.",
                first=_finnish_day(FIRST_DAY),
                last=_finnish_day(LAST_DAY),
            )
    if day_from is not None and day_to is not None and day_to < day_from:
        return _("The end of the period is before its start.")
    return None


def _finnish_day(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


@dataclass
class Prepared:
    """One export, filtered: how many rows it has and the rows themselves (read lazily)."""

    count: int
    rows: Callable[[], Iterator[Sequence[Any]]]


@dataclass(frozen=True)
class Export:
    key: str
    title: Any
    description: Any
    # What the period and the organisation filter look at, for the page.
    period_basis: Any
    organisation_basis: Any
    columns: list[Column] = field(repr=False)
    prepare: Callable[[ExportFilters], Prepared] = field(repr=False)


# --------------------------------------------------------------------------- shared pieces


def _localised_name(model) -> ColumnElement:
    """The name column in the reader's language, falling back to the Finnish name."""
    language = current_language()
    if language in ("sv", "en"):
        return func.coalesce(func.nullif(getattr(model, f"name_{language}"), ""), model.name_fi)
    return model.name_fi


def _in_period(column, filters: ExportFilters) -> list[ColumnElement]:
    conditions = []
    if filters.since is not None:
        conditions.append(column >= filters.since)
    if filters.until is not None:
        conditions.append(column < filters.until)
    return conditions


def _idea_conditions(filters: ExportFilters, *, organisation: bool = True) -> list[ColumnElement]:
    """Public ideas, of the organisation and in the theme filtered by."""
    conditions: list[ColumnElement] = [Idea.status.in_(PUBLIC_STATUSES)]
    if organisation and filters.organisation is not None:
        conditions.append(Idea.organisation_id == filters.organisation.id)
    if filters.theme is not None:
        conditions.append(
            Idea.id.in_(
                select(idea_themes.c.idea_id).where(idea_themes.c.theme_id == filters.theme.id)
            )
        )
    return conditions


def _public_idea(filters: ExportFilters, *, on, organisation: bool = True) -> ColumnElement:
    """EXISTS: the idea that `on` names is public and passes the filters (a correlated
    subquery, so a batch is read along the outer table's primary key)."""
    return select(Idea.id).where(on, *_idea_conditions(filters, organisation=organisation)).exists()


def _batches(keys: Select) -> Iterator[list[int]]:
    """The ids `keys` selects, in ascending batches of BATCH. Keyset paging: every batch is
    one query along the primary key, however far into the export it is."""
    key = keys.selected_columns[0]
    last = None
    while True:
        page = keys if last is None else keys.where(key > last)
        ids = list(db.session.scalars(page.order_by(key).limit(BATCH)))
        if not ids:
            return
        yield ids
        if len(ids) < BATCH:
            return
        last = ids[-1]


def _idea_address(idea_id: int, slug: str) -> str:
    return url_for("ideas.detail", idea_id=idea_id, slug=slug, _external=True)


def _phase(phase: Phase) -> str:
    return f"{phase.number}. {phase.label}"


def _sql_prepared(keys: Select, rows_for: Callable[[list[int]], Iterable]) -> Prepared:
    """An export whose rows are chosen by `keys` (the ids, filtered) and read a batch of ids
    at a time by `rows_for(ids)`, in the order of the ids."""

    def rows() -> Iterator[Sequence[Any]]:
        for ids in _batches(keys):
            yield from rows_for(ids)

    count = db.session.scalar(select(func.count()).select_from(keys.subquery()))
    return Prepared(count=count, rows=rows)


# --------------------------------------------------------------------------- ideas

IDEA_COLUMNS = [
    Column(_l("Idea ID"), ColumnKind.INTEGER, width=8),
    Column(_l("Title"), width=40),
    Column(_l("Summary"), width=60),
    Column(_l("Organisation"), width=30),
    Column(_l("Themes"), width=30),
    Column(_l("Development phase"), width=20),
    Column(_l("Seeks partners"), ColumnKind.YES_NO, width=10),
    Column(_l("Status"), width=12),
    Column(_l("Published"), ColumnKind.MOMENT, width=17),
    Column(_l("Last updated"), ColumnKind.MOMENT, width=17),
    Column(_l("Votes"), ColumnKind.INTEGER, width=8),
    Column(_l("Comments"), ColumnKind.INTEGER, width=10),
    Column(_l("Accepted partners"), ColumnKind.INTEGER, width=10),
    Column(_l("Address"), width=50),
]


def _ideas(filters: ExportFilters) -> Prepared:
    keys = select(Idea.id).where(
        *_idea_conditions(filters), *_in_period(Idea.published_at, filters)
    )
    details = (
        select(
            Idea.id,
            Idea.title,
            Idea.slug,
            Idea.summary,
            _localised_name(Organisation),
            Idea.phase,
            Idea.seeks_partners,
            Idea.status,
            Idea.published_at,
            Idea.updated_at,
            Idea.vote_count,
        )
        .join(Organisation, Organisation.id == Idea.organisation_id)
        .order_by(Idea.id)
    )

    def rows_for(ids):
        themes = _theme_names(ids)
        comments = _comment_counts(ids)
        partners = _accepted_partner_counts(ids)
        for row in db.session.execute(details.where(Idea.id.in_(ids))):
            (idea_id, title, slug, summary, organisation, phase, seeks, status) = row[:8]
            published_at, updated_at, votes = row[8:]
            yield [
                idea_id,
                title,
                summary,
                organisation,
                "; ".join(themes.get(idea_id, [])),
                _phase(phase),
                seeks,
                status.label,
                published_at,
                updated_at,
                votes,
                comments.get(idea_id, 0),
                partners.get(idea_id, 0),
                _idea_address(idea_id, slug),
            ]

    return _sql_prepared(keys, rows_for)


def _theme_names(idea_ids: list[int]) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    rows = db.session.execute(
        select(idea_themes.c.idea_id, _localised_name(Theme))
        .join(Theme, Theme.id == idea_themes.c.theme_id)
        .where(idea_themes.c.idea_id.in_(idea_ids))
        .order_by(idea_themes.c.idea_id, Theme.name_fi)
    )
    for idea_id, name in rows:
        names.setdefault(idea_id, []).append(name)
    return names


def _comment_counts(idea_ids: list[int]) -> dict[int, int]:
    """Comments shown with their text (neither removed nor hidden), per idea."""
    return dict(
        db.session.execute(
            select(Idea.id, func.count(Comment.id))
            .join(Comment, Comment.discussion_id == Idea.discussion_id)
            .where(Idea.id.in_(idea_ids), Comment.deleted_at.is_(None), Comment.hidden_at.is_(None))
            .group_by(Idea.id)
        ).all()
    )


def _accepted_partner_counts(idea_ids: list[int]) -> dict[int, int]:
    return dict(
        db.session.execute(
            select(PartnerOffer.idea_id, func.count(PartnerOffer.id))
            .where(PartnerOffer.idea_id.in_(idea_ids), PartnerOffer.status == OfferStatus.ACCEPTED)
            .group_by(PartnerOffer.idea_id)
        ).all()
    )


# --------------------------------------------------------------------------- comments

COMMENT_COLUMNS = [
    Column(_l("Comment ID"), ColumnKind.INTEGER, width=10),
    Column(_l("Written"), ColumnKind.MOMENT, width=17),
    Column(_l("Idea ID"), ColumnKind.INTEGER, width=8),
    Column(_l("Idea"), width=40),
    Column(_l("Organisation of the idea"), width=30),
    Column(_l("Commenter's organisation"), width=30),
    Column(_l("Reply to comment"), ColumnKind.INTEGER, width=10),
    Column(_l("Comment"), width=80),
    Column(_l("Address"), width=50),
]


def _comments(filters: ExportFilters) -> Prepared:
    keys = select(Comment.id).where(
        _public_idea(filters, on=Idea.discussion_id == Comment.discussion_id),
        Comment.deleted_at.is_(None),
        Comment.hidden_at.is_(None),
        *_in_period(Comment.created_at, filters),
    )
    idea_org = aliased(Organisation)
    author_org = aliased(Organisation)
    details = (
        select(
            Comment.id,
            Comment.created_at,
            Idea.id,
            Idea.title,
            _localised_name(idea_org),
            _localised_name(author_org),
            Comment.parent_id,
            Comment.body,
        )
        .join(Idea, Idea.discussion_id == Comment.discussion_id)
        .join(idea_org, idea_org.id == Idea.organisation_id)
        .outerjoin(User, User.id == Comment.author_id)
        .outerjoin(author_org, author_org.id == User.organisation_id)
        .order_by(Comment.id)
    )

    def rows_for(ids):
        for row in db.session.execute(details.where(Comment.id.in_(ids))):
            comment_id, written, idea_id, title, owner, commenter, parent, body = row
            yield [
                comment_id,
                written,
                idea_id,
                title,
                owner,
                commenter or "",
                parent,
                body,
                url_for("comments.show", comment_id=comment_id, _external=True),
            ]

    return _sql_prepared(keys, rows_for)


# --------------------------------------------------------------------------- partnerships

PARTNERSHIP_COLUMNS = [
    Column(_l("Offer ID"), ColumnKind.INTEGER, width=8),
    Column(_l("Offered"), ColumnKind.MOMENT, width=17),
    Column(_l("Idea ID"), ColumnKind.INTEGER, width=8),
    Column(_l("Idea"), width=40),
    Column(_l("Organisation of the idea"), width=30),
    Column(_l("Partner organisation"), width=30),
    Column(_l("Role"), width=24),
    Column(_l("Status"), width=12),
    Column(_l("Decided"), ColumnKind.MOMENT, width=17),
    Column(_l("Address"), width=50),
]


def _partnerships(filters: ExportFilters) -> Prepared:
    of_idea = Idea.id == PartnerOffer.idea_id
    if filters.organisation is None:
        chosen = _public_idea(filters, on=of_idea)
    else:  # the offers on the organisation's ideas and the offers it made
        chosen = or_(
            _public_idea(filters, on=of_idea),
            and_(
                PartnerOffer.organisation_id == filters.organisation.id,
                _public_idea(filters, on=of_idea, organisation=False),
            ),
        )
    keys = select(PartnerOffer.id).where(chosen, *_in_period(PartnerOffer.created_at, filters))
    idea_org = aliased(Organisation)
    partner_org = aliased(Organisation)
    details = (
        select(
            PartnerOffer.id,
            PartnerOffer.created_at,
            Idea.id,
            Idea.title,
            _localised_name(idea_org),
            _localised_name(partner_org),
            PartnerOffer.role,
            PartnerOffer.status,
            PartnerOffer.decided_at,
        )
        .join(Idea, of_idea)
        .join(idea_org, idea_org.id == Idea.organisation_id)
        .join(partner_org, partner_org.id == PartnerOffer.organisation_id)
        .order_by(PartnerOffer.id)
    )

    def rows_for(ids):
        for row in db.session.execute(details.where(PartnerOffer.id.in_(ids))):
            offer_id, offered, idea_id, title, owner, partner, role, status, decided = row
            yield [
                offer_id,
                offered,
                idea_id,
                title,
                owner,
                partner,
                role.label,
                status.label,
                decided,
                url_for("partners.idea_partners", idea_id=idea_id, _external=True),
            ]

    return _sql_prepared(keys, rows_for)


# --------------------------------------------------------------------------- votes

VOTE_COLUMNS = [
    Column(_l("Idea ID"), ColumnKind.INTEGER, width=8),
    Column(_l("Idea"), width=40),
    Column(_l("Organisation"), width=30),
    Column(_l("Votes in the period"), ColumnKind.INTEGER, width=12),
    Column(_l("Organisations of the voters"), ColumnKind.INTEGER, width=14),
    Column(_l("All votes"), ColumnKind.INTEGER, width=10),
    Column(_l("Address"), width=50),
]


def _votes(filters: ExportFilters) -> Prepared:
    """Counted from the votes themselves, so that a period counts the votes cast in it; the
    voters' organisations are their current ones."""
    period = _in_period(Vote.created_at, filters)
    keys = select(Idea.id).where(
        *_idea_conditions(filters),
        select(Vote.id).where(Vote.idea_id == Idea.id, *period).exists(),
    )

    def rows_for(ids):
        tally = (
            select(
                Vote.idea_id.label("idea_id"),
                func.count(Vote.id).label("votes"),
                func.count(func.distinct(User.organisation_id)).label("organisations"),
            )
            .outerjoin(User, User.id == Vote.user_id)
            .where(Vote.idea_id.in_(ids), *period)
            .group_by(Vote.idea_id)
            .subquery()
        )
        details = (
            select(
                Idea.id,
                Idea.title,
                Idea.slug,
                _localised_name(Organisation),
                tally.c.votes,
                tally.c.organisations,
                Idea.vote_count,
            )
            .join(tally, tally.c.idea_id == Idea.id)
            .join(Organisation, Organisation.id == Idea.organisation_id)
            .order_by(Idea.id)
        )
        for (
            idea_id,
            title,
            slug,
            organisation,
            votes,
            organisations,
            all_votes,
        ) in db.session.execute(details):
            yield [
                idea_id,
                title,
                organisation,
                votes,
                organisations,
                all_votes,
                _idea_address(idea_id, slug),
            ]

    return _sql_prepared(keys, rows_for)


# --------------------------------------------------------------------------- challenge entries

ENTRY_COLUMNS = [
    Column(_l("Challenge ID"), ColumnKind.INTEGER, width=8),
    Column(_l("Challenge"), width=40),
    Column(_l("Problem owner"), width=30),
    Column(_l("Entry ID"), ColumnKind.INTEGER, width=8),
    Column(_l("Entered"), ColumnKind.MOMENT, width=17),
    Column(_l("Idea ID"), ColumnKind.INTEGER, width=8),
    Column(_l("Idea"), width=40),
    Column(_l("Organisations"), width=40),
    Column(_l("Public votes"), ColumnKind.INTEGER, width=10),
    Column(_l("Scorecards"), ColumnKind.INTEGER, width=10),
    Column(_l("Raw score"), ColumnKind.DECIMAL, decimals=2, width=10),
    Column(_l("Normalised score"), ColumnKind.DECIMAL, decimals=2, width=12),
    Column(_l("Combined"), ColumnKind.DECIMAL, decimals=3, width=10),
    Column(_l("Rank"), ColumnKind.INTEGER, width=8),
    Column(_l("Shares the rank"), ColumnKind.YES_NO, width=10),
    Column(_l("Award"), width=24),
    Column(_l("Address"), width=50),
]

AWARD_LABELS = {AwardKind.WINNER: _l("Winner"), AwardKind.MENTION: _l("Honourable mention")}


def _entries(filters: ExportFilters) -> Prepared:
    """Entries with the challenge's ranking (ranked among all its public entries, then
    filtered), so a row shows the same rank as the jury page does."""
    candidates = (
        select(Entry.challenge_id)
        .join(Idea, Idea.id == Entry.idea_id)
        .where(Idea.status.in_(PUBLIC_STATUSES), *_in_period(Entry.entered_at, filters))
        .distinct()
    )
    challenge_ids = list(db.session.scalars(candidates))
    themed_ideas: set[int] = set()
    themed_challenges: set[int] = set()
    if filters.theme is not None:
        themed_ideas = set(
            db.session.scalars(
                select(idea_themes.c.idea_id).where(idea_themes.c.theme_id == filters.theme.id)
            )
        )
        themed_challenges = set(
            db.session.scalars(
                select(challenge_themes.c.challenge_id).where(
                    challenge_themes.c.theme_id == filters.theme.id
                )
            )
        )
    rows: list[list[Any]] = []
    challenges = db.session.scalars(
        select(Challenge).where(Challenge.id.in_(challenge_ids)).order_by(Challenge.id)
    )
    for challenge in challenges:
        rows.extend(_challenge_rows(challenge, filters, themed_ideas, themed_challenges))
    return Prepared(count=len(rows), rows=lambda: iter(rows))


def _challenge_rows(
    challenge: Challenge,
    filters: ExportFilters,
    themed_ideas: set[int],
    themed_challenges: set[int],
) -> Iterator[list[Any]]:
    overview = jury.overview(challenge)
    entries = {e.id: e for e in overview.entries}
    organisations = challenge_queries.entry_organisations(overview.entries)
    published = challenge.results_published_at is not None
    awards = {a.entry_id: a.kind for a in results.awards_of(challenge)}
    for ranked in overview.ranking():
        entry = entries[ranked.entry_id]
        orgs = organisations.get(entry.id, [])
        if filters.since is not None and entry.entered_at < filters.since:
            continue
        if filters.until is not None and entry.entered_at >= filters.until:
            continue
        if filters.organisation is not None and filters.organisation.id not in {o.id for o in orgs}:
            continue
        if filters.theme is not None and not (
            entry.idea_id in themed_ideas or challenge.id in themed_challenges
        ):
            continue
        award = ""
        if entry.id in awards:
            award = str(AWARD_LABELS[awards[entry.id]])
            if not published:
                award = _("%(award)s (not yet published)", award=award)
        yield [
            challenge.id,
            challenge.title,
            challenge.problem_owner.name,
            entry.id,
            entry.entered_at,
            entry.idea_id,
            entry.idea.title,
            "; ".join(o.name for o in orgs),
            ranked.votes,
            ranked.cards,
            ranked.raw,
            ranked.normalised,
            ranked.combined,
            ranked.rank,
            ranked.tied,
            award,
            _idea_address(entry.idea_id, entry.idea.slug),
        ]


# --------------------------------------------------------------------------- the list

EXPORTS: dict[str, Export] = {
    export.key: export
    for export in (
        Export(
            key="ideas",
            title=_l("Ideas"),
            description=_l(
                "Published and archived ideas with their organisation, themes, phase, votes, "
                "comments and accepted partners."
            ),
            period_basis=_l("The period looks at when the idea was published."),
            organisation_basis=_l("The organisation filter looks at the idea's organisation."),
            columns=IDEA_COLUMNS,
            prepare=_ideas,
        ),
        Export(
            key="comments",
            title=_l("Comments"),
            description=_l(
                "Comments on public ideas, with the idea and the commenter's organisation. "
                "Removed and hidden comments are left out."
            ),
            period_basis=_l("The period looks at when the comment was written."),
            organisation_basis=_l("The organisation filter looks at the idea's organisation."),
            columns=COMMENT_COLUMNS,
            prepare=_comments,
        ),
        Export(
            key="partnerships",
            title=_l("Partnerships"),
            description=_l(
                "Partner offers on public ideas: the partner organisation, its role and "
                "whether the offer was accepted, declined or withdrawn."
            ),
            period_basis=_l("The period looks at when the offer was made."),
            organisation_basis=_l(
                "The organisation filter finds the offers on its ideas and the offers it made."
            ),
            columns=PARTNERSHIP_COLUMNS,
            prepare=_partnerships,
        ),
        Export(
            key="votes",
            title=_l("Votes per idea"),
            description=_l(
                "Each public idea that got votes: how many, and from how many different "
                "organisations."
            ),
            period_basis=_l("The period counts the votes cast in it."),
            organisation_basis=_l("The organisation filter looks at the idea's organisation."),
            columns=VOTE_COLUMNS,
            prepare=_votes,
        ),
        Export(
            key="entries",
            title=_l("Challenge entries and scores"),
            description=_l(
                "The entries of each challenge with their organisations, public votes, jury "
                "scores, rank and award. Ranks are those among all the challenge's entries."
            ),
            period_basis=_l("The period looks at when the idea was entered."),
            organisation_basis=_l(
                "The organisation filter finds the entries it is behind: as the idea's "
                "owner, a co-editor's organisation or an accepted partner."
            ),
            columns=ENTRY_COLUMNS,
            prepare=_entries,
        ),
    )
}


# --------------------------------------------------------------------------- writers


class Format(enum.StrEnum):
    XLSX = "xlsx"
    CSV = "csv"

    @property
    def mimetype(self) -> str:
        if self is Format.CSV:
            return "text/csv"  # Flask adds "; charset=utf-8"
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


FORMAT_LABELS = {
    Format.XLSX: _l("Excel workbook (.xlsx)"),
    Format.CSV: _l("CSV file (.csv)"),
}


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_STARTS)


def defused(text: str) -> str:
    """Text a spreadsheet shows as it is: an apostrophe before anything formula-like."""
    return "'" + text if is_formula_like(text) else text


@dataclass(frozen=True)
class CsvDialect:
    """Finnish and Swedish spreadsheets split columns at ";" and write decimals with a comma
    (a CSV with "," opens as one column there, and 4.5 turns into the 4th of May); English
    ones use "," and a decimal point."""

    delimiter: str
    decimal: str

    @classmethod
    def for_language(cls, language: str) -> CsvDialect:
        return cls(",", ".") if language == "en" else cls(";", ",")


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def _local(moment: datetime) -> datetime:
    """A moment in Finnish time, without the zone (spreadsheets have no time zones)."""
    return moment.astimezone(local_timezone()).replace(tzinfo=None)


def csv_cell(value: Any, column: Column, dialect: CsvDialect) -> str:
    if value is None:
        return ""
    if column.kind is ColumnKind.MOMENT:
        return _local(value).strftime(MOMENT_FORMAT)
    if column.kind is ColumnKind.YES_NO:
        return _yes_no(bool(value))
    if column.kind is ColumnKind.INTEGER:
        return str(int(value))
    if column.kind is ColumnKind.DECIMAL:
        return f"{value:.{column.decimals}f}".replace(".", dialect.decimal)
    return defused(str(value))


CSV_FLUSH_ROWS = 200


def csv_chunks(
    columns: Sequence[Column], rows: Iterable[Sequence[Any]], *, language: str
) -> Iterator[bytes]:
    """The export as CSV in UTF-8 with a byte order mark (so Excel reads ä and ö right),
    quoted where needed; yielded a few hundred rows at a time."""
    dialect = CsvDialect.for_language(language)
    buffer = io.StringIO()
    writer = csv.writer(
        buffer, delimiter=dialect.delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n"
    )
    writer.writerow([defused(str(c.header)) for c in columns])
    pending = 0
    first = True
    for row in rows:
        writer.writerow([csv_cell(v, c, dialect) for v, c in zip(row, columns, strict=True)])
        pending += 1
        if pending >= CSV_FLUSH_ROWS:
            yield _take(buffer, bom=first)
            first, pending = False, 0
    if first or pending:
        yield _take(buffer, bom=first)


def _take(buffer: io.StringIO, *, bom: bool) -> bytes:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text.encode("utf-8-sig" if bom else "utf-8")


def _sheet_title(title: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = re.sub(r"[\[\]:*?/\\]", " ", title).strip("' ")
    return cleaned[:31] or "Export"


def _xlsx_text(text: str) -> str:
    return _XML_ILLEGAL.sub("", text)[:XLSX_TEXT_MAX]


def xlsx_file(
    columns: Sequence[Column], rows: Iterable[Sequence[Any]], *, title: str
) -> tuple[IO[bytes], int]:
    """The export as an Excel workbook, written in openpyxl's write-only mode (rows go to disk
    as they come); returns the file, rewound, and the number of rows written."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    sheet.freeze_panes = "A2"
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    bold = Font(bold=True)

    def text_cell(text: str):
        cell = WriteOnlyCell(sheet, value=_xlsx_text(text))
        # Always a string: openpyxl would store "=..." as a formula and "#N/A" as an error.
        cell.data_type = "s"
        if is_formula_like(text):
            cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
        return cell

    def header_cell(column: Column):
        cell = text_cell(str(column.header))
        cell.font = bold
        return cell

    def cell_for(value: Any, column: Column):
        if value is None:
            return None
        if column.kind is ColumnKind.MOMENT:
            cell = WriteOnlyCell(sheet, value=_local(value))
            cell.number_format = XLSX_MOMENT_FORMAT
            return cell
        if column.kind is ColumnKind.YES_NO:
            return text_cell(_yes_no(bool(value)))
        if column.kind is ColumnKind.INTEGER:
            return int(value)
        if column.kind is ColumnKind.DECIMAL:
            cell = WriteOnlyCell(sheet, value=float(value))
            cell.number_format = "0." + "0" * column.decimals if column.decimals else "0"
            return cell
        return text_cell(str(value))

    sheet.append([header_cell(c) for c in columns])
    count = 0
    for row in rows:
        sheet.append([cell_for(v, c) for v, c in zip(row, columns, strict=True)])
        count += 1
    # Up to a few megabytes in memory, larger workbooks on disk.
    out = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)
    workbook.save(out)
    out.seek(0)
    return out, count
