"""The ranking of a challenge's entries: pure functions of numbers, no database.

The jury's score of an entry is the mean over its scorecards, either raw or juror-normalised:

- raw: each scorecard's weighted mean, sum(w*s) / sum(w), on the 1-5 scale; the entry's raw
  score is the mean of its scorecards.
- normalised: each juror's scorecard totals are standardised by that juror's own mean and
  (population) standard deviation, z = (total - mean) / sd, so a lenient juror who gives
  every entry a 5 weighs no more than a strict one. A juror with a single scorecard, or whose
  totals are all equal, says nothing about the order of the entries: their scorecards count
  as z = 0 (that juror's average), and the entry still counts those scorecards as received.

Only complete scorecards (every criterion scored) count; the caller leaves out conflicted
ones. The combined score is jury share x jury score (rescaled to 0..1) + public share x vote
share. The raw score is rescaled from 1..5; the normalised one from the lowest to the highest
entry's (all equal: 0.5). The vote share is an entry's votes / the most votes any entry got
(0 when nobody voted). Scores equal to 9 decimals share a rank ("1, 1, 3"). An entry without
scorecards has no score and no rank while the jury has a share, rather than a zero.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

SCALE_MIN, SCALE_MAX = 1, 5
TIE_DIGITS = 9


@dataclass(frozen=True)
class Card:
    """A juror's scorecard of an entry as numbers: criterion id -> points (1-5)."""

    entry_id: int
    juror_id: int
    scores: Mapping[int, int]


@dataclass(frozen=True)
class RankedEntry:
    entry_id: int
    cards: int  # complete scorecards that count
    raw: float | None  # weighted mean on the 1-5 scale
    normalised: float | None  # mean z-score of its scorecards (0 = a juror's average)
    jury: float | None  # the score that counts, rescaled to 0..1
    votes: int
    vote_share: float  # 0..1
    combined: float | None  # 0..1
    rank: int | None
    tied: bool  # shares its rank with another entry
    below_quorum: bool  # fewer independent scorecards than the challenge needs


def weighted_mean(scores: Mapping[int, int], weights: Mapping[int, int]) -> float | None:
    """A scorecard's total: sum(w*s) / sum(w) over the criteria; None unless all are scored."""
    if not weights or any(c not in scores for c in weights):
        return None
    total_weight = sum(weights.values())
    if total_weight <= 0:
        return None
    return sum(weights[c] * scores[c] for c in weights) / total_weight


def is_complete(scores: Mapping[int, int], weights: Mapping[int, int]) -> bool:
    return weighted_mean(scores, weights) is not None


def _mean(values: list[float]) -> float:
    return math.fsum(values) / len(values)


def standardise(totals: list[float]) -> list[float]:
    """One juror's totals as z-scores; all 0 for a single total or no spread."""
    if len(totals) < 2:
        return [0.0 for _ in totals]
    mean = _mean(totals)
    spread = math.sqrt(_mean([(t - mean) ** 2 for t in totals]))
    if spread < 1e-12:
        return [0.0 for _ in totals]
    return [(t - mean) / spread for t in totals]


def entry_scores(
    cards: Iterable[Card], weights: Mapping[int, int]
) -> dict[int, tuple[int, float, float]]:
    """Per entry with complete scorecards: (how many, raw mean, normalised mean)."""
    totals: dict[int, list[tuple[int, float]]] = {}  # juror -> [(entry, total)]
    for card in cards:
        total = weighted_mean(card.scores, weights)
        if total is not None:
            totals.setdefault(card.juror_id, []).append((card.entry_id, total))
    per_entry: dict[int, tuple[list[float], list[float]]] = {}
    for juror_cards in totals.values():
        zs = standardise([t for _e, t in juror_cards])
        for (entry_id, total), z in zip(juror_cards, zs, strict=True):
            raws, norms = per_entry.setdefault(entry_id, ([], []))
            raws.append(total)
            norms.append(z)
    return {e: (len(raws), _mean(raws), _mean(norms)) for e, (raws, norms) in per_entry.items()}


def rescale_raw(raw: float) -> float:
    return (raw - SCALE_MIN) / (SCALE_MAX - SCALE_MIN)


def rescale_normalised(values: Mapping[int, float]) -> dict[int, float]:
    """Normalised scores to 0..1, from the lowest entry's to the highest's (all equal: 0.5)."""
    if not values:
        return {}
    low, high = min(values.values()), max(values.values())
    if high - low < 1e-12:
        return {e: 0.5 for e in values}
    return {e: (v - low) / (high - low) for e, v in values.items()}


def competition_ranks(scores: Mapping[int, float]) -> dict[int, int]:
    """Ranks with ties as ties: equal scores share a rank and the next rank is skipped."""
    ordered = sorted(scores.items(), key=lambda item: -item[1])
    ranks: dict[int, int] = {}
    previous = None
    for position, (entry_id, score) in enumerate(ordered, start=1):
        key = round(score, TIE_DIGITS)
        if key != previous:
            rank, previous = position, key
        ranks[entry_id] = rank
    return ranks


def rank_entries(
    *,
    entry_ids: Iterable[int],
    cards: Iterable[Card],
    weights: Mapping[int, int],
    votes: Mapping[int, int],
    quorum: int,
    jury_weight: int,
    normalised: bool,
) -> list[RankedEntry]:
    """The ranking table: ranked entries best first (ties by entry order), then the unranked."""
    entry_ids = list(dict.fromkeys(entry_ids))
    jury_share = max(0, min(100, jury_weight)) / 100
    wanted = set(entry_ids)
    scored = entry_scores([c for c in cards if c.entry_id in wanted], weights)
    most_votes = max((max(0, votes.get(e, 0)) for e in entry_ids), default=0)
    if normalised:
        jury = rescale_normalised({e: s[2] for e, s in scored.items()})
    else:
        jury = {e: rescale_raw(s[1]) for e, s in scored.items()}
    combined: dict[int, float] = {}
    for e in entry_ids:
        share = max(0, votes.get(e, 0)) / most_votes if most_votes else 0.0
        if e in jury:
            combined[e] = jury_share * jury[e] + (1 - jury_share) * share
        elif jury_share == 0:
            combined[e] = share
    ranks = competition_ranks(combined)
    rank_counts: dict[int, int] = {}
    for r in ranks.values():
        rank_counts[r] = rank_counts.get(r, 0) + 1
    rows = []
    for e in entry_ids:
        count, raw, norm = scored.get(e, (0, None, None))
        n_votes = max(0, votes.get(e, 0))
        rows.append(
            RankedEntry(
                entry_id=e,
                cards=count,
                raw=raw,
                normalised=norm,
                jury=jury.get(e),
                votes=n_votes,
                vote_share=n_votes / most_votes if most_votes else 0.0,
                combined=combined.get(e),
                rank=ranks.get(e),
                tied=e in ranks and rank_counts[ranks[e]] > 1,
                below_quorum=count < quorum,
            )
        )
    order = {e: i for i, e in enumerate(entry_ids)}
    return sorted(
        rows,
        key=lambda r: (r.rank is None, r.rank or 0, order[r.entry_id]),
    )
