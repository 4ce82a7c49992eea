"""Reads: partner counts per idea, network figures, a member's offers and partnerships."""

from sqlalchemy import event

from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus, PartnerRole
from idealaari.organisations.models import OrganisationKind
from idealaari.partners import queries, services
from idealaari.partners.models import OfferStatus


def accept(offer):
    services.accept_offer(offer=offer, actor=offer.idea.author)
    db.session.commit()
    return offer


def test_partner_counts_are_one_grouped_query(make_seeking_idea, make_offer):
    first, second, lonely = make_seeking_idea(), make_seeking_idea(), make_seeking_idea()
    accept(make_offer(first))
    accept(make_offer(first, role=PartnerRole.RESEARCHER))
    accept(make_offer(second))
    make_offer(second)  # still open: not a partner
    declined = make_offer(lonely)
    services.decline_offer(offer=declined, actor=lonely.author)
    db.session.commit()
    ids = [first.id, second.id, lonely.id]
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        counts = queries.partner_counts(ids)
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert counts == {first.id: 2, second.id: 1, lonely.id: 0}
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    assert queries.partner_counts([]) == {}


def test_cross_organisation_partnerships(make_org, make_user, make_seeking_idea, make_offer):
    area_a = make_org(kind=OrganisationKind.WELLBEING_AREA)
    area_b = make_org(kind=OrganisationKind.WELLBEING_AREA)
    company = make_org(kind=OrganisationKind.COMPANY)
    idea = make_seeking_idea(author=make_user(organisation=area_a))
    same_org = accept(make_offer(idea, member=make_user(organisation=area_a)))
    accept(make_offer(idea, member=make_user(organisation=area_b), role=PartnerRole.RESEARCHER))
    accept(make_offer(idea, member=make_user(organisation=company), role=PartnerRole.COMPANY))
    accept(make_offer(idea, member=make_user(organisation=area_b), role=PartnerRole.FUNDER))
    make_offer(idea, member=make_user(organisation=area_b), role=PartnerRole.OTHER)  # open
    assert same_org.organisation_id == idea.organisation_id
    assert queries.partnership_stats() == {"accepted": 4, "cross_organisation": 3, "cross_area": 2}


def test_partnership_stats_on_an_empty_network(app):
    assert queries.partnership_stats() == {"accepted": 0, "cross_organisation": 0, "cross_area": 0}


def test_accepted_partners_are_grouped_by_organisation(
    make_org, make_user, make_seeking_idea, make_offer
):
    idea = make_seeking_idea()
    oulu = make_org(name="Aaltoyliopisto")
    member = make_user(organisation=oulu)
    accept(make_offer(idea, member=member, role=PartnerRole.RESEARCHER))
    accept(make_offer(idea, member=member, role=PartnerRole.PILOT_SITE))
    other = accept(make_offer(idea))
    groups = queries.partners_by_organisation(idea)
    assert [g.organisation for g in groups][0] == oulu
    assert groups[0].roles == [PartnerRole.PILOT_SITE, PartnerRole.RESEARCHER]
    assert groups[1].organisation == other.organisation
    assert queries.pending_offer_count(idea) == 0


def test_offers_and_partnerships_of_a_member(make_user, make_seeking_idea, make_offer):
    member = make_user()
    partner_idea, open_idea, hidden_idea = (
        make_seeking_idea(),
        make_seeking_idea(),
        make_seeking_idea(),
    )
    accepted = accept(make_offer(partner_idea, member=member))
    offered = make_offer(open_idea, member=member)
    on_hidden = accept(make_offer(hidden_idea, member=member))
    hidden_idea.status = IdeaStatus.HIDDEN
    db.session.commit()
    mine = queries.offers_and_partnerships_of(member)
    assert set(mine.partnerships) == {accepted, on_hidden}
    assert mine.offers == [offered]
    seen = queries.offers_and_partnerships_of(member, viewer=make_user())
    assert seen.partnerships == [accepted] and seen.offers == [offered]
    assert all(o.status == OfferStatus.ACCEPTED for o in seen.partnerships)
