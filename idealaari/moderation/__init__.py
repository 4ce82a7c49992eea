"""Moderation: reports, the queue and its decisions, merging duplicates, the audit log's pages
and the moderation metrics.

items.py          what can be reported and hidden (ideas and comments), one adapter per kind
services.py       reports, decisions, curation, merging and undoing; each appends to the log
queries.py        the queue and its health, an item's cases, the metrics
notifications.py  authors told of hides, restores and approvals; moderators of overdue items
"""

from flask import Blueprint, Flask

bp = Blueprint("moderation", __name__, url_prefix="/moderation")


def init_app(app: Flask) -> None:
    from flask_babel import lazy_gettext as _l

    from idealaari.audit.services import action_label, register_actions
    from idealaari.moderation import notifications, views  # noqa: F401 - routes
    from idealaari.moderation.cli import moderation_cli
    from idealaari.signals import content_published

    register_actions(
        {
            "auto_hidden": _l("Hidden by members' reports"),
            "case_dismissed": _l("Dismissed reports"),
            "item_hidden": _l("Hid content"),
            "item_restored": _l("Restored content"),
            "post_approved": _l("Approved a new member's post"),
            "title_edited": _l("Edited a title"),
            "comments_locked": _l("Closed comments"),
            "comments_unlocked": _l("Opened comments"),
            "idea_featured": _l("Featured an idea"),
            "idea_unfeatured": _l("Stopped featuring an idea"),
            "ideas_merged": _l("Merged duplicate ideas"),
            "merge_undone": _l("Undid a merge"),
            "comment_hidden": _l("Hid a comment"),
            "comment_shown": _l("Showed a comment again"),
        }
    )
    notifications.register_kinds()
    content_published.connect(_hold_new_members_posts, weak=False)
    app.jinja_env.globals.update(
        moderation_state=_moderation_state,
        has_reported=_has_reported,
        audit_action_label=action_label,
    )
    app.jinja_env.filters["duration"] = _duration
    app.register_blueprint(bp)
    app.cli.add_command(moderation_cli)


def _hold_new_members_posts(sender, *, kind, item, author, **extra) -> None:
    from idealaari.moderation.services import hold_for_approval

    hold_for_approval(kind=kind, item=item, author=author)


def _moderation_state(kind: str, item_id: int):
    """'premoderation', 'reports' or None: why a hidden item waits, for its notice."""
    from idealaari.moderation.queries import open_case_kind

    found = open_case_kind(kind, item_id)
    return found.value if found is not None else None


def _has_reported(user, kind: str, item_id: int) -> bool:
    from idealaari.moderation.queries import has_reported

    return has_reported(user, kind, item_id)


def _duration(delta) -> str:
    """A wait as words in the page's language ("3 päivää", "5 tuntia")."""
    from flask_babel import format_timedelta

    return format_timedelta(delta, granularity="minute", threshold=1.5)
