"""notify_* make one row per follower or editor, and never one for the actor."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from idealaari.accounts.models import Role
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Phase
from idealaari.notifications import services
from idealaari.notifications.models import Notification, NotificationKind
from idealaari.partners.models import OfferStatus
from idealaari.polls.models import Poll


def rows(kind=None) -> list[tuple[int, NotificationKind]]:
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
    got = sorted(rows(NotificationKind.COMMENT))
    assert got == sorted(
        [(idea.author_id, NotificationKind.COMMENT), (reader.id, NotificationKind.COMMENT)]
    )
    assert all(
        n.comment_id == comment.id and n.actor_id == commenter.id
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
    assert (first.id, NotificationKind.REPLY) in new
    assert (first.id, NotificationKind.COMMENT) not in new  # not twice
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
    make_offer(idea, member=contact)  # an editor offering themselves hears nothing of it
    assert sorted(uid for uid, _ in rows(NotificationKind.PARTNER_OFFER)) == sorted(
        [author.id, co_editor.id]
    )


def test_offer_answer_goes_to_the_member_who_offered(make_idea, make_offer, answer_offer):
    idea = make_idea()
    offer = make_offer(idea)
    [row] = answer_offer(offer, actor=idea.author, status=OfferStatus.DECLINED)
    assert row.user_id == offer.user_id and row.data == {"status": "declined"}
    assert (idea.author_id, NotificationKind.OFFER_ANSWER) not in rows()


def test_phase_change_notifies_followers_but_not_the_editor(make_user, make_idea, follow):
    idea = make_idea()
    reader = make_user()
    follow(reader, "idea", idea.id)
    idea.phase = Phase.TESTING
    services.notify_phase_change(idea=idea, old_phase="ideation", actor=idea.author)
    db.session.commit()
    assert rows() == [(reader.id, NotificationKind.PHASE_CHANGE)]
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
            (theme_fan.id, NotificationKind.NEW_IDEA_IN_THEME),
            (both.id, NotificationKind.NEW_IDEA_IN_THEME),
            (org_fan.id, NotificationKind.NEW_IDEA_IN_ORGANISATION),
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
    services.notify_poll_result(poll=poll, recipients=[v.id for v in voters])
    db.session.commit()
    assert sorted(rows()) == sorted((v.id, NotificationKind.POLL_RESULT) for v in voters)


def test_set_digest_frequency_refuses_unknown_values(make_user):
    import pytest

    member = make_user()
    with pytest.raises(services.NotificationError):
        services.set_digest_frequency(user=member, frequency="hourly")
    services.set_digest_frequency(user=member, frequency="daily")
    assert member.digest_frequency == "daily"
