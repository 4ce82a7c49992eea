"""The partner permission rules, each tested from the side that must be refused."""

from flask_login import AnonymousUserMixin

from idealaari import permissions
from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus
from idealaari.partners.models import OfferStatus

anonymous = AnonymousUserMixin()


def test_member_offers_on_published_idea_seeking_partners(make_user, make_seeking_idea):
    idea = make_seeking_idea()
    assert permissions.can_offer_partnership(make_user(), idea)


def test_visitors_cannot_offer(make_seeking_idea):
    idea = make_seeking_idea()
    assert not permissions.can_offer_partnership(anonymous, idea)
    assert not permissions.can_offer_partnership(None, idea)


def test_editors_cannot_offer_on_their_own_idea(make_user, make_seeking_idea):
    idea = make_seeking_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    area_contact = make_user(role=Role.AREA_CONTACT, organisation=idea.organisation)
    db.session.commit()
    assert not permissions.can_offer_partnership(idea.author, idea)
    assert not permissions.can_offer_partnership(co_editor, idea)
    assert not permissions.can_offer_partnership(area_contact, idea)


def test_no_offers_on_drafts_archived_or_ideas_not_seeking(make_user, make_seeking_idea, make_idea):
    member = make_user()
    for status in (IdeaStatus.DRAFT, IdeaStatus.ARCHIVED, IdeaStatus.HIDDEN, IdeaStatus.MERGED):
        assert not permissions.can_offer_partnership(member, make_seeking_idea(status=status))
    assert not permissions.can_offer_partnership(member, make_idea(seeks_partners=False))


def test_only_editors_decide_offers(make_user, make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    assert permissions.can_decide_offer(idea.author, offer)
    assert not permissions.can_decide_offer(offer.user, offer)
    assert not permissions.can_decide_offer(make_user(), offer)
    assert not permissions.can_decide_offer(make_user(role=Role.MODERATOR), offer)
    assert not permissions.can_decide_offer(anonymous, offer)


def test_only_the_member_who_offered_withdraws_an_open_offer(
    make_user, make_seeking_idea, make_offer
):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    assert permissions.can_withdraw_offer(offer.user, offer)
    assert not permissions.can_withdraw_offer(idea.author, offer)
    assert not permissions.can_withdraw_offer(make_user(), offer)
    assert not permissions.can_withdraw_offer(anonymous, offer)
    offer.status = OfferStatus.ACCEPTED
    assert permissions.can_withdraw_offer(offer.user, offer)
    for closed in (OfferStatus.DECLINED, OfferStatus.WITHDRAWN):
        offer.status = closed
        assert not permissions.can_withdraw_offer(offer.user, offer)
    db.session.rollback()
