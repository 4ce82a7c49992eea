"""A new idea written for a challenge ("Create a new idea for this challenge").

The new-idea form at /ideas/new?challenge=<id> starts with the challenge's themes chosen and
carries the challenge along. When the idea is published it is entered through
`services.enter_idea`, which checks every rule again: if the challenge closed meanwhile or the
member may not enter, the idea is still saved and the member is told why it was not entered.
A draft is saved and not entered (only published ideas can be); the member enters it from the
challenge page once it is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import gettext as _

from idealaari import permissions
from idealaari.challenges import services
from idealaari.challenges.models import Challenge
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.http import parse_id


@dataclass(frozen=True)
class ChallengeForNewIdea:
    """The challenge a new idea is written for, and why it would not be entered (None: it
    will be, once published)."""

    challenge: Challenge
    refusal: str | None

    @property
    def will_enter(self) -> bool:
        return self.refusal is None

    def theme_ids(self, choices) -> list[int]:
        """The challenge's themes among the form's theme choices (inactive ones are not)."""
        offered = {choice.value for choice in choices}
        return [t.id for t in self.challenge.themes if t.id in offered]


def for_new_idea(user, raw_id: str | None, now: datetime | None = None):
    """The challenge named by `?challenge=`; None for a bogus id or one the member may not
    see (a proposal), so that nothing is told about it."""
    challenge_id = parse_id(raw_id)
    if challenge_id is None:
        return None
    challenge = db.session.get(Challenge, challenge_id)
    if challenge is None or not permissions.can_view_challenge(user, challenge):
        return None
    return ChallengeForNewIdea(
        challenge, permissions.entry_refusal(user, challenge, now or utcnow())
    )


def enter_new_idea(*, actor, idea, challenge: Challenge, now: datetime | None = None):
    """Enter a just-saved idea in the challenge; return why it was not entered (None: it was).

    A refusal undoes only the entry (a savepoint), never the idea."""
    if not idea.is_published:
        return _("Only published ideas can be entered.")
    try:
        with db.session.begin_nested():
            services.enter_idea(actor=actor, challenge=challenge, idea=idea, now=now or utcnow())
    except services.ChallengeError as e:
        return str(e)
    return None
