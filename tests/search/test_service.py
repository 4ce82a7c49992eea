"""The search facade: its boundary, its errors, the outbox's entities, and rebuilds."""

import ast
import gc
import io
import logging
import pickle
import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select, update

import idealaari
from idealaari.extensions import db
from idealaari.ideas.models import Idea
from idealaari.search import documents, get_index, service
from idealaari.search.models import SearchOutbox
from idealaari.search.types import SearchBusy, SearchParams, SearchUnavailable

PACKAGE = Path(idealaari.__file__).parent
# The modules that may see the backend: the facade, the outbox, the backend itself, and
# search/__init__.py, which picks it. Everything else calls `service`.
BEHIND_THE_FACADE = {
    "search/__init__.py",
    "search/service.py",
    "search/outbox.py",
    "search/whoosh_backend.py",
    "search/whoosh_queries.py",
    "search/analysis.py",
}
BACKEND_MODULES = (
    "whoosh",
    "idealaari.search.whoosh_backend",
    "idealaari.search.whoosh_queries",
    "idealaari.search.analysis",
)
# What code outside idealaari/search may import from it.
# (limits: the search rate limit, which the API's search shares; registry: where other domains
# register their searchable types; documents: the Markdown-to-text their documents use.)
PUBLIC = {
    "service",
    "types",
    "outbox",
    "models",
    "cli",
    "views",
    "bp",
    "init_app",
    "limits",
    "registry",
    "documents",
}


def _imports(path: Path):
    """(line, module, name) for every import in a file, relative ones made absolute."""
    package = ".".join(("idealaari", *path.relative_to(PACKAGE).parent.parts))
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            for alias in node.names:
                yield node.lineno, module, alias.name


def _is_backend(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in BACKEND_MODULES)


def test_views_api_and_eval_do_not_reach_past_the_facade():
    problems, scanned = [], set()
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        if where in BEHIND_THE_FACADE:
            continue
        scanned.add(where)
        for line, module, name in _imports(path):
            full = f"{module}.{name}" if name else module
            if _is_backend(module) or _is_backend(full):
                problems.append(f"{where}:{line} imports {full}")
            elif module == "idealaari.search" and name == "get_index":
                problems.append(f"{where}:{line} takes the backend with get_index")
            elif not where.startswith("search/") and full.startswith("idealaari.search."):
                first = full.removeprefix("idealaari.search.").split(".")[0]
                if first not in PUBLIC:
                    problems.append(f"{where}:{line} imports {full}, not the search facade")
    assert {"api/views.py", "ideas/views.py", "search/views.py", "search/cli.py"} <= scanned
    assert "search/evaluation.py" in scanned
    assert problems == []


def test_the_index_stores_the_analyzer_at_its_old_path(app):
    # Whoosh pickles the schema into every index; an index built before this layout must
    # still open, so nothing in it may name a module that moved.
    modules = set()

    class Recording(pickle.Unpickler):
        def find_class(self, module, name):
            modules.add(module)
            return super().find_class(module, name)

    Recording(io.BytesIO(pickle.dumps(get_index().open().schema, 2))).load()
    assert {m for m in modules if m.startswith("idealaari")} == {"idealaari.search.analysis"}


def test_a_missing_index_is_search_unavailable_and_no_similar_ideas(app, make_idea):
    make_idea(title="Kotihoidon etäkäynnit videolla")
    make_idea(title="Kotihoidon videokäynnit yöllä")
    assert service.similar("kotihoidon videokäynnit")
    shutil.rmtree(get_index().path)
    get_index().reset()
    with pytest.raises(SearchUnavailable, match="No search index"):
        service.search(SearchParams(q="kotihoito"))
    assert service.similar("kotihoidon videokäynnit") == []
    with pytest.raises(SearchUnavailable):
        service.check()


# Whoosh leaves a file handle open when it meets a corrupt table of contents.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_unreadable_index_is_search_unavailable_and_no_similar_ideas(app, make_idea):
    idea = make_idea(title="Kotihoidon etäkäynnit videolla")
    make_idea(title="Kotihoidon videokäynnit yöllä")
    assert service.similar_to_idea(idea)
    index = get_index()
    for f in index.path.iterdir():
        f.write_bytes(b"garbage")
    index.reset()
    with pytest.raises(SearchUnavailable, match="unreadable"):
        service.search(SearchParams(q="kotihoito"), None, facets=False)
    assert service.similar("kotihoidon etäkäynnit videolla") == []
    assert service.similar_to_idea(idea) == []
    gc.collect()  # let the leaked handle's warning surface here, where it is ignored


def _outbox_rows():
    return db.session.execute(
        select(SearchOutbox.entity, SearchOutbox.entity_id).order_by(SearchOutbox.id)
    ).all()


def test_outbox_rows_of_other_entities_never_touch_an_idea(app, runner, make_idea, caplog):
    kept = make_idea(title="Kotihoidon etäkäynnit", summary="Videolla kotiin.", need="", body="")
    gone = make_idea(title="Hammashoidon jonot", summary="Palveluseteli.", need="", body="")
    # Behind the outbox's back: the first idea is renamed and the second deleted, in SQL.
    db.session.execute(update(Idea).where(Idea.id == kept.id).values(title="Päivystyksen jono"))
    db.session.execute(delete(Idea).where(Idea.id == gone.id))
    db.session.add_all(
        [
            SearchOutbox(entity="comment", entity_id=kept.id),
            SearchOutbox(entity="comment", entity_id=gone.id),
        ]
    )
    db.session.commit()
    assert _outbox_rows() == [("comment", kept.id), ("comment", gone.id)]

    with caplog.at_level(logging.WARNING, logger="idealaari.search.outbox"):
        drained = runner.invoke(args=["search", "drain"])
    assert drained.exit_code == 0 and "Indexed 0 changed ideas" in drained.output
    # Neither idea was re-indexed nor removed: the kept one still has its old title, and the
    # deleted one is still in the index.
    hits = service.search(SearchParams(q="kotihoito")).hits
    assert [h.idea_id for h in hits] == [kept.id]
    assert service.search(SearchParams(q="päivystys")).total == 0
    assert get_index().indexed_idea_ids() == {kept.id, gone.id}
    # The rows are kept for a version that knows comments, and said so.
    assert _outbox_rows() == [("comment", kept.id), ("comment", gone.id)]
    assert "comment (2)" in caplog.text

    # Idea rows written after them are drained; the kept rows do not stop the drain.
    db.session.add_all(
        [
            SearchOutbox(entity="idea", entity_id=kept.id),
            SearchOutbox(entity="idea", entity_id=gone.id),
        ]
    )
    db.session.commit()
    assert service.drain() == 2
    assert service.search(SearchParams(q="kotihoito")).total == 0
    assert [h.idea_id for h in service.search(SearchParams(q="päivystys")).hits] == [kept.id]
    assert get_index().indexed_idea_ids() == {kept.id}
    assert service.check() == (set(), set())
    assert _outbox_rows() == [("comment", kept.id), ("comment", gone.id)]


def _outbox_count() -> int:
    count = db.session.scalar(select(func.count()).select_from(SearchOutbox))
    db.session.commit()  # hold no snapshot while the rebuild goes on
    return count


def test_an_edit_during_a_rebuild_is_in_the_new_index(app, client, login, runner, make_idea):
    idea = make_idea(title="Kotihoidon vanha otsikko", summary="Otsikko vaihtuu kesken kaiken.")
    make_idea(title="Hammashoidon jonot")
    login(idea.author)
    during: dict = {}

    def edit_while_rebuilding(_step: int) -> None:
        if during:
            return
        started = time.monotonic()
        # The edit form, as a member posts it while `flask search rebuild` runs: the commit
        # writes the outbox and drains it after commit.
        resp = client.post(
            f"/ideas/{idea.id}/edit",
            data={
                "title": "Etäkuntoutuksen uusi otsikko",
                "summary": idea.summary,
                "phase": "ideation",
                "organisation": str(idea.organisation_id),
            },
        )
        during["seconds"] = time.monotonic() - started
        during["status"] = resp.status_code
        # And a new idea, committed as the app commits: `search check` misses it if it is lost.
        during["new"] = make_idea(title="Hammashoitoa kotona", summary="Uusi idea.").id
        # The request's drain gave up at once; the change waits for the drain after the swap.
        during["outbox"] = _outbox_count()

    db.session.commit()
    service.rebuild(progress=edit_while_rebuilding)
    assert during["status"] == 302 and during["outbox"] >= 1
    assert during["seconds"] < get_index().write_timeout / 2  # it did not wait for the lock
    assert _outbox_count() == 0

    check = runner.invoke(args=["search", "check"])
    assert check.exit_code == 0, check.output
    found = client.get("/api/v1/search?q=etäkuntoutus").get_json()
    assert [i["title"] for i in found["items"]] == ["Etäkuntoutuksen uusi otsikko"]
    assert client.get("/api/v1/search?q=otsikko+vanha").get_json()["total"] == 0
    found = client.get("/api/v1/search?q=hammashoito").get_json()
    assert {i["id"] for i in found["items"]} >= {during["new"]}


def test_a_second_rebuild_is_refused_while_one_runs(app, runner, make_idea):
    make_idea(title="Kotihoidon etäkäynnit")
    with get_index().rebuilding() as build:
        result = runner.invoke(args=["search", "rebuild"])
        assert result.exit_code != 0 and "another rebuild" in result.output
        with pytest.raises(SearchBusy):  # and drains leave their rows at once
            with get_index().update():
                pass
        for idea in db.session.scalars(select(Idea)):
            build.add(documents.idea_document(idea))
    db.session.commit()
    assert runner.invoke(args=["search", "check"]).exit_code == 0
