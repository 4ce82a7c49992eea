"""Migration 0008 compares the revisions saved before it once, and stores what changed, so the
history page of an old idea renders without diffing (SQLite and PostgreSQL)."""

import json

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from idealaari.extensions import db
from tests.conftest import make_app
from tests.test_migrations import empty_postgres_database

NOW = "2026-11-30 10:00:00+00:00"


def _snapshot(**changed) -> dict:
    return {
        "title": "Etäkäynnit kotihoitoon",
        "summary": "Kotihoidon asiakkaille etäkäyntejä.",
        "body": "Vanha kuvaus.",
        "need": "",
        "organisation": "Pirkanmaan hyvinvointialue",
        "phase": "ideation",
        "themes": [],
        "target_groups": [],
        "tags": ["kotihoito"],
        "seeks_partners": False,
        "partner_roles": [],
        "status": "published",
        **changed,
    }


def _rows_before(conn) -> None:
    """One idea with three revisions, as the app kept them before 0008 (no stored changes)."""
    run = lambda sql, **p: conn.execute(sa.text(sql), p)  # noqa: E731
    run(
        f"INSERT INTO users (id, email, name, title, password_hash, role, organisation_id, "
        f"active, created_at, digest_frequency) SELECT 900, 'a@x.fi', 'A', '', '!', 'member', id, "
        f"true, '{NOW}', 'daily' FROM organisations ORDER BY id LIMIT 1"
    )
    run(
        f"INSERT INTO ideas (id, title, slug, summary, body, need, organisation_id, author_id,"
        f" phase, seeks_partners, status, created_at, updated_at, vote_count) SELECT 1,"
        f" 'Idea', 'idea', 'Tiivistelmä', '', '', organisation_id, 900, 'ideation',"
        f" false, 'published', '{NOW}', '{NOW}', 0 FROM users WHERE id = 900"
    )
    snapshots = [
        _snapshot(),
        _snapshot(body="Uusi kuvaus.", phase="testing"),
        _snapshot(body="Uusi kuvaus.", phase="testing", organisation="HUS", tags=["etä"]),
    ]
    for number, data in enumerate(snapshots, start=1):
        run(
            "INSERT INTO idea_revisions (id, idea_id, number, editor_id, created_at, data) "
            "VALUES (:id, 1, :number, 900, :now, :data)",
            id=10 + number,
            number=number,
            now=NOW,
            data=json.dumps(data),
        )


def _check_0008(url: str, tmp_path) -> None:
    app = make_app(url, tmp_path)
    with app.app_context():
        upgrade(revision="0004")
        with db.engine.begin() as conn:
            _rows_before(conn)
        upgrade()
        with db.engine.connect() as conn:
            rows = conn.execute(
                sa.select(sa.column("number"), sa.column("changes", sa.JSON()))
                .select_from(sa.table("idea_revisions"))
                .order_by(sa.column("number"))
            ).all()
        changes = {number: stored for number, stored in rows}
        assert changes[1] == []  # the idea as created: the page lists no changes
        assert changes[2] == [
            {"field": "body", "segments": [["-", "Vanha"], ["+", "Uusi"], ["=", " kuvaus."]]},
            {"field": "phase", "before": "ideation", "after": "testing"},
        ]
        assert {
            "field": "organisation",
            "before": "Pirkanmaan hyvinvointialue",
            "after": "HUS",
        } in (changes[3])
        assert {"field": "tags", "added": ["etä"], "removed": ["kotihoito"]} in changes[3]
        downgrade(revision="0007")
        with db.engine.begin() as conn:
            columns = {c["name"] for c in sa.inspect(conn).get_columns("idea_revisions")}
            assert "changes" not in columns
            for table in ("idea_revisions", "ideas", "discussions", "users"):
                conn.execute(sa.text(f"DELETE FROM {table}"))
        downgrade(revision="base")
        db.engine.dispose()


def test_0008_stores_the_changes_of_existing_revisions_on_sqlite(tmp_path):
    _check_0008(f"sqlite:///{tmp_path / 'm.db'}", tmp_path)


@pytest.mark.postgres
def test_0008_stores_the_changes_of_existing_revisions_on_postgresql(tmp_path):
    with empty_postgres_database() as url:
        _check_0008(url, tmp_path)
