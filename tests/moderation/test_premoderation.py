"""Pre-moderation: a new member's first post waits until a moderator approves it."""

from __future__ import annotations

from idealaari.comments.models import Comment
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.moderation import services
from idealaari.moderation.items import Item
from idealaari.moderation.models import CaseKind, Decision, ModerationCase
from idealaari.site import settings
from idealaari.targets import TargetKind


def _premoderate(moderator):
    settings.change(actor=moderator, changes={"premoderation": True})
    db.session.commit()


def test_off_by_default(make_idea, members):
    idea = make_idea(author=members(1)[0])
    assert idea.status == IdeaStatus.PUBLISHED


def test_a_new_members_first_idea_waits_and_is_approved(make_idea, members, moderator, client):
    _premoderate(moderator)
    newcomer = members(1)[0]
    idea = make_idea(author=newcomer, title="Ensimmäinen ideani")
    assert idea.status == IdeaStatus.HIDDEN and idea.hidden_reason is None
    case = db.session.scalar(db.select(ModerationCase))
    assert case.kind == CaseKind.PREMODERATION
    assert "Ensimmäinen ideani" not in client.get("/ideas").text
    services.restore(moderator=moderator, item=Item(TargetKind.IDEA, idea), reason="Hyvä")
    db.session.commit()
    idea = db.session.get(Idea, idea.id)
    assert idea.status == IdeaStatus.PUBLISHED
    assert db.session.get(ModerationCase, case.id).decision == Decision.APPROVED
    # Approved once, the member posts freely.
    second = make_idea(author=newcomer)
    assert second.status == IdeaStatus.PUBLISHED


def test_a_new_members_first_comment_waits(make_idea, make_comment, members, moderator):
    _premoderate(moderator)
    idea = make_idea(author=moderator)
    comment = make_comment(idea=idea, author=members(1)[0])
    comment = db.session.get(Comment, comment.id)
    assert comment.hidden_at is not None
    assert services.is_waiting_for_approval("comment", comment)


def test_moderators_and_approved_members_are_not_held(make_idea, moderator):
    _premoderate(moderator)
    assert make_idea(author=moderator).status == IdeaStatus.PUBLISHED


def test_the_member_is_told_it_waits(client, login, members, moderator, make_idea):
    _premoderate(moderator)
    newcomer = members(1)[0]
    idea = make_idea(author=newcomer)
    login(newcomer)
    page = client.get(f"/ideas/{idea.id}", follow_redirects=True)
    assert "waits for a moderator" in page.text


def test_a_waiting_post_cannot_be_dismissed(make_idea, members, moderator):
    import pytest

    _premoderate(moderator)
    idea = make_idea(author=members(1)[0])
    with pytest.raises(services.ModerationError, match="Approve or hide"):
        services.dismiss(moderator=moderator, item=Item(TargetKind.IDEA, idea), reason="x")
