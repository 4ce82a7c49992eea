"""Idea services, called directly: each refusal from the side that must be refused.

The forms refuse most bad input before a service sees it, so view tests cannot show that the
services keep their rules; these tests do.
"""

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import func, select

from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas import services
from idealaari.ideas.models import Idea, IdeaStatus, Theme
from idealaari.ideas.services import IdeaError, IdeaFields


def fields(**overrides) -> IdeaFields:
    values = {
        "title": "Etäkuntoutus kotiin videolla",
        "summary": "Kuntoutujat harjoittelevat kotona fysioterapeutin ohjauksessa.",
    }
    values.update(overrides)
    return IdeaFields(**values)


def idea_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Idea))


def refused(call, message: str) -> None:
    """`call()` raises IdeaError with exactly `message`."""
    with pytest.raises(IdeaError) as e:
        call()
    assert str(e.value) == message


# --- Creating -----------------------------------------------------------------------------


def test_create_refuses_a_visitor(app):
    refused(
        lambda: services.create_idea(author=AnonymousUserMixin(), values=fields(), publish=True),
        "Log in to post an idea.",
    )
    assert idea_count() == 0


def test_create_refuses_a_member_posting_for_another_organisation(make_user, make_org):
    member, other = make_user(), make_org()
    refused(
        lambda: services.create_idea(
            author=member, values=fields(organisation=other), publish=True
        ),
        "You cannot post ideas for that organisation.",
    )
    db.session.rollback()
    assert idea_count() == 0


def test_create_lets_a_member_post_for_their_own_organisation(make_user):
    member = make_user()
    idea = services.create_idea(
        author=member, values=fields(organisation=member.organisation), publish=True
    )
    assert idea.organisation_id == member.organisation_id


def test_create_lets_a_moderator_post_for_any_organisation(make_user, make_org):
    other = make_org()
    idea = services.create_idea(
        author=make_user(role=Role.MODERATOR), values=fields(organisation=other), publish=True
    )
    assert idea.organisation_id == other.id


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"title": "   "}, "Give the idea a title."),
        ({"summary": " \n "}, "Give the idea a short summary."),
        ({"tags": [f"tagi{i}" for i in range(11)]}, "Give at most 10 tags."),
        ({"tags": ["x" * 41]}, "A tag can be at most 40 characters long."),
    ],
)
def test_create_refuses_bad_content(make_user, overrides, message):
    member = make_user()
    refused(
        lambda: services.create_idea(author=member, values=fields(**overrides), publish=True),
        message,
    )
    db.session.rollback()
    assert idea_count() == 0


def test_ten_tags_of_40_characters_are_fine(make_user):
    tags = [f"{i}" + "x" * 39 for i in range(10)]
    idea = services.create_idea(author=make_user(), values=fields(tags=tags), publish=True)
    assert sorted(t.name for t in idea.tags) == sorted(tags)


# --- Editing ------------------------------------------------------------------------------


def test_update_refuses_a_member_who_is_not_an_editor(make_user, make_idea):
    idea = make_idea()
    for outsider in (make_user(), make_user(organisation=idea.organisation), AnonymousUserMixin()):
        refused(
            lambda outsider=outsider: services.update_idea(
                idea=idea, editor=outsider, values=fields(title="Toinen otsikko")
            ),
            "You cannot edit this idea.",
        )
    assert idea.title != "Toinen otsikko"


@pytest.mark.parametrize("status", [IdeaStatus.ARCHIVED, IdeaStatus.HIDDEN, IdeaStatus.MERGED])
def test_update_refuses_ideas_that_are_not_draft_or_published(make_idea, status):
    idea = make_idea(status=status)
    refused(
        lambda: services.update_idea(idea=idea, editor=idea.author, values=fields()),
        "Only drafts and published ideas can be edited.",
    )


@pytest.mark.parametrize("role", [Role.MEMBER, Role.AREA_CONTACT])
def test_update_refuses_moving_an_idea_to_another_organisation(
    make_user, make_idea, make_org, role
):
    idea = make_idea()
    editor = (
        idea.author if role == Role.MEMBER else make_user(role=role, organisation=idea.organisation)
    )
    before = idea.organisation_id
    refused(
        lambda: services.update_idea(
            idea=idea, editor=editor, values=fields(organisation=make_org())
        ),
        "You cannot post ideas for that organisation.",
    )
    assert idea.organisation_id == before


def test_update_keeps_an_organisation_the_editor_could_not_choose(make_user, make_idea, make_org):
    """A moderator placed the idea in another organisation; its author may still edit it."""
    other = make_org()
    idea = make_idea(organisation=other)
    assert services.update_idea(
        idea=idea, editor=idea.author, values=fields(title="Uusi otsikko", organisation=other)
    )
    assert idea.organisation_id == other.id and idea.title == "Uusi otsikko"


def test_update_lets_a_moderator_move_their_idea_to_any_organisation(
    make_user, make_idea, make_org
):
    idea, other = make_idea(author=make_user(role=Role.MODERATOR)), make_org()
    services.update_idea(idea=idea, editor=idea.author, values=fields(organisation=other))
    assert idea.organisation_id == other.id


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"title": ""}, "Give the idea a title."),
        ({"summary": ""}, "Give the idea a short summary."),
        ({"tags": [f"t{i}" for i in range(11)]}, "Give at most 10 tags."),
    ],
)
def test_update_refuses_bad_content_and_changes_nothing(make_idea, overrides, message):
    idea = make_idea()
    title, summary = idea.title, idea.summary
    refused(
        lambda: services.update_idea(idea=idea, editor=idea.author, values=fields(**overrides)),
        message,
    )
    assert (idea.title, idea.summary) == (title, summary)


# --- Archiving and restoring --------------------------------------------------------------


def test_archive_refuses_other_members_and_unpublished_ideas(make_user, make_idea):
    idea = make_idea()
    refused(
        lambda: services.archive_idea(idea=idea, actor=make_user()),
        "You cannot archive this idea.",
    )
    draft = make_idea(status=IdeaStatus.DRAFT)
    refused(
        lambda: services.archive_idea(idea=draft, actor=draft.author),
        "You cannot archive this idea.",
    )
    assert idea.status == IdeaStatus.PUBLISHED and draft.status == IdeaStatus.DRAFT
    services.archive_idea(idea=idea, actor=idea.author)
    assert idea.status == IdeaStatus.ARCHIVED


def test_restore_refuses_other_members_and_ideas_not_archived(make_user, make_idea):
    archived = make_idea(status=IdeaStatus.ARCHIVED)
    refused(
        lambda: services.restore_idea(idea=archived, actor=make_user()),
        "You cannot restore this idea.",
    )
    published = make_idea()
    refused(
        lambda: services.restore_idea(idea=published, actor=make_user(role=Role.MODERATOR)),
        "You cannot restore this idea.",
    )
    services.restore_idea(idea=archived, actor=make_user(role=Role.MODERATOR))
    assert archived.status == IdeaStatus.PUBLISHED


# --- Co-editors ---------------------------------------------------------------------------


def test_only_the_author_adds_and_removes_co_editors(make_user, make_idea):
    idea, colleague = make_idea(), make_user()
    services.add_co_editor(idea=idea, actor=idea.author, email=colleague.email)
    refused(
        lambda: services.add_co_editor(idea=idea, actor=colleague, email=make_user().email),
        "Only the author can add co-editors.",
    )
    refused(
        lambda: services.remove_co_editor(idea=idea, actor=colleague, member=colleague),
        "Only the author can remove co-editors.",
    )
    assert idea.co_editors == [colleague]


def test_add_co_editor_refuses_unknown_inactive_and_existing_editors(make_user, make_idea):
    idea, colleague = make_idea(), make_user()
    services.add_co_editor(idea=idea, actor=idea.author, email=f"  {colleague.email.upper()} ")
    for email in ("ei-ketaan@example.fi", make_user(active=False).email):
        refused(
            lambda email=email: services.add_co_editor(idea=idea, actor=idea.author, email=email),
            "No member has that e-mail address.",
        )
    for member in (idea.author, colleague):
        refused(
            lambda member=member: services.add_co_editor(
                idea=idea, actor=idea.author, email=member.email
            ),
            f"{member.name} can already edit this idea.",
        )
    assert idea.co_editors == [colleague]


# --- Themes -------------------------------------------------------------------------------


def test_only_moderators_manage_themes(make_user, make_theme):
    theme = make_theme()
    for outsider in (make_user(), make_user(role=Role.AREA_CONTACT), AnonymousUserMixin()):
        refused(
            lambda outsider=outsider: services.create_theme(actor=outsider, name_fi="Uusi teema"),
            "Only moderators can manage themes.",
        )
        refused(
            lambda outsider=outsider: services.update_theme(
                actor=outsider, theme=theme, name_fi="Muu", name_sv="", name_en="", active=False
            ),
            "Only moderators can manage themes.",
        )
    assert theme.active and theme.name_fi != "Muu"


def test_themes_need_a_unique_finnish_name(make_user):
    moderator = make_user(role=Role.MODERATOR)
    theme = services.create_theme(actor=moderator, name_fi="Digipalvelut")
    refused(
        lambda: services.create_theme(actor=moderator, name_fi="  "),
        "Give the theme a Finnish name.",
    )
    refused(
        lambda: services.create_theme(actor=moderator, name_fi="digipalvelut"),
        "A theme with that name already exists.",
    )
    refused(
        lambda: services.update_theme(
            actor=moderator, theme=theme, name_fi=" ", name_sv="", name_en="", active=True
        ),
        "Give the theme a Finnish name.",
    )
    assert db.session.scalar(select(func.count()).select_from(Theme)) == 1


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Kotihoidon etäkäynnit videoyhteydellä", "kotihoidon-etakaynnit-videoyhteydella"),
        # Cut between words at 80 characters ...
        ("sana " * 30, "-".join(["sana"] * 16)),
        # ... but a first word longer than that is cut inside, not dropped.
        ("Loppuraportti" * 10 + " https://example.fi/a.pdf", ("loppuraportti" * 10)[:80]),
        ("!!!", "idea"),
    ],
)
def test_slugs_keep_the_start_of_the_title(title, slug):
    assert services.make_slug(title) == slug
