"""Reports: once per member, auto-hide exactly at the threshold, the author told and shown."""

from __future__ import annotations

import pytest

from idealaari.audit.models import AuditEntry
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus
from idealaari.moderation import services
from idealaari.moderation.models import ModerationCase, Report
from idealaari.notifications.models import Notification
from idealaari.site import settings
from idealaari.targets import TargetKind


def _report(user, item, kind="idea", reason="spam", note=""):
    row = services.report(reporter=user, kind=kind, item_id=item.id, reason=reason, note=note)
    db.session.commit()
    return row


def test_hidden_exactly_at_the_threshold(make_idea, members):
    idea = make_idea()
    a, b, c = members(3)
    _report(a, idea)
    _report(b, idea, reason="offensive")
    assert db.session.get(type(idea), idea.id).status == IdeaStatus.PUBLISHED
    _report(c, idea)
    idea = db.session.get(type(idea), idea.id)
    assert idea.status == IdeaStatus.HIDDEN
    assert idea.hidden_reason is None  # pending review
    case = db.session.scalar(db.select(ModerationCase))
    assert case.report_count == 3 and case.auto_hidden and case.is_open
    assert db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "auto_hidden"))
    told = db.session.scalars(
        db.select(Notification).where(Notification.user_id == idea.author_id)
    ).all()
    assert [n.kind for n in told] == ["content_hidden"]


def test_the_threshold_is_a_site_setting(make_idea, members, moderator):
    settings.change(actor=moderator, changes={"report_threshold": "1"})
    db.session.commit()
    idea = make_idea()
    _report(members(1)[0], idea)
    assert db.session.get(type(idea), idea.id).status == IdeaStatus.HIDDEN


def test_the_same_member_reporting_twice_counts_once(make_idea, members):
    idea = make_idea()
    a, b = members(2)
    _report(a, idea)
    with pytest.raises(services.ModerationError, match="already reported"):
        _report(a, idea, reason="other")
    db.session.rollback()
    _report(b, idea)
    case = db.session.scalar(db.select(ModerationCase))
    assert case.report_count == 2
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 2
    assert db.session.get(type(idea), idea.id).status == IdeaStatus.PUBLISHED


def test_own_posts_cannot_be_reported(make_idea, members):
    author = members(1)[0]
    idea = make_idea(author=author)
    with pytest.raises(services.ModerationForbidden, match="your own"):
        _report(author, idea)


def test_a_comment_is_held_at_the_threshold(make_idea, make_comment, members):
    idea = make_idea()
    comment = make_comment(idea=idea)
    for user in members(3):
        _report(user, comment, kind="comment", reason="personal_data")
    comment = db.session.get(type(comment), comment.id)
    assert comment.hidden_at is not None and comment.hidden_reason is None


def test_report_form_errors_and_success(client, login, make_idea, members):
    idea = make_idea()
    login(members(1)[0])
    url = f"/moderation/report/idea/{idea.id}"
    page = client.get(url)
    assert page.status_code == 200 and "Why are you reporting this?" in page.text
    refused = client.post(url, data={"reason": "nonsense", "note": "x"})
    assert refused.status_code == 422
    long_note = client.post(url, data={"reason": "spam", "note": "x" * 1001})
    assert long_note.status_code == 422
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 0
    done = client.post(url, data={"reason": "spam", "note": "Mainos"})
    assert done.status_code == 302
    again = client.get(url, follow_redirects=True)
    assert "already reported" in again.text
    assert db.session.scalar(db.select(Report.note)) == "Mainos"


def test_reporting_needs_a_login(client, make_idea):
    idea = make_idea()
    response = client.post(f"/moderation/report/idea/{idea.id}", data={"reason": "spam"})
    assert response.status_code in (302, 401)
    assert db.session.scalar(db.select(db.func.count(Report.id))) == 0


def test_drafts_and_unknown_items_cannot_be_reported(client, login, make_idea, members):
    draft = make_idea(status=IdeaStatus.DRAFT)
    login(members(1)[0])
    assert client.get(f"/moderation/report/idea/{draft.id}").status_code == 404
    assert client.get("/moderation/report/idea/999999").status_code == 404
    assert client.get(f"/moderation/report/poll/{draft.id}").status_code == 404


def test_the_author_sees_pending_review(client, login, make_idea, members):
    author, *others = members(4)
    idea = make_idea(author=author)
    for user in others:
        _report(user, idea)
    login(author)
    page = client.get(f"/ideas/{idea.id}", follow_redirects=True)
    assert page.status_code == 200
    assert "hidden pending review" in page.text
    assert TargetKind.IDEA == "idea"
