"""The edit history: compared once when an edit is saved, bounded, rendered from what was stored,
and in pages."""

import pytest
from sqlalchemy import select

from idealaari.extensions import db
from idealaari.ideas import history, services
from idealaari.ideas.models import IdeaRevision
from tests.test_reads_do_not_write import recorded_writes


def _fields(idea, **changes) -> services.IdeaFields:
    values = {
        "title": idea.title,
        "summary": idea.summary,
        "body": idea.body,
        "need": idea.need,
        "organisation": idea.organisation,
        "phase": idea.phase,
        **changes,
    }
    return services.IdeaFields(**values)


def _edit(idea, editor=None, **changes) -> None:
    services.update_idea(idea=idea, editor=editor or idea.author, values=_fields(idea, **changes))
    db.session.commit()


def _refuse_diffing(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the history page must not diff")

    monkeypatch.setattr(history, "text_segments", refuse)
    monkeypatch.setattr(history, "changes_between", refuse)
    monkeypatch.setattr(history.Indel, "opcodes", refuse)


# --- The comparison itself ------------------------------------------------------------------


def test_word_segments_mark_removed_before_added():
    assert history.text_segments("Vanha kuvaus tässä", "Uusi kuvaus tässä") == [
        ["-", "Vanha"],
        ["+", "Uusi"],
        ["=", " kuvaus tässä"],
    ]
    assert history.text_segments("", "Uusi") == [["+", "Uusi"]]


def test_rendered_segments_are_escaped():
    html = history.render_segments([["=", "a < b "], ["+", "<script>"]])
    assert str(html) == "a &lt; b <ins>&lt;script&gt;</ins>"


def test_beyond_the_word_limit_lines_are_compared_first():
    before = "Alku yksi.\nToinen rivi pysyy tässä.\nLoppu yksi.\n"
    after = "Alku kaksi.\nToinen rivi pysyy tässä.\nLoppu kaksi.\n"
    # Too many word pairs for a word diff of the whole text, but the changed lines fit.
    segments = history.text_segments(before, after, limit=100)
    assert segments == [
        ["=", "Alku "],
        ["-", "yksi."],
        ["+", "kaksi."],
        ["=", "\nToinen rivi pysyy tässä.\nLoppu "],
        ["-", "yksi."],
        ["+", "kaksi."],
        ["=", "\n"],
    ]
    # With too little budget left for words, the changed lines are shown whole.
    whole = history.text_segments(before, after, limit=20)
    assert whole[:2] == [["-", "Alku yksi.\n"], ["+", "Alku kaksi.\n"]]
    assert whole[-2:] == [["-", "Loppu yksi.\n"], ["+", "Loppu kaksi.\n"]]


def test_huge_texts_are_too_large_to_compare():
    # The longest bodies the form takes, one character per line, changed everywhere: any
    # comparison would look at 10,000 x 10,000 pairs.
    before, after = "a\n" * 10_000, "b\n" * 10_000
    assert history.text_segments(before, after) is None
    changes = history.changes_between({"body": before}, {"body": after})
    assert changes == [{"field": "body", "too_large": True}]


def test_the_longest_single_line_body_is_compared_within_the_budget():
    before = " ".join(["sana"] * 4_000)  # 20,000 characters, 8,000 tokens
    # One word changed: the unchanged start and end are left out of the comparison.
    one_place = history.text_segments(before, before[:-4] + "loppu")
    assert one_place == [["=", before[:-4]], ["-", "sana"], ["+", "loppu"]]
    # Changed at both ends, over the word limit and all on one line: the line removed and added.
    both_ends = history.text_segments(before, "alku" + before[4:-4] + "loppu")
    assert [op for op, _ in both_ends] == ["-", "+"]


# --- Stored when saved, rendered from storage --------------------------------------------------


def test_an_edit_stores_what_changed(make_idea):
    idea = make_idea(body="Vanha kuvaus.")
    _edit(idea, body="Uusi kuvaus.")
    revisions = db.session.scalars(
        select(IdeaRevision).where(IdeaRevision.idea_id == idea.id).order_by(IdeaRevision.number)
    ).all()
    assert revisions[0].changes == []
    assert revisions[1].changes == [
        {"field": "body", "segments": [["-", "Vanha"], ["+", "Uusi"], ["=", " kuvaus."]]}
    ]


def test_the_history_page_renders_the_stored_diff_without_diffing(client, make_idea, monkeypatch):
    idea = make_idea(body="Vanha kuvaus on tässä.")
    _edit(idea, body="Uusi kuvaus on tässä.")
    _refuse_diffing(monkeypatch)
    page = client.get(f"/ideas/{idea.id}/history")
    assert page.status_code == 200
    assert "<del>Vanha</del><ins>Uusi</ins> kuvaus on tässä." in page.text


def test_a_huge_edit_says_too_large_to_compare(client, make_idea, monkeypatch):
    idea = make_idea(body="a\n" * 10_000)
    _edit(idea, body="b\n" * 10_000)
    _refuse_diffing(monkeypatch)
    page = client.get(f"/ideas/{idea.id}/history").text
    assert "too large to compare" in page


def test_a_revision_without_stored_changes_is_not_diffed_on_view(client, make_idea, monkeypatch):
    idea = make_idea(body="Vanha kuvaus.")
    _edit(idea, body="Uusi kuvaus.")
    db.session.scalar(select(IdeaRevision).where(IdeaRevision.number == 2)).changes = None
    db.session.commit()
    _refuse_diffing(monkeypatch)
    page = client.get(f"/ideas/{idea.id}/history").text
    assert "The changes of this edit were not recorded." in page


def test_viewing_the_history_does_not_write(client, login, make_user, make_idea):
    idea = make_idea(body="Vanha kuvaus.")
    _edit(idea, body="Uusi kuvaus.")
    for reader in (None, make_user()):
        if reader is not None:
            login(reader)
        db.session.commit()
        with recorded_writes() as writes:
            assert client.get(f"/ideas/{idea.id}/history").status_code == 200
            assert client.get(f"/ideas/{idea.id}/history?page=2").status_code == 404
        assert writes == []


# --- Pages ----------------------------------------------------------------------------------


def test_the_history_comes_in_pages_newest_first(client, make_idea):
    idea = make_idea(summary="Tiivistelmä, versio 1, riittävän pitkä.")
    for n in range(2, 24):
        _edit(idea, summary=f"Tiivistelmä, versio {n}, riittävän pitkä.")
    first = client.get(f"/ideas/{idea.id}/history").text
    assert "#23" in first and "#14" in first and "#13" not in first
    assert f'href="/ideas/{idea.id}/history?page=2"' in first
    last = client.get(f"/ideas/{idea.id}/history?page=3").text
    assert "#3<" in last and "#1<" in last and "#4<" not in last
    assert "created the idea" in last
    assert client.get(f"/ideas/{idea.id}/history?page=4").status_code == 404
    assert client.get(f"/ideas/{idea.id}/history?page=abc").status_code == 200


def test_the_idea_page_counts_revisions_without_loading_them(client, make_idea):
    idea = make_idea()
    _edit(idea, body="Toinen versio kuvauksesta.")
    page = client.get(f"/ideas/{idea.id}-{idea.slug}").text
    assert f'href="/ideas/{idea.id}/history"' in page


@pytest.mark.parametrize("field", ["title", "summary", "need"])
def test_every_text_field_is_compared(make_idea, field):
    idea = make_idea()
    _edit(idea, **{field: getattr(idea, field) + " Lisätty loppu."})
    newest = db.session.scalar(
        select(IdeaRevision)
        .where(IdeaRevision.idea_id == idea.id)
        .order_by(IdeaRevision.number.desc())
        .limit(1)
    )
    assert newest.changes[0]["field"] == field
    assert ["+", " Lisätty loppu."] in newest.changes[0]["segments"]


def test_long_unchanged_text_is_shortened_around_the_changes():
    start, middle, end = "alku " * 100, " keski " * 100, " loppu" * 100
    html = str(
        history.render_segments([["=", start], ["+", "A"], ["=", middle], ["-", "B"], ["=", end]])
    )
    assert html.count('class="diff-gap"') == 3 and "unchanged text left out" in html
    assert "<ins>A</ins>" in html and "<del>B</del>" in html
    assert len(html) < len(start + middle + end)
    short = str(history.render_segments([["=", "lyhyt "], ["+", "A"], ["=", " loppu"]]))
    assert short == "lyhyt <ins>A</ins> loppu"
