"""The problem owner's answers in a challenge's questions: a badge by the author's name."""

from __future__ import annotations

from flask_babel import gettext as _


def speaks_for_problem_owner(user, challenge) -> bool:
    """A member of the problem-owner organisation, or one of the challenge's named managers
    (a moderator who approved the challenge is one); other moderators are not."""
    if user is None:
        return False
    if user.organisation_id is not None and user.organisation_id == challenge.problem_owner_id:
        return True
    return any(m.id == user.id for m in challenge.managers)


def problem_owner_badge(challenge, comment) -> str | None:
    """The "Problem owner" badge by a comment that answers for the challenge (see
    comments/owners.py); None for other comments."""
    if speaks_for_problem_owner(comment.author, challenge):
        return _("Problem owner")
    return None
