"""The demo has last year's showcase published, with winners and charts, and this year's as
a draft."""

from idealaari.dbtypes import utcnow
from idealaari.demo import load_demo_data
from idealaari.extensions import db
from idealaari.showcase import queries
from idealaari.showcase.compile import local_year


def test_the_demo_publishes_last_years_showcase_and_drafts_this_years(app):
    load_demo_data()
    db.session.commit()
    this_year = local_year(utcnow())
    last, draft = queries.showcase_of(this_year - 1), queries.showcase_of(this_year)
    assert last.is_published and not draft.is_published
    assert last.published_at <= utcnow()
    data = last.snapshot
    assert any(w["kind"] == "winner" for w in data["winners"])
    assert data["adoptions"] and data["phase_moves"] and data["partnerships"]
    assert any(a["evidence"] for a in data["adoptions"])  # the adoption stories
    assert queries.picked(last)  # curated highlights
