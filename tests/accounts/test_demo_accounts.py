"""Demo members are verified and log in with the demo password."""

from __future__ import annotations

from sqlalchemy import select

from idealaari.accounts.models import User
from idealaari.demo import DEMO_PASSWORD, load_demo_data
from idealaari.extensions import db


def test_demo_members_are_verified_and_can_log_in(client):
    load_demo_data()
    db.session.commit()
    users = list(db.session.scalars(select(User)))
    assert users and all(u.email_verified_at is not None for u in users)
    resp = client.post("/login", data={"email": users[0].email, "password": DEMO_PASSWORD})
    assert resp.status_code == 303
