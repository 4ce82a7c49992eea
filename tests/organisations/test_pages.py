"""Organisation pages: the true number of organisations, and following an organisation."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from idealaari.extensions import db
from idealaari.notifications import queries
from idealaari.organisations.models import Organisation


def test_the_list_says_how_many_organisations_there_are(client, make_org):
    make_org()
    make_org()
    total = db.session.scalar(select(func.count()).select_from(Organisation))
    page = client.get("/organisations/").text
    assert f"{total} organisations in Idealaari" in page
    assert "More than 250" not in page


def test_one_organisation_is_counted_in_the_singular(client, make_org):
    db.session.execute(delete(Organisation))
    db.session.commit()
    make_org()
    assert "1 organisation in Idealaari" in client.get("/organisations/").text


def test_members_can_follow_an_organisation_from_its_page(client, login, make_user, make_org):
    member = login(make_user())
    org = make_org(name="Pirkanmaan hyvinvointialue")
    page = client.get(f"/organisations/{org.code}").text
    assert f'id="follow-organisation-{org.id}"' in page
    assert f'action="/follow/organisation/{org.id}"' in page
    resp = client.post(
        f"/follow/organisation/{org.id}", data={"next": f"/organisations/{org.code}"}
    )
    assert resp.status_code == 303 and resp.headers["Location"].endswith(
        f"/organisations/{org.code}"
    )
    assert queries.is_following(member, "organisation", org.id)
    page = client.get(f"/organisations/{org.code}").text
    assert f'action="/unfollow/organisation/{org.id}"' in page and 'aria-pressed="true"' in page


def test_following_an_organisation_with_htmx_swaps_the_button(
    client, login, make_user, make_org, htmx_headers
):
    login(make_user())
    org = make_org()
    resp = client.post(
        f"/follow/organisation/{org.id}",
        headers={**htmx_headers, "HX-Target": f"follow-organisation-{org.id}"},
    )
    assert resp.status_code == 200 and "<html" not in resp.text
    assert f'id="follow-organisation-{org.id}"' in resp.text and 'aria-pressed="true"' in resp.text
    assert "autofocus" in resp.text


def test_visitors_see_no_follow_button(client, make_org):
    org = make_org()
    assert "follow-organisation-" not in client.get(f"/organisations/{org.code}").text


def test_an_unknown_organisation_cannot_be_followed(client, login, make_user):
    login(make_user())
    assert client.post("/follow/organisation/987654").status_code == 404
