"""Administration: users and roles, suspensions, organisations, site settings and pages, and the
coordination team's exports. Permissions are in idealaari/permissions.py."""

from flask import Blueprint, Flask

bp = Blueprint("admin", __name__, url_prefix="/admin")


def init_app(app: Flask) -> None:
    from flask_babel import lazy_gettext as _l

    from idealaari.admin import export_views, views  # noqa: F401 - routes
    from idealaari.audit.services import register_actions

    register_actions(
        {
            "role_changed": _l("Changed a member's role"),
            "user_suspended": _l("Suspended a member"),
            "suspension_lifted": _l("Lifted a suspension"),
            "organisation_edited": _l("Edited an organisation"),
            "organisations_merged": _l("Merged organisations"),
            "area_contact_named": _l("Named an area contact"),
            "export_downloaded": _l("Downloaded an export"),
            "audit_exported": _l("Exported the audit log"),
        }
    )
    app.register_blueprint(bp)
