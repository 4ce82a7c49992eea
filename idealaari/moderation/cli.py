"""`flask moderation send-overdue`: the daily mail to moderators about items that have waited
for more than 48 hours (run it from cron once a day; running it again the same day sends
nothing twice)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from idealaari.dbtypes import utcnow
from idealaari.extensions import db

moderation_cli = AppGroup("moderation", help="Moderation queue tasks.")


@moderation_cli.command("send-overdue")
def send_overdue() -> None:
    """Tell moderators (once a day) what has waited in the queue for more than 48 hours."""
    from idealaari.moderation.notifications import notify_overdue

    made = notify_overdue(now=utcnow())
    db.session.commit()
    click.echo(f"{len(made)} moderators told of overdue items.")
