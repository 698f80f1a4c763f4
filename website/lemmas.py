"""Words to their dictionary forms, for searching a language PostgreSQL cannot stem.

PostgreSQL ships a Snowball stemmer for English but none for Ukrainian, whose nouns,
adjectives and verbs change their endings (and sometimes their stems: Київ, у Києві).
pymorphy3 with pymorphy3-dicts-uk knows every form of the words of VESUM, the Ukrainian
grammatical dictionary, and guesses unknown words from their endings. A word often has
more than one reading ("Києві" is a form of "Київ" and of "кий"), so a word stands for
all its dictionary forms, in the stored text and in a reader's query alike.
"""

import re
from functools import cache

# The languages searched by dictionary forms; the others by PostgreSQL's own stemming.
LEMMATISED = ("uk",)
# A word: letters and digits, with apostrophes and hyphens inside (м'ясо, Івано-Франківськ).
WORD = re.compile(r"\w+(?:['’ʼ\-]\w+)*")
APOSTROPHES = str.maketrans("", "", "'’ʼ")


@cache
def _analyser(language: str):
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=language)


def is_lemmatised(language: str) -> bool:
    return language in LEMMATISED


@cache
def forms(language: str, word: str) -> tuple[str, ...]:
    """The dictionary forms of one word, without apostrophes (PostgreSQL's parser would
    split a word at one), each once, most likely first."""
    found = []
    for parse in _analyser(language).parse(word.lower()):
        form = parse.normal_form.translate(APOSTROPHES).replace("ґ", "г")
        if form not in found:
            found.append(form)
    return tuple(found) or (word.lower().translate(APOSTROPHES),)


def text(language: str, value: str) -> str:
    """value with each word replaced by all its dictionary forms."""
    return " ".join(" ".join(forms(language, word)) for word in WORD.findall(value or ""))


def document(language: str, **parts: str) -> dict[str, str]:
    """The dictionary forms of each part of an item (headline, standfirst, body), or nothing
    for a language PostgreSQL stems itself."""
    if not is_lemmatised(language):
        return {}
    return {name: text(language, value) for name, value in parts.items()}


def _lexeme(form: str) -> str:
    return "'" + form.replace("'", "''").replace("\\", "") + "'"


def _word_query(language: str, word: str) -> str:
    alternatives = " | ".join(_lexeme(form) for form in forms(language, word))
    return f"({alternatives})"


# A reader's query: "a phrase", -word, or, and words (websearch syntax).
QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)(' + WORD.pattern + ")")


def query(language: str, terms: str) -> str:
    """A reader's words as a to_tsquery() expression over dictionary forms.

    Keeps the web-search syntax readers know: quotes for a phrase (its words in order),
    -word to leave a word out, "or" between alternatives; other words must all be there.
    Empty when there is no word.
    """
    parts: list[str] = []
    joiner = " & "
    for match in QUERY_TOKEN.finditer(terms):
        phrase_minus, phrase, word_minus, word = match.groups()
        if word is not None and word.lower() == "or" and parts:
            joiner = " | "
            continue
        if phrase is not None:
            words = WORD.findall(phrase)
            if not words:
                continue
            # Each word stands for all its forms, so a phrase is its words, in any order.
            expression = "(" + " & ".join(_word_query(language, w) for w in words) + ")"
            negated = bool(phrase_minus)
        else:
            expression = _word_query(language, word)
            negated = bool(word_minus)
        if negated:
            expression = f"!{expression}"
        if parts:
            parts.append(joiner)
        parts.append(expression)
        joiner = " & "
    return "".join(parts)
