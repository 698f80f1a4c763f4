"""Dictionary forms of Ukrainian words, for search."""

from website import lemmas


def test_every_reading_of_a_word_is_kept():
    """«Києві» stands for «київ» (and «кий», its other reading); apostrophes stay inside words."""
    assert "київ" in lemmas.forms("uk", "Києві")
    assert lemmas.text("uk", "м'ясо й об’єкта").split() == ["мясо", "й", "обєкт"]


def test_a_query_keeps_phrases_exclusions_and_or():
    """Quotes, -word and or become tsquery operators over each word's forms."""
    query = lemmas.query("uk", '"у Києві" -Львів or Одеса')
    assert query.count("&") >= 1
    assert "!(" in query
    assert " | " in query
    assert not lemmas.query("uk", '  -- "" ')


def test_english_is_left_to_postgresql():
    """English items store no dictionary forms: PostgreSQL's stemmer searches them."""
    assert lemmas.document("en", title="Schools") == {}
