"""Results: managers draft winners and mentions with statements, publish once evaluation has
closed, and entrants, jurors and followers are told in the app and by e-mail."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from idealaari.challenges import queries, results
from idealaari.challenges.models import AwardKind, Entry
from idealaari.extensions import db
from idealaari.notifications import services as notification_services
from idealaari.notifications.models import Notification
from idealaari.targets import TargetKind
from tests.challenges.conftest import timeline
from tests.notifications.conftest import smtp_server  # noqa: F401 - fixture


@pytest.fixture
def judged(make_challenge, make_idea):
    """A challenge in `phase` with two entries."""

    def make(phase="results"):
        challenge = make_challenge(phase=phase)
        for title in ("Kotikäynnit kirjastoautolla", "Puhelinneuvonta ikääntyneille"):
            idea = make_idea(title=title)
            db.session.add(
                Entry(challenge_id=challenge.id, idea_id=idea.id, entered_by_id=idea.author_id)
            )
        db.session.commit()
        return challenge

    return make


def choices(challenge, *kinds, statement="Helposti levitettävä ja edullinen."):
    return [
        results.AwardChoice(e.id, k, statement if k else "")
        for e, k in zip(challenge.entries, kinds, strict=True)
    ]


def test_a_draft_is_private_and_publishing_makes_it_public(client, judged, moderator):
    challenge = judged()
    results.save_awards(
        actor=moderator,
        challenge=challenge,
        choices=choices(challenge, AwardKind.WINNER, AwardKind.MENTION),
    )
    db.session.commit()
    page = client.get(f"/challenges/{challenge.id}", follow_redirects=True).text
    assert "Helposti levitettävä" not in page
    winner_idea = challenge.entries[0].idea_id
    assert queries.awards_for_ideas([winner_idea]) == {}
    results.save_awards(
        actor=moderator,
        challenge=challenge,
        choices=choices(challenge, AwardKind.WINNER, AwardKind.MENTION),
        publish=True,
    )
    db.session.commit()
    page = client.get(f"/challenges/{challenge.id}", follow_redirects=True).text
    assert 'id="results"' in page and "Helposti levitettävä" in page
    assert page.index("Winner") < page.index("Honourable mention")
    [badge] = queries.awards_for_ideas([winner_idea])[winner_idea]
    assert badge.kind == "winner" and badge.challenge_id == challenge.id


def test_publishing_waits_for_evaluation_to_close(judged, moderator):
    challenge = judged(phase="evaluation")
    with pytest.raises(results.ResultsError, match="once the jury's evaluation closes"):
        results.save_awards(
            actor=moderator,
            challenge=challenge,
            choices=choices(challenge, AwardKind.WINNER, None),
            publish=True,
        )
    # A draft while the jury scores is fine.
    results.save_awards(
        actor=moderator, challenge=challenge, choices=choices(challenge, AwardKind.WINNER, None)
    )
    assert challenge.results_published_at is None


def test_nothing_is_drafted_before_evaluation(judged, moderator):
    challenge = judged(phase="voting")
    with pytest.raises(results.ResultsError):
        results.save_awards(actor=moderator, challenge=challenge, choices=[])


def test_only_managers_publish(judged, make_user, area_contact):
    challenge = judged()
    for outsider in (make_user(), area_contact):
        with pytest.raises(results.ResultsError, match="Only the challenge's managers"):
            results.save_awards(
                actor=outsider,
                challenge=challenge,
                choices=choices(challenge, AwardKind.WINNER, None),
                publish=True,
            )


def test_each_award_needs_a_statement_and_a_publication_a_winner(judged, moderator):
    challenge = judged()
    bare = [results.AwardChoice(challenge.entries[0].id, AwardKind.WINNER, "  ")]
    with pytest.raises(results.ResultsError, match="statement") as refused:
        results.save_awards(actor=moderator, challenge=challenge, choices=bare)
    assert refused.value.entry_id == challenge.entries[0].id
    with pytest.raises(results.ResultsError, match="at least one winner"):
        results.save_awards(
            actor=moderator,
            challenge=challenge,
            choices=choices(challenge, AwardKind.MENTION, None),
            publish=True,
        )


def test_entries_of_other_challenges_are_refused(judged, moderator):
    challenge, other = judged(), judged()
    with pytest.raises(results.ResultsError, match="entries of this challenge"):
        results.save_awards(
            actor=moderator,
            challenge=challenge,
            choices=[results.AwardChoice(other.entries[0].id, AwardKind.WINNER, "Hyvä.")],
        )


# --------------------------------------------------------------------------- the page


def test_the_results_page_is_for_managers_only(client, login, judged, make_user):
    challenge = judged()
    url = f"/challenges/{challenge.id}/results"
    assert client.get(url).status_code in (302, 303)  # to the login page
    login(make_user())
    assert client.get(url).status_code == 403
    assert client.post(url, data={"action": "publish"}).status_code == 403
    assert challenge.results_published_at is None


def test_a_refused_form_keeps_what_was_typed(client, login, judged, moderator):
    challenge = judged()
    first, second = challenge.entries
    login(moderator)
    resp = client.post(
        f"/challenges/{challenge.id}/results",
        data={
            "action": "publish",
            f"kind-{first.id}": "winner",
            f"statement-{first.id}": "Rohkea ja toteuttamiskelpoinen avaus.",
            f"kind-{second.id}": "mention",
            f"statement-{second.id}": "",
        },
    )
    assert resp.status_code == 422
    assert "Write a short jury statement for each winner and mention." in resp.text
    assert "Rohkea ja toteuttamiskelpoinen avaus." in resp.text  # nothing typed is lost
    db.session.commit()
    assert db.session.get(type(challenge), challenge.id).results_published_at is None


def test_a_bogus_award_kind_is_a_clear_error(client, login, judged, moderator):
    challenge = judged()
    login(moderator)
    resp = client.post(
        f"/challenges/{challenge.id}/results",
        data={"action": "draft", f"kind-{challenge.entries[0].id}": "grand-prix"},
    )
    assert resp.status_code == 422 and "Choose one of the options given." in resp.text


def test_publishing_through_the_page(client, login, judged, moderator):
    challenge = judged()
    first, second = challenge.entries
    login(moderator)
    resp = client.post(
        f"/challenges/{challenge.id}/results",
        data={
            "action": "publish",
            f"kind-{second.id}": "winner",
            f"statement-{second.id}": "Tavoittaa ne, joita muut eivät tavoita.",
            f"kind-{first.id}": "",
        },
    )
    assert resp.status_code == 303 and resp.headers["Location"].endswith("#results")
    page = client.get(resp.headers["Location"]).text
    assert "The results are published, and the entrants are told." in page
    assert "Tavoittaa ne, joita muut eivät tavoita." in page


# --------------------------------------------------------------------------- who is told


def test_entrants_jurors_and_followers_are_told_by_mail_at_once(
    judged,
    moderator,
    make_user,
    smtp_server,  # noqa: F811
):
    challenge = judged()
    juror, follower = make_user(), make_user()
    challenge.jurors.append(juror)
    notification_services.follow(user=follower, target=TargetKind.CHALLENGE, target_id=challenge.id)
    entrants = {e.idea.author_id for e in challenge.entries}
    db.session.commit()
    results.save_awards(
        actor=moderator,
        challenge=challenge,
        choices=choices(challenge, AwardKind.WINNER, AwardKind.MENTION),
        publish=True,
    )
    db.session.commit()  # the mail leaves after the commit
    told = set(
        db.session.scalars(
            select(Notification.user_id).where(Notification.kind == "challenge_results")
        )
    )
    assert told == entrants | {juror.id, follower.id}  # never the manager who published
    mail = smtp_server.to(follower.email)
    assert len(mail) == 1
    body = mail[0].get_body(("plain",)).get_content()
    assert challenge.title in mail[0]["Subject"] or challenge.title in body
    assert "Kotikäynnit kirjastoautolla" in body
    # Correcting a statement afterwards tells nobody again.
    results.save_awards(
        actor=moderator,
        challenge=challenge,
        choices=choices(challenge, AwardKind.WINNER, None, statement="Korjattu perustelu."),
    )
    db.session.commit()
    assert len(smtp_server.to(follower.email)) == 1


def test_results_stay_published_with_a_winner(judged, moderator):
    challenge = judged()
    results.save_awards(
        actor=moderator,
        challenge=challenge,
        choices=choices(challenge, AwardKind.WINNER, None),
        publish=True,
    )
    with pytest.raises(results.ResultsError, match="at least one winner"):
        results.save_awards(
            actor=moderator, challenge=challenge, choices=choices(challenge, None, None)
        )
    for name, value in timeline("closed").items():
        setattr(challenge, name, value)
    assert results.published_awards(challenge)


def test_the_winning_idea_shows_its_badge_once_published(client, judged, moderator):
    challenge = judged()
    winner = challenge.entries[0].idea
    results.save_awards(
        actor=moderator, challenge=challenge, choices=choices(challenge, AwardKind.WINNER, None)
    )
    db.session.commit()
    url = f"/ideas/{winner.id}"
    assert "Challenge winner" not in client.get(url, follow_redirects=True).text  # a draft
    results.save_awards(
        actor=moderator,
        challenge=challenge,
        choices=choices(challenge, AwardKind.WINNER, AwardKind.MENTION),
        publish=True,
    )
    db.session.commit()
    year = challenge.results_published_at.year
    page = client.get(url, follow_redirects=True).text
    assert f"Challenge winner {year}: {challenge.title}" in page
    mention = challenge.entries[1].idea
    page = client.get(f"/ideas/{mention.id}", follow_redirects=True).text
    assert f"Honourable mention {year}: {challenge.title}" in page


def test_the_results_form_follows_the_ranking(
    client, login, make_challenge, make_idea, enter_in_challenge, make_juror, moderator
):
    from idealaari.challenges import jury

    challenge = make_challenge(phase="evaluation")
    weak = enter_in_challenge(challenge, make_idea(title="Heikompi ehdotus"), votes=5)
    strong = enter_in_challenge(challenge, make_idea(title="Vahvempi ehdotus"), votes=0)
    juror = make_juror(challenge)
    [criterion] = challenge.criteria
    for entry, points in ((weak, 2), (strong, 5)):
        jury.save_score(actor=juror, entry=entry, criterion_id=criterion.id, value=points)
    db.session.commit()
    login(moderator)
    page = client.get(f"/challenges/{challenge.id}/results").text
    assert page.index("Vahvempi ehdotus") < page.index("Heikompi ehdotus")
    assert "Rank 1 in the ranking" in page
