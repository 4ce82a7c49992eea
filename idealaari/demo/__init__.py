"""Demo data: a living network for development and demonstrations (`flask demo-data`).

Everything is written through the services, so ideas get revisions and history like ideas
posted in the browser, and comments, votes, partner offers, follows and theme polls
(idealaari.demo.engagement) make the notifications, counts and search index they would make
there. The content lives in idealaari.demo.content and idealaari.demo.engagement_content.
Choices that look random (dates, times of day, voters) come from fixed seeds, so an empty
database always gets the same data; dates are counted back from the day the data is loaded,
over about two years.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import func, select

from idealaari.accounts.models import User
from idealaari.accounts.services import create_user
from idealaari.dbtypes import utcnow
from idealaari.demo import content, engagement
from idealaari.demo.challenges import load_challenges
from idealaari.demo.moderation import load_moderation
from idealaari.demo.showcase import load_showcases
from idealaari.demo.text import line as _line
from idealaari.demo.text import markdown as _markdown
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaRevision, PartnerRole, Phase, TargetGroup, Theme
from idealaari.ideas.services import (
    IdeaFields,
    add_co_editor,
    archive_idea,
    create_idea,
    create_theme,
    update_idea,
)
from idealaari.organisations.models import Organisation
from idealaari.organisations.queries import find_by_name
from idealaari.organisations.services import add_organisation, sync_reference_areas

DEMO_PASSWORD = "idealaari-demo"  # every demo user's password
SEED = 20210908  # the network's first verkkoklinikka, 8.9.2021

# (email, role, what to try as that user), for the README.
DEMO_LOGINS: list[tuple[str, str, str]] = [
    (
        "admin@idealaari.example.fi",
        "admin",
        "Everything a moderator can do (roles are set with `flask users set-role`).",
    ),
    (
        "moderaattori@idealaari.example.fi",
        "moderator",
        "Manage themes, archive ideas, see hidden ones; co-editor of "
        "'Yhteiskehittämisen työkalupakki hyvinvointialueille'.",
    ),
    (
        "mikko.heikkinen@thl.example.fi",
        "moderator",
        "Second moderator (THL); author of the co-development toolkit idea and its history.",
    ),
    (
        "eeva.lahtinen@pirha.example.fi",
        "area_contact",
        "Pirkanmaa: edit any of the area's ideas, e.g. the youth mental-health chat "
        "she moved to testing.",
    ),
    (
        "riikka.turunen@siunsote.example.fi",
        "area_contact",
        "North Karelia: history of 'Kotihoidon etäkäynnit videoyhteydellä', edited with "
        "a Tampere University co-editor.",
    ),
    (
        "johan.sundqvist@ovph.example.fi",
        "area_contact",
        "Ostrobothnia, Swedish UI: a Swedish-language idea and the area's ideas.",
    ),
    (
        "jasen@idealaari.example.fi",
        "member",
        "Post an idea; finish the draft 'Tekoäly ajanvarauksen kohdentamisessa'; co-edit "
        "'Innovaatiolähettiläät jokaiseen työyksikköön'.",
    ),
    (
        "lauri.koivisto@hoivadata.example.fi",
        "member",
        "Company member; co-editor of HUS's 'Tekoälyavusteinen kirjaaminen vastaanotolla'.",
    ),
]

# How many days ago ideas in each phase were first posted (drafts are recent).
_AGE_BY_PHASE = {
    Phase.IDEATION: (10, 300),
    Phase.SELECTION: (60, 420),
    Phase.CONCRETISING: (90, 520),
    Phase.TESTING: (150, 620),
    Phase.LEARNINGS: (260, 700),
    Phase.ADOPTION: (320, 725),
}
_DRAFT_AGE = (3, 45)


@dataclass
class DemoResult:
    skipped: bool
    organisations: int = 0
    users: int = 0
    ideas: int = 0
    comments: int = 0
    votes: int = 0
    partner_offers: int = 0
    follows: int = 0
    polls: int = 0
    challenges: int = 0
    password: str = DEMO_PASSWORD


def load_demo_data() -> DemoResult:
    """Idempotent: if any idea or user exists already, return DemoResult(skipped=True) and
    change nothing. Flushes, never commits (the CLI commits)."""
    if db.session.scalar(select(User.id).limit(1)) is not None:
        return DemoResult(skipped=True)
    if db.session.scalar(select(Idea.id).limit(1)) is not None:
        return DemoResult(skipped=True)

    rng = random.Random(SEED)
    clock = _Clock(rng)
    # A stream of its own, so the engagement never moves the dates of the ideas.
    story_rng = random.Random(SEED + 1)
    organisations = _load_organisations(clock)
    users = _load_users(organisations, clock)
    admin = next(u for u in users.values() if u.role == content.ADMIN)
    themes = _load_themes(admin)
    engagement.follow_from_start(
        users=users, organisations=organisations, themes=themes, rng=story_rng, since=clock.now
    )
    ideas = [_load_idea(spec, users, themes, clock) for spec in content.IDEAS]
    db.session.flush()
    counts = engagement.load_engagement(
        users=users, ideas=ideas, rng=story_rng, now=clock.now, since=clock.now
    )
    _load_lineage(ideas, users, clock)
    challenge_count = load_challenges(themes=themes, now=clock.now)
    load_showcases(now=clock.now)
    load_moderation(now=clock.now)
    return DemoResult(
        skipped=False,
        organisations=db.session.scalar(select(func.count(Organisation.id))) or 0,
        users=len(users),
        ideas=len(ideas),
        comments=counts.comments,
        votes=counts.votes,
        partner_offers=counts.partner_offers,
        follows=counts.follows,
        polls=counts.polls,
        challenges=challenge_count,
    )


class _Clock:
    """Deterministic moments in the past, counted back from today (UTC)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.now = utcnow()  # when this load began; rows the services stamp later get dated back
        self.today = self.now.replace(hour=0, minute=0, second=0, microsecond=0)

    def days_ago(self, days: int) -> datetime:
        """A moment during Finnish office hours (07-17 local) `days` days ago; days >= 1."""
        start = self.today - timedelta(days=max(days, 1))
        return start + timedelta(hours=self.rng.randint(5, 14), minutes=self.rng.randint(0, 59))


def _load_organisations(clock: _Clock) -> dict[str, Organisation]:
    sync_reference_areas()
    orgs = {org.code: org for org in db.session.scalars(select(Organisation))}
    joined = clock.days_ago(800)
    for key, name_fi, name_sv, name_en, kind in content.ORGANISATIONS:
        is_new = find_by_name(name_fi) is None
        org = add_organisation(name=name_fi, kind=kind)
        if is_new:
            org.name_sv = name_sv or None
            org.name_en = name_en or None
            org.created_at = joined
        orgs[key] = org
    db.session.flush()
    return orgs


def _load_users(orgs: dict[str, Organisation], clock: _Clock) -> dict[str, User]:
    users: dict[str, User] = {}
    for email, name, title, org_key, role, locale in content.USERS:
        user = create_user(
            email=email,
            name=name,
            password=DEMO_PASSWORD,
            organisation=orgs[org_key],
            title=title,
            role=role,
            locale=locale,
            verified=True,
        )
        user.created_at = clock.days_ago(clock.rng.randint(735, 790))
        users[email] = user
    db.session.flush()
    return users


def _load_themes(actor: User) -> dict[str, Theme]:
    themes: dict[str, Theme] = {}
    for key, name_fi, name_sv, name_en in content.THEMES:
        existing = db.session.scalar(select(Theme).where(Theme.name_fi == name_fi))
        themes[key] = existing or create_theme(
            actor=actor, name_fi=name_fi, name_sv=name_sv, name_en=name_en
        )
    return themes


def _fields(spec: dict, author: User, themes: dict[str, Theme]) -> IdeaFields:
    partners = spec.get("partners", [])
    return IdeaFields(
        title=_line(spec["title"]),
        summary=_line(spec["summary"]),
        body=_markdown(spec.get("body", "")),
        need=_line(spec.get("need", "")),
        organisation=author.organisation,
        phase=Phase(spec["phase"]),
        themes=[themes[key] for key in spec.get("themes", [])],
        target_groups=[TargetGroup(g) for g in spec.get("groups", [])],
        tags=list(spec.get("tags", [])),
        seeks_partners=bool(partners),
        partner_roles=[PartnerRole(r) for r in partners],
    )


def _edited(fields: IdeaFields, edit: dict) -> IdeaFields:
    changes: dict = {}
    if "phase" in edit:
        changes["phase"] = Phase(edit["phase"])
    if "summary" in edit:
        changes["summary"] = _line(edit["summary"])
    if "add_tags" in edit:
        changes["tags"] = [*(fields.tags or []), *edit["add_tags"]]
    if "partners" in edit:
        changes["seeks_partners"] = bool(edit["partners"])
        changes["partner_roles"] = [PartnerRole(r) for r in edit["partners"]]
    return replace(fields, **changes)


def _stamp(idea: Idea, when: datetime, since: datetime) -> None:
    """Date the idea's newest revision, its last update, and the notifications and follows
    its latest change made (those stamped since `since`) to `when`."""
    db.session.flush()
    engagement.backdate(when, since)
    revision = db.session.scalar(
        select(IdeaRevision)
        .where(IdeaRevision.idea_id == idea.id)
        .order_by(IdeaRevision.number.desc())
        .limit(1)
    )
    if revision is not None:
        revision.created_at = when
    idea.updated_at = when


def _load_idea(spec: dict, users: dict[str, User], themes: dict[str, Theme], clock: _Clock) -> Idea:
    author = users[spec["author"]]
    draft = bool(spec.get("draft"))
    fields = _fields(spec, author, themes)
    edits = spec.get("edits", [])
    archiver = spec.get("archived_by")

    low, high = _DRAFT_AGE if draft else _AGE_BY_PHASE[fields.phase]
    age = clock.rng.randint(low, high)
    later = sorted(
        clock.rng.sample(range(1, age), len(edits) + (1 if archiver else 0)), reverse=True
    )

    idea = create_idea(author=author, values=fields, publish=not draft)
    created = clock.days_ago(age)
    idea.created_at = created
    if not draft:
        idea.published_at = created
    _stamp(idea, created, clock.now)

    for email in spec.get("co_editors", []):
        add_co_editor(idea=idea, actor=author, email=email)

    for edit, days in zip(edits, later[: len(edits)], strict=True):
        fields = _edited(fields, edit)
        if not update_idea(idea=idea, editor=users[edit["by"]], values=fields):
            raise RuntimeError(f"demo edit changes nothing: {spec['title']}")
        _stamp(idea, clock.days_ago(days), clock.now)

    if archiver:
        archive_idea(idea=idea, actor=users[archiver])
        _stamp(idea, clock.days_ago(later[-1]), clock.now)
    return idea


# Lineage: (continuing idea, the idea it continues); adoptions as (idea, area contact, days
# ago, phase reached, evidence); official responses as (idea, area contact, response, days
# ago, statement). Ideas are named by title, people by e-mail.
_DERIVATIONS = [
    ("Etävastaanotot saariston asukkaille", "Kotihoidon etäkäynnit videoyhteydellä"),
    ("Puheentunnistus kotihoidon kirjaamisessa", "Tekoälyavusteinen kirjaaminen vastaanotolla"),
    ("Asiakasraati digipalvelujen testaajaksi", "Asiakkaat mukaan palvelujen kehittämiseen"),
]
_ADOPTIONS = [
    (
        "Ikäihmisten kaatumisten ehkäisy liikuntaryhmillä",
        "eeva.lahtinen@pirha.example.fi",
        150,
        "adoption",
        "Ryhmät käynnissä kahdeksassa kunnassa; 420 osallistujaa ensimmäisenä vuonna, "
        "kaatumisista johtuvat päivystyskäynnit vähenivät seuranta-alueella.",
    ),
    (
        "Ikäihmisten kaatumisten ehkäisy liikuntaryhmillä",
        "marjo.kallio@lapha.example.fi",
        60,
        "testing",
        "Pilotti Rovaniemellä ja Kemissä; liikuntaneuvojat koulutettu keväällä.",
    ),
    (
        "Kotihoidon etäkäynnit videoyhteydellä",
        "marjo.kallio@lapha.example.fi",
        90,
        "testing",
        "Etäkäynnit kolmessa kotihoidon tiimissä, 80 asiakasta. Kokemukset kerätään syksyllä.",
    ),
    (
        "Lääkehoidon koneellinen annosjakelu",
        "jenni.virtanen@omahame.example.fi",
        300,
        "adoption",
        "Koneellinen annosjakelu käytössä koko kotihoidossa aluehallituksen päätöksellä.",
    ),
    (
        "Innovaatiolähettiläät jokaiseen työyksikköön",
        "tuomas.rautio@pohde.example.fi",
        40,
        "testing",
        "Ensimmäiset 12 lähettilästä aloittivat; verkosto kokoontuu kuukausittain.",
    ),
    (
        "Yhteiskehittämisen työkalupakki hyvinvointialueille",
        "johan.sundqvist@ovph.example.fi",
        120,
        "adoption",
        "Työkalupakki käännetty ruotsiksi ja käytössä kaikissa alueen kehittämishankkeissa.",
    ),
]
_RESPONSES = [
    (
        "Digitaalinen oirearvio ennen päivystystä",
        "antti.makela@hyvaks.example.fi",
        "interested",
        20,
        "Kiinnostaa: selvitämme, sopisiko oirearvio alueemme päivystyksen ajanvaraukseen.",
    ),
    (
        "Digitaalinen oirearvio ennen päivystystä",
        "riikka.turunen@siunsote.example.fi",
        "piloting",
        12,
        "Pilotoimme Joensuun yhteispäivystyksessä tammikuusta alkaen.",
    ),
    (
        "Tekoälyavusteinen kirjaaminen vastaanotolla",
        "tuomas.rautio@pohde.example.fi",
        "not_now",
        30,
        "Ei nyt: potilastietojärjestelmän vaihto vie resurssit seuraavat kaksi vuotta.",
    ),
    (
        "Kotihoidon etäkäynnit videoyhteydellä",
        "katariina.nieminen@varha.example.fi",
        "adopted",
        45,
        "Otettu käyttöön saariston kotihoidossa; jatkamme ideaa etävastaanotoilla.",
    ),
    (
        "Ikäihmisten kaatumisten ehkäisy liikuntaryhmillä",
        "eeva.lahtinen@pirha.example.fi",
        "adopted",
        140,
        "Otettu käyttöön koko Pirkanmaalla osana ikäihmisten hyvinvointisuunnitelmaa.",
    ),
    (
        "Sosiaalipalvelujen asiakasohjaus chatbotilla",
        "jenni.virtanen@omahame.example.fi",
        "interested",
        8,
        "Kiinnostaa, erityisesti ruotsinkielisen palvelun osalta. Otamme yhteyttä.",
    ),
]


def _load_lineage(ideas: list[Idea], users: dict[str, User], clock: _Clock) -> None:
    """Ideas that continue others, adoptions and official responses, through the services;
    each dated back, with the notifications it made."""
    from idealaari.lineage import services as lineage

    by_title = {idea.title: idea for idea in ideas}
    for title, source in _DERIVATIONS:
        idea = by_title[title]
        mark = utcnow()
        lineage.set_derivation(idea=idea, source=by_title[source], actor=idea.author)
        engagement.backdate(idea.created_at, mark)
    for title, email, days, phase, evidence in _ADOPTIONS:
        when, mark = clock.days_ago(days), utcnow()
        adoption = lineage.record_adoption(
            idea=by_title[title],
            actor=users[email],
            adopted_on=when.date(),
            phase=Phase(phase),
            evidence=evidence,
        )
        adoption.created_at = adoption.updated_at = when
        db.session.flush()
        engagement.backdate(when, mark)
    for title, email, kind, days, statement in _RESPONSES:
        when, mark = clock.days_ago(days), utcnow()
        response = lineage.give_official_response(
            idea=by_title[title], actor=users[email], kind=kind, statement=statement
        )
        response.created_at = response.updated_at = when
        db.session.flush()
        engagement.backdate(when, mark)
