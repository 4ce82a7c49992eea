"""An owner may label comments that speak for it: a challenge's questions show "Problem owner"
by the answers of its managers and of the problem-owner organisation's members."""

from __future__ import annotations

import re

import pytest

from idealaari.accounts.models import Role
from idealaari.challenges import services as challenge_services
from idealaari.comments import owners, services
from idealaari.extensions import db
from idealaari.targets import TargetKind
from tests.challenges.conftest import fields, timeline

BADGE = '<span class="comment-badge">Problem owner</span>'


@pytest.fixture
def challenge(app, make_user, make_org):
    """A challenge in submission, owned by an organisation its creator does not belong to."""
    moderator = make_user(role=Role.MODERATOR)
    owner = make_org()
    challenge = challenge_services.propose_challenge(actor=moderator, values=fields(owner))
    for name, value in timeline("submission").items():
        setattr(challenge, name, value)
    db.session.commit()
    return challenge


def ask(challenge, author, body):
    comment = services.post_comment(discussion=challenge.discussion, author=author, body=body)
    db.session.commit()
    return comment


def badge_of(challenge, comment):
    return owners.owner_for(TargetKind.CHALLENGE, challenge).author_badge(comment)


def test_answers_from_the_problem_owner_get_the_badge(client, challenge, make_user):
    asker = make_user()
    question = ask(challenge, asker, "Saako kilpailuun osallistua keskeneräisellä idealla?")
    owner_staff = make_user(organisation=challenge.problem_owner)
    manager = challenge.managers[0]
    staff_answer = ask(challenge, owner_staff, "Saa, kunhan idea on julkaistu.")
    manager_answer = ask(challenge, manager, "Lisäksi idean voi päivittää kisan aikana.")

    assert badge_of(challenge, question) is None
    assert badge_of(challenge, staff_answer) == "Problem owner"
    assert badge_of(challenge, manager_answer) == "Problem owner"

    page = client.get(f"/challenges/{challenge.id}-{challenge.slug}").text
    assert page.count(BADGE) == 2
    for comment, badged in ((question, False), (staff_answer, True), (manager_answer, True)):
        article = re.search(rf'<article id="comment-{comment.id}".*?</header>', page, re.S)
        assert (BADGE in article.group(0)) is badged


def test_a_moderator_who_is_not_a_manager_gets_no_badge(challenge, make_user):
    moderator = make_user(role=Role.MODERATOR)
    comment = ask(challenge, moderator, "Muistakaa ystävällinen sävy.")
    assert badge_of(challenge, comment) is None


def test_a_member_of_another_organisation_gets_no_badge(challenge, make_user):
    assert badge_of(challenge, ask(challenge, make_user(), "Hyvä haaste!")) is None


def test_a_former_member_gets_no_badge(challenge, make_user):
    comment = ask(challenge, make_user(organisation=challenge.problem_owner), "Vastaus.")
    comment.author = None
    assert badge_of(challenge, comment) is None


def test_an_ideas_comments_have_no_badge(client, make_idea, make_user):
    idea = make_idea()
    comment = services.post_comment(
        discussion=idea.discussion, author=idea.author, body="Kiitos kommenteista!"
    )
    db.session.commit()
    assert owners.owner_for(TargetKind.IDEA, idea).author_badge(comment) is None
    assert 'class="comment-badge"' not in client.get(f"/ideas/{idea.id}-{idea.slug}").text


def test_an_owner_type_without_a_badge_gives_none(make_idea):
    owner_type = owners.OwnerType(
        TargetKind.IDEA, segment="x", model=object, refusal=lambda u, o: None, is_open=bool
    )
    idea = make_idea()
    comment = services.post_comment(discussion=idea.discussion, author=idea.author, body="Hei")
    assert owners.Owner(owner_type, idea).author_badge(comment) is None
