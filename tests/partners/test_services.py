"""Partner offer services: the lifecycle, refusals, notifications and follows."""

import pytest
from sqlalchemy import select

from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus, PartnerRole
from idealaari.notifications.models import Follow, Notification
from idealaari.partners import services
from idealaari.partners.models import OfferStatus, PartnerOffer
from idealaari.partners.notifications import PartnerNotice
from idealaari.targets import TargetKind


def notifications(kind, user):
    return list(
        db.session.scalars(
            select(Notification).where(Notification.kind == kind, Notification.user_id == user.id)
        )
    )


def test_offer_defaults_to_members_organisation_and_notifies_editors(make_user, make_seeking_idea):
    idea = make_seeking_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    area_contact = make_user(role=Role.AREA_CONTACT, organisation=idea.organisation)
    member = make_user()
    offer = services.make_offer(
        idea=idea, member=member, role="pilot_site", message="  Meillä on testiyksikkö.  "
    )
    db.session.commit()
    assert offer.status == OfferStatus.OFFERED
    assert offer.organisation_id == member.organisation_id
    assert offer.message == "Meillä on testiyksikkö."
    for editor in (idea.author, co_editor, area_contact):
        [row] = notifications(PartnerNotice.PARTNER_OFFER, editor)
        assert (
            (row.target_kind, row.target_id) == ("offer", offer.id)
            and row.actor_id == member.id
            and row.idea_id == idea.id
        )
    assert notifications(PartnerNotice.PARTNER_OFFER, member) == []


def test_offer_for_another_organisation_is_refused(make_user, make_org, make_seeking_idea):
    university = make_org(name="Itä-Suomen yliopisto")
    member = make_user()
    with pytest.raises(services.PartnerError, match="on behalf of your own organisation"):
        services.make_offer(
            idea=make_seeking_idea(),
            member=member,
            role=PartnerRole.RESEARCHER,
            organisation=university,
        )
    offer = services.make_offer(
        idea=make_seeking_idea(),
        member=member,
        role=PartnerRole.RESEARCHER,
        organisation=member.organisation,
    )
    assert offer.organisation == member.organisation


def test_any_role_may_be_offered_even_one_not_sought(make_user, make_seeking_idea):
    offer = services.make_offer(idea=make_seeking_idea(), member=make_user(), role="funder")
    assert offer.role == PartnerRole.FUNDER


def test_second_open_offer_in_the_same_role_is_refused(make_user, make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    first = make_offer(idea)
    with pytest.raises(services.PartnerError, match="already offered to join this idea as Pilot"):
        services.make_offer(idea=idea, member=first.user, role=PartnerRole.PILOT_SITE)
    db.session.rollback()
    # Another role is a different offer; another member may offer the same role.
    services.make_offer(idea=idea, member=first.user, role=PartnerRole.RESEARCHER)
    services.make_offer(idea=idea, member=make_user(), role=PartnerRole.PILOT_SITE)
    db.session.commit()
    assert db.session.scalar(select(db.func.count()).select_from(PartnerOffer)) == 3


def test_accepted_partner_cannot_offer_the_same_role_again(make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    services.accept_offer(offer=offer, actor=idea.author)
    with pytest.raises(services.PartnerError, match="already a partner"):
        services.make_offer(idea=idea, member=offer.user, role=PartnerRole.PILOT_SITE)


def test_offering_again_after_withdrawing_or_being_declined(make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    services.withdraw_offer(offer=offer, member=offer.user)
    again = services.make_offer(idea=idea, member=offer.user, role=PartnerRole.PILOT_SITE)
    services.decline_offer(offer=again, actor=idea.author)
    third = services.make_offer(idea=idea, member=offer.user, role=PartnerRole.PILOT_SITE)
    assert third.status == OfferStatus.OFFERED


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": IdeaStatus.DRAFT}, "Only published ideas"),
        ({"status": IdeaStatus.ARCHIVED}, "Only published ideas"),
        ({"seeks_partners": False, "partner_roles": []}, "not seeking partners"),
    ],
)
def test_offers_on_ideas_not_taking_them_are_refused(make_user, make_seeking_idea, fields, message):
    idea = make_seeking_idea(**fields)
    with pytest.raises(services.PartnerError, match=message):
        services.make_offer(idea=idea, member=make_user(), role=PartnerRole.PILOT_SITE)


def test_editors_cannot_offer_on_their_own_idea(make_user, make_seeking_idea):
    idea = make_seeking_idea()
    with pytest.raises(services.PartnerError, match="idea you edit"):
        services.make_offer(idea=idea, member=idea.author, role=PartnerRole.PILOT_SITE)


def test_bad_role_and_too_long_message_are_refused(make_user, make_seeking_idea):
    idea = make_seeking_idea()
    member = make_user()
    for role in ("", "astronaut", None):
        with pytest.raises(services.PartnerError, match="Choose the role"):
            services.make_offer(idea=idea, member=member, role=role)
    with pytest.raises(services.PartnerError, match="at most 2000"):
        services.make_offer(idea=idea, member=member, role="company", message="x" * 2001)
    services.make_offer(idea=idea, member=member, role="company", message="x" * 2000)


def test_accepting_notifies_the_member_and_makes_them_follow(make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    services.accept_offer(offer=offer, actor=idea.author, note="Tervetuloa mukaan!")
    db.session.commit()
    assert offer.status == OfferStatus.ACCEPTED
    assert offer.decided_by_id == idea.author_id and offer.decided_at is not None
    assert offer.decision_note == "Tervetuloa mukaan!"
    [answer] = notifications(PartnerNotice.OFFER_ANSWER, offer.user)
    assert answer.data == {"status": "accepted"} and answer.actor_id == idea.author_id
    follow = db.session.scalar(select(Follow).where(Follow.user_id == offer.user_id))
    assert follow.target == TargetKind.IDEA and follow.target_id == idea.id


def test_declining_notifies_but_does_not_follow(make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    services.decline_offer(offer=offer, actor=idea.author)
    db.session.commit()
    assert offer.status == OfferStatus.DECLINED and offer.decision_note is None
    [answer] = notifications(PartnerNotice.OFFER_ANSWER, offer.user)
    assert answer.data == {"status": "declined"}
    assert db.session.scalar(select(Follow).where(Follow.user_id == offer.user_id)) is None


def test_following_already_is_harmless_on_accept(make_seeking_idea, make_offer):
    from idealaari.notifications.services import follow

    idea = make_seeking_idea()
    offer = make_offer(idea)
    follow(user=offer.user, target="idea", target_id=idea.id)
    services.accept_offer(offer=offer, actor=idea.author)
    db.session.commit()
    assert len(list(db.session.scalars(select(Follow).where(Follow.user_id == offer.user_id)))) == 1


def test_non_editors_cannot_decide(make_user, make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    for actor in (offer.user, make_user(), make_user(role=Role.MODERATOR)):
        with pytest.raises(services.PartnerError, match="Only the idea's editors"):
            services.accept_offer(offer=offer, actor=actor)
        with pytest.raises(services.PartnerError, match="Only the idea's editors"):
            services.decline_offer(offer=offer, actor=actor)
    assert offer.status == OfferStatus.OFFERED


def test_deciding_twice_is_refused(make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    services.accept_offer(offer=offer, actor=idea.author)
    db.session.commit()
    with pytest.raises(services.PartnerError, match="no longer open; it is “Accepted”"):
        services.decline_offer(offer=offer, actor=idea.author)
    with pytest.raises(services.PartnerError, match="no longer open"):
        services.accept_offer(offer=offer, actor=idea.author)


def test_a_decision_made_meanwhile_in_another_session_wins(app, make_seeking_idea, make_offer):
    """Two editors answer at once: the one who sees a stale "offered" is still refused."""
    from sqlalchemy.orm.attributes import set_committed_value

    idea = make_seeking_idea()
    offer = make_offer(idea)
    offer_id = offer.id
    db.session.commit()  # end this session's read, as a new request would start afresh
    with db.engine.begin() as conn:  # the other editor's request
        conn.execute(
            PartnerOffer.__table__.update()
            .where(PartnerOffer.id == offer_id)
            .values(status=OfferStatus.DECLINED.value)
        )
    assert offer.status == OfferStatus.DECLINED
    set_committed_value(offer, "status", OfferStatus.OFFERED)  # what this editor's page showed
    with pytest.raises(services.PartnerError, match="“Declined”"):
        services.accept_offer(offer=offer, actor=idea.author)
    assert offer.status == OfferStatus.DECLINED
    assert notifications(PartnerNotice.OFFER_ANSWER, offer.user) == []


def test_decision_note_is_limited(make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    with pytest.raises(services.PartnerError, match="at most 2000"):
        services.decline_offer(offer=offer, actor=idea.author, note="x" * 2001)
    assert offer.status == OfferStatus.OFFERED


def test_accepting_on_an_archived_idea_is_refused_but_declining_is_not(
    make_seeking_idea, make_offer
):
    idea = make_seeking_idea()
    first, second = make_offer(idea), make_offer(idea)
    idea.status = IdeaStatus.ARCHIVED
    db.session.commit()
    with pytest.raises(services.PartnerError, match="only on published ideas"):
        services.accept_offer(offer=first, actor=idea.author)
    services.decline_offer(offer=second, actor=idea.author)
    assert second.status == OfferStatus.DECLINED


def test_withdrawing_an_offer_and_a_partnership(make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offered, accepted = make_offer(idea), make_offer(idea)
    services.accept_offer(offer=accepted, actor=idea.author)
    services.withdraw_offer(offer=offered, member=offered.user)
    services.withdraw_offer(offer=accepted, member=accepted.user)
    db.session.commit()
    assert offered.status == accepted.status == OfferStatus.WITHDRAWN
    # The acceptance stays on record.
    assert accepted.decided_by_id == idea.author_id


def test_withdrawing_a_declined_or_withdrawn_offer_is_refused(make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    services.decline_offer(offer=offer, actor=idea.author)
    with pytest.raises(services.PartnerError, match="no longer be withdrawn; it is “Declined”"):
        services.withdraw_offer(offer=offer, member=offer.user)
    other = make_offer(idea)
    services.withdraw_offer(offer=other, member=other.user)
    with pytest.raises(services.PartnerError, match="no longer be withdrawn"):
        services.withdraw_offer(offer=other, member=other.user)


def test_only_the_member_who_offered_withdraws(make_user, make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    for someone in (idea.author, make_user()):
        with pytest.raises(services.PartnerError, match="Only the member who made the offer"):
            services.withdraw_offer(offer=offer, member=someone)
    assert offer.status == OfferStatus.OFFERED


def test_accepted_co_developer_becomes_co_editor(make_seeking_idea, make_offer):
    idea = make_seeking_idea(partner_roles=[PartnerRole.CO_DEVELOPER])
    offer = make_offer(idea, role=PartnerRole.CO_DEVELOPER)
    services.accept_offer(offer=offer, actor=idea.author)
    member = services.make_co_editor(offer=offer, actor=idea.author)
    db.session.commit()
    assert member == offer.user and member in idea.co_editors
    with pytest.raises(services.PartnerError, match="can already edit"):
        services.make_co_editor(offer=offer, actor=idea.author)


def test_co_editor_only_from_an_accepted_co_developer(make_seeking_idea, make_offer):
    idea = make_seeking_idea(partner_roles=[PartnerRole.CO_DEVELOPER, PartnerRole.FUNDER])
    open_offer = make_offer(idea, role=PartnerRole.CO_DEVELOPER)
    funder = make_offer(idea, role=PartnerRole.FUNDER)
    services.accept_offer(offer=funder, actor=idea.author)
    for offer in (open_offer, funder):
        with pytest.raises(services.PartnerError, match="Only an accepted co-developer"):
            services.make_co_editor(offer=offer, actor=idea.author)


def test_only_who_manages_co_editors_makes_one(make_user, make_seeking_idea, make_offer):
    idea = make_seeking_idea(partner_roles=[PartnerRole.CO_DEVELOPER])
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    offer = make_offer(idea, role=PartnerRole.CO_DEVELOPER)
    services.accept_offer(offer=offer, actor=co_editor)  # co-editors answer offers
    with pytest.raises(services.PartnerError, match="Only the author"):
        services.make_co_editor(offer=offer, actor=co_editor)
    assert offer.user not in idea.co_editors
