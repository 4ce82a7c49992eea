"""`flask polls …`: announce the results of closed polls (hourly cron).

Poll pages show a closed poll's results straight away, but they never write; the voters'
"poll result" notifications go out only from `flask polls announce`.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup

from idealaari.extensions import db
from idealaari.polls import services

polls_cli = AppGroup("polls", help="Theme polls.")


@polls_cli.command("announce")
def announce() -> None:
    """Notify the voters of every closed poll of its result; polls already announced are skipped."""
    announced = services.announce_due_results()
    db.session.commit()
    for poll in announced:
        click.echo(f"Announced poll {poll.id}: {poll.question}")
    click.echo(f"Announced the results of {len(announced)} poll(s).")
