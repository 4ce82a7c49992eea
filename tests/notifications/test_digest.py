"""The daily or weekly digest: grouped by idea, with the text of new comments, never twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas import notifications as idea_notifications
from idealaari.ideas.models import Phase
from idealaari.notifications import delivery
from idealaari.notifications.models import Notification
from tests.notifications.helpers import BASE_URL, html_part, text_part, unsubscribe_path


@pytest.fixture
def make_idea(make_idea):
    """Ideas whose authors (who follow their own ideas) have mail off: only followers count here."""

    def make(**fields):
        idea = make_idea(**fields)
        idea.author.digest_frequency = "off"
        db.session.commit()
        return idea

    return make


@pytest.fixture
def follower(make_user, follow):
    """A member who follows the given ideas, with the given digest frequency."""

    def make(*ideas, frequency="weekly"):
        member = make_user()
        member.digest_frequency = frequency
        db.session.commit()
        for idea in ideas:
            follow(member, "idea", idea.id)
        return member

    return make


def rows_of(user) -> list[Notification]:
    db.session.expire_all()
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def test_digest_groups_by_idea_with_the_comments_text(
    smtp_server, make_idea, make_user, make_comment, follower, now
):
    first = make_idea(title="Kotihoidon etäkäynnit")
    second = make_idea(title="Digituki ikäihmisille")
    member = follower(first, second)
    commenter = make_user(name="Kaisa Kommentoija")
    make_comment(
        idea=first,
        author=commenter,
        body="Meillä tämä toimi **hyvin**: [katso](https://thl.fi).",
        created_at=now - timedelta(hours=3),
    )
    make_comment(
        idea=second,
        author=commenter,
        body="Kiinnostava, kokeillaan Porissa.",
        created_at=now - timedelta(hours=2),
    )
    idea_notifications.notify_phase_change(idea=first, old_phase="ideation", actor=first.author)
    first.phase = Phase.TESTING
    db.session.commit()

    result = delivery.send_digests(now=now + timedelta(minutes=1))
    assert [o.email for o in result.sent] == [member.email]
    [message] = smtp_server.to(member.email)
    assert message["Subject"] == "Idealaari: your weekly digest"
    text = text_part(message)
    # The idea with the newest news first; each idea once, with its own news under it.
    assert text.index("== Kotihoidon etäkäynnit ==") < text.index("== Digituki ikäihmisille ==")
    first_part, second_part = text.split("== Digituki ikäihmisille ==")
    assert "Kaisa Kommentoija commented on “Kotihoidon etäkäynnit”" in first_part
    assert "Meillä tämä toimi hyvin: katso (https://thl.fi)." in first_part
    assert "moved to a new phase" in first_part
    assert "Kiinnostava, kokeillaan Porissa." in second_part
    assert f"{BASE_URL}/ideas/{first.id}-" in first_part and "#comment-" in first_part
    html = html_part(message)
    assert "<strong>hyvin</strong>" in html and 'href="https://thl.fi"' in html
    assert "3 new notifications" in text
    assert unsubscribe_path(message).startswith("/notifications/unsubscribe/")
    for row in rows_of(member):
        assert row.digested_at == now + timedelta(minutes=1) and row.emailed_at is not None


def test_comment_markup_cannot_inject_html_into_the_mail(
    smtp_server, make_idea, make_user, make_comment, follower
):
    idea = make_idea()
    member = follower(idea)
    make_comment(
        idea=idea, author=make_user(), body="<script>alert(1)</script> [x](javascript:alert(1))"
    )
    delivery.send_digests()
    html = html_part(smtp_server.to(member.email)[0])
    assert "<script" not in html and 'href="javascript:' not in html


def test_removed_and_hidden_comments_are_left_out(
    smtp_server, make_idea, make_user, make_comment, follower
):
    idea = make_idea()
    member = follower(idea)
    kept = make_comment(idea=idea, author=make_user(), body="Tämä jää.")
    deleted = make_comment(idea=idea, author=make_user(), body="Poistettu teksti.")
    hidden = make_comment(idea=idea, author=make_user(), body="Piilotettu teksti.")
    deleted.deleted_at = utcnow()
    hidden.hidden_at = utcnow()
    db.session.commit()
    delivery.send_digests()
    text = text_part(smtp_server.to(member.email)[0])
    assert "Tämä jää." in text
    assert "Poistettu" not in text and "Piilotettu" not in text
    assert kept.id
    # Left out, not mailed: their notifications are not marked.
    assert sorted(r.target_id for r in rows_of(member) if r.digested_at) == [kept.id]


def test_running_send_digests_twice_sends_one_message(
    smtp_server, runner, make_idea, make_user, make_comment, follower
):
    idea = make_idea()
    member = follower(idea)
    make_comment(idea=idea, author=make_user(), body="Ensimmäinen kommentti.")
    first = runner.invoke(args=["notifications", "send-digests"])
    assert first.exit_code == 0, first.output
    assert "Sent 1 digests (1 notifications)" in first.output
    second = runner.invoke(args=["notifications", "send-digests"])
    assert second.exit_code == 0, second.output
    assert "Sent 0 digests" in second.output
    assert len(smtp_server.to(member.email)) == 1


def test_a_new_comment_after_a_digest_waits_for_the_next_period(
    smtp_server, make_idea, make_user, make_comment, follower, now
):
    idea = make_idea()
    member = follower(idea, frequency="daily")
    make_comment(idea=idea, author=make_user(), body="Eka.", created_at=now - timedelta(hours=1))
    assert len(delivery.send_digests(now=now).sent) == 1
    make_comment(idea=idea, author=make_user(), body="Toka.", created_at=now + timedelta(hours=2))
    assert delivery.send_digests(now=now + timedelta(hours=12)).sent == []
    later = delivery.send_digests(now=now + timedelta(days=1))
    assert len(later.sent) == 1
    second = smtp_server.to(member.email)[1]
    assert "Toka." in text_part(second) and "Eka." not in text_part(second)


@pytest.mark.parametrize(
    "frequency, waited, due",
    [
        ("daily", timedelta(hours=12), False),
        ("daily", timedelta(hours=23, minutes=30), True),  # cron may start a little earlier
        ("daily", timedelta(days=1), True),
        ("weekly", timedelta(days=3), False),
        ("weekly", timedelta(days=6), False),
        ("weekly", timedelta(days=7), True),
    ],
)
def test_daily_and_weekly_timing(
    smtp_server, make_idea, make_user, make_comment, follower, now, frequency, waited, due
):
    idea = make_idea()
    member = follower(idea, frequency=frequency)
    make_comment(idea=idea, author=make_user(), created_at=now - timedelta(minutes=5))
    assert len(delivery.send_digests(now=now).sent) == 1
    make_comment(idea=idea, author=make_user(), created_at=now + timedelta(minutes=5))
    assert (len(delivery.send_digests(now=now + waited).sent) == 1) is due
    assert len(smtp_server.to(member.email)) == (2 if due else 1)


@pytest.mark.parametrize(
    "frequency, last, now_offset, due",
    [
        ("daily", None, timedelta(0), True),
        ("weekly", None, timedelta(0), True),
        ("off", None, timedelta(0), False),
        ("daily", timedelta(0), timedelta(hours=22), False),
        ("daily", timedelta(0), timedelta(hours=23), True),
        ("weekly", timedelta(0), timedelta(days=6, hours=22), False),
        ("weekly", timedelta(0), timedelta(days=7), True),
    ],
)
def test_digest_is_due(now, frequency, last, now_offset, due):
    last_digest = now + last if last is not None else None
    assert (
        delivery.digest_is_due(frequency=frequency, last_digest=last_digest, now=now + now_offset)
        is due
    )


def test_frequency_option_sends_only_those_digests(
    smtp_server, runner, make_idea, make_user, make_comment, follower
):
    idea = make_idea()
    daily = follower(idea, frequency="daily")
    weekly = follower(idea, frequency="weekly")
    make_comment(idea=idea, author=make_user())
    result = runner.invoke(args=["notifications", "send-digests", "--frequency", "daily"])
    assert result.exit_code == 0, result.output
    assert smtp_server.to(daily.email) and not smtp_server.to(weekly.email)
    runner.invoke(args=["notifications", "send-digests", "--frequency", "weekly"])
    assert len(smtp_server.to(weekly.email)) == 1 and len(smtp_server.messages) == 2


def test_dry_run_sends_and_marks_nothing(
    smtp_server, runner, make_idea, make_user, make_comment, follower
):
    idea = make_idea()
    member = follower(idea)
    make_comment(idea=idea, author=make_user())
    result = runner.invoke(args=["notifications", "send-digests", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert f"would send to {member.email}: weekly digest: 1 notifications, 1 ideas" in result.output
    assert smtp_server.messages == []
    assert all(r.digested_at is None for r in rows_of(member))


def test_members_with_mail_off_or_deactivated_get_nothing(
    smtp_server, make_idea, make_user, make_comment, make_offer, follower
):
    idea = make_idea()  # its author has mail off too
    off = follower(idea, frequency="off")
    gone = follower(idea)
    gone.active = False
    db.session.commit()
    make_comment(idea=idea, author=make_user())
    make_offer(idea)
    assert delivery.send_digests().sent == []
    assert smtp_server.messages == []
    assert rows_of(off) and all(r.emailed_at is None for r in rows_of(off))


def test_partner_offers_are_not_repeated_in_the_digest(smtp_server, make_idea, make_offer):
    idea = make_idea()
    idea.author.digest_frequency = "weekly"
    db.session.commit()
    make_offer(idea)
    assert len(smtp_server.messages) == 1  # at once
    assert delivery.send_digests().sent == []


def test_news_about_an_idea_hidden_since_is_left_out(
    smtp_server, make_idea, make_user, make_comment, follower
):
    from idealaari.ideas.models import IdeaStatus

    idea = make_idea()
    member = follower(idea)
    make_comment(idea=idea, author=make_user())
    idea.status = IdeaStatus.HIDDEN
    db.session.commit()
    assert delivery.send_digests().sent == []
    assert smtp_server.messages == []
    assert rows_of(member)[0].digested_at is None


def test_failed_smtp_leaves_everything_unsent_and_exits_non_zero(
    smtp_down, runner, make_idea, make_user, make_comment, follower
):
    idea = make_idea()
    member = follower(idea)
    make_comment(idea=idea, author=make_user())
    result = runner.invoke(args=["notifications", "send-digests"])
    assert result.exit_code == 1
    assert "Could not connect to the SMTP server 127.0.0.1:" in result.output
    assert "run the command again" in result.output
    assert all(r.digested_at is None and r.emailed_at is None for r in rows_of(member))


def test_links_come_from_the_base_url_without_a_request(
    app, smtp_server, runner, make_idea, make_user, make_comment, follower
):
    app.config["SERVER_NAME"] = None  # as in cron: url_for() could not build external links
    idea = make_idea()
    member = follower(idea)
    make_comment(idea=idea, author=make_user())
    assert runner.invoke(args=["notifications", "send-digests"]).exit_code == 0
    text = text_part(smtp_server.to(member.email)[0])
    assert f"{BASE_URL}/ideas/{idea.id}-{idea.slug}" in text
    assert f"{BASE_URL}/notifications/settings" in text


def test_digest_in_the_members_language(smtp_server, make_idea, make_user, make_comment, follower):
    idea = make_idea()
    member = follower(idea)
    member.locale = "sv"
    db.session.commit()
    make_comment(idea=idea, author=make_user())
    delivery.send_digests()
    assert '<html lang="sv">' in html_part(smtp_server.to(member.email)[0])


def test_outbox_backend_for_digests(
    outbox_dir, runner, make_idea, make_user, make_comment, follower
):
    idea = make_idea(title="Outbox-idea")
    follower(idea)
    make_comment(idea=idea, author=make_user(), body="Luettavissa tiedostona.")
    result = runner.invoke(args=["notifications", "send-digests"])
    assert result.exit_code == 0 and f"the outbox {outbox_dir}" in result.output
    [path] = outbox_dir.glob("*.eml")
    assert "Luettavissa tiedostona." in path.read_text()
