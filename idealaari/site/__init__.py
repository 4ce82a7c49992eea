"""Site settings and the pages admins edit: defaults live in code, changes in the database."""

from flask import Flask


def init_app(app: Flask) -> None:
    from flask_babel import lazy_gettext as _l

    from idealaari.audit.services import register_actions
    from idealaari.site import models  # noqa: F401

    register_actions(
        {
            "setting_changed": _l("Changed a site setting"),
            "page_edited": _l("Edited a site page"),
        }
    )
