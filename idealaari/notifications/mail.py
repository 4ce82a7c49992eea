"""Sending mail: Flask-Mail over SMTP, or .eml files in an outbox (the development default).

Links in mail are built from IDEALAARI_BASE_URL, never from a request's Host header: mail is
also sent from cron, and a forged Host header must not end up in a member's inbox.
"""

from __future__ import annotations

import abc
import email.policy
import logging
import os
import re
import smtplib
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import make_msgid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from flask import Flask, current_app
from flask_babel import force_locale
from flask_mail import Connection, Mail, Message, email_dispatched
from itsdangerous import BadData, SignatureExpired, URLSafeTimedSerializer

from idealaari.accounts.models import User
from idealaari.links import external_url
from idealaari.markdown import render_markdown

log = logging.getLogger(__name__)

mail = Mail()

UNSUBSCRIBE_SALT = "idealaari.notifications.unsubscribe"
UNSUBSCRIBE_MAX_AGE = timedelta(days=60)
# Seconds to wait for the SMTP server; Flask-Mail waits forever, and a request sends mail too.
SMTP_TIMEOUT = 20


class MailUnavailable(RuntimeError):
    """No mail can go out now: the server is down or refuses the login, or no outbox to write."""


class MessageRefused(RuntimeError):
    """The server refused this one message (for example its recipient); others may still go."""


class UnsubscribeTokenError(ValueError):
    """An unsubscribe link that was tampered with or has expired."""

    def __init__(self, *, expired: bool):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def init_app(app: Flask) -> None:
    """Read the MAIL_* settings (call again after changing them, as tests do)."""
    mail.init_app(app)


def describe_transport(app: Flask | None = None) -> str:
    """Where mail goes, for operators: 'SMTP host:port' or 'the outbox DIR'."""
    app = app or current_app
    state = app.extensions["mail"]
    if state.suppress:
        return "nowhere (MAIL_SUPPRESS_SEND is on)"
    if app.config["IDEALAARI_MAIL_BACKEND"] == "outbox":
        return f"the outbox {app.config['IDEALAARI_MAIL_OUTBOX']}"
    return f"the SMTP server {state.server}:{state.port}"


# Links and tokens


def _unsubscribe_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user: User) -> str:
    """A signed token that lets whoever holds the member's mail stop it, without logging in."""
    return _unsubscribe_serializer().dumps({"user": user.id})


def user_id_from_unsubscribe_token(token: str) -> int:
    """The member an unsubscribe token was made for; UnsubscribeTokenError if bad or expired."""
    try:
        data = _unsubscribe_serializer().loads(
            token, max_age=int(UNSUBSCRIBE_MAX_AGE.total_seconds())
        )
    except SignatureExpired as e:
        raise UnsubscribeTokenError(expired=True) from e
    except BadData as e:
        raise UnsubscribeTokenError(expired=False) from e
    if not isinstance(data, dict) or not isinstance(data.get("user"), int):
        raise UnsubscribeTokenError(expired=False)
    return data["user"]


# Composing


def recipient_language(user: User):
    """Context manager: render in the member's language (Finnish when they chose none)."""
    languages = current_app.config["LANGUAGES"]
    locale = user.locale if user.locale in languages else current_app.config["BABEL_DEFAULT_LOCALE"]
    return force_locale(locale)


def _render(name: str, context: dict) -> str:
    # Not render_template(): its context processors would read the request's current_user and
    # session, and mail is composed after a commit, when that session may not query.
    return current_app.jinja_env.get_template(name).render(context)


def compose(*, user: User, subject: str, template: str, **context) -> Message:
    """A message to one member from templates/mail/<template>.txt and .html, with unsubscribe
    links in the footer and in the List-Unsubscribe headers (RFC 2369 and RFC 8058 one-click).

    Call it inside `recipient_language(user)` so that the subject and text share a language.
    """
    unsubscribe_url = external_url("notifications.unsubscribe", token=unsubscribe_token(user))
    context.update(
        user=user,
        subject=subject,
        unsubscribe_url=unsubscribe_url,
        settings_url=external_url("notifications.settings"),
        notifications_url=external_url("notifications.index"),
        home_url=external_url("web.index"),
    )
    message = MemberMessage(
        subject=subject,
        recipients=[(user.name, user.email)],
        body=_render(f"mail/{template}.txt", context),
        html=_render(f"mail/{template}.html", context),
        sender=current_app.config["MAIL_DEFAULT_SENDER"],
        extra_headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.msgId = make_msgid(domain=urlsplit(current_app.config["IDEALAARI_BASE_URL"]).hostname)
    return message


class MemberMessage(Message):
    """A Flask-Mail message whose long headers stay readable."""

    def _message(self):
        msg = super()._message()
        # The default 78-column folding turns a long List-Unsubscribe URL into RFC 2047 encoded
        # words, which mail programs do not read as a link; RFC 5322 allows 998 characters.
        msg.policy = email.policy.SMTP.clone(max_line_length=998)
        return msg


class _TextExtractor(HTMLParser):
    """Sanitised Markdown HTML to readable plain text: paragraphs, list marks, link targets."""

    BLOCKS = {"p", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6", "table", "tr", "ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[tuple[str | None, int]] = []
        self.lists: list[int | None] = []  # per open list: the next number, or None for bullets
        self.in_pre = False

    def handle_starttag(self, tag, attrs):
        if tag == "pre":
            self.in_pre = True
        elif tag == "ul":
            self.lists.append(None)
        elif tag == "ol":
            self.lists.append(int(dict(attrs).get("start") or 1))
        elif tag == "li":
            if self.parts and self.parts[-1] != "\n\n":  # text of an item that holds a list
                self.parts[-1] = self.parts[-1].rstrip()
            mark = "-"
            if self.lists and self.lists[-1] is not None:
                mark = f"{self.lists[-1]}."
                self.lists[-1] += 1
            self.parts.append("\n" + "  " * max(len(self.lists) - 1, 0) + mark + " ")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "a":
            self.links.append((dict(attrs).get("href"), len(self.parts)))
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag == "pre":
            self.in_pre = False
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag == "a" and self.links:
            href, start = self.links.pop()
            if href and href not in "".join(self.parts[start:]):
                self.parts.append(f" ({href})")
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if data.isspace() and "\n" in data and not self.in_pre:
            return  # the line breaks between tags; blocks make their own
        self.parts.append(data)


def markdown_to_text(body: str, limit: int = 2000) -> str:
    """A member's Markdown as plain text for the text part of a mail, cut at `limit` characters."""
    parser = _TextExtractor()
    parser.feed(str(render_markdown(body)))
    parser.close()
    text = re.sub(r"[ \t]+\n", "\n", "".join(parser.parts))
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text


# Transport


class _SMTPConnection(Connection):
    """Flask-Mail's connection, with a timeout and no half-open socket after a failed login."""

    def configure_host(self) -> smtplib.SMTP:
        state = self.mail
        smtp_class = smtplib.SMTP_SSL if state.use_ssl else smtplib.SMTP
        host = smtp_class(state.server, state.port, timeout=SMTP_TIMEOUT)
        try:
            host.set_debuglevel(int(state.debug))
            if state.use_tls:
                host.starttls()
            if state.username and state.password:
                host.login(state.username, state.password)
        except BaseException:
            host.close()
            raise
        return host


class Mailer(abc.ABC):
    """An open way out for messages, from `open_mailer()`."""

    @abc.abstractmethod
    def send(self, message: Message) -> None:
        """Hand one message over (to SMTP, or to the development outbox)."""


class _SMTPMailer(Mailer):
    def __init__(self, connection: _SMTPConnection):
        self.connection = connection

    def send(self, message: Message) -> None:
        try:
            self.connection.send(message)
        except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError) as e:
            raise MessageRefused(
                f"The SMTP server refused the message to {message.recipients}: {e}"
            ) from e
        except (OSError, smtplib.SMTPException) as e:
            state = self.connection.mail
            raise MailUnavailable(
                f"Sending through the SMTP server {state.server}:{state.port} failed: {e}"
            ) from e


class _OutboxMailer(Mailer):
    """Development: each message becomes an .eml file that any mail program opens."""

    def __init__(self, directory: Path):
        self.directory = directory

    def send(self, message: Message) -> None:
        name = f"{uuid.uuid4().hex}.eml"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            partial = self.directory / f".{name}.part"
            partial.write_bytes(message.as_bytes())
            # Rename, so whoever watches the folder never opens half a message.
            os.replace(partial, self.directory / _outbox_name(message, name))
        except OSError as e:
            raise MailUnavailable(
                f"Could not write to the mail outbox {self.directory}: {e}"
            ) from e
        email_dispatched.send(current_app._get_current_object(), message=message)


def _outbox_name(message: Message, unique: str) -> str:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    recipient = message.recipients[0]
    address = recipient[1] if isinstance(recipient, tuple) else recipient
    safe = re.sub(r"[^A-Za-z0-9@._-]", "_", address)
    return f"{stamp}-{safe}-{unique}"


@contextmanager
def open_mailer() -> Iterator[Mailer]:
    """Open the configured way out; MailUnavailable when it cannot be opened.

    With MAIL_SUPPRESS_SEND (on by default when TESTING) nothing leaves, whichever backend;
    Flask-Mail's `record_messages()` still sees each message.
    """
    app = current_app
    state = app.extensions["mail"]
    if app.config["IDEALAARI_MAIL_BACKEND"] == "outbox" and not state.suppress:
        yield _OutboxMailer(Path(app.config["IDEALAARI_MAIL_OUTBOX"]))
        return
    connection = _SMTPConnection(state)
    try:
        connection.__enter__()
    except (OSError, smtplib.SMTPException) as e:
        raise MailUnavailable(
            f"Could not connect to the SMTP server {state.server}:{state.port}: {e}"
        ) from e
    try:
        yield _SMTPMailer(connection)
    finally:
        if connection.host is not None:
            try:
                connection.host.quit()
            except (OSError, smtplib.SMTPException):
                connection.host.close()
