"""Deleting one's own account: refused without the password, the confirmation, or the last
admin; afterwards no text of any table names the member, every count is what it was, and the
audit log says it happened without saying who."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from idealaari.accounts.models import Role, User
from idealaari.audit import services as audit
from idealaari.audit.models import AuditEntry
from idealaari.challenges import jury
from idealaari.challenges.models import Entry, EntryVote, Score, Scorecard
from idealaari.comments.models import Comment
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import Idea
from idealaari.moderation.models import ModerationCase, Report
from idealaari.notifications.mail import unsubscribe_token
from idealaari.notifications.models import Follow, Notification, NotificationPreference
from idealaari.partners.models import PartnerOffer
from idealaari.polls import queries as poll_queries
from idealaari.polls.models import PollVote
from idealaari.privacy import services
from idealaari.search.models import SearchOutbox
from idealaari.votes.models import Vote
from tests.conftest import logged_in_client
from tests.factories import PASSWORD
from tests.privacy.conftest import MEMBER_COMMENT_BODY, MEMBER_EMAIL, MEMBER_NAME

PAGE = "/account/delete"
CONFIRMED = {"password": PASSWORD, "confirm": "y"}


def delete(client, data=CONFIRMED, **kwargs):
    return client.post(PAGE, data=data, **kwargs)


def gone(user_id: int) -> bool:
    db.session.expire_all()
    return db.session.get(User, user_id) is None


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


# --- Refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_visitors_are_sent_to_log_in(client, method):
    resp = getattr(client, method)(PAGE, data=CONFIRMED if method == "post" else None)
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]


def test_an_htmx_post_from_a_visitor_gets_401_with_a_redirect(client, htmx_headers):
    resp = delete(client, headers=htmx_headers)
    assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]


def test_a_wrong_password_is_refused_and_deletes_nothing(client, login, world):
    login(world.member)
    before = (count(Vote), count(Comment), count(Follow), count(Notification), count(Scorecard))
    resp = delete(client, data={"password": "väärä-salasana-123", "confirm": "y"})
    assert resp.status_code == 422
    assert "The password is not correct." in resp.text
    assert 'aria-invalid="true"' in resp.text
    assert not gone(world.member.id)
    after = (count(Vote), count(Comment), count(Follow), count(Notification), count(Scorecard))
    assert after == before
    assert count(AuditEntry) == 0
    assert db.session.scalar(select(Vote.user_id).where(Vote.idea_id == world.other_idea.id)) == (
        world.member.id
    )


@pytest.mark.parametrize(
    "data, message",
    [
        ({"password": PASSWORD}, "Tick the box to confirm that you want to delete your account."),
        ({"confirm": "y"}, "This field is required."),
        ({"password": "x" * 201, "confirm": "y"}, "Write at most 200 characters."),
    ],
)
def test_the_confirmation_and_the_password_are_required(client, login, make_user, data, message):
    member = login(make_user())
    resp = delete(client, data=data)
    assert resp.status_code == 422 and message in resp.text
    assert not gone(member.id)


def test_an_htmx_refusal_swaps_the_form_only(client, login, make_user, htmx_headers):
    login(make_user())
    headers = {**htmx_headers, "HX-Target": "account-delete"}
    resp = delete(client, data={"password": "väärä-salasana-123", "confirm": "y"}, headers=headers)
    assert resp.status_code == 422 and "<html" not in resp.text
    assert resp.text.lstrip().startswith('<div id="account-delete">')
    assert "The password is not correct." in resp.text


@pytest.mark.app_config(IDEALAARI_ACCOUNT_DELETE_LIMIT="2 per hour")
def test_wrong_passwords_are_rate_limited(client, login, make_user):
    member = login(make_user())
    wrong = {"password": "väärä-salasana-123", "confirm": "y"}
    assert [delete(client, data=wrong).status_code for _ in range(3)] == [422, 422, 429]
    assert not gone(member.id)


def test_the_last_admin_cannot_delete_their_account(client, login, make_user):
    admin = login(make_user(role=Role.ADMIN))
    make_user(role=Role.ADMIN, active=False)  # cannot act, so it does not count
    page = client.get(PAGE).text
    assert "You are the only admin of Idealaari." in page and 'name="password"' not in page
    resp = delete(client)
    assert resp.status_code == 422 and "Make another member an admin" in resp.text
    assert not gone(admin.id) and count(AuditEntry) == 0


def test_a_suspended_admin_does_not_count_as_another_admin(client, login, make_user):
    admin = login(make_user(role=Role.ADMIN))
    suspended = make_user(role=Role.ADMIN)
    suspended.suspended_until = utcnow() + timedelta(days=3)
    db.session.commit()
    assert delete(client).status_code == 422 and not gone(admin.id)


def test_an_admin_deletes_their_account_when_another_admin_remains(client, login, make_user):
    admin_id = login(make_user(role=Role.ADMIN)).id
    make_user(role=Role.ADMIN)
    assert delete(client).status_code == 303 and gone(admin_id)


def test_a_moderator_deletes_their_account_and_their_log_rows_stay(client, login, make_user):
    moderator = login(make_user(role=Role.MODERATOR))
    moderator_id = moderator.id
    earlier_id = audit.record(actor=moderator, action="export_downloaded", target_label="Ideat").id
    db.session.commit()
    assert delete(client).status_code == 303 and gone(moderator_id)
    row = db.session.get(AuditEntry, earlier_id)
    assert row.actor_id is None and row.action == "export_downloaded"


# --- The page ------------------------------------------------------------------------------


def test_the_page_says_what_happens_and_asks_for_the_password(client, login, make_user):
    login(make_user())
    page = client.get(PAGE).text
    assert page.count("<h1") == 1 and "Delete your account" in page
    assert "Your votes stay counted" in page and "“Deleted user”" in page
    assert '<label for="password">Password</label>' in page
    assert 'autocomplete="current-password"' in page
    assert 'type="checkbox"' in page and '<label for="confirm">' in page
    assert 'href="/account/data"' in page


# --- A deletion ----------------------------------------------------------------------------


def test_the_deletion_ends_the_session_and_says_so(client, login, world):
    member_id = world.member.id
    other_device = logged_in_client(client.application, world.member)
    login(world.member)
    resp = delete(client)
    assert resp.status_code == 303 and resp.headers["Location"] == "/"
    page = client.get("/").text
    assert "Your account is deleted." in page
    assert MEMBER_NAME not in page
    assert client.get("/account/data").status_code == 302
    assert other_device.get("/account/data").status_code == 302
    assert gone(member_id)


def test_the_flash_is_in_the_member_s_language(client, login, make_user):
    member = make_user()
    member.locale = "sv"
    login(member)
    with force_locale("sv"):
        expected = _(
            "Your account is deleted. Your ideas stay with their organisation, and your "
            "comments and votes stay without your name. Thank you for taking part."
        )
    delete(client)
    with client.session_transaction() as session:
        assert session["_flashes"] == [("success", expected)]


def test_an_htmx_deletion_redirects_the_whole_page(client, login, make_user, htmx_headers):
    member_id = login(make_user()).id
    headers = {**htmx_headers, "HX-Target": "account-delete"}
    resp = delete(client, headers=headers)
    assert resp.status_code == 204 and resp.headers["HX-Redirect"] == "/"
    assert gone(member_id)


def _text_columns():
    for table in db.metadata.sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, sa.String | sa.JSON)]
        if columns:
            yield table, columns


def test_no_text_of_any_table_names_the_deleted_member(client, login, world):
    login(world.member)
    needles = (MEMBER_NAME.lower(), MEMBER_EMAIL.lower(), MEMBER_EMAIL.split("@")[0])
    scanned = 0

    def holders():
        found = []
        for table, columns in _text_columns():
            texts = [func.lower(sa.cast(c, sa.Text)) for c in columns]
            hit = sa.or_(*(t.contains(n, autoescape=True) for t in texts for n in needles))
            if db.session.scalar(select(func.count()).select_from(table).where(hit)):
                found.append(table.name)
        return found

    assert holders() == ["users"]  # the scan finds the member while the account exists
    assert delete(client).status_code == 303
    db.session.expire_all()
    assert holders() == []
    scanned = sum(len(columns) for _t, columns in _text_columns())
    assert scanned > 100  # every table's text columns, JSON ones too


def _counts(world) -> dict:
    db.session.expire_all()
    ideas = {i.id: i.vote_count for i in db.session.scalars(select(Idea))}
    return {
        "idea vote counts": ideas,
        "idea votes": dict(
            db.session.execute(select(Vote.idea_id, func.count()).group_by(Vote.idea_id)).all()
        ),
        "entry vote counts": {e.id: e.vote_count for e in db.session.scalars(select(Entry))},
        "entry votes": dict(
            db.session.execute(
                select(EntryVote.entry_id, func.count()).group_by(EntryVote.entry_id)
            ).all()
        ),
        "poll tally": poll_queries.vote_counts([world.poll.id]),
        "comments": dict(
            db.session.execute(
                select(Comment.discussion_id, func.count()).group_by(Comment.discussion_id)
            ).all()
        ),
        "reports": [c.report_count for c in db.session.scalars(select(ModerationCase))],
        "report rows": count(Report),
    }


def test_votes_comments_and_reports_count_the_same_afterwards(client, login, world):
    before = _counts(world)
    login(world.member)
    assert delete(client).status_code == 303
    assert _counts(world) == before
    assert db.session.scalars(
        select(Vote.user_id).where(Vote.idea_id == world.other_idea.id)
    ).all() == [None]
    assert None in db.session.scalars(select(PollVote.user_id)).all()
    assert None in db.session.scalars(select(EntryVote.user_id)).all()
    assert db.session.scalar(select(Report.reporter_id)) is None


def test_the_member_s_ideas_stay_with_their_organisation(client, login, world):
    org_id = world.member.organisation_id
    ids = (world.member_idea.id, world.member_draft.id)
    login(world.member)
    delete(client)
    db.session.expire_all()
    for idea_id in ids:
        idea = db.session.get(Idea, idea_id)
        assert idea.author_id is None and idea.organisation_id == org_id
    page = client.get(f"/ideas/{world.member_idea.id}-{world.member_idea.slug}").text
    assert world.member_idea.title in page and MEMBER_NAME not in page


def test_comments_stay_without_the_name(client, login, world):
    comment_id = world.member_comment.id
    login(world.member)
    delete(client)
    comment = db.session.get(Comment, comment_id)
    assert comment.author_id is None and comment.body == MEMBER_COMMENT_BODY
    page = client.get(f"/ideas/{world.other_idea.id}-{world.other_idea.slug}").text
    assert "Kokeiltaisiinko sitä ensin Kuopiossa?" in page and MEMBER_NAME not in page


def test_comments_read_deleted_user(client, login, world):
    comment_id = world.member_comment.id
    login(world.member)
    delete(client)
    page = client.get(f"/ideas/{world.other_idea.id}-{world.other_idea.slug}").text
    author = re.search(
        rf'<span class="comment-author" id="comment-{comment_id}-label">(.*?)</span>', page, re.S
    )
    assert author and author.group(1).strip() == "Deleted user"


def test_what_was_only_about_the_member_goes(client, login, world):
    member_id = world.member.id
    other_id = world.other.id
    offer_id = world.offer.id
    login(world.member)
    delete(client)
    db.session.expire_all()
    for model, column in (
        (Follow, Follow.user_id),
        (Notification, Notification.user_id),
        (NotificationPreference, NotificationPreference.user_id),
    ):
        assert (
            db.session.scalar(select(func.count()).select_from(model).where(column == member_id))
            == 0
        )
    # The other member's notifications about the member's comments stay, from nobody.
    actors = db.session.scalars(
        select(Notification.actor_id).where(Notification.user_id == other_id)
    ).all()
    assert actors and member_id not in actors
    offer = db.session.get(PartnerOffer, offer_id)
    assert offer.user_id is None and offer.message == "Zyxwy tarjoaa apua"
    assert [j.id for j in world.challenge.jurors] == [world.juror.id]


def test_the_audit_log_records_the_deletion_without_personal_data(client, login, world):
    member_id = world.member.id
    login(world.member)
    delete(client)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "account_deleted"))
    assert entry.actor_id is None
    assert (entry.target_kind, entry.target_id) == ("user", member_id)
    assert entry.target_label == "" and entry.reason == ""
    assert entry.before is None and entry.after is None
    assert all(isinstance(v, int) for v in entry.data.values())
    assert entry.data["ideas_kept"] == 2 and entry.data["comments_kept"] == 2
    assert entry.data["idea_votes_kept"] == 1 and entry.data["poll_votes_kept"] == 1
    assert entry.data["scorecards_kept"] == 2 and entry.data["scorecards_removed"] == 1
    assert audit.action_label("account_deleted") == "A member deleted their account"


def test_the_juror_s_counting_scorecards_stay_and_the_others_go(client, login, world):
    member_id = world.member.id
    cards = {
        c.entry_id: c.id
        for c in db.session.scalars(select(Scorecard).where(Scorecard.juror_id == member_id))
    }
    login(world.member)
    delete(client)
    db.session.expire_all()
    kept = db.session.scalars(select(Scorecard).where(Scorecard.former_juror_id == member_id)).all()
    assert sorted(c.id for c in kept) == sorted(cards[e.id] for e in world.entries[:2])
    assert all(c.juror_id is None for c in kept)
    assert db.session.get(Scorecard, cards[world.entries[2].id]) is None  # recused: did not count
    scores = db.session.scalars(
        select(Score.value).where(Score.scorecard_id == cards[world.entries[0].id])
    )
    assert sorted(scores) == [4, 5]


def test_the_jury_ranking_is_the_same_afterwards(client, login, world):
    before = jury.overview(world.challenge).ranking()
    login(world.member)
    delete(client)
    db.session.expire_all()
    assert (
        jury.overview(db.session.get(type(world.challenge), world.challenge.id)).ranking() == before
    )


def test_a_poll_s_results_are_announced_after_a_voter_deleted_their_account(client, login, world):
    """The deleted member's vote counts in the result; the other voters hear of it."""
    from idealaari.polls import services as poll_services

    poll_id, other_id = world.poll.id, world.other.id
    login(world.member)
    delete(client)
    poll = db.session.get(type(world.poll), poll_id)
    assert poll_services.announce_results(poll=poll, now=poll.closes_at + timedelta(minutes=1))
    told = db.session.scalars(
        select(Notification.user_id).where(Notification.kind == "poll_result")
    ).all()
    assert told == [other_id]
    assert poll_queries.results(poll).total == 2


def test_the_member_s_ideas_are_queued_for_the_search_index(app, world):
    ideas = {world.member_idea.id, world.member_draft.id}
    services.delete_account(user=world.member, password=PASSWORD)
    queued = set(
        db.session.scalars(select(SearchOutbox.entity_id).where(SearchOutbox.entity == "idea"))
    )
    assert ideas <= queued
    db.session.rollback()


def test_an_old_unsubscribe_link_names_no_account(client, login, make_user):
    member = login(make_user())
    with client.application.test_request_context():
        token = unsubscribe_token(member)
    delete(client)
    resp = client.get(f"/notifications/unsubscribe/{token}")
    assert resp.status_code == 400
