"""Ideas (development drafts): lists, pages, editing, history, co-editors and themes."""

from flask import Blueprint, Flask

bp = Blueprint("ideas", __name__)


def init_app(app: Flask) -> None:
    """Register the routes; ideas and themes as targets, ideas as discussion owners, and the
    notification kinds of ideas."""
    from idealaari import permissions, targets
    from idealaari.comments import owners
    from idealaari.ideas import feed_views, notifications, themes_views, views  # noqa: F401 - routes
    from idealaari.ideas.models import Idea, IdeaStatus, Theme

    targets.register(
        targets.TargetType(
            targets.TargetKind.IDEA,
            model=Idea,
            title=lambda idea: idea.title,
            link=lambda idea: ("ideas.detail", {"idea_id": idea.id, "slug": idea.slug}),
            can_view=permissions.can_view_idea,
            followable=True,
        )
    )
    targets.register(
        targets.TargetType(
            targets.TargetKind.THEME,
            model=Theme,
            title=lambda theme: theme.name,
            link=lambda theme: ("ideas.theme", {"theme_id": theme.id, "slug": theme.slug}),
            followable=True,
        )
    )
    owners.register(
        owners.OwnerType(
            targets.TargetKind.IDEA,
            segment="ideas",
            model=Idea,
            refusal=permissions.comment_refusal,
            is_open=lambda idea: idea.status == IdeaStatus.PUBLISHED,
            idea_id=lambda idea: idea.id,
        )
    )
    notifications.register_kinds()
    app.register_blueprint(bp)
