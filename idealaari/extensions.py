"""Flask extensions, created unbound and initialised in create_app()."""

from __future__ import annotations

from flask_babel import Babel
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)


def _is_sqlite(dbapi_connection) -> bool:
    return type(dbapi_connection).__module__.startswith("sqlite3")


@event.listens_for(Engine, "connect")
def _sqlite_setup(dbapi_connection, connection_record):
    """Make SQLite behave for several workers: foreign keys on, WAL, and our own BEGIN."""
    if not _is_sqlite(dbapi_connection):
        return
    # The driver's implicit transactions break SAVEPOINTs; SQLAlchemy emits BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "memory":
        cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for the writer
    cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(conn):
    """Form posts take SQLite's write lock at BEGIN, so two workers' writes queue instead of
    deadlocking (a reading transaction that later writes fails at once with "database is
    locked" when another worker is writing)."""
    if conn.dialect.name != "sqlite":
        return
    conn.exec_driver_sql("BEGIN IMMEDIATE" if _writes_expected() else "BEGIN")


def _writes_expected() -> bool:
    from flask import has_request_context, request

    # Page views only read; form posts write. Outside requests (CLI, tests) a plain BEGIN
    # keeps a long-lived session from holding the write lock while it only reads.
    return has_request_context() and request.method not in ("GET", "HEAD", "OPTIONS")


def _render_migration_type(type_, obj, autogen_context):
    """Write our column types as plain SQLAlchemy types in migration scripts."""
    from idealaari.dbtypes import UTCDateTime

    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


migrate = Migrate(render_as_batch=True, compare_type=True, render_item=_render_migration_type)
login_manager = LoginManager()
csrf = CSRFProtect()
htmx = HTMX()
babel = Babel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


def is_fragment_request(target: str | None = None) -> bool:
    """True when htmx asks for a fragment (not a boosted page or a history restore)."""
    if not htmx or htmx.boosted or htmx.history_restore_request:
        return False
    return target is None or htmx.target == target
