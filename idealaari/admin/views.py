"""Admin pages. Each route checks its permission first; the view commits once."""

from __future__ import annotations

from idealaari.admin import bp  # noqa: F401
