"""Search as members use it: page, partials, facets, drafts, similar ideas, failures."""

import gc
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus, Phase
from idealaari.search import get_index
from idealaari.search.models import SearchOutbox

DATA = Path(__file__).parent / "data"


def test_commit_indexes_and_rollback_does_not(app, make_user, make_idea):
    idea = make_idea(title="Etäkuntoutus aivoinfarktin jälkeen")
    assert str(idea.id) in {str(i) for i in get_index().indexed_idea_ids()}
    assert db.session.scalar(select(db.func.count()).select_from(SearchOutbox)) == 0

    from idealaari.ideas import services

    services.create_idea(
        author=make_user(),
        values=services.IdeaFields(title="Peruttu idea", summary="Ei koskaan tallennettu."),
        publish=True,
    )
    db.session.rollback()
    assert db.session.scalar(select(Idea).where(Idea.title == "Peruttu idea")) is None
    assert get_index().indexed_idea_ids() == {idea.id}


def test_inflected_query_finds_the_idea(client, make_idea):
    make_idea(
        title="Etäkuntoutus aivoinfarktin jälkeen",
        body="Jatkavat etäkuntoutuksen harjoituksia kotona.",
    )
    make_idea(title="Kotihoidon etäkäynnit", body="Videoyhteys kotihoidon asiakkaille.")
    page = client.get("/search?q=kuntoutus")
    assert page.status_code == 200
    assert (
        "Etäkuntoutus aivoinfarktin jälkeen" in page.text
        and "Kotihoidon etäkäynnit" not in page.text
    )
    assert '<mark class="match' in page.text  # highlighted snippet
    assert 'value="kuntoutus"' in page.text  # the URL and the box hold the query


def test_htmx_search_returns_the_results_partial(client, make_idea):
    make_idea(title="Kotihoidon etäkäynnit")
    resp = client.get(
        "/search?q=kotihoito", headers={"HX-Request": "true", "HX-Target": "search-results"}
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith('<div id="search-results"')
    assert "Kotihoidon etäkäynnit" in resp.text
    assert "HX-Request" in resp.headers["Vary"]


def test_header_search_box_on_every_page(client):
    page = client.get("/").text
    assert 'action="/search"' in page and 'name="q"' in page


def test_facets_count_and_narrow(client, make_idea, make_org, make_theme):
    pir = make_org(code="pir")
    theme = make_theme(name="Digipalvelut")
    make_idea(title="Kotihoito A", organisation=pir, themes=[theme], phase=Phase.TESTING)
    make_idea(title="Kotihoito B", organisation=pir)
    make_idea(title="Kotihoito C", seeks_partners=True, partner_roles=["funder"])
    resp = client.get("/api/v1/search?q=kotihoito").get_json()
    assert resp["total"] == 3
    assert resp["facets"]["organisation"]["pir"] == 2
    assert resp["facets"]["themes"] == {theme.slug: 1}
    assert resp["facets"]["phase"]["testing"] == 1 and resp["facets"]["phase"]["ideation"] == 2
    assert resp["facets"]["seeks_partners"]["1"] == 1
    narrowed = client.get("/api/v1/search?q=kotihoito&organisation=pir").get_json()
    assert narrowed["total"] == 2 and {i["title"] for i in narrowed["items"]} == {
        "Kotihoito A",
        "Kotihoito B",
    }
    # the organisation facet still offers the other values while it is applied
    assert sum(narrowed["facets"]["organisation"].values()) == 3
    page = client.get("/search?q=kotihoito&organisation=pir&phase=testing").text
    assert "Kotihoito A" in page and "Kotihoito B" not in page
    assert "remove filter" in page


def test_drafts_only_in_their_editors_searches(client, login, make_user, make_idea):
    draft = make_idea(title="Salainen kotihoitoluonnos", status=IdeaStatus.DRAFT)
    make_idea(title="Piilotettu kotihoito", status=IdeaStatus.HIDDEN)
    assert client.get("/api/v1/search?q=kotihoito").get_json()["total"] == 0
    login(make_user())
    page = client.get("/search?q=kotihoito").text
    assert "Salainen" not in page and "Piilotettu" not in page
    login(draft.author)
    page = client.get("/search?q=kotihoito").text
    assert "Salainen kotihoitoluonnos" in page and "Piilotettu" not in page


# This test used to assert the opposite (archived ideas were left out of the index). The
# archive is the network's memory: finished and paused work is what members look for first
# ("nobody starts from scratch"), so archived ideas are found, marked, and ranked lower.
def test_archived_ideas_are_found_with_a_badge(client, login, make_idea):
    idea = make_idea(title="Kotihoidon arkistoitava idea")
    assert client.get("/api/v1/search?q=kotihoito").get_json()["total"] == 1
    login(idea.author)
    client.post(f"/ideas/{idea.id}/archive")
    body = client.get("/api/v1/search?q=kotihoito").get_json()
    assert body["total"] == 1 and body["items"][0]["status"] == "archived"
    page = client.get("/search?q=kotihoito").text
    assert "Kotihoidon arkistoitava idea" in page
    assert '<span class="status status-archived">Archived</span>' in page


def test_archived_demo_idea_is_found_by_a_compound_part(client, make_idea):
    from idealaari.demo.content import IDEAS

    spec = next(i for i in IDEAS if i["title"] == "Lääkehoidon koneellinen annosjakelu")
    make_idea(
        title=spec["title"], summary=" ".join(spec["summary"].split()), status=IdeaStatus.ARCHIVED
    )
    page = client.get("/search?q=annosjakelu").text
    assert "Lääkehoidon koneellinen annosjakelu" in page and "status-archived" in page
    hits = client.get("/api/v1/search?q=annosjakelu").get_json()["items"]
    assert [h["title"] for h in hits] == ["Lääkehoidon koneellinen annosjakelu"]


def test_archived_ranks_below_a_current_idea_of_equal_relevance(client, make_user, make_idea):
    author = make_user()
    text = {
        "title": "Kotihoidon etäkäynnit",
        "summary": "Kotihoidon asiakkaat tapaavat hoitajan videolla.",
        "body": "Kotihoito ja videoyhteys.",
    }
    # The archived one first: with equal scores the index order alone would put it on top.
    archived = make_idea(author=author, status=IdeaStatus.ARCHIVED, **text)
    current = make_idea(author=author, **text)
    items = client.get("/api/v1/search?q=kotihoito").get_json()["items"]
    assert [i["id"] for i in items] == [current.id, archived.id]
    assert items[1]["score"] < items[0]["score"]


def test_archived_ranks_first_when_it_matches_clearly_better(client, make_user, make_idea):
    author = make_user()
    archived = make_idea(
        author=author,
        status=IdeaStatus.ARCHIVED,
        title="Annosjakelu kotihoidossa",
        summary="Koneellinen annosjakelu kotihoidon asiakkaille.",
    )
    current = make_idea(
        author=author,
        title="Kotihoidon kehittäminen",
        summary="Monta asiaa, muun muassa annosjakelu.",
    )
    items = client.get("/api/v1/search?q=annosjakelu").get_json()["items"]
    assert [i["id"] for i in items] == [archived.id, current.id]


def test_status_facet_current_archived_all(client, make_user, make_idea):
    author = make_user()
    make_idea(author=author, title="Kotihoito nyt")
    make_idea(author=author, title="Kotihoito ennen", status=IdeaStatus.ARCHIVED)

    def titles(query, **headers):
        return client.get(f"/search?q=kotihoito{query}", headers=headers).text

    page = titles("")
    assert "Kotihoito nyt" in page and "Kotihoito ennen" in page  # the default is all
    assert 'name="status" value="all" checked' in page
    page = titles("&status=current")
    assert "Kotihoito nyt" in page and "Kotihoito ennen" not in page
    assert 'name="status" value="current" checked' in page
    page = titles("&status=archived")
    assert "Kotihoito nyt" not in page and "Kotihoito ennen" in page
    assert "status=archived" in titles("&status=archived&sort=newest")  # links keep it
    fragment = titles("&status=archived", **{"HX-Request": "true", "HX-Target": "search-results"})
    assert fragment.lstrip().startswith('<div id="search-results"')
    assert "Kotihoito ennen" in fragment and "Kotihoito nyt" not in fragment
    assert "change from:#search-status" in page  # htmx searches when the choice changes
    assert titles("&status=bogus").count("Kotihoito") >= 2  # an unknown scope is "all"
    body = client.get("/api/v1/search?q=kotihoito").get_json()
    assert body["facets"]["status"] == {"published": 1, "archived": 1}
    narrowed = client.get("/api/v1/search?q=kotihoito&status=archived").get_json()
    assert [i["title"] for i in narrowed["items"]] == ["Kotihoito ennen"]
    assert client.get("/api/v1/search?status=old").status_code == 400


def test_sort_by_newest(client, make_idea):
    first = make_idea(title="Kotihoito vanha")
    second = make_idea(title="Kotihoito uusi")
    items = client.get("/api/v1/search?q=kotihoito&sort=newest").get_json()["items"]
    assert [i["id"] for i in items] == [second.id, first.id]


def test_no_results_suggests_a_spelling_and_clearing_filters(client, make_idea):
    make_idea(title="Kotihoidon etäkäynnit")
    page = client.get("/search?q=kotihoto&phase=adoption")
    assert page.status_code == 200
    assert "Did you mean:" in page.text and "kotihoito" in page.text
    assert "Search without the filters" in page.text


def test_bad_parameters_are_ignored_not_500(client):
    for query in (
        "page=abc",
        "page=-5",
        "sort=x",
        "phase=x",
        "year=abcd",
        "q=" + "a" * 5000,
        "q=%22%22%22",
        "q=*",
    ):
        assert client.get(f"/search?{query}").status_code == 200, query


def test_api_search_contract(client, make_idea):
    idea = make_idea(title="Kotihoidon etäkäynnit", body="Etäkäynnit kotihoidossa.")
    body = client.get("/api/v1/search?q=kotihoito").get_json()
    assert set(body) >= {"items", "total", "facets"}
    assert set(body["items"][0]) == {
        "type",
        "id",
        "title",
        "status",
        "url",
        "score",
        "snippet",
        "highlights",
    }
    assert body["items"][0]["id"] == idea.id and body["items"][0]["score"] > 0
    assert client.get("/api/v1/search?phase=bogus").status_code == 400
    assert client.get("/api/v1/search?page=x").status_code == 400


def test_similar_ideas_on_the_idea_page_and_while_typing(client, make_idea):
    a = make_idea(
        title="Kotihoidon etäkäynnit videolla", summary="Kotihoidon asiakkaat ja videoyhteys."
    )
    b = make_idea(title="Kotihoidon videokäynnit yöllä", summary="Kotihoito videoyhteydellä öisin.")
    make_idea(title="Hammashoidon jonot", summary="Palveluseteli purkaa jonoja.", body="", need="")
    page = client.get(f"/ideas/{a.id}-{a.slug}").text
    assert (
        "Similar ideas" in page
        and b.title in page
        and "Hammashoidon jonot" not in page.split("Similar ideas")[1]
    )
    typed = client.get(
        "/search/similar?title=kotihoidon+videokäynnit", headers={"HX-Request": "true"}
    )
    assert typed.status_code == 200 and "<html" not in typed.text and b.title in typed.text
    assert client.get("/search/similar?title=ab").text.count("<li>") == 0


def test_missing_index_gives_a_message_and_no_500(client, app, make_idea):
    make_idea(title="Kotihoidon etäkäynnit")
    shutil.rmtree(get_index().path)
    get_index().reset()
    page = client.get("/search?q=Kotihoidon")
    assert page.status_code == 200
    assert "flask search rebuild" in page.text and "Kotihoidon etäkäynnit" in page.text  # fallback
    assert client.get("/api/v1/search?q=x").status_code == 503
    idea = db.session.scalar(select(Idea))
    assert client.get(f"/ideas/{idea.id}-{idea.slug}").status_code == 200


# Whoosh leaves a file handle open when it meets a corrupt table of contents.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_corrupt_index_gives_a_message_and_no_500(client, make_idea):
    make_idea(title="Kotihoidon etäkäynnit")
    index = get_index()
    for f in index.path.iterdir():
        f.write_bytes(b"garbage")
    index.reset()
    assert client.get("/search?q=kotihoito").status_code == 200
    # writes keep working; the changes wait in the outbox for a rebuild
    make_idea(title="Uusi idea rikkinäisen indeksin aikana")
    assert db.session.scalar(select(db.func.count()).select_from(SearchOutbox)) >= 1
    gc.collect()  # let the leaked handle's warning surface here, where it is ignored


def test_rebuild_check_and_drain_commands(runner, make_idea):
    idea = make_idea(title="Kotihoidon etäkäynnit")
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    index = get_index()
    with index.update() as update:
        update.remove("idea", idea.id)
    drift = runner.invoke(args=["search", "check"])
    assert drift.exit_code == 1 and str(idea.id) in drift.output
    rebuilt = runner.invoke(args=["search", "rebuild"])
    assert rebuilt.exit_code == 0 and "Indexed 1 ideas" in rebuilt.output
    assert runner.invoke(args=["search", "check"]).exit_code == 0
    assert runner.invoke(args=["search", "drain"]).exit_code == 0


def test_check_without_index_says_how_to_rebuild(runner):
    shutil.rmtree(get_index().path)
    get_index().reset()
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code != 0 and "flask search rebuild" in result.output


@pytest.mark.parametrize("queries", ["queries.jsonl", "queries_more.jsonl"])
def test_relevance_set(runner, queries):
    result = runner.invoke(
        args=[
            "search",
            "eval",
            "--ideas",
            str(DATA / "ideas.jsonl"),
            "--queries",
            str(DATA / queries),
        ]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["success_at_10"] == 1.0
    assert scores["mean_r_precision"] >= 0.9


def test_eval_reports_bad_files(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n")
    result = runner.invoke(args=["search", "eval", "--ideas", str(bad), "--queries", str(bad)])
    assert result.exit_code != 0 and "not JSON" in result.output


def test_updates_and_deletions_are_seen_by_a_long_lived_searcher(client, login, make_idea):
    idea = make_idea(title="Kotihoidon vanha otsikko", summary="Otsikko vaihtuu kohta toiseksi.")
    assert client.get("/api/v1/search?q=kotihoito").get_json()["total"] == 1  # opens the searcher
    login(idea.author)
    client.post(
        f"/ideas/{idea.id}/edit",
        data={
            "title": "Hammashoidon uusi otsikko",
            "summary": idea.summary,
            "phase": "ideation",
            "organisation": str(idea.organisation_id),
        },
    )
    assert client.get("/api/v1/search?q=kotihoito").get_json()["total"] == 0
    assert client.get("/api/v1/search?q=hammashoito").get_json()["total"] == 1
