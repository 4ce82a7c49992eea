"""The lineage rules, each tested from the side that must be refused."""

from flask_login import AnonymousUserMixin

from idealaari import permissions
from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus

anonymous = AnonymousUserMixin()


# --- Derived from --------------------------------------------------------------------------


def test_the_author_and_editors_say_what_an_idea_continues(make_user, make_idea):
    idea = make_idea()
    contact = make_user(role=Role.AREA_CONTACT, organisation=idea.organisation)
    assert permissions.can_record_derivation(idea.author, idea)
    assert permissions.can_record_derivation(contact, idea)
    assert permissions.can_record_derivation(make_user(), None)  # a new idea


def test_others_cannot_say_what_an_idea_continues(make_user, make_idea):
    idea = make_idea()
    other_contact = make_user(role=Role.AREA_CONTACT)
    assert permissions.derivation_refusal(anonymous, idea) == "Log in to edit the idea."
    assert permissions.derivation_refusal(anonymous, None) == "Log in to post an idea."
    assert permissions.derivation_refusal(make_user(), idea) == "You cannot edit this idea."
    assert not permissions.can_record_derivation(other_contact, idea)
    assert not permissions.can_record_derivation(make_user(role=Role.MODERATOR), idea)


def test_unverified_members_cannot_say_what_an_idea_continues(make_user, make_idea):
    unverified = make_user(verified=False)
    idea = make_idea()
    idea.co_editors.append(unverified)
    db.session.commit()
    assert "Confirm your e-mail address" in permissions.derivation_refusal(unverified, idea)
    assert "Confirm your e-mail address" in permissions.derivation_refusal(unverified, None)


def test_archived_ideas_keep_their_lineage(make_idea):
    idea = make_idea(status=IdeaStatus.ARCHIVED)
    assert permissions.derivation_refusal(idea.author, idea) == (
        "Only drafts and published ideas can be edited."
    )


def test_only_published_and_archived_ideas_can_be_continued(make_user, make_idea):
    member = make_user()
    assert permissions.can_derive_from(member, None, make_idea())
    assert permissions.can_derive_from(member, None, make_idea(status=IdeaStatus.ARCHIVED))
    for status in (IdeaStatus.DRAFT, IdeaStatus.HIDDEN, IdeaStatus.MERGED):
        assert permissions.derivation_source_refusal(member, None, make_idea(status=status)) == (
            "An idea can continue only a published or archived idea."
        )


def test_an_idea_cannot_continue_itself(make_idea):
    idea = make_idea()
    assert permissions.derivation_source_refusal(idea.author, idea, idea) == (
        "An idea cannot continue itself."
    )


# --- Adopted by ----------------------------------------------------------------------------


def test_an_area_contact_of_another_organisation_records_an_adoption(make_contact, make_idea):
    idea = make_idea()
    assert permissions.can_record_adoption(make_contact(), idea)
    assert permissions.can_record_adoption(make_contact(), make_idea(status=IdeaStatus.ARCHIVED))


def test_visitors_members_and_moderators_cannot_record_adoptions(make_user, make_idea):
    idea = make_idea()
    assert permissions.adoption_refusal(anonymous, idea) == "Log in to record an adoption."
    assert permissions.adoption_refusal(None, idea) == "Log in to record an adoption."
    refusal = "Only area contacts speak for their organisation here."
    assert permissions.adoption_refusal(make_user(), idea) == refusal
    assert permissions.adoption_refusal(idea.author, idea) == refusal
    assert permissions.adoption_refusal(make_user(role=Role.MODERATOR), idea) == refusal
    assert permissions.adoption_refusal(make_user(role=Role.ADMIN), idea) == refusal


def test_unverified_area_contacts_cannot_record_adoptions(make_contact, make_idea):
    refusal = permissions.adoption_refusal(make_contact(verified=False), make_idea())
    assert refusal == "Confirm your e-mail address first: we sent you a link."


def test_no_adoption_of_drafts_hidden_or_merged_ideas(make_contact, make_idea):
    contact = make_contact()
    for status in (IdeaStatus.DRAFT, IdeaStatus.HIDDEN, IdeaStatus.MERGED):
        assert permissions.adoption_refusal(contact, make_idea(status=status)) == (
            "Only published and archived ideas can be adopted."
        )


def test_an_organisation_does_not_adopt_its_own_idea(make_contact, make_idea):
    idea = make_idea()
    own = make_contact(organisation=idea.organisation)
    assert "your organisation's own idea" in permissions.adoption_refusal(own, idea)


def test_only_the_adopters_contacts_and_moderators_remove_an_adoption(
    make_user, make_contact, make_idea, make_adoption
):
    idea = make_idea()
    adopter = make_contact()
    adoption = make_adoption(idea, contact=adopter)
    colleague = make_contact(organisation=adopter.organisation)
    assert permissions.can_remove_adoption(adopter, adoption)
    assert permissions.can_remove_adoption(colleague, adoption)
    assert permissions.can_remove_adoption(make_user(role=Role.MODERATOR), adoption)
    refused = [
        anonymous,
        make_user(),  # a plain member
        make_user(organisation=adopter.organisation),  # a member of the adopting organisation
        make_contact(),  # an area contact of another organisation
        make_contact(organisation=idea.organisation),  # the idea's own area contact
        idea.author,
        make_contact(organisation=adopter.organisation, verified=False),
    ]
    for user in refused:
        assert not permissions.can_remove_adoption(user, adoption), user
    assert permissions.adoption_removal_refusal(make_user(), adoption) == (
        f"Only the area contacts of {adopter.organisation.name} and the moderators can remove "
        "this adoption."
    )


# --- Official responses --------------------------------------------------------------------


def test_area_contacts_respond_to_any_public_idea(make_contact, make_idea):
    idea = make_idea()
    assert permissions.can_respond_officially(make_contact(), idea)
    assert permissions.can_respond_officially(make_contact(organisation=idea.organisation), idea)
    assert permissions.can_respond_officially(make_contact(), make_idea(status=IdeaStatus.ARCHIVED))


def test_others_cannot_respond_officially(make_user, make_contact, make_idea):
    idea = make_idea()
    assert permissions.official_response_refusal(anonymous, idea) == (
        "Log in to give an official response."
    )
    for user in (make_user(), idea.author, make_user(role=Role.MODERATOR)):
        assert permissions.official_response_refusal(user, idea) == (
            "Only area contacts speak for their organisation here."
        )
    assert "Confirm your e-mail" in permissions.official_response_refusal(
        make_contact(verified=False), idea
    )
    contact = make_contact()
    for status in (IdeaStatus.DRAFT, IdeaStatus.HIDDEN, IdeaStatus.MERGED):
        assert not permissions.can_respond_officially(contact, make_idea(status=status))


def test_only_the_responders_contacts_and_moderators_remove_a_response(
    make_user, make_contact, make_idea, make_response
):
    idea = make_idea()
    responder = make_contact()
    response = make_response(idea, contact=responder)
    assert permissions.can_remove_response(responder, response)
    assert permissions.can_remove_response(
        make_contact(organisation=responder.organisation), response
    )
    assert permissions.can_remove_response(make_user(role=Role.MODERATOR), response)
    for user in (anonymous, make_user(), make_contact(), idea.author):
        assert not permissions.can_remove_response(user, response)
    assert "Only the area contacts of" in permissions.response_removal_refusal(
        make_user(), response
    )
