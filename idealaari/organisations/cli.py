"""`flask organisations …`: the reference wellbeing areas and the list of organisations."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from idealaari.extensions import db
from idealaari.organisations import queries as org_queries
from idealaari.organisations import services as org_services

organisations_cli = AppGroup("organisations", help="Manage organisations.")


@organisations_cli.command("sync-areas")
def sync_areas() -> None:
    """Load or update the 23 wellbeing-area organisations from the reference data."""
    added, updated = org_services.sync_reference_areas()
    db.session.commit()
    click.echo(f"Reference areas: {added} added, {updated} updated.")


@organisations_cli.command("list")
def list_organisations() -> None:
    """List organisations with their codes and kinds."""
    for org in org_queries.all_organisations(by_kind=True):
        click.echo(f"{org.code}\t{org.kind.value}\t{org.name_fi}")
