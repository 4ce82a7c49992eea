"""Authors are mailed at once when a moderator hides or restores their post, with the reason;
comment notifications read their discussion in the mail's own session after the commit."""

from __future__ import annotations

from idealaari.extensions import db
from idealaari.moderation import services
from idealaari.moderation.items import Item
from idealaari.targets import TargetKind
from tests.notifications.conftest import use_mail


def _mails(directory):
    return sorted(p.read_text(encoding="utf-8") for p in directory.glob("*.eml"))


def test_hiding_a_comment_mails_its_author_the_reason(
    app, tmp_path, make_idea, make_comment, members, moderator
):
    directory = tmp_path / "outbox"
    use_mail(app, IDEALAARI_MAIL_BACKEND="outbox", IDEALAARI_MAIL_OUTBOX=str(directory))
    author = members(1)[0]
    comment = make_comment(idea=make_idea(title="Etäkuntoutus"), author=author)
    services.hide(
        moderator=moderator, item=Item(TargetKind.COMMENT, comment), reason="Henkilötietoja"
    )
    db.session.commit()
    mails = _mails(directory)
    assert len(mails) == 1
    assert author.email in mails[0]
    assert "Henkil" in mails[0]  # the reason, in the (encoded) body
