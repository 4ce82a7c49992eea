"""Organisations of the network: wellbeing areas, municipalities, NGOs, companies, schools."""

from flask import Blueprint, Flask

bp = Blueprint("organisations", __name__, url_prefix="/organisations")


def init_app(app: Flask) -> None:
    """Register the organisation pages, `flask organisations` and organisations as targets."""
    from idealaari import targets
    from idealaari.organisations import views  # noqa: F401 - routes
    from idealaari.organisations.models import Organisation

    targets.register(
        targets.TargetType(
            targets.TargetKind.ORGANISATION,
            model=Organisation,
            title=lambda org: org.name,
            link=lambda org: ("organisations.detail", {"code": org.code}),
            followable=True,
        )
    )
    from idealaari.organisations.cli import organisations_cli

    app.register_blueprint(bp)
    app.cli.add_command(organisations_cli)
