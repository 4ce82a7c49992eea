"""How often one client may search: the search page, similar ideas while typing, the API."""

from __future__ import annotations

from collections.abc import Callable

from flask import current_app
from flask_limiter.util import get_remote_address
from flask_login import current_user

from idealaari.extensions import limiter


def search_rate_limit() -> str:
    """Searches per client and endpoint, from IDEALAARI_SEARCH_RATE_LIMIT."""
    return current_app.config["IDEALAARI_SEARCH_RATE_LIMIT"]


def search_client_key() -> str:
    """A member is limited as themselves, so that colleagues behind one hospital address do
    not use up each other's searches; anonymous clients by their address."""
    if current_user and current_user.is_authenticated:
        return f"member:{current_user.id}"
    return get_remote_address()


def limit_searches(error_message: str | Callable[[], str]):
    """The decorator of a search endpoint; a client over the limit gets 429 and the message."""
    return limiter.limit(search_rate_limit, key_func=search_client_key, error_message=error_message)
