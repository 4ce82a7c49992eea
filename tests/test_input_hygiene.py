"""Every text input is normalised in one place (idealaari/textclean.py), for forms and query
parameters alike. Run on PostgreSQL too (`make test-postgres`), which refuses NUL in text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from idealaari.comments.models import Comment
from idealaari.extensions import db
from idealaari.ideas.models import Idea
from idealaari.textclean import clean_text, is_clean

UNWANTED = (
    "\x00\x01\x07\x1b\x7f\x85\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\u2060\ufeff"
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Kotihoito\x00", "Kotihoito"),
        ("annos\u200bjakelu", "annosjakelu"),
        ("abc\u202efdp.exe", "abcfdp.exe"),
        ("\ufeffOtsikko", "Otsikko"),
        ("Ka\u0308ytto\u0308", "Käyttö"),  # decomposed ä and ö become the composed letters
        ("rivi 1\nrivi 2\r\n\tsisennys", "rivi 1\nrivi 2\r\n\tsisennys"),
        ("jonot < 2 vk & muuta", "jonot < 2 vk & muuta"),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


@given(st.text())
def test_clean_text_leaves_nothing_unwanted_and_is_idempotent(value):
    cleaned = clean_text(value)
    assert not any(c in UNWANTED for c in cleaned)
    assert not any(unicodedata.category(c) == "Cc" and c not in "\t\n\r" for c in cleaned)
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean_text(cleaned) == cleaned
    assert is_clean(cleaned)


def test_every_view_sees_clean_form_fields_and_query_parameters(app, client):
    """One place cleans the request: a view reads `request.form` and `request.args` clean."""
    from flask import jsonify, request

    @app.post("/_echo")
    def echo():
        return jsonify(
            form={k: request.form.getlist(k) for k in request.form},
            args={k: request.args.getlist(k) for k in request.args},
            values=request.values.get("name"),
        )

    response = client.post(
        "/_echo?q=koti%00hoito&tag=eta%E2%80%8Bhoito&tag=x%E2%80%AE",
        data={"name": "Maija\x00 Mehi\u200bläinen\u202e", "n\x00ame2": "Ka\u0308ytto\u0308"},
    )
    assert response.json == {
        "form": {"name": ["Maija Mehiläinen"], "name2": ["Käyttö"]},
        "args": {"q": ["kotihoito"], "tag": ["etahoito", "x"]},
        "values": "Maija Mehiläinen",
    }


def test_comment_and_idea_text_are_cleaned(client, login, make_user, make_idea):
    member = login(make_user())
    idea = make_idea(author=member)
    response = client.post(
        f"/ideas/{idea.id}/comments",
        data={"body": "Hyvä\x00 idea \u202eesonnaid\u202c ja\u200b kaikki"},
    )
    assert response.status_code in (200, 302, 303)
    comment = db.session.scalar(select(Comment).order_by(Comment.id.desc()))
    assert comment.body == "Hyvä idea esonnaid ja kaikki"

    response = client.post(
        f"/ideas/{idea.id}/edit",
        data={
            "title": "Etä\x00kotihoito\u200b ilta\u202eisin",
            "summary": idea.summary,
            "need": idea.need,
            "body": idea.body,
            "organisation": str(idea.organisation_id),
            "phase": idea.phase.value,
            "tags": "kotihoito\x00, etä\u200bhoito",
        },
    )
    assert response.status_code in (200, 302, 303)
    db.session.expire_all()
    edited = db.session.get(Idea, idea.id)
    assert edited.title == "Etäkotihoito iltaisin"
    assert sorted(t.name for t in edited.tags) == ["etähoito", "kotihoito"]


@pytest.mark.parametrize(
    "url",
    [
        "/ideas?tag=%00",
        "/ideas?tag=koti%00hoito&organisation=%00&theme=%E2%80%AE",
        "/ideas/archive?tag=%00",
        "/search?q=%00annos%E2%80%8Bjakelu",
        "/api/v1/search?q=koti%00hoito",
        "/organisations/?q=%00",
    ],
)
def test_query_parameters_with_nul_and_bidi_do_not_fail(client, url):
    assert client.get(url).status_code in (200, 400)


def test_login_with_nul_in_email_is_cleaned_not_a_server_error(client, make_user):
    from tests.factories import PASSWORD

    make_user(email="pekka@example.fi")
    wrong = client.post("/login", data={"email": "pekka@example.fi\x00", "password": "väärä\x00"})
    assert wrong.status_code == 401
    right = client.post(
        "/login", data={"email": "\u200bpekka@example.fi\x00", "password": PASSWORD}
    )
    assert right.status_code in (302, 303)


@pytest.mark.parametrize("url", ["/organisations/abc%00", "/organisations/%E2%80%AEabc"])
def test_path_with_nul_or_bidi_is_not_found(client, url):
    assert client.get(url).status_code == 404
