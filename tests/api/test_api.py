"""The public read API contract: /api/v1/ideas, /api/v1/ideas/<id>, /api/v1/organisations."""

import pytest

from idealaari.api.views import PER_PAGE
from idealaari.ideas.models import IdeaStatus, Phase

ITEM_KEYS = {
    "id",
    "title",
    "summary",
    "status",
    "url",
    "organisation",
    "phase",
    "themes",
    "tags",
    "created_at",
    "updated_at",
    "votes",
    "comments",
    "partners",
}


def test_list_contract(client, make_idea, make_theme):
    theme = make_theme()
    idea = make_idea(title="Rajapinnan idea", themes=[theme], tags=["api"], phase=Phase.TESTING)
    body = client.get("/api/v1/ideas").get_json()
    assert set(body) == {"items", "page", "pages", "total"}
    assert body["page"] == 1 and body["pages"] == 1 and body["total"] == 1
    item = body["items"][0]
    assert set(item) == ITEM_KEYS
    assert item["id"] == idea.id and item["title"] == "Rajapinnan idea"
    assert item["url"] == f"http://idealaari.test/ideas/{idea.id}-rajapinnan-idea"
    assert item["status"] == "published"
    assert item["organisation"] == {
        "code": idea.organisation.code,
        "name": idea.organisation.name_fi,
    }
    assert item["phase"] == "testing" and item["themes"] == [theme.slug] and item["tags"] == ["api"]
    assert item["created_at"].endswith("Z")


# This test used to say that archived ideas never appear. Archived ideas are public and the
# network's memory, so the API gives them, with their status; drafts and hidden ones stay out.
def test_archived_appear_with_their_status_drafts_and_hidden_never(client, make_idea):
    visible = make_idea()
    archived = make_idea(status=IdeaStatus.ARCHIVED)
    refused = [make_idea(status=s) for s in (IdeaStatus.DRAFT, IdeaStatus.HIDDEN)]
    items = client.get("/api/v1/ideas").get_json()["items"]
    assert {(i["id"], i["status"]) for i in items} == {
        (visible.id, "published"),
        (archived.id, "archived"),
    }
    detail = client.get(f"/api/v1/ideas/{archived.id}")
    assert detail.status_code == 200 and detail.get_json()["status"] == "archived"
    assert client.get(f"/api/v1/ideas/{archived.id}/comments").status_code == 200
    for idea in refused:
        for url in (f"/api/v1/ideas/{idea.id}", f"/api/v1/ideas/{idea.id}/comments"):
            resp = client.get(url)
            assert resp.status_code == 404 and resp.is_json
        assert all(i["id"] != idea.id for i in items)


def test_status_filter(client, make_idea):
    visible = make_idea()
    archived = make_idea(status=IdeaStatus.ARCHIVED)
    make_idea(status=IdeaStatus.DRAFT)

    def ids(query):
        return [i["id"] for i in client.get(f"/api/v1/ideas?{query}").get_json()["items"]]

    assert ids("status=published") == [visible.id]
    assert ids("status=archived") == [archived.id]
    assert set(ids("status=all")) == {visible.id, archived.id}
    assert client.get("/api/v1/ideas?status=draft").status_code == 400


def test_filters(client, make_idea, make_theme, make_org):
    theme = make_theme()
    org = make_org(code="kai")
    a = make_idea(themes=[theme], tags=["Etäkuntoutus"])
    b = make_idea(
        organisation=org,
        phase=Phase.ADOPTION,
        target_groups=["researchers"],
        seeks_partners=True,
        partner_roles=["funder"],
    )

    def ids(query):
        resp = client.get(f"/api/v1/ideas?{query}")
        assert resp.status_code == 200, resp.get_json()
        return [i["id"] for i in resp.get_json()["items"]]

    assert ids(f"theme={theme.slug}") == [a.id]
    assert ids("organisation=kai") == [b.id]
    assert ids("phase=adoption") == [b.id]
    # These two were silently ignored before: every idea came back.
    assert ids("tag=etäkuntoutus") == [a.id] and ids("tag=ETÄKUNTOUTUS") == [a.id]
    assert ids("seeks_partners=1") == [b.id] and ids("seeks_partners=true") == [b.id]
    assert set(ids("seeks_partners=0")) == {a.id, b.id}
    assert ids("target_group=researchers") == [b.id]
    assert ids("tag=nothing") == []
    assert ids("organisation=kai&phase=ideation") == []


@pytest.mark.parametrize(
    "query",
    [
        "tagg=x",  # a misspelt parameter is not ignored
        "sort=votes",  # the list takes no sort
        "organisation=none",
        "theme=999999999999999999999",
        "phase=xyz",
        "target_group=everyone",
        "seeks_partners=maybe",
        "status=hidden",
        "status=draft",
        "page=abc",
        "page=1.5",
        "page=" + "1" + "0" * 30,
        "page=100001",
        "page=%EF%BC%91",  # a full-width digit one
        "tag=" + "x" * 41,
        "phase=testing&phase=adoption",
    ],
)
def test_unknown_parameters_and_bad_values_are_json_400(client, query):
    resp = client.get(f"/api/v1/ideas?{query}")
    assert resp.status_code == 400 and resp.is_json, query
    message = resp.get_json()["error"]["message"]
    assert message and resp.get_json()["error"]["status"] == 400
    name = query.split("=")[0]
    assert f"'{name}'" in message or name in message  # it says which parameter


def test_huge_page_within_bounds_is_an_empty_page(client, make_idea):
    make_idea()
    body = client.get("/api/v1/ideas?page=100000").get_json()
    assert body["items"] == [] and body["total"] == 1


def test_pagination(client, make_idea, make_user):
    author = make_user()
    for _ in range(PER_PAGE + 1):
        make_idea(author=author)
    first = client.get("/api/v1/ideas").get_json()
    second = client.get("/api/v1/ideas?page=2").get_json()
    assert first["pages"] == 2 and first["total"] == PER_PAGE + 1
    assert len(first["items"]) == PER_PAGE and len(second["items"]) == 1
    assert client.get("/api/v1/ideas?page=3").get_json()["items"] == []


@pytest.mark.parametrize("query", ["page=abc", "page=0", "page=-1", "phase=unknown"])
def test_bad_parameters_are_json_400(client, query):
    resp = client.get(f"/api/v1/ideas?{query}")
    assert resp.status_code == 400 and resp.is_json
    assert resp.get_json()["error"]["status"] == 400 and resp.get_json()["error"]["message"]


def test_detail_has_safe_body_html(client, make_idea):
    idea = make_idea(body="**Tärkeä** <script>alert(1)</script>")
    body = client.get(f"/api/v1/ideas/{idea.id}").get_json()
    assert set(body) == ITEM_KEYS | {"body_html"}
    assert "<strong>Tärkeä</strong>" in body["body_html"] and "<script>" not in body["body_html"]


def test_unknown_ids_and_routes_are_json_404(client):
    for url in ("/api/v1/ideas/999999", "/api/v1/nothing-here", "/api/v1/ideas/abc"):
        resp = client.get(url)
        assert resp.status_code == 404 and resp.is_json, url


def test_wrong_method_is_json_405(client):
    resp = client.post("/api/v1/ideas")
    assert resp.status_code == 405 and resp.is_json


def test_organisations(client, make_org):
    org = make_org(code="ep")
    body = client.get("/api/v1/organisations").get_json()
    assert {
        "code": "ep",
        "name": org.name_fi,
        "name_fi": org.name_fi,
        "name_sv": org.name_sv,
        "name_en": org.name_en,
        "kind": "wellbeing_area",
    } in body["items"]


def test_counts_and_comments_endpoint(client, login, make_user, make_idea):
    from idealaari.comments import services as comment_services
    from idealaari.extensions import db

    idea = make_idea()
    voter = make_user()
    login(voter)
    client.post(f"/ideas/{idea.id}/vote")
    comment = comment_services.post_comment(
        discussion=idea.discussion, author=voter, body="Hyvä **idea**!"
    )
    hidden = comment_services.post_comment(
        discussion=idea.discussion, author=voter, body="Poistettava"
    )
    db.session.commit()
    comment_services.delete_comment(comment=hidden, actor=voter)
    db.session.commit()
    item = client.get("/api/v1/ideas").get_json()["items"][0]
    assert (item["votes"], item["comments"], item["partners"]) == (1, 1, 0)
    assert client.get(f"/api/v1/ideas/{idea.id}").get_json()["comments"] == 1
    body = client.get(f"/api/v1/ideas/{idea.id}/comments").get_json()
    assert body["total"] == 1 and body["items"][0]["id"] == comment.id
    assert "<strong>idea</strong>" in body["items"][0]["body_html"]
    assert client.get("/api/v1/ideas/987654/comments").status_code == 404


def test_list_counts_use_a_fixed_number_of_queries(client, make_user, make_idea, app):
    from sqlalchemy import event

    from idealaari.extensions import db

    author = make_user()
    for _ in range(3):
        make_idea(author=author)
    statements = []

    def count(*args, **kwargs):
        statements.append(1)

    client.get("/ideas")  # warm up
    event.listen(db.engine, "before_cursor_execute", count)
    try:
        client.get("/ideas")
        three = len(statements)
        for _ in range(5):
            make_idea(author=author)
        statements.clear()
        client.get("/ideas")
        eight = len(statements)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert eight == three  # no query per idea


@pytest.mark.parametrize(
    ("accept", "column", "language"),
    [
        (None, "name_fi", "fi"),
        ("sv", "name_sv", "sv"),
        ("sv-FI,sv;q=0.9", "name_sv", "sv"),
        ("en-GB,en;q=0.8,fi;q=0.5", "name_en", "en"),
        ("de", "name_fi", "fi"),  # a language Idealaari has not: Finnish
    ],
)
def test_organisation_names_follow_accept_language(
    client, make_org, make_idea, accept, column, language
):
    org = make_org(code="pirha")
    idea = make_idea(organisation=org)
    headers = {"Accept-Language": accept} if accept else {}
    expected = {"code": "pirha", "name": getattr(org, column)}
    listed = client.get("/api/v1/ideas", headers=headers)
    assert listed.get_json()["items"][0]["organisation"] == expected
    assert listed.headers["Content-Language"] == language
    assert "Accept-Language" in listed.headers["Vary"]
    detail = client.get(f"/api/v1/ideas/{idea.id}", headers=headers).get_json()
    assert detail["organisation"] == expected
    orgs = client.get("/api/v1/organisations", headers=headers).get_json()["items"]
    assert next(o for o in orgs if o["code"] == "pirha")["name"] == getattr(org, column)


def test_organisation_without_a_name_in_the_language_falls_back_to_finnish(
    client, make_org, make_idea
):
    from idealaari.extensions import db

    org = make_org(code="yhd")
    org.name_sv = None
    db.session.commit()
    make_idea(organisation=org)
    item = client.get("/api/v1/ideas", headers={"Accept-Language": "sv"}).get_json()["items"][0]
    assert item["organisation"] == {"code": "yhd", "name": org.name_fi}


@pytest.mark.app_config(ENVIRON={"IDEALAARI_BASE_URL": "https://idealaari.example.fi"})
def test_urls_come_from_the_base_url_not_a_forged_host(client, make_idea):
    idea = make_idea(title="Kotihoidon etäkäynnit")
    forged = {"Host": "evil.example"}
    for url in ("/api/v1/ideas", f"/api/v1/ideas/{idea.id}", "/api/v1/search?q=kotihoito"):
        resp = client.get(url, headers=forged)
        assert resp.status_code == 200, url
        assert "evil.example" not in resp.text, url
        body = resp.get_json()
        first = body["items"][0] if "items" in body else body
        assert first["url"] == f"https://idealaari.example.fi/ideas/{idea.id}-{idea.slug}"


@pytest.mark.parametrize(
    "query",
    [
        "qq=kotihoito",
        "status=hidden",
        "status=draft",
        "year=20x5",
        "sort=best",
        "organisation=none",
        "theme=999999999999999999999",
        "page=" + "9" * 30,
        "seeks_partners=perhaps",
    ],
)
def test_search_refuses_unknown_parameters_and_bad_values(client, query):
    resp = client.get(f"/api/v1/search?q=kotihoito&{query}")
    assert resp.status_code == 400 and resp.is_json, query
    assert resp.get_json()["error"]["message"]


def test_search_status_scopes(client, make_idea):
    make_idea(title="Kotihoito nyt")
    make_idea(title="Kotihoito ennen", status=IdeaStatus.ARCHIVED)
    make_idea(title="Kotihoito luonnos", status=IdeaStatus.DRAFT)

    def titles(status):
        body = client.get(f"/api/v1/search?q=kotihoito&status={status}").get_json()
        return {(i["title"], i["status"]) for i in body["items"]}

    assert titles("all") == {("Kotihoito nyt", "published"), ("Kotihoito ennen", "archived")}
    assert titles("published") == titles("current") == {("Kotihoito nyt", "published")}
    assert titles("archived") == {("Kotihoito ennen", "archived")}
