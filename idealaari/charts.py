"""A small kit of server-rendered SVG charts that any domain can use: horizontal bars, single
or stacked, drawn by the macro in templates/_macros/charts.html.

A chart is data (its title, a description, the series and one row per category); this module
works out the geometry, in percentages of the chart's width, so the SVG takes the width of its
box at any screen size and its text keeps its size. The macro gives every chart a <title> and
<desc> (role="img", aria-labelledby), a pattern besides a colour for each series (so colour is
never the only cue), the value written at the end of every bar, and the data as a table behind
a <details> toggle that works without JavaScript. No script and no style attributes: the
Content-Security-Policy forbids them, and WeasyPrint draws the same SVG into a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Colours with at least 3:1 contrast against white (WCAG 1.4.11), told apart by pattern too.
PALETTE = ("#0b5a6b", "#a14a0b", "#5a3d8a", "#2f6a2f", "#8a1c3d", "#3f4f5f")
# Fill patterns, one per series in order: solid, stripes, dots, cross-hatch, ...
PATTERNS = ("solid", "stripes", "dots", "grid", "rstripes", "solid")

ROW_HEIGHT = 50  # px: a label line over a bar
LABEL_BASELINE = 17
BAR_TOP = 23
BAR_HEIGHT = 18
# The longest bar takes this share of the width; the rest is room for its value.
BAR_SPAN = 86.0


@dataclass(frozen=True)
class Series:
    key: str
    label: str


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]
    href: str | None = None

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass(frozen=True)
class Segment:
    series: int  # index into Chart.series
    value: int
    x: float  # percent of the width
    width: float


@dataclass(frozen=True)
class Bar:
    row: Row
    y: int  # px from the top of the chart
    segments: list[Segment]
    end: float  # percent: where the value label starts


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart; with more than one series, the bars are stacked."""

    id: str
    title: str
    description: str
    series: tuple[Series, ...]
    rows: tuple[Row, ...]
    category_label: str = ""  # the heading of the table's first column
    empty_message: str = ""
    extra: dict = field(default_factory=dict)

    def __post_init__(self):
        if not re.fullmatch(r"[a-z][a-z0-9-]*", self.id):
            raise ValueError(f"chart id must be a lowercase slug: {self.id!r}")
        for row in self.rows:
            if len(row.values) != len(self.series):
                raise ValueError(f"row {row.label!r} has {len(row.values)} values")

    @property
    def stacked(self) -> bool:
        return len(self.series) > 1

    @property
    def is_empty(self) -> bool:
        return not self.rows or all(row.total == 0 for row in self.rows)

    @property
    def height(self) -> int:
        return max(1, len(self.rows)) * ROW_HEIGHT

    @property
    def maximum(self) -> int:
        return max((row.total for row in self.rows), default=0)

    def colour(self, index: int) -> str:
        return PALETTE[index % len(PALETTE)]

    def pattern(self, index: int) -> str:
        return PATTERNS[index % len(PATTERNS)]

    def pattern_id(self, index: int, where: str = "p") -> str:
        return f"{self.id}-{where}{index}"

    def bars(self) -> list[Bar]:
        """Each row's segments, scaled so the longest bar spans BAR_SPAN percent."""
        top = self.maximum or 1
        bars = []
        for i, row in enumerate(self.rows):
            x = 0.0
            segments = []
            for s, value in enumerate(row.values):
                if value <= 0:
                    continue
                width = round(BAR_SPAN * value / top, 3)
                segments.append(Segment(s, value, round(x, 3), width))
                x += width
            bars.append(Bar(row, i * ROW_HEIGHT, segments, round(x + 1.0, 3)))
        return bars

    def series_totals(self) -> list[int]:
        return [sum(row.values[i] for row in self.rows) for i in range(len(self.series))]


def bar_chart(
    chart_id: str,
    title: str,
    rows: list[tuple[str, int]] | list[tuple[str, int, str | None]],
    *,
    description: str = "",
    value_label: str = "",
    category_label: str = "",
    empty_message: str = "",
) -> Chart:
    """A single-series chart from (label, value[, link]) pairs."""
    return Chart(
        chart_id,
        title,
        description,
        (Series("value", value_label),),
        tuple(Row(r[0], (int(r[1]),), r[2] if len(r) > 2 else None) for r in rows),
        category_label=category_label,
        empty_message=empty_message,
    )


def stacked_chart(
    chart_id: str,
    title: str,
    series: list[tuple[str, str]],
    rows: list[tuple[str, list[int]]],
    *,
    description: str = "",
    category_label: str = "",
    empty_message: str = "",
) -> Chart:
    """A stacked chart: series as (key, label) pairs, rows as (label, values in series order)."""
    return Chart(
        chart_id,
        title,
        description,
        tuple(Series(k, label) for k, label in series),
        tuple(Row(label, tuple(int(v) for v in values)) for label, values in rows),
        category_label=category_label,
        empty_message=empty_message,
    )
