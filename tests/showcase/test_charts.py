"""The SVG chart kit: geometry, accessibility, and no inline script or style."""

import re

import pytest
from flask import render_template_string

from idealaari.charts import bar_chart, stacked_chart

MACRO = '{% from "_macros/charts.html" import bar_chart %}{{ bar_chart(chart) }}'


def test_the_longest_bar_spans_the_chart_and_stacks_add_up():
    chart = stacked_chart(
        "areas",
        "Osallistuminen",
        [("a", "Ideat"), ("b", "Kommentit")],
        [("A", [2, 2]), ("B", [1, 0])],
    )
    first, second = chart.bars()
    assert [s.width for s in first.segments] == [43.0, 43.0]
    assert first.segments[1].x == 43.0
    assert len(second.segments) == 1 and second.segments[0].width == 21.5
    assert chart.series_totals() == [3, 2]


def test_a_chart_needs_a_slug_id_and_a_value_per_series():
    with pytest.raises(ValueError):
        bar_chart("Not a slug", "T", [("a", 1)])
    with pytest.raises(ValueError):
        stacked_chart("x", "T", [("a", "A"), ("b", "B")], [("row", [1])])


def test_the_chart_is_an_accessible_svg_with_its_data_as_a_table(app):
    chart = stacked_chart(
        "kinds",
        "Participation per kind",
        [("ideas", "Ideas"), ("comments", "Comments")],
        [("Wellbeing services county", [3, 4]), ("NGO", [1, 0])],
        description="Ideas and comments.",
    )
    with app.test_request_context(headers={"Cookie": "idealaari_lang=en"}):
        html = render_template_string(MACRO, chart=chart)
    assert 'role="img" aria-labelledby="kinds-title kinds-desc"' in html
    assert '<title id="kinds-title">Participation per kind</title>' in html
    assert "Wellbeing services county: Ideas 3, Comments 4; total 7." in html
    assert '<pattern id="kinds-p1"' in html  # the second series is striped, not only coloured
    assert "<details" in html and "<summary>Show as table" in html
    assert '<td class="num">7</td>' in html
    assert "<script" not in html and not re.search(r"\sstyle=", html)


def test_an_empty_chart_says_so(app):
    chart = bar_chart("empty", "Adoptions", [], empty_message="Nothing yet.")
    with app.test_request_context(headers={"Cookie": "idealaari_lang=en"}):
        html = render_template_string(MACRO, chart=chart)
    assert "Nothing yet." in html and "<svg" not in html
