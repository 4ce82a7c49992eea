"""Account fixtures: the notification tests' real SMTP server receives account mail too."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.notifications.conftest import smtp_server  # noqa: F401
from tests.notifications.helpers import BASE_URL, text_part


def link_path(message, start: str) -> str:
    """The path of the first link in the mail's text that starts with `start`."""
    urls = re.findall(re.escape(BASE_URL) + r"/\S+", text_part(message))
    paths = [urlsplit(url).path for url in urls if urlsplit(url).path.startswith(start)]
    assert paths, text_part(message)
    return paths[0]


@pytest.fixture
def link():
    return link_path
