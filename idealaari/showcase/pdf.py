"""The showcase as a PDF, made on the server with WeasyPrint.

Making one takes seconds, so each PDF is kept on disk under the instance folder, named by a
hash of the HTML it was made from: the same page never gets made twice, and any change to the
showcase (or the reader's language) gives a new name. Older PDFs of the year are removed.

The PDF never reaches the network: its URL fetcher serves files of static/ from disk and
refuses everything else, so a link or an image in a member's text cannot make the server
fetch it.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
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


def cached_pdf(html: str, *, name: str) -> bytes:
    """The PDF of `html`, made once and then read from the cache folder (IDEALAARI_CACHE_DIR)."""
    folder = Path(current_app.config["IDEALAARI_CACHE_DIR"]) / "pdf"
    digest = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32]
    target = folder / f"{name}-{digest}.pdf"
    if target.is_file():
        return target.read_bytes()
    data = render_pdf(html)
    folder.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed, so a parallel request never reads half a file.
    handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    os.replace(temporary, target)
    kept = sorted(folder.glob(f"{name}-*.pdf"), key=lambda f: f.stat().st_mtime, reverse=True)
    for old in kept[6:]:
        old.unlink(missing_ok=True)
    return data
