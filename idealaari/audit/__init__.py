"""The audit log: every moderator and admin action, appended and never changed.

Any domain records its actions with `audit.services.record(...)`; the log's pages live with
moderation. The application only appends: `models` refuses an update or a delete of a row in
the session, and no route edits one.
"""

from flask import Flask


def init_app(app: Flask) -> None:
    """Nothing to register: the log is read by moderation and admin pages."""
    from idealaari.audit import models  # noqa: F401 - the append-only guard
