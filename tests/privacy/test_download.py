"""The data download: a ZIP file of the member's own data, and nobody else's."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from idealaari.comments import services as comment_services
from idealaari.extensions import db
from idealaari.privacy import download, queries
from tests.privacy.conftest import (
    MEMBER_COMMENT_BODY,
    MEMBER_EMAIL,
    MEMBER_IDEA_BODY,
    MEMBER_NAME,
    OTHER_COMMENT_BODY,
    OTHER_EMAIL,
    OTHER_NAME,
)

PAGE = "/account/data"


def fetch(client) -> zipfile.ZipFile:
    resp = client.post(PAGE, buffered=True)
    assert resp.status_code == 200, resp.text[:500]
    return zipfile.ZipFile(io.BytesIO(resp.data))


def document(archive: zipfile.ZipFile) -> dict:
    return json.loads(archive.read(download.DOCUMENT).decode("utf-8"))


# --- Refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_visitors_are_sent_to_log_in(client, method):
    resp = getattr(client, method)(PAGE)
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]


def test_an_htmx_request_from_a_visitor_gets_401_with_a_redirect(client, htmx_headers):
    resp = client.post(PAGE, headers=htmx_headers)
    assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_the_download_needs_the_form_s_csrf_token(client, login, make_user):
    login(make_user())
    resp = client.post(PAGE, buffered=True)
    assert resp.status_code == 400 and resp.mimetype != "application/zip"


@pytest.mark.app_config(IDEALAARI_DATA_DOWNLOAD_LIMIT="2 per hour")
def test_downloads_are_rate_limited_per_member(client, login, make_user):
    login(make_user())
    assert [client.post(PAGE, buffered=True).status_code for _ in range(3)] == [200, 200, 429]


# --- The page ------------------------------------------------------------------------------


def test_the_page_explains_the_file_and_posts_a_button(client, login, make_user):
    login(make_user())
    page = client.get(PAGE).text
    assert page.count("<h1") == 1 and "Download your data" in page
    assert "tiedot.json" in page and "ideat/" in page and "kommentit/" in page
    assert re.search(r'<form method="post" action="/account/data">', page)
    assert 'name="csrf_token"' in page and '<button type="submit"' in page


def test_the_profile_settings_link_to_the_download_and_the_deletion(client, login, make_user):
    login(make_user())
    page = client.get("/account/profile").text
    assert 'href="/account/data"' in page and 'href="/account/delete"' in page
    assert 'aria-labelledby="privacy-title"' in page


# --- The file ------------------------------------------------------------------------------


def test_the_file_is_a_dated_zip_attachment(client, login, make_user):
    login(make_user())
    resp = client.post(PAGE, buffered=True)
    assert resp.mimetype == "application/zip"
    disposition = resp.headers["Content-Disposition"]
    assert re.fullmatch(
        r"attachment; filename=idealaari-omat-tiedot-\d{4}-\d\d-\d\d\.zip", disposition
    )
    assert "no-store" in resp.headers["Cache-Control"]
    assert zipfile.ZipFile(io.BytesIO(resp.data)).testzip() is None


def test_the_document_holds_the_account(client, login, world):
    login(world.member)
    account = document(fetch(client))["account"]
    assert account["name"] == MEMBER_NAME and account["email"] == MEMBER_EMAIL
    assert account["expertise"] == "Zyxwy-osaaminen" and account["role"] == "member"
    assert account["organisation"]["id"] == world.member.organisation_id
    assert account["digest_frequency"] == "weekly" and account["email_verified_at"]
    assert account["created_at"].startswith(str(world.member.created_at.year))


def test_the_document_holds_everything_the_member_did(client, login, world):
    login(world.member)
    doc = document(fetch(client))
    assert doc["format"] == "idealaari-member-data" and doc["version"] == 1
    assert {i["id"]: i["status"] for i in doc["ideas"]} == {
        world.member_idea.id: "published",
        world.member_draft.id: "draft",
    }
    idea = next(i for i in doc["ideas"] if i["id"] == world.member_idea.id)
    assert idea["body"] == MEMBER_IDEA_BODY and idea["partner_roles"] == ["pilot_site"]
    assert [c["body"] for c in doc["comments"]] == [
        MEMBER_COMMENT_BODY,
        "Vastaus toiselle jäsenelle.",
    ]
    assert doc["comments"][0]["on"] == {
        "kind": "idea",
        "id": world.other_idea.id,
        "title": world.other_idea.title,
    }
    assert doc["comments"][1]["reply_to"] == world.other_comment.id
    assert [v["idea_id"] for v in doc["idea_votes"]] == [world.other_idea.id]
    assert [v["entry_id"] for v in doc["challenge_entry_votes"]] == [world.entries[0].id]
    assert [(v["poll_id"], v["option"]) for v in doc["poll_votes"]] == [
        (world.poll.id, "Ennaltaehkäisy")
    ]
    assert [(o["idea_id"], o["message"]) for o in doc["partner_offers"]] == [
        (world.other_idea.id, "Zyxwy tarjoaa apua")
    ]
    assert {(f["target"], f["target_id"]) for f in doc["follows"]} >= {
        ("idea", world.member_idea.id),
        ("organisation", world.other.organisation_id),
    }
    assert {n["kind"] for n in doc["notifications"]} >= {"comment"}
    assert [e["idea_id"] for e in doc["challenge_entries"]] == [world.member_idea.id]
    assert [(s["entry_id"], s["scores"]) for s in doc["jury_scorecards"]] == [
        (world.entries[0].id, {"Levitettävyys": 5, "Kustannukset": 4}),
        (world.entries[1].id, {"Levitettävyys": 3, "Kustannukset": 3}),
        (world.entries[2].id, {"Levitettävyys": 1, "Kustannukset": 2}),
    ]
    assert [r["entry_id"] for r in doc["jury_recusals"]] == [world.entries[2].id]
    assert {
        "challenge_id": world.challenge.id,
        "title": world.challenge.title,
        "role": "juror",
    } in (doc["challenge_roles"])
    assert [(r["target_kind"], r["target_id"], r["reason"]) for r in doc["reports"]] == [
        ("comment", world.other_comment.id, "spam")
    ]


def test_the_document_holds_nobody_else_s_data(client, login, world):
    login(world.member)
    archive = fetch(client)
    everything = "\n".join(archive.read(name).decode("utf-8") for name in archive.namelist())
    for foreign in (OTHER_NAME, OTHER_EMAIL, OTHER_COMMENT_BODY, world.juror.email):
        assert foreign not in everything
    assert world.other_idea.body not in everything  # they only commented on it


def test_the_other_member_gets_only_their_own(client, login, world):
    login(world.other)
    doc = document(fetch(client))
    assert doc["account"]["email"] == OTHER_EMAIL
    assert [i["id"] for i in doc["ideas"]] == [world.other_idea.id]
    assert [c["body"] for c in doc["comments"]] == [OTHER_COMMENT_BODY]
    assert doc["partner_offers"] == [] and doc["jury_scorecards"] == [] and doc["reports"] == []
    assert MEMBER_NAME not in json.dumps(doc, ensure_ascii=False)


def test_ideas_and_comments_are_markdown_files_as_written(client, login, world):
    login(world.member)
    archive = fetch(client)
    idea_file = f"ideat/{world.member_idea.id}-{world.member_idea.slug}.md"
    draft_file = f"ideat/{world.member_draft.id}-{world.member_draft.slug}.md"
    assert {idea_file, draft_file} <= set(archive.namelist())
    text = archive.read(idea_file).decode("utf-8")
    assert text.startswith(f"# {world.member_idea.title}\n")
    assert MEMBER_IDEA_BODY in text and "Yksinäisyys lisääntyy iltaisin." in text
    assert world.member_idea.summary in text and "Pilot or test site" in text
    comment = archive.read(f"kommentit/{world.member_comment.id}.md").decode("utf-8")
    assert comment.startswith(f"# Comment on “{world.other_idea.title}”\n")
    assert comment.endswith("\n\n" + MEMBER_COMMENT_BODY + "\n")
    comment_files = sorted(n for n in archive.namelist() if n.startswith("kommentit/"))
    assert len(comment_files) == 2


def test_removed_comments_are_in_the_download_too(client, login, world):
    comment_services.delete_comment(comment=world.member_comment, actor=world.member)
    db.session.commit()
    login(world.member)
    comment = next(
        c for c in document(fetch(client))["comments"] if c["id"] == world.member_comment.id
    )
    assert comment["body"] == MEMBER_COMMENT_BODY and comment["removed_at"]


def test_a_member_with_nothing_gets_empty_lists(client, login, make_user):
    member = login(make_user())
    archive = fetch(client)
    doc = document(archive)
    assert doc["account"]["id"] == member.id
    assert doc["ideas"] == [] and doc["comments"] == [] and doc["notifications"] == []
    assert archive.namelist() == ["tiedot.json"]


def test_rows_are_read_in_pages(client, login, world, monkeypatch):
    """With pages of one row, every row still comes once, in order (keyset paging)."""
    monkeypatch.setattr(queries, "PAGE_SIZE", 1)
    login(world.member)
    doc = document(fetch(client))
    assert [c["body"] for c in doc["comments"]] == [
        MEMBER_COMMENT_BODY,
        "Vastaus toiselle jäsenelle.",
    ]
    assert [s["entry_id"] for s in doc["jury_scorecards"]] == [e.id for e in world.entries[:3]]
    assert len(doc["ideas"]) == 2


def test_the_json_writer_writes_one_document_item_by_item():
    out = io.StringIO()
    writer = download.JsonObjectWriter(out)
    writer.member("n", 1)
    writer.array("empty", iter(()))
    writer.array("items", ({"i": i, "ä": "ö"} for i in range(3)))
    writer.close()
    assert json.loads(out.getvalue()) == {
        "n": 1,
        "empty": [],
        "items": [{"i": 0, "ä": "ö"}, {"i": 1, "ä": "ö"}, {"i": 2, "ä": "ö"}],
    }
    assert "ä" in out.getvalue()  # readable, not \u-escaped
