"""The site settings: each with its default, its label and what values it takes.

`value(key)` reads the database once per request (all settings in one query) and falls back to
the default; `change(...)` validates, stores and logs each changed value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flask import g, has_request_context
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from idealaari.audit.services import record
from idealaari.dbtypes import utcnow
from idealaari.extensions import db
from idealaari.site.models import SiteSetting


@dataclass(frozen=True)
class Setting:
    key: str
    label: Any
    description: Any
    default: Any
    kind: str  # "int", "bool" or "choice"
    choices: tuple[tuple[str, Any], ...] = ()
    minimum: int = 0
    maximum: int = 0

    def parse(self, raw: Any) -> Any:
        """The value from a form or the command line; ValueError with a message for the admin."""
        if self.kind == "bool":
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in ("1", "true", "on", "yes", "y")
        if self.kind == "int":
            try:
                number = int(str(raw).strip())
            except ValueError:
                raise ValueError(_("Give a whole number.")) from None
            if not self.minimum <= number <= self.maximum:
                raise ValueError(
                    _("Give a number from %(min)d to %(max)d.", min=self.minimum, max=self.maximum)
                )
            return number
        value = str(raw).strip()
        if value not in {key for key, _label in self.choices}:
            raise ValueError(_("Choose one of the options."))
        return value

    def show(self, value: Any) -> str:
        if self.kind == "bool":
            return _("On") if value else _("Off")
        if self.kind == "choice":
            return str(dict(self.choices).get(value, value))
        return str(value)


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in (
        Setting(
            "report_threshold",
            _l("Reports that hide an item"),
            _l(
                "When this many different members have reported an item, it is hidden until a "
                "moderator decides."
            ),
            3,
            "int",
            minimum=1,
            maximum=50,
        ),
        Setting(
            "premoderation",
            _l("Pre-moderate new members"),
            _l(
                "A new member's first idea or comment waits in the moderation queue until a "
                "moderator approves it."
            ),
            False,
            "bool",
        ),
        Setting(
            "registration_open",
            _l("Registration is open"),
            _l("When off, nobody can create a new account; existing members log in as before."),
            True,
            "bool",
        ),
        Setting(
            "default_digest",
            _l("Default e-mail digest for new members"),
            _l("How often a new member gets their digest until they change it."),
            "weekly",
            "choice",
            choices=(("daily", _l("Daily")), ("weekly", _l("Weekly")), ("off", _l("Off"))),
        ),
    )
}

_CACHE = "idealaari_site_settings"


def _stored() -> dict[str, Any]:
    if has_request_context() and _CACHE in g:
        return g.get(_CACHE)
    found = {row.key: row.value for row in db.session.scalars(select(SiteSetting))}
    if has_request_context():
        setattr(g, _CACHE, found)
    return found


def value(key: str) -> Any:
    setting = SETTINGS[key]
    stored = _stored()
    if key in stored:
        try:
            return setting.parse(stored[key])
        except ValueError:
            pass  # a value the rules no longer allow: the default holds
    return setting.default


def values() -> dict[str, Any]:
    return {key: value(key) for key in SETTINGS}


def change(*, actor, changes: dict[str, Any]) -> list[str]:
    """Store the settings that changed (raw values are parsed); return their keys.

    Each change is a row in the audit log with the value before and after.
    """
    parsed = {key: SETTINGS[key].parse(raw) for key, raw in changes.items()}
    changed = []
    now = utcnow()
    for key, new in parsed.items():
        old = value(key)
        if new == old:
            continue
        row = db.session.get(SiteSetting, key)
        if row is None:
            db.session.add(SiteSetting(key=key, value=new, updated_at=now, updated_by_id=actor.id))
        else:
            row.value = new
            row.updated_at = now
            row.updated_by_id = actor.id
        record(
            actor=actor,
            action="setting_changed",
            target_kind="setting",
            target_label=key,
            before=json.dumps(old),
            after=json.dumps(new),
            now=now,
        )
        changed.append(key)
    db.session.flush()
    if has_request_context() and _CACHE in g:
        g.pop(_CACHE)
    return changed
