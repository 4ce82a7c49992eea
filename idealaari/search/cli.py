"""`flask search …`: rebuild, check, drain and evaluate the search index."""

from __future__ import annotations

import json

import click
from flask.cli import AppGroup

from idealaari.search import service
from idealaari.search.types import SearchBusy, SearchUnavailable

search_cli = AppGroup("search", help="Manage the full-text search index.")


@search_cli.command("rebuild")
def rebuild() -> None:
    """Recreate the index from the database (the database is the source of truth)."""
    try:
        with click.progressbar(length=service.indexed_count(), label="Indexing") as bar:
            service.rebuild(progress=bar.update)
    except SearchBusy as e:
        raise click.ClickException(f"{e}; try again when it has finished.") from None
    click.echo(f"Indexed {_counted(service.indexed_counts())} into {service.location()}.")


# The CLI's words for each searchable type (for operators; English, as the rest of the CLI).
_PLURALS = {"idea": "ideas", "challenge": "challenges"}


def _counted(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {_PLURALS.get(kind, kind + 's')}" for kind, n in counts.items())


def _keys(keys: set[tuple[str, int]]) -> str:
    return ", ".join(f"{kind} {row_id}" for kind, row_id in sorted(keys)) or "none"


@search_cli.command("check")
def check() -> None:
    """Report ideas and challenges missing from the index or extra in it; exit 1 on drift."""
    try:
        missing, extra = service.check()
    except SearchUnavailable as e:
        raise click.ClickException(f"{e} Rebuild it with 'flask search rebuild'.") from None
    if not missing and not extra:
        click.echo("The search index matches the database.")
        return
    click.echo(f"Missing from the index: {_keys(missing)}")
    click.echo(f"Extra in the index: {_keys(extra)}")
    raise click.ClickException(
        "The search index has drifted. Run 'flask search rebuild' or 'flask search drain'."
    )


@search_cli.command("drain")
def drain() -> None:
    """Index the changes waiting in the outbox (for cron, after the index was busy or down)."""
    try:
        written = service.drain()
    except SearchUnavailable as e:
        raise click.ClickException(f"{e} Rebuild it with 'flask search rebuild'.") from None
    click.echo(f"Indexed {written} changed ideas and challenges.")


@search_cli.command("eval")
@click.option(
    "--ideas",
    "ideas_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Ideas as JSON lines: id, title, body, tags, area.",
)
@click.option(
    "--queries",
    "queries_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Queries as JSON lines: q, relevant (list of idea ids).",
)
def evaluate(ideas_file: str, queries_file: str) -> None:
    """Score search relevance on a fresh temporary database and index; prints JSON."""
    from idealaari.search.evaluation import evaluate as run

    try:
        result = run(ideas_file, queries_file)
    except (ValueError, KeyError) as e:
        raise click.ClickException(f"Could not read the files: {e}") from None
    click.echo(json.dumps(result, ensure_ascii=False, indent=2))
