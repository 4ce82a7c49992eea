"""Challenges are searchable next to ideas: the type facet, the API's type, winner badges,
and the index (outbox, check, rebuild, schema version) covering both types."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from idealaari.challenges import services as challenge_services
from idealaari.challenges.models import Award, AwardKind, ChallengeStatus, Entry
from idealaari.extensions import db
from idealaari.search import get_index, service
from idealaari.search.types import SearchParams
from idealaari.search.whoosh_backend import VERSION_FILE
from tests.challenges.conftest import fields

HTMX = {"HX-Request": "true", "HX-Target": "search-results"}


def _tab(page: str, label: str) -> str:
    """The type facet's link for a label, with its count."""
    match = re.search(r'<nav class="tabs search-types".*?</nav>', page, re.S)
    assert match, "no type facet"
    link = re.search(rf"<a [^>]*>{label} <span class=\"count\">\d+</span></a>", match.group(0))
    assert link, f"no {label} tab"
    return link.group(0)


def _count(page: str, label: str) -> int:
    return int(re.search(r'class="count">(\d+)<', _tab(page, label)).group(1))


@pytest.fixture
def elderly(make_idea, make_challenge):
    """An idea and a challenge about the elderly, and an idea about something else."""
    idea = make_idea(
        title="Ikääntyneiden kotihoidon etäkäynnit",
        summary="Ikääntyneet asiakkaat tapaavat hoitajan videolla.",
        seeks_partners=True,
    )
    other = make_idea(title="Hammashoidon ajanvaraus", summary="Ajanvaraus verkossa.")
    challenge = make_challenge(phase="submission")
    return idea, other, challenge


def test_a_challenge_is_found_by_an_inflected_form(client, elderly):
    _idea, _other, challenge = elderly
    page = client.get("/search?q=ikääntyneiden&type=challenge").text
    assert challenge.title in page
    assert f'href="/challenges/{challenge.id}-{challenge.slug}"' in page
    assert challenge.problem_owner.name_en in page or challenge.problem_owner.name_fi in page
    assert "challenge-phase-submission" in page and ">Submission<" in page
    # The brief's Markdown is indexed as text too.
    assert challenge.title in client.get("/search?q=ikääntynyt&type=challenge").text


def test_the_type_facet_counts_and_narrows(client, elderly):
    idea, _other, challenge = elderly
    page = client.get("/search?q=ikääntyneet").text
    assert (_count(page, "All"), _count(page, "Ideas"), _count(page, "Challenges")) == (2, 1, 1)
    assert 'aria-current="page"' in _tab(page, "All")
    assert idea.title in page and challenge.title in page

    ideas_only = client.get("/search?q=ikääntyneet&type=idea").text
    assert idea.title in ideas_only and challenge.title not in ideas_only
    assert 'aria-current="page"' in _tab(ideas_only, "Ideas")

    challenges = client.get("/search?q=ikääntyneet&type=challenge").text
    assert challenge.title in challenges and idea.title not in challenges
    # Facets and the status scope describe ideas: a search of challenges shows neither.
    assert 'class="facets"' not in challenges and 'name="status"' not in challenges
    assert "1 result for" in challenges


def test_an_idea_filter_narrows_to_ideas_and_choosing_challenges_drops_it(client, elderly):
    idea, _other, challenge = elderly
    page = client.get("/search?q=ikääntyneet&seeks_partners=1").text
    assert idea.title in page and challenge.title not in page
    assert 'aria-current="page"' in _tab(page, "Ideas")
    # Each count is what its link shows: the challenge tab drops the idea filter.
    assert _count(page, "Challenges") == 1
    assert "seeks_partners" not in _tab(page, "Challenges")
    assert "type=challenge" in _tab(page, "Challenges")
    dropped = client.get("/search?q=ikääntyneet&type=challenge&seeks_partners=1&status=archived")
    assert dropped.status_code == 200 and challenge.title in dropped.text


def test_the_type_facet_works_with_htmx_and_keeps_the_form_in_step(client, elderly):
    _idea, _other, challenge = elderly
    resp = client.get("/search?q=ikääntyneet&type=challenge", headers=HTMX)
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith('<div id="search-results"')
    assert challenge.title in resp.text
    # The form's hidden copy of the type comes along out of band, and the status scope empties.
    assert re.search(
        r'<div id="search-scope" hx-swap-oob="true"><input type="hidden" '
        r'name="type" value="challenge">',
        resp.text,
    )
    assert re.search(
        r'<fieldset id="search-status" [^>]*hx-swap-oob="innerHTML"></fieldset>', resp.text
    )
    # Without JavaScript the full page carries the same form state.
    page = client.get("/search?q=ikääntyneet&type=challenge").text
    assert 'name="type" value="challenge"' in page and "hx-swap-oob" not in page


def test_proposed_and_rejected_challenges_are_never_found(
    client, login, make_user, moderator, area_contact
):
    proposal = challenge_services.propose_challenge(
        actor=area_contact, values=fields(area_contact.organisation)
    )
    rejected = challenge_services.propose_challenge(
        actor=area_contact,
        values=fields(area_contact.organisation, title="Ikääntyneiden liikunta kotona"),
    )
    db.session.commit()
    assert proposal.status == ChallengeStatus.PROPOSED
    challenge_services.decide_challenge(
        actor=moderator, challenge=rejected, approve=False, note="Päällekkäinen haaste."
    )
    db.session.commit()
    for who in (None, make_user(), area_contact, moderator):
        if who is not None:
            login(who)
        page = client.get("/search?q=ikääntyneet&type=challenge").text
        assert proposal.title not in page and rejected.title not in page
        assert "0 results for" in page and "No challenges match your search." in page
    assert client.get("/api/v1/search?q=ikääntyneet").get_json()["total"] == 0
    assert get_index().indexed_keys() == set()

    challenge_services.decide_challenge(actor=moderator, challenge=proposal, approve=True)
    db.session.commit()  # the approval is indexed after the commit
    assert ("challenge", proposal.id) in get_index().indexed_keys()
    assert proposal.title in client.get("/search?q=ikääntyneet").text


def test_an_edited_challenge_is_reindexed_and_a_rollback_indexes_nothing(client, make_challenge):
    challenge = make_challenge()
    challenge.title = "Omaishoitajien jaksaminen"
    db.session.flush()  # the outbox row is written, in the transaction the rollback undoes
    db.session.rollback()
    assert client.get("/api/v1/search?q=omaishoitaja").get_json()["total"] == 0
    challenge.title = "Omaishoitajien jaksaminen"
    db.session.commit()
    found = client.get("/api/v1/search?q=omaishoitaja").get_json()
    assert [(i["type"], i["id"]) for i in found["items"]] == [("challenge", challenge.id)]
    assert get_index().searcher().document(key=f"challenge:{challenge.id}")["title"] == (
        "Omaishoitajien jaksaminen"
    )


def test_similar_ideas_never_offer_a_challenge(app, make_challenge):
    challenge = make_challenge()
    assert service.similar(challenge.title + " " + challenge.summary) == []


def test_the_api_says_the_type_of_each_hit_and_filters_by_it(client, elderly):
    idea, _other, challenge = elderly
    data = client.get("/api/v1/search?q=ikääntyneet").get_json()
    by_type = {item["type"]: item for item in data["items"]}
    assert set(by_type) == {"idea", "challenge"} and data["total"] == 2
    assert by_type["idea"]["id"] == idea.id and by_type["idea"]["status"] == "published"
    hit = by_type["challenge"]
    assert hit["id"] == challenge.id and hit["title"] == challenge.title
    assert hit["phase"] == "submission"
    assert hit["url"].endswith(f"/challenges/{challenge.id}-{challenge.slug}")
    assert data["facets"]["type"] == {"all": 2, "idea": 1, "challenge": 1}

    only = client.get("/api/v1/search?q=ikääntyneet&type=challenge").get_json()
    assert [(i["type"], i["id"]) for i in only["items"]] == [("challenge", challenge.id)]
    ideas = client.get("/api/v1/search?q=ikääntyneet&type=idea").get_json()
    assert [(i["type"], i["id"]) for i in ideas["items"]] == [("idea", idea.id)]


@pytest.mark.parametrize(
    "query, message",
    [
        ("type=bogus", "Unknown type 'bogus'"),
        ("type=challenge&phase=testing", "'phase' filters ideas only"),
        ("type=challenge&status=archived", "'status' filters ideas only"),
    ],
)
def test_the_api_refuses_a_bad_type(client, query, message):
    resp = client.get(f"/api/v1/search?q=x&{query}")
    assert resp.status_code == 400 and message in resp.get_json()["error"]["message"]


def _award(challenge, idea, kind: AwardKind, published: datetime | None):
    entry = Entry(challenge_id=challenge.id, idea_id=idea.id)
    db.session.add(entry)
    db.session.flush()
    db.session.add(
        Award(challenge_id=challenge.id, entry_id=entry.id, kind=kind, statement="Hyvä.")
    )
    challenge.results_published_at = published
    db.session.commit()


def test_winning_and_mentioned_ideas_carry_badges_in_the_results(client, make_idea, make_challenge):
    winner = make_idea(title="Ikääntyneiden digituki kirjastossa")
    mentioned = make_idea(title="Ikääntyneiden puhelinneuvonta")
    unpublished = make_idea(title="Ikääntyneiden kylätalot")
    won = make_challenge(phase="results", title="Digituki ikääntyneille")
    _award(won, winner, AwardKind.WINNER, datetime(2026, 5, 20, tzinfo=UTC))
    other = make_challenge(phase="results", title="Neuvonta kotiin")
    _award(other, mentioned, AwardKind.MENTION, datetime(2025, 5, 20, tzinfo=UTC))
    pending = make_challenge(phase="evaluation", title="Kylät kuntoon")
    _award(pending, unpublished, AwardKind.WINNER, None)

    page = client.get("/search?q=ikääntyneet&type=idea").text
    assert "Challenge winner 2026: Digituki ikääntyneille" in page
    assert "Honourable mention 2025: Neuvonta kotiin" in page
    assert "Kylät kuntoon" not in page  # results not published: no badge
    assert f'href="/challenges/{won.id}-{won.slug}"' in page
    badge = page.index("Challenge winner 2026")
    assert page.rindex(winner.title, 0, badge) > page.rindex('<li class="hit', 0, badge)


def test_check_and_rebuild_cover_challenges(runner, make_idea, make_challenge):
    make_idea(title="Kotihoidon etäkäynnit")
    challenge = make_challenge()
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    with get_index().update() as update:
        update.remove("challenge", challenge.id)
    drift = runner.invoke(args=["search", "check"])
    assert drift.exit_code == 1 and f"Missing from the index: challenge {challenge.id}" in (
        drift.output
    )
    rebuilt = runner.invoke(args=["search", "rebuild"])
    assert rebuilt.exit_code == 0 and "Indexed 1 ideas, 1 challenges" in rebuilt.output
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    assert service.search(SearchParams(q="ikääntyneet")).total == 1


def test_an_index_of_another_schema_version_is_detected_and_rebuilt(runner, make_challenge):
    challenge = make_challenge()
    index = get_index()
    (index.path / VERSION_FILE).write_text("1\n")  # as an idea-only index would be
    index.reset()
    check = runner.invoke(args=["search", "check"])
    assert check.exit_code != 0 and "another version" in check.output
    assert "flask search rebuild" in check.output
    assert runner.invoke(args=["search", "rebuild"]).exit_code == 0
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    assert service.search(SearchParams(q="ikääntyneet")).hits[0].id == challenge.id
