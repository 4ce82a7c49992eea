"""Moderator decisions: dismiss, hide, restore, title, lock, feature; each logged with a reason,
the author told of a hide and a restore."""

from __future__ import annotations

import pytest

from idealaari.audit.models import AuditEntry
from idealaari.extensions import db
from idealaari.ideas.models import Idea, IdeaRevision, IdeaStatus
from idealaari.moderation import services
from idealaari.moderation.items import Item
from idealaari.moderation.models import Decision, ModerationCase
from idealaari.notifications.models import Notification
from idealaari.targets import TargetKind


def _actions():
    return [e.action for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))]


def _kinds(user_id):
    return [
        n.kind
        for n in db.session.scalars(
            db.select(Notification).where(Notification.user_id == user_id).order_by(Notification.id)
        )
    ]


def _hide_by_reports(idea, users):
    for u in users:
        services.report(reporter=u, kind="idea", item_id=idea.id, reason="spam")
    db.session.commit()


def test_dismiss_shows_an_auto_hidden_idea_again(make_idea, members, moderator):
    idea = make_idea()
    _hide_by_reports(idea, members(3))
    services.dismiss(moderator=moderator, item=Item(TargetKind.IDEA, idea), reason="Asiallinen")
    db.session.commit()
    idea = db.session.get(Idea, idea.id)
    assert idea.status == IdeaStatus.PUBLISHED
    case = db.session.scalar(db.select(ModerationCase))
    assert case.decision == Decision.DISMISSED and not case.is_open
    assert case.decided_by_id == moderator.id and case.decision_reason == "Asiallinen"
    assert _actions() == ["auto_hidden", "case_dismissed"]


def test_hide_and_restore_tell_the_author_with_the_reason(make_idea, moderator):
    idea = make_idea()
    item = Item(TargetKind.IDEA, idea)
    services.hide(moderator=moderator, item=item, reason="Sisältää henkilötietoja")
    db.session.commit()
    idea = db.session.get(Idea, idea.id)
    assert idea.status == IdeaStatus.HIDDEN and idea.hidden_reason == "Sisältää henkilötietoja"
    services.restore(moderator=moderator, item=Item(TargetKind.IDEA, idea), reason="Korjattu")
    db.session.commit()
    idea = db.session.get(Idea, idea.id)
    assert idea.status == IdeaStatus.PUBLISHED and idea.hidden_reason is None
    assert _kinds(idea.author_id) == ["content_hidden", "content_restored"]
    notes = db.session.scalars(
        db.select(Notification).where(Notification.user_id == idea.author_id)
    ).all()
    assert [n.data["reason"] for n in notes] == ["Sisältää henkilötietoja", "Korjattu"]
    assert _actions() == ["item_hidden", "item_restored"]


def test_an_archived_idea_returns_to_the_archive(make_idea, moderator):
    idea = make_idea(status=IdeaStatus.ARCHIVED)
    services.hide(moderator=moderator, item=Item(TargetKind.IDEA, idea), reason="Syy")
    services.restore(moderator=moderator, item=Item(TargetKind.IDEA, idea), reason="Syy")
    db.session.commit()
    assert db.session.get(Idea, idea.id).status == IdeaStatus.ARCHIVED


def test_every_action_needs_a_reason(make_idea, moderator):
    idea = make_idea()
    with pytest.raises(services.ModerationError, match="reason"):
        services.hide(moderator=moderator, item=Item(TargetKind.IDEA, idea), reason="  ")
    with pytest.raises(services.ModerationError, match="reason"):
        services.set_comments_locked(moderator=moderator, idea=idea, locked=True, reason="")


def test_title_edit_is_kept_in_history_as_a_moderator_edit(make_idea, moderator):
    idea = make_idea(title="ideaa")
    services.edit_title(
        moderator=moderator, idea=idea, title="Kotihoidon etäkäynnit", reason="Selkeämpi otsikko"
    )
    db.session.commit()
    revision = db.session.scalar(
        db.select(IdeaRevision)
        .where(IdeaRevision.idea_id == idea.id)
        .order_by(IdeaRevision.number.desc())
    )
    assert revision.moderation_reason == "Selkeämpi otsikko"
    assert revision.editor_id == moderator.id
    entry = db.session.scalar(db.select(AuditEntry))
    assert (entry.action, entry.before, entry.after) == (
        "title_edited",
        "ideaa",
        "Kotihoidon etäkäynnit",
    )


def test_locked_comments_refuse_members_but_not_moderators(make_idea, moderator, members):
    from idealaari import permissions

    idea = make_idea()
    services.set_comments_locked(moderator=moderator, idea=idea, locked=True, reason="Kiistaa")
    db.session.commit()
    member = members(1)[0]
    assert "closed the comments" in permissions.comment_refusal(member, idea)
    assert permissions.can_comment(moderator, idea)
    services.set_comments_locked(moderator=moderator, idea=idea, locked=False, reason="Rauhoittui")
    db.session.commit()
    assert permissions.can_comment(member, idea)
    assert _actions() == ["comments_locked", "comments_unlocked"]


def test_featured_ideas_lead_the_front_page(client, make_idea, moderator):
    idea = make_idea(title="Nostettava idea kotihoidosta")
    services.set_featured(moderator=moderator, idea=idea, featured=True, reason="Hyvä esimerkki")
    db.session.commit()
    page = client.get("/")
    assert "Featured by the moderators" in page.text
    assert page.text.index("Nostettava idea kotihoidosta") < page.text.index("New ideas")
    draft = make_idea(status=IdeaStatus.DRAFT)
    with pytest.raises(services.ModerationError, match="published"):
        services.set_featured(moderator=moderator, idea=draft, featured=True, reason="x")


def test_the_actions_through_the_pages(client, login, make_idea, moderator):
    idea = make_idea()
    login(moderator)
    base = f"/moderation/item/idea/{idea.id}"
    assert client.get(base).status_code == 200
    missing = client.post(f"{base}/hide", data={"reason": ""})
    assert missing.status_code == 422 and "Give a reason" in missing.text
    assert db.session.get(Idea, idea.id).status == IdeaStatus.PUBLISHED
    for action in ("hide", "restore", "lock", "unlock", "feature", "unfeature"):
        response = client.post(f"{base}/{action}", data={"reason": f"Syy {action}"})
        assert response.status_code == 302, action
    response = client.post(
        f"{base}/title", data={"title": "Uusi selkeä otsikko", "reason": "Selkeys"}
    )
    assert response.status_code == 302
    assert client.post(f"{base}/explode", data={"reason": "x"}).status_code == 404
    assert _actions() == [
        "item_hidden",
        "item_restored",
        "comments_locked",
        "comments_unlocked",
        "idea_featured",
        "idea_unfeatured",
        "title_edited",
    ]
    page = client.get(base)
    assert "Syy hide" in page.text  # the history lists the reasons


def test_hiding_a_comment_from_the_discussion_is_logged(
    client, login, make_idea, make_comment, moderator
):
    idea = make_idea()
    comment = make_comment(idea=idea)
    login(moderator)
    response = client.post(f"/comments/{comment.id}/hide", data={"reason": "Asiaton"})
    assert response.status_code in (302, 303)
    assert _actions() == ["item_hidden"]
    assert _kinds(comment.author_id) == ["content_hidden"]


def test_the_history_page_marks_a_moderators_edit(client, make_idea, moderator):
    idea = make_idea(title="ideaa")
    services.edit_title(
        moderator=moderator, idea=idea, title="Selkeä otsikko", reason="Otsikko kertoo sisällön"
    )
    db.session.commit()
    page = client.get(f"/ideas/{idea.id}/history")
    assert "Moderator’s edit" in page.text and "Otsikko kertoo sisällön" in page.text
