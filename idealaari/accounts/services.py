"""Writes to accounts: registration, passwords, roles."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from idealaari.accounts.models import Role, User
from idealaari.extensions import db
from idealaari.organisations.models import Organisation

MIN_PASSWORD_LENGTH = 10
# Compared against when the e-mail is unknown, so a failed login costs the same either way.
_DUMMY_HASH = generate_password_hash("idealaari-timing-guard")


class AccountError(Exception):
    """A refused account change; the message is shown to the member."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            _("The password must be at least %(n)d characters long.", n=MIN_PASSWORD_LENGTH)
        )


def create_user(
    *,
    email: str,
    name: str,
    password: str,
    organisation: Organisation,
    title: str = "",
    role: Role | str = Role.MEMBER,
    locale: str | None = None,
) -> User:
    """Create a member account."""
    email = normalise_email(email)
    if find_user_by_email(email) is not None:
        raise AccountError(_("An account with this e-mail address already exists."))
    if not name.strip():
        raise AccountError(_("Give your name."))
    check_password_rules(password)
    try:
        role = Role(role)
    except ValueError:
        raise AccountError(_("Unknown role: %(role)s", role=role)) from None
    user = User(
        email=email,
        name=" ".join(name.split()),
        title=title.strip(),
        password_hash=generate_password_hash(password),
        organisation=organisation,
        role=role,
        locale=locale,
    )
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(*, email: str, password: str) -> User | None:
    """The active member with this e-mail and password, or None."""
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.active:
        return None
    return user


def change_password(*, user: User, current: str, new: str) -> None:
    if not check_password_hash(user.password_hash, current):
        raise AccountError(_("The current password is not correct."))
    check_password_rules(new)
    user.password_hash = generate_password_hash(new)
    db.session.flush()


def set_role(*, user: User, role: Role | str) -> None:
    try:
        user.role = Role(role)
    except ValueError:
        raise AccountError(_("Unknown role: %(role)s", role=role)) from None
    db.session.flush()


def set_locale(*, user: User, locale: str) -> None:
    user.locale = locale
    db.session.flush()
