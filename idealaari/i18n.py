"""Language choice: Finnish first, Swedish and English selectable; the choice persists."""

from __future__ import annotations

from flask import current_app, has_request_context, request
from flask_babel import get_locale
from flask_login import current_user

LANGUAGE_COOKIE = "idealaari_lang"
LANGUAGE_NAMES = {"fi": "Suomeksi", "sv": "På svenska", "en": "In English"}


def select_locale() -> str:
    """The member's saved language, else the cookie, else Finnish."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():  # CLI commands answer operators in English
        return "en"
    if current_user and current_user.is_authenticated and current_user.locale in languages:
        return current_user.locale
    lang = request.cookies.get(LANGUAGE_COOKIE)
    if lang in languages:
        return lang
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def current_language() -> str:
    try:
        return str(get_locale() or "fi")
    except RuntimeError:  # outside a request (CLI, tests)
        return "fi"


class LocalisedName:
    """Mixin for rows with name_fi / name_sv / name_en columns."""

    name_fi: str

    @property
    def name(self) -> str:
        """The name in the current UI language, falling back to Finnish."""
        return getattr(self, f"name_{current_language()}", None) or self.name_fi


def remember_language(response, lang: str) -> None:
    """Keep the chosen UI language in its cookie for a year."""
    response.set_cookie(
        LANGUAGE_COOKIE,
        lang,
        max_age=365 * 24 * 3600,
        httponly=True,
        samesite="Lax",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
    )
