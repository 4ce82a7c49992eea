"""Demo showcases: last year's, published with its charts, winners and adoption stories, and
this year's as a draft.

The rest of the demo happens mostly in the last twelve months, so last year first gets a
story of its own, through the services as members would write it and dated back into that
year: a challenge with a winner and a mention, ideas that moved forward a phase, partnerships
across areas and sectors, adoptions, and some discussion.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from idealaari.accounts.models import Role, User
from idealaari.challenges import services as challenge_services
from idealaari.challenges.models import Award, AwardKind, ScoreMode, VotingMode
from idealaari.comments import services as comment_services
from idealaari.dbtypes import utcnow
from idealaari.demo import engagement
from idealaari.extensions import db
from idealaari.ideas import services as idea_services
from idealaari.ideas.models import Idea, IdeaRevision, IdeaStatus, PartnerRole, Phase
from idealaari.lineage import services as lineage_services
from idealaari.organisations.models import AREA_KINDS
from idealaari.partners import services as partner_services
from idealaari.showcase import figures, services
from idealaari.showcase.compile import local_year

MODERATOR = "moderaattori@idealaari.example.fi"

_INTRO_LAST = """Hyvä verkosto!

Vuosi {year} oli yhdessä kehittämisen vuosi. Haastekisa kokosi alueet etsimään keinoja
tavoittaa ne, jotka eivät käytä digipalveluja, ja ideat etenivät ideoinnista kokeiluihin ja
käyttöönottoon. Uudet kumppanuudet ylittivät alue- ja sektorirajoja, ja hyviksi todetut
käytännöt levisivät alueelta toiselle.

Kiitos jokaiselle, joka kommentoi, äänesti, tarjoutui kumppaniksi tai otti toisen idean
käyttöön. Tässä vuoden satoa kevätjuhlaan."""

_INTRO_THIS = """*Luonnos:* kokoamme vuoden {year} satoa kevätjuhlaan. Nostot valitaan
tammikuussa."""

_ADOPTION_STORIES = [
    "Otettiin käyttöön kahdessa kunnassa; henkilöstö koulutettiin syksyllä ja ensimmäiset "
    "kokemukset ovat lupaavia.",
    "Pilotoitiin yhdessä tiimissä kolme kuukautta. Asiakaspalaute oli hyvää, joten malli "
    "laajennetaan koko alueelle.",
    "Malli sovitettiin alueen palveluihin ja se on nyt osa arkea kolmessa toimipisteessä.",
]
_COMMENTS = [
    "Tämä kiinnostaa meitäkin. Miten henkilöstö otettiin mukaan suunnitteluun?",
    "Kokeilimme vastaavaa viime vuonna; kerron mielelläni, mitä opimme.",
    "Hieno idea! Olisiko tästä mahdollista tehdä yhteinen hankehakemus?",
    "Miten asiakkaiden kokemuksia on kerätty? Meillä toimi lyhyt kysely käynnin jälkeen.",
]


def _at(year: int, month: int, day: int, hour: int = 10) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def _user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == email))


def _public_ideas(before: datetime) -> list[Idea]:
    return list(
        db.session.scalars(
            select(Idea)
            .where(Idea.status == IdeaStatus.PUBLISHED, Idea.created_at < before)
            .order_by(Idea.vote_count.desc(), Idea.id)
        )
    )


def _fields_of(idea: Idea, **changes) -> idea_services.IdeaFields:
    values = {
        "title": idea.title,
        "summary": idea.summary,
        "body": idea.body,
        "need": idea.need,
        "organisation": idea.organisation,
        "phase": idea.phase,
        "themes": list(idea.themes),
        "target_groups": list(idea.target_groups),
        "tags": [t.name for t in idea.tags],
        "seeks_partners": idea.seeks_partners,
        "partner_roles": list(idea.partner_roles),
    }
    values.update(changes)
    return idea_services.IdeaFields(**values)


def _last_revision_at(idea: Idea) -> datetime:
    return db.session.scalar(
        select(IdeaRevision.created_at)
        .where(IdeaRevision.idea_id == idea.id)
        .order_by(IdeaRevision.number.desc())
        .limit(1)
    )


def _past_challenge(year: int, moderator: User) -> int:
    """A challenge of last year with its results: a winner and an honourable mention."""
    opens = _at(year, 3, 1)
    ideas = [i for i in _public_ideas(opens) if i.author is not None][:3]
    if len(ideas) < 2:
        return 0
    challenge = challenge_services.propose_challenge(
        actor=moderator,
        values=challenge_services.ChallengeFields(
            title="Miten vahvistamme kotona asumista arjen teknologialla?",
            summary=(
                "Etsimme ratkaisuja, joilla ikääntyneet ja heidän läheisensä saavat tukea "
                "kotona asumiseen: etäyhteyksiä, turvateknologiaa ja uusia palvelumalleja."
            ),
            brief="Haastekisa kokosi alueiden parhaat kokemukset kotona asumisen tuesta.",
            problem_owner=moderator.organisation,
            prize="Voittajaidea esitellään kevätjuhlassa ja pilotoidaan kahdella alueella.",
            submission_opens_at=opens,
            submission_closes_at=_at(year, 4, 15),
            voting_closes_at=_at(year, 4, 30),
            evaluation_closes_at=_at(year, 5, 20),
            closes_at=_at(year, 6, 30),
            voting_mode=VotingMode.SINGLE,
            score_mode=ScoreMode.RAW,
            criteria=[challenge_services.CriterionFields("Levitettävyys", 2)],
        ),
        now=opens - timedelta(days=20),
    )
    challenge.created_at = challenge.updated_at = opens - timedelta(days=20)
    entries = []
    for n, idea in enumerate(ideas):
        try:
            entry = challenge_services.enter_idea(
                actor=idea.author, challenge=challenge, idea=idea, now=opens + timedelta(days=n + 3)
            )
        except challenge_services.ChallengeError:
            continue
        entry.entered_at = opens + timedelta(days=n + 3)
        entries.append(entry)
    statements = [
        "Raati palkitsee idean, joka on jo osoittanut toimivuutensa ja on helposti "
        "levitettävissä toisille alueille. Asiakkaat ja ammattilaiset suunnittelivat sen yhdessä.",
        "Kunniamaininta rohkeasta kokeilusta, joka tavoittaa myös ne, jotka eivät itse hae apua.",
    ]
    for position, (entry, kind) in enumerate(
        zip(entries, (AwardKind.WINNER, AwardKind.MENTION), strict=False), start=1
    ):
        db.session.add(
            Award(
                challenge_id=challenge.id,
                entry_id=entry.id,
                kind=kind,
                position=position,
                statement=statements[position - 1],
            )
        )
    challenge.results_published_at = _at(year, 5, 25)
    db.session.flush()
    return 1


def _phase_moves(year: int, limit: int = 5) -> None:
    """Ideas last edited before September move forward a phase in the autumn."""
    cutoff = _at(year, 9, 1)
    moved = 0
    for idea in _public_ideas(cutoff):
        if moved >= limit:
            break
        if idea.phase == Phase.ADOPTION or idea.author is None:
            continue
        if _last_revision_at(idea) >= cutoff:
            continue
        phases = list(Phase)
        when = _at(year, 9 + moved % 3, 5 + 4 * moved)
        mark = utcnow()
        next_phase = phases[phases.index(idea.phase) + 1]
        try:
            idea_services.update_idea(
                idea=idea, editor=idea.author, values=_fields_of(idea, phase=next_phase)
            )
        except idea_services.IdeaError:
            continue
        db.session.flush()
        revision = db.session.scalar(
            select(IdeaRevision)
            .where(IdeaRevision.idea_id == idea.id)
            .order_by(IdeaRevision.number.desc())
            .limit(1)
        )
        revision.created_at = when
        idea.updated_at = when
        engagement.backdate(when, mark)
        moved += 1


def _partnerships(year: int, limit: int = 5) -> None:
    """Offers across areas and sectors, accepted during the year."""
    members = list(
        db.session.scalars(select(User).where(User.role.in_([Role.MEMBER, Role.AREA_CONTACT])))
    )
    made = 0
    roles = [PartnerRole.CO_DEVELOPER, PartnerRole.PILOT_SITE, PartnerRole.RESEARCHER]
    for idea in _public_ideas(_at(year, 6, 1)):
        if made >= limit:
            break
        if idea.author is None or _last_revision_at(idea) >= _at(year, 6, 1):
            continue
        owner_is_area = idea.organisation.kind in AREA_KINDS
        # Alternate: an area partnering an area, then another sector.
        want_area = made % 2 == 0
        for member in members[3 * made :] + members[: 3 * made]:
            org = member.organisation
            if org.id == idea.organisation_id or (org.kind in AREA_KINDS) != want_area:
                continue
            if want_area and not owner_is_area:
                continue
            role = roles[made % len(roles)]
            mark = utcnow()
            try:
                if not idea.seeks_partners:
                    idea_services.update_idea(
                        idea=idea,
                        editor=idea.author,
                        values=_fields_of(idea, seeks_partners=True, partner_roles=[role]),
                    )
                    db.session.flush()
                    revision = db.session.scalar(
                        select(IdeaRevision)
                        .where(IdeaRevision.idea_id == idea.id)
                        .order_by(IdeaRevision.number.desc())
                        .limit(1)
                    )
                    revision.created_at = idea.updated_at = _at(year, 6, 2 + made)
                offer = partner_services.make_offer(idea=idea, member=member, role=role)
                partner_services.accept_offer(offer=offer, actor=idea.author)
            except (partner_services.PartnerError, idea_services.IdeaError):
                continue
            offer.created_at = _at(year, 6 + made, 10)
            offer.decided_at = _at(year, 6 + made, 20)
            db.session.flush()
            engagement.backdate(offer.decided_at, mark)
            made += 1
            break


def _adoptions(year: int, limit: int = 3) -> None:
    contacts = list(db.session.scalars(select(User).where(User.role == Role.AREA_CONTACT)))
    made = 0
    for idea in _public_ideas(_at(year, 6, 1)):
        if made >= limit:
            break
        # A different area each time: start the round where the last one ended.
        for contact in contacts[2 * made :] + contacts[: 2 * made]:
            if contact.organisation_id == idea.organisation_id:
                continue
            when = _at(year, 7 + 2 * made, 12)
            mark = utcnow()
            try:
                adoption = lineage_services.record_adoption(
                    idea=idea,
                    actor=contact,
                    adopted_on=when.date(),
                    phase=Phase.ADOPTION if made % 2 == 0 else Phase.TESTING,
                    evidence=_ADOPTION_STORIES[made],
                )
            except lineage_services.LineageError:
                continue
            adoption.created_at = adoption.updated_at = when
            db.session.flush()
            engagement.backdate(when, mark)
            made += 1
            break


def _comments(year: int) -> None:
    people = list(db.session.scalars(select(User).where(User.role == Role.MEMBER).limit(8)))
    for n, idea in enumerate(_public_ideas(_at(year, 6, 1))[: len(_COMMENTS)]):
        author = next((p for p in people[n:] if p.id != idea.author_id), None)
        if author is None:
            continue
        when, mark = _at(year, 6 + n, 8), utcnow()
        try:
            comment = comment_services.post_comment(
                discussion=idea.discussion, author=author, body=_COMMENTS[n]
            )
        except Exception:  # noqa: BLE001 - a demo comment refused is left out
            continue
        comment.created_at = when
        db.session.flush()
        engagement.backdate(when, mark)


def load_showcases(*, now: datetime) -> int:
    """Last year's story and published showcase, and this year's draft; returns how many."""
    moderator = _user(MODERATOR)
    if moderator is None:
        return 0
    this_year = local_year(now)
    last_year = this_year - 1
    _past_challenge(last_year, moderator)
    _phase_moves(last_year)
    _partnerships(last_year)
    _adoptions(last_year)
    _comments(last_year)
    db.session.flush()

    last = services.compile_showcase(year=last_year, actor=moderator, now=now)
    services.set_intro(showcase=last, actor=moderator, intro=_INTRO_LAST.format(year=last_year))
    found = list(figures.candidates(last.snapshot).values())
    chosen = [c for c in found if c.kind.value == "award"]
    for kind in ("adoption", "idea", "partnership"):
        chosen += [c for c in found if c.kind.value == kind][:2]
    for candidate in chosen:
        services.pick(
            showcase=last, actor=moderator, kind=candidate.kind.value, item_id=candidate.item_id
        )
    spring = _at(this_year, 5, 20, 12)
    services.publish(showcase=last, actor=moderator, now=min(now, spring))

    draft = services.compile_showcase(year=this_year, actor=moderator, now=now)
    services.set_intro(showcase=draft, actor=moderator, intro=_INTRO_THIS.format(year=this_year))
    db.session.flush()
    return 2
