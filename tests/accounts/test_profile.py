"""Member profiles: who may see them, editing one's own, logging out from all devices."""

from __future__ import annotations

import re

import pytest

from idealaari.accounts import services as account_services
from idealaari.accounts.models import User
from idealaari.comments.models import Comment
from idealaari.extensions import db
from idealaari.i18n import LANGUAGE_COOKIE
from idealaari.ideas.models import Idea, IdeaStatus, PartnerRole
from idealaari.organisations.models import OrganisationKind
from idealaari.partners.models import OfferStatus, PartnerOffer

# --- Fixtures ---------------------------------------------------------------------------------


@pytest.fixture
def sent_verifications(monkeypatch):
    """The addresses verification mails were asked for (the mail itself is tested elsewhere)."""
    sent: list[tuple[int, str | None]] = []

    def send(user, *, email=None):
        sent.append((user.id, email))

    monkeypatch.setattr(account_services, "send_verification_mail", send, raising=False)
    return sent


@pytest.fixture
def make_comment(app):
    def make(idea, author, *, body="Hyvä idea, kokeillaan meilläkin.", **fields):
        comment = Comment(
            discussion_id=idea.discussion_id, author_id=author.id, body=body, **fields
        )
        db.session.add(comment)
        db.session.commit()
        return comment

    return make


@pytest.fixture
def make_offer_row(app):
    def make(idea, member, status=OfferStatus.ACCEPTED):
        offer = PartnerOffer(
            idea_id=idea.id,
            user_id=member.id,
            organisation_id=member.organisation_id,
            role=PartnerRole.PILOT_SITE,
            status=status,
        )
        db.session.add(offer)
        db.session.commit()
        return offer

    return make


def profile_form(user, **changes) -> dict[str, str]:
    """The edit form as the member's browser would post it, with some fields changed."""
    data = {
        "name": user.name,
        "title": user.title,
        "expertise": user.expertise,
        "language": user.locale or "en",
        "email": user.email,
        "organisation": str(user.organisation_id),
    }
    data.update(changes)
    return data


def refused_like_a_missing_member(client, user_id) -> bool:
    """A 404 that reads the same as for an id nobody has (but for the page's own address)."""

    def page(path):
        resp = client.get(path)
        text = re.sub(r'name="csrf_token" value="[^"]*"', "", resp.text.replace(path, "PATH"))
        # The token is signed with the time: two requests a second apart differ in it.
        text = re.sub(r'"X-CSRFToken": "[^"]*"', "", text)
        return resp.status_code, text

    status, text = page(f"/members/{user_id}")
    return status == 404 and (status, text) == page("/members/987654")


# --- Who sees a profile -----------------------------------------------------------------------


def test_anonymous_visitor_gets_404_for_a_member_without_public_content(client, make_user):
    member = make_user(name="Hiljainen Jäsen")
    assert refused_like_a_missing_member(client, member.id)


def test_drafts_and_hidden_ideas_do_not_open_a_profile_to_visitors(client, make_user, make_idea):
    member = make_user()
    make_idea(author=member, status=IdeaStatus.DRAFT)
    make_idea(author=member, status=IdeaStatus.HIDDEN)
    assert refused_like_a_missing_member(client, member.id)


@pytest.mark.parametrize("status", [IdeaStatus.PUBLISHED, IdeaStatus.ARCHIVED])
def test_a_public_idea_opens_the_profile_to_visitors(client, make_user, make_idea, status):
    member = make_user(name="Avoin Jäsen")
    idea = make_idea(author=member, status=status, title="Näkyvä idea")
    page = client.get(f"/members/{member.id}")
    assert page.status_code == 200 and "Avoin Jäsen" in page.text and idea.title in page.text


def test_a_visible_comment_on_a_public_idea_opens_the_profile(
    client, make_user, make_idea, make_comment
):
    member = make_user()
    make_comment(make_idea(), member)
    assert client.get(f"/members/{member.id}").status_code == 200


def test_removed_hidden_and_non_public_comments_do_not_open_the_profile(
    client, make_user, make_idea, make_comment
):
    from idealaari.dbtypes import utcnow

    member = make_user()
    make_comment(make_idea(), member, deleted_at=utcnow())
    make_comment(make_idea(), member, hidden_at=utcnow(), hidden_reason="Asiaton")
    hidden_idea = make_idea()
    make_comment(hidden_idea, member)
    hidden_idea.status = IdeaStatus.HIDDEN
    db.session.commit()
    assert refused_like_a_missing_member(client, member.id)


def test_an_accepted_partnership_opens_the_profile_but_an_open_offer_does_not(
    client, make_user, make_idea, make_offer_row
):
    offering, partner = make_user(), make_user()
    make_offer_row(make_idea(), offering, status=OfferStatus.OFFERED)
    make_offer_row(make_idea(), partner)
    assert refused_like_a_missing_member(client, offering.id)
    assert client.get(f"/members/{partner.id}").status_code == 200


def test_co_editing_a_public_idea_opens_the_profile(client, make_user, make_idea):
    co_editor = make_user()
    idea = make_idea()
    idea.co_editors.append(co_editor)
    draft = make_idea(status=IdeaStatus.DRAFT)
    lone_co_editor = make_user()
    draft.co_editors.append(lone_co_editor)
    db.session.commit()
    assert client.get(f"/members/{co_editor.id}").status_code == 200
    assert refused_like_a_missing_member(client, lone_co_editor.id)


def test_deactivated_members_are_404_for_visitors_even_with_public_content(
    client, make_user, make_idea
):
    member = make_user()
    make_idea(author=member)
    member.active = False
    db.session.commit()
    assert refused_like_a_missing_member(client, member.id)


def test_logged_in_members_see_other_members_profiles(client, login, make_user):
    quiet, gone = make_user(name="Hiljainen Jäsen"), make_user(name="Lähtenyt Jäsen", active=False)
    login(make_user())
    assert "Hiljainen Jäsen" in client.get(f"/members/{quiet.id}").text
    page = client.get(f"/members/{gone.id}")
    assert page.status_code == 200 and "This account is no longer in use." in page.text
    assert client.get("/members/987654").status_code == 404


# --- What a profile shows ---------------------------------------------------------------------


def test_profile_shows_title_organisation_expertise_and_ideas(client, make_user, make_idea):
    member = make_user()
    member.title, member.expertise = "Kehittämispäällikkö", "Lääkehoito ja kotiin vietävät palvelut"
    published = make_idea(author=member, title="Julkaistu idea")
    archived = make_idea(author=member, status=IdeaStatus.ARCHIVED, title="Arkistoitu idea")
    draft = make_idea(author=member, status=IdeaStatus.DRAFT, title="Luonnosidea")
    page = client.get(f"/members/{member.id}").text
    assert "Kehittämispäällikkö" in page and "Lääkehoito ja kotiin vietävät palvelut" in page
    assert f'href="/organisations/{member.organisation.code}"' in page
    assert published.title in page and archived.title in page and draft.title not in page


def test_own_profile_links_to_editing_and_offers_logout_everywhere(client, login, make_user):
    member = login(make_user())
    page = client.get(f"/members/{member.id}").text
    assert 'href="/account/profile"' in page
    form = re.search(
        r'<form method="post" action="/account/logout-everywhere">.*?</form>', page, re.S
    )
    assert form and 'name="csrf_token"' in form.group(0)
    assert "Log out from all devices" in form.group(0)
    assert "Ends your login on every computer and phone" in page


def test_other_members_profile_has_no_edit_link_or_logout_button(client, login, make_user):
    other = make_user()
    login(make_user())
    page = client.get(f"/members/{other.id}").text
    assert 'href="/account/profile"' not in page and "/account/logout-everywhere" not in page


def test_long_unbroken_words_on_the_profile_sit_in_wrapping_blocks(client, login, make_user):
    member = make_user()
    member.name = "Pitkä" + "a" * 110
    member.expertise = "x" * 400
    login(member)
    page = client.get(f"/members/{member.id}").text
    assert re.search(r'class="profile-details">\s*<h1>Pitkäa{110}</h1>', page)
    assert re.search(r'class="profile-expertise"[^>]*>\s*<h2[^>]*>[^<]*</h2>\s*<p>x{400}</p>', page)


# --- Editing one's profile --------------------------------------------------------------------


def test_editing_needs_login(client):
    assert client.get("/account/profile").status_code == 302
    resp = client.post("/account/profile", data={"name": "Kuka Tahansa"})
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]


def test_edit_form_is_filled_with_the_members_details(client, login, make_user):
    member = make_user()
    member.expertise = "Palvelumuotoilu"
    login(member)
    page = client.get("/account/profile").text
    assert f'value="{member.name}"' in page and f'value="{member.email}"' in page
    assert "Palvelumuotoilu</textarea>" in page
    assert re.search(rf'<option selected value="{member.organisation_id}">', page)


def test_saving_name_title_and_expertise(client, login, make_user, sent_verifications):
    member = login(make_user())
    resp = client.post(
        "/account/profile",
        data=profile_form(
            member, name="  Uusi   Nimi ", title="Tutkija", expertise="Ikääntyneiden palvelut"
        ),
    )
    assert resp.status_code == 303 and resp.headers["Location"].endswith(f"/members/{member.id}")
    saved = db.session.get(User, member.id)
    assert (saved.name, saved.title, saved.expertise) == (
        "Uusi Nimi",
        "Tutkija",
        "Ikääntyneiden palvelut",
    )
    page = client.get(resp.headers["Location"]).text
    assert "Your profile is saved." in page and "Ikääntyneiden palvelut" in page
    assert sent_verifications == []


def test_choosing_a_language_sets_the_account_and_the_cookie(client, login, make_user):
    member = login(make_user())
    resp = client.post("/account/profile", data=profile_form(member, language="sv"))
    assert resp.status_code == 303
    assert db.session.get(User, member.id).locale == "sv"
    assert f"{LANGUAGE_COOKIE}=sv" in resp.headers["Set-Cookie"]
    assert '<html lang="sv"' in client.get(resp.headers["Location"]).text


def test_an_unknown_language_is_refused(client, login, make_user):
    member = login(make_user())
    resp = client.post("/account/profile", data=profile_form(member, language="de"))
    assert resp.status_code == 422 and "Choose one of the options given." in resp.text
    assert db.session.get(User, member.id).locale is None


def test_changing_organisation_leaves_the_members_ideas_with_the_old_one(
    client, login, make_user, make_org, make_idea
):
    member = make_user()
    old_org = member.organisation
    new_org = make_org(kind=OrganisationKind.UNIVERSITY)
    published = make_idea(author=member)
    draft = make_idea(author=member, status=IdeaStatus.DRAFT)
    login(member)
    form_page = client.get("/account/profile").text
    assert "the ideas you have already posted stay with your current organisation" in form_page
    resp = client.post("/account/profile", data=profile_form(member, organisation=str(new_org.id)))
    assert resp.status_code == 303
    assert db.session.get(User, member.id).organisation_id == new_org.id
    for idea in (published, draft):
        saved = db.session.get(Idea, idea.id)
        assert saved.organisation_id == old_org.id and saved.author_id == member.id


def test_organisation_note_is_tied_to_the_select(client, login, make_user):
    login(make_user())
    page = client.get("/account/profile").text
    select = re.search(r"<select[^>]*\bid=\"organisation\"[^>]*>", page).group(0)
    assert 'aria-describedby="organisation-help"' in select
    assert re.search(r'id="organisation-help">[^<]*stay with your current organisation', page)


def test_wellbeing_services_counties_come_first_in_the_organisation_select(
    client, login, make_org, make_user
):
    make_org(name="Aalto-yliopisto", kind=OrganisationKind.UNIVERSITY)
    make_org(name="Apuyhdistys", kind=OrganisationKind.NGO)
    member = login(make_user(organisation=make_org(name="Ylä-Savon hyvinvointialue")))
    page = client.get("/account/profile").text
    select = re.search(r'<select[^>]*id="organisation".*?</select>', page, re.S).group(0)
    groups = re.findall(r'<optgroup label="([^"]+)"', select)
    assert groups[0] == "Wellbeing services county"
    assert "<option" not in select.split("<optgroup", 1)[0]  # no option outside the groups
    assert member.organisation.name in select


@pytest.mark.parametrize(
    "changes",
    [
        {"organisation": "abc"},
        {"organisation": "987654"},
        {"organisation": str(2**63)},
        {"organisation": ""},
        {"name": ""},
        {"name": "   "},
        {"name": "N" * 121},
        {"title": "T" * 201},
        {"expertise": "E" * 501},
        {"email": "ei-osoite"},
        {"email": ""},
        {"language": ""},
    ],
)
def test_bad_input_re_renders_the_form_with_what_was_typed(client, login, make_user, changes):
    member = login(make_user())
    typed = profile_form(member, title="Kirjoitettu titteli", expertise="Kirjoitettu osaaminen")
    typed.update(changes)
    before = (member.name, member.title, member.expertise, member.organisation_id)
    resp = client.post("/account/profile", data=typed)
    assert resp.status_code == 422
    assert 'class="form-errors"' in resp.text and 'aria-invalid="true"' in resp.text
    if "expertise" not in changes:
        assert "Kirjoitettu osaaminen</textarea>" in resp.text
    if "title" not in changes:
        assert 'value="Kirjoitettu titteli"' in resp.text
    saved = db.session.get(User, member.id)
    assert (saved.name, saved.title, saved.expertise, saved.organisation_id) == before


def test_validation_errors_are_in_the_members_language(client, login, make_user):
    member = make_user()
    member.locale = "fi"
    login(member)
    resp = client.post("/account/profile", data=profile_form(member, name="", language="fi"))
    assert resp.status_code == 422 and "Tämä kenttä on pakollinen." in resp.text


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_saving_without_the_csrf_token_is_refused(client, login, make_user):
    member = login(make_user())
    resp = client.post("/account/profile", data=profile_form(member, name="Väärennetty Nimi"))
    assert resp.status_code in (400, 422)
    assert db.session.get(User, member.id).name == member.name


# --- Changing the e-mail address --------------------------------------------------------------


def test_a_new_address_gets_a_confirmation_link_and_changes_only_later(
    client, login, make_user, sent_verifications
):
    member = login(make_user(email="vanha@example.fi"))
    resp = client.post(
        "/account/profile", data=profile_form(member, email=" Uusi@Example.fi ", title="Uusi")
    )
    assert resp.status_code == 303
    assert sent_verifications == [(member.id, "uusi@example.fi")]
    saved = db.session.get(User, member.id)
    assert saved.email == "vanha@example.fi" and saved.title == "Uusi"
    page = client.get(resp.headers["Location"]).text
    assert "We sent a confirmation link to uusi@example.fi." in page


def test_an_unchanged_address_sends_no_mail(client, login, make_user, sent_verifications):
    member = login(make_user(email="sama@example.fi"))
    resp = client.post("/account/profile", data=profile_form(member, email="SAMA@example.fi"))
    assert resp.status_code == 303 and sent_verifications == []


def test_an_address_in_use_is_refused_neutrally_and_nothing_is_saved(
    client, login, make_user, sent_verifications
):
    other = make_user(email="varattu@example.fi", name="Toinen Jäsen")
    member = login(make_user())
    resp = client.post(
        "/account/profile",
        data=profile_form(member, email="Varattu@example.fi", title="Uusi titteli"),
    )
    assert resp.status_code == 422
    assert "This e-mail address cannot be used. Choose another one." in resp.text
    assert other.name not in resp.text and "already has" not in resp.text
    assert 'value="Varattu@example.fi"' in resp.text and 'value="Uusi titteli"' in resp.text
    assert sent_verifications == []
    assert db.session.get(User, member.id).title == member.title
