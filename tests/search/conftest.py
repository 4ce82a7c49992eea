"""Search fixtures: the challenge fixtures, for searching challenges next to ideas."""

from tests.challenges.conftest import area_contact, make_challenge, moderator  # noqa: F401
