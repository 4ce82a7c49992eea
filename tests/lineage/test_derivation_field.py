"""The "continues an earlier idea" field of the idea form: by number or address, checked
inline, with clear refusals; kept in lineage's own table."""

import re

import pytest
from markupsafe import escape
from sqlalchemy import select

from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus
from idealaari.lineage import queries, services
from idealaari.lineage.models import IdeaDerivation
from idealaari.lineage.notifications import LineageNotice
from idealaari.notifications.models import Notification
from tests.ideas.test_views import idea_form


def fresh():
    db.session.rollback()


def new_idea(client, author, reference, **overrides):
    data = idea_form(organisation=str(author.organisation_id), **overrides)
    data["derived-source"] = reference
    return client.post("/ideas/new", data=data)


def test_the_form_has_the_field(client, login, make_user):
    login(make_user())
    page = client.get("/ideas/new").text
    assert 'name="derived-source"' in page and "Continues an earlier idea" in page
    assert 'hx-post="/ideas/source-check"' in page


@pytest.mark.parametrize(
    "reference",
    [
        "{id}",
        "#{id}",
        " {id} ",
        "/ideas/{id}",
        "/ideas/{id}-{slug}",
        "http://idealaari.test/ideas/{id}-{slug}?page=2#comments",
        "idealaari.test/ideas/{id}-{slug}",
        "http://idealaari.test/ideas/{id}/partners",
    ],
)
def test_a_new_idea_names_its_source_by_number_or_address(
    client, login, make_user, make_idea, reference
):
    source = make_idea(title="Kotihoidon etäkäynnit")
    author = login(make_user())
    resp = new_idea(client, author, reference.format(id=source.id, slug=source.slug))
    assert resp.status_code == 302, resp.text
    fresh()
    idea = db.session.scalar(select(Idea).where(Idea.id != source.id))
    assert queries.source_id_of(idea) == source.id
    page = client.get(resp.headers["Location"]).text
    assert "This idea continues" in page and "Kotihoidon etäkäynnit" in page
    [notice] = db.session.scalars(
        select(Notification).where(Notification.kind == LineageNotice.DERIVED)
    ).all()
    assert notice.user_id == source.author_id


@pytest.mark.parametrize(
    ("reference", "message"),
    [
        ("kotihoito", "Give the idea's number or its address, for example 12 or …/ideas/12-…."),
        ("https://example.com/ideas/{id}", "Give the address of an idea in Idealaari."),
        ("http://idealaari.test/organisations/x", "That address is not the page of an idea."),
        ("999999", "There is no idea with that number."),
        ("9" * 40, "There is no idea with that number."),
        ("x" * 501, "Write at most 500 characters."),
    ],
)
def test_bad_references_are_explained_and_nothing_is_saved(
    client, login, make_user, make_idea, reference, message
):
    source = make_idea()
    author = login(make_user())
    resp = new_idea(client, author, reference.format(id=source.id))
    assert resp.status_code == 422 and str(escape(message)) in resp.text
    assert "Please check the form" in resp.text  # the summary at the top names it too
    assert f"Continues an earlier idea: {escape(message)}" in resp.text
    fresh()
    assert db.session.scalar(select(Idea).where(Idea.id != source.id)) is None


def test_a_draft_source_is_no_idea_to_others_and_refused_to_its_author(
    client, login, make_user, make_idea
):
    draft = make_idea(status=IdeaStatus.DRAFT)
    author = login(make_user())
    assert "There is no idea with that number." in new_idea(client, author, str(draft.id)).text
    login(draft.author)
    resp = new_idea(client, draft.author, str(draft.id))
    assert resp.status_code == 422
    assert "An idea can continue only a published or archived idea." in resp.text


def test_an_archived_idea_can_be_continued(client, login, make_user, make_idea):
    source = make_idea(status=IdeaStatus.ARCHIVED)
    author = login(make_user())
    assert new_idea(client, author, str(source.id)).status_code == 302


def test_words_instead_of_a_number_suggest_ideas_with_their_numbers(
    client, login, make_user, make_idea
):
    source = make_idea(title="Kotihoidon etäkäynnit videolla")
    author = login(make_user())
    resp = new_idea(client, author, "etäkäynnit videolla")
    assert resp.status_code == 422
    assert "Ideas with these words in the title" in resp.text
    assert f'<span class="lineage-number">{source.id}</span>' in resp.text


def test_editing_shows_changes_and_clears_the_source(client, login, make_idea):
    first, second = make_idea(title="Ensimmäinen lähde"), make_idea(title="Toinen lähde")
    idea = make_idea()
    services.set_derivation(idea=idea, source=first, actor=idea.author)
    db.session.commit()
    login(idea.author)
    page = client.get(f"/ideas/{idea.id}/edit").text
    assert re.search(rf'<input[^>]*name="derived-source"[^>]*value="{first.id}"', page)
    assert "This idea continues:" in page and "Ensimmäinen lähde" in page
    data = idea_form(publish=None)
    data["derived-source"] = str(second.id)
    resp = client.post(f"/ideas/{idea.id}/edit", data=data)
    assert resp.status_code == 302
    assert "Changes saved." in client.get(resp.headers["Location"]).text
    fresh()
    assert queries.source_id_of(idea) == second.id
    data["derived-source"] = ""
    client.post(f"/ideas/{idea.id}/edit", data=data)
    fresh()
    assert db.session.scalar(select(IdeaDerivation)) is None


def test_editing_refuses_itself_and_a_loop(client, login, make_idea):
    a, b = make_idea(), make_idea()
    services.set_derivation(idea=b, source=a, actor=b.author)
    db.session.commit()
    login(a.author)
    data = idea_form(publish=None)
    data["derived-source"] = str(a.id)
    assert "An idea cannot continue itself." in client.post(f"/ideas/{a.id}/edit", data=data).text
    data["derived-source"] = str(b.id)
    resp = client.post(f"/ideas/{a.id}/edit", data=data)
    assert resp.status_code == 422 and "already continues this idea" in resp.text


def test_a_draft_tells_the_source_author_when_published_from_the_edit_form(
    client, login, make_user, make_idea
):
    source = make_idea()
    author = login(make_user())
    resp = new_idea(client, author, str(source.id), publish=None, save_draft="1")
    assert resp.status_code == 302
    fresh()
    idea = db.session.scalar(select(Idea).where(Idea.id != source.id))
    assert idea.status == IdeaStatus.DRAFT
    kind = Notification.kind == LineageNotice.DERIVED
    assert db.session.scalars(select(Notification).where(kind)).all() == []
    data = idea_form()
    data["derived-source"] = str(source.id)
    client.post(f"/ideas/{idea.id}/edit", data=data)
    fresh()
    assert len(db.session.scalars(select(Notification).where(kind)).all()) == 1


def test_the_inline_check_names_the_idea_found(client, login, make_user, make_idea, htmx_headers):
    source = make_idea(title="Kotihoidon etäkäynnit")
    login(make_user())
    resp = client.post(
        "/ideas/source-check", data={"derived-source": str(source.id)}, headers=htmx_headers
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith('<div class="field lineage-source"')
    assert 'id="field-derived-source"' in resp.text
    assert "This idea continues:" in resp.text and "Kotihoidon etäkäynnit" in resp.text
    resp = client.post("/ideas/source-check", data={"derived-source": "abc"}, headers=htmx_headers)
    assert "Give the idea&#39;s number or its address" in resp.text
    assert 'aria-invalid="true"' in resp.text


def test_the_inline_check_needs_a_login(client, htmx_headers):
    resp = client.post("/ideas/source-check", data={"derived-source": "1"}, headers=htmx_headers)
    assert resp.status_code == 401
