"""notify_* make one row per follower or editor, and never one for the actor."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from idealaari.accounts.models import Role
from idealaari.comments.notifications import CommentNotice
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas import notifications as idea_notifications
from idealaari.ideas.models import Phase
from idealaari.ideas.notifications import IdeaNotice
from idealaari.notifications import services
from idealaari.notifications.models import Notification
from idealaari.partners.models import OfferStatus
from idealaari.partners.notifications import PartnerNotice
from idealaari.polls import notifications as poll_notifications
from idealaari.polls.models import Poll
from idealaari.polls.notifications import PollNotice


def rows(kind=None) -> list[tuple[int, str]]:
    db.session.expire_all()
    stmt = select(Notification).order_by(Notification.id)
    if kind is not None:
        stmt = stmt.where(Notification.kind == kind)
    return [(n.user_id, n.kind) for n in db.session.scalars(stmt)]


def test_comment_notifies_followers_but_not_the_commenter(
    make_user, make_idea, make_comment, follow
):
    idea = make_idea()
    reader, commenter = make_user(), make_user()
    follow(reader, "idea", idea.id)
    follow(commenter, "idea", idea.id)
    comment = make_comment(idea=idea, author=commenter)
    got = sorted(rows(CommentNotice.COMMENT))
    assert got == sorted(
        [(idea.author_id, CommentNotice.COMMENT), (reader.id, CommentNotice.COMMENT)]
    )
    assert all(
        (n.target_kind, n.target_id) == ("comment", comment.id) and n.actor_id == commenter.id
        for n in db.session.scalars(select(Notification))
    )


def test_reply_notifies_the_parents_author_once(make_user, make_idea, make_comment, follow):
    idea = make_idea()
    first, replier = make_user(), make_user()
    follow(first, "idea", idea.id)
    parent = make_comment(idea=idea, author=first)
    before = len(rows())
    make_comment(idea=idea, author=replier, parent=parent)
    new = rows()[before:]
    assert (first.id, CommentNotice.REPLY) in new
    assert (first.id, CommentNotice.COMMENT) not in new  # not twice
    assert all(uid != replier.id for uid, _ in new)


def test_partner_offer_notifies_editors_but_not_the_one_offering(
    app, make_org, make_user, make_idea, make_offer
):
    org = make_org()
    author = make_user(organisation=org)
    contact = make_user(organisation=org, role=Role.AREA_CONTACT)
    co_editor = make_user()
    idea = make_idea(author=author)
    idea.co_editors.append(co_editor)
    db.session.commit()
    member = make_user()
    make_offer(idea, member=member)  # every editor hears of it; the one offering does not
    assert sorted(uid for uid, _ in rows(PartnerNotice.PARTNER_OFFER)) == sorted(
        [author.id, contact.id, co_editor.id]
    )


def test_offer_answer_goes_to_the_member_who_offered(make_idea, make_offer, answer_offer):
    idea = make_idea()
    offer = make_offer(idea)
    [row] = answer_offer(offer, actor=idea.author, status=OfferStatus.DECLINED)
    assert row.user_id == offer.user_id and row.data == {"status": "declined"}
    assert (idea.author_id, PartnerNotice.OFFER_ANSWER) not in rows()


def test_phase_change_notifies_followers_but_not_the_editor(make_user, make_idea, follow):
    idea = make_idea()
    reader = make_user()
    follow(reader, "idea", idea.id)
    idea.phase = Phase.TESTING
    idea_notifications.notify_phase_change(idea=idea, old_phase="ideation", actor=idea.author)
    db.session.commit()
    assert rows() == [(reader.id, IdeaNotice.PHASE_CHANGE)]
    assert db.session.scalar(select(Notification)).data == {"from": "ideation", "to": "testing"}


def test_new_idea_notifies_theme_and_organisation_followers_once(
    make_user, make_org, make_theme, make_idea, follow
):
    org, theme = make_org(), make_theme()
    theme_fan, org_fan, both = make_user(), make_user(), make_user()
    follow(theme_fan, "theme", theme.id)
    follow(org_fan, "organisation", org.id)
    follow(both, "theme", theme.id)
    follow(both, "organisation", org.id)
    author = make_user(organisation=org)
    follow(author, "organisation", org.id)
    make_idea(author=author, themes=[theme])  # publishing notifies, through the idea service
    got = rows()
    assert sorted(got) == sorted(
        [
            (theme_fan.id, IdeaNotice.NEW_IDEA_IN_THEME),
            (both.id, IdeaNotice.NEW_IDEA_IN_THEME),
            (org_fan.id, IdeaNotice.NEW_IDEA_IN_ORGANISATION),
        ]
    )


def test_poll_result_goes_to_the_given_voters(make_user):
    voters = [make_user(), make_user()]
    now = utcnow()
    poll = Poll(
        question="Kevään teema?",
        opens_at=now - timedelta(days=7),
        closes_at=now - timedelta(days=1),
    )
    db.session.add(poll)
    db.session.flush()
    poll_notifications.notify_poll_result(poll=poll, recipients=[v.id for v in voters])
    db.session.commit()
    assert sorted(rows()) == sorted((v.id, PollNotice.POLL_RESULT) for v in voters)


def test_set_digest_frequency_refuses_unknown_values(make_user):
    import pytest

    member = make_user()
    with pytest.raises(services.NotificationError):
        services.set_digest_frequency(user=member, frequency="hourly")
    services.set_digest_frequency(user=member, frequency="daily")
    assert member.digest_frequency == "daily"
