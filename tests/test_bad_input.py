"""Ids and page numbers no table or listing can hold are a 404 with a message, never a 500."""

from __future__ import annotations

import re

import pytest

from idealaari.accounts.models import Role
from idealaari.http import MAX_ID, MAX_PAGE

PLACEHOLDERS = {"owner": "ideas", "target": "idea"}
HUGE_IDS = [str(2**63), str(2**64 + 5), str(MAX_ID + 1), "9" * 40]


def _routes_with_ids(app):
    for rule in app.url_map.iter_rules():
        names = [name for name, conv in rule._converters.items() if conv.regex == r"\d+"]
        if names and not rule.rule.startswith("/static"):
            method = "GET" if "GET" in rule.methods else "POST"
            yield rule.rule, names, method


def _fill(rule: str, id_names: list[str], value: str) -> str:
    def replace(match):
        return value if match[1] in id_names else PLACEHOLDERS.get(match[1], "x")

    return re.sub(r"<(?:[a-z]+:)?([a-z_]+)>", replace, rule)


def test_every_route_with_an_id_is_covered(app):
    routes = list(_routes_with_ids(app))
    assert len(routes) >= 30  # ideas, comments, partners, polls, votes, follows, api...


@pytest.mark.parametrize("huge", HUGE_IDS)
def test_huge_ids_in_any_route_are_not_found(app, client, login, make_user, huge):
    login(make_user(role=Role.MODERATOR))
    failures = []
    for rule, names, method in _routes_with_ids(app):
        path = _fill(rule, names, huge)
        response = client.open(path, method=method)
        if response.status_code != 404:
            failures.append(f"{method} {path}: {response.status_code}")
    assert failures == []


def test_largest_id_is_an_ordinary_not_found(client):
    assert client.get(f"/ideas/{MAX_ID}").status_code == 404


@pytest.mark.parametrize("path", ["/ideas", "/ideas/archive", "/notifications"])
@pytest.mark.parametrize("page", [str(MAX_PAGE + 1), "9" * 30, str(2**63)])
def test_huge_page_numbers_are_not_found_with_a_message(client, login, make_user, path, page):
    login(make_user())
    response = client.get(f"{path}?page={page}")
    assert response.status_code == 404
    assert "There is no such page." in response.get_data(as_text=True)


@pytest.mark.parametrize("page", ["abc", "-3", "0", "", "²", "1.5"])
def test_page_numbers_that_are_not_numbers_show_the_first_page(client, page):
    assert client.get(f"/ideas?page={page}").status_code == 200


def test_last_real_page_number_is_accepted(client):
    assert client.get(f"/ideas?page={MAX_PAGE}").status_code == 200


def test_logged_in_pages_are_not_cached(client, login, make_user):
    anonymous = client.get("/ideas")
    assert "no-store" not in anonymous.headers.get("Cache-Control", "")
    login(make_user())
    for path in ("/ideas", "/notifications", "/"):
        response = client.get(path)
        assert response.headers["Cache-Control"] == "private, no-store", path
