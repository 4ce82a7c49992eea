"""Demo challenges: last year's with results, one open for submissions with entries and
questions, one in voting, one in evaluation with a jury and a recusal, one coming up, and a
proposal waiting for a moderator. Made through the challenge services, as members would."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from idealaari.accounts.models import User
from idealaari.challenges import covers, results, services, voting
from idealaari.challenges.models import AwardKind, Challenge, Entry, ScoreMode, VotingMode
from idealaari.comments import services as comment_services
from idealaari.demo.jury import load_jury_demo
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


def _cover(background: str, shapes: list[tuple[str, tuple[int, int, int, int]]]):
    """A simple illustration for a demo challenge, drawn here and checked like an upload."""
    import io

    from PIL import Image, ImageDraw

    image = Image.new("RGB", (1200, 500), background)
    draw = ImageDraw.Draw(image)
    for colour, box in shapes:
        draw.ellipse(box, fill=colour)
    data = io.BytesIO()
    image.save(data, "PNG")
    data.seek(0)
    return covers.prepare(data)


def _challenge(*, actor, moderator, now, starts, values, lengths) -> Challenge:
    """A challenge proposed by an area contact and approved, whose submission opened at
    `starts`; `lengths` are the days of submission, voting, evaluation and results."""
    submission, vote, evaluation, result = lengths
    closes = starts + submission * DAY
    dates = {
        "submission_opens_at": starts,
        "submission_closes_at": closes,
        "voting_closes_at": closes + vote * DAY,
        "evaluation_closes_at": closes + (vote + evaluation) * DAY,
        "closes_at": closes + (vote + evaluation + result) * DAY,
    }
    proposed = starts - 10 * DAY
    challenge = services.propose_challenge(
        actor=actor, values=services.ChallengeFields(**values, **dates), now=proposed
    )
    services.decide_challenge(
        actor=moderator, challenge=challenge, approve=True, now=proposed + 2 * DAY
    )
    challenge.created_at = proposed
    return challenge


def _enter(challenge, when, titles, step=DAY) -> list[Entry]:
    """Enter the demo ideas with these titles, one `step` after another, by their authors."""
    entries = []
    for i, title in enumerate(titles):
        idea = _idea(title)
        if idea is None or idea.author is None:
            continue
        moment = when + i * step
        try:
            entry = services.enter_idea(
                actor=idea.author, challenge=challenge, idea=idea, now=moment
            )
        except services.ChallengeError:  # say, the demo idea is a draft
            continue
        entry.entered_at = moment
        entries.append(entry)
    db.session.flush()
    return entries


def _votes(challenge, entries, when, voters, counts) -> None:
    """Members' votes during voting: `counts[i]` votes for the i-th entry, as the budget
    allows."""
    for entry, wanted in zip(entries, counts, strict=False):
        given = 0
        for voter in voters:
            if given >= wanted:
                break
            try:
                if voting.cast_vote(entry=entry, voter=voter, now=when):
                    given += 1
            except voting.ChallengeVoteError:
                continue
    db.session.flush()


def _jury(challenge, moderator, when, *, jurors, partial=False) -> None:
    """Name the jurors; they score (all entries, or some when `partial`)."""
    members = [m for m in (_user(e) for e in jurors) if m is not None]
    load_jury_demo(challenge, members, manager=moderator, now=when, partial=partial)


def load_challenges(*, themes: dict[str, Theme], now: datetime) -> int:
    """Create the demo challenges; returns how many."""
    moderator = _user("moderaattori@idealaari.example.fi")
    oulu = _user("tuomas.rautio@pohde.example.fi")
    pirkanmaa = _user("eeva.lahtinen@pirha.example.fi")
    lappi = _user("marjo.kallio@lapha.example.fi")
    voters = list(
        db.session.scalars(
            select(User).where(User.email_verified_at.is_not(None), User.active).order_by(User.id)
        )
    )
    made = 0

    # Last year's challenge, with results: North Ostrobothnia asked how to reach older people
    # who do not use digital services.
    past = _challenge(
        actor=oulu,
        moderator=moderator,
        now=now,
        starts=now - 420 * DAY,
        values=dict(
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
            voting_mode=VotingMode.BUDGET,
            vote_budget=3,
            score_mode=ScoreMode.NORMALISED,
            jury_quorum=2,
            jury_weight=70,
            criteria=list(_CRITERIA),
        ),
        lengths=(30, 7, 21, 60),
    )
    made += 1
    past_entries = _enter(
        past,
        now - 415 * DAY,
        (
            "Digistöd för äldre på biblioteken",
            "Hyvinvointia tukevat kotikäynnit 75 vuotta täyttäneille",
            "Etävastaanotot saavutettaviksi ikäihmisille",
            "Yksinäisyyden vähentäminen ikäihmisillä",
        ),
    )
    _votes(past, past_entries, now - 388 * DAY, voters, (9, 7, 4, 3))
    _jury(
        past,
        moderator,
        now - 375 * DAY,
        jurors=(
            "mikko.heikkinen@thl.example.fi",
            "helena.ojala@tuni.example.fi",
            "katariina.nieminen@varha.example.fi",
        ),
    )
    awards = [
        (
            past_entries[0],
            AwardKind.WINNER,
            "Kirjastot ovat paikka, jonne ikääntyneet jo tulevat. Malli on edullinen, "
            "kaksikielinen ja valmis pilotoitavaksi toisella alueella.",
        ),
        (
            past_entries[1],
            AwardKind.MENTION,
            "Kotikäynnit tavoittavat ne, jotka eivät tule minnekään. Jury toivoo mallin "
            "yhdistämistä digitukeen.",
        ),
    ]
    results.save_awards(
        actor=moderator,
        challenge=past,
        choices=[results.AwardChoice(e.id, kind, text) for e, kind, text in awards if e],
        publish=True,
        now=now - 350 * DAY,
    )

    # Open for submissions: home care, proposed by North Ostrobothnia.
    home_care = _challenge(
        actor=oulu,
        moderator=moderator,
        now=now,
        starts=now - 12 * DAY,
        values=dict(
            title="Miten kotihoito ehtii kohdata asiakkaan?",
            summary=(
                "Kotihoidon käynnit ovat lyhyitä, ja aika kuluu ajamiseen ja kirjaamiseen. "
                "Etsimme tapoja, joilla hoitajalle jää aikaa asiakkaalle."
            ),
            brief=(
                "## Ongelma\n\nKotihoidon hoitaja tekee päivässä jopa 15 käyntiä. Asiakkaan "
                "kohtaamiseen jää usein vain muutama minuutti.\n\n## Mitä etsimme\n\n"
                "- reittien, työnjaon ja kirjaamisen ratkaisuja\n- etäkäyntejä, jotka "
                "asiakas kokee aidoiksi\n- tiimien omia kokeiluja"
            ),
            problem_owner=oulu.organisation,
            prize="Voittajaideaa kokeillaan kolmessa Pohjois-Pohjanmaan kotihoidon tiimissä.",
            cover=_cover(
                "#0b5a6b",
                [("#f2b84b", (780, 60, 1140, 420)), ("#e3f0f2", (120, 260, 420, 560))],
            ),
            cover_alt="Kuvitus: keltainen ja vaalea ympyrä tummalla turkoosilla pohjalla.",
            themes=_theme("digi", themes) + _theme("henkilosto", themes),
            target_groups=[TargetGroup.CLIENTS.value, TargetGroup.PROFESSIONALS.value],
            voting_mode=VotingMode.BUDGET,
            vote_budget=3,
            score_mode=ScoreMode.NORMALISED,
            jury_quorum=2,
            jury_weight=70,
            criteria=list(_CRITERIA),
        ),
        lengths=(21, 7, 14, 45),
    )
    made += 1
    _enter(
        home_care,
        now - 9 * DAY,
        (
            "Kotihoidon etäkäynnit videoyhteydellä",
            "Itseohjautuvat kotihoidon tiimit",
            "Puheentunnistus kotihoidon kirjaamisessa",
        ),
        step=3 * DAY,
    )
    question = comment_services.post_comment(
        discussion=home_care.discussion,
        author=pirkanmaa,
        body="Voiko mukaan tulla idealla, jota on kokeiltu vasta yhdessä kunnassa?",
    )
    answer = comment_services.post_comment(
        discussion=home_care.discussion,
        author=oulu,
        body=(
            "Voi! Yhdenkin kunnan kokemukset ovat arvokkaita. Kerro ideassa, mitä kokeilusta "
            "opittiin ja mitä levittäminen vaatisi."
        ),
        parent=question,
    )
    question.created_at, answer.created_at = now - 7 * DAY, now - 6 * DAY

    # In voting: Southwest Finland on keeping nurses.
    varha = _user("katariina.nieminen@varha.example.fi")
    nurses = _challenge(
        actor=varha,
        moderator=moderator,
        now=now,
        starts=now - 26 * DAY,
        values=dict(
            title="Miten houkuttelemme hoitajat alalle ja pidämme heidät?",
            summary=(
                "Hoitajapula koskee kaikkia alueita. Etsimme keinoja, jotka tuovat uusia "
                "osaajia ja saavat nykyiset jäämään."
            ),
            brief=(
                "Rekrytointi, perehdytys, työhyvinvointi, urapolut: kerro, mikä on toiminut, "
                "ja mitä se vaatisi toisella alueella."
            ),
            problem_owner=varha.organisation,
            themes=_theme("henkilosto", themes),
            target_groups=[TargetGroup.PROFESSIONALS.value],
            voting_mode=VotingMode.BUDGET,
            vote_budget=2,
            hide_votes_until_closed=True,
            score_mode=ScoreMode.RAW,
            jury_quorum=2,
            jury_weight=60,
            criteria=list(_CRITERIA[1:]),
        ),
        lengths=(21, 12, 14, 40),
    )
    made += 1
    nurse_entries = _enter(
        nurses,
        now - 20 * DAY,
        (
            "Kansainvälisesti rekrytoitujen hoitajien perehdytyspolku",
            "Työhyvinvoinnin kehittäminen hoitotyössä",
            "Opiskelijoiden harjoittelupaikkojen yhteinen haku",
            "Sairaanhoitajien rekrytointi ulkomailta",
        ),
    )
    _votes(nurses, nurse_entries, now - 3 * DAY, voters, (5, 3, 2, 1))

    # In evaluation: North Karelia on young people's mental health, with a jury.
    siun = _user("riikka.turunen@siunsote.example.fi")
    youth = _challenge(
        actor=siun,
        moderator=moderator,
        now=now,
        starts=now - 45 * DAY,
        values=dict(
            title="Miten nuori saa mielenterveyden tukea ilman jonoa?",
            summary=(
                "Nuorten mielenterveyspalveluihin jonotetaan kuukausia. Etsimme matalan "
                "kynnyksen tukea, joka ehtii ajoissa."
            ),
            brief=(
                "## Mitä etsimme\n\n- tukea, joka löytyy sieltä, missä nuoret jo ovat\n"
                "- koulun, nuorisotyön ja sote-palvelujen yhteistyötä\n- digitaalisia "
                "palveluja, jotka eivät jätä ketään yksin"
            ),
            problem_owner=siun.organisation,
            prize="Kaksi parasta ideaa saavat kehittämisrahaa ja mentorin vuodeksi.",
            cover=_cover(
                "#fdf3de",
                [("#0b5a6b", (60, 80, 400, 420)), ("#1d6b3a", (820, 180, 1100, 460))],
            ),
            cover_alt="Kuvitus: turkoosi ja vihreä ympyrä vaalealla pohjalla.",
            themes=_theme("ennalt", themes) + _theme("monial", themes),
            target_groups=[TargetGroup.CLIENTS.value],
            voting_mode=VotingMode.SINGLE,
            hide_votes_until_closed=False,
            score_mode=ScoreMode.NORMALISED,
            jury_quorum=2,
            jury_weight=80,
            criteria=list(_CRITERIA),
        ),
        lengths=(21, 10, 30, 40),
    )
    made += 1
    youth_entries = _enter(
        youth,
        now - 40 * DAY,
        (
            "Matalan kynnyksen mielenterveyschat nuorille",
            "Nuorisotyö ja koulupsykologit samaan tiimiin",
            "Jälkihuoltonuorten digitaalinen tuki",
            "Neuropsykiatrinen valmennus verkossa perheille",
        ),
    )
    _votes(youth, youth_entries, now - 20 * DAY, voters, (8, 6, 6, 2))
    _jury(
        youth,
        moderator,
        now - 10 * DAY,
        jurors=(
            "mikko.heikkinen@thl.example.fi",
            "helena.ojala@tuni.example.fi",
            "ville.laine@hel.example.fi",
        ),
        partial=True,
    )

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
