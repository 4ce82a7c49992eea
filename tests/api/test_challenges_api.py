"""The challenges API: /api/v1/challenges and /api/v1/challenges/<id>. Only approved
challenges, the timeline, public entries, results once published, and never jury data."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from idealaari.accounts.models import Role
from idealaari.api.views import PER_PAGE
from idealaari.challenges import services
from idealaari.challenges.models import (
    Award,
    AwardKind,
    Criterion,
    Entry,
    Recusal,
    Score,
    Scorecard,
    VotingMode,
)
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.http import MAX_ID
from idealaari.ideas.models import IdeaStatus
from tests.challenges import conftest as challenge_fixtures
from tests.challenges.conftest import fields

# The challenge fixtures, named here: this directory's tests use them too.
moderator = challenge_fixtures.moderator
area_contact = challenge_fixtures.area_contact
make_challenge = challenge_fixtures.make_challenge

BASE = "https://idealaari.example"
pytestmark = pytest.mark.app_config(ENVIRON={"IDEALAARI_BASE_URL": BASE})
HOUR = timedelta(hours=1)

LIST_KEYS = {
    "id",
    "title",
    "summary",
    "url",
    "problem_owner",
    "themes",
    "prize",
    "phase",
    "timeline",
    "voting_mode",
    "vote_budget",
    "entry_count",
    "results_published_at",
}


def enter(challenge, idea, *, at=None, votes=0):
    entry = Entry(
        challenge_id=challenge.id, idea_id=idea.id, entered_at=at or utcnow(), vote_count=votes
    )
    db.session.add(entry)
    db.session.flush()
    return entry


def ids(client, query=""):
    response = client.get(f"/api/v1/challenges{query}")
    assert response.status_code == 200, response.get_json()
    return [item["id"] for item in response.get_json()["items"]]


def test_list_contract(client, make_challenge, make_theme, make_idea):
    theme = make_theme()
    challenge = make_challenge(phase="voting", themes=[theme], prize="Pilotti omalla alueella")
    enter(challenge, make_idea())
    enter(challenge, make_idea(status=IdeaStatus.HIDDEN))  # not public: not counted
    db.session.commit()
    body = client.get("/api/v1/challenges").get_json()
    assert set(body) == {"items", "page", "pages", "total"}
    assert body["total"] == 1 and body["page"] == 1 and body["pages"] == 1
    item = body["items"][0]
    assert set(item) == LIST_KEYS
    assert item["id"] == challenge.id and item["title"] == challenge.title
    assert item["url"] == f"{BASE}/challenges/{challenge.id}-{challenge.slug}"
    assert item["problem_owner"] == {
        "code": challenge.problem_owner.code,
        "name": challenge.problem_owner.name_fi,
    }
    assert item["themes"] == [theme.slug]
    assert item["phase"] == "voting"
    assert item["voting_mode"] == "single" and item["vote_budget"] is None
    assert item["entry_count"] == 1
    assert item["results_published_at"] is None
    phases = [span["phase"] for span in item["timeline"]]
    assert phases == ["upcoming", "submission", "voting", "evaluation", "results", "closed"]
    first, *_middle, last = item["timeline"]
    assert first["starts_at"] is None and last["ends_at"] is None
    submission = item["timeline"][1]
    assert submission["starts_at"] == challenge.submission_opens_at.isoformat().replace(
        "+00:00", "Z"
    )
    assert submission["ends_at"] == challenge.submission_closes_at.isoformat().replace(
        "+00:00", "Z"
    )


def test_state_and_theme_filters(client, make_challenge, make_theme):
    theme = make_theme()
    open_one = make_challenge(phase="submission", themes=[theme])
    other = make_challenge(phase="results")
    upcoming = make_challenge(phase="upcoming")
    past = make_challenge(phase="closed")
    assert set(ids(client)) == {open_one.id, other.id}  # open by default, as the list page
    assert set(ids(client, "?state=open")) == {open_one.id, other.id}
    assert ids(client, "?state=upcoming") == [upcoming.id]
    assert ids(client, "?state=past") == [past.id]
    assert ids(client, f"?theme={theme.slug}") == [open_one.id]
    assert ids(client, f"?state=past&theme={theme.slug}") == []


def test_budget_voting_gives_the_budget(client, make_challenge):
    make_challenge(phase="voting", voting_mode=VotingMode.BUDGET, vote_budget=5)
    item = client.get("/api/v1/challenges").get_json()["items"][0]
    assert item["voting_mode"] == "budget" and item["vote_budget"] == 5


def test_without_a_vote_the_mode_is_none(client, make_challenge):
    make_challenge(phase="submission", voting_mode=VotingMode.NONE, voting_closes_at=None)
    item = client.get("/api/v1/challenges").get_json()["items"][0]
    assert item["voting_mode"] == "none" and item["vote_budget"] is None
    assert "voting" not in [span["phase"] for span in item["timeline"]]


def test_pagination(client, make_challenge):
    for _ in range(PER_PAGE + 1):
        make_challenge(phase="submission")
    first = client.get("/api/v1/challenges").get_json()
    second = client.get("/api/v1/challenges?page=2").get_json()
    assert first["pages"] == 2 and first["total"] == PER_PAGE + 1
    assert len(first["items"]) == PER_PAGE and len(second["items"]) == 1
    assert client.get("/api/v1/challenges?page=3").get_json()["items"] == []


@pytest.mark.parametrize(
    "query",
    [
        "state=closed",
        "state=proposed",
        "state=",
        "theme=no-such-theme",
        "page=0",
        "page=abc",
        "page=100001",
        "owner=x",  # unknown parameters are not ignored
        "state=open&state=past",
    ],
)
def test_bad_filters_are_json_400(client, make_challenge, query):
    make_challenge()
    response = client.get(f"/api/v1/challenges?{query}")
    if query == "state=":
        # An empty value is no filter, as in the idea API.
        assert response.status_code == 200
        return
    assert response.status_code == 400 and response.is_json, query
    error = response.get_json()["error"]
    assert error["status"] == 400 and query.split("=")[0] in error["message"]


def test_proposed_and_rejected_challenges_never_appear(client, login, area_contact, moderator):
    proposed = services.propose_challenge(
        actor=area_contact, values=fields(area_contact.organisation, title="Ehdotettu haaste")
    )
    rejected = services.propose_challenge(
        actor=area_contact, values=fields(area_contact.organisation, title="Hylätty haaste")
    )
    services.decide_challenge(actor=moderator, challenge=rejected, approve=False, note="Ei nyt.")
    db.session.commit()
    # Even for the managers and moderators: the API is anonymous.
    for user in (None, area_contact, moderator):
        if user is not None:
            login(user)
        for state in ("open", "upcoming", "past"):
            assert ids(client, f"?state={state}") == []
        for challenge in (proposed, rejected):
            response = client.get(f"/api/v1/challenges/{challenge.id}")
            assert response.status_code == 404 and response.is_json


def test_unknown_and_impossible_ids_are_json_404(client, make_challenge):
    challenge = make_challenge()
    for challenge_id in (challenge.id + 1000, MAX_ID + 1, 2**31, 2**63, "abc"):
        response = client.get(f"/api/v1/challenges/{challenge_id}")
        assert response.status_code == 404 and response.is_json, challenge_id
    assert client.get(f"/api/v1/challenges/{challenge.id}").status_code == 200


def test_detail_has_the_brief_and_public_entries(client, make_challenge, make_idea):
    challenge = make_challenge(phase="submission", brief="**Tärkeä** <script>alert(1)</script>")
    now = utcnow()
    first = enter(challenge, make_idea(title="Ensimmäinen"), at=now - 2 * HOUR)
    second = enter(challenge, make_idea(title="Toinen"), at=now - HOUR)
    enter(challenge, make_idea(title="Piilotettu", status=IdeaStatus.HIDDEN), at=now)
    db.session.commit()
    body = client.get(f"/api/v1/challenges/{challenge.id}").get_json()
    assert set(body) == LIST_KEYS | {"brief_html", "entries", "results"}
    assert "<strong>Tärkeä</strong>" in body["brief_html"] and "<script>" not in body["brief_html"]
    assert body["entry_count"] == 2 and body["results"] is None
    assert body["entries"] == [
        {
            "id": entry.id,
            "idea_id": entry.idea.id,
            "idea_title": entry.idea.title,
            "idea_url": f"{BASE}/ideas/{entry.idea.id}-{entry.idea.slug}",
            "entered_at": entry.entered_at.isoformat().replace("+00:00", "Z"),
        }
        for entry in (first, second)
    ]


def test_vote_counts_only_when_the_rules_show_them(client, make_challenge, make_idea):
    hidden = make_challenge(phase="voting", hide_votes_until_closed=True)
    shown = make_challenge(phase="voting", hide_votes_until_closed=False)
    closed = make_challenge(phase="evaluation", hide_votes_until_closed=True)
    for challenge in (hidden, shown, closed):
        enter(challenge, make_idea(), votes=4321)
    db.session.commit()

    def entries(challenge):
        return client.get(f"/api/v1/challenges/{challenge.id}").get_json()["entries"]

    assert "votes" not in entries(hidden)[0]
    assert "4321" not in client.get(f"/api/v1/challenges/{hidden.id}").text
    assert entries(shown)[0]["votes"] == 4321
    assert entries(closed)[0]["votes"] == 4321  # voting has closed


def test_results_appear_once_published(client, make_challenge, make_idea):
    challenge = make_challenge(phase="results")
    winner = enter(challenge, make_idea(title="Voittaja"))
    mention = enter(challenge, make_idea(title="Maininta"))
    db.session.add_all(
        [
            Award(
                challenge_id=challenge.id,
                entry_id=mention.id,
                kind=AwardKind.MENTION,
                position=1,
                statement="Rohkea kokeilu.",
            ),
            Award(
                challenge_id=challenge.id,
                entry_id=winner.id,
                kind=AwardKind.WINNER,
                position=1,
                statement="Levitettävä malli.",
            ),
        ]
    )
    db.session.commit()
    before = client.get(f"/api/v1/challenges/{challenge.id}")
    assert before.get_json()["results"] is None
    assert "Levitettävä" not in before.text and "Rohkea" not in before.text

    challenge.results_published_at = utcnow() - HOUR
    db.session.commit()
    body = client.get(f"/api/v1/challenges/{challenge.id}").get_json()
    assert body["results_published_at"] == body["results"]["published_at"]
    assert body["results"]["awards"] == [
        {
            "kind": "winner",
            "position": 1,
            "statement": "Levitettävä malli.",
            "entry_id": winner.id,
            "idea_id": winner.idea.id,
            "idea_title": "Voittaja",
            "idea_url": f"{BASE}/ideas/{winner.idea.id}-{winner.idea.slug}",
        },
        {
            "kind": "mention",
            "position": 1,
            "statement": "Rohkea kokeilu.",
            "entry_id": mention.id,
            "idea_id": mention.idea.id,
            "idea_title": "Maininta",
            "idea_url": f"{BASE}/ideas/{mention.idea.id}-{mention.idea.slug}",
        },
    ]
    listed = client.get("/api/v1/challenges").get_json()["items"][0]
    assert listed["results_published_at"] == body["results_published_at"]


JURY_KEYS = {
    "jurors",
    "juror",
    "juror_id",
    "jury",
    "jury_quorum",
    "jury_weight",
    "score_mode",
    "scorecards",
    "scores",
    "score",
    "note",
    "notes",
    "recusals",
    "criteria",
}


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_jury_data_never_appears(client, make_challenge, make_user, make_idea):
    challenge = make_challenge(phase="results")
    juror = make_user(name="Tuomari Salainen", email="tuomari.salainen@example.fi")
    challenge.jurors = [juror]
    entry = enter(challenge, make_idea(title="Arvioitu idea"))
    criterion = db.session.query(Criterion).filter_by(challenge_id=challenge.id).one()
    card = Scorecard(entry_id=entry.id, juror_id=juror.id, note="SALAINEN-MUISTIINPANO")
    card.scores.append(Score(criterion_id=criterion.id, value=4))
    db.session.add(card)
    db.session.add(Recusal(entry_id=entry.id, user_id=make_user().id, reason="JÄÄVI-SYY"))
    db.session.add(
        Award(
            challenge_id=challenge.id,
            entry_id=entry.id,
            kind=AwardKind.WINNER,
            statement="Julkinen perustelu.",
        )
    )
    challenge.results_published_at = utcnow() - HOUR
    db.session.commit()

    for path in ("/api/v1/challenges?state=open", f"/api/v1/challenges/{challenge.id}"):
        response = client.get(path)
        assert response.status_code == 200
        text = response.text
        for secret in (
            "SALAINEN-MUISTIINPANO",
            "JÄÄVI-SYY",
            "Tuomari Salainen",
            "tuomari.salainen",
            criterion.name,
        ):
            assert secret not in text and json.dumps(secret)[1:-1] not in text, (path, secret)
        assert _keys(response.get_json()) & JURY_KEYS == set(), path
    assert "Julkinen perustelu." in client.get(f"/api/v1/challenges/{challenge.id}").text


def test_names_follow_accept_language(client, make_challenge):
    challenge = make_challenge()
    response = client.get("/api/v1/challenges", headers={"Accept-Language": "sv"})
    owner = response.get_json()["items"][0]["problem_owner"]
    assert owner["name"] == (challenge.problem_owner.name_sv or challenge.problem_owner.name_fi)
    assert response.headers["Content-Language"] == "sv"


def test_the_api_takes_no_writes(client, make_challenge):
    challenge = make_challenge()
    assert client.post("/api/v1/challenges").status_code == 405
    assert client.post(f"/api/v1/challenges/{challenge.id}").status_code == 405


def test_role_does_not_matter_for_the_list(client, login, make_user, make_challenge):
    challenge = make_challenge()
    login(make_user(role=Role.MODERATOR))
    assert ids(client) == [challenge.id]


def test_awards_of_ideas_hidden_since_are_left_out(client, make_challenge, make_idea):
    challenge = make_challenge(phase="results")
    shown = enter(challenge, make_idea(title="Näkyvä voittaja"))
    hidden = enter(challenge, make_idea(title="Piilotettu voittaja"))
    for position, entry in enumerate((shown, hidden)):
        db.session.add(
            Award(
                challenge_id=challenge.id,
                entry_id=entry.id,
                kind=AwardKind.WINNER,
                position=position,
                statement=f"Perustelu {position}",
            )
        )
    challenge.results_published_at = utcnow() - HOUR
    hidden.idea.status = IdeaStatus.HIDDEN
    db.session.commit()
    response = client.get(f"/api/v1/challenges/{challenge.id}")
    awards = response.get_json()["results"]["awards"]
    assert [a["idea_id"] for a in awards] == [shown.idea.id]
    assert "Piilotettu" not in response.text
    feed = client.get(f"/challenges/{challenge.id}/feed.atom").text
    assert "Näkyvä voittaja" in feed and "Piilotettu" not in feed
