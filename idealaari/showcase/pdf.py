"""The showcase as a PDF, made on the server with WeasyPrint.

The PDF never reaches the network: its URL fetcher serves files of static/ from disk and
refuses everything else, so a link or an image in a member's text cannot make the server
fetch it.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

from flask import current_app, request


class FetchRefused(ValueError):
    """A URL the PDF does not fetch (anything outside static/)."""


def static_path(url: str, static_folder: Path, static_url: str) -> Path:
    """The file under static/ that `url` names, or FetchRefused."""
    path = urlsplit(url).path
    root = static_folder.resolve()
    if not path.startswith(static_url.rstrip("/") + "/"):
        raise FetchRefused(f"not fetched for the PDF: {url}")
    target = (root / path[len(static_url.rstrip("/")) + 1 :]).resolve()
    if root not in target.parents or not target.is_file():
        raise FetchRefused(f"not fetched for the PDF: {url}")
    return target


def _fetcher(static_folder: Path, static_url: str):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            target = static_path(url, static_folder, static_url)
            mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, target.read_bytes(), {"Content-Type": mime})

    return StaticFetcher()


def render_pdf(html: str) -> bytes:
    """The PDF of a page rendered for print (templates/showcase/pdf.html)."""
    from weasyprint import HTML

    app = current_app
    fetcher = _fetcher(Path(app.static_folder), app.static_url_path)
    return HTML(string=html, base_url=request.host_url, url_fetcher=fetcher).write_pdf()
