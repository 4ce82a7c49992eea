"""The ranking maths: weights, juror normalisation, the combined score, ties and missing
scorecards. Pure functions, so exact examples and properties need no database."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from idealaari.challenges.ranking import (
    Card,
    competition_ranks,
    entry_scores,
    rank_entries,
    rescale_normalised,
    standardise,
    weighted_mean,
)

WEIGHTS = {1: 3, 2: 1}  # criterion id -> weight


def rank(cards, *, entries=(10, 20, 30), votes=None, quorum=1, jury_weight=100, normalised=False):
    return {
        row.entry_id: row
        for row in rank_entries(
            entry_ids=list(entries),
            cards=cards,
            weights=WEIGHTS,
            votes=votes or {},
            quorum=quorum,
            jury_weight=jury_weight,
            normalised=normalised,
        )
    }


# --- Exact examples ------------------------------------------------------------------------


def test_a_scorecard_is_the_weighted_mean_of_its_points():
    assert weighted_mean({1: 5, 2: 1}, WEIGHTS) == pytest.approx((3 * 5 + 1 * 1) / 4)
    assert weighted_mean({1: 2, 2: 2}, WEIGHTS) == 2


def test_an_incomplete_scorecard_has_no_total_and_does_not_count():
    assert weighted_mean({1: 5}, WEIGHTS) is None
    rows = rank([Card(10, 1, {1: 5}), Card(20, 1, {1: 3, 2: 3})])
    assert rows[10].cards == 0 and rows[10].raw is None
    assert rows[20].cards == 1 and rows[20].raw == 3


def test_an_entry_raw_score_is_the_mean_of_its_scorecards():
    rows = rank([Card(10, 1, {1: 5, 2: 5}), Card(10, 2, {1: 3, 2: 3})])
    assert rows[10].raw == 4
    assert rows[10].jury == pytest.approx(0.75)  # (4 - 1) / 4


def test_one_jurors_extreme_points_do_not_decide_the_normalised_ranking():
    """Juror 1 gives their favourite (20) a 5 and the others 1s; jurors 2 and 3 both prefer
    entry 10 by a little. Raw, juror 1's 5 decides; normalised, each juror's own order counts
    the same and entry 10 wins."""
    cards = [
        Card(10, 1, {1: 1, 2: 1}),
        Card(20, 1, {1: 5, 2: 5}),
        Card(30, 1, {1: 1, 2: 1}),
        Card(10, 2, {1: 3, 2: 3}),
        Card(20, 2, {1: 2, 2: 2}),
        Card(30, 2, {1: 2, 2: 4}),  # (3*2 + 4) / 4 = 2.5
        Card(10, 3, {1: 3, 2: 3}),
        Card(20, 3, {1: 2, 2: 2}),
        Card(30, 3, {1: 2, 2: 4}),
    ]
    raw = rank(cards)
    normalised = rank(cards, normalised=True)
    assert (raw[20].rank, raw[10].rank, raw[30].rank) == (1, 2, 3)
    assert (normalised[10].rank, normalised[30].rank, normalised[20].rank) == (1, 2, 3)
    assert raw[20].raw == pytest.approx(3.0)
    # Both scores are shown whichever counts.
    assert raw[10].normalised == pytest.approx(normalised[10].normalised)
    assert normalised[10].raw == pytest.approx(raw[10].raw)


def test_standardising_uses_the_jurors_own_mean_and_spread():
    assert standardise([1.0, 3.0]) == [-1.0, 1.0]
    assert standardise([2.0, 2.0, 2.0]) == [0.0, 0.0, 0.0]  # no spread: says nothing
    assert standardise([4.5]) == [0.0]  # a single scorecard: that juror's average


def test_a_juror_with_one_scorecard_counts_the_card_but_moves_no_normalised_score():
    scores = entry_scores([Card(10, 1, {1: 5, 2: 5}), Card(10, 2, {1: 1, 2: 1})], WEIGHTS)
    count, raw, normalised = scores[10]
    assert count == 2 and raw == 3 and normalised == 0


def test_normalised_scores_rescale_from_the_lowest_entry_to_the_highest():
    assert rescale_normalised({1: -1.0, 2: 0.0, 3: 1.0}) == {1: 0.0, 2: 0.5, 3: 1.0}
    assert rescale_normalised({1: 0.0, 2: 0.0}) == {1: 0.5, 2: 0.5}
    assert rescale_normalised({}) == {}


def test_the_combined_score_weighs_the_jury_and_the_public_vote():
    cards = [Card(10, 1, {1: 5, 2: 5}), Card(20, 1, {1: 1, 2: 1})]
    rows = rank(cards, entries=(10, 20), votes={10: 2, 20: 8}, jury_weight=70)
    assert rows[10].combined == pytest.approx(0.7 * 1.0 + 0.3 * 0.25)
    assert rows[20].combined == pytest.approx(0.7 * 0.0 + 0.3 * 1.0)
    assert rows[10].vote_share == 0.25 and rows[20].votes == 8


def test_nobody_voting_gives_every_entry_a_vote_share_of_zero():
    rows = rank([Card(10, 1, {1: 3, 2: 3})], entries=(10,), votes={}, jury_weight=50)
    assert rows[10].vote_share == 0 and rows[10].combined == pytest.approx(0.25)


def test_ties_share_a_rank_and_the_next_rank_is_skipped():
    assert competition_ranks({1: 0.9, 2: 0.9, 3: 0.5, 4: 0.1}) == {1: 1, 2: 1, 3: 3, 4: 4}
    cards = [Card(10, 1, {1: 4, 2: 4}), Card(20, 2, {1: 4, 2: 4}), Card(30, 1, {1: 2, 2: 2})]
    rows = rank(cards)
    assert (rows[10].rank, rows[20].rank, rows[30].rank) == (1, 1, 3)
    assert rows[10].tied and rows[20].tied and not rows[30].tied


def test_scores_equal_up_to_rounding_are_a_tie():
    assert competition_ranks({1: 0.1 + 0.2, 2: 0.3}) == {1: 1, 2: 1}


def test_an_entry_without_scorecards_has_no_score_rather_than_zero():
    rows = rank([Card(10, 1, {1: 1, 2: 1})], votes={20: 5}, jury_weight=70)
    assert rows[20].raw is None and rows[20].combined is None and rows[20].rank is None
    assert rows[10].rank == 1  # even with the lowest points, a scored entry ranks
    ordered = rank_entries(
        entry_ids=[20, 10],
        cards=[Card(10, 1, {1: 1, 2: 1})],
        weights=WEIGHTS,
        votes={},
        quorum=1,
        jury_weight=100,
        normalised=False,
    )
    assert [r.entry_id for r in ordered] == [10, 20]  # the unranked come last


def test_with_no_jury_share_the_public_vote_alone_ranks_every_entry():
    rows = rank([], votes={10: 3, 20: 1}, jury_weight=0)
    assert rows[10].rank == 1 and rows[20].rank == 2 and rows[30].rank == 3
    assert rows[30].combined == 0


def test_entries_below_the_quorum_are_flagged():
    cards = [Card(10, 1, {1: 3, 2: 3}), Card(10, 2, {1: 3, 2: 3}), Card(20, 1, {1: 3, 2: 3})]
    rows = rank(cards, quorum=2)
    assert not rows[10].below_quorum
    assert rows[20].below_quorum and rows[30].below_quorum


def test_cards_of_entries_not_in_the_ranking_change_nothing():
    base = rank([Card(10, 1, {1: 5, 2: 5}), Card(20, 1, {1: 1, 2: 1})], normalised=True)
    more = rank(
        [Card(10, 1, {1: 5, 2: 5}), Card(20, 1, {1: 1, 2: 1}), Card(99, 1, {1: 3, 2: 3})],
        normalised=True,
    )
    assert base == more


# --- Properties ----------------------------------------------------------------------------

points = st.integers(min_value=1, max_value=5)
weights = st.dictionaries(st.integers(1, 4), st.integers(1, 10), min_size=1, max_size=4)


@given(weights, st.data())
def test_a_scorecard_total_stays_on_the_scale(weights, data):
    scores = {c: data.draw(points) for c in weights}
    total = weighted_mean(scores, weights)
    assert 1 <= total <= 5
    assert min(scores.values()) <= total + 1e-9 and total <= max(scores.values()) + 1e-9


@given(st.lists(st.floats(min_value=1, max_value=5), min_size=2, max_size=12))
def test_standardised_totals_have_mean_zero_and_unit_spread_or_are_all_zero(totals):
    zs = standardise(totals)
    assert math.fsum(zs) == pytest.approx(0, abs=1e-6)
    spread = math.sqrt(math.fsum(z * z for z in zs) / len(zs))
    assert spread == pytest.approx(1, abs=1e-6) or all(z == 0 for z in zs)


cards_strategy = st.lists(
    st.builds(
        Card,
        entry_id=st.sampled_from([10, 20, 30, 40]),
        juror_id=st.integers(1, 4),
        scores=st.fixed_dictionaries({1: points, 2: points}),
    ),
    max_size=16,
    unique_by=lambda c: (c.entry_id, c.juror_id),
)


@given(
    cards_strategy,
    st.dictionaries(st.sampled_from([10, 20, 30, 40]), st.integers(0, 50)),
    st.integers(0, 100),
    st.booleans(),
)
def test_the_ranking_is_well_formed(cards, votes, jury_weight, normalised):
    rows = rank_entries(
        entry_ids=[10, 20, 30, 40],
        cards=cards,
        weights=WEIGHTS,
        votes=votes,
        quorum=2,
        jury_weight=jury_weight,
        normalised=normalised,
    )
    assert sorted(r.entry_id for r in rows) == [10, 20, 30, 40]
    scored = {c.entry_id for c in cards}
    for row in rows:
        assert row.cards == sum(1 for c in cards if c.entry_id == row.entry_id)
        assert row.below_quorum == (row.cards < 2)
        if row.combined is not None:
            assert -1e-9 <= row.combined <= 1 + 1e-9
        if jury_weight > 0:
            assert (row.rank is None) == (row.entry_id not in scored)
    ranked = [r for r in rows if r.rank is not None]
    # Best first; a better score never has a worse rank; equal scores share a rank.
    assert [r.rank for r in ranked] == sorted(r.rank for r in ranked)
    for a in ranked:
        for b in ranked:
            if round(a.combined, 9) == round(b.combined, 9):
                assert a.rank == b.rank
            elif a.combined > b.combined:
                assert a.rank < b.rank
    for r in ranked:  # competition ranking: a rank is 1 + how many are strictly better
        assert r.rank == 1 + sum(1 for o in ranked if round(o.combined, 9) > round(r.combined, 9))


@given(cards_strategy, st.integers(1, 4))
def test_a_juror_shifting_all_their_points_does_not_change_the_normalised_scores(cards, juror):
    """Normalisation removes a juror's own leniency: one point more on every criterion of one
    juror's scorecards leaves the normalised scores as they were."""
    assume(all(v < 5 for c in cards if c.juror_id == juror for v in c.scores.values()))
    shifted = [
        Card(c.entry_id, c.juror_id, {k: v + 1 for k, v in c.scores.items()})
        if c.juror_id == juror
        else c
        for c in cards
    ]
    before = entry_scores(cards, WEIGHTS)
    after = entry_scores(shifted, WEIGHTS)
    assert before.keys() == after.keys()
    for entry_id in before:
        assert after[entry_id][2] == pytest.approx(before[entry_id][2], abs=1e-9)
