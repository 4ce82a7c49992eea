"""E-mail verification: unverified members look around but do not take part until confirmed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from idealaari.accounts import services
from idealaari.comments.models import Comment
from idealaari.extensions import db
from idealaari.ideas.models import Idea, PartnerRole
from idealaari.partners.models import PartnerOffer
from idealaari.votes.models import Vote
from tests.ideas.test_views import idea_form

REFUSAL = "Confirm your e-mail address first: we sent you a link."


@pytest.fixture
def unverified(login, make_user):
    return login(make_user(verified=False))


@pytest.fixture
def open_idea(make_idea):
    idea = make_idea(seeks_partners=True, partner_roles=[PartnerRole.PILOT_SITE])
    return idea


def count(model) -> int:
    db.session.commit()
    return db.session.scalar(select(func.count()).select_from(model))


def test_unverified_member_looks_around_and_sees_why_not(client, unverified, open_idea):
    page = client.get(f"/ideas/{open_idea.id}", follow_redirects=True)
    assert page.status_code == 200
    assert REFUSAL in page.text
    assert 'id="verify-banner"' in page.text and "Send the link again" in page.text
    assert 'id="verify-banner"' in client.get("/").text


def test_verified_member_sees_no_banner(client, login, make_user):
    login(make_user())
    assert 'id="verify-banner"' not in client.get("/").text


def test_unverified_member_cannot_post_an_idea(client, unverified):
    resp = client.post("/ideas/new", data=idea_form(organisation=str(unverified.organisation_id)))
    assert resp.status_code == 422
    assert REFUSAL in resp.text
    assert count(Idea) == 0


def test_unverified_member_cannot_comment(client, unverified, open_idea):
    resp = client.post(f"/ideas/{open_idea.id}/comments", data={"body": "Hyvä idea"})
    assert resp.status_code in (403, 422)
    assert REFUSAL in resp.text
    assert count(Comment) == 0


def test_unverified_member_cannot_vote(client, unverified, open_idea):
    resp = client.post(f"/ideas/{open_idea.id}/vote")
    assert resp.status_code in (303, 403, 422)
    assert count(Vote) == 0
    if resp.status_code == 303:
        assert REFUSAL in client.get(resp.headers["Location"]).text


def test_unverified_member_cannot_offer_partnership(client, unverified, open_idea):
    resp = client.post(
        f"/ideas/{open_idea.id}/partners",
        data={
            "offer-role": "pilot_site",
            "offer-message": "Meillä on testiosasto.",
            "offer-organisation": str(unverified.organisation_id),
        },
        follow_redirects=True,
    )
    assert REFUSAL in resp.text
    assert count(PartnerOffer) == 0


def test_the_link_verifies_the_address(client, unverified):
    token = services.email_verification_token(unverified)
    page = client.get(f"/account/verify/{token}")
    assert page.status_code == 200 and "Confirm the address" in page.text
    db.session.refresh(unverified)
    assert unverified.email_verified_at is None  # opening the link alone confirms nothing
    resp = client.post(f"/account/verify/{token}")
    assert resp.status_code == 303
    db.session.refresh(unverified)
    assert unverified.email_verified_at is not None
    assert 'id="verify-banner"' not in client.get("/").text


@pytest.mark.parametrize("token", ["nonsense", "x" * 2000])
def test_a_bad_link_is_refused_clearly(client, token):
    resp = client.get(f"/account/verify/{token}")
    assert resp.status_code in (400, 404)
    if resp.status_code == 400:
        assert "This link is not valid" in resp.text


def test_an_email_change_link_sets_the_new_address(client, app, make_user):
    user = make_user()
    token = services.email_verification_token(user, "uusi.osoite@example.fi")
    assert client.post(f"/account/verify/{token}").status_code == 303
    db.session.refresh(user)
    assert user.email == "uusi.osoite@example.fi" and user.email_verified_at is not None


def test_an_email_change_link_is_refused_when_the_address_was_taken(client, make_user):
    user = make_user()
    token = services.email_verification_token(user, "varattu@example.fi")
    make_user(email="varattu@example.fi")
    resp = client.post(f"/account/verify/{token}")
    assert resp.status_code == 400
    assert "now belongs to another account" in resp.text
    db.session.refresh(user)
    assert user.email != "varattu@example.fi"


def test_send_the_link_again_mails_it_and_is_rate_limited(client, unverified, smtp_server, link):
    for _ in range(3):
        resp = client.post("/account/verify/resend", data={"next": "/ideas"})
        assert resp.status_code == 303 and resp.headers["Location"] == "/ideas"
    assert client.post("/account/verify/resend").status_code == 429
    [first, *_rest] = smtp_server.to(unverified.email)
    assert len(smtp_server.to(unverified.email)) == 3
    path = link(first, "/account/verify/")
    assert client.post(path).status_code == 303
    db.session.refresh(unverified)
    assert unverified.email_verified_at is not None


class _PollIn:
    def __init__(self, phase):
        self._phase = phase

    def phase(self, now):
        return self._phase


def test_unverified_member_cannot_vote_in_or_propose_to_polls(app, make_user):
    from idealaari import permissions
    from idealaari.dbtypes import utcnow
    from idealaari.polls.models import PollPhase

    now = utcnow()
    unverified, verified = make_user(verified=False), make_user()
    assert not permissions.can_vote_in_poll(unverified, _PollIn(PollPhase.OPEN), now)
    assert not permissions.can_propose_poll_option(unverified, _PollIn(PollPhase.PROPOSALS), now)
    assert permissions.can_vote_in_poll(verified, _PollIn(PollPhase.OPEN), now)
    assert permissions.can_propose_poll_option(verified, _PollIn(PollPhase.PROPOSALS), now)
    assert permissions.create_idea_refusal(unverified) == REFUSAL
    assert permissions.create_idea_refusal(verified) is None
