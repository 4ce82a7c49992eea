"""Migrations build the whole schema on empty SQLite and empty PostgreSQL databases."""

import os
import uuid
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from idealaari.extensions import db
from tests.conftest import make_app

POSTGRES_ADMIN_URL = os.environ.get(
    "IDEALAARI_TEST_POSTGRES_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def migrate_and_compare(url: str, tmp_path) -> None:
    app = make_app(url, tmp_path)
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            diffs = compare_metadata(
                MigrationContext.configure(conn, opts={"compare_type": True}), db.metadata
            )
            assert diffs == [], f"models and migrations differ: {diffs}"
            count = conn.execute(
                sa.text("SELECT count(*) FROM organisations WHERE kind = 'wellbeing_area'")
            )
            assert count.scalar() == 21
            assert conn.execute(sa.text("SELECT count(*) FROM organisations")).scalar() == 23
        upgrade()  # a second run is a no-op
        downgrade(revision="base")
        with db.engine.connect() as conn:
            assert set(sa.inspect(conn).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_migrations_on_empty_sqlite(tmp_path):
    migrate_and_compare(f"sqlite:///{tmp_path / 'empty.db'}", tmp_path)


@contextmanager
def empty_postgres_database():
    admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"idealaari_migration_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as e:
        admin.dispose()
        if os.environ.get("CI"):
            raise
        pytest.skip(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}: {e.orig}")
    try:
        yield admin.url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_migrations_on_empty_postgresql(tmp_path):
    with empty_postgres_database() as url:
        migrate_and_compare(url, tmp_path)
