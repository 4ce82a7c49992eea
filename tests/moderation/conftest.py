"""Moderation fixtures: members, a moderator, and comments made through the service."""

from __future__ import annotations

import pytest

from idealaari.accounts.models import Role
from idealaari.comments import services as comment_services
from idealaari.extensions import db
from tests import factories


@pytest.fixture
def moderator(app):
    user = factories.make_user(role=Role.MODERATOR, name="Moderaattori Maija")
    db.session.commit()
    return user


@pytest.fixture
def members(app):
    def make(n):
        users = [factories.make_user() for _ in range(n)]
        db.session.commit()
        return users

    return make


@pytest.fixture
def make_comment(app):
    def make(*, idea, author=None, body="Hyvä idea, kokeillaan meilläkin!"):
        comment = comment_services.post_comment(
            discussion=idea.discussion, author=author or factories.make_user(), body=body
        )
        db.session.commit()
        return comment

    return make
