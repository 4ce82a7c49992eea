"""Migration 0005 moves comments into discussions and notifications onto typed targets, and
loses no comment, notification or follow on the way (SQLite and PostgreSQL)."""

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from idealaari.extensions import db
from tests.conftest import make_app
from tests.test_migrations import empty_postgres_database

NOW = "2026-11-30 10:00:00+00:00"


def _rows_before_0005(conn) -> None:
    """Ideas with comments and a reply, follows, and a notification of every kind, as 0004 kept
    them (one comment notification whose comment was removed since: its column is NULL)."""
    run = lambda sql, **p: conn.execute(sa.text(sql), p)  # noqa: E731
    run(
        f"INSERT INTO users (id, email, name, title, password_hash, role, organisation_id, "
        f"active, created_at, digest_frequency) SELECT 900, 'a@x.fi', 'A', '', '!', 'member', id, "
        f"true, '{NOW}', 'daily' FROM organisations ORDER BY id LIMIT 1"
    )
    for idea_id in (1, 2):
        run(
            f"INSERT INTO ideas (id, title, slug, summary, body, need, organisation_id, author_id,"
            f" phase, seeks_partners, status, created_at, updated_at, vote_count) SELECT {idea_id},"
            f" 'Idea {idea_id}', 'idea', 'Tiivistelmä', '', '', organisation_id, 900, 'ideation',"
            f" true, 'published', '{NOW}', '{NOW}', 0 FROM users WHERE id = 900"
        )
    run(
        f"INSERT INTO comments (id, idea_id, author_id, body, created_at) VALUES "
        f"(10, 1, 900, 'Eka', '{NOW}'), (12, 2, 900, 'Toka', '{NOW}')"
    )
    run(
        f"INSERT INTO comments (id, idea_id, author_id, parent_id, body, created_at) VALUES "
        f"(11, 1, 900, 10, 'Vastaus', '{NOW}')"
    )
    run(
        f"INSERT INTO partner_offers (id, idea_id, user_id, organisation_id, role, message, "
        f"status, created_at) SELECT 20, 1, 900, organisation_id, 'pilot_site', '', 'offered', "
        f"'{NOW}' FROM users WHERE id = 900"
    )
    run(
        f"INSERT INTO polls (id, question, description, opens_at, closes_at, created_at) "
        f"VALUES (30, 'Teema?', '', '{NOW}', '{NOW}', '{NOW}')"
    )
    run(
        f"INSERT INTO follows (user_id, target, target_id, created_at) VALUES "
        f"(900, 'idea', 1, '{NOW}'), (900, 'theme', 5, '{NOW}'), (900, 'organisation', 3, '{NOW}')"
    )
    rows = [
        ("comment", 1, 10, None, None),
        ("reply", 1, 11, None, None),
        ("comment", 2, None, None, None),  # its comment was removed (SET NULL)
        ("partner_offer", 1, None, 20, None),
        ("offer_answer", 1, None, 20, None),
        ("phase_change", 1, None, None, None),
        ("new_idea_in_theme", 2, None, None, None),
        ("new_idea_in_organisation", 2, None, None, None),
        ("poll_result", None, None, None, 30),
    ]
    for kind, idea_id, comment_id, offer_id, poll_id in rows:
        run(
            "INSERT INTO notifications (user_id, kind, idea_id, comment_id, offer_id, poll_id, "
            "data, created_at) VALUES (900, :kind, :idea, :comment, :offer, :poll, '{}', :now)",
            kind=kind,
            idea=idea_id,
            comment=comment_id,
            offer=offer_id,
            poll=poll_id,
            now=NOW,
        )


def _check_0005(url: str, tmp_path) -> None:
    app = make_app(url, tmp_path)
    with app.app_context():
        upgrade(revision="0004")
        with db.engine.begin() as conn:
            _rows_before_0005(conn)
        upgrade()
        with db.engine.connect() as conn:
            q = lambda sql: conn.execute(sa.text(sql)).all()  # noqa: E731
            discussions = dict(q("SELECT owner_id, id FROM discussions WHERE owner_kind = 'idea'"))
            assert sorted(discussions) == [1, 2]
            assert dict(q("SELECT id, discussion_id FROM ideas")) == discussions
            assert sorted(q("SELECT id, discussion_id, parent_id FROM comments")) == [
                (10, discussions[1], None),
                (11, discussions[1], 10),
                (12, discussions[2], None),
            ]
            assert sorted(q("SELECT kind, idea_id, target_kind, target_id FROM notifications")) == [
                ("comment", 1, "comment", 10),
                ("comment", 2, "comment", 0),
                ("new_idea_in_organisation", 2, "idea", 2),
                ("new_idea_in_theme", 2, "idea", 2),
                ("offer_answer", 1, "offer", 20),
                ("partner_offer", 1, "offer", 20),
                ("phase_change", 1, "idea", 1),
                ("poll_result", None, "poll", 30),
                ("reply", 1, "comment", 11),
            ]
            assert sorted(q("SELECT target, target_id FROM follows")) == [
                ("idea", 1),
                ("organisation", 3),
                ("theme", 5),
            ]
        downgrade(revision="0004")
        with db.engine.connect() as conn:
            assert sorted(conn.execute(sa.text("SELECT id, idea_id FROM comments")).all()) == [
                (10, 1),
                (11, 1),
                (12, 2),
            ]
            back = conn.execute(
                sa.text("SELECT kind, comment_id, offer_id, poll_id FROM notifications")
            ).all()
            assert ("reply", 11, None, None) in back and ("poll_result", None, None, 30) in back
            assert len(back) == 9
        with db.engine.begin() as conn:
            for table in (
                "notifications",
                "follows",
                "comments",
                "partner_offers",
                "polls",
                "idea_revisions",
                "ideas",
                "users",
            ):
                conn.execute(sa.text(f"DELETE FROM {table}"))
        downgrade(revision="base")
        db.engine.dispose()


def test_0005_moves_every_comment_and_notification_on_sqlite(tmp_path):
    _check_0005(f"sqlite:///{tmp_path / 'm.db'}", tmp_path)


@pytest.mark.postgres
def test_0005_moves_every_comment_and_notification_on_postgresql(tmp_path):
    with empty_postgres_database() as url:
        _check_0005(url, tmp_path)
