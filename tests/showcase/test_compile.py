"""Compiling a year: what the showcase collects, read from the seeded year's history."""

from idealaari.showcase import figures
from idealaari.showcase.compile import compile_year, year_bounds


def test_the_showcase_is_compiled_from_a_seeded_year(seeded_year):
    data = compile_year(seeded_year.year)

    winners = {w["idea"]["title"]: w for w in data["winners"]}
    assert set(winners) == {seeded_year.winner.title, seeded_year.mention.title}
    assert winners[seeded_year.winner.title]["kind"] == "winner"
    assert winners[seeded_year.winner.title]["statement"] == "Raati palkitsee levitettävän mallin."
    assert data["winners"][0]["kind"] == "winner"  # winners before mentions

    [move] = data["phase_moves"]
    assert move["idea"]["id"] == seeded_year.moved.id
    assert (move["from_phase"], move["to_phase"]) == ("ideation", "testing")

    [partnership] = data["partnerships"]  # the company's was accepted the year before
    assert partnership["idea"]["id"] == seeded_year.partnered.id
    assert partnership["cross_area"] and not partnership["cross_sector"]

    [adoption] = data["adoptions"]
    assert adoption["idea"]["id"] == seeded_year.adopted.id
    assert adoption["evidence"] == "Pilotti kahdessa tiimissä."

    assert data["most_discussed"][0] == {"idea": data["most_discussed"][0]["idea"], "count": 3}
    assert data["most_discussed"][0]["idea"]["id"] == seeded_year.adopted.id
    assert data["most_voted"][0]["idea"]["id"] == seeded_year.winner.id

    titles = {w["idea"]["title"] for w in data["winners"]} | {
        m["idea"]["title"] for m in data["phase_moves"]
    }
    assert "Idea hidden kotihoidosta" not in titles
    assert data["totals"]["ideas"] == 5  # published in the year; not the hidden nor the old
    assert data["totals"]["partnerships"] == 1 and data["totals"]["cross_area"] == 1
    [challenge] = data["challenges"]
    assert challenge["entries"] == 2


def test_a_year_before_has_only_its_own_results(seeded_year):
    data = compile_year(seeded_year.year - 1)
    assert data["winners"] == [] and data["phase_moves"] == [] and data["adoptions"] == []
    [partnership] = data["partnerships"]
    assert partnership["cross_sector"] and not partnership["cross_area"]


def test_a_year_is_counted_in_finnish_time(app):
    start, end = year_bounds(2025)
    assert start.isoformat() == "2024-12-31T22:00:00+00:00"
    assert end.isoformat() == "2025-12-31T22:00:00+00:00"


def test_every_section_offers_candidates_for_highlights(seeded_year):
    found = figures.candidates(compile_year(seeded_year.year))
    kinds = {c.kind.value for c in found.values()}
    assert kinds == {"award", "idea", "adoption", "partnership"}
    assert f"award:{seeded_year.winner_award.id}" in found
    assert f"idea:{seeded_year.moved.id}" in found
