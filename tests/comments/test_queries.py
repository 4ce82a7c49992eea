"""Comment reads: counts for lists, the thread on the idea page, data for the API."""

from datetime import timedelta

from idealaari.accounts.models import Role
from idealaari.comments import queries, services
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from tests.test_security import active_content


def test_comment_counts_counts_visible_comments_in_one_query(
    count_queries, make_idea, make_user, make_comment
):
    busy, quiet, silent = make_idea(), make_idea(), make_idea()
    top = make_comment(idea=busy)
    make_comment(idea=busy, parent=top)
    removed = make_comment(idea=busy)
    hidden = make_comment(idea=busy)
    make_comment(idea=quiet)
    services.delete_comment(comment=removed, actor=removed.author)
    services.hide_comment(comment=hidden, moderator=make_user(role=Role.MODERATOR), reason="Mainos")
    db.session.commit()
    ids = [busy.discussion_id, quiet.discussion_id, silent.discussion_id]
    db.session.expire_all()
    with count_queries() as statements:
        counts = queries.comment_counts(ids)
    assert counts == {busy.discussion_id: 2, quiet.discussion_id: 1, silent.discussion_id: 0}
    assert len(statements) == 1 and "GROUP BY" in statements[0].upper()


def test_comment_counts_of_nothing_asks_nothing(count_queries, app):
    with count_queries() as statements:
        assert queries.comment_counts([]) == {}
    assert statements == []


def test_thread_loads_in_a_fixed_number_of_queries(count_queries, make_idea, make_comment):
    idea = make_idea()
    for _ in range(3):
        top = make_comment(idea=idea)
        make_comment(idea=idea, parent=top)
        make_comment(idea=idea, parent=top)
    idea_id = idea.id
    db.session.expire_all()
    idea = db.session.get(type(idea), idea_id)
    with count_queries() as statements:
        thread = queries.thread_for(idea.discussion_id)
        names = [r.author.name for c in thread.comments for r in (c, *c.replies)]
        orgs = [r.author.organisation.name_fi for c in thread.comments for r in (c, *c.replies)]
    assert len(names) == len(orgs) == 9 and thread.visible_count == 9
    assert len(statements) <= 2
    assert thread.latest_id == max(r.id for c in thread.comments for r in (c, *c.replies))


def test_thread_keeps_removed_comments_in_place(make_idea, make_comment):
    idea = make_idea()
    first = make_comment(idea=idea, created_at=utcnow() - timedelta(minutes=5))
    second = make_comment(idea=idea)
    services.delete_comment(comment=first, actor=first.author)
    db.session.commit()
    thread = queries.thread_for(idea.discussion_id)
    assert [c.id for c in thread.comments] == [first.id, second.id]
    assert thread.visible_count == 1


def test_new_comment_count(make_idea, make_comment):
    idea = make_idea()
    seen = make_comment(idea=idea)
    assert queries.new_comment_count(idea.discussion_id, seen.id) == 0
    make_comment(idea=idea)
    make_comment(idea=idea, parent=seen)
    make_comment(idea=make_idea())
    assert queries.new_comment_count(idea.discussion_id, seen.id) == 2


def test_api_data_has_visible_comments_in_thread_order(make_idea, make_user, make_comment):
    idea = make_idea()
    now = utcnow()
    first = make_comment(idea=idea, body="Ensimmäinen", created_at=now - timedelta(hours=3))
    second = make_comment(idea=idea, body="Toinen", created_at=now - timedelta(hours=2))
    reply = make_comment(
        idea=idea, parent=first, body="Vastaus *tähän*", created_at=now - timedelta(hours=1)
    )
    removed = make_comment(idea=idea, body="Poistettu", created_at=now - timedelta(minutes=30))
    hidden = make_comment(idea=idea, body="Piilotettu", created_at=now - timedelta(minutes=20))
    under_removed = make_comment(idea=idea, parent=removed, body="Jää näkyviin")
    services.delete_comment(comment=removed, actor=removed.author)
    services.hide_comment(
        comment=hidden, moderator=make_user(role=Role.MODERATOR), reason="Asiaton"
    )
    services.edit_comment(
        comment=second, editor=second.author, body="Toinen, korjattu", now=second.created_at
    )
    db.session.commit()

    data = queries.visible_comments_for_api(idea.discussion_id)

    assert [c["id"] for c in data] == [first.id, reply.id, second.id, under_removed.id]
    by_id = {c["id"]: c for c in data}
    assert by_id[reply.id]["parent_id"] == first.id and by_id[first.id]["parent_id"] is None
    assert by_id[under_removed.id]["parent_id"] == removed.id
    assert by_id[reply.id]["body_html"] == "<p>Vastaus <em>tähän</em></p>\n"
    assert by_id[first.id]["author"] == {
        "name": first.author.name,
        "organisation": {
            "code": first.author.organisation.code,
            "name": first.author.organisation.name_fi,
        },
    }
    assert (
        by_id[first.id]["created_at"].endswith("Z")
        and "+00:00" not in by_id[first.id]["created_at"]
    )
    assert by_id[first.id]["edited_at"] is None and by_id[second.id]["edited_at"].endswith("Z")
    assert set(by_id[first.id]) == {
        "id",
        "parent_id",
        "author",
        "body_html",
        "created_at",
        "edited_at",
    }
    text = repr(data)
    assert "Poistettu" not in text and "Piilotettu" not in text and "Asiaton" not in text


def test_api_data_is_sanitised_and_survives_a_deleted_account(make_idea, make_user, make_comment):
    idea = make_idea()
    leaver = make_user()
    make_comment(
        idea=idea, author=leaver, body="<script>alert(1)</script> [x](javascript:alert(1))"
    )
    db.session.delete(leaver)
    db.session.commit()
    [comment] = queries.visible_comments_for_api(idea.discussion_id)
    assert comment["author"] is None
    assert active_content(comment["body_html"]) == [] and "&lt;script&gt;" in comment["body_html"]


def test_own_comments_are_not_new_to_their_author(make_idea, make_user, make_comment):
    idea, reader = make_idea(), make_user()
    seen = make_comment(idea=idea)
    make_comment(idea=idea, author=reader, parent=seen)
    assert queries.new_comment_count(idea.discussion_id, seen.id, reader.id) == 0
    make_comment(idea=idea)
    assert queries.new_comment_count(idea.discussion_id, seen.id, reader.id) == 1
    assert queries.new_comment_count(idea.discussion_id, seen.id) == 2
