"""The metrics page's charts, drawn by the shared chart kit (idealaari/charts.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask_babel import format_date
from flask_babel import gettext as _

from idealaari.charts import Chart, bar_chart, stacked_chart
from idealaari.moderation import queries

WEEKS = 12


def _in(unit: int, delta: timedelta | None) -> int:
    return round(delta.total_seconds() / unit) if delta is not None else 0


def metrics_charts(*, now: datetime) -> dict[str, Chart]:
    since = now - timedelta(days=90)
    moderators = queries.actions_per_moderator(since=since)
    weeks = queries.content_per_week(weeks=WEEKS, now=now)
    decisions = queries.decisions_by_kind(since=since)
    times = [queries.decision_figures(30, now), queries.decision_figures(90, now)]
    longest = max((f.p90 for f in times if f.p90 is not None), default=timedelta(0))
    # Hours, unless every decision came within two hours: then minutes, so the bars show.
    unit = 3600 if longest >= timedelta(hours=2) else 60
    return {
        "times": stacked_chart(
            "decision-times",
            _("Time to a decision, in hours")
            if unit == 3600
            else _("Time to a decision, in minutes"),
            [("median", _("Median")), ("p90", _("90th percentile, beyond the median"))],
            [
                (
                    _("Last %(days)d days (%(n)d decisions)", days=f.days, n=f.decided),
                    [_in(unit, f.median), max(0, _in(unit, f.p90) - _in(unit, f.median))],
                )
                for f in times
            ],
            description=_(
                "The bar's first part is the median wait; the whole bar is the 90th percentile."
            ),
            category_label=_("Period"),
            empty_message=_("No decisions in the last 90 days."),
        ),
        "moderators": bar_chart(
            "actions-per-moderator",
            _("Actions per moderator, last 90 days"),
            [(user.name if user else _("Former member"), n) for user, n in moderators],
            value_label=_("Actions"),
            category_label=_("Moderator"),
            empty_message=_("No moderator actions in the last 90 days."),
        ),
        "decisions": bar_chart(
            "decisions",
            _("Decisions by kind, last 90 days"),
            [(d.label, n) for d, n in decisions],
            value_label=_("Decisions"),
            category_label=_("Decision"),
            empty_message=_("No decisions in the last 90 days."),
        ),
        "volume": stacked_chart(
            "content-per-week",
            _("New content per week"),
            [("ideas", _("Ideas published")), ("comments", _("Comments"))],
            [
                (_("Week of %(day)s", day=format_date(monday, "d.M.yyyy")), [ideas, comments])
                for monday, ideas, comments in weeks
            ],
            description=_("The last %(n)d weeks, newest last.", n=WEEKS),
            category_label=_("Week"),
        ),
    }
