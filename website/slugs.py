"""Slugs made from titles and names: Ukrainian in the national transliteration, then ASCII.

The transliteration is the Cabinet of Ministers' of 2010 (resolution No. 55), the one
Ukrainian passports and road signs use: «Київ» kyiv, «Харків» kharkiv, «Збройні сили»
zbroini-syly. Є, Ї, Й, Ю and Я are written one way at the start of a word and another inside
it; «зг» is zgh, to tell it from ж (zh); the soft sign and the apostrophe are left out.

The admin's slug fields, filled in as an editor types, use the same table: static/js/slugs.js
gets it through the {% slug_transliteration %} tag.
"""

from django.utils.text import slugify

# Each letter: at the start of a word, and inside it.
LETTERS = {
    "а": ("a", "a"),
    "б": ("b", "b"),
    "в": ("v", "v"),
    "г": ("h", "h"),
    "ґ": ("g", "g"),
    "д": ("d", "d"),
    "е": ("e", "e"),
    "є": ("ye", "ie"),
    "ж": ("zh", "zh"),
    "з": ("z", "z"),
    "и": ("y", "y"),
    "і": ("i", "i"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "к": ("k", "k"),
    "л": ("l", "l"),
    "м": ("m", "m"),
    "н": ("n", "n"),
    "о": ("o", "o"),
    "п": ("p", "p"),
    "р": ("r", "r"),
    "с": ("s", "s"),
    "т": ("t", "t"),
    "у": ("u", "u"),
    "ф": ("f", "f"),
    "х": ("kh", "kh"),
    "ц": ("ts", "ts"),
    "ч": ("ch", "ch"),
    "ш": ("sh", "sh"),
    "щ": ("shch", "shch"),
    "ь": ("", ""),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
    # Not Ukrainian letters, but in names that come in with imports.
    "ё": ("yo", "io"),
    "ъ": ("", ""),
    "ы": ("y", "y"),
    "э": ("e", "e"),
}
# A letter written differently after another: г after з (zgh, not zh).
AFTER = {"зг": "gh"}
# Inside a word, as in «м'ясо» (miaso): left out, and the word goes on.
APOSTROPHES = "'’ʼ`"


def transliterate(text: str) -> str:
    """Ukrainian letters in Latin ones, lower case; everything else as it was."""
    text = text.lower()
    latin = []
    for position, letter in enumerate(text):
        before = text[position - 1] if position else ""
        if before + letter in AFTER:
            latin.append(AFTER[before + letter])
        elif letter in LETTERS:
            inside = before != "" and (before.isalpha() or before in APOSTROPHES)
            latin.append(LETTERS[letter][1 if inside else 0])
        elif letter in APOSTROPHES and before.isalpha():
            continue
        else:
            latin.append(letter)
    return "".join(latin)


def slug_from(text: str, *, max_length: int = 100) -> str:
    """An ASCII address part from a title or name ("" when nothing of it is a letter or digit)."""
    return slugify(transliterate(text))[:max_length].strip("-")


def table() -> dict:
    """The transliteration as data, for the admin's slug fields."""
    return {"letters": LETTERS, "after": AFTER, "apostrophes": APOSTROPHES}
