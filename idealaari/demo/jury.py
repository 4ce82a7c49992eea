"""Demo jury work for a challenge in evaluation: the jury named, one declared conflict of
interest and scorecards (one juror lenient, one strict, one unfinished), made through the
jury services as managers and jurors would."""

from __future__ import annotations

from datetime import datetime

from idealaari.accounts.models import User
from idealaari.challenges import jury
from idealaari.challenges.models import Challenge
from idealaari.dbtypes import utcnow
from idealaari.extensions import db

# Points per juror, as offsets from a middling 3: the first juror is lenient, the second
# strict, the others in between; each juror still orders the entries their own way.
_LENIENCY = (2, -1, 0, 1)
_NOTES = (
    "Selkeä tarve ja hyvä kohderyhmän tuntemus. Kustannusarvio puuttuu.",
    "Levitettävyys jää epäselväksi: mitä toinen alue tarvitsisi?",
    "Kokeilu on jo tehty yhdessä kunnassa, ja tulokset ovat lupaavia.",
)


def _points(juror_index: int, entry_index: int, criterion_index: int) -> int:
    spread = (entry_index * 2 + criterion_index + juror_index) % 3 - 1  # -1, 0 or 1
    leniency = _LENIENCY[juror_index % len(_LENIENCY)]
    return max(1, min(5, 3 + leniency + spread))


def load_jury_demo(
    challenge: Challenge,
    jurors: list[User],
    *,
    manager: User | None = None,
    now: datetime | None = None,
    partial: bool = False,
    recusal_reason: str = "Olin ideoimassa tätä ehdotusta edellisessä työpaikassani.",
) -> int:
    """Name `jurors` to the challenge's jury, add a recusal and scorecards; `now` must fall in
    the evaluation phase. Every juror scores every entry assigned to them, or, when `partial`,
    about two thirds of them and one scorecard left unfinished (evaluation under way). Returns how
    many scorecards were saved. Flushes, never commits."""
    now = now or utcnow()
    manager = manager or (challenge.managers[0] if challenge.managers else None)
    if manager is None:
        raise ValueError("The challenge needs a manager to name the jury.")
    for juror in jurors:
        if juror not in challenge.jurors:
            jury.name_juror(actor=manager, challenge=challenge, member=juror, now=now)
    view = jury.overview(challenge)
    if jurors:
        first = view.assigned(jurors[0])
        if first:
            jury.declare_recusal(actor=jurors[0], entry=first[0], reason=recusal_reason, now=now)
    view = jury.overview(challenge)
    saved = 0
    for j, juror in enumerate(jurors):
        assigned = view.assigned(juror)
        for e, entry in enumerate(view.entries):
            if entry not in assigned:
                continue
            criteria = challenge.criteria
            if partial:
                if (e + j) % 3 == 2:
                    continue
                # The last juror has one scorecard unfinished, so progress shows work left.
                if j == len(jurors) - 1 and len(criteria) > 1:
                    criteria = criteria[:1]
            scores = {c.id: _points(j, e, i) for i, c in enumerate(criteria)}
            jury.save_scorecard(
                actor=juror,
                entry=entry,
                scores=scores,
                note=_NOTES[(j + e) % len(_NOTES)] if (j + e) % 2 == 0 else "",
                now=now,
            )
            saved += 1
    db.session.flush()
    return saved
