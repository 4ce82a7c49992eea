"""Writes to accounts: registration, verification, passwords, sessions, roles."""

from __future__ import annotations

import hashlib
import math
import time
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

from idealaari.accounts import mail
from idealaari.accounts.models import Role, User, new_session_token
from idealaari.dbtypes import utcnow
from idealaari.extensions import db, limiter
from idealaari.organisations.models import Organisation

MIN_PASSWORD_LENGTH = 10
# zxcvbn's 0-4: 3 is "safely unguessable" (about 10^8 guesses and more).
MIN_PASSWORD_SCORE = 3
# Compared against when the e-mail is unknown, so a failed login costs the same either way.
_DUMMY_HASH = generate_password_hash("idealaari-timing-guard")

VERIFY_SALT = "idealaari.accounts.verify-email"
VERIFY_MAX_AGE = timedelta(days=7)
RESET_SALT = "idealaari.accounts.reset-password"
RESET_MAX_AGE = timedelta(hours=1)
DEVICE_SALT = "idealaari.accounts.device"
DEVICE_MAX_AGE = timedelta(days=180)


class AccountError(Exception):
    """A refused account change; the message is shown to the member."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


# Passwords


def check_password_strength(password: str, *, user_inputs=()) -> str | None:
    """Why this password is too weak to set (in the member's language), or None if it will do.

    `user_inputs` are the member's e-mail and name: a password made of them is easy to guess.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return _("The password must be at least %(n)d characters long.", n=MIN_PASSWORD_LENGTH)
    words = _personal_words(user_inputs)
    lowered = password.lower()
    if any(word in lowered for word in words):
        return _("The password must not contain your name or your e-mail address.")
    # zxcvbn is slow on very long input and such passwords are not guessable anyway.
    if zxcvbn(password[:100], user_inputs=sorted(words))["score"] < MIN_PASSWORD_SCORE:
        return _(
            "This password is too easy to guess: it is common, or it repeats characters or "
            "patterns. Try a few unrelated words together."
        )
    return None


def _personal_words(user_inputs) -> set[str]:
    words = set()
    for value in user_inputs:
        value = (value or "").strip().lower()
        if "@" in value:
            value = value.split("@", 1)[0]
        words.add(value)
        words.update(value.replace(".", " ").replace("-", " ").replace("_", " ").split())
    return {w for w in words if len(w) >= 3}


def check_password_rules(password: str, *, user_inputs=()) -> None:
    problem = check_password_strength(password, user_inputs=user_inputs)
    if problem:
        raise AccountError(problem)


def _personal_inputs(user: User) -> tuple[str, str]:
    return (user.email, user.name)


def rotate_session_token(user: User) -> None:
    """End every session and remember-me cookie of the member (they all carry the old token)."""
    user.session_token = new_session_token()
    db.session.flush()


def _set_password(user: User, password: str) -> None:
    check_password_rules(password, user_inputs=_personal_inputs(user))
    user.password_hash = generate_password_hash(password)
    rotate_session_token(user)


# Registration and verification


def create_user(
    *,
    email: str,
    name: str,
    password: str,
    organisation: Organisation,
    title: str = "",
    role: Role | str = Role.MEMBER,
    locale: str | None = None,
    verified: bool = False,
) -> User:
    """Create a member account (unverified unless `verified`)."""
    email = normalise_email(email)
    if find_user_by_email(email) is not None:
        raise AccountError(_("An account with this e-mail address already exists."))
    if not name.strip():
        raise AccountError(_("Give your name."))
    check_password_rules(password, user_inputs=(email, name))
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
        email_verified_at=utcnow() if verified else None,
    )
    db.session.add(user)
    db.session.flush()
    return user


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=salt)


def email_verification_token(user: User, email: str | None = None) -> str:
    return _serializer(VERIFY_SALT).dumps(
        {"user": user.id, "email": normalise_email(email or user.email)}
    )


def send_verification_mail(user: User, *, email: str | None = None) -> None:
    """Mail the link that confirms `email` (by default the member's own address) as theirs."""
    address = normalise_email(email or user.email)
    with mail.language_of(user):
        mail.send_account_mail(
            user=user,
            to=address,
            subject=_("Confirm your e-mail address for Idealaari"),
            template="account_verify",
            email=address,
            url=mail.external_url(
                "accounts.verify_email", token=email_verification_token(user, address)
            ),
            days=VERIFY_MAX_AGE.days,
        )


def _verification_target(token: str) -> tuple[User, str]:
    invalid = _("This link is not valid. Check that you copied all of it.")
    try:
        data = _serializer(VERIFY_SALT).loads(token, max_age=int(VERIFY_MAX_AGE.total_seconds()))
    except SignatureExpired:
        raise AccountError(_("This link has expired. Log in and ask for a new one.")) from None
    except BadData:
        raise AccountError(invalid) from None
    if not isinstance(data, dict) or not isinstance(data.get("user"), int):
        raise AccountError(invalid)
    user = db.session.get(User, data["user"])
    email = data.get("email")
    if user is None or not user.active or not isinstance(email, str):
        raise AccountError(invalid)
    return user, email


def verify_email_check(token: str) -> User:
    """The member a verification link is for, checked but not yet confirmed."""
    return _verification_target(token)[0]


def verify_email(token: str) -> User:
    """Confirm the address a verification link was made for; AccountError if it won't do."""
    user, email = _verification_target(token)
    if email != normalise_email(user.email):
        other = find_user_by_email(email)
        if other is not None and other.id != user.id:
            raise AccountError(
                _(
                    "The address %(email)s now belongs to another account, so it cannot be "
                    "yours. Choose another address in your profile.",
                    email=email,
                )
            )
        user.email = email
        user.email_verified_at = utcnow()
    elif user.email_verified_at is None:
        user.email_verified_at = utcnow()
    db.session.flush()
    return user


def send_existing_account_mail(user: User) -> None:
    """Someone registered with the member's address: tell them they already have an account."""
    with mail.language_of(user):
        mail.send_account_mail(
            user=user,
            to=user.email,
            subject=_("You already have an Idealaari account"),
            template="account_exists",
            login_url=mail.external_url("accounts.login"),
            reset_url=mail.external_url(
                "accounts.reset_password", token=password_reset_token(user)
            ),
        )


# Password reset


def _password_fingerprint(user: User) -> str:
    """Changes whenever the password does, so a used reset link dies with the old password."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def password_reset_token(user: User) -> str:
    return _serializer(RESET_SALT).dumps({"user": user.id, "pw": _password_fingerprint(user)})


def user_from_reset_token(token: str) -> User:
    """The member a reset link is for; AccountError if it is bad, used or expired."""
    invalid = _("This link is not valid or it has already been used. Ask for a new one.")
    try:
        data = _serializer(RESET_SALT).loads(token, max_age=int(RESET_MAX_AGE.total_seconds()))
    except SignatureExpired:
        raise AccountError(
            _("This link has expired: it is valid for one hour. Ask for a new one.")
        ) from None
    except BadData:
        raise AccountError(invalid) from None
    if not isinstance(data, dict) or not isinstance(data.get("user"), int):
        raise AccountError(invalid)
    user = db.session.get(User, data["user"])
    if user is None or not user.active or data.get("pw") != _password_fingerprint(user):
        raise AccountError(invalid)
    return user


def send_password_reset_mail(user: User) -> None:
    with mail.language_of(user):
        mail.send_account_mail(
            user=user,
            to=user.email,
            subject=_("Set a new password for Idealaari"),
            template="account_reset",
            url=mail.external_url("accounts.reset_password", token=password_reset_token(user)),
        )


def reset_password(*, user: User, new: str) -> None:
    """Set a new password from a reset link; ends every session. Following the link from the
    mail also shows the address works, so an unverified member becomes verified."""
    _set_password(user, new)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
    db.session.flush()


# Logging in


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
    _set_password(user, new)
    db.session.flush()


# Throttling logins per account (OWASP "device cookies")
#
# Failures from clients that hold no valid device cookie for the account are counted per
# account; from LOCKOUT_AFTER failures on, such clients are refused for a time that doubles with
# every further failure. A client that logged in to the account before holds a device cookie
# and is not subject to that lockout, so an attacker cannot lock the member out.

LOCKOUT_AFTER = 5
LOCKOUT_FIRST = 60  # seconds
LOCKOUT_MAX = 24 * 3600
FAILURE_MEMORY = 24 * 3600
# A device cookie stops counting as trusted after this many failures with it.
DEVICE_FAILURES_ALLOWED = 10


def _storage():
    return limiter.storage


def _account_key(email: str) -> str:
    # Unknown addresses are counted too, so a lockout tells nothing about who is a member.
    digest = hashlib.sha256(normalise_email(email).encode()).hexdigest()[:32]
    return f"idealaari/login-account/{digest}"


def lockout_remaining(email: str) -> int:
    """Seconds until clients without a device cookie may try this account again (0: now)."""
    until = _storage().get(_account_key(email) + "/until")
    return max(0, math.ceil(until - time.time())) if until else 0


def record_untrusted_failure(email: str) -> None:
    key = _account_key(email)
    failures = _storage().incr(key + "/failures", FAILURE_MEMORY)
    if failures >= LOCKOUT_AFTER:
        seconds = min(LOCKOUT_FIRST * 2 ** (failures - LOCKOUT_AFTER), LOCKOUT_MAX)
        until_key = key + "/until"
        _storage().clear(until_key)
        _storage().incr(until_key, seconds, amount=int(time.time()) + seconds)


def clear_untrusted_failures(email: str) -> None:
    key = _account_key(email)
    _storage().clear(key + "/failures")
    _storage().clear(key + "/until")


def device_cookie_value(email: str) -> str:
    """A signed cookie that marks this client as one the member has logged in from."""
    return _serializer(DEVICE_SALT).dumps(
        {"login": normalise_email(email), "nonce": new_session_token()[:16]}
    )


def trusted_device(cookie: str | None, email: str) -> str | None:
    """The device cookie's nonce when it is valid for this account and not worn out, else None."""
    if not cookie:
        return None
    try:
        data = _serializer(DEVICE_SALT).loads(cookie, max_age=int(DEVICE_MAX_AGE.total_seconds()))
    except BadData:
        return None
    if not isinstance(data, dict) or data.get("login") != normalise_email(email):
        return None
    nonce = str(data.get("nonce"))
    if _storage().get(f"idealaari/login-device/{nonce}") >= DEVICE_FAILURES_ALLOWED:
        return None
    return nonce


def record_device_failure(nonce: str) -> None:
    _storage().incr(f"idealaari/login-device/{nonce}", FAILURE_MEMORY)


def set_role(*, user: User, role: Role | str) -> None:
    try:
        user.role = Role(role)
    except ValueError:
        raise AccountError(_("Unknown role: %(role)s", role=role)) from None
    db.session.flush()


def set_locale(*, user: User, locale: str) -> None:
    user.locale = locale
    db.session.flush()
