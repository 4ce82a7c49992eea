"""Fixtures: an app on a fresh schema per test session, cleaned between tests."""

from __future__ import annotations

import contextvars
import os
from contextlib import contextmanager
from functools import wraps

import pytest
from flask import has_app_context
from flask.testing import FlaskClient
from sqlalchemy import create_engine, event, make_url, text

from idealaari import create_app
from idealaari.extensions import db, limiter
from idealaari.i18n import LANGUAGE_COOKIE
from idealaari.search import get_index
from tests import factories

TEST_DATABASE_URL = os.environ.get("IDEALAARI_TEST_DATABASE_URL", "")


def pytest_report_header(config):
    where = f"PostgreSQL {TEST_DATABASE_URL}" if TEST_DATABASE_URL else "SQLite (temporary file)"
    return f"database: {where}"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory, worker_id):
    """SQLite in a temporary file, or IDEALAARI_TEST_DATABASE_URL. With pytest-xdist every
    worker gets a database of its own on the same PostgreSQL server ("test_gw0", ...)."""
    if not TEST_DATABASE_URL:
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'idealaari-test.db'}"
    if worker_id == "master":
        return TEST_DATABASE_URL
    url = make_url(TEST_DATABASE_URL)
    name = f"{url.database}_{worker_id}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name})
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


_made_apps: list = []


@pytest.fixture(scope="session", autouse=True)
def _dispose_engines():
    """Close the pooled connections of every app the tests made, at the end of the session."""
    yield
    for made in _made_apps:
        with made.app_context():
            db.engine.dispose()


def make_app(database_url: str, tmp_path, **config):
    environ = {
        "IDEALAARI_ENV": "development",
        "IDEALAARI_SECRET_KEY": "test-secret",
        "DATABASE_URL": database_url,
        "IDEALAARI_SEARCH_INDEX": str(tmp_path / "search-index"),
        # Mail a test really sends (MAIL_SUPPRESS_SEND off) never lands in the repo's instance/.
        "IDEALAARI_MAIL_OUTBOX": str(tmp_path / "outbox"),
        "IDEALAARI_UPLOAD_DIR": str(tmp_path / "uploads"),
        "IDEALAARI_CACHE_DIR": str(tmp_path / "cache"),
    }
    environ.update(config.pop("ENVIRON", {}))
    made = create_app(
        {
            "ENVIRON": environ,
            "TESTING": True,
            "WTF_CSRF_ENABLED": False,
            "SERVER_NAME": "idealaari.test",
            **config,
        }
    )
    _made_apps.append(made)
    return made


@pytest.fixture(scope="session")
def _schema(database_url, tmp_path_factory):
    app = make_app(database_url, tmp_path_factory.mktemp("schema"))
    with app.app_context():
        db.drop_all()
        if database_url.startswith("postgresql"):
            with db.engine.begin() as conn:
                conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
        db.create_all()
        db.engine.dispose()
    yield


@pytest.fixture
def app(_schema, database_url, tmp_path, request):
    marker = request.node.get_closest_marker("app_config")
    app = make_app(database_url, tmp_path, **(marker.kwargs if marker else {}))
    with app.app_context():
        limiter.reset()
        get_index(app).create_empty()
        yield app
        db.session.rollback()
        db.session.remove()
        _empty_tables()
        db.engine.dispose()


def _empty_tables() -> None:
    tables = list(reversed(db.metadata.sorted_tables))
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(
                text(
                    "TRUNCATE "
                    + ", ".join(f'"{t.name}"' for t in tables)
                    + " RESTART IDENTITY CASCADE"
                )
            )
        else:
            for table in tables:
                conn.execute(table.delete())


class IsolatedClient(FlaskClient):
    """Each request runs in its own app context and database session, as in production.

    Without this, requests would share the test's app context: `g` (the logged-in user, the
    locale) and the SQLAlchemy session would leak from one request into the next.
    """

    def open(self, *args, **kwargs):
        # End the test's own transaction first: it must not hold SQLite's write lock, and its
        # next read must see what the request committed (WAL readers keep their snapshot).
        if has_app_context():  # not when following a redirect inside the isolated context
            db.session.commit()
        return contextvars.Context().run(super().open, *args, **kwargs)


def logged_in_client(app, user):
    """A separate browser logged in as `user` (English), for parallel-request tests."""
    app.test_client_class = IsolatedClient
    c = app.test_client()
    c.set_cookie(LANGUAGE_COOKIE, "en", domain="idealaari.test")
    with c.session_transaction() as session:
        session["_user_id"] = user.get_id()
        session["_fresh"] = True
    return c


@pytest.fixture
def client(app):
    """A browser whose language is English, so assertions read like the message ids.

    Tests of the Finnish and Swedish UI set the language cookie themselves.
    """
    app.test_client_class = IsolatedClient
    client = app.test_client()
    client.set_cookie(LANGUAGE_COOKIE, "en", domain="idealaari.test")
    return client


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def _committing(factory):
    """Factories commit in tests, so that requests (in their own sessions) see the rows."""

    @wraps(factory)
    def make(**kwargs):
        row = factory(**kwargs)
        db.session.commit()
        return row

    return make


@pytest.fixture
def make_org(app):
    return _committing(factories.make_org)


@pytest.fixture
def make_user(app):
    return _committing(factories.make_user)


@pytest.fixture
def make_idea(app):
    return _committing(factories.make_idea)


@pytest.fixture
def make_theme(app):
    return _committing(factories.make_theme)


@pytest.fixture
def login(client):
    """Log a user in for the test client without going through the (slow) password hash."""

    def _login(user):
        db.session.commit()
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        return user

    return _login


@pytest.fixture
def count_queries(app):
    """`with count_queries() as statements:` lists the SQL statements run inside the block
    (transaction control left out), as Indico's fixture does; for query budgets."""

    @contextmanager
    def counting():
        statements: list[str] = []

        def count(conn, cursor, statement, parameters, context, executemany):
            if not statement.lstrip().upper().startswith(("BEGIN", "SAVEPOINT", "RELEASE")):
                statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            yield statements
        finally:
            event.remove(db.engine, "before_cursor_execute", count)

    return counting


@pytest.fixture
def htmx_headers():
    return {"HX-Request": "true"}
