"""The queue's health and the metrics page, and the daily mail about overdue items."""

from __future__ import annotations

from datetime import timedelta

from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.moderation import queries, services
from idealaari.moderation.items import Item
from idealaari.moderation.models import ModerationCase
from idealaari.moderation.notifications import notify_overdue
from idealaari.notifications.models import Notification
from idealaari.targets import TargetKind


def _report(user, idea, when):
    services.report(reporter=user, kind="idea", item_id=idea.id, reason="spam", now=when)
    db.session.commit()


def test_health_and_decision_times(make_idea, members, moderator):
    now = utcnow()
    old, new = make_idea(), make_idea()
    a, b = members(2)
    _report(a, old, now - timedelta(hours=50))
    _report(b, new, now - timedelta(hours=2))
    health = queries.health(now)
    assert health.open_items == 2 and health.overdue == 1
    assert timedelta(hours=49) < health.oldest_wait < timedelta(hours=51)
    assert health.median_decision is None
    services.dismiss(moderator=moderator, item=Item(TargetKind.IDEA, new), reason="OK", now=now)
    db.session.commit()
    health = queries.health(now)
    assert health.open_items == 1
    assert timedelta(hours=1, minutes=59) < health.median_decision < timedelta(hours=2, minutes=1)
    figures = queries.decision_figures(30, now)
    assert figures.decided == 1 and figures.p90 == figures.median


def test_the_metrics_page_counts_a_decision(client, login, make_idea, members, moderator):
    idea = make_idea()
    _report(members(1)[0], idea, utcnow() - timedelta(hours=3))
    services.dismiss(moderator=moderator, item=Item(TargetKind.IDEA, idea), reason="OK")
    db.session.commit()
    login(moderator)
    page = client.get("/moderation/metrics")
    assert page.status_code == 200
    assert "Time to a decision" in page.text and "Actions per moderator" in page.text
    assert moderator.name in page.text
    assert "<svg" in page.text and "Show as table" in page.text


def test_overdue_mail_goes_once_a_day(make_idea, members, moderator, app):
    now = utcnow()
    idea = make_idea()
    _report(members(1)[0], idea, now - timedelta(hours=49))
    made = notify_overdue(now=now)
    db.session.commit()
    assert [n.user_id for n in made] == [moderator.id]
    assert made[0].data["count"] == 1
    assert notify_overdue(now=now + timedelta(hours=1)) == []
    db.session.commit()
    assert len(notify_overdue(now=now + timedelta(hours=21))) == 1


def test_nothing_overdue_sends_nothing(make_idea, members, moderator):
    idea = make_idea()
    _report(members(1)[0], idea, utcnow() - timedelta(hours=10))
    assert notify_overdue(now=utcnow()) == []
    assert (
        db.session.scalar(
            db.select(db.func.count(Notification.id)).where(
                Notification.kind == "moderation_overdue"
            )
        )
        == 0
    )
    assert db.session.scalar(db.select(ModerationCase)).is_open


def test_the_cli_command(runner, make_idea, members, moderator):
    idea = make_idea()
    _report(members(1)[0], idea, utcnow() - timedelta(hours=72))
    result = runner.invoke(args=["moderation", "send-overdue"])
    assert result.exit_code == 0, result.output
    assert "1 moderators told" in result.output
