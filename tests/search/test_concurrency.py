"""Several worker processes write ideas at once: no index update is lost, nothing crashes."""

import multiprocessing

from sqlalchemy import select

from idealaari.extensions import db
from idealaari.search import get_index
from idealaari.search.models import SearchOutbox

WORKERS = 4
IDEAS_EACH = 6


def _worker(database_url: str, index_dir: str, author_id: int, worker: int) -> None:
    from idealaari import create_app
    from idealaari.accounts.models import User
    from idealaari.ideas import services

    app = create_app(
        {
            "ENVIRON": {
                "IDEALAARI_SECRET_KEY": "test",
                "DATABASE_URL": database_url,
                "IDEALAARI_SEARCH_INDEX": index_dir,
            },
            "TESTING": True,  # as in the other tests: no mail leaves
            "SQLALCHEMY_ENGINE_OPTIONS": {"connect_args": {"timeout": 30}}
            if database_url.startswith("sqlite")
            else {},
        }
    )
    # Each write runs as a form post would in a gunicorn worker.
    with app.test_request_context("/ideas/new", method="POST"):
        author = db.session.get(User, author_id)
        for n in range(IDEAS_EACH):
            idea = services.create_idea(
                author=author,
                values=services.IdeaFields(
                    title=f"Kotihoito {worker}-{n}", summary="Rinnakkain kirjoitettu idea."
                ),
                publish=True,
            )
            db.session.commit()
            services.update_idea(
                idea=idea,
                editor=author,
                values=services.IdeaFields(
                    title=f"Kotihoito {worker}-{n} päivitetty", summary="Päivitetty rinnakkain."
                ),
            )
            db.session.commit()


def test_concurrent_writers_lose_no_index_updates(app, make_user, runner):
    author = make_user()
    ctx = multiprocessing.get_context("spawn")
    index_dir = str(get_index().path)
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    author_id = author.id
    db.session.close()  # hold no transaction (on SQLite: no write lock) while the workers run
    procs = [
        ctx.Process(target=_worker, args=(url, index_dir, author_id, w)) for w in range(WORKERS)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * WORKERS
    assert db.session.scalar(select(db.func.count()).select_from(SearchOutbox)) == 0
    check = runner.invoke(args=["search", "check"])
    assert check.exit_code == 0, check.output
    titles = {hit["title"] for hit in get_index().searcher().all_stored_fields()}
    assert titles == {
        f"Kotihoito {w}-{n} päivitetty" for w in range(WORKERS) for n in range(IDEAS_EACH)
    }
