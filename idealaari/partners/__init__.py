"""Partner offers (kumppanuus): members offer to join ideas; the ideas' editors answer."""

from flask import Blueprint, Flask

bp = Blueprint("partners", __name__)


def init_app(app: Flask) -> None:
    """Register the routes, the offer target and the notification kinds."""
    from idealaari import permissions, targets
    from idealaari.partners import notifications, views  # noqa: F401 - routes
    from idealaari.partners.models import PartnerOffer

    targets.register(
        targets.TargetType(
            targets.TargetKind.OFFER,
            model=PartnerOffer,
            title=lambda offer: offer.idea.title,
            link=lambda offer: ("partners.idea_partners", {"idea_id": offer.idea_id}),
            can_view=lambda user, offer: permissions.can_view_idea(user, offer.idea),
        )
    )
    notifications.register_kinds()
    app.register_blueprint(bp)
