"""Partner pages as members, editors and visitors use them: pages, htmx partials, bad input."""

import pytest
from sqlalchemy import select

from idealaari.accounts.models import Role
from idealaari.extensions import db
from idealaari.ideas.models import IdeaStatus, PartnerRole
from idealaari.notifications.models import Follow, Notification
from idealaari.partners import services
from idealaari.partners.models import OfferStatus, PartnerOffer
from idealaari.partners.notifications import PartnerNotice


def fresh():
    """End the test's own transaction, so it sees what requests have committed since."""
    db.session.rollback()


def offer_form(member=None, **overrides):
    data = {"offer-role": "pilot_site", "offer-message": "Meillä on testiosasto."}
    if member is not None:
        data["offer-organisation"] = str(member.organisation_id)
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def only_offer() -> PartnerOffer:
    fresh()
    return db.session.scalar(select(PartnerOffer))


def detail_url(idea):
    return f"/ideas/{idea.id}-{idea.slug}"


# --- Offering ------------------------------------------------------------------------------


def test_idea_page_shows_offer_form_to_members(client, login, make_user, make_seeking_idea):
    idea = make_seeking_idea()
    member = login(make_user())
    page = client.get(detail_url(idea)).text
    assert 'id="idea-partners"' in page and "Offer to partner" in page
    assert 'name="offer-role"' in page
    # The roles the idea seeks come first.
    assert (
        page.index("Roles this idea seeks")
        < page.index("Pilot or test site")
        < page.index("Other roles")
    )
    # The member offers as their own organisation: shown, not chosen.
    assert "You offer as" in page and member.organisation.name in page
    assert '<select id="offer-organisation"' not in page
    assert f'name="offer-organisation" value="{member.organisation_id}"' in page
    assert f'href="/ideas/{idea.id}/partners"' in page


def test_visitor_sees_partners_and_a_login_link_but_no_form(client, make_seeking_idea):
    idea = make_seeking_idea()
    page = client.get(detail_url(idea)).text
    assert 'id="idea-partners"' in page and "Log in to offer partnership" in page
    assert 'name="offer-role"' not in page


def test_editor_sees_no_form_but_the_pending_count(client, login, make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    make_offer(idea)
    make_offer(idea, role=PartnerRole.RESEARCHER)
    login(idea.author)
    page = client.get(detail_url(idea)).text
    assert 'name="offer-role"' not in page
    assert "2 offers wait for an answer" in page
    assert f'href="/ideas/{idea.id}/partners#partner-offers"' in page


def test_no_panel_on_an_idea_without_partners_that_seeks_none(client, make_idea):
    idea = make_idea()
    assert 'id="idea-partners"' not in client.get(detail_url(idea)).text


def test_offer_without_javascript(client, login, make_user, make_seeking_idea):
    idea = make_seeking_idea()
    member = login(make_user())
    resp = client.post(f"/ideas/{idea.id}/partners", data=offer_form())
    assert resp.status_code == 303 and resp.headers["Location"].endswith(detail_url(idea))
    offer = only_offer()
    assert offer.user_id == member.id and offer.role == PartnerRole.PILOT_SITE
    assert offer.organisation_id == member.organisation_id
    page = client.get(resp.headers["Location"]).text
    assert "Your offer was sent" in page
    assert "Withdraw the offer" in page and "Offered" in page
    fresh()
    assert (
        db.session.scalar(
            select(Notification).where(Notification.kind == PartnerNotice.PARTNER_OFFER)
        ).user_id
        == idea.author_id
    )


def test_offer_with_htmx_returns_the_panel(
    client, login, make_user, make_seeking_idea, htmx_headers
):
    idea = make_seeking_idea()
    login(make_user())
    resp = client.post(
        f"/ideas/{idea.id}/partners",
        data=offer_form(),
        headers={**htmx_headers, "HX-Target": "idea-partners"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith("<section") and 'id="idea-partners"' in resp.text
    assert "Your offer was sent" in resp.text and "Withdraw the offer" in resp.text
    assert only_offer().status == OfferStatus.OFFERED


def test_offer_from_the_partners_page_with_htmx(
    client, login, make_user, make_seeking_idea, htmx_headers
):
    idea = make_seeking_idea()
    login(make_user())
    page = client.get(f"/ideas/{idea.id}/partners").text
    assert 'id="my-partner-offers"' in page and 'hx-target="#my-partner-offers"' in page
    resp = client.post(
        f"/ideas/{idea.id}/partners",
        data=offer_form(**{"offer-role": "funder"}),
        headers={**htmx_headers, "HX-Target": "my-partner-offers"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert 'id="my-partner-offers"' in resp.text and "Funder" in resp.text


def test_boosted_request_gets_a_redirect_not_a_fragment(
    client, login, make_user, make_seeking_idea
):
    idea = make_seeking_idea()
    login(make_user())
    resp = client.post(
        f"/ideas/{idea.id}/partners",
        data=offer_form(),
        headers={"HX-Request": "true", "HX-Boosted": "true", "HX-Target": "idea-partners"},
    )
    assert resp.status_code == 303


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"offer-role": ""}, "Choose the role you offer."),
        ({"offer-role": None}, "Choose the role you offer."),
        ({"offer-role": "astronaut"}, "Choose one of the options given."),
        ({"offer-message": "x" * 2001}, "Write at most 2000 characters."),
    ],
)
def test_bad_offers_answer_422(
    client, login, make_user, make_seeking_idea, htmx_headers, data, message
):
    idea = make_seeking_idea()
    member = login(make_user())
    form = offer_form(**{"offer-organisation": str(member.organisation_id), **data})
    resp = client.post(
        f"/ideas/{idea.id}/partners",
        data=form,
        headers={**htmx_headers, "HX-Target": "idea-partners"},
    )
    assert resp.status_code == 422 and "<html" not in resp.text
    assert 'id="idea-partners"' in resp.text and message in resp.text
    assert 'aria-invalid="true"' in resp.text and '<details class="offer-details" open' in resp.text
    plain = client.post(f"/ideas/{idea.id}/partners", data=form)
    assert plain.status_code == 422 and "<html" in plain.text and message in plain.text
    assert only_offer() is None


@pytest.mark.parametrize("other", ["another", "999999", "99999999999999999999999", "abc"])
def test_an_offer_on_behalf_of_another_organisation_is_refused(
    client, login, make_user, make_org, make_seeking_idea, htmx_headers, other
):
    """A crafted post cannot make "HUS offers to pilot" for a member of another organisation."""
    idea = make_seeking_idea()
    hus = make_org(name="HUS Helsingin yliopistollinen sairaala")
    member = login(make_user())
    form = offer_form(**{"offer-organisation": str(hus.id) if other == "another" else other})
    resp = client.post(
        f"/ideas/{idea.id}/partners",
        data=form,
        headers={**htmx_headers, "HX-Target": "idea-partners"},
    )
    assert resp.status_code == 422 and 'id="idea-partners"' in resp.text
    refusal = "You can offer only on behalf of your own organisation"
    if other != "abc":
        assert refusal in resp.text and member.organisation.name in resp.text
    else:
        assert "Choose one of the options given." in resp.text
    assert "Meillä on testiosasto." in resp.text  # what was written is kept
    plain = client.post(f"/ideas/{idea.id}/partners", data=form)
    assert plain.status_code == 422 and "<html" in plain.text
    assert only_offer() is None


def test_an_offer_is_made_as_the_members_own_organisation(
    client, login, make_user, make_seeking_idea
):
    idea = make_seeking_idea()
    member = login(make_user())
    form = offer_form(member)
    assert client.post(f"/ideas/{idea.id}/partners", data=form).status_code == 303
    assert only_offer().organisation_id == member.organisation_id


def test_second_identical_offer_is_refused_with_a_message(
    client, login, make_user, make_seeking_idea, htmx_headers
):
    idea = make_seeking_idea()
    login(make_user())
    assert client.post(f"/ideas/{idea.id}/partners", data=offer_form()).status_code == 303
    resp = client.post(
        f"/ideas/{idea.id}/partners",
        data=offer_form(),
        headers={**htmx_headers, "HX-Target": "idea-partners"},
    )
    assert resp.status_code == 422
    assert "You have already offered to join this idea as Pilot or test site." in resp.text
    plain = client.post(f"/ideas/{idea.id}/partners", data=offer_form())
    assert plain.status_code == 422 and "already offered" in plain.text
    fresh()
    assert db.session.scalar(select(db.func.count()).select_from(PartnerOffer)) == 1


def test_offer_on_own_idea_is_refused(client, login, make_seeking_idea, htmx_headers):
    idea = make_seeking_idea()
    login(idea.author)
    resp = client.post(f"/ideas/{idea.id}/partners", data=offer_form())
    assert resp.status_code == 303
    assert "on an idea you edit yourself" in client.get(resp.headers["Location"]).text
    resp = client.post(
        f"/ideas/{idea.id}/partners",
        data=offer_form(),
        headers={**htmx_headers, "HX-Target": "idea-partners"},
    )
    assert resp.status_code == 422 and "on an idea you edit yourself" in resp.text
    assert only_offer() is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": IdeaStatus.ARCHIVED}, "Only published ideas take partner offers."),
        ({"seeks_partners": False, "partner_roles": []}, "This idea is not seeking partners."),
    ],
)
def test_offers_on_ideas_not_taking_them_are_refused(
    client, login, make_user, make_seeking_idea, fields, message
):
    idea = make_seeking_idea(**fields)
    login(make_user())
    resp = client.post(f"/ideas/{idea.id}/partners", data=offer_form())
    assert resp.status_code == 303
    assert message in client.get(resp.headers["Location"]).text
    assert only_offer() is None


def test_offer_on_a_draft_or_unknown_idea_is_404(client, login, make_user, make_seeking_idea):
    draft = make_seeking_idea(status=IdeaStatus.DRAFT)
    login(make_user())
    assert client.post(f"/ideas/{draft.id}/partners", data=offer_form()).status_code == 404
    assert client.get(f"/ideas/{draft.id}/partners").status_code == 404
    assert client.post("/ideas/999999/partners", data=offer_form()).status_code == 404
    assert client.get("/ideas/999999/partners").status_code == 404


def test_visitor_offer_goes_to_login(client, make_seeking_idea, htmx_headers):
    idea = make_seeking_idea()
    resp = client.post(f"/ideas/{idea.id}/partners", data=offer_form())
    assert resp.status_code == 302 and "/login" in resp.headers["Location"]
    resp = client.post(f"/ideas/{idea.id}/partners", data=offer_form(), headers=htmx_headers)
    assert resp.status_code == 401 and "/login" in resp.headers["HX-Redirect"]


def test_message_is_shown_as_text_not_html(client, login, make_user, make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    make_offer(idea, message='<script>alert("x")</script><img src=x onerror=alert(1)>')
    login(idea.author)
    page = client.get(f"/ideas/{idea.id}/partners").text
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


# --- The partners page and decisions --------------------------------------------------------


def test_partners_page_lists_accepted_partners_for_everyone(
    client, make_org, make_user, make_seeking_idea, make_offer
):
    idea = make_seeking_idea()
    university = make_org(name="Tampereen yliopisto")
    accepted = make_offer(
        idea,
        member=make_user(organisation=university),
        role=PartnerRole.RESEARCHER,
        message="Salainen viesti",
    )
    services.accept_offer(offer=accepted, actor=idea.author)
    make_offer(idea, message="Toinen salainen viesti")
    db.session.commit()
    page = client.get(f"/ideas/{idea.id}/partners").text
    assert "<h1>Partners</h1>" in page and 'id="partner-offers"' in page
    # The client browses in English, so the organisation's English name shows.
    assert university.name_en in page and "Researcher or research group" in page
    # Messages and open offers are for the editors only.
    assert "Salainen viesti" not in page and "Toinen salainen viesti" not in page
    assert "/decide" not in page
    detail = client.get(detail_url(idea)).text
    assert university.name_en in detail and "Researcher or research group" in detail


def test_editor_sees_every_offer_with_answer_forms(client, login, make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea, role=PartnerRole.FUNDER, message="Rahoitamme pilotin.")
    login(idea.author)
    page = client.get(f"/ideas/{idea.id}/partners").text
    assert "Rahoitamme pilotin." in page and offer.user.name in page
    assert f'action="/partner-offers/{offer.id}/decide"' in page
    assert f'name="decision-{offer.id}-decision" value="accept"' in page
    assert "not among the roles sought" in page


def test_accept_without_javascript(client, login, make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    login(idea.author)
    resp = client.post(
        f"/partner-offers/{offer.id}/decide",
        data={
            f"decision-{offer.id}-decision": "accept",
            f"decision-{offer.id}-note": "Tervetuloa!",
        },
    )
    assert resp.status_code == 303 and resp.headers["Location"].endswith(
        f"/ideas/{idea.id}/partners"
    )
    assert "is now a partner of the idea" in client.get(resp.headers["Location"]).text
    offer = only_offer()
    assert offer.status == OfferStatus.ACCEPTED and offer.decision_note == "Tervetuloa!"
    assert (
        db.session.scalar(
            select(Notification).where(Notification.kind == PartnerNotice.OFFER_ANSWER)
        ).user_id
        == offer.user_id
    )
    follow = db.session.scalar(select(Follow).where(Follow.user_id == offer.user_id))
    assert follow is not None and follow.target_id == idea.id


def test_decline_with_htmx(client, login, make_seeking_idea, make_offer, htmx_headers):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    login(idea.author)
    resp = client.post(
        f"/partner-offers/{offer.id}/decide",
        data={f"decision-{offer.id}-decision": "decline"},
        headers={**htmx_headers, "HX-Target": "partner-offers"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert resp.text.lstrip().startswith('<div id="partner-offers"')
    assert "is declined" in resp.text and "Declined" in resp.text
    assert only_offer().status == OfferStatus.DECLINED


def test_deciding_twice_is_refused_with_a_message(
    client, login, make_seeking_idea, make_offer, htmx_headers
):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    login(idea.author)
    data = {f"decision-{offer.id}-decision": "accept"}
    assert client.post(f"/partner-offers/{offer.id}/decide", data=data).status_code == 303
    resp = client.post(
        f"/partner-offers/{offer.id}/decide",
        data={f"decision-{offer.id}-decision": "decline"},
        headers={**htmx_headers, "HX-Target": "partner-offers"},
    )
    assert resp.status_code == 422 and "no longer open; it is “Accepted”" in resp.text
    plain = client.post(f"/partner-offers/{offer.id}/decide", data=data)
    assert plain.status_code == 303
    assert "no longer open" in client.get(plain.headers["Location"]).text
    assert only_offer().status == OfferStatus.ACCEPTED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose whether to accept or decline."),
        ({"decision": "maybe"}, "Choose one of the options given."),
        ({"decision": "accept", "note": "x" * 2001}, "Write at most 2000 characters."),
    ],
)
def test_bad_decisions_answer_422(
    client, login, make_seeking_idea, make_offer, htmx_headers, data, message
):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    login(idea.author)
    form = {f"decision-{offer.id}-{k}": v for k, v in data.items()}
    resp = client.post(
        f"/partner-offers/{offer.id}/decide",
        data=form,
        headers={**htmx_headers, "HX-Target": "partner-offers"},
    )
    assert resp.status_code == 422 and "<html" not in resp.text and message in resp.text
    plain = client.post(f"/partner-offers/{offer.id}/decide", data=form)
    assert plain.status_code == 422 and "<html" in plain.text and message in plain.text
    assert only_offer().status == OfferStatus.OFFERED


def test_deciding_without_the_right_is_403(client, login, make_user, make_seeking_idea, make_offer):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    data = {f"decision-{offer.id}-decision": "accept"}
    for someone in (offer.user, make_user(), make_user(role=Role.MODERATOR)):
        login(someone)
        assert client.post(f"/partner-offers/{offer.id}/decide", data=data).status_code == 403
    assert only_offer().status == OfferStatus.OFFERED


def test_unknown_offer_is_404(client, login, make_user):
    login(make_user())
    for action in ("decide", "withdraw", "co-editor"):
        assert client.post(f"/partner-offers/999999/{action}").status_code == 404


def test_offer_on_a_hidden_idea_is_404_to_its_member(client, make_seeking_idea, make_offer, login):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    idea.status = IdeaStatus.HIDDEN
    db.session.commit()
    login(offer.user)
    assert client.post(f"/partner-offers/{offer.id}/withdraw").status_code == 404


# --- Withdrawing -----------------------------------------------------------------------------


def test_withdraw_from_the_idea_page(client, login, make_seeking_idea, make_offer, htmx_headers):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    login(offer.user)
    resp = client.post(
        f"/partner-offers/{offer.id}/withdraw",
        headers={**htmx_headers, "HX-Target": "idea-partners"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert 'id="idea-partners"' in resp.text and "Your offer is withdrawn." in resp.text
    assert "Withdrawn" in resp.text and "Withdraw the offer" not in resp.text
    assert only_offer().status == OfferStatus.WITHDRAWN


def test_leave_an_accepted_partnership_without_javascript(
    client, login, make_seeking_idea, make_offer
):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    services.accept_offer(offer=offer, actor=idea.author)
    db.session.commit()
    login(offer.user)
    assert "Leave the partnership" in client.get(detail_url(idea)).text
    resp = client.post(f"/partner-offers/{offer.id}/withdraw", data={"next": "/members/1"})
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/members/1")
    assert only_offer().status == OfferStatus.WITHDRAWN
    resp = client.post(
        f"/partner-offers/{offer.id}/withdraw", data={"next": "https://evil.example/"}
    )
    assert resp.status_code == 303 and "evil" not in resp.headers["Location"]


def test_withdrawing_a_declined_offer_is_refused(
    client, login, make_seeking_idea, make_offer, htmx_headers
):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    services.decline_offer(offer=offer, actor=idea.author)
    db.session.commit()
    login(offer.user)
    resp = client.post(
        f"/partner-offers/{offer.id}/withdraw",
        headers={**htmx_headers, "HX-Target": "idea-partners"},
    )
    assert resp.status_code == 422
    assert "can no longer be withdrawn; it is “Declined”" in resp.text
    resp = client.post(f"/partner-offers/{offer.id}/withdraw")
    assert resp.status_code == 303
    assert "can no longer be withdrawn" in client.get(resp.headers["Location"]).text


def test_only_the_member_who_offered_withdraws(
    client, login, make_user, make_seeking_idea, make_offer
):
    idea = make_seeking_idea()
    offer = make_offer(idea)
    for someone in (idea.author, make_user()):
        login(someone)
        assert client.post(f"/partner-offers/{offer.id}/withdraw").status_code == 403
    assert only_offer().status == OfferStatus.OFFERED


# --- Co-editors ------------------------------------------------------------------------------


def test_make_an_accepted_co_developer_co_editor(
    client, login, make_seeking_idea, make_offer, htmx_headers
):
    idea = make_seeking_idea(partner_roles=[PartnerRole.CO_DEVELOPER])
    offer = make_offer(idea, role=PartnerRole.CO_DEVELOPER)
    services.accept_offer(offer=offer, actor=idea.author)
    db.session.commit()
    login(idea.author)
    page = client.get(f"/ideas/{idea.id}/partners").text
    assert f'action="/partner-offers/{offer.id}/co-editor"' in page and "Make co-editor" in page
    resp = client.post(
        f"/partner-offers/{offer.id}/co-editor",
        headers={**htmx_headers, "HX-Target": "partner-offers"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert f"{offer.user.name} can now edit the idea." in resp.text
    assert "Make co-editor" not in resp.text
    fresh()
    assert [u.id for u in db.session.get(type(idea), idea.id).co_editors] == [offer.user_id]
    again = client.post(f"/partner-offers/{offer.id}/co-editor")
    assert again.status_code == 303
    assert "can already edit this idea" in client.get(again.headers["Location"]).text


def test_make_co_editor_refusals(
    client, login, make_user, make_seeking_idea, make_offer, htmx_headers
):
    idea = make_seeking_idea(partner_roles=[PartnerRole.CO_DEVELOPER])
    co_editor = make_user()
    idea.co_editors.append(co_editor)
    db.session.commit()
    offer = make_offer(idea, role=PartnerRole.CO_DEVELOPER)
    login(co_editor)  # edits and answers offers, but does not manage co-editors
    assert client.post(f"/partner-offers/{offer.id}/co-editor").status_code == 403
    login(idea.author)
    resp = client.post(
        f"/partner-offers/{offer.id}/co-editor",
        headers={**htmx_headers, "HX-Target": "partner-offers"},
    )
    assert resp.status_code == 422 and "Only an accepted co-developer" in resp.text


# --- Profile and front page partials ----------------------------------------------------------


def test_profile_offers_partial(
    app, client, login, make_user, make_seeking_idea, make_offer, htmx_headers
):
    member = make_user()
    partner_idea, open_idea = make_seeking_idea(), make_seeking_idea()
    accepted = make_offer(partner_idea, member=member)
    services.accept_offer(offer=accepted, actor=partner_idea.author)
    offered = make_offer(open_idea, member=member, role=PartnerRole.FUNDER)
    db.session.commit()
    public = client.get(f"/members/{member.id}").text
    assert 'id="profile-offers"' in public
    assert partner_idea.title in public and open_idea.title not in public
    login(member)
    own = client.get(f"/members/{member.id}").text
    assert 'id="profile-offers"' in own
    assert partner_idea.title in own and open_idea.title in own
    assert "Leave the partnership" in own and "Withdraw the offer" in own
    login(member)
    resp = client.post(
        f"/partner-offers/{offered.id}/withdraw",
        headers={**htmx_headers, "HX-Target": "profile-offers"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert 'id="profile-offers"' in resp.text and "Your offer is withdrawn." in resp.text


def test_network_stats_on_the_front_page(
    client, make_org, make_user, make_seeking_idea, make_offer
):
    idea = make_seeking_idea()
    offer = make_offer(idea, member=make_user(organisation=make_org()))
    services.accept_offer(offer=offer, actor=idea.author)
    db.session.commit()
    html = client.get("/").text
    assert 'id="partner-network-stats"' in html
    assert "<dt>Accepted partnerships</dt><dd>1</dd>" in html
    assert "<dt>Between wellbeing areas</dt><dd>1</dd>" in html


def test_partner_pages_have_one_h1_labels_and_no_inline_script_or_style(
    client, login, make_user, make_seeking_idea, make_offer
):
    import re

    idea = make_seeking_idea()
    make_offer(idea)
    for who in (make_user(), idea.author):
        login(who)
        for url in (detail_url(idea), f"/ideas/{idea.id}/partners"):
            page = client.get(url).text
            assert page.count("<h1") == 1, url
            if url == detail_url(idea):  # only the partner panel is ours on the idea page
                start = page.index('id="idea-partners"')
                page = page[start : page.index("</section>", start)]
            assert "<script>" not in page and " style=" not in page, url
            for field_id in re.findall(r'<(?:select|textarea|input)[^>]* id="([^"]+)"', page):
                assert f'for="{field_id}"' in page, (url, field_id)
