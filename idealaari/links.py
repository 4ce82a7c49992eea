"""Absolute links under IDEALAARI_BASE_URL, for mail and the API.

Mail is also sent from cron, where there is no request, and a link must never come from a
request's Host header, which a client can make up.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app


def external_url(endpoint: str, _anchor: str | None = None, **values) -> str:
    """An absolute URL under IDEALAARI_BASE_URL; works in CLI commands without a request."""
    base = urlsplit(current_app.config["IDEALAARI_BASE_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme
    )
    url = adapter.build(endpoint, values, force_external=True)
    return f"{url}#{_anchor}" if _anchor else url
