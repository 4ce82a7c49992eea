"""Search under probing: draft words in suggestions, nonsense queries, rate limits, escaping."""

import random
import re

import pytest
from whoosh import spelling

from idealaari.config import ConfigError, load
from idealaari.ideas.models import IdeaStatus
from idealaari.search import analysis, whoosh_queries
from idealaari.search.types import MAX_QUERY_WORDS

DRAFT_WORD = "xylofonia"  # no dictionary knows it: it is indexed as typed
MISSPELT = "xylofnia"


@pytest.fixture
def secret_draft(make_idea):
    make_idea(title="Kotihoidon etäkäynnit")  # something public to search among
    return make_idea(
        title=f"Salainen {DRAFT_WORD} kotihoidossa",
        summary=f"Luonnos, jossa {DRAFT_WORD} mainitaan.",
        status=IdeaStatus.DRAFT,
    )


def test_no_suggestion_of_a_draft_word_to_anonymous_visitors(client, secret_draft):
    page = client.get(f"/search?q={MISSPELT}")
    assert page.status_code == 200 and "No ideas or challenges match" in page.text
    assert "Did you mean" not in page.text and "xylofon" not in page.text.replace(MISSPELT, "")


def test_no_suggestion_of_a_draft_word_to_another_member(client, login, make_user, secret_draft):
    login(make_user())
    page = client.get(f"/search?q={MISSPELT}").text
    assert "Did you mean" not in page and "xylofon" not in page.replace(MISSPELT, "")


def test_the_drafts_editor_gets_the_suggestion(client, login, secret_draft):
    login(secret_draft.author)
    page = client.get(f"/search?q={MISSPELT}").text
    assert "Did you mean:" in page and "xylofon" in page.replace(MISSPELT, "")


def test_suggestions_still_come_from_published_and_archived_ideas(client, make_idea):
    make_idea(title="Annosjakelu apteekista", status=IdeaStatus.ARCHIVED)
    page = client.get("/search?q=annosjakalu").text
    assert "Did you mean:" in page and "annosjakelu" in page


def _nonsense(n_words: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(9)) for _ in range(n_words)
    )


def test_long_queries_are_cut_to_the_word_limit_and_say_so(client, make_idea, monkeypatch):
    make_idea(title="Kotihoidon etäkäynnit")
    analysed: list[str] = []
    real_forms = analysis._forms

    def counting(word, with_compound_parts):
        if not with_compound_parts:
            analysed.append(word)
        return real_forms(word, with_compound_parts)

    monkeypatch.setattr(analysis, "_forms", counting)
    suggested: list[str] = []
    real_suggest = spelling.Corrector.suggest

    def counting_suggest(self, text, *args, **kwargs):
        suggested.append(text)
        return real_suggest(self, text, *args, **kwargs)

    monkeypatch.setattr(spelling.Corrector, "suggest", counting_suggest)
    query = _nonsense(30, seed=1)[:200]
    page = client.get("/search", query_string={"q": query})
    assert page.status_code == 200
    assert f"Only the first {MAX_QUERY_WORDS} words were searched." in page.text
    assert 0 < len(set(analysed)) <= MAX_QUERY_WORDS
    # nonsense: after MAX_SUGGESTION_MISSES words with no candidate (two fields each), no more
    assert 0 < len(suggested) <= 2 * whoosh_queries.MAX_SUGGESTION_MISSES
    # a query within the limit is searched whole, and says nothing about it
    within = "kotihoito " + " ".join(["etäkäynti"] * (MAX_QUERY_WORDS - 1))
    page = client.get("/search", query_string={"q": within}).text
    assert "Only the first" not in page and "1 result" in page


def test_the_api_makes_no_suggestions_it_would_not_return(client, make_idea, monkeypatch):
    make_idea(title="Kotihoidon etäkäynnit")

    def refuse(*args, **kwargs):
        raise AssertionError("the API computed a suggestion")

    monkeypatch.setattr(whoosh_queries, "suggest", refuse)
    resp = client.get("/api/v1/search", query_string={"q": _nonsense(20, seed=3)[:200]})
    assert resp.status_code == 200 and resp.get_json()["total"] == 0
    assert "suggestion" not in resp.get_json()


LIMITED = pytest.mark.app_config(IDEALAARI_SEARCH_RATE_LIMIT="2 per minute")


@LIMITED
@pytest.mark.parametrize("url", ["/search?q=kotihoito", "/search/similar?title=kotihoito"])
def test_the_search_limit_bites_on_pages(client, url):
    assert [client.get(url).status_code for _ in range(2)] == [200, 200]
    refused = client.get(url)
    assert refused.status_code == 429
    assert "Too many searches in a short time" in refused.text
    assert "Retry-After" in refused.headers


@LIMITED
def test_the_search_limit_bites_on_the_api(client):
    for _ in range(2):
        assert client.get("/api/v1/search?q=kotihoito").status_code == 200
    refused = client.get("/api/v1/search?q=kotihoito")
    assert refused.status_code == 429 and refused.is_json
    assert refused.get_json()["error"] == {
        "status": 429,
        "message": "Too many searches from this client. Wait a minute and try again.",
    }


@LIMITED
def test_an_htmx_search_over_the_limit_swaps_nothing_and_says_why(client):
    headers = {"HX-Request": "true", "HX-Target": "search-results"}
    for _ in range(2):
        client.get("/search?q=kotihoito", headers=headers)
    refused = client.get("/search?q=kotihoito", headers=headers)
    assert refused.status_code == 429 and refused.headers["HX-Reswap"] == "none"
    assert "<html" not in refused.text and "Too many searches" in refused.text


@LIMITED
def test_members_behind_one_address_have_a_limit_each(client, login, make_user):
    login(make_user())
    assert [client.get("/search?q=a").status_code for _ in range(3)] == [200, 200, 429]
    login(make_user())  # a colleague at the same hospital address
    assert client.get("/search?q=a").status_code == 200


def test_the_search_limit_is_configurable_and_checked(tmp_path):
    settings = load(str(tmp_path), {"IDEALAARI_SEARCH_RATE_LIMIT": "10 per second"})
    assert settings["IDEALAARI_SEARCH_RATE_LIMIT"] == "10 per second"
    assert load(str(tmp_path), {})["IDEALAARI_SEARCH_RATE_LIMIT"] == "60 per minute"
    with pytest.raises(ConfigError, match="IDEALAARI_SEARCH_RATE_LIMIT"):
        load(str(tmp_path), {"IDEALAARI_SEARCH_RATE_LIMIT": "lots"})


def test_snippets_are_escaped_once_in_the_page(client, make_idea):
    make_idea(
        title="Hammashoidon jonot",
        summary="Palveluseteli purkaa jonoja.",
        need="",
        body="Tavoite: jonot < 2 vk & asiakas <b>tyytyväinen</b>.",
    )
    page = client.get("/search?q=jonot").text
    snippet = page.split('<p class="snippet">')[1].split("</p>")[0]
    assert "&lt; 2 vk &amp; asiakas" in snippet  # shows as "< 2 vk & asiakas"
    assert "&amp;lt;" not in snippet and "&amp;amp;" not in snippet
    assert re.search(r'<mark class="match term\d+">jonot</mark> &lt; 2 vk', snippet)
    assert "<b>" not in snippet  # the body's own markup stays inert


def test_the_api_snippet_is_plain_text_with_highlight_offsets(client, make_idea):
    make_idea(
        title="Hammashoidon jonot",
        summary="Palveluseteli purkaa jonoja.",
        need="",
        body="Tavoite: jonot < 2 vk & asiakas tyytyväinen.",
    )
    item = client.get("/api/v1/search?q=jonot").get_json()["items"][0]
    assert "jonot < 2 vk & asiakas" in item["snippet"]
    assert "&lt;" not in item["snippet"] and "&amp;" not in item["snippet"]
    assert "<mark" not in item["snippet"]
    assert item["highlights"]
    assert {item["snippet"][start:end].lower() for start, end in item["highlights"]} == {"jonot"}
