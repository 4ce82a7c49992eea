"""Merging duplicate B into A, and undoing it: counts exact before, after and after the undo."""

from __future__ import annotations

import pytest

from idealaari.comments.models import Comment
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus, PartnerRole
from idealaari.moderation import services
from idealaari.moderation.models import IdeaMerge
from idealaari.notifications import services as notification_services
from idealaari.notifications.models import Follow
from idealaari.partners import services as partner_services
from idealaari.partners.models import PartnerOffer
from idealaari.search import service as search
from idealaari.targets import TargetKind
from idealaari.votes import services as vote_services
from idealaari.votes.models import Vote


def _counts(*ideas):
    out = []
    for idea in ideas:
        idea = db.session.get(Idea, idea.id)
        db.session.refresh(idea)
        votes = db.session.scalar(db.select(db.func.count(Vote.id)).where(Vote.idea_id == idea.id))
        comments = db.session.scalar(
            db.select(db.func.count(Comment.id)).where(Comment.discussion_id == idea.discussion_id)
        )
        follows = db.session.scalar(
            db.select(db.func.count(Follow.id)).where(
                Follow.target == TargetKind.IDEA, Follow.target_id == idea.id
            )
        )
        offers = db.session.scalar(
            db.select(db.func.count(PartnerOffer.id)).where(PartnerOffer.idea_id == idea.id)
        )
        out.append((idea.vote_count, votes, comments, follows, offers))
    return out


@pytest.fixture
def pair(make_idea, members, make_comment):
    a = make_idea(title="Etäkotihoito kaikille")
    b = make_idea(title="Etäkotihoito kaikille (kopio)", seeks_partners=True)
    both, only_a, only_b1, only_b2 = members(4)
    for voter in (both, only_a):
        vote_services.add_vote(idea=a, voter=voter)
    for voter in (both, only_b1, only_b2):
        vote_services.add_vote(idea=b, voter=voter)
    notification_services.follow(user=both, target=TargetKind.IDEA, target_id=a.id)
    notification_services.follow(user=both, target=TargetKind.IDEA, target_id=b.id)
    notification_services.follow(user=only_b1, target=TargetKind.IDEA, target_id=b.id)
    db.session.commit()
    make_comment(idea=a, author=only_a)
    make_comment(idea=b, author=only_b1, body="Tämä on kopio")
    make_comment(idea=b, author=only_b2, body="Niin on")
    partner_services.make_offer(
        idea=b, member=only_b2, role=PartnerRole.PILOT_SITE, message="Pilotoidaan"
    )
    db.session.commit()
    return a, b


def test_merge_and_undo_keep_every_count_exact(pair, moderator):
    a, b = pair
    before = _counts(a, b)
    # a: 2 votes, 1 comment, author + 1 follower, no offers; b: 3 votes, 2 comments, 2 + author
    assert before[0][:3] == (2, 2, 1) and before[1][:3] == (3, 3, 2)
    merge_row = services.merge(moderator=moderator, source=b, target=a, reason="Sama idea")
    db.session.commit()
    after = _counts(a, b)
    # The member who voted for both counts once.
    assert after[0][:3] == (4, 4, 3) and after[1][:3] == (0, 0, 0)
    assert after[0][4] == 1 and after[1][4] == 0
    assert after[0][3] == before[0][3] + before[1][3] - 1  # the shared follower once
    b = db.session.get(Idea, b.id)
    assert b.status == IdeaStatus.MERGED and b.merged_into_id == a.id
    services.undo_merge(
        moderator=moderator, merge_row=db.session.get(IdeaMerge, merge_row.id), reason="Virhe"
    )
    db.session.commit()
    assert _counts(a, b) == before
    b = db.session.get(Idea, b.id)
    assert b.status == IdeaStatus.PUBLISHED and b.merged_into_id is None
    with pytest.raises(services.ModerationError, match="undone already"):
        services.undo_merge(
            moderator=moderator, merge_row=db.session.get(IdeaMerge, merge_row.id), reason="x"
        )


def test_old_links_lead_to_the_idea_merged_into(client, pair, moderator):
    a, b = pair
    services.merge(moderator=moderator, source=b, target=a, reason="Sama idea")
    db.session.commit()
    response = client.get(f"/ideas/{b.id}", follow_redirects=True)
    assert response.status_code == 200
    assert "was merged into this idea" in response.text
    assert response.request.path.startswith(f"/ideas/{a.id}-")


def test_search_drops_the_merged_idea(app, pair, moderator):
    a, b = pair
    services.merge(moderator=moderator, source=b, target=a, reason="Sama idea")
    db.session.commit()
    search.drain()
    from idealaari.search.documents import is_indexed

    assert not is_indexed(db.session.get(Idea, b.id))
    assert search.check() == (set(), set())  # the index holds what it should: no B


def test_merge_refusals(pair, moderator, make_idea):
    a, b = pair
    with pytest.raises(services.ModerationError, match="itself"):
        services.merge(moderator=moderator, source=a, target=a, reason="x")
    draft = make_idea(status=IdeaStatus.DRAFT)
    with pytest.raises(services.ModerationError, match="published or archived"):
        services.merge(moderator=moderator, source=b, target=draft, reason="x")


def test_merge_through_the_page(client, login, pair, moderator):
    a, b = pair
    login(moderator)
    bad = client.post(f"/moderation/item/idea/{b.id}/merge", data={"target": "abc", "reason": "x"})
    assert bad.status_code == 422 and "number" in bad.text
    missing = client.post(
        f"/moderation/item/idea/{b.id}/merge", data={"target": "999999", "reason": "x"}
    )
    assert missing.status_code == 422 and "no idea with that number" in missing.text
    done = client.post(
        f"/moderation/item/idea/{b.id}/merge",
        data={"target": f"http://idealaari.test/ideas/{a.id}-x", "reason": "Sama"},
    )
    assert done.status_code == 302
    merge_row = db.session.scalar(db.select(IdeaMerge))
    assert merge_row.target_id == a.id
    undo = client.post(f"/moderation/merges/{merge_row.id}/undo", data={"reason": "Peruttu"})
    assert undo.status_code == 302
    assert db.session.get(Idea, b.id).status == IdeaStatus.PUBLISHED


def test_votes_of_deleted_accounts_move_and_come_back(pair, moderator):
    a, b = pair
    # A member who voted for B deleted their account: the vote stays, linked to nobody.
    vote = db.session.scalar(db.select(Vote).where(Vote.idea_id == b.id).limit(1))
    vote.user_id = None
    db.session.commit()
    before = _counts(a, b)
    voters = {
        idea.id: set(db.session.scalars(db.select(Vote.user_id).where(Vote.idea_id == idea.id)))
        for idea in (a, b)
    }
    shared = len((voters[a.id] & voters[b.id]) - {None})
    merge_row = services.merge(moderator=moderator, source=b, target=a, reason="Sama idea")
    db.session.commit()
    after = _counts(a, b)
    assert after[1][:2] == (0, 0)
    # Each member once; the deleted account's vote is kept.
    assert after[0][:2] == (before[0][1] + before[1][1] - shared,) * 2
    services.undo_merge(
        moderator=moderator, merge_row=db.session.get(IdeaMerge, merge_row.id), reason="Virhe"
    )
    db.session.commit()
    assert _counts(a, b) == before
