"""The public vote of a challenge: one vote per entry, or a budget; never for one's own entry;
refused outside the voting phase; exact under parallel requests; hidden until voting closes."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from idealaari.challenges import voting
from idealaari.challenges.models import Entry, EntryVote, VoteBudget, VotingMode
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from tests.challenges.conftest import timeline
from tests.conftest import logged_in_client


@pytest.fixture
def voting_challenge(make_challenge, make_idea):
    """A challenge in voting with three entries; `mode` and `budget` as asked."""

    def make(*, mode=VotingMode.SINGLE, budget=2, hide=True, phase="voting", entries=3):
        challenge = make_challenge(
            phase=phase, voting_mode=mode, vote_budget=budget, hide_votes_until_closed=hide
        )
        for _ in range(entries):
            idea = make_idea()
            db.session.add(
                Entry(challenge_id=challenge.id, idea_id=idea.id, entered_by_id=idea.author_id)
            )
        db.session.commit()
        return challenge

    return make


def fresh_count(entry) -> int:
    db.session.commit()
    return db.session.get(Entry, entry.id).vote_count


def rows(challenge, user=None) -> int:
    query = (
        select(func.count()).select_from(EntryVote).where(EntryVote.challenge_id == challenge.id)
    )
    if user is not None:
        query = query.where(EntryVote.user_id == user.id)
    return db.session.scalar(query)


def test_one_vote_per_entry_and_withdrawing(voting_challenge, make_user):
    challenge = voting_challenge()
    voter = make_user()
    first, second, _ = challenge.entries
    assert voting.cast_vote(entry=first, voter=voter) is True
    assert voting.cast_vote(entry=first, voter=voter) is False  # twice is once
    assert voting.cast_vote(entry=second, voter=voter) is True
    db.session.commit()
    assert fresh_count(first) == 1 and fresh_count(second) == 1 and rows(challenge) == 2
    assert voting.withdraw_vote(entry=first, voter=voter) is True
    assert voting.withdraw_vote(entry=first, voter=voter) is False
    db.session.commit()
    assert fresh_count(first) == 0 and rows(challenge) == 1


def test_a_budget_cannot_be_exceeded_and_a_withdrawal_frees_a_vote(voting_challenge, make_user):
    challenge = voting_challenge(mode=VotingMode.BUDGET, budget=2)
    voter = make_user()
    a, b, c = challenge.entries
    voting.cast_vote(entry=a, voter=voter)
    voting.cast_vote(entry=b, voter=voter)
    with pytest.raises(voting.ChallengeVoteError, match="used all your 2 votes"):
        voting.cast_vote(entry=c, voter=voter)
    db.session.commit()
    assert rows(challenge, voter) == 2 and fresh_count(c) == 0  # the refused vote left nothing
    assert db.session.get(VoteBudget, (challenge.id, voter.id)).used == 2
    voting.withdraw_vote(entry=a, voter=voter)
    assert voting.cast_vote(entry=c, voter=voter) is True
    db.session.commit()
    assert db.session.get(VoteBudget, (challenge.id, voter.id)).used == 2
    assert voting.ballot(voter, challenge, utcnow()).voted == {b.id, c.id}


@pytest.mark.parametrize(
    ("phase", "message"),
    [
        ("submission", "Voting opens when submission closes."),
        ("evaluation", "Voting has closed."),
        ("results", "Voting has closed."),
    ],
)
def test_voting_is_refused_outside_the_voting_phase(voting_challenge, make_user, phase, message):
    challenge = voting_challenge(phase=phase)
    with pytest.raises(voting.ChallengeVoteError, match=message):
        voting.cast_vote(entry=challenge.entries[0], voter=make_user())


def test_entrants_cannot_vote_for_their_own_entry(voting_challenge, make_user):
    challenge = voting_challenge()
    entry = challenge.entries[0]
    author = entry.idea.author
    with pytest.raises(voting.ChallengeVoteError, match="your own entry"):
        voting.cast_vote(entry=entry, voter=author)
    assert voting.cast_vote(entry=challenge.entries[1], voter=author) is True  # others' are fine


def test_a_co_editor_cannot_vote_for_the_entry_either(voting_challenge, make_user):
    challenge = voting_challenge()
    entry = challenge.entries[0]
    co_editor = make_user()
    entry.idea.co_editors.append(co_editor)
    db.session.commit()
    with pytest.raises(voting.ChallengeVoteError, match="your own entry"):
        voting.cast_vote(entry=entry, voter=co_editor)


def test_no_vote_without_a_voting_phase(make_challenge, make_idea, make_user):
    challenge = make_challenge(phase="voting", voting_mode=VotingMode.NONE, voting_closes_at=None)
    idea = make_idea()
    entry = Entry(challenge_id=challenge.id, idea_id=idea.id)
    db.session.add(entry)
    db.session.commit()
    with pytest.raises(voting.ChallengeVoteError, match="no public vote"):
        voting.cast_vote(entry=entry, voter=make_user())


def test_unverified_members_cannot_vote(voting_challenge, make_user):
    challenge = voting_challenge()
    with pytest.raises(voting.ChallengeVoteError, match="Confirm your e-mail"):
        voting.cast_vote(entry=challenge.entries[0], voter=make_user(verified=False))


# --------------------------------------------------------------------------- pages


def test_voting_through_the_page_and_htmx(client, login, voting_challenge, make_user):
    challenge = voting_challenge(mode=VotingMode.BUDGET, budget=1)
    voter = login(make_user())
    a, b, _ = challenge.entries
    page = client.get(f"/challenges/{challenge.id}", follow_redirects=True).text
    assert "You have 1 of 1 vote left." in page and "Vote for this entry" in page
    resp = client.post(
        f"/challenges/{challenge.id}/entries/{a.id}/vote",
        headers={"HX-Request": "true", "HX-Target": f"entry-vote-{a.id}"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert "Withdraw my vote" in resp.text and 'id="vote-budget"' in resp.text
    assert "You have 0 of 1 vote left." in resp.text
    # The other entries' buttons are refreshed out of band: the budget is spent.
    assert f'id="entry-vote-{b.id}"' in resp.text and "You have used all your votes." in resp.text
    resp = client.post(f"/challenges/{challenge.id}/entries/{b.id}/vote")
    assert resp.status_code == 303
    assert "used all your 1 votes" in client.get(resp.headers["Location"]).text
    assert rows(challenge, voter) == 1


def test_a_refused_htmx_vote_says_why_in_place(client, login, voting_challenge):
    challenge = voting_challenge()
    entry = challenge.entries[0]
    login(entry.idea.author)
    resp = client.post(
        f"/challenges/{challenge.id}/entries/{entry.id}/vote",
        headers={"HX-Request": "true", "HX-Target": f"entry-vote-{entry.id}"},
    )
    assert resp.status_code == 422 and "You cannot vote for your own entry." in resp.text
    assert rows(challenge) == 0


def test_vote_routes_refuse_the_anonymous_and_unknown_entries(
    client, login, voting_challenge, make_challenge, make_user
):
    challenge = voting_challenge()
    entry = challenge.entries[0]
    url = f"/challenges/{challenge.id}/entries/{entry.id}/vote"
    resp = client.post(url)
    assert resp.status_code in (302, 303) and "/login" in resp.headers["Location"]
    login(make_user())
    other = make_challenge(phase="voting")
    assert client.post(f"/challenges/{other.id}/entries/{entry.id}/vote").status_code == 404
    assert client.post(f"/challenges/{challenge.id}/entries/{2**31}/vote").status_code == 404
    assert rows(challenge) == 0


def test_votes_on_a_proposal_are_not_found(client, login, area_contact, make_user):
    from idealaari.challenges import services
    from tests.challenges.conftest import fields

    proposal = services.propose_challenge(
        actor=area_contact, values=fields(area_contact.organisation)
    )
    db.session.commit()
    login(make_user())
    assert client.post(f"/challenges/{proposal.id}/entries/1/vote").status_code == 404


def test_counts_are_hidden_until_voting_closes(client, login, voting_challenge, make_user):
    hidden = voting_challenge(hide=True)
    entry = hidden.entries[0]
    voting.cast_vote(entry=entry, voter=make_user())
    db.session.commit()
    page = client.get(f"/challenges/{hidden.id}", follow_redirects=True).text
    assert "The votes are shown when voting closes." in page
    assert 'class="vote-number"' not in page
    for name, value in timeline("evaluation").items():
        setattr(hidden, name, value)
    db.session.commit()
    page = client.get(f"/challenges/{hidden.id}", follow_redirects=True).text
    assert '<span class="vote-number">1</span>' in page
    shown = voting_challenge(hide=False)
    voting.cast_vote(entry=shown.entries[0], voter=make_user())
    db.session.commit()
    page = client.get(f"/challenges/{shown.id}", follow_redirects=True).text
    assert '<span class="vote-number">1</span>' in page


# --------------------------------------------------------------------------- concurrency


def test_parallel_votes_cannot_exceed_a_budget(app, voting_challenge, make_user):
    """Six entries, a budget of two, six parallel votes from one member: two count."""
    challenge = voting_challenge(mode=VotingMode.BUDGET, budget=2, entries=6)
    voter = make_user()
    urls = [f"/challenges/{challenge.id}/entries/{e.id}/vote" for e in challenge.entries]
    clients = [logged_in_client(app, voter) for _ in urls]
    db.session.commit()
    with ThreadPoolExecutor(max_workers=len(urls)) as pool:
        posts = zip(clients, urls, strict=True)
        statuses = list(pool.map(lambda pair: pair[0].post(pair[1]).status_code, posts))
    assert set(statuses) == {303}
    db.session.commit()
    assert rows(challenge, voter) == 2
    assert db.session.get(VoteBudget, (challenge.id, voter.id)).used == 2
    assert sum(fresh_count(e) for e in challenge.entries) == 2


def test_parallel_voters_all_count_and_double_clicks_once(app, voting_challenge, make_user):
    challenge = voting_challenge(mode=VotingMode.SINGLE, entries=1)
    entry = challenge.entries[0]
    url = f"/challenges/{challenge.id}/entries/{entry.id}/vote"
    voters = [make_user() for _ in range(6)]
    clients = [logged_in_client(app, v) for v in voters] + [
        logged_in_client(app, voters[0]) for _ in range(3)
    ]
    db.session.commit()
    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        statuses = list(pool.map(lambda c: c.post(url).status_code, clients))
    assert set(statuses) == {303}
    assert fresh_count(entry) == 6 == rows(challenge)
