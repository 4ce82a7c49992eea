"""`flask users …`: create accounts, set roles, list members."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import select

from idealaari.accounts import services as account_services
from idealaari.accounts.models import Role, User
from idealaari.extensions import db
from idealaari.organisations import queries as org_queries

users_cli = AppGroup("users", help="Manage member accounts.")


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
    org = org_queries.by_code(organisation_code)
    if org is None:
        _fail(f"No organisation with code {organisation_code!r}. See 'flask organisations list'.")
    try:
        user = account_services.create_user(
            email=email,
            name=name,
            password=password,
            organisation=org,
            title=title,
            role=role,
            verified=True,  # an administrator vouches for the address
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
