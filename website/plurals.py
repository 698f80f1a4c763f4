"""Words with a number in every plural form of the page's language, for scripts to choose.

Pages are cached, so a count that only the browser knows ("4 more items loaded") cannot be
put in the page's words on the server: the page carries one text per plural category and
the script asks Intl.PluralRules which category its count is in.
"""

import json
from collections.abc import Callable

# A number of each plural category (Unicode CLDR) in the editions' languages: English has
# one and other, Ukrainian one (1, 21), few (2-4, 22) and many (0, 5-20); its "other" is
# for fractions.
PLURAL_SAMPLES = {"one": 1, "few": 3, "many": 5, "other": 10}


def plural_forms(words: Callable[[int], str]) -> dict[str, str]:
    """words(n) (an ngettext with "%(count)s") for each category, "{count}" for the number."""
    return {
        category: words(number) % {"count": "{count}"}
        for category, number in PLURAL_SAMPLES.items()
    }


def plural_forms_json(**words: Callable[[int], str]) -> str:
    """Several such texts by name, as JSON for a data attribute."""
    return json.dumps(
        {name: plural_forms(each) for name, each in words.items()}, ensure_ascii=False
    )
