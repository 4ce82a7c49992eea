"""Organisations of the network: wellbeing areas, municipalities, NGOs, companies, ..."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from idealaari.dbtypes import UTCDateTime, str_enum, utcnow
from idealaari.extensions import db
from idealaari.i18n import LocalisedName


class OrganisationKind(enum.StrEnum):
    WELLBEING_AREA = "wellbeing_area"
    CITY_ORGANISER = "city_organiser"
    JOINT_AUTHORITY = "joint_authority"
    MUNICIPALITY = "municipality"
    NGO = "ngo"
    COMPANY = "company"
    UNIVERSITY = "university"
    STATE = "state"
    OTHER = "other"

    @property
    def label(self) -> str:
        return str(ORGANISATION_KIND_LABELS[self])

    @property
    def is_area(self) -> bool:
        return self in AREA_KINDS


AREA_KINDS = frozenset(
    {
        OrganisationKind.WELLBEING_AREA,
        OrganisationKind.CITY_ORGANISER,
        OrganisationKind.JOINT_AUTHORITY,
    }
)
# Kinds a member may add at registration; the 23 areas are reference data.
ADDABLE_KINDS = (
    OrganisationKind.MUNICIPALITY,
    OrganisationKind.NGO,
    OrganisationKind.COMPANY,
    OrganisationKind.UNIVERSITY,
    OrganisationKind.STATE,
    OrganisationKind.OTHER,
)

ORGANISATION_KIND_LABELS = {
    OrganisationKind.WELLBEING_AREA: _l("Wellbeing services county"),
    OrganisationKind.CITY_ORGANISER: _l("City (organiser of services)"),
    OrganisationKind.JOINT_AUTHORITY: _l("Joint authority"),
    OrganisationKind.MUNICIPALITY: _l("Municipality"),
    OrganisationKind.NGO: _l("NGO"),
    OrganisationKind.COMPANY: _l("Company"),
    OrganisationKind.UNIVERSITY: _l("University or UAS"),
    OrganisationKind.STATE: _l("State agency"),
    OrganisationKind.OTHER: _l("Other"),
}


class Organisation(LocalisedName, db.Model):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_fi: Mapped[str] = mapped_column(String(200), unique=True)
    name_sv: Mapped[str | None] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    kind: Mapped[OrganisationKind] = mapped_column(str_enum(OrganisationKind))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def is_area(self) -> bool:
        return self.kind.is_area

    def __repr__(self) -> str:
        return f"<Organisation {self.code}>"
