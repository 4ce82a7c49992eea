"""Demo challenges: one open for submissions with entries and questions, one coming up, and a
proposal waiting for a moderator. Made through the challenge services, as members would."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from idealaari.accounts.models import User
from idealaari.challenges import services
from idealaari.challenges.models import ScoreMode, VotingMode
from idealaari.comments import services as comment_services
from idealaari.extensions import db
from idealaari.ideas.models import Idea, TargetGroup, Theme

DAY = timedelta(days=1)

_CRITERIA = [
    services.CriterionFields(
        "Tavoittavuus",
        3,
        "Tavoittaako ratkaisu ne, jotka eivät nyt käytä digipalveluja?",
        [
            "Ei tavoita kohderyhmää",
            "Tavoittaa harvoja",
            "Tavoittaa osan",
            "Tavoittaa useimmat",
            "Tavoittaa kohderyhmän kattavasti",
        ],
    ),
    services.CriterionFields(
        "Levitettävyys",
        2,
        "Voiko toinen alue ottaa ratkaisun käyttöön?",
        [
            "Sidottu yhteen paikkaan",
            "Vaatii paljon muokkausta",
            "Levitettävissä muokaten",
            "Levitettävissä pienin muutoksin",
            "Valmis pilotoitavaksi toisella alueella",
        ],
    ),
    services.CriterionFields("Kustannukset", 1, "Ovatko kustannukset kohtuulliset?"),
]


def _user(email: str) -> User:
    return db.session.scalar(select(User).where(User.email == email))


def _idea(title: str) -> Idea | None:
    return db.session.scalar(select(Idea).where(Idea.title == title))


def _theme(slug_part: str, themes: dict[str, Theme]) -> list[Theme]:
    return [themes[slug_part]] if slug_part in themes else []


def load_challenges(*, themes: dict[str, Theme], now: datetime) -> int:
    """Create the demo challenges; returns how many."""
    moderator = _user("moderaattori@idealaari.example.fi")
    oulu = _user("tuomas.rautio@pohde.example.fi")
    pirkanmaa = _user("eeva.lahtinen@pirha.example.fi")
    lappi = _user("marjo.kallio@lapha.example.fi")
    made = 0

    # Open for submissions: proposed by North Ostrobothnia, approved by the coordination team.
    opens = now - 12 * DAY
    digital = services.propose_challenge(
        actor=oulu,
        values=services.ChallengeFields(
            title="Miten tavoitamme ikääntyneet, jotka eivät käytä digipalveluja?",
            summary=(
                "Yli 75-vuotiaista moni ei käytä sähköisiä palveluja. Etsimme tapoja tavoittaa "
                "heidät: neuvontaa, vertaistukea, kotikäyntejä tai jotain aivan muuta."
            ),
            brief=(
                "## Ongelma\n\nPohjois-Pohjanmaalla noin **40 %** yli 75-vuotiaista ei käytä "
                "sähköisiä sote-palveluja. He jäävät ilman ajanvarausta, muistutuksia ja "
                "etävastaanottoja.\n\n## Mitä etsimme\n\n- tapoja tavoittaa ne, jotka eivät "
                "tule neuvontapisteisiin\n- malleja, jotka toimivat myös harvaan asutulla "
                "alueella\n- kokemuksia siitä, mikä on jo toiminut muualla\n\n## Mitä "
                "voittaja saa\n\nVoittajaideaa pilotoidaan kahdessa kunnassa keväällä."
            ),
            problem_owner=oulu.organisation,
            prize="Voittajaidea pilotoidaan kahdessa Pohjois-Pohjanmaan kunnassa.",
            themes=_theme("digi", themes) + _theme("ennalt", themes),
            target_groups=[TargetGroup.CLIENTS.value, TargetGroup.PROFESSIONALS.value],
            submission_opens_at=opens,
            submission_closes_at=now + 9 * DAY,
            voting_closes_at=now + 16 * DAY,
            evaluation_closes_at=now + 30 * DAY,
            closes_at=now + 75 * DAY,
            voting_mode=VotingMode.BUDGET,
            vote_budget=3,
            score_mode=ScoreMode.NORMALISED,
            jury_quorum=2,
            jury_weight=70,
            criteria=list(_CRITERIA),
        ),
        now=opens - 10 * DAY,
    )
    services.decide_challenge(actor=moderator, challenge=digital, approve=True, now=opens - 8 * DAY)
    made += 1
    for title, days_ago in (
        ("Kotihoidon etäkäynnit videoyhteydellä", 9),
        ("Digitaalinen oirearvio ennen päivystystä", 6),
        ("Innovaatiolähettiläät jokaiseen työyksikköön", 3),
    ):
        idea = _idea(title)
        if idea is None or idea.author is None:
            continue
        entry = services.enter_idea(
            actor=idea.author, challenge=digital, idea=idea, now=now - days_ago * DAY
        )
        entry.entered_at = now - days_ago * DAY
    question = comment_services.post_comment(
        discussion=digital.discussion,
        author=pirkanmaa,
        body="Voiko mukaan tulla idealla, jota on kokeiltu vasta yhdessä kunnassa?",
    )
    answer = comment_services.post_comment(
        discussion=digital.discussion,
        author=oulu,
        body=(
            "Voi! Yhdenkin kunnan kokemukset ovat arvokkaita. Kerro ideassa, mitä kokeilusta "
            "opittiin ja mitä levittäminen vaatisi."
        ),
        parent=question,
    )
    question.created_at, answer.created_at = now - 7 * DAY, now - 6 * DAY

    # Coming up: Pirkanmaa's challenge on documentation.
    upcoming = services.propose_challenge(
        actor=moderator,
        values=services.ChallengeFields(
            title="Miten vähennämme hoitajien kirjaamiseen kuluvaa aikaa?",
            summary=(
                "Hoitajan työpäivästä jopa kolmannes kuluu kirjaamiseen. Etsimme ratkaisuja, "
                "jotka vapauttavat aikaa asiakastyölle ilman, että tiedon laatu kärsii."
            ),
            brief="Puheentunnistus, rakenteiset lomakkeet, työnjako – kaikki ideat tervetulleita.",
            problem_owner=pirkanmaa.organisation,
            themes=_theme("tekoaly", themes) + _theme("henkilosto", themes),
            target_groups=[TargetGroup.PROFESSIONALS.value],
            submission_opens_at=now + 14 * DAY,
            submission_closes_at=now + 45 * DAY,
            voting_closes_at=now + 52 * DAY,
            evaluation_closes_at=None,
            closes_at=now + 80 * DAY,
            voting_mode=VotingMode.SINGLE,
        ),
        now=now - 2 * DAY,
    )
    upcoming.managers.append(pirkanmaa)
    made += 1

    # A proposal from Lapland, waiting for a moderator.
    services.propose_challenge(
        actor=lappi,
        values=services.ChallengeFields(
            title="Miten tuemme harvaan asutun alueen omaishoitajia?",
            summary="Omaishoitajat asuvat kaukana palveluista. Miten tuki ja vapaat järjestyvät?",
            problem_owner=lappi.organisation,
            themes=_theme("monial", themes),
            target_groups=[TargetGroup.CLIENTS.value],
            submission_opens_at=now + 30 * DAY,
            submission_closes_at=now + 60 * DAY,
            closes_at=now + 100 * DAY,
        ),
        now=now - DAY,
    )
    made += 1
    db.session.flush()
    return made
