"""Every permission rule of ideas, tested from the side that must be refused too."""

from flask_login import AnonymousUserMixin

from idealaari import permissions
from idealaari.accounts.models import Role
from idealaari.ideas.models import IdeaStatus

anonymous = AnonymousUserMixin()


def test_author_edits_own_idea_and_others_do_not(make_user, make_idea):
    author, other = make_user(), make_user()
    idea = make_idea(author=author)
    assert permissions.can_edit_idea(author, idea)
    assert not permissions.can_edit_idea(other, idea)
    assert not permissions.can_edit_idea(anonymous, idea)
    assert not permissions.can_edit_idea(None, idea)


def test_area_contact_edits_only_their_own_organisations_ideas(make_user, make_idea, make_org):
    idea = make_idea()
    own_contact = make_user(role=Role.AREA_CONTACT, organisation=idea.organisation)
    other_contact = make_user(role=Role.AREA_CONTACT, organisation=make_org())
    same_org_member = make_user(role=Role.MEMBER, organisation=idea.organisation)
    assert permissions.can_edit_idea(own_contact, idea)
    assert not permissions.can_edit_idea(other_contact, idea)
    assert not permissions.can_edit_idea(same_org_member, idea)


def test_co_editor_edits_but_cannot_manage_co_editors(make_user, make_idea):
    idea = make_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    assert permissions.can_edit_idea(co_editor, idea)
    assert not permissions.can_manage_co_editors(co_editor, idea)
    assert permissions.can_manage_co_editors(idea.author, idea)


def test_moderator_does_not_edit_others_ideas_but_can_archive(make_user, make_idea):
    idea = make_idea()
    moderator = make_user(role=Role.MODERATOR)
    assert not permissions.can_edit_idea(moderator, idea)
    assert permissions.can_archive_idea(moderator, idea)
    assert not permissions.can_archive_idea(make_user(), idea)


def test_when_author_leaves_area_contacts_manage_the_idea(make_user, make_idea, app):
    from idealaari.extensions import db

    idea = make_idea()
    contact = make_user(role=Role.AREA_CONTACT, organisation=idea.organisation)
    db.session.delete(idea.author)
    db.session.flush()
    db.session.refresh(idea)
    assert idea.author_id is None
    assert permissions.can_edit_idea(contact, idea)
    assert permissions.can_manage_co_editors(contact, idea)
    assert not permissions.can_manage_co_editors(make_user(), idea)


def test_draft_visible_only_to_editors(make_user, make_idea):
    draft = make_idea(status=IdeaStatus.DRAFT)
    assert permissions.can_view_idea(draft.author, draft)
    assert not permissions.can_view_idea(make_user(), draft)
    assert not permissions.can_view_idea(make_user(role=Role.MODERATOR), draft)
    assert not permissions.can_view_idea(anonymous, draft)


def test_hidden_idea_visible_to_moderators_and_editors_only(make_user, make_idea):
    hidden = make_idea(status=IdeaStatus.HIDDEN)
    assert permissions.can_view_idea(make_user(role=Role.MODERATOR), hidden)
    assert permissions.can_view_idea(hidden.author, hidden)
    assert not permissions.can_view_idea(make_user(), hidden)
    assert not permissions.can_view_idea(anonymous, hidden)


def test_published_and_archived_are_public(make_idea):
    assert permissions.can_view_idea(anonymous, make_idea())
    assert permissions.can_view_idea(anonymous, make_idea(status=IdeaStatus.ARCHIVED))


def test_only_moderators_manage_themes_and_only_admins_users(make_user):
    member, contact = make_user(), make_user(role=Role.AREA_CONTACT)
    moderator, admin = make_user(role=Role.MODERATOR), make_user(role=Role.ADMIN)
    assert [
        permissions.can_manage_themes(u) for u in (anonymous, member, contact, moderator, admin)
    ] == [
        False,
        False,
        False,
        True,
        True,
    ]
    assert [
        permissions.can_manage_users(u) for u in (anonymous, member, contact, moderator, admin)
    ] == [
        False,
        False,
        False,
        False,
        True,
    ]


def test_anonymous_cannot_create(make_user):
    assert not permissions.can_create_idea(anonymous)
    assert permissions.can_create_idea(make_user())


def test_editable_clause_matches_the_rule(make_user, make_idea, make_org):
    from sqlalchemy import select

    from idealaari.extensions import db
    from idealaari.ideas.models import Idea

    org = make_org()
    contact = make_user(role=Role.AREA_CONTACT, organisation=org)
    member = make_user()
    ideas = [make_idea(), make_idea(organisation=org), make_idea(author=member)]
    ideas[0].co_editors.append(member)
    db.session.flush()
    for user in (contact, member, make_user()):
        ids = set(
            db.session.scalars(select(Idea.id).where(permissions.editable_ideas_clause(user)))
        )
        assert ids == {i.id for i in ideas if permissions.can_edit_idea(user, i)}
