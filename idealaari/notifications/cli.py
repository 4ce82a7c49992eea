"""`flask notifications …`: send the digests and retry immediate mail (run from cron)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from idealaari.dbtypes import utcnow
from idealaari.notifications import delivery, mail

notifications_cli = AppGroup("notifications", help="Send notification e-mail.")


def _report(result: delivery.Delivery, what: str, dry_run: bool) -> None:
    """Say what happened; exit non-zero when mail did not work."""
    if dry_run:
        for item in result.planned:
            click.echo(f"would send to {item.email}: {item.summary}")
        click.echo(
            f"Dry run: {len(result.planned)} {what} would be sent; nothing was sent or marked."
        )
        return
    for _item, reason in result.refused:
        click.echo(f"Refused, will be tried again next run: {reason}", err=True)
    if result.error is not None:
        raise click.ClickException(
            f"{result.error}\n{len(result.sent)} of {len(result.planned)} {what} went out before "
            "that. The rest stay queued: run the command again when mail works (check the MAIL_* "
            "settings)."
        )
    click.echo(
        f"Sent {len(result.sent)} {what} ({result.notification_count} notifications) "
        f"to {mail.describe_transport()}."
    )


@notifications_cli.command("send-pending")
@click.option("--dry-run", is_flag=True, help="List what would be sent; send and mark nothing.")
def send_pending_command(dry_run: bool) -> None:
    """Retry partner-offer mails that failed when they were made (from the last two days)."""
    _report(delivery.send_immediate(dry_run=dry_run), "immediate mails", dry_run)


@notifications_cli.command("send-digests")
@click.option(
    "--frequency",
    type=click.Choice(["daily", "weekly", "all"]),
    default="all",
    show_default=True,
    help="Whose digests to send.",
)
@click.option("--dry-run", is_flag=True, help="List who would get a digest; send and mark nothing.")
def send_digests_command(frequency: str, dry_run: bool) -> None:
    """Retry failed partner-offer mails, then send the digests that are due.

    Safe to run as often as you like: a member gets a daily digest at most once a day and a
    weekly one at most once a week, and nothing is mailed twice. Cron, once a day:
    `flask --app wsgi.py notifications send-digests`.
    """
    now = utcnow()
    _report(delivery.send_immediate(now=now, dry_run=dry_run), "immediate mails", dry_run)
    _report(
        delivery.send_digests(frequency=frequency, now=now, dry_run=dry_run), "digests", dry_run
    )
