"""Poll pages as members, moderators and visitors use them: full pages, htmx partials, bad input."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from idealaari.accounts.models import Role
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.notifications.models import Notification
from idealaari.polls import services
from idealaari.polls.models import OptionStatus, Poll, PollVote
from tests.polls.conftest import THEMES, option
from tests.test_security import XSS_PAYLOADS, inline_code
from tests.test_security import active_content as _active_content

FRAGMENT = {"HX-Request": "true", "HX-Target": "poll-vote"}
PROPOSALS = {"HX-Request": "true", "HX-Target": "poll-proposals"}


def active_content(html: str) -> list[str]:
    """Scripts, handlers and javascript: URLs in the poll content (<main>, or a whole partial).

    The site's own header (e.g. an SVG icon) is left out: it is not what members typed.
    """
    if "<main" in html:
        html = html[html.index("<main") : html.index("</main>")]
    return _active_content(html)


def poll_form(**overrides):
    data = {
        "question": "Mikä teema seuraavaan verkkoklinikkaan?",
        "description": "Äänestä **suosikkiasi**.",
        "options": [*THEMES, "", ""],
        "proposals_close_at": "",
        "opens_at": "2030-01-10T09:00",
        "closes_at": "2030-01-17T16:00",
    }
    data.update(overrides)
    return data


def votes() -> int:
    return db.session.scalar(select(func.count()).select_from(PollVote))


# --- Creating and editing -----------------------------------------------------------------


def test_moderator_creates_a_poll_in_finnish_time(client, login, moderator):
    login(moderator)
    page = client.get("/polls/new")
    assert page.status_code == 200 and 'type="datetime-local"' in page.text
    assert page.text.count('name="options"') == 10
    resp = client.post("/polls/new", data=poll_form(proposals_close_at="2030-01-03T12:00"))
    assert resp.status_code == 303, resp.text
    poll = db.session.scalar(select(Poll))
    assert resp.headers["Location"].endswith(f"/polls/{poll.id}")
    assert poll.opens_at == datetime(2030, 1, 10, 7, 0, tzinfo=UTC)  # EET is UTC+2 in January
    assert poll.closes_at == datetime(2030, 1, 17, 14, 0, tzinfo=UTC)
    assert poll.proposals_close_at == datetime(2030, 1, 3, 10, 0, tzinfo=UTC)
    assert [o.label for o in poll.options] == list(THEMES)
    page = client.get(resp.headers["Location"]).text
    assert "<h1" in page and "Mikä teema seuraavaan verkkoklinikkaan?" in page
    assert "<strong>suosikkiasi</strong>" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"question": ""}, "Write the question of the poll."),
        ({"question": "x" * 301}, "Write at most 300 characters."),
        ({"options": ["Yksi", "", ""]}, "Give at least 2 options."),
        ({"options": ["Sama", "sama"]}, "Each option must be different."),
        ({"options": ["A", "x" * 201]}, "An option can be at most 200 characters long."),
        ({"closes_at": "2030-01-09T09:00"}, "Voting must close after it opens."),
        (
            {"proposals_close_at": "2030-01-11T09:00"},
            "The proposal phase must end before voting opens.",
        ),
        ({"opens_at": ""}, "Give the time voting opens."),
        ({"opens_at": "ensi viikolla"}, "Give a date and time, for example 3.11.2025 9.00."),
    ],
)
def test_poll_form_errors_answer_422(client, login, moderator, overrides, message):
    login(moderator)
    resp = client.post("/polls/new", data=poll_form(**overrides))
    assert resp.status_code == 422
    assert message in resp.text and 'class="form-errors"' in resp.text
    assert db.session.scalar(select(func.count()).select_from(Poll)) == 0


def test_the_form_keeps_what_was_typed(client, login, moderator):
    login(moderator)
    resp = client.post("/polls/new", data=poll_form(closes_at="2030-01-01T09:00"))
    assert resp.status_code == 422
    assert f'value="{THEMES[2]}"' in resp.text and 'value="2030-01-10T09:00"' in resp.text


@pytest.mark.parametrize("role", [Role.MEMBER, Role.AREA_CONTACT])
def test_members_cannot_create_or_edit_polls(client, login, make_user, make_poll, role):
    poll = make_poll(phase="upcoming")
    login(make_user(role=role))
    assert client.get("/polls/new").status_code == 403
    assert client.post("/polls/new", data=poll_form()).status_code == 403
    assert client.get(f"/polls/{poll.id}/edit").status_code == 403
    assert client.post(f"/polls/{poll.id}/edit", data=poll_form()).status_code == 403
    assert "New poll" not in client.get("/polls").text
    assert "Edit poll" not in client.get(f"/polls/{poll.id}").text
    assert db.session.scalar(select(func.count()).select_from(Poll)) == 1


def test_visitors_are_sent_to_login(client, make_poll, htmx_headers):
    poll = make_poll()
    assert "/login" in client.get("/polls/new").headers["Location"]
    resp = client.post(f"/polls/{poll.id}/vote", data={"option": poll.options[0].id})
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]
    resp = client.post(
        f"/polls/{poll.id}/vote", data={"option": poll.options[0].id}, headers=htmx_headers
    )
    assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]
    assert votes() == 0


def test_moderator_edits_a_poll_before_it_opens(client, login, moderator, make_poll):
    poll = make_poll(phase="upcoming")
    login(moderator)
    page = client.get(f"/polls/{poll.id}/edit")
    assert page.status_code == 200 and f'value="{THEMES[1]}"' in page.text
    local = poll.opens_at.astimezone(ZoneInfo("Europe/Helsinki"))
    assert f'value="{local:%Y-%m-%dT%H:%M}"' in page.text  # shown in Finnish time
    resp = client.post(
        f"/polls/{poll.id}/edit",
        data=poll_form(question="Mikä teema kevään verkkoklinikkaan?", options=["Uusi", THEMES[0]]),
    )
    assert resp.status_code == 303
    db.session.expire_all()
    poll = db.session.get(Poll, poll.id)
    assert poll.question == "Mikä teema kevään verkkoklinikkaan?"
    assert [o.label for o in poll.options] == ["Uusi", THEMES[0]]


@pytest.mark.parametrize("phase", ["open", "closed"])
def test_open_and_closed_polls_cannot_be_edited(client, login, moderator, make_poll, phase):
    poll = make_poll(phase=phase)
    login(moderator)
    assert "Edit poll" not in client.get(f"/polls/{poll.id}").text
    resp = client.post(f"/polls/{poll.id}/edit", data=poll_form(question="Muutettu"))
    assert resp.status_code == 303
    assert "only until voting opens" in client.get(resp.headers["Location"]).text
    db.session.expire_all()
    assert db.session.get(Poll, poll.id).question != "Muutettu"


def test_unknown_ids_are_404(client, login, moderator, make_poll):
    poll = make_poll(phase="proposals")
    other = make_poll(phase="proposals", question="Toinen")
    proposal = services.propose_option(
        poll=other, proposer=moderator, label="Muualla", now=utcnow()
    )
    db.session.commit()
    login(moderator)
    assert client.get("/polls/999999").status_code == 404
    assert client.get("/polls/999999/edit").status_code == 404
    assert client.post("/polls/999999/vote", data={"option": "1"}).status_code == 404
    assert client.post("/polls/999999/proposals", data={"label": "x"}).status_code == 404
    assert client.post(f"/polls/{poll.id}/options/999999/accept").status_code == 404
    # An option of another poll is unknown in this poll.
    assert client.post(f"/polls/{poll.id}/options/{proposal.id}/accept").status_code == 404
    db.session.expire_all()
    assert db.session.get(type(proposal), proposal.id).status == OptionStatus.PROPOSED


# --- Voting -------------------------------------------------------------------------------


def test_vote_without_javascript_and_change_it(client, login, make_user, make_poll):
    poll = make_poll()
    login(make_user())
    page = client.get(f"/polls/{poll.id}").text
    assert "<fieldset" in page and f"<legend>{poll.question}</legend>" in page
    assert page.count('type="radio" name="option"') == 3 and " checked" not in page
    resp = client.post(f"/polls/{poll.id}/vote", data={"option": option(poll, THEMES[1]).id})
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"/polls/{poll.id}")
    page = client.get(resp.headers["Location"]).text
    assert "Your vote is saved." in page
    assert f"You voted for {THEMES[1]}." in page
    assert f'value="{option(poll, THEMES[1]).id}" checked' in page and "Change vote" in page
    resp = client.post(f"/polls/{poll.id}/vote", data={"option": option(poll, THEMES[0]).id})
    assert resp.status_code == 303
    assert f"You voted for {THEMES[0]}." in client.get(f"/polls/{poll.id}").text
    assert votes() == 1


def test_vote_with_htmx_swaps_the_ballot(client, login, make_user, make_poll):
    poll = make_poll()
    login(make_user())
    resp = client.post(
        f"/polls/{poll.id}/vote", data={"option": option(poll, THEMES[2]).id}, headers=FRAGMENT
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.strip().startswith('<section class="panel poll-ballot" id="poll-vote"')
    assert "Your vote is saved." in resp.text and f"You voted for {THEMES[2]}." in resp.text


def test_boosted_vote_gets_a_full_page(client, login, make_user, make_poll):
    poll = make_poll()
    login(make_user())
    resp = client.post(
        f"/polls/{poll.id}/vote",
        data={"option": poll.options[0].id},
        headers={**FRAGMENT, "HX-Boosted": "true"},
    )
    assert resp.status_code == 303


@pytest.mark.parametrize("headers", [{}, FRAGMENT])
def test_vote_without_a_choice_is_422(client, login, make_user, make_poll, headers):
    poll = make_poll()
    login(make_user())
    resp = client.post(f"/polls/{poll.id}/vote", data={}, headers=headers)
    assert resp.status_code == 422 and "Choose an option." in resp.text
    assert 'aria-invalid="true"' in resp.text
    assert ("<html" in resp.text) == (not headers)


@pytest.mark.parametrize("value", ["abc", "999999", str(2**63), "9" * 40, "-1", "0", str(2**31)])
@pytest.mark.parametrize("headers", [{}, FRAGMENT])
def test_vote_for_an_unknown_option_is_422(client, login, make_user, make_poll, value, headers):
    """Also an option number no database integer holds: a form error, not a 500."""
    poll = make_poll()
    login(make_user())
    resp = client.post(f"/polls/{poll.id}/vote", data={"option": value}, headers=headers)
    assert resp.status_code == 422 and "Choose one of the options given." in resp.text
    assert votes() == 0


def test_vote_for_another_polls_option_is_422(client, login, make_user, make_poll):
    poll, other = make_poll(), make_poll(question="Toinen kysely")
    login(make_user())
    resp = client.post(f"/polls/{poll.id}/vote", data={"option": other.options[0].id})
    assert resp.status_code == 422 and "Choose one of the options given." in resp.text
    assert votes() == 0


@pytest.mark.parametrize("status", [OptionStatus.PROPOSED, OptionStatus.REJECTED])
def test_vote_for_an_option_off_the_ballot_is_422(client, login, make_user, make_poll, status):
    poll = make_poll()
    poll.options[0].status = status
    db.session.commit()
    login(make_user())
    resp = client.post(
        f"/polls/{poll.id}/vote", data={"option": poll.options[0].id}, headers=FRAGMENT
    )
    assert resp.status_code == 422 and votes() == 0


@pytest.mark.parametrize(
    ("phase", "message"),
    [
        ("upcoming", "Voting has not opened yet."),
        ("proposals", "Voting has not opened yet."),
        ("closed", "The poll has closed"),
    ],
)
def test_no_votes_outside_the_voting_time(client, login, make_user, make_poll, phase, message):
    poll = make_poll(phase=phase)
    login(make_user())
    assert 'type="radio"' not in client.get(f"/polls/{poll.id}").text
    resp = client.post(
        f"/polls/{poll.id}/vote", data={"option": poll.options[0].id}, headers=FRAGMENT
    )
    assert resp.status_code == 422 and message in resp.text
    assert votes() == 0


def test_visitor_sees_the_options_and_a_login_link(client, make_poll):
    poll = make_poll()
    page = client.get(f"/polls/{poll.id}").text
    assert THEMES[0] in page and "Log in to vote." in page and 'type="radio"' not in page


# --- Results --------------------------------------------------------------------------------


def test_results_are_hidden_while_the_poll_is_open(client, login, make_user, make_poll, cast):
    poll = make_poll()
    member = make_user()
    for label in (THEMES[0], THEMES[0], THEMES[1]):
        cast(poll, make_user(), label)
    cast(poll, member, THEMES[0])
    login(member)
    for page in (
        client.get(f"/polls/{poll.id}").text,
        client.get("/polls").text,
        client.post(
            f"/polls/{poll.id}/vote", data={"option": poll.options[1].id}, headers=FRAGMENT
        ).text,
    ):
        assert ">Results<" not in page and "<meter" not in page and "winning" not in page
        assert " votes" not in page and "votes in total" not in page and "%)" not in page


def test_results_after_closing_show_counts_chart_and_winner(
    client, login, make_user, make_poll, cast
):
    poll = make_poll(phase="closed")
    member = make_user()
    cast(poll, member, THEMES[0])
    cast(poll, make_user(), THEMES[0])
    cast(poll, make_user(), THEMES[1])
    login(member)
    page = client.get(f"/polls/{poll.id}").text
    assert f"The winning option: {THEMES[0]}, with 2 votes." in page
    assert "2 votes" in page and "1 vote " in page and "0 votes" in page
    assert "3 votes in total." in page
    assert page.count('<meter class="bar" min="0" max="3"') == 3
    assert '<meter class="bar" min="0" max="3" value="2"' in page
    assert "(your vote)" in page and 'type="radio"' not in page
    assert page.index(THEMES[0]) < page.index(THEMES[1]) < page.index(THEMES[2])
    listing = client.get("/polls").text
    assert f"The winning option: {THEMES[0]}, with 2 votes." in listing


def test_a_tie_is_announced_as_a_tie(client, make_user, make_poll, cast):
    poll = make_poll(phase="closed")
    cast(poll, make_user(), THEMES[1])
    cast(poll, make_user(), THEMES[2])
    page = client.get(f"/polls/{poll.id}").text
    assert f"It is a tie between {THEMES[1]} · {THEMES[2]}, with 1 vote each." in page
    assert "The winning option" not in page


def test_a_poll_without_votes_has_no_winner(client, make_poll):
    poll = make_poll(phase="closed")
    page = client.get(f"/polls/{poll.id}").text
    assert "No votes were given." in page and "0 votes in total." in page


def notified_users() -> list[int]:
    return sorted(db.session.scalars(select(Notification.user_id)))


def test_a_closed_poll_page_shows_results_but_announces_nothing(
    client, login, make_user, make_poll, cast
):
    """Reading a page never writes: results are counted at read time, nobody is notified."""
    poll = make_poll(phase="closed")
    voters = [make_user(), make_user()]
    for voter in voters:
        cast(poll, voter, THEMES[0])
    for reader in (None, voters[0], make_user()):
        if reader is not None:
            login(reader)
        resp = client.get(f"/polls/{poll.id}")
        assert resp.status_code == 200
        assert f"The winning option: {THEMES[0]}, with 2 votes." in resp.text
        assert "2 votes in total." in resp.text
    db.session.expire_all()
    assert db.session.get(Poll, poll.id).results_announced_at is None
    assert notified_users() == []


def test_cron_announces_a_closed_poll_once_after_its_page_was_read(
    client, runner, make_user, make_poll, cast
):
    poll = make_poll(phase="closed")
    voters = [make_user(), make_user()]
    for voter in voters:
        cast(poll, voter, THEMES[1])
    assert client.get(f"/polls/{poll.id}").status_code == 200
    first = runner.invoke(args=["polls", "announce"])
    assert first.exit_code == 0, first.output
    assert f"Announced poll {poll.id}" in first.output
    assert "Announced the results of 1 poll(s)." in first.output
    assert client.get(f"/polls/{poll.id}").status_code == 200
    again = runner.invoke(args=["polls", "announce"])
    assert again.exit_code == 0 and "Announced the results of 0 poll(s)." in again.output
    db.session.commit()  # a fresh snapshot of what the command committed
    assert notified_users() == sorted(v.id for v in voters)
    assert db.session.get(Poll, poll.id).results_announced_at is not None


def test_an_open_poll_page_announces_nothing(client, make_user, make_poll, cast):
    poll = make_poll()
    cast(poll, make_user(), THEMES[0])
    client.get(f"/polls/{poll.id}")
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0
    db.session.expire_all()
    assert db.session.get(Poll, poll.id).results_announced_at is None


# --- Proposals ----------------------------------------------------------------------------


def test_member_proposes_an_option_without_javascript(client, login, make_user, make_poll):
    poll = make_poll(phase="proposals")
    member = login(make_user())
    page = client.get(f"/polls/{poll.id}").text
    assert 'id="poll-proposals"' in page and 'name="label"' in page
    resp = client.post(f"/polls/{poll.id}/proposals", data={"label": "Tekoäly sotessa"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith("#poll-proposals")
    page = client.get(resp.headers["Location"]).text
    assert "The moderators will look at your proposal" in page
    assert "Tekoäly sotessa" in page and f"Proposed by {member.name}" in page
    db.session.expire_all()
    proposal = option(db.session.get(Poll, poll.id), "Tekoäly sotessa")
    assert proposal.status == OptionStatus.PROPOSED and proposal.proposed_by_id == member.id


def test_member_proposes_with_htmx(client, login, make_user, make_poll):
    poll = make_poll(phase="proposals")
    login(make_user())
    resp = client.post(
        f"/polls/{poll.id}/proposals", data={"label": "Uusi teema"}, headers=PROPOSALS
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.strip().startswith('<section class="panel poll-proposals" id="poll-proposals"')
    assert "Uusi teema" in resp.text and 'value=""' in resp.text


@pytest.mark.parametrize(
    ("label", "message"),
    [
        ("", "Write the option you propose."),
        ("x" * 201, "Write at most 200 characters."),
        (THEMES[0].lower(), "That option has already been proposed."),
    ],
)
@pytest.mark.parametrize("headers", [{}, PROPOSALS])
def test_bad_proposals_are_422(client, login, make_user, make_poll, label, message, headers):
    poll = make_poll(phase="proposals")
    login(make_user())
    resp = client.post(f"/polls/{poll.id}/proposals", data={"label": label}, headers=headers)
    assert resp.status_code == 422 and message in resp.text
    assert 'aria-invalid="true"' in resp.text
    db.session.expire_all()
    assert len(db.session.get(Poll, poll.id).options) == 3


@pytest.mark.parametrize("phase", ["open", "upcoming", "closed"])
def test_no_proposals_outside_the_proposal_phase(client, login, make_user, make_poll, phase):
    poll = make_poll(phase=phase)
    login(make_user())
    assert 'name="label"' not in client.get(f"/polls/{poll.id}").text
    resp = client.post(f"/polls/{poll.id}/proposals", data={"label": "Myöhässä"}, headers=PROPOSALS)
    assert resp.status_code == 422 and "only during the poll’s proposal phase" in resp.text
    db.session.expire_all()
    assert len(db.session.get(Poll, poll.id).options) == 3


def make_proposal(poll, label="Tekoäly sotessa", proposer=None):
    proposal = services.propose_option(
        poll=poll, proposer=proposer or poll.created_by, label=label, now=utcnow()
    )
    db.session.commit()
    return proposal


def test_moderator_accepts_a_proposal_with_htmx(client, login, moderator, make_poll):
    poll = make_poll(phase="proposals")
    proposal = make_proposal(poll)
    login(moderator)
    page = client.get(f"/polls/{poll.id}").text
    assert "Accept" in page and "Reject" in page
    resp = client.post(f"/polls/{poll.id}/options/{proposal.id}/accept", headers=PROPOSALS)
    assert resp.status_code == 200 and "<html" not in resp.text
    assert "“Tekoäly sotessa” is now an option." in resp.text
    # The ballot is updated out of band.
    assert 'id="poll-vote"' in resp.text and 'hx-swap-oob="true"' in resp.text
    db.session.expire_all()
    assert db.session.get(type(proposal), proposal.id).status == OptionStatus.ACCEPTED


def test_moderator_rejects_a_proposal_without_javascript(client, login, moderator, make_poll):
    poll = make_poll(phase="proposals")
    proposal = make_proposal(poll)
    login(moderator)
    resp = client.post(f"/polls/{poll.id}/options/{proposal.id}/reject")
    assert resp.status_code == 303
    page = client.get(resp.headers["Location"]).text
    assert "The proposal “Tekoäly sotessa” was rejected." in page and "1 rejected proposal" in page
    db.session.expire_all()
    assert db.session.get(type(proposal), proposal.id).status == OptionStatus.REJECTED
    resp = client.post(f"/polls/{poll.id}/options/{proposal.id}/accept", headers=PROPOSALS)
    assert resp.status_code == 422 and "already been decided" in resp.text


def test_members_cannot_decide_proposals(client, login, make_user, make_poll):
    poll = make_poll(phase="proposals")
    proposal = make_proposal(poll)
    login(make_user())
    assert "Accept" not in client.get(f"/polls/{poll.id}").text
    for action in ("accept", "reject"):
        resp = client.post(f"/polls/{poll.id}/options/{proposal.id}/{action}")
        assert resp.status_code == 403
    db.session.expire_all()
    assert db.session.get(type(proposal), proposal.id).status == OptionStatus.PROPOSED


def test_proposals_cannot_be_decided_once_voting_opened(client, login, moderator, make_poll):
    now = utcnow()
    poll = make_poll(
        phase="open", proposals_close_at=now - timedelta(days=2), opens_at=now - timedelta(days=1)
    )
    poll.options[0].status = OptionStatus.PROPOSED  # left undecided when voting opened
    db.session.commit()
    login(moderator)
    resp = client.post(f"/polls/{poll.id}/options/{poll.options[0].id}/accept")
    assert resp.status_code == 303
    assert "can no longer change" in client.get(resp.headers["Location"]).text


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_xss_in_proposals_and_polls_is_inert(
    client, login, moderator, make_user, make_poll, payload
):
    poll = make_poll(phase="proposals", question=f"Kysymys {payload}"[:300])
    member = login(make_user(name=f"Nimi {payload}"[:120]))
    resp = client.post(f"/polls/{poll.id}/proposals", data={"label": f"Ehdotus {payload}"[:200]})
    assert resp.status_code == 303
    page = client.get(f"/polls/{poll.id}").text
    assert active_content(page) == [] and (payload not in page or "<" not in payload)
    login(moderator)
    page = client.get(f"/polls/{poll.id}").text
    assert active_content(page) == [] and (payload not in page or "<" not in payload)
    assert "&lt;" in page or "<" not in payload
    proposal = next(
        o for o in db.session.get(Poll, poll.id).options if o.proposed_by_id == member.id
    )
    resp = client.post(f"/polls/{poll.id}/options/{proposal.id}/accept", headers=PROPOSALS)
    assert resp.status_code == 200 and active_content(resp.text) == []
    for url in ("/polls", f"/polls/{poll.id}/edit"):
        page = client.get(url).text
        assert active_content(page) == [] and (payload not in page or "<" not in payload), url


# --- Lists and the front-page partial -----------------------------------------------------


def test_poll_list_groups_polls_by_phase(client, make_poll):
    make_poll(phase="open", question="Avoin kysely")
    make_poll(phase="proposals", question="Ehdotusvaiheen kysely")
    make_poll(phase="upcoming", question="Tuleva kysely")
    make_poll(phase="closed", question="Päättynyt kysely")
    page = client.get("/polls").text
    assert page.count("<h1") == 1 and 'class="skip-link"' in page
    open_at = page.index("Open for voting")
    coming_at = page.index("Coming up")
    closed_at = page.index("Closed</h2>")
    assert open_at < page.index("Avoin kysely") < coming_at
    assert coming_at < page.index("Ehdotusvaiheen kysely") < closed_at
    assert coming_at < page.index("Tuleva kysely") < closed_at
    assert closed_at < page.index("Päättynyt kysely")


def test_empty_poll_list(client):
    page = client.get("/polls").text
    assert "No poll is open right now." in page and "No poll has closed yet." in page


def test_front_page_lists_the_polls_members_can_act_on(client, make_poll):
    open_poll = make_poll(phase="open", question="Avoin kysely")
    proposing = make_poll(phase="proposals", question="Ehdotusvaiheen kysely")
    make_poll(phase="upcoming", question="Tuleva kysely")
    make_poll(phase="closed", question="Päättynyt kysely")
    page = client.get("/").text
    assert 'id="open-polls"' in page
    teaser = page[page.index('id="open-polls"') :].split("</section>")[0]
    assert f'href="/polls/{open_poll.id}"' in teaser and f'href="/polls/{proposing.id}"' in teaser
    assert "Tuleva kysely" not in page and "Päättynyt kysely" not in page
    assert "Voting is open." in teaser and "Options can be proposed." in teaser


def test_front_page_has_no_poll_panel_without_polls_to_act_on(client, make_poll):
    make_poll(phase="closed")
    assert 'id="open-polls"' not in client.get("/").text


def test_poll_pages_have_one_h1_and_no_inline_script_or_style(
    client, login, moderator, make_poll, cast, make_user
):
    polls = [make_poll(phase=p) for p in ("open", "proposals", "upcoming", "closed")]
    cast(polls[3], make_user(), THEMES[0])
    login(moderator)
    urls = ["/polls", "/polls/new", f"/polls/{polls[2].id}/edit"] + [
        f"/polls/{p.id}" for p in polls
    ]
    for url in urls:
        page = client.get(url).text
        assert page.count("<h1") == 1, url
        assert inline_code(page) == [], url
        assert active_content(page) == [], url


def test_dates_are_shown_in_finnish_format(client, make_poll):
    poll = make_poll(
        phase="upcoming",
        opens_at=datetime(2031, 11, 3, 7, 0, tzinfo=UTC),
        closes_at=datetime(2031, 11, 10, 14, 0, tzinfo=UTC),
    )
    client.set_cookie("idealaari_lang", "fi", domain="idealaari.test")
    page = client.get(f"/polls/{poll.id}").text
    assert "3.11.2031 9.00" in page and "10.11.2031 16.00" in page  # Helsinki time, UTC+2
