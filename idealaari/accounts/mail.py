"""Account mail: verification links, password resets, "you already have an account".

These messages are part of using an account, not notifications, so they carry no unsubscribe
links. The transport (SMTP or the development outbox) belongs to the notifications package,
which sits above accounts; it is handed in with `use_transport()` when the app starts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask import Flask, current_app
from flask_babel import force_locale
from flask_mail import Message

from idealaari.accounts.models import User
from idealaari.links import external_url

log = logging.getLogger(__name__)

TRANSPORT_KEY = "idealaari.accounts.mail_transport"


def use_transport(app: Flask, send: Callable[[Message], bool]) -> None:
    """Set how account mail leaves: `send(message)` returns False when it could not go."""
    app.extensions[TRANSPORT_KEY] = send


def language_of(user: User):
    """Context manager: the member's language (Finnish when they chose none)."""
    languages = current_app.config["LANGUAGES"]
    locale = user.locale if user.locale in languages else current_app.config["BABEL_DEFAULT_LOCALE"]
    return force_locale(locale)


def send_account_mail(*, user: User, to: str, subject: str, template: str, **context) -> bool:
    """Render templates/mail/<template>.txt and .html for the member and send it to `to`.

    Call inside `language_of(user)`. Returns False (and logs) when the mail could not go.
    """
    env = current_app.jinja_env
    context.update(user=user, subject=subject, home_url=external_url("web.index"))
    message = Message(
        subject=subject,
        recipients=[(user.name, to)],
        body=env.get_template(f"mail/{template}.txt").render(context),
        html=env.get_template(f"mail/{template}.html").render(context),
        sender=current_app.config["MAIL_DEFAULT_SENDER"],
        extra_headers={"Auto-Submitted": "auto-generated"},
    )
    send = current_app.extensions.get(TRANSPORT_KEY)
    if send is None:
        log.error("No mail transport is set up; the %s mail to %s was not sent.", template, to)
        return False
    return send(message)
