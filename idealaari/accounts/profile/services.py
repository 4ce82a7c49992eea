"""Writes to one's own profile: the details shown to others, the language and the e-mail."""

from __future__ import annotations

from flask_babel import gettext as _

from idealaari.accounts import services as account_services
from idealaari.accounts.models import User
from idealaari.accounts.services import AccountError, find_user_by_email, normalise_email
from idealaari.extensions import db
from idealaari.organisations.models import Organisation


def update_profile(
    *,
    user: User,
    name: str,
    title: str,
    expertise: str,
    organisation: Organisation,
    locale: str,
) -> None:
    """Save the member's details; their ideas keep the organisation they were posted for."""
    name = " ".join(name.split())
    if len(name) < 2:
        raise AccountError(_("Give your name."))
    user.name = name
    user.title = title.strip()
    user.expertise = expertise.strip()
    # Only the member moves: an idea belongs to its organisation, which keeps it (the hand-over).
    user.organisation = organisation
    account_services.set_locale(user=user, locale=locale)
    db.session.flush()


def request_email_change(*, user: User, email: str) -> str | None:
    """Send a confirmation link to a new address; the address it went to, or None if unchanged.

    The stored address changes only when the link is opened.
    """
    email = normalise_email(email)
    if email == normalise_email(user.email):
        return None
    if find_user_by_email(email) is not None:
        # The same words whoever holds the address, and nothing about them.
        raise AccountError(_("This e-mail address cannot be used. Choose another one."))
    account_services.send_verification_mail(user, email=email)
    return email
