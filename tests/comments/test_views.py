"""Comments as members use them: full pages without JavaScript, htmx partials, bad input."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from idealaari.accounts.models import Role
from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus
from tests.test_security import XSS_PAYLOADS, active_content


def page_of(idea) -> str:
    return f"/ideas/{idea.id}-{idea.slug}"


def comments(idea_id=None) -> list[Comment]:
    db.session.expire_all()
    stmt = select(Comment).order_by(Comment.id)
    if idea_id is not None:
        stmt = stmt.join(Idea, Idea.discussion_id == Comment.discussion_id).where(
            Idea.id == idea_id
        )
    return list(db.session.scalars(stmt))


def opening_tag(html: str, html_id: str) -> str:
    """The start tag of the element with this id."""
    match = re.search(rf'<[a-z]+\b[^>]*\bid="{html_id}"[^>]*>', html)
    assert match, f"no element #{html_id}"
    return match.group(0)


def textarea(html: str, html_id: str) -> str:
    """The text inside the text area with this id."""
    match = re.search(rf'<textarea[^>]*id="{html_id}"[^>]*>(.*?)</textarea>', html, re.S)
    assert match, f"no textarea #{html_id}"
    return match.group(1).strip()


# --- The section on the idea page ------------------------------------------------------------


def test_idea_page_shows_comments_with_count_author_and_time(client, make_idea, make_comment):
    idea = make_idea()
    top = make_comment(idea=idea, body="Tämä on **hyvä**")
    make_comment(idea=idea, parent=top, body="Samaa mieltä")
    page = client.get(page_of(idea)).text
    assert 'id="comments"' in page and "Comments (2)" in page
    assert f'<article id="comment-{top.id}"' in page and top.author.name in page
    assert "<strong>hyvä</strong>" in page and "Samaa mieltä" in page
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">', page)
    assert page.count("<h1") == 1


def test_visitor_is_invited_to_log_in(client, make_idea):
    idea = make_idea()
    page = client.get(page_of(idea)).text
    assert "Log in to comment" in page and 'id="comment-form"' not in page
    assert "No comments yet." in page


def test_member_gets_a_labelled_form(client, login, make_user, make_idea):
    idea = make_idea()
    login(make_user())
    page = client.get(page_of(idea)).text
    assert 'id="comment-form"' in page and '<label for="comment-body">Your comment</label>' in page
    assert 'maxlength="10000"' in page and 'hx-target="#comments"' in page


def test_archived_idea_shows_comments_but_takes_no_more(
    client, login, make_user, make_idea, make_comment
):
    idea = make_idea()
    make_comment(idea=idea, body="Vanha kommentti")
    idea.status = IdeaStatus.ARCHIVED
    db.session.commit()
    login(make_user())
    page = client.get(page_of(idea)).text
    assert "Vanha kommentti" in page and 'id="comment-form"' not in page
    assert "no longer takes comments" in page and "every 30s" not in page


def test_comments_page_of_its_own(client, make_idea, make_comment, fragment_headers):
    idea = make_idea()
    make_comment(idea=idea, body="Oma sivu")
    page = client.get(f"/ideas/{idea.id}/comments")
    assert page.status_code == 200 and "<html" in page.text and page.text.count("<h1") == 1
    assert "Oma sivu" in page.text and 'class="skip-link"' in page.text
    thread = client.get(f"/ideas/{idea.id}/comments", headers=fragment_headers("comment-thread"))
    assert "<html" not in thread.text and thread.text.lstrip().startswith(
        '<div id="comment-thread"'
    )
    section = client.get(f"/ideas/{idea.id}/comments", headers=fragment_headers("comments"))
    assert "<html" not in section.text and 'id="comments"' in section.text
    # A boosted request or a history restore gets the full page.
    boosted = client.get(
        f"/ideas/{idea.id}/comments",
        headers={**fragment_headers("comment-thread"), "HX-Boosted": "true"},
    )
    assert "<html" in boosted.text


@pytest.mark.parametrize("status", [IdeaStatus.DRAFT, IdeaStatus.HIDDEN])
def test_comments_of_unseen_ideas_are_not_found(client, login, make_user, make_idea, status):
    idea = make_idea(status=status)
    login(make_user())
    assert client.get(f"/ideas/{idea.id}/comments").status_code == 404
    assert client.get("/ideas/999999/comments").status_code == 404


# --- Posting -----------------------------------------------------------------------------------


def test_post_without_javascript_redirects_to_the_comment(client, login, make_user, make_idea):
    idea = make_idea()
    login(make_user())
    resp = client.post(f"/ideas/{idea.id}/comments", data={"body": "Kokeillaan tätä meillä"})
    [comment] = comments()
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith(f"{page_of(idea)}#comment-{comment.id}")
    page = client.get(resp.headers["Location"]).text
    assert "Your comment is posted." in page and "Kokeillaan tätä meillä" in page
    assert "Comments (1)" in page


def test_post_with_htmx_returns_the_section(client, login, make_user, make_idea, fragment_headers):
    idea = make_idea()
    login(make_user())
    resp = client.post(
        f"/ideas/{idea.id}/comments",
        data={"body": "Nopea kommentti"},
        headers=fragment_headers("comments"),
    )
    [comment] = comments()
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith('<section id="comments"')
    assert "Nopea kommentti" in resp.text and "Comments (1)" in resp.text
    # Focus goes to the new comment; the form is empty again.
    assert "autofocus" in opening_tag(resp.text, f"comment-{comment.id}")
    assert textarea(resp.text, "comment-body") == ""


def test_reply_with_htmx_returns_the_thread_it_joined(
    client, login, make_user, make_idea, make_comment, fragment_headers
):
    idea = make_idea()
    top = make_comment(idea=idea)
    reply = make_comment(idea=idea, parent=top)
    login(make_user())
    resp = client.post(
        f"/ideas/{idea.id}/comments",
        data={"body": "Vastaus vastaukseen", "parent_id": str(reply.id)},
        headers=fragment_headers(f"comment-{top.id}"),
    )
    new = comments()[-1]
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith(f'<article id="comment-{top.id}"')
    assert new.parent_id == top.id and "Vastaus vastaukseen" in resp.text
    assert "autofocus" in opening_tag(resp.text, f"comment-{new.id}")


def test_reply_without_javascript(client, login, make_user, make_idea, make_comment):
    idea = make_idea()
    top = make_comment(idea=idea)
    login(make_user())
    page = client.get(page_of(idea)).text
    assert f'<label for="reply-body-{top.id}">Your reply</label>' in page
    resp = client.post(
        f"/ideas/{idea.id}/comments", data={"body": "Vastaan", "parent_id": str(top.id)}
    )
    assert resp.status_code == 303 and comments()[-1].parent_id == top.id


def test_double_post_makes_one_comment(client, login, make_user, make_idea, fragment_headers):
    idea = make_idea()
    login(make_user())
    first = client.post(f"/ideas/{idea.id}/comments", data={"body": "Tuplaklikkaus"})
    second = client.post(
        f"/ideas/{idea.id}/comments",
        data={"body": "Tuplaklikkaus"},
        headers=fragment_headers("comments"),
    )
    assert first.status_code == 303 and second.status_code == 200
    assert len(comments()) == 1 and second.text.count("Tuplaklikkaus") == 1


@pytest.mark.parametrize("body", ["", "   "])
def test_empty_comment_is_refused_with_a_message(
    client, login, make_user, make_idea, fragment_headers, body
):
    idea = make_idea()
    login(make_user())
    resp = client.post(
        f"/ideas/{idea.id}/comments", data={"body": body}, headers=fragment_headers("comments")
    )
    assert resp.status_code == 422 and "<html" not in resp.text and 'id="comments"' in resp.text
    assert "Write a comment first." in resp.text and 'aria-invalid="true"' in resp.text
    plain = client.post(f"/ideas/{idea.id}/comments", data={"body": body})
    assert (
        plain.status_code == 422
        and "<html" in plain.text
        and "Write a comment first." in plain.text
    )
    assert comments() == []


def test_too_long_comment_is_refused_and_the_text_kept(
    client, login, make_user, make_idea, fragment_headers
):
    idea = make_idea()
    login(make_user())
    text = "Pitkä " + "a" * 10_000
    resp = client.post(
        f"/ideas/{idea.id}/comments", data={"body": text}, headers=fragment_headers("comments")
    )
    assert resp.status_code == 422 and "Write at most 10000 characters." in resp.text
    assert textarea(resp.text, "comment-body") == text
    assert "autofocus" in opening_tag(resp.text, "comment-body")
    plain = client.post(f"/ideas/{idea.id}/comments", data={"body": text})
    assert plain.status_code == 422 and textarea(plain.text, "comment-body") == text
    assert comments() == []


def test_reply_error_keeps_the_text_in_the_reply_form(
    client, login, make_user, make_idea, make_comment, fragment_headers
):
    idea = make_idea()
    top = make_comment(idea=idea)
    login(make_user())
    text = "b" * 10_001
    resp = client.post(
        f"/ideas/{idea.id}/comments",
        data={"body": text, "parent_id": str(top.id)},
        headers=fragment_headers(f"comment-{top.id}"),
    )
    assert resp.status_code == 422 and resp.text.lstrip().startswith(
        f'<article id="comment-{top.id}"'
    )
    assert textarea(resp.text, f"reply-body-{top.id}") == text
    assert '<details class="comment-reply-box" open>' in resp.text


@pytest.mark.parametrize("status", [IdeaStatus.ARCHIVED])
def test_comment_on_archived_idea_is_forbidden(
    client, login, make_user, make_idea, fragment_headers, status
):
    idea = make_idea(status=status)
    login(make_user())
    plain = client.post(f"/ideas/{idea.id}/comments", data={"body": "Myöhässä"})
    assert plain.status_code == 403 and "no longer takes comments" in plain.text
    assert textarea(plain.text, "comment-body") == "Myöhässä"
    resp = client.post(
        f"/ideas/{idea.id}/comments",
        data={"body": "Myöhässä"},
        headers=fragment_headers("comments"),
    )
    assert resp.status_code == 403 and resp.headers["HX-Reswap"] == "none"
    assert 'id="htmx-error"' in resp.text and "no longer takes comments" in resp.text
    assert comments() == []


def test_comment_on_hidden_idea(client, login, make_user, make_idea):
    idea = make_idea(status=IdeaStatus.HIDDEN)
    login(make_user())
    assert client.post(f"/ideas/{idea.id}/comments", data={"body": "Hei"}).status_code == 404
    login(make_user(role=Role.MODERATOR))  # moderators see hidden ideas, but no one comments
    assert client.post(f"/ideas/{idea.id}/comments", data={"body": "Hei"}).status_code == 403
    assert comments() == []


def test_comment_on_a_draft(client, login, make_user, make_idea):
    draft = make_idea(status=IdeaStatus.DRAFT)
    login(make_user())
    assert client.post(f"/ideas/{draft.id}/comments", data={"body": "Hei"}).status_code == 404
    login(draft.author)
    assert client.post(f"/ideas/{draft.id}/comments", data={"body": "Hei"}).status_code == 403
    assert comments() == []


@pytest.mark.parametrize("parent_id", ["999999", "abc", "-1", "²", "9" * 30])
def test_unknown_ids_are_not_found(client, login, make_user, make_idea, parent_id):
    idea = make_idea()
    login(make_user())
    assert client.post("/ideas/999999/comments", data={"body": "Hei"}).status_code == 404
    resp = client.post(f"/ideas/{idea.id}/comments", data={"body": "Hei", "parent_id": parent_id})
    assert resp.status_code == 404
    for url in (
        "/comments/999999/edit",
        "/comments/999999/delete",
        "/comments/999999/hide",
        "/comments/999999/unhide",
    ):
        assert client.post(url, data={"body": "x", "reason": "x"}).status_code == 404, url
    assert client.get("/comments/999999").status_code == 404
    assert comments() == []


def test_reply_to_a_comment_of_another_idea_is_refused(
    client, login, make_user, make_idea, make_comment
):
    idea = make_idea()
    elsewhere = make_comment(idea=make_idea())
    login(make_user())
    resp = client.post(
        f"/ideas/{idea.id}/comments",
        data={"body": "Väärä ketju", "parent_id": str(elsewhere.id)},
    )
    assert resp.status_code == 422
    assert "You can only reply to comments in this discussion." in resp.text
    assert textarea(resp.text, "comment-body") == "Väärä ketju"
    assert len(comments()) == 1


def test_visitors_are_sent_to_log_in(client, make_idea, make_comment, htmx_headers):
    idea = make_idea()
    comment = make_comment(idea=idea)
    resp = client.post(f"/ideas/{idea.id}/comments", data={"body": "Hei"})
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]
    resp = client.post(f"/ideas/{idea.id}/comments", data={"body": "Hei"}, headers=htmx_headers)
    assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]
    for url in (
        f"/comments/{comment.id}/edit",
        f"/comments/{comment.id}/delete",
        f"/comments/{comment.id}/hide",
    ):
        assert client.post(url, headers=htmx_headers).status_code == 401
    assert len(comments()) == 1


# --- Editing ------------------------------------------------------------------------------------


def test_edit_in_place_with_htmx(client, login, make_idea, make_comment, fragment_headers):
    idea = make_idea()
    comment = make_comment(idea=idea, body="Alkuperäinen")
    login(comment.author)
    page = client.get(page_of(idea)).text
    assert f'href="/comments/{comment.id}/edit"' in page
    target = fragment_headers(f"comment-{comment.id}")
    form = client.get(f"/comments/{comment.id}/edit", headers=target)
    assert form.status_code == 200 and "<html" not in form.text
    assert form.text.lstrip().startswith(f'<article id="comment-{comment.id}"')
    assert f'<label for="edit-body-{comment.id}">Edit your comment</label>' in form.text
    assert textarea(form.text, f"edit-body-{comment.id}") == "Alkuperäinen"
    assert "autofocus" in opening_tag(form.text, f"edit-body-{comment.id}")
    saved = client.post(f"/comments/{comment.id}/edit", data={"body": "Korjattu"}, headers=target)
    assert saved.status_code == 200 and "<html" not in saved.text
    assert "Korjattu" in saved.text and "edited" in saved.text
    assert f'id="edit-body-{comment.id}"' not in saved.text
    assert comments()[0].body == "Korjattu"
    cancel = client.get(f"/comments/{comment.id}", headers=target)
    assert cancel.status_code == 200 and cancel.text.lstrip().startswith(
        f'<article id="comment-{comment.id}"'
    )


def test_edit_without_javascript(client, login, make_idea, make_comment):
    idea = make_idea()
    comment = make_comment(idea=idea, body="Alkuperäinen")
    login(comment.author)
    form = client.get(f"/comments/{comment.id}/edit")
    assert form.status_code == 200 and "<html" in form.text and form.text.count("<h1") == 1
    assert textarea(form.text, f"edit-body-{comment.id}") == "Alkuperäinen"
    resp = client.post(f"/comments/{comment.id}/edit", data={"body": "Korjattu"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"#comment-{comment.id}")
    assert "Your comment is saved." in client.get(resp.headers["Location"]).text
    assert client.get(f"/comments/{comment.id}").status_code == 302


def test_edit_to_empty_is_refused(client, login, make_idea, make_comment, fragment_headers):
    comment = make_comment(idea=make_idea(), body="Alkuperäinen")
    login(comment.author)
    resp = client.post(
        f"/comments/{comment.id}/edit",
        data={"body": " "},
        headers=fragment_headers(f"comment-{comment.id}"),
    )
    assert resp.status_code == 422 and "Write a comment first." in resp.text
    assert client.post(f"/comments/{comment.id}/edit", data={"body": ""}).status_code == 422
    assert comments()[0].body == "Alkuperäinen"


def test_editing_after_fifteen_minutes_is_refused(
    client, login, make_idea, make_comment, fragment_headers
):
    idea = make_idea()
    comment = make_comment(idea=idea, body="Vanha", created_at=utcnow() - timedelta(minutes=16))
    login(comment.author)
    assert f"/comments/{comment.id}/edit" not in client.get(page_of(idea)).text
    plain = client.post(f"/comments/{comment.id}/edit", data={"body": "Liian myöhään"})
    assert plain.status_code == 403 and "can be edited for 15 minutes" in plain.text
    assert textarea(plain.text, f"edit-body-{comment.id}") == "Liian myöhään"
    resp = client.post(
        f"/comments/{comment.id}/edit",
        data={"body": "Liian myöhään"},
        headers=fragment_headers(f"comment-{comment.id}"),
    )
    assert resp.status_code == 403 and "can be edited for 15 minutes" in resp.text
    assert client.get(f"/comments/{comment.id}/edit").status_code == 403
    assert comments()[0].body == "Vanha"


def test_others_cannot_edit(client, login, make_user, make_idea, make_comment):
    comment = make_comment(idea=make_idea(), body="Minun")
    for other in (make_user(), make_user(role=Role.MODERATOR)):
        login(other)
        assert client.get(f"/comments/{comment.id}/edit").status_code == 403
        resp = client.post(f"/comments/{comment.id}/edit", data={"body": "Sinun"})
        assert resp.status_code == 403 and "You can only edit your own comments." in resp.text
    assert comments()[0].body == "Minun"


# --- Removing -----------------------------------------------------------------------------------


def test_remove_leaves_comment_removed_and_the_replies(client, login, make_idea, make_comment):
    idea = make_idea()
    top = make_comment(
        idea=idea, body="Poistettava teksti", created_at=utcnow() - timedelta(days=3)
    )
    make_comment(idea=idea, parent=top, body="Vastaus jää")
    login(top.author)
    resp = client.post(f"/comments/{top.id}/delete")
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"#comment-{top.id}")
    page = client.get(page_of(idea)).text
    assert "Comment removed" in page and "Poistettava teksti" not in page
    assert "Vastaus jää" in page and "Comments (1)" in page


def test_remove_in_place_with_htmx(client, login, make_idea, make_comment, fragment_headers):
    idea = make_idea()
    comment = make_comment(idea=idea, body="Poistettava teksti")
    login(comment.author)
    resp = client.post(
        f"/comments/{comment.id}/delete", headers=fragment_headers(f"comment-{comment.id}")
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith(f'<article id="comment-{comment.id}"')
    assert "Comment removed" in resp.text and "Poistettava teksti" not in resp.text
    assert "autofocus" in opening_tag(resp.text, f"comment-{comment.id}")


def test_others_cannot_remove(client, login, make_user, make_idea, make_comment, fragment_headers):
    comment = make_comment(idea=make_idea())
    for other in (make_user(), make_user(role=Role.MODERATOR)):
        login(other)
        assert client.post(f"/comments/{comment.id}/delete").status_code == 403
        resp = client.post(
            f"/comments/{comment.id}/delete", headers=fragment_headers(f"comment-{comment.id}")
        )
        assert resp.status_code == 403
    assert comments()[0].deleted_at is None


# --- Hiding -------------------------------------------------------------------------------------


def test_moderator_hides_and_the_reason_shows(client, login, make_user, make_idea, make_comment):
    idea = make_idea()
    comment = make_comment(idea=idea, body="Mainos: osta nyt")
    login(make_user(role=Role.MODERATOR))
    assert f'<label for="hide-reason-{comment.id}">' in client.get(page_of(idea)).text
    resp = client.post(f"/comments/{comment.id}/hide", data={"reason": "Mainontaa"})
    assert resp.status_code == 303
    login(make_user())
    page = client.get(page_of(idea)).text
    assert "Hidden by a moderator: Mainontaa" in page and "Mainos: osta nyt" not in page
    assert "Comments (0)" in page


def test_moderator_hides_and_unhides_in_place(
    client, login, make_user, make_idea, make_comment, fragment_headers
):
    comment = make_comment(idea=make_idea(), body="Rajatapaus")
    login(make_user(role=Role.MODERATOR))
    target = fragment_headers(f"comment-{comment.id}")
    empty = client.post(f"/comments/{comment.id}/hide", data={"reason": ""}, headers=target)
    assert empty.status_code == 422 and "Give a reason for hiding the comment." in empty.text
    assert '<details class="comment-hide" open>' in empty.text
    hidden = client.post(f"/comments/{comment.id}/hide", data={"reason": "Asiaton"}, headers=target)
    assert hidden.status_code == 200 and "<html" not in hidden.text
    assert hidden.text.lstrip().startswith(f'<article id="comment-{comment.id}"')
    assert "Hidden by a moderator: Asiaton" in hidden.text
    shown = client.post(f"/comments/{comment.id}/unhide", headers=target)
    assert shown.status_code == 200 and "Rajatapaus" in shown.text and "Hidden by" not in shown.text
    assert comments()[0].is_visible


def test_members_cannot_hide(client, login, make_user, make_idea, make_comment):
    comment = make_comment(idea=make_idea())
    for member in (make_user(), make_user(role=Role.AREA_CONTACT), comment.author):
        login(member)
        assert (
            client.post(f"/comments/{comment.id}/hide", data={"reason": "Ei käy"}).status_code
            == 403
        )
        assert client.post(f"/comments/{comment.id}/unhide").status_code == 403
    assert comments()[0].is_visible


def test_empty_hide_reason_without_javascript(client, login, make_user, make_idea, make_comment):
    comment = make_comment(idea=make_idea())
    login(make_user(role=Role.MODERATOR))
    resp = client.post(f"/comments/{comment.id}/hide", data={"reason": "  "})
    assert resp.status_code == 422 and "<html" in resp.text
    assert "Give a reason for hiding the comment." in resp.text and comments()[0].is_visible


def test_comments_of_a_hidden_idea_are_out_of_reach(client, login, make_idea, make_comment):
    idea = make_idea()
    comment = make_comment(idea=idea)
    idea.status = IdeaStatus.HIDDEN
    db.session.commit()
    login(comment.author)
    assert client.post(f"/comments/{comment.id}/edit", data={"body": "x"}).status_code == 404
    assert client.post(f"/comments/{comment.id}/delete").status_code == 404
    assert client.get(f"/comments/{comment.id}").status_code == 404


# --- New comments without a reload --------------------------------------------------------------


def test_polling_answers_204_until_something_is_new(
    client, make_idea, make_comment, fragment_headers
):
    idea = make_idea()
    seen = make_comment(idea=idea)
    page = client.get(page_of(idea)).text
    assert 'hx-trigger="every 30s"' in page and f"seen={seen.id}" in page
    poll = fragment_headers("comment-updates")
    url = f"/ideas/{idea.id}/comments/updates?seen={seen.id}&shown=0"
    assert client.get(url, headers=poll).status_code == 204
    make_comment(idea=idea)
    make_comment(idea=idea, parent=seen)
    resp = client.get(url, headers=poll)
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith('<div id="comment-updates"')
    assert "2 new comments." in resp.text and "shown=2" in resp.text
    # The notice is not announced again while the number stays the same.
    assert (
        client.get(
            f"/ideas/{idea.id}/comments/updates?seen={seen.id}&shown=2", headers=poll
        ).status_code
        == 204
    )


def test_showing_new_comments_focuses_the_first(client, make_idea, make_comment, fragment_headers):
    idea = make_idea()
    seen = make_comment(idea=idea)
    new = make_comment(idea=idea, body="Uusi kommentti")
    resp = client.get(
        f"/ideas/{idea.id}/comments?seen={seen.id}", headers=fragment_headers("comment-thread")
    )
    assert "Uusi kommentti" in resp.text and "Comments (2)" in resp.text
    assert "autofocus" in opening_tag(resp.text, f"comment-{new.id}")
    assert "autofocus" not in opening_tag(resp.text, f"comment-{seen.id}")


def test_polling_stops_when_the_idea_goes_away(client, make_idea, fragment_headers):
    idea = make_idea(status=IdeaStatus.HIDDEN)
    url = f"/ideas/{idea.id}/comments/updates?seen=0"
    assert client.get(url, headers=fragment_headers("comment-updates")).status_code == 286
    assert client.get(url).status_code == 404
    assert client.get("/ideas/999999/comments/updates").status_code == 404


def test_polling_without_htmx_goes_to_the_comments_page(client, make_idea):
    idea = make_idea()
    resp = client.get(f"/ideas/{idea.id}/comments/updates?seen=0")
    assert resp.status_code == 302 and resp.headers["Location"].endswith(
        f"/ideas/{idea.id}/comments"
    )


# --- Safety -------------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_payloads_in_comments_are_inert(
    client, login, make_user, make_idea, fragment_headers, payload
):
    def main(html: str) -> str:
        # Member content is in <main>; the header's own icons are not the test's business.
        return html[html.index("<main") : html.index("</main>")]

    idea = make_idea()
    author = login(make_user(name=f"Nimi {payload}"[:120]))
    client.post(f"/ideas/{idea.id}/comments", data={"body": f"Kommentti {payload}"})
    section = client.post(
        f"/ideas/{idea.id}/comments",
        data={"body": f"Toinen {payload}"},
        headers=fragment_headers("comments"),
    )
    assert "Toinen" in section.text and active_content(section.text) == []
    first, second = comments()
    edit = client.get(f"/comments/{first.id}/edit")
    assert edit.status_code == 200 and active_content(main(edit.text)) == []
    login(make_user(role=Role.MODERATOR))
    hidden = client.post(
        f"/comments/{second.id}/hide",
        data={"reason": f"Syy {payload}"},
        headers=fragment_headers(f"comment-{second.id}"),
    )
    assert "Hidden by a moderator: Syy" in hidden.text and active_content(hidden.text) == []
    for url in (page_of(idea), f"/ideas/{idea.id}/comments"):
        page = main(client.get(url).text)
        assert "Kommentti" in page and author.name[:4] in page, url
        assert active_content(page) == [], url
    client.post("/logout")
    page = main(client.get(page_of(idea)).text)
    assert "Hidden by a moderator: Syy" in page and active_content(page) == []


def test_comment_count_matches_the_database(client, make_idea, make_comment):
    idea = make_idea()
    for _ in range(3):
        make_comment(idea=idea)
    count = db.session.scalar(
        select(func.count(Comment.id)).where(Comment.discussion_id == idea.discussion_id)
    )
    assert f"Comments ({count})" in client.get(page_of(idea)).text


@pytest.mark.parametrize("seen", ["abc", "-5", "9" * 30, ""])
def test_odd_seen_values_are_read_as_nothing_seen(
    client, make_idea, make_comment, fragment_headers, seen
):
    idea = make_idea()
    make_comment(idea=idea)
    poll = client.get(
        f"/ideas/{idea.id}/comments/updates?seen={seen}",
        headers=fragment_headers("comment-updates"),
    )
    assert poll.status_code == 200 and "1 new comment." in poll.text
    assert client.get(f"/ideas/{idea.id}/comments?seen={seen}").status_code == 200
