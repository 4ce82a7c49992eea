"""Idea pages as a member and a visitor use them: full pages, htmx partials, bad input."""

import pytest
from sqlalchemy import select

from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaRevision, IdeaStatus, Phase, TargetGroup


def idea_form(**overrides):
    data = {
        "title": "Etäkuntoutus kotiin videolla",
        "summary": "Kuntoutujat harjoittelevat kotona fysioterapeutin ohjauksessa videoyhteydellä.",
        "need": "Pitkät matkat kuntoutukseen.",
        "body": "## Tavoitteet\n\n- vähemmän matkoja\n- enemmän harjoittelua",
        "phase": "testing",
        "tags": "Kuntoutus, #etäpalvelut, kuntoutus",
        "target_groups": ["clients", "professionals"],
        "publish": "1",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_visitor_is_sent_to_login_to_create(client):
    resp = client.get("/ideas/new")
    assert resp.status_code == 302
    assert "/login?next=" in resp.headers["Location"]


def test_htmx_visitor_gets_401_with_hx_redirect(client, htmx_headers):
    resp = client.post("/ideas/new", headers=htmx_headers)
    assert resp.status_code == 401
    assert "/login" in resp.headers["HX-Redirect"]


def test_create_and_publish(client, login, make_user, make_theme):
    user = login(make_user())
    theme = make_theme()
    resp = client.post(
        "/ideas/new", data=idea_form(themes=[str(theme.id)], organisation=str(user.organisation_id))
    )
    assert resp.status_code == 302
    idea = db.session.scalar(select(Idea))
    assert resp.headers["Location"].endswith(f"/ideas/{idea.id}-etakuntoutus-kotiin-videolla")
    assert idea.status == IdeaStatus.PUBLISHED and idea.published_at is not None
    assert idea.organisation_id == user.organisation_id
    assert [t.name for t in idea.tags] == ["etäpalvelut", "kuntoutus"]
    assert idea.target_groups == [TargetGroup.CLIENTS, TargetGroup.PROFESSIONALS]
    assert idea.phase == Phase.TESTING
    page = client.get(resp.headers["Location"]).text
    assert '<h1 id="idea-title">Etäkuntoutus kotiin videolla</h1>' in page
    assert "<h2>Tavoitteet</h2>" in page and "<li>vähemmän matkoja</li>" in page


def test_save_as_draft_is_visible_only_to_editors(client, login, make_user):
    author = login(make_user())
    resp = client.post(
        "/ideas/new",
        data=idea_form(publish=None, save_draft="1", organisation=str(author.organisation_id)),
    )
    idea = db.session.scalar(select(Idea))
    assert idea.status == IdeaStatus.DRAFT
    assert client.get(resp.headers["Location"]).status_code == 200
    assert idea.title not in client.get("/ideas").text
    login(make_user())
    assert client.get(f"/ideas/{idea.id}-{idea.slug}").status_code == 404
    assert client.get(f"/ideas/{idea.id}/history").status_code == 404
    assert client.get(f"/ideas/{idea.id}/edit").status_code == 404


def test_drafts_are_listed_on_own_profile_only(client, login, make_user, make_idea):
    draft = make_idea(status=IdeaStatus.DRAFT, title="Salainen luonnosidea")
    login(draft.author)
    assert "Salainen luonnosidea" in client.get(f"/members/{draft.author.id}").text
    login(make_user())
    assert "Salainen luonnosidea" not in client.get(f"/members/{draft.author.id}").text


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"title": ""}, "Give the idea a title."),
        ({"title": "x" * 161}, "Write between 5 and 160 characters."),
        ({"summary": ""}, "Give the idea a short summary."),
        ({"body": "x" * 20_001}, "Write at most 20000 characters."),
        ({"phase": "nonsense"}, "Choose one of the options given."),
        ({"target_groups": ["martians"]}, "Choose one of the options given."),
        ({"themes": ["999999"]}, "Choose one of the options given."),
        ({"tags": ", ".join(f"tagi{i}" for i in range(11))}, "Give at most 10 tags."),
        ({"tags": "x" * 41}, "A tag can be at most 40 characters long."),
        ({"seeks_partners": "y", "partner_roles": []}, "Choose at least one kind of partner"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_kept(client, login, make_user, overrides, message):
    user = login(make_user())
    data = idea_form(organisation=str(user.organisation_id), **overrides)
    resp = client.post("/ideas/new", data=data)
    assert resp.status_code == 422
    assert message in resp.text
    assert "Pitkät matkat kuntoutukseen." in resp.text  # what was typed is kept
    assert db.session.scalar(select(Idea)) is None


def test_organisation_must_be_a_number(client, login, make_user):
    login(make_user())
    resp = client.post("/ideas/new", data=idea_form(organisation="abc"))
    assert resp.status_code == 422 and "Choose one of the options given." in resp.text


def test_the_form_offers_only_the_members_own_organisation(client, login, make_user, make_org):
    """The form's choices refuse first; the service's own rule is tested in test_services.py."""
    member = login(make_user())
    other = make_org()
    page = client.get("/ideas/new").text
    select_box = page[page.index('name="organisation"') :].split("</select>")[0]
    assert (
        f'value="{member.organisation_id}"' in select_box
        and member.organisation.name_en in select_box
    )
    assert f'value="{other.id}"' not in select_box and other.name_en not in page
    resp = client.post("/ideas/new", data=idea_form(organisation=str(other.id)))
    assert resp.status_code == 422 and "Choose one of the options given." in resp.text
    assert db.session.scalar(select(Idea)) is None


def test_moderator_can_post_for_any_organisation(client, login, make_user, make_org):
    login(make_user(role=Role.MODERATOR))
    other = make_org()
    assert client.post("/ideas/new", data=idea_form(organisation=str(other.id))).status_code == 302
    assert db.session.scalar(select(Idea)).organisation_id == other.id


def test_inline_validation_returns_the_field_partial(client, login, make_user, htmx_headers):
    login(make_user())
    resp = client.post("/ideas/validate/title", data={"title": "ab"}, headers=htmx_headers)
    assert resp.status_code == 200
    assert "<html" not in resp.text
    assert 'id="field-title"' in resp.text and "Write between 5 and 160 characters." in resp.text
    ok = client.post("/ideas/validate/title", data={"title": "Hyvä otsikko"}, headers=htmx_headers)
    assert "error" not in ok.text
    assert (
        client.post("/ideas/validate/csrf_token", data={}, headers=htmx_headers).status_code == 404
    )
    assert client.post("/ideas/validate/nope", data={}, headers=htmx_headers).status_code == 404


def test_edit_keeps_history_with_a_readable_diff(client, login, make_user, make_idea):
    idea = make_idea(title="Kotihoidon etäkäynnit", summary="Vanha tiivistelmä on tässä.")
    login(idea.author)
    resp = client.post(
        f"/ideas/{idea.id}/edit",
        data=idea_form(
            title="Kotihoidon etäkäynnit videolla",
            summary="Uusi tiivistelmä on tässä.",
            organisation=str(idea.organisation_id),
            publish=None,
        ),
    )
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith(f"/ideas/{idea.id}-kotihoidon-etakaynnit-videolla")
    history = client.get(f"/ideas/{idea.id}/history").text
    assert "<ins>Uusi</ins>" in history and "<del>Vanha</del>" in history
    assert "<ins> videolla</ins>" in history or "<ins>videolla</ins>" in history
    assert idea.author.name in history
    assert db.session.scalar(select(db.func.count()).select_from(IdeaRevision)) == 2


def test_saving_without_changes_adds_no_revision(client, login, make_idea):
    idea = make_idea()
    login(idea.author)
    form = client.get(f"/ideas/{idea.id}/edit")
    assert form.status_code == 200
    data = {
        "title": idea.title,
        "summary": idea.summary,
        "need": idea.need,
        "body": idea.body,
        "phase": idea.phase.value,
        "organisation": str(idea.organisation_id),
    }
    client.post(f"/ideas/{idea.id}/edit", data=data)
    assert (
        len(db.session.scalars(select(IdeaRevision).where(IdeaRevision.idea_id == idea.id)).all())
        == 1
    )


def test_other_member_cannot_edit(client, login, make_user, make_idea):
    idea = make_idea(title="Alkuperäinen otsikko")
    login(make_user())
    assert client.get(f"/ideas/{idea.id}/edit").status_code == 403
    assert (
        client.post(
            f"/ideas/{idea.id}/edit", data=idea_form(organisation=str(idea.organisation_id))
        ).status_code
        == 403
    )
    db.session.expire_all()
    assert db.session.get(Idea, idea.id).title == "Alkuperäinen otsikko"


def test_area_contact_edits_their_areas_idea(client, login, make_user, make_idea):
    idea = make_idea()
    login(make_user(role=Role.AREA_CONTACT, organisation=idea.organisation))
    resp = client.post(
        f"/ideas/{idea.id}/edit", data=idea_form(organisation=str(idea.organisation_id))
    )
    assert resp.status_code == 302


def test_stale_slug_redirects(client, make_idea):
    idea = make_idea(title="Uusi nimi")
    resp = client.get(f"/ideas/{idea.id}-vanha-nimi")
    assert resp.status_code == 301
    assert resp.headers["Location"].endswith(f"/ideas/{idea.id}-uusi-nimi")
    assert client.get(f"/ideas/{idea.id}").status_code == 301


def test_unknown_idea_is_404(client):
    assert client.get("/ideas/999999-ei-ole").status_code == 404
    assert client.get("/ideas/abc").status_code == 404


def test_archive_and_restore(client, login, make_user, make_idea):
    idea = make_idea(title="Arkistoitava idea")
    login(make_user())
    assert client.post(f"/ideas/{idea.id}/archive").status_code == 303
    db.session.expire_all()
    assert db.session.get(Idea, idea.id).status == IdeaStatus.PUBLISHED  # refused for others

    login(idea.author)
    assert client.post(f"/ideas/{idea.id}/archive").status_code == 303
    db.session.expire_all()
    assert db.session.get(Idea, idea.id).status == IdeaStatus.ARCHIVED
    assert "Arkistoitava idea" not in client.get("/ideas").text
    assert "Arkistoitava idea" in client.get("/ideas/archive").text
    assert client.get(f"/ideas/{idea.id}-{idea.slug}").status_code == 200

    assert client.post(f"/ideas/{idea.id}/restore").status_code == 303
    db.session.expire_all()
    assert db.session.get(Idea, idea.id).status == IdeaStatus.PUBLISHED


def test_co_editor_added_by_author_can_edit(client, login, make_user, make_idea):
    idea = make_idea()
    helper = make_user(email="apuri@example.fi")
    login(idea.author)
    resp = client.post(
        f"/ideas/{idea.id}/co-editors",
        data={"email": "APURI@example.fi"},
        headers={"HX-Request": "true", "HX-Target": "co-editors"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text and 'id="co-editors"' in resp.text
    assert helper.name in resp.text
    login(helper)
    assert client.get(f"/ideas/{idea.id}/edit").status_code == 200


@pytest.mark.parametrize(
    "email, message",
    [
        ("", "This field is required."),
        ("ei-ole@example.fi", "No member has that e-mail address."),
        ("huono", "Give a valid e-mail address."),
    ],
)
def test_co_editor_bad_input(client, login, make_idea, email, message):
    idea = make_idea()
    login(idea.author)
    resp = client.post(
        f"/ideas/{idea.id}/co-editors",
        data={"email": email},
        headers={"HX-Request": "true", "HX-Target": "co-editors"},
    )
    assert resp.status_code == 422 and message in resp.text


def test_only_author_manages_co_editors(client, login, make_user, make_idea):
    idea = make_idea()
    co = make_user()
    idea.co_editors.append(co)
    login(co)
    assert (
        client.post(f"/ideas/{idea.id}/co-editors", data={"email": make_user().email}).status_code
        == 403
    )
    assert client.post(f"/ideas/{idea.id}/co-editors/{co.id}/remove").status_code == 403
    login(idea.author)
    assert client.post(f"/ideas/{idea.id}/co-editors/{co.id}/remove").status_code == 303
    db.session.expire_all()
    assert db.session.get(Idea, idea.id).co_editors == []


def test_list_filters_sorting_and_pagination(client, make_idea, make_theme, make_org, app):
    theme = make_theme(name="Digipalvelut")
    org = make_org(code="pk")
    make_idea(title="Ensimmäinen digipalvelu", themes=[theme], phase=Phase.TESTING, tags=["chat"])
    make_idea(
        title="Toinen idea kumppaneille",
        organisation=org,
        seeks_partners=True,
        partner_roles=["funder"],
    )
    make_idea(title="Kolmas idea", target_groups=[TargetGroup.RESEARCHERS])
    text = client.get("/ideas").text
    assert text.index("Kolmas idea") < text.index("Ensimmäinen digipalvelu")  # newest first

    def titles(query):
        page = client.get("/ideas?" + query).text
        return {
            t
            for t in ("Ensimmäinen digipalvelu", "Toinen idea kumppaneille", "Kolmas idea")
            if t in page
        }

    assert titles(f"theme={theme.slug}") == {"Ensimmäinen digipalvelu"}
    assert titles("phase=testing") == {"Ensimmäinen digipalvelu"}
    assert titles("organisation=pk") == {"Toinen idea kumppaneille"}
    assert titles("seeks_partners=1") == {"Toinen idea kumppaneille"}
    assert titles("target_group=researchers") == {"Kolmas idea"}
    assert titles("tag=chat") == {"Ensimmäinen digipalvelu"}
    assert titles("phase=bogus&page=x&sort=bogus") == {
        "Ensimmäinen digipalvelu",
        "Toinen idea kumppaneille",
        "Kolmas idea",
    }
    app.config["IDEALAARI_IDEAS_PER_PAGE"] = 2
    page2 = client.get("/ideas?page=2").text
    assert "Ensimmäinen digipalvelu" in page2 and "Kolmas idea" not in page2
    assert client.get("/ideas?page=99").status_code == 200


def test_list_htmx_returns_results_partial(client, make_idea):
    make_idea(title="Näkyvä idea")
    resp = client.get(
        "/ideas?phase=ideation", headers={"HX-Request": "true", "HX-Target": "idea-results"}
    )
    assert resp.status_code == 200
    assert "<html" not in resp.text and resp.text.lstrip().startswith('<section id="idea-results"')
    assert "Näkyvä idea" in resp.text
    assert "HX-Request" in resp.headers["Vary"]
    boosted = client.get(
        "/ideas", headers={"HX-Request": "true", "HX-Boosted": "true", "HX-Target": "idea-results"}
    )
    assert "<html" in boosted.text


def test_front_page_shows_new_ideas_partners_and_counts(client, make_idea, make_org):
    area = make_org(name="Pirkanmaan hyvinvointialue", code="pir")
    make_idea(title="Uusin idea", organisation=area)
    make_idea(title="Kumppaneita etsivä", seeks_partners=True, partner_roles=["pilot_site"])
    page = client.get("/").text
    assert "Uusin idea" in page and "Kumppaneita etsivä" in page
    assert area.name_en in page and "organisation=pir" in page
    assert page.count("<h1") == 1


def test_themes_are_managed_by_moderators_only(client, login, make_user, make_theme):
    login(make_user())
    assert client.post("/themes", data={"name_fi": "Uusi teema"}).status_code == 403
    theme = make_theme()
    assert client.get(f"/themes/{theme.id}/edit").status_code == 403
    login(make_user(role=Role.MODERATOR))
    assert (
        client.post("/themes", data={"name_fi": "Uusi teema", "name_sv": "Nytt tema"}).status_code
        == 303
    )
    assert "Uusi teema" in client.get("/themes").text
    dup = client.post("/themes", data={"name_fi": "Uusi teema"})
    assert dup.status_code == 422 and "already exists" in dup.text
    assert client.post("/themes", data={"name_fi": ""}).status_code == 422
    assert (
        client.post(
            f"/themes/{theme.id}/edit", data={"name_fi": "Uudelleennimetty", "active": ""}
        ).status_code
        == 303
    )
    assert client.get("/themes/999999/edit").status_code == 404


IDEA_ENDPOINTS = [
    ("get", "/ideas/{id}"),
    ("get", "/ideas/{id}/edit"),
    ("post", "/ideas/{id}/edit"),
    ("get", "/ideas/{id}/history"),
    ("post", "/ideas/{id}/archive"),
    ("post", "/ideas/{id}/restore"),
    ("post", "/ideas/{id}/co-editors"),
    ("post", "/ideas/{id}/co-editors/1/remove"),
]


@pytest.mark.parametrize("method, url", IDEA_ENDPOINTS)
def test_unknown_idea_is_404_everywhere(client, login, make_user, method, url):
    login(make_user())
    resp = getattr(client, method)(url.format(id=987654), data={"email": "a@example.fi"})
    assert resp.status_code == 404
    assert "We could not find that page" in resp.text


@pytest.mark.parametrize("method, url", IDEA_ENDPOINTS)
def test_someone_elses_draft_is_404_everywhere(client, login, make_user, make_idea, method, url):
    draft = make_idea(status=IdeaStatus.DRAFT, title="Toisen luonnos")
    login(make_user())
    resp = getattr(client, method)(url.format(id=draft.id), data={"email": "a@example.fi"})
    assert resp.status_code == 404
    assert "Toisen luonnos" not in resp.text
    db.session.expire_all()
    assert db.session.get(Idea, draft.id).status == IdeaStatus.DRAFT


def test_removing_an_unknown_co_editor_is_404(client, login, make_idea):
    idea = make_idea()
    login(idea.author)
    assert client.post(f"/ideas/{idea.id}/co-editors/987654/remove").status_code == 404


def test_archived_idea_cannot_be_edited(client, login, make_idea):
    idea = make_idea(status=IdeaStatus.ARCHIVED)
    login(idea.author)
    resp = client.get(f"/ideas/{idea.id}/edit")
    assert resp.status_code == 302
    assert (
        "Only drafts and published ideas can be edited."
        in client.get(resp.headers["Location"]).text
    )


def test_draft_can_be_published_from_the_edit_form(client, login, make_idea):
    idea = make_idea(status=IdeaStatus.DRAFT)
    login(idea.author)
    resp = client.post(
        f"/ideas/{idea.id}/edit", data=idea_form(organisation=str(idea.organisation_id))
    )
    assert resp.status_code == 302
    db.session.expire_all()
    assert db.session.get(Idea, idea.id).status == IdeaStatus.PUBLISHED


def test_htmx_remove_co_editor_returns_the_partial(client, login, make_user, make_idea):
    idea = make_idea()
    co = make_user(name="Poistettava Muokkaaja")
    idea.co_editors.append(co)
    db.session.commit()
    login(idea.author)
    resp = client.post(
        f"/ideas/{idea.id}/co-editors/{co.id}/remove",
        headers={"HX-Request": "true", "HX-Target": "co-editors"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert "Poistettava Muokkaaja" not in resp.text
