"""Theme polls (teemaäänestys): members propose and vote on the themes of the next meeting."""

from flask import Blueprint, Flask

bp = Blueprint("polls", __name__)


def init_app(app: Flask) -> None:
    """Register the poll pages, the poll target, the notification kinds and `flask polls`."""
    from idealaari import targets
    from idealaari.dbtypes import utcnow
    from idealaari.polls import notifications
    from idealaari.polls import views as _views  # noqa: F401 - registers the routes on bp
    from idealaari.polls.cli import polls_cli
    from idealaari.polls.models import Poll

    targets.register(
        targets.TargetType(
            targets.TargetKind.POLL,
            model=Poll,
            title=lambda poll: poll.question,
            link=lambda poll: ("polls.detail", {"poll_id": poll.id}),
        )
    )
    notifications.register_kinds()
    app.register_blueprint(bp)
    app.cli.add_command(polls_cli)
    app.jinja_env.globals["poll_phase"] = lambda poll: poll.phase(utcnow())
