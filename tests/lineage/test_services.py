"""Lineage writes: derivations, adoptions and official responses, and who hears of them."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas import services as idea_services
from idealaari.ideas.models import IdeaStatus, Phase
from idealaari.lineage import queries, services
from idealaari.lineage.models import Adoption, IdeaDerivation, OfficialResponse, ResponseKind
from idealaari.lineage.notifications import LineageNotice
from idealaari.notifications import registry
from idealaari.notifications.models import Notification


def notices(kind, user=None) -> list[Notification]:
    db.session.expire_all()
    stmt = select(Notification).where(Notification.kind == kind)
    if user is not None:
        stmt = stmt.where(Notification.user_id == user.id)
    return list(db.session.scalars(stmt.order_by(Notification.id)))


# --- Derived from --------------------------------------------------------------------------


def test_an_idea_continues_an_earlier_one_and_its_author_hears_of_it(make_user, make_idea):
    source = make_idea(title="Kotihoidon etäkäynnit")
    idea = make_idea(title="Etäkäynnit omaishoitajille")
    assert services.set_derivation(idea=idea, source=source, actor=idea.author) is True
    db.session.commit()
    row = queries.derivation_of(idea)
    assert row.source_id == source.id and row.created_by_id == idea.author_id
    assert row.notified_at is not None
    assert queries.derived_ideas(source) == [idea]
    [notice] = notices(LineageNotice.DERIVED)
    assert notice.user_id == source.author_id and notice.idea_id == source.id
    assert notice.target_id == idea.id
    assert registry.describe(notice) == (
        "“Etäkäynnit omaishoitajille” continues your idea “Kotihoidon etäkäynnit”"
    )
    assert registry.settings_group_of(notice.kind) == "phase_changes"


def test_naming_the_same_source_again_changes_nothing_and_tells_nobody_twice(make_idea):
    source, idea = make_idea(), make_idea()
    services.set_derivation(idea=idea, source=source, actor=idea.author)
    assert services.set_derivation(idea=idea, source=source, actor=idea.author) is False
    db.session.commit()
    assert len(notices(LineageNotice.DERIVED)) == 1


def test_a_draft_tells_the_source_author_only_when_it_is_published(make_idea):
    source = make_idea()
    draft = make_idea(status=IdeaStatus.DRAFT)
    services.set_derivation(idea=draft, source=source, actor=draft.author)
    db.session.commit()
    assert notices(LineageNotice.DERIVED) == []
    assert queries.derived_ideas(source) == []  # drafts stay out of public lists
    draft.status = IdeaStatus.PUBLISHED
    services.set_derivation(idea=draft, source=source, actor=draft.author)
    db.session.commit()
    assert len(notices(LineageNotice.DERIVED)) == 1
    assert queries.derived_ideas(source) == [draft]


def test_changing_the_source_tells_the_new_source_author(make_idea):
    first, second, idea = make_idea(), make_idea(), make_idea()
    services.set_derivation(idea=idea, source=first, actor=idea.author)
    services.set_derivation(idea=idea, source=second, actor=idea.author)
    db.session.commit()
    assert [n.user_id for n in notices(LineageNotice.DERIVED)] == [
        first.author_id,
        second.author_id,
    ]
    assert queries.derived_ideas(first) == [] and queries.derived_ideas(second) == [idea]
    assert db.session.scalar(select(func.count(IdeaDerivation.id))) == 1


def test_no_source_takes_the_link_away(make_idea):
    source, idea = make_idea(), make_idea()
    services.set_derivation(idea=idea, source=source, actor=idea.author)
    assert services.set_derivation(idea=idea, source=None, actor=idea.author) is True
    assert services.set_derivation(idea=idea, source=None, actor=idea.author) is False
    db.session.commit()
    assert queries.derivation_of(idea) is None


def test_continuing_ones_own_idea_tells_nobody(make_user, make_idea):
    author = make_user()
    source, idea = make_idea(author=author), make_idea(author=author)
    services.set_derivation(idea=idea, source=source, actor=author)
    db.session.commit()
    assert notices(LineageNotice.DERIVED) == []


def test_a_loop_is_refused(make_idea):
    a, b, c = make_idea(), make_idea(), make_idea()
    services.set_derivation(idea=b, source=a, actor=b.author)
    services.set_derivation(idea=c, source=b, actor=c.author)
    with pytest.raises(services.LineageError, match="already continues this idea"):
        services.set_derivation(idea=a, source=c, actor=a.author)


def test_refused_derivations(make_user, make_idea):
    idea = make_idea()
    with pytest.raises(services.LineageError, match="You cannot edit this idea."):
        services.set_derivation(idea=idea, source=make_idea(), actor=make_user())
    with pytest.raises(services.LineageError, match="only a published or archived idea"):
        services.set_derivation(
            idea=idea, source=make_idea(status=IdeaStatus.DRAFT), actor=idea.author
        )
    with pytest.raises(services.LineageError, match="cannot continue itself"):
        services.set_derivation(idea=idea, source=idea, actor=idea.author)


def test_the_editors_hear_when_the_source_author_has_left(make_user, make_contact, make_idea):
    source = make_idea()
    contact = make_contact(organisation=source.organisation)
    source.author_id = None
    db.session.commit()
    idea = make_idea()
    services.set_derivation(idea=idea, source=source, actor=idea.author)
    db.session.commit()
    assert [n.user_id for n in notices(LineageNotice.DERIVED)] == [contact.id]


def test_removing_either_idea_removes_the_link(make_idea):
    source, idea = make_idea(), make_idea()
    services.set_derivation(idea=idea, source=source, actor=idea.author)
    db.session.commit()
    db.session.delete(source)
    db.session.commit()
    assert db.session.scalar(select(func.count(IdeaDerivation.id))) == 0


# --- Adopted by ----------------------------------------------------------------------------


def test_an_adoption_is_recorded_and_the_followers_hear_of_it(
    make_user, make_contact, make_idea, follow
):
    idea = make_idea(title="Kotihoidon etäkäynnit")
    follower = make_user()
    follow(follower, idea)
    contact = make_contact()
    adoption = services.record_adoption(
        idea=idea,
        actor=contact,
        adopted_on=date(2025, 5, 2),
        phase=Phase.ADOPTION,
        evidence="  Käytössä kaikissa tiimeissä.  ",
    )
    db.session.commit()
    assert adoption.organisation_id == contact.organisation_id
    assert adoption.evidence == "Käytössä kaikissa tiimeissä."
    recipients = {n.user_id for n in notices(LineageNotice.ADOPTED)}
    assert recipients == {follower.id, idea.author_id}  # the author follows their idea
    notice = notices(LineageNotice.ADOPTED, follower)[0]
    assert registry.describe(notice) == (
        f"{contact.organisation.name} adopted “Kotihoidon etäkäynnit”"
    )
    assert registry.detail(notice).lines == ("Phase reached: Adoption and spread",)
    assert registry.detail(notice).quote == "Käytössä kaikissa tiimeissä."
    assert registry.settings_group_of(notice.kind) == "phase_changes"


def test_one_adoption_per_organisation_corrected_in_place(make_contact, make_idea, make_adoption):
    idea = make_idea()
    first = make_contact()
    make_adoption(idea, contact=first, phase=Phase.TESTING)
    colleague = make_contact(organisation=first.organisation)
    adoption = services.record_adoption(
        idea=idea,
        actor=colleague,
        adopted_on=date(2025, 6, 1),
        phase=Phase.TESTING,
        evidence="Korjattu päivämäärä.",
    )
    db.session.commit()
    assert db.session.scalar(select(func.count(Adoption.id))) == 1
    assert adoption.adopted_on == date(2025, 6, 1) and adoption.recorded_by_id == colleague.id
    # The same phase again is a correction, not news; a new phase is.
    assert len(notices(LineageNotice.ADOPTED, idea.author)) == 1
    services.record_adoption(
        idea=idea, actor=first, adopted_on=date(2025, 6, 1), phase=Phase.ADOPTION, evidence="x"
    )
    db.session.commit()
    assert len(notices(LineageNotice.ADOPTED, idea.author)) == 2
    # Who recorded it follows the idea from then on, and so hears of a colleague's change.
    assert len(notices(LineageNotice.ADOPTED, colleague)) == 1


def test_adoption_input_is_checked(make_contact, make_idea):
    idea, contact = make_idea(), make_contact()

    def record(**changes):
        values = {"adopted_on": date(2025, 1, 1), "phase": "testing", "evidence": "Näyttö."}
        values.update(changes)
        services.record_adoption(idea=idea, actor=contact, **values)

    with pytest.raises(services.LineageError, match="cannot be in the future"):
        record(adopted_on=utcnow().date() + timedelta(days=3))
    with pytest.raises(services.LineageError, match="in 2000 or later"):
        record(adopted_on=date(1999, 12, 31))
    with pytest.raises(services.LineageError, match="Give the date of adoption"):
        record(adopted_on="2025-01-01")
    with pytest.raises(services.LineageError, match="Choose the development phase"):
        record(phase="valmis")
    with pytest.raises(services.LineageError, match="what shows the adoption"):
        record(evidence="   ")
    with pytest.raises(services.LineageError, match="at most 1000 characters"):
        record(evidence="x" * 1001)
    assert db.session.scalar(select(func.count(Adoption.id))) == 0


def test_removing_an_adoption(make_user, make_contact, make_idea, make_adoption):
    idea = make_idea()
    adoption = make_adoption(idea)
    with pytest.raises(services.LineageError, match="Only the area contacts of"):
        services.remove_adoption(adoption=adoption, actor=make_contact())
    services.remove_adoption(adoption=adoption, actor=make_user(role="moderator"))
    db.session.commit()
    assert queries.adoptions_of(idea) == []


def test_organisation_lists_both_ways(make_contact, make_idea, make_adoption):
    owner_idea = make_idea()
    adopter = make_contact()
    adoption = make_adoption(owner_idea, contact=adopter)
    make_adoption(make_idea(), contact=adopter)
    hidden = make_idea()
    make_adoption(hidden, contact=adopter)
    hidden.status = IdeaStatus.HIDDEN
    db.session.commit()
    by_adopter = queries.organisation_lineage(adopter.organisation)
    assert adoption in by_adopter.adopted and len(by_adopter.adopted) == 2
    assert by_adopter.adopted_from == []
    by_owner = queries.organisation_lineage(owner_idea.organisation)
    assert by_owner.adopted_from == [adoption] and by_owner.adopted == []


# --- Official responses --------------------------------------------------------------------


def test_an_official_response_is_given_replaced_and_heard(
    make_user, make_contact, make_idea, follow
):
    idea = make_idea(title="Etäkäynnit")
    follower = make_user()
    follow(follower, idea)
    contact = make_contact()
    services.give_official_response(
        idea=idea, actor=contact, kind="interested", statement="Selvitämme."
    )
    db.session.commit()
    [notice] = notices(LineageNotice.OFFICIAL_RESPONSE, follower)
    assert registry.describe(notice) == (
        f"{contact.organisation.name} responded to “Etäkäynnit”: Interested"
    )
    response = services.give_official_response(
        idea=idea, actor=contact, kind=ResponseKind.PILOTING, statement="Pilotoimme syksyllä."
    )
    db.session.commit()
    assert db.session.scalar(select(func.count(OfficialResponse.id))) == 1
    assert response.kind == ResponseKind.PILOTING and response.statement == "Pilotoimme syksyllä."
    assert len(notices(LineageNotice.OFFICIAL_RESPONSE, follower)) == 2
    # The same answer again is no news.
    services.give_official_response(
        idea=idea, actor=contact, kind="piloting", statement="Pilotoimme syksyllä."
    )
    db.session.commit()
    assert len(notices(LineageNotice.OFFICIAL_RESPONSE, follower)) == 2
    assert notices(LineageNotice.OFFICIAL_RESPONSE, contact) == []  # never to the actor


def test_response_input_is_checked(make_contact, make_idea):
    idea, contact = make_idea(), make_contact()
    with pytest.raises(services.LineageError, match="Choose your organisation's response"):
        services.give_official_response(idea=idea, actor=contact, kind="maybe", statement="x")
    with pytest.raises(services.LineageError, match="Write a short statement"):
        services.give_official_response(idea=idea, actor=contact, kind="not_now", statement=" ")
    with pytest.raises(services.LineageError, match="at most 500 characters"):
        services.give_official_response(
            idea=idea, actor=contact, kind="not_now", statement="x" * 501
        )


def test_removing_a_response(make_contact, make_idea, make_response):
    idea = make_idea()
    contact = make_contact()
    response = make_response(idea, contact=contact)
    with pytest.raises(services.LineageError):
        services.remove_official_response(response=response, actor=idea.author)
    services.remove_official_response(response=response, actor=contact)
    db.session.commit()
    assert queries.responses_to(idea) == []


def test_a_removed_adoption_is_no_longer_news_in_digests(
    make_user, make_idea, make_adoption, follow
):
    idea = make_idea()
    follower = make_user()
    follow(follower, idea)
    adoption = make_adoption(idea)
    assert registry.detail(notices(LineageNotice.ADOPTED, follower)[0]) is not None
    db.session.delete(adoption)
    db.session.commit()
    assert registry.detail(notices(LineageNotice.ADOPTED, follower)[0]) is None


def test_idea_services_still_work_without_lineage(make_user):
    """Creating an idea writes no lineage row unless the form names a source."""
    author = make_user()
    idea_services.create_idea(
        author=author,
        values=idea_services.IdeaFields(title="Uusi idea tässä", summary="Tiivistelmä " * 3),
        publish=True,
    )
    db.session.commit()
    assert db.session.scalar(select(func.count(IdeaDerivation.id))) == 0
