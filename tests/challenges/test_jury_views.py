"""Jury pages: the juror's entries, the scorecard (whole form and htmx per criterion), the
recusal, and the managers' jury page. Every route is tested from the refused side; a juror
with a conflict gets 403 for the page, the form post and the htmx post alike."""

from __future__ import annotations

from html import unescape

import pytest
from sqlalchemy import func, select

from idealaari.challenges.models import Challenge, Recusal, Score, Scorecard
from idealaari.extensions import db
from tests.challenges.conftest import jury_criteria


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def evaluation(make_challenge):
    return make_challenge(phase="evaluation", criteria=jury_criteria(), jury_weight=70)


@pytest.fixture
def scene(evaluation, make_juror, make_idea, enter_in_challenge):
    """A juror, an entry they score, and an entry of their own organisation."""
    juror = make_juror(evaluation, name="Tuomari Tuomaala")
    entry = enter_in_challenge(
        evaluation, make_idea(title="Kotihoidon etäkäynnit videoyhteydellä"), votes=3
    )
    own = enter_in_challenge(
        evaluation, make_idea(title="Oman alueen idea", organisation=juror.organisation)
    )
    return evaluation, juror, entry, own


def card_url(challenge, entry, tail=""):
    return f"/challenges/{challenge.id}/jury/entries/{entry.id}{tail}"


def fragment_headers(criterion):
    return {"HX-Request": "true", "HX-Target": f"criterion-{criterion.id}"}


# --- The juror's list ------------------------------------------------------------------------


def test_a_juror_sees_the_entries_to_score_without_the_conflicted_one(client, login, scene):
    challenge, juror, entry, own = scene
    login(juror)
    resp = client.get(f"/challenges/{challenge.id}/jury")
    assert resp.status_code == 200
    assert "Kotihoidon etäkäynnit videoyhteydellä" in resp.text
    assert "Oman alueen idea" not in resp.text
    assert "1 entry is not yours to score because of a conflict of interest" in resp.text
    assert "Not started" in resp.text


def test_the_jury_list_is_refused_to_others(client, login, scene, make_user):
    challenge, *_ = scene
    url = f"/challenges/{challenge.id}/jury"
    assert client.get(url).status_code == 302
    assert client.get(url, headers={"HX-Request": "true"}).status_code == 401
    login(make_user())
    resp = client.get(url)
    assert resp.status_code == 403 and "Only the challenge's jury" in unescape(resp.text)


# --- The scorecard ---------------------------------------------------------------------------


def test_the_scorecard_shows_the_idea_the_scale_and_the_note(client, login, scene):
    challenge, juror, entry, _own = scene
    login(juror)
    resp = client.get(card_url(challenge, entry))
    assert resp.status_code == 200
    assert "Kotihoidon etäkäynnit videoyhteydellä" in resp.text
    assert "Valmis pilotoitavaksi toisella alueella" in resp.text  # "5 = ready to pilot"
    spread = challenge.criteria[0]
    assert f'id="criterion-{spread.id}-5"' in resp.text and 'type="radio"' in resp.text
    assert "Note for the jury and the managers" in resp.text
    assert f'hx-post="/challenges/{challenge.id}/jury/entries/{entry.id}/criteria/' in resp.text


def test_a_juror_saves_the_whole_scorecard_without_javascript(client, login, scene):
    challenge, juror, entry, _own = scene
    spread, cost = challenge.criteria
    login(juror)
    resp = client.post(
        card_url(challenge, entry),
        data={f"criterion-{spread.id}": "4", f"criterion-{cost.id}": "2", "note": "Vahva"},
    )
    assert resp.status_code == 303
    card = db.session.scalar(select(Scorecard))
    assert card.note == "Vahva" and sorted(s.value for s in card.scores) == [2, 4]
    page = client.get(resp.location)
    assert "The scorecard is saved." in page.text
    assert f'id="criterion-{spread.id}-4" value="4" checked' in page.text


def test_a_bad_score_keeps_what_was_typed_and_says_what_is_wrong(client, login, scene):
    challenge, juror, entry, _own = scene
    spread, cost = challenge.criteria
    login(juror)
    resp = client.post(
        card_url(challenge, entry),
        data={f"criterion-{spread.id}": "4", f"criterion-{cost.id}": "8", "note": "Kesken"},
    )
    assert resp.status_code == 422
    assert "Choose a score from 1 to 5 for “Kustannukset”." in resp.text
    assert "Kesken" in resp.text
    assert f'id="criterion-{spread.id}-4" value="4" checked' in resp.text
    assert count(Scorecard) == 0


def test_scoring_outside_evaluation_is_refused_with_a_clear_message(
    client, login, make_challenge, make_juror, make_idea, enter_in_challenge
):
    challenge = make_challenge(phase="voting", criteria=jury_criteria())
    juror = make_juror(challenge)
    entry = enter_in_challenge(challenge, make_idea())
    criterion = challenge.criteria[0]
    login(juror)
    page = client.get(card_url(challenge, entry))
    assert page.status_code == 200
    assert "Scoring opens when the evaluation phase starts." in page.text
    assert "disabled" in page.text and "Save the scorecard" not in page.text
    resp = client.post(
        card_url(challenge, entry), data={f"criterion-{criterion.id}": "3", "note": "Luonnos"}
    )
    assert resp.status_code == 403
    assert "Scoring opens when the evaluation phase starts." in resp.text
    assert "Luonnos" in resp.text  # the note typed is still in the form
    resp = client.post(
        card_url(challenge, entry, f"/criteria/{criterion.id}"),
        data={f"criterion-{criterion.id}": "3"},
        headers=fragment_headers(criterion),
    )
    assert resp.status_code == 403 and resp.headers["HX-Reswap"] == "none"
    assert "Scoring opens when the evaluation phase starts." in resp.text
    assert count(Scorecard) == 0


def test_a_criterion_saves_in_place_with_htmx(client, login, scene):
    challenge, juror, entry, _own = scene
    criterion = challenge.criteria[0]
    login(juror)
    resp = client.post(
        card_url(challenge, entry, f"/criteria/{criterion.id}"),
        data={f"criterion-{criterion.id}": "5"},
        headers=fragment_headers(criterion),
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert (
        resp.text.strip().startswith("<fieldset") and f'id="criterion-{criterion.id}"' in resp.text
    )
    assert f'id="criterion-{criterion.id}-5" value="5" checked' in resp.text
    assert "Saved: Levitettävyys, 5 points." in resp.text
    assert db.session.scalars(select(Score.value)).all() == [5]


def test_a_bad_htmx_score_answers_the_fragment_with_the_message(client, login, scene):
    challenge, juror, entry, _own = scene
    criterion = challenge.criteria[0]
    login(juror)
    resp = client.post(
        card_url(challenge, entry, f"/criteria/{criterion.id}"),
        data={f"criterion-{criterion.id}": "9"},
        headers=fragment_headers(criterion),
    )
    assert resp.status_code == 422 and "Choose a score from 1 to 5." in resp.text
    assert 'aria-describedby="' in resp.text and count(Score) == 0


def test_a_criterion_saves_without_javascript_too(client, login, scene):
    challenge, juror, entry, _own = scene
    criterion = challenge.criteria[1]
    login(juror)
    resp = client.post(
        card_url(challenge, entry, f"/criteria/{criterion.id}"),
        data={f"criterion-{criterion.id}": "3"},
    )
    assert resp.status_code == 303 and resp.location.endswith(f"#criterion-{criterion.id}")
    assert db.session.scalars(select(Score.value)).all() == [3]


def test_an_unknown_criterion_or_entry_is_not_found(client, login, scene, make_challenge):
    challenge, juror, entry, _own = scene
    other = make_challenge(phase="evaluation", criteria=jury_criteria())
    login(juror)
    url = card_url(challenge, entry, f"/criteria/{other.criteria[0].id}")
    assert client.post(url, data={}).status_code == 404
    assert client.get(f"/challenges/{other.id}/jury/entries/{entry.id}").status_code == 404


# --- Conflict of interest: the same refusal on every route -----------------------------------


def test_a_conflicted_juror_cannot_open_or_score_the_entry_by_any_route(client, login, scene):
    challenge, juror, _entry, own = scene
    criterion = challenge.criteria[0]
    login(juror)
    page = client.get(card_url(challenge, own))
    assert page.status_code == 403
    assert "comes from your own organisation" in page.text
    assert "Oman alueen idea" not in page.text.split("<main", 1)[-1].split("</h1>")[-1]
    form_post = client.post(
        card_url(challenge, own), data={f"criterion-{criterion.id}": "5", "note": "Paras"}
    )
    assert form_post.status_code == 403
    plain_criterion = client.post(
        card_url(challenge, own, f"/criteria/{criterion.id}"),
        data={f"criterion-{criterion.id}": "5"},
    )
    assert plain_criterion.status_code == 403
    htmx_post = client.post(
        card_url(challenge, own, f"/criteria/{criterion.id}"),
        data={f"criterion-{criterion.id}": "5"},
        headers=fragment_headers(criterion),
    )
    assert htmx_post.status_code == 403 and htmx_post.headers["HX-Reswap"] == "none"
    assert "comes from your own organisation" in htmx_post.text
    assert count(Scorecard) == 0 and count(Score) == 0


def test_a_declared_conflict_closes_the_scorecard_by_every_route(client, login, scene):
    challenge, juror, entry, _own = scene
    criterion = challenge.criteria[0]
    login(juror)
    resp = client.post(card_url(challenge, entry, "/recusal"), data={"reason": "Ohjasin tiimiä"})
    assert resp.status_code == 303
    assert "You declared a conflict of interest" in client.get(resp.location).text
    assert client.get(card_url(challenge, entry)).status_code == 403
    assert client.post(card_url(challenge, entry), data={"note": "x"}).status_code == 403
    resp = client.post(
        card_url(challenge, entry, f"/criteria/{criterion.id}"),
        data={f"criterion-{criterion.id}": "4"},
        headers=fragment_headers(criterion),
    )
    assert resp.status_code == 403 and count(Score) == 0
    home = client.get(f"/challenges/{challenge.id}/jury")
    assert "Conflicts you declared" in home.text and "Ohjasin tiimiä" in home.text
    resp = client.post(card_url(challenge, entry, "/recusal/withdraw"))
    assert resp.status_code == 303 and count(Recusal) == 0
    assert client.get(card_url(challenge, entry)).status_code == 200


def test_a_recusal_without_a_reason_is_refused_next_to_the_field(client, login, scene):
    challenge, juror, entry, _own = scene
    login(juror)
    resp = client.post(card_url(challenge, entry, "/recusal"), data={"reason": "  "})
    assert resp.status_code == 422
    assert "Say briefly what the conflict is." in resp.text and count(Recusal) == 0


def test_recusal_routes_are_refused_to_members_outside_the_jury(client, login, scene, make_user):
    challenge, _juror, entry, _own = scene
    assert (
        client.post(card_url(challenge, entry, "/recusal"), data={"reason": "x"}).status_code == 302
    )
    login(make_user())
    assert (
        client.post(card_url(challenge, entry, "/recusal"), data={"reason": "x"}).status_code == 403
    )
    assert client.post(card_url(challenge, entry, "/recusal/withdraw")).status_code == 403
    assert count(Recusal) == 0


# --- Jury data stays with the jury and the managers --------------------------------------------


def test_scorecards_are_refused_to_members_and_visitors(client, login, scene, make_user):
    challenge, juror, entry, _own = scene
    criterion = challenge.criteria[0]
    url = card_url(challenge, entry)
    assert client.get(url).status_code == 302
    assert client.get(url, headers={"HX-Request": "true"}).status_code == 401
    assert (
        client.post(
            url + f"/criteria/{criterion.id}", headers=fragment_headers(criterion)
        ).status_code
        == 401
    )
    login(make_user())
    assert client.get(url).status_code == 403
    assert client.post(url, data={"note": "x"}).status_code == 403
    resp = client.post(
        url + f"/criteria/{criterion.id}",
        data={f"criterion-{criterion.id}": "4"},
        headers=fragment_headers(criterion),
    )
    assert resp.status_code == 403 and count(Score) == 0


def test_other_jurors_notes_are_shown_to_the_jury_and_managers_only(
    client, login, scene, make_juror, moderator, make_user
):
    challenge, juror, entry, _own = scene
    other = make_juror(challenge, name="Toinen Tuomari")
    login(other)
    client.post(card_url(challenge, entry), data={"note": "Salainen huomio"})
    login(juror)
    assert "Salainen huomio" in client.get(card_url(challenge, entry)).text
    login(moderator)  # a manager who is not a juror reads, but does not score
    page = client.get(card_url(challenge, entry))
    assert page.status_code == 200 and "Salainen huomio" in page.text
    assert "Save the scorecard" not in page.text
    assert client.post(card_url(challenge, entry), data={"note": "x"}).status_code == 403
    login(make_user())
    assert "Salainen huomio" not in client.get(card_url(challenge, entry)).text
    assert (
        "Salainen huomio"
        not in client.get(f"/challenges/{challenge.id}", follow_redirects=True).text
    )


# --- The managers' jury page ---------------------------------------------------------------


def test_the_managers_page_shows_jury_recusals_progress_coverage_and_ranking(
    client, login, scene, moderator
):
    challenge, juror, entry, own = scene
    spread, cost = challenge.criteria
    login(juror)
    client.post(
        card_url(challenge, entry),
        data={f"criterion-{spread.id}": "5", f"criterion-{cost.id}": "5"},
    )
    login(moderator)
    resp = client.get(f"/challenges/{challenge.id}/manage/jury")
    assert resp.status_code == 200
    text = resp.text
    assert "Tuomari Tuomaala" in text
    assert "1 / 1" in text  # the juror's scorecards done / assigned
    assert "Below 2" in text  # K = 2 independent scorecards; both entries are below it
    assert "Raw score" in text and "Normalised score" in text and "Combined" in text
    assert "5.00" in text and "+0.00" in text  # raw 5; a juror with one scorecard adds 0
    assert "1.000" in text  # 70 % × jury 1.0 + 30 % × votes 3 / most votes 3
    assert "not ranked" in text  # the entry no independent juror has scored yet
    assert "Entries without scorecards have no score yet" in text
    manage = client.get(f"/challenges/{challenge.id}/manage")
    assert f"/challenges/{challenge.id}/manage/jury" in manage.text


def test_the_managers_page_lists_recusals_with_their_reasons(client, login, scene, moderator):
    challenge, juror, entry, _own = scene
    login(juror)
    client.post(card_url(challenge, entry, "/recusal"), data={"reason": "Entinen työnantaja"})
    login(moderator)
    text = client.get(f"/challenges/{challenge.id}/manage/jury").text
    assert "Entinen työnantaja" in text and "Tuomari Tuomaala" in text


def test_the_managers_page_is_refused_to_jurors_and_members(client, login, scene, make_user):
    challenge, juror, *_ = scene
    url = f"/challenges/{challenge.id}/manage/jury"
    assert client.get(url).status_code == 302
    for member in (juror, make_user()):
        login(member)
        assert client.get(url).status_code == 403


def test_a_manager_names_a_juror_by_e_mail_and_removes_them(
    client, login, evaluation, moderator, make_user
):
    member = make_user(name="Uusi Tuomari", email="uusi@example.fi")
    login(moderator)
    resp = client.post(
        f"/challenges/{evaluation.id}/manage/jury/jurors", data={"email": "uusi@example.fi"}
    )
    assert resp.status_code == 303
    assert "Uusi Tuomari is on the jury." in client.get(resp.location).text
    db.session.expire_all()
    assert [j.id for j in db.session.get(Challenge, evaluation.id).jurors] == [member.id]
    resp = client.post(f"/challenges/{evaluation.id}/manage/jury/jurors/{member.id}/remove")
    assert resp.status_code == 303
    db.session.expire_all()
    assert db.session.get(Challenge, evaluation.id).jurors == []


def test_a_manager_picks_a_juror_from_the_search_list(
    client, login, evaluation, moderator, make_user
):
    member = make_user(name="Hakulistan Helena")
    login(moderator)
    resp = client.get(
        f"/challenges/{evaluation.id}/manage/jury/candidates?q=haku",
        headers={"HX-Request": "true", "HX-Target": "juror-candidates"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert 'id="juror-candidates"' in resp.text and "Hakulistan Helena" in resp.text
    assert "@" not in resp.text  # no e-mail addresses in the list
    no_js = client.get(f"/challenges/{evaluation.id}/manage/jury?q=haku")
    assert "Hakulistan Helena" in no_js.text
    resp = client.post(
        f"/challenges/{evaluation.id}/manage/jury/jurors", data={"member_id": str(member.id)}
    )
    assert resp.status_code == 303
    db.session.expire_all()
    assert [j.id for j in db.session.get(Challenge, evaluation.id).jurors] == [member.id]


def test_naming_an_unknown_member_keeps_the_form_and_says_why(client, login, evaluation, moderator):
    login(moderator)
    url = f"/challenges/{evaluation.id}/manage/jury/jurors"
    resp = client.post(url, data={"email": "ei-ole@example.fi"})
    assert resp.status_code == 422
    assert "No member has that e-mail address." in resp.text and "ei-ole@example.fi" in resp.text
    resp = client.post(url, data={"email": "ei sähköposti"})
    assert resp.status_code == 422 and "Give a valid e-mail address." in resp.text
    resp = client.post(url, data={"email": ""})
    assert resp.status_code == 422 and "pick them from the list" in resp.text


def test_jury_changes_are_refused_to_members_and_after_evaluation(
    client, login, evaluation, make_user, make_challenge, moderator, make_juror
):
    member = make_user()
    juror = make_juror(evaluation)
    base = f"/challenges/{evaluation.id}/manage/jury"
    assert client.post(base + "/jurors", data={"member_id": str(member.id)}).status_code == 302
    login(member)
    assert client.post(base + "/jurors", data={"member_id": str(member.id)}).status_code == 403
    assert client.post(base + f"/jurors/{juror.id}/remove").status_code == 403
    assert client.get(base + "/candidates?q=jä").status_code == 403
    results = make_challenge(phase="results", criteria=jury_criteria())
    login(moderator)
    resp = client.post(
        f"/challenges/{results.id}/manage/jury/jurors", data={"member_id": str(member.id)}
    )
    assert resp.status_code == 403 and "Evaluation has ended" in resp.text
    db.session.expire_all()
    assert [j.id for j in db.session.get(Challenge, evaluation.id).jurors] == [juror.id]
