"""Comment services and permission rules, mostly from the side that must be refused."""

from datetime import timedelta

import pytest
from flask_login import AnonymousUserMixin
from sqlalchemy import select

from idealaari import permissions
from idealaari.accounts.models import Role
from idealaari.comments import services
from idealaari.comments.models import Comment
from idealaari.comments.notifications import CommentNotice
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus
from idealaari.notifications.models import Notification


def test_post_keeps_the_text_trimmed(make_idea, make_user):
    idea = make_idea()
    comment = services.post_comment(
        discussion=idea.discussion, author=make_user(), body="  Hyvä **idea**!\r\n "
    )
    assert comment.id is not None and comment.body == "Hyvä **idea**!"
    assert comment.parent_id is None and comment.is_visible


def test_reply_to_a_reply_joins_the_top_level_comment(make_idea, make_user, make_comment):
    idea = make_idea()
    top = make_comment(idea=idea)
    reply = make_comment(idea=idea, parent=top)
    second = services.post_comment(
        discussion=idea.discussion, author=make_user(), body="Samaa mieltä", parent=reply
    )
    assert reply.parent_id == top.id and second.parent_id == top.id


def test_reply_tells_the_parents_author(make_idea, make_user, make_comment):
    idea = make_idea()
    top = make_comment(idea=idea)
    replier = make_user()
    reply = services.post_comment(
        discussion=idea.discussion, author=replier, body="Kiitos", parent=top
    )
    notice = db.session.scalar(
        select(Notification).where(
            Notification.target_kind == "comment", Notification.target_id == reply.id
        )
    )
    assert notice.user_id == top.author_id and notice.kind == CommentNotice.REPLY


def test_reply_to_a_comment_of_another_idea_is_refused(make_idea, make_user, make_comment):
    other = make_comment(idea=make_idea())
    with pytest.raises(services.CommentError) as refused:
        services.post_comment(
            discussion=make_idea().discussion, author=make_user(), body="Hei", parent=other
        )
    assert refused.value.status == 422 and "this discussion" in str(refused.value)


@pytest.mark.parametrize("body", ["", "   \n  ", None, "x" * 10_001])
def test_empty_or_too_long_comment_is_refused(make_idea, make_user, body):
    with pytest.raises(services.CommentError) as refused:
        services.post_comment(discussion=make_idea().discussion, author=make_user(), body=body)
    assert refused.value.status == 422


def test_ten_thousand_characters_is_the_most(make_idea, make_user):
    comment = services.post_comment(
        discussion=make_idea().discussion, author=make_user(), body="x" * 10_000
    )
    assert len(comment.body) == 10_000


@pytest.mark.parametrize(
    "status, message",
    [
        (IdeaStatus.ARCHIVED, "archived"),
        (IdeaStatus.DRAFT, "published"),
        (IdeaStatus.HIDDEN, "does not take comments"),
        (IdeaStatus.MERGED, "does not take comments"),
    ],
)
def test_only_published_ideas_take_comments(make_idea, make_user, status, message):
    idea = make_idea(status=status)
    with pytest.raises(services.CommentForbidden) as refused:
        services.post_comment(
            discussion=idea.discussion, author=make_user(role=Role.MODERATOR), body="Hei"
        )
    assert refused.value.status == 403 and message in str(refused.value)
    assert db.session.scalar(select(Comment)) is None


def test_visitors_cannot_comment(make_idea):
    with pytest.raises(services.CommentForbidden):
        services.post_comment(
            discussion=make_idea().discussion, author=AnonymousUserMixin(), body="Hei"
        )


def test_same_post_twice_within_a_minute_makes_one_comment(make_idea, make_user):
    idea, author = make_idea(), make_user()
    now = utcnow()
    first = services.post_comment(
        discussion=idea.discussion, author=author, body="Hyvä idea", now=now
    )
    again = services.post_comment(
        discussion=idea.discussion,
        author=author,
        body=" Hyvä idea ",
        now=now + timedelta(seconds=30),
    )
    assert again.id == first.id
    assert len(db.session.scalars(select(Comment)).all()) == 1


def test_same_text_later_or_elsewhere_is_a_new_comment(make_idea, make_user):
    idea, author = make_idea(), make_user()
    now = utcnow()
    first = services.post_comment(
        discussion=idea.discussion, author=author, body="Hyvä idea", now=now
    )
    as_reply = services.post_comment(
        discussion=idea.discussion, author=author, body="Hyvä idea", parent=first, now=now
    )
    by_other = services.post_comment(
        discussion=idea.discussion, author=make_user(), body="Hyvä idea", now=now
    )
    later = services.post_comment(
        discussion=idea.discussion, author=author, body="Hyvä idea", now=now + timedelta(seconds=61)
    )
    assert len({first.id, as_reply.id, by_other.id, later.id}) == 4


def test_reposting_a_removed_comment_makes_a_new_one(make_idea, make_user):
    idea, author = make_idea(), make_user()
    first = services.post_comment(discussion=idea.discussion, author=author, body="Hyvä idea")
    services.delete_comment(comment=first, actor=author)
    assert (
        services.post_comment(discussion=idea.discussion, author=author, body="Hyvä idea").id
        != first.id
    )


def test_author_edits_within_fifteen_minutes(make_idea, make_comment):
    comment = make_comment(idea=make_idea(), created_at=utcnow() - timedelta(minutes=14))
    assert services.edit_comment(comment=comment, editor=comment.author, body="Korjattu teksti")
    assert comment.body == "Korjattu teksti" and comment.edited_at is not None
    assert not services.edit_comment(comment=comment, editor=comment.author, body="Korjattu teksti")


def test_editing_after_fifteen_minutes_is_refused(make_idea, make_comment):
    comment = make_comment(idea=make_idea(), created_at=utcnow() - timedelta(minutes=16))
    with pytest.raises(services.CommentForbidden) as refused:
        services.edit_comment(comment=comment, editor=comment.author, body="Myöhässä")
    assert "15 minutes" in str(refused.value)
    db.session.refresh(comment)
    assert comment.body != "Myöhässä" and comment.edited_at is None


def test_others_cannot_edit(make_idea, make_user, make_comment):
    comment = make_comment(idea=make_idea())
    for editor in (make_user(), make_user(role=Role.MODERATOR), AnonymousUserMixin()):
        with pytest.raises(services.CommentForbidden):
            services.edit_comment(comment=comment, editor=editor, body="Vieras muokkaus")


def test_edit_to_empty_is_refused(make_idea, make_comment):
    comment = make_comment(idea=make_idea())
    with pytest.raises(services.CommentError) as refused:
        services.edit_comment(comment=comment, editor=comment.author, body="  ")
    assert refused.value.status == 422


def test_removed_or_hidden_comment_cannot_be_edited(make_idea, make_user, make_comment):
    removed, hidden = make_comment(idea=make_idea()), make_comment(idea=make_idea())
    services.delete_comment(comment=removed, actor=removed.author)
    services.hide_comment(
        comment=hidden, moderator=make_user(role=Role.MODERATOR), reason="Asiaton"
    )
    for comment in (removed, hidden):
        with pytest.raises(services.CommentForbidden):
            services.edit_comment(comment=comment, editor=comment.author, body="Uusi")


def test_author_removes_and_replies_stay(make_idea, make_comment):
    idea = make_idea()
    top = make_comment(idea=idea, created_at=utcnow() - timedelta(days=30))
    reply = make_comment(idea=idea, parent=top)
    services.delete_comment(comment=top, actor=top.author)
    services.delete_comment(comment=top, actor=top.author)  # twice is harmless
    db.session.commit()
    assert top.deleted_at is not None and not top.is_visible
    assert db.session.get(Comment, reply.id).is_visible and top.replies == [reply]


def test_others_cannot_remove(make_idea, make_user, make_comment):
    comment = make_comment(idea=make_idea())
    for actor in (make_user(), make_user(role=Role.MODERATOR), AnonymousUserMixin()):
        with pytest.raises(services.CommentForbidden):
            services.delete_comment(comment=comment, actor=actor)
    assert comment.deleted_at is None


@pytest.mark.parametrize("role", [Role.MEMBER, Role.AREA_CONTACT])
def test_members_cannot_hide_or_unhide(make_idea, make_user, make_comment, role):
    comment = make_comment(idea=make_idea())
    with pytest.raises(services.CommentForbidden):
        services.hide_comment(comment=comment, moderator=make_user(role=role), reason="Asiaton")
    services.hide_comment(comment=comment, moderator=make_user(role=Role.ADMIN), reason="Asiaton")
    with pytest.raises(services.CommentForbidden):
        services.unhide_comment(comment=comment, moderator=make_user(role=role))
    assert comment.hidden_at is not None


def test_moderator_hides_with_a_reason_and_unhides(make_idea, make_user, make_comment):
    comment = make_comment(idea=make_idea())
    moderator = make_user(role=Role.MODERATOR)
    with pytest.raises(services.CommentError):
        services.hide_comment(comment=comment, moderator=moderator, reason="  ")
    services.hide_comment(comment=comment, moderator=moderator, reason="Henkilötietoja")
    assert not comment.is_visible and comment.hidden_reason == "Henkilötietoja"
    assert comment.hidden_by_id == moderator.id
    services.unhide_comment(comment=comment, moderator=moderator)
    assert comment.is_visible and comment.hidden_reason is None


# The rules in idealaari/permissions.py, from the refused side.


def test_can_comment_refuses_visitors_and_unpublished_ideas(make_idea, make_user):
    member = make_user()
    assert not permissions.can_comment(AnonymousUserMixin(), make_idea())
    assert not permissions.can_comment(None, make_idea())
    for status in (IdeaStatus.DRAFT, IdeaStatus.ARCHIVED, IdeaStatus.HIDDEN, IdeaStatus.MERGED):
        assert not permissions.can_comment(member, make_idea(status=status))
    assert permissions.can_comment(member, make_idea())


def test_can_edit_comment_refuses_others_late_and_gone(make_idea, make_user, make_comment):
    comment = make_comment(idea=make_idea())
    now = comment.created_at
    assert not permissions.can_edit_comment(make_user(), comment, now)
    assert not permissions.can_edit_comment(AnonymousUserMixin(), comment, now)
    assert permissions.can_edit_comment(comment.author, comment, now + timedelta(minutes=15))
    assert not permissions.can_edit_comment(
        comment.author, comment, now + timedelta(minutes=15, seconds=1)
    )
    comment.hidden_at = now
    assert not permissions.can_edit_comment(comment.author, comment, now)


def test_can_delete_comment_refuses_others_and_removed(make_idea, make_user, make_comment):
    comment = make_comment(idea=make_idea(), created_at=utcnow() - timedelta(days=365))
    assert permissions.can_delete_comment(comment.author, comment)
    assert not permissions.can_delete_comment(make_user(role=Role.MODERATOR), comment)
    assert not permissions.can_delete_comment(AnonymousUserMixin(), comment)
    comment.deleted_at = utcnow()
    assert not permissions.can_delete_comment(comment.author, comment)


def test_can_hide_comment_only_moderators(make_user):
    assert not permissions.can_hide_comment(None)
    assert not permissions.can_hide_comment(AnonymousUserMixin())
    assert not permissions.can_hide_comment(make_user())
    assert not permissions.can_hide_comment(make_user(role=Role.AREA_CONTACT))
    assert permissions.can_hide_comment(make_user(role=Role.MODERATOR))
    assert permissions.can_hide_comment(make_user(role=Role.ADMIN))
