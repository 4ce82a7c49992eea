"""Who may move an idea to another organisation, the co-editor look-up limit, and the idea
page's redirect to its canonical address."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from idealaari import permissions
from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas import services
from idealaari.ideas.models import Idea


def edit_form(idea, **overrides):
    data = {
        "title": idea.title,
        "summary": idea.summary,
        "need": idea.need,
        "body": idea.body,
        "phase": idea.phase.value,
        "organisation": str(idea.organisation_id),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def has_owner_select(page: str) -> bool:
    return re.search(r'<select[^>]*name="organisation"', page) is not None


def owner_of(idea) -> int:
    db.session.expire_all()
    return db.session.get(Idea, idea.id).organisation_id


# --- Changing the owner --------------------------------------------------------------------


def test_who_may_change_the_owner(make_user, make_idea, make_org):
    idea = make_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    own_area_contact = make_user(role=Role.AREA_CONTACT, organisation=idea.organisation)
    other_area_contact = make_user(role=Role.AREA_CONTACT, organisation=make_org())
    assert permissions.can_change_idea_owner(idea.author, idea)
    assert permissions.can_change_idea_owner(own_area_contact, idea)
    for refused in (co_editor, other_area_contact, make_user(role=Role.MODERATOR), None):
        assert not permissions.can_change_idea_owner(refused, idea)
    assert idea.organisation.name in permissions.owner_change_refusal(co_editor, idea)


def test_co_editor_sees_the_owner_as_text_not_a_choice(client, login, make_user, make_idea):
    idea = make_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    login(co_editor)
    page = client.get(f"/ideas/{idea.id}/edit").text
    assert not has_owner_select(page)
    assert idea.organisation.name in page
    assert f'name="organisation" value="{idea.organisation_id}"' in page
    assert co_editor.organisation.name not in page


def test_co_editor_cannot_move_the_idea_to_their_organisation(client, login, make_user, make_idea):
    idea = make_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    login(co_editor)
    resp = client.post(
        f"/ideas/{idea.id}/edit",
        data=edit_form(
            idea, organisation=str(co_editor.organisation_id), title="Uusi otsikko ideallemme"
        ),
    )
    assert resp.status_code == 422
    assert "Only the author and the area contacts of" in resp.text
    assert idea.organisation.name in resp.text
    assert 'value="Uusi otsikko ideallemme"' in resp.text  # nothing typed is lost
    assert owner_of(idea) == idea.organisation_id
    assert db.session.get(Idea, idea.id).title == idea.title


@pytest.mark.parametrize("organisation", ["another", "999999", str(2**70), "abc"])
def test_crafted_owner_changes_by_a_co_editor_are_refused(
    client, login, make_user, make_org, make_idea, organisation
):
    idea = make_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    login(co_editor)
    value = str(make_org().id) if organisation == "another" else organisation
    resp = client.post(f"/ideas/{idea.id}/edit", data=edit_form(idea, organisation=value))
    assert resp.status_code == 422 and "<html" in resp.text
    assert owner_of(idea) == idea.organisation_id


def test_co_editor_edit_without_an_organisation_keeps_the_owner(
    client, login, make_user, make_idea
):
    idea = make_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    login(co_editor)
    resp = client.post(
        f"/ideas/{idea.id}/edit", data=edit_form(idea, organisation=None, need="Uusi tarve.")
    )
    assert resp.status_code == 302
    assert owner_of(idea) == idea.organisation_id


def test_the_service_refuses_an_owner_change_by_a_co_editor(make_user, make_idea):
    idea = make_idea()
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    values = services.IdeaFields(
        title=idea.title, summary=idea.summary, organisation=co_editor.organisation
    )
    with pytest.raises(services.IdeaError, match="can change the owning organisation"):
        services.update_idea(idea=idea, editor=co_editor, values=values)


def test_the_author_moves_the_idea_and_the_history_says_so(client, login, make_org, make_idea):
    idea = make_idea()
    old = idea.organisation
    author = idea.author
    author.organisation = make_org(name="Uusi hyvinvointialue")  # moved to a new job
    db.session.commit()
    login(author)
    page = client.get(f"/ideas/{idea.id}/edit").text
    assert has_owner_select(page)
    resp = client.post(
        f"/ideas/{idea.id}/edit", data=edit_form(idea, organisation=str(author.organisation_id))
    )
    assert resp.status_code == 302
    assert owner_of(idea) == author.organisation_id
    history = client.get(f"/ideas/{idea.id}/history").text
    assert f"Owner changed from {old.name_fi} to Uusi hyvinvointialue." in history


# --- The co-editor look-up -------------------------------------------------------------------


@pytest.mark.app_config(IDEALAARI_CO_EDITOR_LIMIT="2 per minute")
def test_co_editor_lookups_are_limited_per_member(client, login, make_user, make_idea):
    idea = make_idea()
    login(idea.author)
    fragment = {"HX-Request": "true", "HX-Target": "co-editors"}
    first = make_user(email="eka@example.fi")
    ok = client.post(f"/ideas/{idea.id}/co-editors", data={"email": first.email}, headers=fragment)
    assert ok.status_code == 200 and first.name in ok.text  # a legitimate editor sees who
    missing = client.post(
        f"/ideas/{idea.id}/co-editors", data={"email": "ei-ole@example.fi"}, headers=fragment
    )
    assert missing.status_code == 422 and "No member has that e-mail address." in missing.text
    third = make_user(email="kolmas@example.fi", name="Kolmas Jäsen")
    limited = client.post(
        f"/ideas/{idea.id}/co-editors", data={"email": third.email}, headers=fragment
    )
    assert limited.status_code == 422 and "Wait a moment and try again" in limited.text
    assert "Kolmas Jäsen" not in limited.text
    assert 'value="kolmas@example.fi"' in limited.text  # the address typed stays
    plain = client.post(f"/ideas/{idea.id}/co-editors", data={"email": third.email})
    assert plain.status_code == 303
    assert "Wait a moment and try again" in client.get(plain.headers["Location"]).text
    db.session.expire_all()
    assert [m.email for m in db.session.get(Idea, idea.id).co_editors] == [first.email]


@pytest.mark.app_config(IDEALAARI_CO_EDITOR_ADDRESS_LIMIT="2 per minute")
def test_co_editor_lookups_are_limited_per_address(client, login, make_user, make_idea):
    """Two accounts from one address share its limit."""
    fragment = {"HX-Request": "true", "HX-Target": "co-editors"}
    answers = []
    for author in (make_user(), make_user(), make_user()):
        idea = make_idea(author=author)
        login(author)
        answers.append(
            client.post(
                f"/ideas/{idea.id}/co-editors", data={"email": "ei@example.fi"}, headers=fragment
            ).text
        )
    assert ["Wait a moment and try again" in a for a in answers] == [False, False, True]


# --- The canonical address --------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "slug=x",
        "idea_id=5",
        "_method=POST",
        "_external=1",
        "_anchor=x",
        "_scheme=x",
        "page=2&page=3",
        "q=%C3%A4%20%26%20b",
    ],
)
@pytest.mark.parametrize("path", ["{id}", "{id}-vanha-osoite"])
def test_the_redirect_to_the_canonical_address_keeps_any_query(client, make_idea, query, path):
    idea = make_idea()
    resp = client.get(f"/ideas/{path.format(id=idea.id)}?{query}")
    assert resp.status_code == 301
    location = urlsplit(resp.headers["Location"])
    assert location.netloc in ("", "idealaari.test")
    assert location.path == f"/ideas/{idea.id}-{idea.slug}" and not location.fragment
    assert parse_qsl(location.query) == parse_qsl(query)


def test_the_redirect_without_a_query_has_no_question_mark(client, make_idea):
    idea = make_idea()
    resp = client.get(f"/ideas/{idea.id}")
    assert resp.status_code == 301 and resp.headers["Location"].endswith(f"-{idea.slug}")
