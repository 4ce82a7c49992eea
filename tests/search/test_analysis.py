"""Finnish analysis: baseforms and compound parts at index time, baseforms at query time."""

import pickle

import pytest

from idealaari.search.analysis import finnish_analyzer, index_forms, query_forms, query_words


def indexed(text):
    return {t.text for t in finnish_analyzer()(text, mode="index")}


@pytest.mark.parametrize(
    "document_word, query_word",
    [
        ("yhteiskehittämisen", "yhteiskehittäminen"),
        ("yhteiskehittämisen", "kehittäminen"),
        ("etäkuntoutuksen", "kuntoutus"),
        ("etäkuntoutuksen", "etäkuntoutus"),
        ("mielenterveyskuntoutujien", "mielenterveys"),
        ("mielenterveyskuntoutujien", "kuntoutuja"),
        ("sairaanhoitajia", "sairaanhoitaja"),
        ("sairaanhoitajia", "hoitaja"),
        ("kotihoidon", "kotihoito"),
        ("lastensuojelun", "lapsi"),
        ("videoyhteydellä", "video"),
        ("ikäihmisille", "ikäihminen"),
        ("päivystykseen", "päivystys"),
    ],
)
def test_inflected_and_compound_words_meet_their_queries(document_word, query_word):
    assert set(query_forms(query_word)) & indexed(document_word)


def test_unknown_words_fall_back_to_stems():
    assert "hus" in indexed("HUS:n")
    assert query_forms("chatbot") and set(query_forms("chatbot")) & indexed("chatbot")


def test_swedish_and_english_text_is_searchable():
    assert set(query_forms("hemvården")) & indexed("hemvården")
    assert set(query_forms("services")) & indexed("service services")


def test_positions_are_kept_for_phrases():
    tokens = [
        (t.text, t.pos) for t in finnish_analyzer()("etäkuntoutuksen jälkeen", positions=True)
    ]
    assert ("kuntoutus", 0) in tokens and ("etä", 0) in tokens
    assert any(pos == 1 for _, pos in tokens)


def test_numbers_and_quotes():
    assert index_forms("2024") == ("2024",)
    assert query_words('"kotihoito" 2024') == [("kotihoito",), ("2024",)]


def test_analyzer_pickles():
    # Whoosh stores the analyzer in the index; it must pickle and come back equal.
    analyzer = finnish_analyzer()
    assert pickle.loads(pickle.dumps(analyzer)) == analyzer
