"""The public read API contract: /api/v1/ideas, /api/v1/ideas/<id>, /api/v1/organisations."""

import pytest

from idealaari.api.views import PER_PAGE
from idealaari.ideas.models import IdeaStatus, Phase

ITEM_KEYS = {
    "id",
    "title",
    "summary",
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
    assert item["organisation"] == {
        "code": idea.organisation.code,
        "name": idea.organisation.name_fi,
    }
    assert item["phase"] == "testing" and item["themes"] == [theme.slug] and item["tags"] == ["api"]
    assert item["created_at"].endswith("Z")


def test_drafts_archived_and_hidden_never_appear(client, make_idea):
    visible = make_idea()
    hidden = [
        make_idea(status=s) for s in (IdeaStatus.DRAFT, IdeaStatus.ARCHIVED, IdeaStatus.HIDDEN)
    ]
    ids = [i["id"] for i in client.get("/api/v1/ideas").get_json()["items"]]
    assert ids == [visible.id]
    for idea in hidden:
        resp = client.get(f"/api/v1/ideas/{idea.id}")
        assert resp.status_code == 404 and resp.is_json


def test_filters(client, make_idea, make_theme, make_org):
    theme = make_theme()
    org = make_org(code="kai")
    a = make_idea(themes=[theme])
    b = make_idea(organisation=org, phase=Phase.ADOPTION)
    assert [
        i["id"] for i in client.get(f"/api/v1/ideas?theme={theme.slug}").get_json()["items"]
    ] == [a.id]
    assert [i["id"] for i in client.get("/api/v1/ideas?organisation=kai").get_json()["items"]] == [
        b.id
    ]
    assert [i["id"] for i in client.get("/api/v1/ideas?phase=adoption").get_json()["items"]] == [
        b.id
    ]
    assert client.get("/api/v1/ideas?organisation=none").get_json()["total"] == 0


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
