"""The accessibility statement (Act 306/2019): its feedback form mails the coordination team,
and it names the enforcement procedure and the date of the last assessment."""

from __future__ import annotations

import pytest

from tests.notifications.conftest import smtp_down, smtp_server  # noqa: F401 - fixtures

COORDINATION = "saavutettavuus@verkosto.example.fi"
FEEDBACK = {
    "message": "Hakulomakkeen suodattimet eivät toimi näppäimistöllä.",
    "page": "/ideas",
    "name": "Tiina Testaaja",
    "email": "tiina@example.fi",
}

pytestmark = pytest.mark.app_config(
    ENVIRON={"IDEALAARI_ACCESSIBILITY_FEEDBACK_EMAIL": COORDINATION}
)


def test_statement_names_enforcement_assessment_and_feedback(client):
    page = client.get("/accessibility").text
    assert "saavutettavuusvaatimukset.fi" in page
    assert "Regional State Administrative Agency for Southern Finland" in page
    assert "306/2019" in page
    assert "2 December 2026" in page
    assert '<form method="post" action="/accessibility#feedback"' in page
    assert 'name="message"' in page and "required" in page
    assert COORDINATION in page
    assert "Known shortcomings" in page and "axe-core" in page


def test_the_statement_no_longer_claims_full_compliance(client):
    page = client.get("/accessibility").text
    assert "partially meets them" in page
    assert "Text and interface colours meet the contrast requirements" not in page


def test_feedback_is_mailed_to_the_coordination_team(client, smtp_server):  # noqa: F811
    resp = client.post("/accessibility", data=FEEDBACK)
    assert resp.status_code == 303 and resp.headers["Location"].endswith("/accessibility#feedback")
    [mail] = smtp_server.to(COORDINATION)
    body = mail.get_body(("plain",)).get_content()
    assert FEEDBACK["message"] in body and "/ideas" in body and "Tiina Testaaja" in body
    assert mail["Reply-To"] == FEEDBACK["email"]
    assert "Thank you! Your feedback has been sent" in client.get("/accessibility").text


def test_only_the_message_is_required(client, smtp_server):  # noqa: F811
    resp = client.post("/accessibility", data={"message": "Kontrasti on liian heikko."})
    assert resp.status_code == 303
    [mail] = smtp_server.to(COORDINATION)
    assert mail["Reply-To"] is None


@pytest.mark.parametrize(
    "data, error",
    [
        ({"message": "   "}, "Write your feedback."),
        ({"message": "x", "email": "ei-osoite"}, "Give a valid e-mail address."),
        ({"message": "x" * 5001}, "Keep the feedback under 5000 characters."),
    ],
)
def test_bad_feedback_is_explained_and_not_sent(client, smtp_server, data, error):  # noqa: F811
    resp = client.post("/accessibility", data=data)
    assert resp.status_code == 422 and error in resp.text
    assert smtp_server.messages == []


def test_mail_failure_says_where_to_write_instead(client, smtp_down):  # noqa: F811
    resp = client.post("/accessibility", data=FEEDBACK)
    assert resp.status_code == 503
    assert "could not be sent just now" in resp.text and COORDINATION in resp.text
    # What they wrote stays in the form.
    assert FEEDBACK["message"] in resp.text


@pytest.mark.app_config(
    ENVIRON={
        "IDEALAARI_ACCESSIBILITY_FEEDBACK_EMAIL": COORDINATION,
        "IDEALAARI_FEEDBACK_LIMIT": "2 per hour",
    }
)
def test_feedback_is_rate_limited(client, smtp_server):  # noqa: F811
    for _ in range(2):
        assert client.post("/accessibility", data=FEEDBACK).status_code == 303
    resp = client.post("/accessibility", data=FEEDBACK)
    assert resp.status_code == 429 and "Too many attempts" in resp.text
    assert len(smtp_server.to(COORDINATION)) == 2
    # Reading the statement is never limited.
    assert client.get("/accessibility").status_code == 200


@pytest.mark.app_config(WTF_CSRF_ENABLED=True)
def test_feedback_without_csrf_token_is_refused(client, smtp_server):  # noqa: F811
    resp = client.post("/accessibility", data=FEEDBACK)
    assert resp.status_code == 400
    assert smtp_server.messages == []


def test_the_page_field_keeps_only_same_site_pages(client):
    page = client.get("/accessibility?page=/ideas/archive").text
    assert 'value="/ideas/archive"' in page
    page = client.get("/accessibility", headers={"Referer": "https://evil.example/phish?x=1"}).text
    assert "evil.example" not in page
