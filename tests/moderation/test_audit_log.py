"""The audit log only grows; moderators read and filter it, admins export it as CSV."""

from __future__ import annotations

import csv
import io

import pytest

from idealaari.accounts.models import Role
from idealaari.audit.models import AuditEntry, AuditLogIsAppendOnly
from idealaari.audit.services import record
from idealaari.extensions import db
from idealaari.moderation import services
from idealaari.moderation.items import Item
from idealaari.targets import TargetKind
from tests import factories


def test_rows_cannot_be_changed_or_deleted(app, moderator):
    entry = record(actor=moderator, action="item_hidden", target_kind="idea", target_id=1)
    db.session.commit()
    entry.reason = "muutettu"
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEntry, entry.id))
    with pytest.raises(AuditLogIsAppendOnly):
        db.session.flush()
    db.session.rollback()


def test_unknown_actions_are_refused(app, moderator):
    with pytest.raises(ValueError):
        record(actor=moderator, action="something_new")


def test_no_route_edits_or_deletes_the_log(app):
    for rule in app.url_map.iter_rules():
        if "log" in rule.rule and rule.endpoint.startswith("moderation."):
            assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, rule.rule


def test_filters_and_csv(client, login, make_idea, moderator):
    other = factories.make_user(role=Role.MODERATOR, name="Toinen Moderaattori")
    db.session.commit()
    idea = make_idea(title='=HYPERLINK("http://x")')
    services.hide(moderator=moderator, item=Item(TargetKind.IDEA, idea), reason="Syy yksi")
    services.restore(moderator=other, item=Item(TargetKind.IDEA, idea), reason="+Syy kaksi")
    db.session.commit()
    login(moderator)
    page = client.get(f"/moderation/log?actor={other.id}")
    assert "+Syy kaksi" in page.text and "Syy yksi" not in page.text
    page = client.get("/moderation/log?action=item_hidden")
    assert "Syy yksi" in page.text and "+Syy kaksi" not in page.text
    page = client.get(f"/moderation/log?kind=idea&item={idea.id}")
    assert "Syy yksi" in page.text and "+Syy kaksi" in page.text
    assert client.get("/moderation/log?actor=abc&action=nope&kind=zzz").status_code == 200
    admin = factories.make_user(role=Role.ADMIN)
    login(admin)
    response = client.get("/moderation/log.csv")
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    cells = [c for row in rows for c in row]
    assert "'+Syy kaksi" in cells and "+Syy kaksi" not in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert (
        db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "audit_exported"))
        is not None
    )
