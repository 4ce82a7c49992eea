"""Finnish full-text search over ideas and challenges. Views call `service`; the backend (Whoosh)
sits behind it.

service.py          the facade: search, similar, check, rebuild, drain
types.py            parameters, hits, documents, results, errors, and the interface of a backend
registry.py         the searchable types (ideas_type.py registers ideas; other domains theirs)
documents.py        which ideas are indexed, and the text they carry
outbox.py           changes collected on flush and drained after commit, per searchable type
whoosh_backend.py   the Whoosh index; whoosh_queries.py: its queries, facets and snippets
analysis.py         Finnish words (Whoosh stores this module's path in every index: keep it)
"""

from flask import Blueprint, Flask

bp = Blueprint("search", __name__)

EXTENSION_KEY = "idealaari_search"


def init_app(app: Flask) -> None:
    # Ideas register first (the first searchable type); the outbox registers session events.
    from idealaari.search import ideas_type, outbox  # noqa: F401

    app.extensions[EXTENSION_KEY] = _make_backend(app)
    from idealaari.search import views  # noqa: F401 - routes
    from idealaari.search.cli import search_cli

    app.register_blueprint(bp)
    app.cli.add_command(search_cli)


def _make_backend(app: Flask):
    """The one place that chooses the search backend."""
    from idealaari.search.whoosh_backend import WhooshBackend

    return WhooshBackend(app.config["SEARCH_INDEX_DIR"])


def get_index(app=None):
    """The app's search backend: for the facade and the outbox (and tests); views use service."""
    from flask import current_app

    return (app or current_app).extensions[EXTENSION_KEY]
