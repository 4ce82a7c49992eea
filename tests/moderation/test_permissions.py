"""Every moderation route is refused to anonymous users, members and area contacts: by direct
URL, form post and htmx post. The audit log's CSV is for admins only."""

from __future__ import annotations

import pytest

from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaStatus
from tests import factories

GETS = ["/moderation/", "/moderation/log", "/moderation/metrics", "/moderation/item/idea/{id}"]
POSTS = [
    "/moderation/item/idea/{id}/hide",
    "/moderation/item/idea/{id}/restore",
    "/moderation/item/idea/{id}/dismiss",
    "/moderation/item/idea/{id}/lock",
    "/moderation/item/idea/{id}/feature",
    "/moderation/item/idea/{id}/title",
    "/moderation/item/idea/{id}/merge",
    "/moderation/merges/1/undo",
]


@pytest.fixture
def idea(make_idea):
    return make_idea()


@pytest.mark.parametrize("role", [None, Role.MEMBER, Role.AREA_CONTACT])
def test_moderation_is_refused(client, login, idea, role, htmx_headers):
    if role is not None:
        login(factories.make_user(role=role, organisation=idea.organisation))
    for path in GETS:
        response = client.get(path.format(id=idea.id))
        assert response.status_code in ((302, 401) if role is None else (403,)), path
    data = {"reason": "Piilotetaan", "title": "Uusi otsikko", "target": str(idea.id)}
    for path in POSTS:
        url = path.format(id=idea.id)
        form = client.post(url, data=data)
        assert form.status_code in ((302, 401) if role is None else (403,)), url
        hx = client.post(url, data=data, headers=htmx_headers)
        assert hx.status_code in ((401,) if role is None else (403,)), url
    fresh = db.session.get(Idea, idea.id)
    assert fresh.status == IdeaStatus.PUBLISHED and not fresh.comments_locked
    assert fresh.featured_at is None


@pytest.mark.parametrize("role", [None, Role.MEMBER, Role.AREA_CONTACT, Role.MODERATOR])
def test_the_log_export_is_for_admins(client, login, role):
    if role is not None:
        login(factories.make_user(role=role))
    response = client.get("/moderation/log.csv")
    assert response.status_code in ((302, 401) if role is None else (403,))


def test_moderators_see_the_pages(client, login, moderator, idea):
    login(moderator)
    for path in GETS:
        assert client.get(path.format(id=idea.id)).status_code == 200, path
