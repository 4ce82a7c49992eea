"""Migration 0013 keeps existing votes, and from then on a deleted account's votes stay (linked
to nobody) instead of going with it; the downgrade drops the votes of nobody (SQLite and
PostgreSQL)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from flask_migrate import downgrade, upgrade

from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea
from idealaari.polls.models import Poll, PollOption, PollVote
from idealaari.votes.models import Vote
from tests.conftest import make_app
from tests.test_migrations import empty_postgres_database


def _member(conn, user_id: int, org_id: int) -> None:
    conn.execute(
        sa.text(
            "INSERT INTO users (id, email, name, title, password_hash, role, organisation_id, "
            "active, created_at, digest_frequency, expertise, session_token) VALUES "
            "(:id, :email, 'Jäsen', '', '!', 'member', :org, true, :now, 'weekly', '', :token)"
        ),
        {
            "id": user_id,
            "email": f"m{user_id}@x.fi",
            "org": org_id,
            "now": utcnow(),
            "token": f"t{user_id}",
        },
    )


def _votes(conn) -> list[tuple]:
    return sorted(
        conn.execute(sa.select(Vote.__table__.c.idea_id, Vote.__table__.c.user_id)).all(),
        key=repr,
    )


def _check_0013(url: str, tmp_path) -> None:
    app = make_app(url, tmp_path)
    with app.app_context():
        upgrade(revision="0012")
        now = utcnow()
        with db.engine.begin() as conn:
            org_id = conn.scalar(sa.text("SELECT min(id) FROM organisations"))
            for user_id in (901, 902, 903):
                _member(conn, user_id, org_id)
            discussion = conn.execute(
                sa.text(
                    "INSERT INTO discussions (owner_kind, owner_id, created_at) "
                    "VALUES ('idea', NULL, :now) RETURNING id"
                ),
                {"now": now},
            ).scalar()
            idea_id = conn.execute(
                sa.insert(Idea.__table__)
                .values(
                    title="Idea",
                    slug="idea",
                    summary="Tiivistelmä",
                    organisation_id=org_id,
                    author_id=901,
                    discussion_id=discussion,
                    status="published",
                    vote_count=2,
                )
                .returning(Idea.__table__.c.id)
            ).scalar()
            conn.execute(
                sa.insert(Vote.__table__),
                [{"idea_id": idea_id, "user_id": 902}, {"idea_id": idea_id, "user_id": 903}],
            )
            poll_id = conn.execute(
                sa.insert(Poll.__table__)
                .values(question="Q?", opens_at=now, closes_at=now)
                .returning(Poll.__table__.c.id)
            ).scalar()
            option_id = conn.execute(
                sa.insert(PollOption.__table__)
                .values(poll_id=poll_id, label="A")
                .returning(PollOption.__table__.c.id)
            ).scalar()
            conn.execute(
                sa.insert(PollVote.__table__).values(
                    poll_id=poll_id, option_id=option_id, user_id=902
                )
            )
        upgrade(revision="0013")
        with db.engine.begin() as conn:
            assert _votes(conn) == [(idea_id, 902), (idea_id, 903)]
            conn.execute(sa.text("DELETE FROM users WHERE id = 902"))
            assert _votes(conn) == [(idea_id, 903), (idea_id, None)]
            assert conn.scalar(sa.text("SELECT user_id FROM poll_votes")) is None
            columns = {c["name"] for c in sa.inspect(conn).get_columns("challenge_scorecards")}
            assert "former_juror_id" in columns
        downgrade(revision="0012")
        with db.engine.begin() as conn:
            assert _votes(conn) == [(idea_id, 903)]
            assert conn.scalar(sa.text("SELECT count(*) FROM poll_votes")) == 0
            # Back to CASCADE: a member's votes go with them again.
            conn.execute(sa.text("DELETE FROM users WHERE id = 903"))
            assert _votes(conn) == []
            for table in ("poll_options", "polls", "ideas", "discussions", "users"):
                conn.execute(sa.text(f"DELETE FROM {table}"))
        downgrade(revision="base")
        db.engine.dispose()


def test_0013_keeps_a_deleted_member_s_votes_on_sqlite(tmp_path):
    _check_0013(f"sqlite:///{tmp_path / 'm.db'}", tmp_path)


@pytest.mark.postgres
def test_0013_keeps_a_deleted_member_s_votes_on_postgresql(tmp_path):
    with empty_postgres_database() as url:
        _check_0013(url, tmp_path)
