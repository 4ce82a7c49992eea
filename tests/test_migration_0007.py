"""Migration 0007 adds members' notification settings per kind and mail-only notifications, and
keeps every existing notification shown in the app (SQLite and PostgreSQL)."""

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from idealaari.extensions import db
from tests.conftest import make_app
from tests.test_migrations import empty_postgres_database

NOW = "2026-12-02 10:00:00+00:00"


def _check_0007(url: str, tmp_path) -> None:
    app = make_app(url, tmp_path)
    with app.app_context():
        upgrade(revision="0006")
        with db.engine.begin() as conn:
            conn.execute(
                sa.text(
                    "INSERT INTO users (id, email, name, title, password_hash, role, "
                    "organisation_id, active, created_at, digest_frequency, expertise, "
                    f"session_token) SELECT 900, 'a@x.fi', 'A', '', '!', 'member', id, true, "
                    f"'{NOW}', 'daily', '', 'token-900' FROM organisations ORDER BY id LIMIT 1"
                )
            )
            conn.execute(
                sa.text(
                    "INSERT INTO notifications (user_id, kind, target_kind, target_id, data, "
                    f"created_at) VALUES (900, 'poll_result', 'poll', 30, '{{}}', '{NOW}')"
                )
            )
        upgrade(revision="0007")
        with db.engine.begin() as conn:
            q = lambda sql: conn.execute(sa.text(sql)).all()  # noqa: E731
            assert q("SELECT kind, in_app FROM notifications") == [("poll_result", True)]
            conn.execute(
                sa.text(
                    'INSERT INTO notification_preferences (user_id, "group", in_app, by_email) '
                    "VALUES (900, 'comments', false, true)"
                )
            )
            assert q('SELECT "group", in_app, by_email FROM notification_preferences') == [
                ("comments", False, True)
            ]
            # A member's settings go with the member.
            conn.execute(sa.text("DELETE FROM notifications"))
            conn.execute(sa.text("DELETE FROM users WHERE id = 900"))
            assert q("SELECT * FROM notification_preferences") == []
        downgrade(revision="0006")
        with db.engine.connect() as conn:
            inspector = sa.inspect(conn)
            assert "notification_preferences" not in inspector.get_table_names()
            assert "in_app" not in {c["name"] for c in inspector.get_columns("notifications")}
        downgrade(revision="base")
        db.engine.dispose()


def test_0007_adds_settings_per_kind_on_sqlite(tmp_path):
    _check_0007(f"sqlite:///{tmp_path / 'm.db'}", tmp_path)


@pytest.mark.postgres
def test_0007_adds_settings_per_kind_on_postgresql(tmp_path):
    with empty_postgres_database() as url:
        _check_0007(url, tmp_path)
