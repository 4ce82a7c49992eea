"""Flask CLI commands: demo data, users and reference data."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy import select

from idealaari.accounts import services as account_services
from idealaari.accounts.models import Role, User
from idealaari.extensions import db
from idealaari.organisations import queries as org_queries
from idealaari.organisations import services as org_services
from idealaari.organisations.models import Organisation

users_cli = AppGroup("users", help="Manage member accounts.")
organisations_cli = AppGroup("organisations", help="Manage organisations.")


def _fail(message: str) -> None:
    raise click.ClickException(message)


@users_cli.command("create")
@click.option("--email", required=True, help="E-mail address; used to log in.")
@click.option("--name", required=True, help="The member's full name.")
@click.option(
    "--role",
    type=click.Choice([r.value for r in Role]),
    default=Role.MEMBER.value,
    show_default=True,
    help="What the member may do.",
)
@click.option(
    "--organisation", "organisation_code", required=True, help="Organisation code, e.g. pir or hus."
)
@click.option("--title", default="", help="Title or expertise.")
@click.password_option(help="Password (asked when not given).")
def create_user(
    email: str, name: str, role: str, organisation_code: str, title: str, password: str
) -> None:
    """Create a member account."""
    org = db.session.scalar(select(Organisation).where(Organisation.code == organisation_code))
    if org is None:
        _fail(f"No organisation with code {organisation_code!r}. See 'flask organisations list'.")
    try:
        user = account_services.create_user(
            email=email, name=name, password=password, organisation=org, title=title, role=role
        )
    except account_services.AccountError as e:
        db.session.rollback()
        _fail(str(e))
    db.session.commit()
    click.echo(f"Created {user.email} ({user.role.value}) in {org.name_fi}.")


@users_cli.command("set-role")
@click.argument("email")
@click.argument("role", type=click.Choice([r.value for r in Role]))
def set_role(email: str, role: str) -> None:
    """Give the member with EMAIL a new ROLE."""
    user = account_services.find_user_by_email(email)
    if user is None:
        _fail(f"No member with e-mail {email!r}.")
    account_services.set_role(user=user, role=role)
    db.session.commit()
    click.echo(f"{user.email} is now {user.role.value}.")


@users_cli.command("list")
def list_users() -> None:
    """List members with their roles and organisations."""
    for user in db.session.scalars(select(User).order_by(User.email)):
        click.echo(f"{user.email}\t{user.role.value}\t{user.organisation.code}\t{user.name}")


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
            f"{result.partner_offers} partner offers, {result.polls} polls. "
            f"Demo password: {result.password}"
        )


def init_app(app: Flask) -> None:
    app.cli.add_command(users_cli)
    app.cli.add_command(organisations_cli)
    app.cli.add_command(demo_data)
