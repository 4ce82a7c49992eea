"""A compiled year as the reader sees it: charts with labels in their language, the
candidates moderators pick highlights from, and the CSV the coordination team downloads."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from flask_babel import gettext as _

from idealaari.charts import Chart, bar_chart, stacked_chart
from idealaari.i18n import current_language
from idealaari.ideas.models import PartnerRole, Phase
from idealaari.organisations.models import OrganisationKind
from idealaari.showcase.models import HighlightKind


def org_name(org: dict | None) -> str:
    """An organisation of a snapshot, named in the reader's language (Finnish otherwise)."""
    if not org:
        return ""
    return org.get(f"name_{current_language()}") or org.get("name_fi") or org.get("code", "")


def phase_label(value: str) -> str:
    if value not in Phase._value2member_map_:
        return value
    phase = Phase(value)
    return f"{phase.number}. {phase.label}"


def kind_label(value: str) -> str:
    if value in OrganisationKind._value2member_map_:
        return OrganisationKind(value).label
    return value


def role_label(value: str) -> str:
    if value in PartnerRole._value2member_map_:
        return PartnerRole(value).label
    return value


def participation_series() -> list[tuple[str, str]]:
    return [
        ("ideas", _("Ideas published")),
        ("comments", _("Comments")),
        ("votes", _("Votes")),
        ("offers", _("Partner offers")),
    ]


def charts(data: dict, prefix: str) -> dict[str, Chart]:
    """The charts of a compiled year; `prefix` keeps element ids unique on the page."""
    year = data.get("year")
    series = participation_series()
    keys = [k for k, _label in series]
    part = data.get("participation", {"areas": [], "kinds": []})
    area_rows = sorted(
        (
            (org_name(a["organisation"]), [a.get(k, 0) for k in keys])
            for a in part["areas"]
            if sum(a.get(k, 0) for k in keys)
        ),
        key=lambda r: (-sum(r[1]), r[0]),
    )
    kind_rows = sorted(
        (
            (kind_label(k["kind"]), [k.get(s, 0) for s in keys])
            for k in part["kinds"]
            if sum(k.get(s, 0) for s in keys)
        ),
        key=lambda r: (-sum(r[1]), r[0]),
    )
    phases = [(p.value, phase_label(p.value)) for p in Phase]
    area_phase_rows = sorted(
        (
            (org_name(a["organisation"]), [a["phases"].get(p, 0) for p, _label in phases])
            for a in data.get("ideas_by_area_and_phase", [])
            if sum(a["phases"].values())
        ),
        key=lambda r: (-sum(r[1]), r[0]),
    )
    partner_kinds: dict[str, list[int]] = {}
    for p in data.get("partnerships", []):
        row = partner_kinds.setdefault(kind_label(p["partner"]["kind"]), [0, 0, 0])
        row[0 if p["cross_area"] else 1 if p["cross_sector"] else 2] += 1
    adoption_phases = {}
    for a in data.get("adoptions", []):
        adoption_phases[a["phase"]] = adoption_phases.get(a["phase"], 0) + 1
    moved_to = {}
    for m in data.get("phase_moves", []):
        moved_to[m["to_phase"]] = moved_to.get(m["to_phase"], 0) + 1
    empty = _("Nothing to show for this year yet.")
    return {
        "participation_areas": stacked_chart(
            f"{prefix}-participation-areas",
            _("Participation per wellbeing area, %(year)s", year=year),
            series,
            area_rows,
            description=_(
                "Ideas the area published, and comments, votes and partner offers by its members."
            ),
            category_label=_("Wellbeing area"),
            empty_message=empty,
        ),
        "participation_kinds": stacked_chart(
            f"{prefix}-participation-kinds",
            _("Participation per kind of organisation, %(year)s", year=year),
            series,
            kind_rows,
            description=_("Ideas, comments, votes and partner offers by kind of organisation."),
            category_label=_("Kind of organisation"),
            empty_message=empty,
        ),
        "ideas_by_area_and_phase": stacked_chart(
            f"{prefix}-ideas-area-phase",
            _("Ideas per wellbeing area and development phase"),
            phases,
            area_phase_rows,
            description=_("Published and archived ideas of each area, by their phase."),
            category_label=_("Wellbeing area"),
            empty_message=empty,
        ),
        "partnerships": stacked_chart(
            f"{prefix}-partnerships",
            _("New partnerships across areas and sectors, %(year)s", year=year),
            [
                ("cross_area", _("Across areas")),
                ("cross_sector", _("Across sectors")),
                ("other", _("Other organisations")),
            ],
            sorted(partner_kinds.items(), key=lambda r: (-sum(r[1]), r[0])),
            description=_("Accepted partnerships by the partner's kind of organisation."),
            category_label=_("Partner's kind of organisation"),
            empty_message=empty,
        ),
        "adoptions": bar_chart(
            f"{prefix}-adoptions",
            _("Adoptions by the phase reached, %(year)s", year=year),
            [(phase_label(p), n) for p, n in sorted(adoption_phases.items(), key=_phase_order)],
            value_label=_("Adoptions"),
            category_label=_("Development phase"),
            empty_message=empty,
        ),
        "phase_moves": bar_chart(
            f"{prefix}-phase-moves",
            _("Ideas that moved forward, by the phase reached, %(year)s", year=year),
            [(phase_label(p), n) for p, n in sorted(moved_to.items(), key=_phase_order)],
            value_label=_("Ideas"),
            category_label=_("Development phase"),
            empty_message=empty,
        ),
        "challenges": bar_chart(
            f"{prefix}-challenges",
            _("Challenge participation, %(year)s", year=year),
            [(c["challenge"]["title"], c["entries"]) for c in data.get("challenges", [])],
            description=_("Entries in the challenges whose submission closed this year."),
            value_label=_("Entries"),
            category_label=_("Challenge"),
            empty_message=empty,
        ),
    }


def _phase_order(item: tuple[str, int]) -> int:
    values = [p.value for p in Phase]
    return values.index(item[0]) if item[0] in values else len(values)


def total_labels() -> dict[str, str]:
    return {
        "ideas": _("Ideas published"),
        "comments": _("Comments"),
        "votes": _("Votes"),
        "partnerships": _("New partnerships between organisations"),
        "cross_area": _("of which across areas"),
        "cross_sector": _("of which across sectors"),
        "adoptions": _("Adoptions"),
        "phase_moves": _("Ideas that moved forward a phase"),
        "winners": _("Challenge winners"),
        "challenge_entries": _("Challenge entries"),
    }


@dataclass(frozen=True)
class Change:
    """One key figure this year against the year before."""

    key: str
    label: str
    value: int
    previous: int | None

    @property
    def difference(self) -> int | None:
        return None if self.previous is None else self.value - self.previous


def changes(data: dict, previous: dict | None) -> list[Change]:
    labels = total_labels()
    now, before = data.get("totals", {}), (previous or {}).get("totals")
    return [
        Change(k, label, now.get(k, 0), None if before is None else before.get(k, 0))
        for k, label in labels.items()
    ]


def csv_text(data: dict, previous: dict | None, chart_set: dict[str, Chart]) -> str:
    """The figures as CSV: the key figures with the year before, then each chart's data."""
    out = io.StringIO()
    writer = csv.writer(out)
    year = data.get("year")
    writer.writerow([_("Figure"), _("Category"), _("Series"), _("Value"), _("Year")])
    for change in changes(data, previous):
        writer.writerow([_("Key figures"), change.label, "", change.value, year])
        if change.previous is not None:
            writer.writerow([_("Key figures"), change.label, "", change.previous, year - 1])
    for chart in chart_set.values():
        for row in chart.rows:
            for series, value in zip(chart.series, row.values, strict=True):
                writer.writerow([chart.title, row.label, series.label, value, year])
    return out.getvalue()


# --------------------------------------------------------------------------- highlights


@dataclass(frozen=True)
class Candidate:
    """Something of the year a moderator can pick as a highlight."""

    kind: HighlightKind
    item_id: int
    section: str
    kicker: str
    title: str
    organisation: str
    text: str
    idea_id: int | None = None
    idea_slug: str | None = None
    award_kind: str | None = None

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.item_id}"


def candidates(data: dict) -> dict[str, Candidate]:
    """Every item of a compiled year that can be a highlight, by key, in the page's order."""
    found: dict[str, Candidate] = {}

    def add(candidate: Candidate) -> None:
        found.setdefault(candidate.key, candidate)

    for w in data.get("winners", []):
        winner = w["kind"] == "winner"
        add(
            Candidate(
                HighlightKind.AWARD,
                w["award_id"],
                _("Challenge winners"),
                _("Winner: %(challenge)s", challenge=w["challenge"]["title"])
                if winner
                else _("Honourable mention: %(challenge)s", challenge=w["challenge"]["title"]),
                w["idea"]["title"],
                org_name(w["idea"]["organisation"]),
                w.get("statement") or w["idea"]["summary"],
                w["idea"]["id"],
                w["idea"]["slug"],
                w["kind"],
            )
        )
    for a in data.get("adoptions", []):
        add(
            Candidate(
                HighlightKind.ADOPTION,
                a["adoption_id"],
                _("Adoptions"),
                _("Adopted by %(org)s", org=org_name(a["organisation"])),
                a["idea"]["title"],
                org_name(a["idea"]["organisation"]),
                a.get("evidence") or a["idea"]["summary"],
                a["idea"]["id"],
                a["idea"]["slug"],
            )
        )
    for m in data.get("phase_moves", []):
        add(
            Candidate(
                HighlightKind.IDEA,
                m["idea"]["id"],
                _("Ideas that moved forward"),
                _(
                    "From %(before)s to %(after)s",
                    before=phase_label(m["from_phase"]),
                    after=phase_label(m["to_phase"]),
                ),
                m["idea"]["title"],
                org_name(m["idea"]["organisation"]),
                m["idea"]["summary"],
                m["idea"]["id"],
                m["idea"]["slug"],
            )
        )
    for p in data.get("partnerships", []):
        add(
            Candidate(
                HighlightKind.PARTNERSHIP,
                p["offer_id"],
                _("New partnerships"),
                _(
                    "%(org)s joined as %(role)s",
                    org=org_name(p["partner"]),
                    role=role_label(p["role"]).lower(),
                ),
                p["idea"]["title"],
                org_name(p["idea"]["organisation"]),
                p["idea"]["summary"],
                p["idea"]["id"],
                p["idea"]["slug"],
            )
        )
    for section, rows, word in (
        (_("Most discussed"), data.get("most_discussed", []), "comments"),
        (_("Most voted"), data.get("most_voted", []), "votes"),
    ):
        for r in rows:
            kicker = (
                _("%(n)d comments this year", n=r["count"])
                if word == "comments"
                else _("%(n)d votes this year", n=r["count"])
            )
            add(
                Candidate(
                    HighlightKind.IDEA,
                    r["idea"]["id"],
                    section,
                    kicker,
                    r["idea"]["title"],
                    org_name(r["idea"]["organisation"]),
                    r["idea"]["summary"],
                    r["idea"]["id"],
                    r["idea"]["slug"],
                )
            )
    return found
