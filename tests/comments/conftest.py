"""Comment fixtures: comments are made through the service, as members make them."""

from __future__ import annotations

import pytest

from idealaari.comments import services
from idealaari.extensions import db
from tests import factories


@pytest.fixture
def make_comment(app):
    """Post a comment (committed); `created_at` puts it in the past without waiting."""

    def make(
        *, idea, author=None, body="Hyvä idea, kokeillaan meilläkin!", parent=None, created_at=None
    ):
        comment = services.post_comment(
            discussion=idea.discussion,
            author=author or factories.make_user(),
            body=body,
            parent=parent,
            now=created_at,
        )
        db.session.commit()
        return comment

    return make


@pytest.fixture
def fragment_headers(htmx_headers):
    """htmx headers for a request whose response replaces the element with this id."""

    def headers(target: str) -> dict:
        return {**htmx_headers, "HX-Target": target, "HX-Current-URL": "http://idealaari.test/"}

    return headers
