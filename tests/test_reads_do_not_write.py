"""Page views are reads: no GET flushes the session or sends INSERT, UPDATE or DELETE."""

from __future__ import annotations

import re
from contextlib import contextmanager

from sqlalchemy import event
from sqlalchemy.orm import Session

from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.polls import services as poll_services
from tests.polls.conftest import THEMES, option, timeline

# Searched anywhere in a statement, so a write behind a CTE (WITH … INSERT) counts too.
_WRITE = re.compile(r"\b(INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|REPLACE\s+INTO)\b", re.I)


@contextmanager
def recorded_writes():
    """Collect every write statement and every flush with changes while the block runs."""
    writes: list[str] = []

    def on_execute(conn, cursor, statement, parameters, context, executemany):
        if _WRITE.search(statement):
            writes.append(" ".join(statement.split())[:200])

    def on_flush(session, flush_context, instances):
        if session.new or session.dirty or session.deleted:
            changed = [*session.new, *session.dirty, *session.deleted]
            writes.append("flush of " + ", ".join(sorted({type(o).__name__ for o in changed})))

    engine = db.engine
    event.listen(engine, "after_cursor_execute", on_execute)
    event.listen(Session, "before_flush", on_flush)
    try:
        yield writes
    finally:
        event.remove(Session, "before_flush", on_flush)
        event.remove(engine, "after_cursor_execute", on_execute)


def test_the_recorder_sees_a_write(app, make_user):
    """The guard below would be empty-handed if the listeners missed writes."""
    db.session.commit()
    with recorded_writes() as writes:
        make_user()
    assert any(w.startswith("INSERT INTO") for w in writes)
    assert any(w.startswith("flush of") and "User" in w for w in writes)


def _closed_poll_with_a_vote(make_user):
    """A poll that has closed and whose result nobody has announced yet."""
    times = timeline("closed")
    poll = poll_services.create_poll(
        actor=make_user(role=Role.MODERATOR), question="Mikä teema?", options=THEMES, **times
    )
    poll_services.cast_vote(
        poll=poll, voter=make_user(), option=option(poll, THEMES[0]), now=times["opens_at"]
    )
    db.session.commit()
    return poll


def test_page_views_do_not_write(client, login, make_user, make_idea):
    idea = make_idea()
    poll = _closed_poll_with_a_vote(make_user)
    pages = [
        "/",
        "/ideas",
        f"/ideas/{idea.id}-{idea.slug}",
        f"/polls/{poll.id}",
        "/polls",
        "/search?q=kotihoito",
    ]
    for reader in (None, make_user()):
        if reader is not None:
            login(reader)
        db.session.commit()  # the test's own setup is done before we listen
        for url in pages:
            with recorded_writes() as writes:
                resp = client.get(url)
            assert resp.status_code == 200, url
            assert writes == [], url
    assert "The winning option" in client.get(f"/polls/{poll.id}").text
