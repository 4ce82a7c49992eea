"""Plain helpers for the notification tests."""

from __future__ import annotations

import email.message
import socket
from urllib.parse import urlsplit

BASE_URL = "https://idealaari.example.fi"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def text_part(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message: email.message.EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def unsubscribe_path(message: email.message.EmailMessage) -> str:
    """The path of the List-Unsubscribe link, to open with the test client."""
    header = message["List-Unsubscribe"]
    assert header.startswith("<" + BASE_URL) and header.endswith(">"), header
    return urlsplit(header[1:-1]).path
