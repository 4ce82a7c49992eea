from flask import Blueprint, Flask

bp = Blueprint("polls", __name__)


def init_app(app: Flask) -> None:
    """Register the poll pages, the `flask polls` commands and the front page's template helpers."""
    from idealaari.dbtypes import utcnow
    from idealaari.polls import queries
    from idealaari.polls import views as _views  # noqa: F401 - registers the routes on bp
    from idealaari.polls.cli import polls_cli

    app.cli.add_command(polls_cli)
    app.jinja_env.globals.update(
        open_polls=queries.open_polls,
        poll_phase=lambda poll: poll.phase(utcnow()),
    )
