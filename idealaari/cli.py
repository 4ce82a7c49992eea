"""Flask CLI commands that belong to no one domain: the demo network."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from idealaari.extensions import db


def _fail(message: str) -> None:
    raise click.ClickException(message)


@click.command("demo-data")
@with_appcontext
def demo_data() -> None:
    """Fill an empty development database with a living demo network (safe to run again)."""
    from idealaari.demo import load_demo_data

    if current_app.config["IDEALAARI_ENV"] == "production":
        _fail("Demo data is not loaded in production.")
    result = load_demo_data()
    db.session.commit()
    if result.skipped:
        click.echo("Demo data is already there; nothing changed.")
    else:
        click.echo(
            f"Loaded demo data: {result.organisations} organisations, {result.users} users, "
            f"{result.ideas} ideas, {result.comments} comments, {result.votes} votes, "
            f"{result.partner_offers} partner offers, {result.polls} polls, "
            f"{result.challenges} challenges. "
            f"Demo password: {result.password}"
        )


def init_app(app: Flask) -> None:
    app.cli.add_command(demo_data)
