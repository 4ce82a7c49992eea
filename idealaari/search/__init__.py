"""Finnish full-text search over ideas, with Whoosh."""

from flask import Blueprint, Flask

bp = Blueprint("search", __name__)

EXTENSION_KEY = "idealaari_search"


def init_app(app: Flask) -> None:
    from idealaari.search import outbox  # noqa: F401 - registers the session events
    from idealaari.search.index import SearchIndex

    app.extensions[EXTENSION_KEY] = SearchIndex(app.config["SEARCH_INDEX_DIR"])


def get_index(app=None):
    from flask import current_app

    return (app or current_app).extensions[EXTENSION_KEY]
