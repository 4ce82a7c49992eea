"""The live statistics page and its CSV, and the showcase API."""

import csv
import io

from tests.showcase.conftest import YEAR


def test_the_statistics_page_is_public_with_charts_and_tables(client, seeded_year):
    page = client.get("/stats")
    assert page.status_code == 200
    for chart in ("ideas-area-phase", "partnerships", "adoptions", "challenges"):
        assert f'id="st-{chart}"' in page.text
    assert "Show as table" in page.text and "Download the figures (CSV)" in page.text
    assert "/stats" in client.get("/").text  # linked from every page's footer


def test_the_statistics_download_as_csv(client, seeded_year):
    response = client.get("/stats.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert rows[0] == ["Figure", "Category", "Series", "Value", "Year"]
    figures = {(r[0], r[1], r[4]) for r in rows[1:]}
    assert ("Key figures", "Adoptions", str(YEAR + 1)) in figures
    assert ("Key figures", "Adoptions", str(YEAR)) in figures  # the year before, to compare


def test_the_api_serves_a_published_showcase(client, seeded_year, make_showcase):
    make_showcase(published=True, intro="Hyvä **verkosto**!")
    data = client.get(f"/api/v1/showcase/{YEAR}", headers={"Accept-Language": "en"}).get_json()
    assert data["year"] == YEAR and "<strong>verkosto</strong>" in data["intro_html"]
    assert data["pdf_url"].endswith(f"/showcase/{YEAR}.pdf")
    winner = data["winners"][0]
    assert winner["idea"]["title"] == seeded_year.winner.title
    assert winner["idea"]["url"].endswith(
        f"/ideas/{seeded_year.winner.id}-{seeded_year.winner.slug}"
    )
    assert set(winner["idea"]["organisation"]) == {"code", "name", "kind"}
    assert winner["idea"]["organisation"]["name"].startswith("Test county")


def test_the_api_takes_no_parameters(client, make_showcase):
    make_showcase(year=2024, published=True)
    response = client.get("/api/v1/showcase/2024?format=xml")
    assert (
        response.status_code == 400
        and "Unknown parameter" in response.get_json()["error"]["message"]
    )
