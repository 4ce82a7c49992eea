"""Lineage on the pages, as visitors, members and area contacts use them: panels, plain posts,
htmx partials, crafted posts and bad input."""

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from idealaari.accounts.models import Role
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus, Phase
from idealaari.lineage import services
from idealaari.lineage.models import Adoption, OfficialResponse, ResponseKind
from tests.test_reads_do_not_write import recorded_writes
from tests.test_unique_ids import duplicate_ids


def fresh():
    """End the test's own transaction, so it sees what requests have committed since."""
    db.session.rollback()


def page_of(idea):
    return f"/ideas/{idea.id}-{idea.slug}"


def adoption_form(**overrides):
    data = {
        "adoption-adopted_on": "2025-04-01",
        "adoption-phase": "testing",
        "adoption-evidence": "Kokeilu kahdessa tiimissä; 30 asiakasta mukana.",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def response_form(**overrides):
    data = {"response-kind": "interested", "response-statement": "Selvitämme käyttöönottoa."}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def hx(target):
    return {"HX-Request": "true", "HX-Target": target}


def count(model) -> int:
    fresh()
    return db.session.scalar(select(func.count(model.id)))


# --- The idea page -------------------------------------------------------------------------


def test_an_idea_without_lineage_shows_no_lineage_panels(client, make_idea):
    page = client.get(page_of(make_idea())).text
    for panel in ('id="idea-responses"', 'id="idea-adoptions"', 'id="idea-lineage"'):
        assert panel not in page


def test_visitors_see_responses_near_the_top_adoptions_and_lineage(
    client, make_idea, make_contact, make_adoption, make_response
):
    source = make_idea(title="Kotihoidon etäkäynnit")
    idea = make_idea(title="Etäkäynnit omaishoitajille")
    services.set_derivation(idea=idea, source=source, actor=idea.author)
    later = make_idea(title="Etäkäynnit nuorille")
    services.set_derivation(idea=later, source=idea, actor=later.author)
    db.session.commit()
    adopter = make_contact()
    make_adoption(idea, contact=adopter, phase=Phase.ADOPTION, evidence="Käytössä koko alueella.")
    responder = make_contact()
    make_response(idea, contact=responder, kind="piloting", statement="Pilotoimme syksyllä 2025.")
    page = client.get(page_of(idea)).text
    assert page.index('id="idea-responses"') < page.index('class="idea-layout"')
    assert "Piloting" in page and "Pilotoimme syksyllä 2025." in page
    assert responder.organisation.name in page
    assert 'id="idea-adoptions"' in page and adopter.organisation.name in page
    assert "Käytössä koko alueella." in page and "Adoption and spread" in page
    assert "This idea continues" in page and "Kotihoidon etäkäynnit" in page
    assert "Ideas that continue this one" in page and "Etäkäynnit nuorille" in page
    assert 'name="response-kind"' not in page and 'name="adoption-evidence"' not in page
    assert ">Remove<" not in page
    # The source's own page shows the idea that continues it.
    assert "Etäkäynnit omaishoitajille" in client.get(page_of(source)).text


def test_a_draft_that_continues_an_idea_stays_hidden(client, make_idea):
    source = make_idea()
    draft = make_idea(status=IdeaStatus.DRAFT, title="Salainen luonnos")
    services.set_derivation(idea=draft, source=source, actor=draft.author)
    db.session.commit()
    assert "Salainen luonnos" not in client.get(page_of(source)).text


def test_a_hidden_source_is_not_named(client, make_idea):
    source = make_idea(title="Piilotettu lähde")
    idea = make_idea()
    services.set_derivation(idea=idea, source=source, actor=idea.author)
    source.status = IdeaStatus.HIDDEN
    db.session.commit()
    assert "Piilotettu lähde" not in client.get(page_of(idea)).text


def test_an_area_contact_of_another_organisation_gets_both_forms(
    client, login, make_idea, make_contact
):
    idea = make_idea()
    contact = login(make_contact())
    page = client.get(page_of(idea)).text
    assert 'name="response-kind"' in page and 'name="adoption-adopted_on"' in page
    assert f"Respond on behalf of {contact.organisation.name}" in page
    assert f"{contact.organisation.name} adopted this" in page
    assert duplicate_ids(page) == []


def test_the_owning_area_contact_responds_but_does_not_adopt(
    client, login, make_idea, make_contact
):
    idea = make_idea()
    login(make_contact(organisation=idea.organisation))
    page = client.get(page_of(idea)).text
    assert 'name="response-kind"' in page and 'name="adoption-adopted_on"' not in page


@pytest.mark.parametrize("role", [Role.MEMBER, Role.MODERATOR])
def test_members_and_moderators_get_no_forms(client, login, make_user, make_idea, role):
    idea = make_idea()
    login(make_user(role=role))
    page = client.get(page_of(idea)).text
    assert 'name="response-kind"' not in page and 'name="adoption-adopted_on"' not in page


def test_idea_pages_with_lineage_do_not_write(
    client, login, make_idea, make_contact, make_adoption, make_response
):
    idea = make_idea()
    make_adoption(idea)
    make_response(idea)
    login(make_contact())
    db.session.commit()
    for url in (
        page_of(idea),
        f"/ideas/{idea.id}/lineage",
        f"/organisations/{idea.organisation.code}",
    ):
        with recorded_writes() as writes:
            assert client.get(url).status_code == 200
        assert writes == [], url


# --- Adoptions -----------------------------------------------------------------------------


def test_recording_an_adoption_without_javascript(client, login, make_idea, make_contact):
    idea = make_idea()
    contact = login(make_contact())
    resp = client.post(f"/ideas/{idea.id}/adoption", data=adoption_form())
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith(f"{page_of(idea)}#idea-adoptions")
    fresh()
    adoption = db.session.scalar(select(Adoption))
    assert adoption.organisation_id == contact.organisation_id
    assert adoption.adopted_on == date(2025, 4, 1) and adoption.phase == Phase.TESTING
    page = client.get(page_of(idea)).text
    assert f"The adoption by {contact.organisation.name} is recorded." in page
    assert f"Update the adoption by {contact.organisation.name}" in page
    assert 'value="2025-04-01"' in page


def test_recording_an_adoption_with_htmx_answers_with_the_panel(
    client, login, make_idea, make_contact
):
    idea = make_idea()
    login(make_contact())
    resp = client.post(
        f"/ideas/{idea.id}/adoption", data=adoption_form(), headers=hx("idea-adoptions")
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith("<section") and 'id="idea-adoptions"' in resp.text
    assert "is recorded" in resp.text
    # Again: the organisation's one adoption is corrected, not doubled.
    resp = client.post(
        f"/ideas/{idea.id}/adoption",
        data=adoption_form(**{"adoption-phase": "adoption"}),
        headers=hx("idea-adoptions"),
    )
    assert "is updated" in resp.text and count(Adoption) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"adoption-adopted_on": ""}, "Give the date of adoption, for example 3.11.2025."),
        ({"adoption-adopted_on": "eilen"}, "Give the date of adoption, for example 3.11.2025."),
        ({"adoption-adopted_on": "99999-01-01"}, "Give the date of adoption"),
        ({"adoption-adopted_on": "1999-12-31"}, "Give a date of adoption in 2000 or later."),
        (
            {"adoption-adopted_on": (utcnow().date() + timedelta(days=5)).isoformat()},
            "The date of adoption cannot be in the future.",
        ),
        ({"adoption-phase": "valmis"}, "Choose one of the options given."),
        ({"adoption-phase": ""}, "Choose one of the options given."),
        ({"adoption-evidence": "  "}, "Tell briefly what shows the adoption."),
        ({"adoption-evidence": "x" * 1001}, "Write at most 1000 characters."),
    ],
)
def test_bad_adoption_input_is_explained(client, login, make_idea, make_contact, changes, message):
    idea = make_idea()
    login(make_contact())
    resp = client.post(f"/ideas/{idea.id}/adoption", data=adoption_form(**changes))
    assert resp.status_code == 422 and message in resp.text
    assert "<h1>Lineage</h1>" in resp.text  # the form again, with the message, on its page
    resp = client.post(
        f"/ideas/{idea.id}/adoption", data=adoption_form(**changes), headers=hx("idea-adoptions")
    )
    assert resp.status_code == 422 and message in resp.text and "<html" not in resp.text
    assert count(Adoption) == 0


def test_a_typed_finnish_date_is_understood(client, login, make_idea, make_contact):
    idea = make_idea()
    login(make_contact())
    client.post(
        f"/ideas/{idea.id}/adoption", data=adoption_form(**{"adoption-adopted_on": "3.11.2024"})
    )
    fresh()
    assert db.session.scalar(select(Adoption.adopted_on)) == date(2024, 11, 3)


def test_visitors_are_sent_to_log_in(client, make_idea):
    idea = make_idea()
    for path in (f"/ideas/{idea.id}/adoption", f"/ideas/{idea.id}/response"):
        resp = client.post(path, data=adoption_form() | response_form())
        assert resp.status_code == 302 and "/login" in resp.headers["Location"]
        resp = client.post(path, headers={"HX-Request": "true"})
        assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]
    assert count(Adoption) == 0 and count(OfficialResponse) == 0


@pytest.mark.parametrize("who", ["member", "moderator", "author", "own_contact", "unverified"])
def test_crafted_adoptions_are_refused(client, login, make_user, make_idea, make_contact, who):
    idea = make_idea()
    user = {
        "member": lambda: make_user(),
        "moderator": lambda: make_user(role=Role.MODERATOR),
        "author": lambda: idea.author,
        "own_contact": lambda: make_contact(organisation=idea.organisation),
        "unverified": lambda: make_contact(verified=False),
    }[who]()
    login(user)
    resp = client.post(f"/ideas/{idea.id}/adoption", data=adoption_form())
    assert resp.status_code == 303
    page = client.get(resp.headers["Location"]).text
    assert 'class="flash flash-error"' in page
    resp = client.post(
        f"/ideas/{idea.id}/adoption", data=adoption_form(), headers=hx("idea-adoptions")
    )
    assert resp.status_code == 422 and 'class="flash flash-error"' in resp.text
    assert count(Adoption) == 0


def test_no_adoption_of_a_draft_one_cannot_see(client, login, make_idea, make_contact):
    draft = make_idea(status=IdeaStatus.DRAFT)
    login(make_contact())
    assert client.post(f"/ideas/{draft.id}/adoption", data=adoption_form()).status_code == 404


def test_removing_an_adoption(client, login, make_user, make_idea, make_contact, make_adoption):
    idea = make_idea()
    adopter = make_contact()
    remove = f"/adoptions/{make_adoption(idea, contact=adopter).id}/remove"
    # Another organisation's area contact, even with a crafted post, cannot.
    login(make_contact())
    resp = client.post(remove, headers=hx("idea-adoptions"))
    assert resp.status_code == 422 and "Only the area contacts of" in resp.text
    assert count(Adoption) == 1
    login(make_user())
    client.post(remove)
    assert count(Adoption) == 1
    # The adopting organisation's contact sees the button and removes it.
    login(make_contact(organisation=adopter.organisation))
    assert remove in client.get(page_of(idea)).text
    resp = client.post(remove)
    assert resp.status_code == 303 and count(Adoption) == 0
    assert client.post(remove).status_code == 404


def test_a_moderator_removes_an_adoption_with_htmx(
    client, login, make_user, make_idea, make_adoption
):
    idea = make_idea()
    adoption = make_adoption(idea)
    login(make_user(role=Role.MODERATOR))
    resp = client.post(f"/adoptions/{adoption.id}/remove", headers=hx("idea-adoptions"))
    assert resp.status_code == 200 and "is removed" in resp.text and count(Adoption) == 0


# --- Official responses --------------------------------------------------------------------


def test_giving_and_changing_an_official_response(client, login, make_idea, make_contact):
    idea = make_idea()
    contact = login(make_contact())
    resp = client.post(f"/ideas/{idea.id}/response", data=response_form())
    assert resp.status_code == 303
    assert resp.headers["Location"].endswith("#idea-responses")
    page = client.get(page_of(idea)).text
    assert f"The response of {contact.organisation.name} is published." in page
    assert "Interested" in page and "Selvitämme käyttöönottoa." in page
    assert f"Change the response of {contact.organisation.name}" in page
    resp = client.post(
        f"/ideas/{idea.id}/response",
        data=response_form(**{"response-kind": "not_now", "response-statement": "Ei resursseja."}),
        headers=hx("idea-responses"),
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert 'id="idea-responses"' in resp.text and "Not now" in resp.text
    fresh()
    [response] = db.session.scalars(select(OfficialResponse)).all()
    assert response.kind == ResponseKind.NOT_NOW and response.statement == "Ei resursseja."


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"response-kind": None}, "Choose your organisation's response."),
        ({"response-kind": "ehkä"}, "Choose one of the options given."),
        ({"response-statement": ""}, "Write a short statement with the response."),
        ({"response-statement": "x" * 501}, "Write at most 500 characters."),
    ],
)
def test_bad_response_input_is_explained(client, login, make_idea, make_contact, changes, message):
    idea = make_idea()
    login(make_contact())
    resp = client.post(f"/ideas/{idea.id}/response", data=response_form(**changes))
    assert resp.status_code == 422 and message in resp.text
    resp = client.post(
        f"/ideas/{idea.id}/response", data=response_form(**changes), headers=hx("idea-responses")
    )
    assert resp.status_code == 422 and message in resp.text and "<html" not in resp.text
    assert count(OfficialResponse) == 0


@pytest.mark.parametrize("who", ["member", "moderator", "author", "unverified"])
def test_crafted_responses_are_refused(client, login, make_user, make_idea, make_contact, who):
    idea = make_idea()
    user = {
        "member": lambda: make_user(),
        "moderator": lambda: make_user(role=Role.MODERATOR),
        "author": lambda: idea.author,
        "unverified": lambda: make_contact(verified=False),
    }[who]()
    login(user)
    resp = client.post(
        f"/ideas/{idea.id}/response", data=response_form(), headers=hx("idea-responses")
    )
    assert resp.status_code == 422 and 'class="flash flash-error"' in resp.text
    resp = client.post(f"/ideas/{idea.id}/response", data=response_form())
    assert resp.status_code == 303 and count(OfficialResponse) == 0


def test_removing_a_response(client, login, make_user, make_idea, make_contact, make_response):
    idea = make_idea()
    responder = make_contact()
    response = make_response(idea, contact=responder)
    login(make_contact())
    resp = client.post(f"/official-responses/{response.id}/remove", headers=hx("idea-responses"))
    assert resp.status_code == 422 and count(OfficialResponse) == 1
    login(responder)
    resp = client.post(f"/official-responses/{response.id}/remove", headers=hx("idea-responses"))
    assert resp.status_code == 200 and "is removed" in resp.text
    assert count(OfficialResponse) == 0


# --- The lineage page and the organisation page --------------------------------------------


def test_the_lineage_page(client, make_idea, make_adoption):
    idea = make_idea()
    make_adoption(idea)
    page = client.get(f"/ideas/{idea.id}/lineage").text
    assert page.count("<h1") == 1 and 'aria-current="page"' in page
    assert "This idea continues no earlier idea" in page
    assert duplicate_ids(page) == []
    hidden = make_idea(status=IdeaStatus.HIDDEN)
    assert client.get(f"/ideas/{hidden.id}/lineage").status_code == 404


def test_the_organisation_page_lists_adoptions_both_ways(
    client, make_idea, make_contact, make_adoption
):
    own_idea = make_idea(title="Alueen oma käytäntö")
    adopter = make_contact()
    make_adoption(own_idea, contact=adopter)
    other_idea = make_idea(title="Muualta omaksuttu käytäntö")
    make_adoption(other_idea, contact=make_contact(organisation=own_idea.organisation))
    page = client.get(f"/organisations/{own_idea.organisation.code}").text
    assert "Spread of good practice" in page
    adopted = page[page.index('id="org-adopted-title"') : page.index('id="org-adopted-from-title"')]
    assert "Muualta omaksuttu käytäntö" in adopted
    adopted_from = page[page.index('id="org-adopted-from-title"') :]
    assert "Alueen oma käytäntö" in adopted_from and adopter.organisation.name in adopted_from
    assert duplicate_ids(page) == []


def test_an_organisation_without_adoptions_shows_no_lineage(client, make_org):
    org = make_org()
    assert "Spread of good practice" not in client.get(f"/organisations/{org.code}").text


def test_followers_read_the_news_on_their_notifications_page(
    client, login, make_user, make_idea, make_contact, make_adoption, make_response, follow
):
    idea = make_idea(title="Etäkäynnit kotihoitoon")
    follower = make_user()
    follow(follower, idea)
    adopter, responder = make_contact(), make_contact()
    make_adoption(idea, contact=adopter)
    make_response(idea, contact=responder, kind="adopted")
    login(follower)
    page = client.get("/notifications").text
    assert f"{adopter.organisation.name} adopted “Etäkäynnit kotihoitoon”" in page
    assert f"{responder.organisation.name} responded to “Etäkäynnit kotihoitoon”: Adopted" in page
