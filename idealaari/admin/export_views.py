"""The coordination team's exports."""

from __future__ import annotations

from idealaari.admin import bp  # noqa: F401
