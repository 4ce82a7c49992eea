"""Members of the network and their roles."""

from __future__ import annotations

import enum
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db

if TYPE_CHECKING:
    from idealaari.organisations.models import Organisation


class Role(enum.StrEnum):
    MEMBER = "member"
    AREA_CONTACT = "area_contact"
    MODERATOR = "moderator"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return str(ROLE_LABELS[self])


ROLE_LABELS = {
    Role.MEMBER: _l("Member"),
    Role.AREA_CONTACT: _l("Area contact"),
    Role.MODERATOR: _l("Moderator"),
    Role.ADMIN: _l("Admin"),
}


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    title: Mapped[str] = mapped_column(String(200), default="")
    # What the member knows about, shown on the profile ("lääkehoito, kotiin vietävät palvelut").
    expertise: Mapped[str] = mapped_column(String(500), default="", server_default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(str_enum(Role), default=Role.MEMBER)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    locale: Mapped[str | None] = mapped_column(String(5))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # None until the member follows the link in the verification mail.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Flask-Login's alternative id: rotated by "log out from all devices", a password change
    # and a password reset, which ends every session and remember-me cookie made before.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    # E-mail digest of notifications: "daily", "weekly" or "off".
    digest_frequency: Mapped[str] = mapped_column(
        String(10), default="weekly", server_default="weekly"
    )

    # Suspended by an admin until this moment, with the reason the member is told at login.
    suspended_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    suspension_reason: Mapped[str | None] = mapped_column(String(500))
    # Set when a moderator approves the member's first post (pre-moderation), and for members
    # who had posted before pre-moderation was switched on.
    posts_approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    organisation: Mapped[Organisation] = relationship(lazy="joined")

    def get_id(self) -> str:  # Flask-Login: sessions and remember-me cookies carry this
        return self.session_token

    @property
    def is_verified(self) -> bool:
        return self.email_verified_at is not None

    def is_suspended(self, now: datetime | None = None) -> bool:
        return self.suspended_until is not None and self.suspended_until > (now or utcnow())

    @property
    def is_active(self) -> bool:  # Flask-Login: a deactivated or suspended member cannot log in
        return self.active and not self.is_suspended()

    def __repr__(self) -> str:
        return f"<User {self.email}>"
