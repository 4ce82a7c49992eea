"""The showcase as a PDF: made on the server, with the winners in it, fetching nothing."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from idealaari.showcase.pdf import FetchRefused, static_path
from tests.showcase.conftest import YEAR


def test_the_pdf_holds_the_winners(client, seeded_year, make_showcase):
    make_showcase(published=True, intro="Kevätjuhlan vuosikirja")
    response = client.get(f"/showcase/{YEAR}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages)
    text = " ".join(text.split())
    assert seeded_year.winner.title in text and seeded_year.mention.title in text
    assert "Kevätjuhlan vuosikirja" in text
    assert "Raati palkitsee levitettävän mallin." in text


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/static/css/idealaari.css",
        "http://idealaari.test/ideas/1",
        "http://idealaari.test/static/../idealaari/config.py",
        "file:///etc/passwd",
        "http://idealaari.test/static/css/missing.css",
    ],
)
def test_the_pdf_fetches_only_files_of_static(app, url):
    folder = Path(app.static_folder)
    if url.startswith("https://example.com"):
        # Another host's /static/ is still served from disk, never fetched.
        assert static_path(url, folder, "/static") == folder.resolve() / "css/idealaari.css"
        return
    with pytest.raises(FetchRefused):
        static_path(url, folder, "/static")


def test_a_pdf_is_made_once_and_again_after_a_change(
    client, seeded_year, make_showcase, monkeypatch
):
    from idealaari.showcase import pdf

    made = []
    real = pdf.render_pdf
    monkeypatch.setattr(pdf, "render_pdf", lambda html: made.append(1) or real(html))
    showcase = make_showcase(published=True, intro="Ensimmäinen johdanto")
    first = client.get(f"/showcase/{YEAR}.pdf").data
    assert client.get(f"/showcase/{YEAR}.pdf").data == first and len(made) == 1
    from idealaari.extensions import db

    showcase.intro = "Toinen johdanto"
    db.session.commit()
    second = client.get(f"/showcase/{YEAR}.pdf").data
    assert len(made) == 2 and second != first
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(second)).pages)
    assert "Toinen johdanto" in " ".join(text.split())
